import { columnIndexOf, columnLetters } from "./merges";

/**
 * Rewrites the row references of a formula after rows of one sheet were deleted, the way
 * Excel does: `=SUM(F6:F40)` loses the deleted rows from its range, `=F41` follows its cell
 * up, a reference to a deleted cell becomes `#REF!`. exceljs moves no references itself, so
 * without this a cleaned workbook's totals would point at the wrong rows.
 */

/** The rows being deleted, 1-based, and how to map a surviving row to its new number. */
export class RowDeletion {
  private readonly sorted: number[];
  private readonly set: Set<number>;

  constructor(rowNumbers: Iterable<number>) {
    this.set = new Set(rowNumbers);
    this.sorted = [...this.set].sort((a, b) => a - b);
  }

  get size(): number {
    return this.sorted.length;
  }

  get first(): number | undefined {
    return this.sorted[0];
  }

  isDeleted(row: number): boolean {
    return this.set.has(row);
  }

  /** New number of a surviving row: minus the deleted rows above it. */
  newRow(row: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] ?? 0) < row) lo = mid + 1;
      else hi = mid;
    }
    return row - lo;
  }

  /** A row range after the deletion (new numbers), or undefined when all of it is deleted. */
  newRange(top: number, bottom: number): { top: number; bottom: number } | undefined {
    let a = top;
    while (a <= bottom && this.set.has(a)) a++;
    let b = bottom;
    while (b >= a && this.set.has(b)) b--;
    if (a > b) return undefined;
    return { top: this.newRow(a), bottom: this.newRow(b) };
  }
}

/** `$B$7`, `F6`: column letters and row digits, each optionally anchored with `$`. */
const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}";
/** A reference at a position: a cell or cell range (`F6`, `$F$6:F40`), or a row range (`6:40`).
 * Sticky and free of nested quantifiers, so a failed match costs a few steps. */
const REF = new RegExp(`(${CELL})(?::(${CELL}))?|(\\$?\\d{1,7}):(\\$?\\d{1,7})`, "y");
/** An unquoted sheet prefix: `绩效目标表!`, `Sheet1!`. Tried only at a token start, and the
 * scanner skips the whole token when it fails, so the scan stays linear. */
const SHEET_UNQUOTED = /[^\s!'"(),;:+\-*/&=<>^%{}[\]#@]+!/y;
const IDENT_CHAR = /[\w.$\u00c0-\uffff]/;

/**
 * A formula of `hostSheet` after rows of `targetSheet` went. `slide`, for the formulas of
 * conditional formats and validations: their relative references are relative to the first
 * cell of their range, and when that cell's row goes the range starts further down, so the
 * relative parts first move by as much (in the old numbering) as the anchor did.
 */
export function shiftFormulaRows(formula: string, deletion: RowDeletion, targetSheet: string, hostSheet: string, slide?: Slide): string {
  const hostIsTarget = sameSheet(hostSheet, targetSheet);
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] ?? "";
    if (ch === '"') {
      const j = skipQuoted(formula, i, '"');
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "[") {
      // Structured references (`Table1[金额]`) and external-book indexes hold no row numbers.
      const j = formula.indexOf("]", i);
      const end = j < 0 ? n : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] ?? "") : "";
    if (IDENT_CHAR.test(prev) && prev !== "$") {
      out += ch;
      i++;
      continue;
    }
    let sheet: string | undefined;
    let j = i;
    if (ch === "'") {
      const end = skipQuoted(formula, i, "'");
      if (formula[end] === "!") {
        sheet = formula.slice(i + 1, end - 1).replace(/''/g, "'");
        j = end + 1;
      }
    } else {
      SHEET_UNQUOTED.lastIndex = i;
      const m = SHEET_UNQUOTED.exec(formula);
      if (m) {
        sheet = m[0].slice(0, -1);
        j = i + m[0].length;
      }
    }
    REF.lastIndex = j;
    const ref = REF.exec(formula);
    const after = ref ? (formula[j + ref[0].length] ?? "") : "";
    if (ref && !IDENT_CHAR.test(after) && after !== "(" && after !== "!") {
      const applies = sheet === undefined ? hostIsTarget : sameSheet(sheet, targetSheet);
      out += formula.slice(i, j) + (applies || slide ? shiftRef(ref, applies ? deletion : undefined, slide) : ref[0]);
      i = j + ref[0].length;
      continue;
    }
    // Not a reference: copy the whole token (a function name, a number, a defined name).
    let k = ch === "'" ? skipQuoted(formula, i, "'") : i;
    while (k < n && IDENT_CHAR.test(formula[k] ?? "")) k++;
    k = Math.max(k, i + 1);
    out += formula.slice(i, k);
    i = k;
  }
  return out;
}

