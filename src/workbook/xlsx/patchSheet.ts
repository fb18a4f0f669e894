import { RowDeletion, shiftFormulaRows, shiftSqref, type Slide } from "../formulaRows";
import { columnLetters } from "../merges";
import {
  allElements,
  elementAt,
  elementText,
  escapeXml,
  findElement,
  findTag,
  getAttr,
  inlineStringText,
  inlineTextXml,
  parseCellRef,
  setAttr,
  unescapeXml,
} from "./patchXml";
import type { StyleBook } from "./patchStyles";
import { decodeEscapes } from "./sharedStrings";
import { Unpatchable } from "./zipArchive";

/**
 * One worksheet part, patched in a single forward scan over its XML: rows nobody touches are
 * copied as they are; in the others, the cells we change are rewritten and the ones we need
 * are created in column order. What it does (all optional):
 * - edits: a cell gets new text, as an inline string in a copy of its format with the Text
 *   number format; a covered cell of a merge is edited in the merge's top-left cell;
 * - fills: a cell's format gets a solid fill (created when the cell does not exist);
 * - deletion: rows go, the rows below move up (`<row r>`, `<c r>`, `<dimension>`, merges,
 *   selections, conditional formats, validations and this sheet's formulas follow, as
 *   Excel's "Delete row" does).
 * What a row shift cannot follow (tables, drawings, notes, hyperlinks, filters, shared
 * formulas, rules kept in `extLst` …) throws `Unpatchable`, and the caller falls back.
 */

export interface SheetEdit {
  /** 1-based row, 0-based column. */
  row: number;
  col: number;
  before: string;
  after: string;
}

export interface SheetPatch {
  sheetName: string;
  styles: StyleBook;
  edits?: readonly SheetEdit[];
  /** row → column → ARGB */
  fills?: ReadonlyMap<number, ReadonlyMap<number, string>>;
  /** 1-based row numbers to delete. */
  deleteRows?: readonly number[];
  /** Text of shared string `index`, for the stale-edit check. */
  sharedString?: (index: number) => string | undefined;
}

/** An edit's cell holds other text than the plan was made from. Thrown as Unpatchable so the
 * exceljs path runs and makes the authoritative decision (it throws StaleEditError). */
export class StaleCell extends Unpatchable {
  constructor(ref: string) {
    super(`stale edit at ${ref}`);
  }
}

type Action = { edit?: SheetEdit; fill?: string; carry?: { t: string | undefined; s: string | undefined; inner: string } };

