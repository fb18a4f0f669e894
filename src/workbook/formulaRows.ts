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

export function shiftFormulaRows(formula: string, deletion: RowDeletion, targetSheet: string, hostSheet: string): string {
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
      out += formula.slice(i, j) + (applies ? shiftRef(ref, deletion) : ref[0]);
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

function shiftRef(ref: RegExpExecArray, deletion: RowDeletion): string {
  const [, a, b, r1, r2] = ref;
  if (a !== undefined) {
    const [ca, ra] = splitCell(a);
    if (b === undefined) return deletion.isDeleted(ra.row) ? "#REF!" : `${ca}${ra.anchor}${deletion.newRow(ra.row)}`;
    const [cb, rb] = splitCell(b);
    const range = deletion.newRange(Math.min(ra.row, rb.row), Math.max(ra.row, rb.row));
    if (!range) return "#REF!";
    const [top, bottom] = ra.row <= rb.row ? [range.top, range.bottom] : [range.bottom, range.top];
    return `${ca}${ra.anchor}${top}:${cb}${rb.anchor}${bottom}`;
  }
  const [p, q] = [parseRow(r1 ?? ""), parseRow(r2 ?? "")];
  const range = deletion.newRange(Math.min(p.row, q.row), Math.max(p.row, q.row));
  if (!range) return "#REF!";
  return `${p.anchor}${range.top}:${q.anchor}${range.bottom}`;
}

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