function shiftRef(ref: RegExpExecArray, deletion: RowDeletion | undefined, slide: Slide | undefined): string {
  const [, a, b, r1, r2] = ref;
  if (a !== undefined) {
    const [ca, ra] = slid(splitCell(a), slide);
    if (ca === undefined || ra.row < 1) return "#REF!";
    if (b === undefined) {
      if (!deletion) return `${ca}${ra.anchor}${ra.row}`;
      return deletion.isDeleted(ra.row) ? "#REF!" : `${ca}${ra.anchor}${deletion.newRow(ra.row)}`;
    }
    const [cb, rb] = slid(splitCell(b), slide);
    if (cb === undefined || rb.row < 1) return "#REF!";
    const range = deletion ? deletion.newRange(Math.min(ra.row, rb.row), Math.max(ra.row, rb.row)) : { top: Math.min(ra.row, rb.row), bottom: Math.max(ra.row, rb.row) };
    if (!range) return "#REF!";
    const [top, bottom] = ra.row <= rb.row ? [range.top, range.bottom] : [range.bottom, range.top];
    return `${ca}${ra.anchor}${top}:${cb}${rb.anchor}${bottom}`;
  }
  const [p, q] = [slidRow(parseRow(r1 ?? ""), slide), slidRow(parseRow(r2 ?? ""), slide)];
  if (p.row < 1 || q.row < 1) return "#REF!";
  const range = deletion ? deletion.newRange(Math.min(p.row, q.row), Math.max(p.row, q.row)) : { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row) };
  if (!range) return "#REF!";
  return `${p.anchor}${range.top}:${q.anchor}${range.bottom}`;
}

/** How far the relative parts of references move: rows down, columns right. */
export interface Slide {
  rows: number;
  cols: number;
}

/** A split cell reference with its relative parts moved; the column is undefined when it
 * moved off the sheet's left edge. */
function slid([col, row]: [string, { anchor: string; row: number }], slide: Slide | undefined): [string | undefined, { anchor: string; row: number }] {
  if (!slide) return [col, row];
  let letters: string | undefined = col;
  if (slide.cols !== 0 && !col.startsWith("$")) {
    const index = columnIndexOf(col.toUpperCase()) + slide.cols;
    letters = index >= 0 && index < MAX_COLUMNS ? columnLetters(index) : undefined;
  }
  return [letters, slidRow(row, slide)];
}

function slidRow(row: { anchor: string; row: number }, slide: Slide | undefined): { anchor: string; row: number } {
  return slide && row.anchor === "" ? { anchor: "", row: row.row + slide.rows } : row;
}

const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

/** `$B$7` → [`$B`, { anchor: "$", row: 7 }]. */
function splitCell(cell: string): [string, { anchor: string; row: number }] {
  const m = /^(\$?[A-Za-z]{1,3})(\$?)(\d+)$/.exec(cell);
  if (!m) throw new Error(`not a cell reference: ${cell}`);
  return [m[1] ?? "", { anchor: m[2] ?? "", row: Number(m[3]) }];
}

function parseRow(text: string): { anchor: string; row: number } {
  return text.startsWith("$") ? { anchor: "$", row: Number(text.slice(1)) } : { anchor: "", row: Number(text) };
}

/** Index just past a quoted run starting at `start` (the quote doubled inside). */
function skipQuoted(s: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === quote) {
      if (s[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The cells a conditional format or a validation applies to (`sqref`: ranges separated by
 * spaces, `F3:F7 H3`) after the deletion, as Excel's "Delete row" leaves them: a range
 * shrinks by its deleted rows and moves up by those above it, a range wholly deleted goes (all
 * gone: undefined); a range down to the last row stays down to it (a whole column stays one).
 * `slide` is how far the first cell moved in the old numbering (its row went, or its whole
 * range did): the rules' relative references are relative to it (see shiftFormulaRows).
 */
export function shiftSqref(sqref: string, deletion: RowDeletion): { sqref: string; slide: Slide } | undefined {
  const parts: string[] = [];
  let anchor: { row: number; col: number } | undefined;
  let slide: Slide | undefined;
  for (const part of sqref.split(" ")) {
    if (part === "") continue;
    const range = parseRange(part);
    if (!range) {
      // Not a cell range (a whole row or column): nothing to move in it.
      parts.push(part);
      continue;
    }
    anchor ??= { row: range.top, col: range.left };
    let first = range.top;
    while (first <= range.bottom && deletion.isDeleted(first)) first++;
    if (first > range.bottom) continue;
    slide ??= { rows: first - anchor.row, cols: range.left - anchor.col };
    const rows = deletion.newRange(first, range.bottom);
    if (!rows) continue;
    const bottom = range.bottom === MAX_ROWS ? MAX_ROWS : rows.bottom;
    const tl = `${columnLetters(range.left)}${rows.top}`;
    parts.push(rows.top === bottom && range.left === range.right ? tl : `${tl}:${columnLetters(range.right)}${bottom}`);
  }
  if (parts.length === 0) return undefined;
  return { sqref: parts.join(" "), slide: slide ?? { rows: 0, cols: 0 } };
}

/** `F3:F7`, `H3`, `$A$1:$B$2` as 1-based rows and 0-based columns; undefined for anything else. */
export function parseRange(text: string): { top: number; bottom: number; left: number; right: number } | undefined {
  const colon = text.indexOf(":");
  const a = parseCell(colon < 0 ? text : text.slice(0, colon));
  const b = colon < 0 ? a : parseCell(text.slice(colon + 1));
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return undefined;
  const row = Number(m[2]);
  return row >= 1 ? { row, col: columnIndexOf((m[1] ?? "").toUpperCase()) } : undefined;
}