interface Merge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The `r="B7"` of a cell's start tag: `<c r="B7" s="3">` → lead `<c r="`, `B`, `7`. */
const CELL_REF = /(<c\s(?:[^>]*?\s)?r=")([A-Z]{1,3})(\d+)"/g;

const HEAD_ALLOWED = new Set(["worksheet", "sheetPr", "tabColor", "outlinePr", "pageSetUpPr", "dimension", "sheetViews", "sheetView", "pane", "selection", "sheetFormatPr", "cols", "col"]);
const TAIL_ALLOWED = new Set([
  "sheetCalcPr",
  "sheetProtection",
  "mergeCells",
  "mergeCell",
  "phoneticPr",
  // conditional formats and validations: their ranges and formulas are moved (shiftRules)
  "conditionalFormatting",
  "cfRule",
  "formula",
  "colorScale",
  "dataBar",
  "iconSet",
  "cfvo",
  "color",
  "dataValidations",
  "dataValidation",
  "formula1",
  "formula2",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
  "colBreaks",
  "brk",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
]);

export function patchSheet(xml: string, patch: SheetPatch): string {
  if (findTag(xml, "worksheet", 0) < 0) throw new Unpatchable("worksheet root not found (prefixed namespace?)");
  const sd = findElement(xml, "sheetData");
  if (!sd) throw new Unpatchable("no sheetData");
  const deletion = patch.deleteRows && patch.deleteRows.length > 0 ? new RowDeletion(patch.deleteRows) : undefined;
  let head = xml.slice(0, sd.start);
  let tail = xml.slice(sd.end);

  // Merges sit after sheetData; read them first (edits of covered cells and carried values need them).
  const mergeCellsSpan = findElement(tail, "mergeCells");
  const merges: Merge[] = [];
  if (mergeCellsSpan && !mergeCellsSpan.selfClosing) {
    for (const e of allElements(tail, "mergeCell", mergeCellsSpan.openEnd, mergeCellsSpan.contentEnd)) {
      const ref = getAttr(tail.slice(e.start, e.openEnd), "ref") ?? "";
      const [a, b] = ref.split(":").map(parseCellRef);
      if (!a) throw new Unpatchable(`merge ref ${ref}`);
      const c = b ?? a;
      merges.push({ top: Math.min(a.row, c.row), bottom: Math.max(a.row, c.row), left: Math.min(a.col, c.col), right: Math.max(a.col, c.col) });
    }
  }

  const actions = new Map<number, Map<number, Action>>();
  const actionAt = (row: number, col: number): Action => {
    let byCol = actions.get(row);
    if (!byCol) actions.set(row, (byCol = new Map()));
    let a = byCol.get(col);
    if (!a) byCol.set(col, (a = {}));
    return a;
  };
  for (const edit of patch.edits ?? []) {
    const m = merges.find((g) => edit.row >= g.top && edit.row <= g.bottom && edit.col >= g.left && edit.col <= g.right);
    const target = m && (m.top !== edit.row || m.left !== edit.col) ? { ...edit, row: m.top, col: m.left } : edit;
    actionAt(target.row, target.col).edit = target;
  }
  for (const [row, byCol] of patch.fills ?? []) for (const [col, argb] of byCol) actionAt(row, col).fill = argb;

  let newMerges: string[] | undefined;
  /** Merges whose top row goes: their master's value moves to the block's new top cell. */
  const carriedFrom = new Map<number, Map<number, { row: number; col: number }>>();
  if (deletion) {
    checkAllowed(head, HEAD_ALLOWED);
    checkAllowed(tail, TAIL_ALLOWED);
    head = shiftHead(head, deletion);
    newMerges = [];
    for (const m of merges) {
      const rows = deletion.newRange(m.top, m.bottom);
      if (!rows) continue;
      if (deletion.isDeleted(m.top)) {
        let first = m.top;
        while (deletion.isDeleted(first)) first++;
        const byCol = carriedFrom.get(m.top) ?? new Map<number, { row: number; col: number }>();
        byCol.set(m.left, { row: first, col: m.left });
        carriedFrom.set(m.top, byCol);
      }
      if (rows.top !== rows.bottom || m.left !== m.right) newMerges.push(`${columnLetters(m.left)}${rows.top}:${columnLetters(m.right)}${rows.bottom}`);
    }
  }

  const colStyles = columnStyles(head);
  const out: string[] = [head];
  out.push(sd.selfClosing ? "<sheetData>" : xml.slice(sd.start, sd.openEnd));
  const pendingRows = [...actions.keys()].sort((a, b) => a - b);
  /** A row's actions in column order, sorted once when the row comes (carries may still be
   * added to rows below while the scan runs). */
  const sortedActions = (byCol: Map<number, Action> | undefined): [number, Action][] => {
    if (!byCol) return [];
    const list = [...byCol];
    if (list.length > 1) list.sort((a, b) => a[0] - b[0]);
    return list;
  };
  /** Derived formats by the cell's raw `s` and the change: StyleBook.derive builds a key
   * string per call, and one sheet asks for the same few formats tens of thousands of times. */
  const derivedFormats = new Map<string, Map<string, number>>();
  const derive = (s: string | undefined, text: boolean, fill: string | undefined): number => {
    const change = `${text ? "t" : ""}|${fill ?? ""}`;
    let byStyle = derivedFormats.get(change);
    if (!byStyle) derivedFormats.set(change, (byStyle = new Map()));
    const key = s ?? "";
    let style = byStyle.get(key);
    if (style === undefined) {
      style = patch.styles.derive(Number(s ?? 0), { ...(text ? { text: true } : {}), ...(fill ? { fill } : {}) });
      byStyle.set(key, style);
    }
    return style;
  };
  let pendingIndex = 0;
  let extent = { rows: 0, cols: 0 };
  const noteExtent = (row: number, col: number) => {
    extent = { rows: Math.max(extent.rows, row), cols: Math.max(extent.cols, col + 1) };
  };
  /** Rows we must create (targets in rows the file does not have), before row `limit`. */
  const flushCreatedRows = (limit: number) => {
    for (; pendingIndex < pendingRows.length && (pendingRows[pendingIndex] ?? 0) < limit; pendingIndex++) {
      const row = pendingRows[pendingIndex] ?? 0;
      if (deletion?.isDeleted(row)) continue;
      const newRow = deletion ? deletion.newRow(row) : row;
      const cells = sortedActions(actions.get(row));
      out.push(`<row r="${newRow}">`);
      for (const [col, action] of cells) {
        out.push(newCell(col, newRow, action, String(colStyles(col) ?? 0), patch.styles));
        noteExtent(newRow, col);
      }
      out.push("</row>");
    }
  };

  let pos = sd.selfClosing ? sd.end : sd.openEnd;
  /** Rows nobody touches pile up in [copyFrom, pos) and go out as one slice. */
  let copyFrom = pos;
  let previousRow = 0;
  const end = sd.selfClosing ? sd.end : sd.contentEnd;
  for (;;) {
    const i = findTag(xml, "row", pos, end);
    if (i < 0) break;
    const span = elementAt(xml, "row", i);
    const open = xml.slice(i, span.openEnd);
    const rAttr = getAttr(open, "r");
    const r = rAttr === undefined ? previousRow + 1 : Number(rAttr);
    if (!Number.isInteger(r) || r <= previousRow) throw new Unpatchable(`row ${rAttr ?? "?"} out of order`);
    previousRow = r;
    const byCol = actions.get(r);
    const deleted = deletion?.isDeleted(r) ?? false;
    const newRow = deletion && !deleted ? deletion.newRow(r) : r;
    const hasFormula = deletion !== undefined && !deleted && !span.selfClosing && xml.slice(span.openEnd, span.contentEnd).includes("<f");
    const needsWork = deleted || byCol !== undefined || (deletion !== undefined && (newRow !== r || hasFormula));
    // An untouched row joins the pile, unless rows we create (ones the file lacks) go before it.
    if (!needsWork && !((pendingRows[pendingIndex] ?? Number.MAX_SAFE_INTEGER) < r)) {
      pos = span.end;
      continue;
    }
    if (pos > copyFrom) out.push(xml.slice(copyFrom, pos));
    flushCreatedRows(r);
    while (pendingRows[pendingIndex] === r) pendingIndex++;

    if (deleted && deletion) {
      // The row goes. A merge's master in it hands its value down first.
      const carries = carriedFrom.get(r);
      if (carries && !span.selfClosing) {
        for (const [col, to] of carries) {
          const cell = findCell(xml, span.openEnd, span.contentEnd, col);
          if (!cell) continue;
          const tag = xml.slice(cell.start, cell.openEnd);
          let inner = cell.selfClosing ? "" : xml.slice(cell.openEnd, cell.contentEnd);
          let t = getAttr(tag, "t");
          const edit = textEdit(byCol?.get(col)?.edit, inner);
          if (edit) {
            checkStale(tag, inner, edit, patch);
            inner = inlineTextXml(edit.after);
            t = "inlineStr";
          } else inner = shiftFormulas(inner, deletion, patch.sheetName);
          if (inner === "" && t !== "inlineStr") continue;
          actionAt(to.row, to.col).carry = { t, s: getAttr(tag, "s"), inner };
          if (!pendingRows.includes(to.row)) {
            pendingRows.push(to.row);
            pendingRows.sort((a, b) => a - b);
          }
        }
      }
      pos = copyFrom = span.end;
      continue;
    }

    if (!needsWork) {
      // Created rows went out before it; the row itself is copied with the ones after it.
      copyFrom = pos;
      pos = span.end;
      continue;
    }
    const content = span.selfClosing ? "" : xml.slice(span.openEnd, span.contentEnd);
    if (!byCol && !hasFormula) {
      // Only moving up: renumber the row and its cells' references in one pass.
      out.push(xml.slice(pos, i), setAttr(open, "r", String(newRow)));
      const renumbered = content.replace(CELL_REF, (_, lead: string, col: string, digits: string) => {
        if (Number(digits) !== r) throw new Unpatchable(`cell ${col}${digits} in row ${r}`);
        return `${lead}${col}${newRow}"`;
      });
      out.push(renumbered, span.selfClosing ? "" : "</row>");
      pos = copyFrom = span.end;
      continue;
    }
    out.push(xml.slice(pos, i));
    // A row without `r` (streaming writers) gets its number: cells may be created before it.
    let rowOpen = newRow !== r || rAttr === undefined ? setAttr(open, "r", String(newRow)) : open;
    // `spans` (a hint of the row's column range) could exclude a cell we create: drop it.
    if (byCol) rowOpen = setAttr(rowOpen, "spans", undefined);
    if (span.selfClosing) rowOpen = `${rowOpen.slice(0, -2)}>`;
    out.push(rowOpen);
    const customFormat = getAttr(open, "customFormat");
    const rowStyle = customFormat === "1" || customFormat === "true" ? getAttr(open, "s") : undefined;
    const created = sortedActions(byCol);
    const newRowText = String(newRow);
    let k = 0;
    let p = 0;
    let previousCol = -1;
    for (;;) {
      const j = findTag(content, "c", p);
      if (j < 0) break;
      const cell = elementAt(content, "c", j);
      const tag = content.slice(j, cell.openEnd);
      const ref = getAttr(tag, "r");
      const parsed = ref === undefined ? { row: r, col: previousCol + 1 } : parseCellRef(ref);
      if (!parsed || parsed.col <= previousCol) throw new Unpatchable(`cell ${ref ?? "?"} out of order`);
      previousCol = parsed.col;
      if (j > p) out.push(content.slice(p, j));
      for (; k < created.length && (created[k]?.[0] ?? 0) < parsed.col; k++) {
        const [col, action] = created[k] ?? [0, {}];
        out.push(newCell(col, newRow, action, rowStyle ?? String(colStyles(col) ?? 0), patch.styles));
        noteExtent(newRow, col);
      }
      let action: Action | undefined;
      if (created[k]?.[0] === parsed.col) action = created[k++]?.[1];
      let inner = cell.selfClosing ? "" : content.slice(cell.openEnd, cell.contentEnd);
      // A cell without `r` follows the one before it (as the reader places it): written with its
      // address, since cells may be created before it.
      let newTag = newRow !== r || ref === undefined ? setAttr(tag, "r", columnLetters(parsed.col) + newRowText) : tag;
      const s = getAttr(tag, "s");
      if (action?.carry) {
        const c = action.carry;
        newTag = `<c r="${columnLetters(parsed.col)}${newRow}"${s ?? c.s ? ` s="${s ?? c.s}"` : ""}${c.t ? ` t="${c.t}"` : ""}>`;
        inner = c.inner;
      } else if (action?.edit && textEdit(action.edit, inner)) {
        checkStale(tag, inner, action.edit, patch);
        newTag = `<c r="${columnLetters(parsed.col)}${newRowText}" s="${derive(s, true, action.fill)}" t="inlineStr">`;
        inner = inlineTextXml(action.edit.after);
      } else {
        if (deletion) inner = shiftFormulas(inner, deletion, patch.sheetName);
        if (action?.fill) newTag = setAttr(newTag, "s", String(derive(s, false, action.fill)));
      }
      const selfClosingTag = newTag.charCodeAt(newTag.length - 2) === 47;
      if (inner === "") out.push(selfClosingTag ? newTag : `${newTag.slice(0, -1)}/>`);
      else if (selfClosingTag) out.push(`${newTag.slice(0, -2)}>`, inner, "</c>");
      else out.push(newTag, inner, "</c>");
      p = cell.end;
    }
    if (p < content.length) out.push(content.slice(p, content.length));
    for (; k < created.length; k++) {
      const [col, action] = created[k] ?? [0, {}];
      out.push(newCell(col, newRow, action, rowStyle ?? String(colStyles(col) ?? 0), patch.styles));
      noteExtent(newRow, col);
    }
    out.push("</row>");
    pos = copyFrom = span.end;
  }
  out.push(xml.slice(copyFrom, end));
  flushCreatedRows(Number.MAX_SAFE_INTEGER);
  out.push(sd.selfClosing ? "</sheetData>" : xml.slice(sd.contentEnd, sd.end));

  if (newMerges && mergeCellsSpan) {
    const replacement = newMerges.length === 0 ? "" : `<mergeCells count="${newMerges.length}">${newMerges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
    tail = tail.slice(0, mergeCellsSpan.start) + replacement + tail.slice(mergeCellsSpan.end);
  }
  if (deletion) tail = shiftRules(tail, deletion, patch.sheetName);
  out.push(tail);
  // `<dimension>` lies in the head (before sheetData): widened there, the sheet is not copied again.
  if (extent.rows > 0) out[0] = growDimension(out[0] ?? "", extent);
  return out.join("");
}

/** A cell that does not exist yet, in the column's or row's format. */
function newCell(col: number, row: number, action: Action, baseStyle: string, styles: StyleBook): string {
  const ref = `${columnLetters(col)}${row}`;
  if (action.carry) {
    const c = action.carry;
    return `<c r="${ref}"${c.s ? ` s="${c.s}"` : ""}${c.t ? ` t="${c.t}"` : ""}>${c.inner}</c>`;
  }
  const base = Number(baseStyle);
  if (action.edit) {
    const style = styles.derive(base, { text: true, ...(action.fill ? { fill: action.fill } : {}) });
    return `<c r="${ref}" s="${style}" t="inlineStr">${inlineTextXml(action.edit.after)}</c>`;
  }
  if (action.fill) return `<c r="${ref}" s="${styles.derive(base, { fill: action.fill })}"/>`;
  return `<c r="${ref}"${base ? ` s="${base}"` : ""}/>`;
}


/** The cell with 0-based column `col` in a row's content [from, to), if it exists. */
function findCell(xml: string, from: number, to: number, col: number): ReturnType<typeof elementAt> | undefined {
  let previousCol = -1;
  for (let j = findTag(xml, "c", from, to); j >= 0; ) {
    const cell = elementAt(xml, "c", j);
    const r = getAttr(xml.slice(j, cell.openEnd), "r");
    // A cell without `r` follows the one before it.
    const at = r === undefined ? previousCol + 1 : (parseCellRef(r)?.col ?? -1);
    if (at === col) return cell;
    previousCol = at;
    j = findTag(xml, "c", cell.end, to);
  }
  return undefined;
}

/** The edit, unless the cell holds a formula: its text is the formula's result, and the cleaner
 * leaves it (writing the cleaned text over it would lose the formula; writeCleaned does the same). */
function textEdit(edit: SheetEdit | undefined, inner: string): SheetEdit | undefined {
  return edit && !inner.includes("<f") ? edit : undefined;
}

/** The stale-edit check of writeCleaned, on raw XML: a cell whose text (what readCell would
 * give) is a string other than `before` stops the patch. */
function checkStale(tag: string, inner: string, edit: SheetEdit, patch: SheetPatch): void {
  const ref = `${columnLetters(edit.col)}${edit.row}`;
  // textEdit keeps formula cells out; a formula here would be a caller's slip.
  if (inner.includes("<f")) throw new Unpatchable(`edit of formula cell ${ref}`);
  const t = getAttr(tag, "t") ?? "n";
  const v = findElement(inner, "v");
  const raw = v ? inner.slice(v.openEnd, v.contentEnd) : undefined;
  let found: string | undefined;
  switch (t) {
    case "s": {
      if (raw === undefined) return;
      found = patch.sharedString?.(Number(raw));
      if (found === undefined) throw new Unpatchable(`shared string ${raw} unknown`);
      break;
    }
    case "inlineStr": {
      const is = findElement(inner, "is");
      found = is ? inlineStringText(inner.slice(is.openEnd, is.contentEnd)) : "";
      break;
    }
    case "str":
      if (raw === undefined) return;
      found = decodeEscapes(elementText(raw));
      break;
    case "e":
      if (raw === undefined) return;
      found = elementText(raw);
      break;
    default:
      return;
  }
  if (found !== edit.before) throw new StaleCell(ref);
}

/** Shifts the row references of the `<f>` in a cell's content (this sheet's own formulas). */
function shiftFormulas(inner: string, deletion: RowDeletion, sheetName: string): string {
  const f = findElement(inner, "f");
  if (!f) return inner;
  const open = inner.slice(f.start, f.openEnd);
  const type = getAttr(open, "t");
  if (type === "shared" || type === "dataTable") throw new Unpatchable(`${type} formula in a sheet losing rows`);
  let newOpen = open;
  const ref = getAttr(open, "ref");
  if (ref !== undefined) newOpen = setAttr(open, "ref", escapeXml(shiftFormulaRows(unescapeXml(ref), deletion, sheetName, sheetName)));
  if (f.selfClosing) return inner.slice(0, f.start) + newOpen + inner.slice(f.end);
  const text = unescapeXml(inner.slice(f.openEnd, f.contentEnd));
  const shifted = shiftFormulaRows(text, deletion, sheetName, sheetName);
  if (shifted === text && newOpen === open) return inner;
  return `${inner.slice(0, f.start)}${newOpen}${escapeXml(shifted)}</f>${inner.slice(f.end)}`;
}

/**
 * Formulas of ANOTHER sheet (`host`) that point into `target`, after rows of `target` went.
 * Returns the XML unchanged when nothing refers to `target`; refuses (Unpatchable) when the
 * name shows up anywhere but in plain formulas (hyperlinks, validations, shared formulas).
 */
export function shiftOtherSheet(xml: string, deletion: RowDeletion, target: string, host: string): string {
  const needles = [target, escapeXml(target)].map((s) => s.toLowerCase());
  const lower = xml.toLowerCase();
  if (!needles.some((n) => lower.includes(n))) return xml;
  const out: string[] = [];
  let pos = 0;
  let outside = "";
  for (let i = findTag(xml, "f", 0); i >= 0; i = findTag(xml, "f", pos)) {
    const f = elementAt(xml, "f", i);
    outside += xml.slice(pos, f.start);
    out.push(xml.slice(pos, f.start));
    const open = xml.slice(f.start, f.openEnd);
    const text = f.selfClosing ? "" : unescapeXml(xml.slice(f.openEnd, f.contentEnd));
    if (!text.toLowerCase().includes(target.toLowerCase())) {
      out.push(xml.slice(f.start, f.end));
    } else {
      const type = getAttr(open, "t");
      if (type === "shared" || type === "dataTable") throw new Unpatchable(`${type} formula into ${target}`);
      out.push(`${open}${escapeXml(shiftFormulaRows(text, deletion, target, host))}</f>`);
    }
    pos = f.end;
  }
  outside += xml.slice(pos);
  out.push(xml.slice(pos));
  const outsideLower = outside.toLowerCase();
  if (needles.some((n) => outsideLower.includes(n))) throw new Unpatchable(`${host} refers to ${target} outside formulas`);
  return out.join("");
}

/**
 * Conditional formats and validations after the deletion (the part of the sheet after
 * `sheetData`): ranges shrink or move and go with their rows (shiftSqref), a validation list
 * left empty goes, and the rules' formulas follow their cells (relative references stay on
 * the cells they were about when the range's first row goes).
 */
function shiftRules(tail: string, deletion: RowDeletion, sheetName: string): string {
  const shiftFormula = (text: string, slide: Slide) => escapeXml(shiftFormulaRows(unescapeXml(text), deletion, sheetName, sheetName, slide));
  /** A rule's content: `<formula>`, `<formula1>`, `<formula2>` texts and formula `<cfvo>` values. */
  const shiftContent = (xml: string, slide: Slide) => {
    const formulas = RULE_FORMULAS.flatMap((name) => allElements(xml, name)).sort((x, y) => x.start - y.start);
    let out = "";
    let pos = 0;
    for (const f of formulas) {
      if (f.selfClosing) continue;
      out += xml.slice(pos, f.openEnd) + shiftFormula(xml.slice(f.openEnd, f.contentEnd), slide);
      pos = f.contentEnd;
    }
    out += xml.slice(pos);
    return out.replace(/<cfvo\s[^>]*>/g, (tag) => {
      const val = getAttr(tag, "val");
      return getAttr(tag, "type") === "formula" && val !== undefined ? setAttr(tag, "val", shiftFormula(val, slide)) : tag;
    });
  };
  /** Every element `name` moved, or dropped when its cells all went. */
  const moveAll = (xml: string, name: string): { xml: string; kept: number } => {
    let out = "";
    let pos = 0;
    let kept = 0;
    for (const e of allElements(xml, name)) {
      out += xml.slice(pos, e.start);
      pos = e.end;
      const open = xml.slice(e.start, e.openEnd);
      const sqref = getAttr(open, "sqref");
      if (sqref === undefined) throw new Unpatchable(`<${name}> without sqref`);
      const moved = shiftSqref(unescapeXml(sqref), deletion);
      if (!moved) continue;
      kept++;
      out += setAttr(open, "sqref", escapeXml(moved.sqref)) + shiftContent(xml.slice(e.openEnd, e.end), moved.slide);
    }
    return { xml: out + xml.slice(pos), kept };
  };
  let out = moveAll(tail, "conditionalFormatting").xml;
  const list = findElement(out, "dataValidations");
  if (list && !list.selfClosing) {
    const inner = moveAll(out.slice(list.openEnd, list.contentEnd), "dataValidation");
    const open = setAttr(out.slice(list.start, list.openEnd), "count", String(inner.kept));
    out = out.slice(0, list.start) + (inner.kept === 0 ? "" : open + inner.xml + out.slice(list.contentEnd, list.end)) + out.slice(list.end);
  }
  return out;
}

const RULE_FORMULAS = ["formula", "formula1", "formula2"];

/** Element names (start tags) of an XML fragment outside the allowed set → Unpatchable. */
function checkAllowed(fragment: string, allowed: ReadonlySet<string>): void {
  const re = /<([A-Za-z_][\w.:-]*)/g;
  for (let m = re.exec(fragment); m; m = re.exec(fragment)) {
    const name = m[1] ?? "";
    if (!allowed.has(name)) throw new Unpatchable(`<${name}> in a sheet losing rows`);
  }
}

/** `<dimension>`, panes and selections after the deletion. */
function shiftHead(head: string, deletion: RowDeletion): string {
  const first = deletion.first ?? Number.MAX_SAFE_INTEGER;
  const moveRow = (r: number) => Math.max(1, deletion.newRow(r));
  const shiftRefs = (value: string) => value.replace(/([A-Za-z]{1,3})(\d{1,7})/g, (_, c: string, r: string) => `${c}${moveRow(Number(r))}`);
  return head.replace(/<(dimension|pane|selection)\s[^>]*>/g, (tag: string, name: string) => {
    if (name === "dimension") {
      const ref = getAttr(tag, "ref");
      if (!ref) return tag;
      const [a, b] = ref.split(":");
      const top = parseCellRef(a ?? "");
      const bottom = parseCellRef(b ?? a ?? "");
      if (!top || !bottom) return tag;
      const rows = deletion.newRange(top.row, bottom.row);
      const range = rows ? `${columnLetters(top.col)}${rows.top}:${columnLetters(bottom.col)}${rows.bottom}` : "A1";
      return setAttr(tag, "ref", range);
    }
    if (name === "pane") {
      const ySplit = getAttr(tag, "ySplit");
      const state = getAttr(tag, "state") ?? "split";
      if (ySplit !== undefined && (state === "split" || Number(ySplit) >= first)) throw new Unpatchable("pane split at a deleted row");
      const topLeft = getAttr(tag, "topLeftCell");
      return topLeft ? setAttr(tag, "topLeftCell", shiftRefs(topLeft)) : tag;
    }
    let out = tag;
    for (const attr of ["activeCell", "sqref"]) {
      const v = getAttr(out, attr);
      if (v !== undefined) out = setAttr(out, attr, shiftRefs(v));
    }
    return out;
  });
}

/** Style index of each column from `<cols>` (what a new cell in it gets), or undefined. */
function columnStyles(head: string): (col: number) => string | undefined {
  const cols = findElement(head, "cols");
  if (!cols || cols.selfClosing) return () => undefined;
  const ranges = allElements(head, "col", cols.openEnd, cols.contentEnd).map((e) => {
    const tag = head.slice(e.start, e.openEnd);
    return { min: Number(getAttr(tag, "min")) - 1, max: Number(getAttr(tag, "max")) - 1, style: getAttr(tag, "style") };
  });
  return (col) => ranges.find((r) => col >= r.min && col <= r.max)?.style;
}

/** Widens `<dimension>` to take in cells we created. */
function growDimension(xml: string, extent: { rows: number; cols: number }): string {
  const sd = findTag(xml, "sheetData", 0);
  const d = findElement(xml, "dimension", 0, sd < 0 ? xml.length : sd);
  if (!d) return xml;
  const tag = xml.slice(d.start, d.openEnd);
  const [a, b] = (getAttr(tag, "ref") ?? "A1").split(":");
  const top = parseCellRef(a ?? "A1") ?? { row: 1, col: 0 };
  const bottom = parseCellRef(b ?? a ?? "A1") ?? top;
  const rows = Math.max(bottom.row, extent.rows);
  const cols = Math.max(bottom.col + 1, extent.cols);
  const ref = `${columnLetters(Math.min(top.col, cols - 1))}${Math.min(top.row, rows)}:${columnLetters(cols - 1)}${rows}`;
  return xml.slice(0, d.start) + setAttr(tag, "ref", ref) + xml.slice(d.openEnd);
}

