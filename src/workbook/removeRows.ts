import ExcelJS from "exceljs";
import { parseRange, RowDeletion, shiftFormulaRows, shiftSqref, type Slide } from "./formulaRows";
import { columnLetters } from "./merges";

/**
 * Deletes rows of a loaded worksheet the way Excel's "Delete row" does, which exceljs's
 * `spliceRows` does not: its merges stay where they were, formulas keep pointing at the old
 * rows, notes and hidden flags stay behind, and removing several trailing rows leaves some.
 * Here every row below moves up with its values, styles, notes, height and hidden flag;
 * merges shrink or move (a block whose top row goes keeps its value in its new top cell);
 * formulas on every sheet that point into this sheet are rewritten (formulaRows.ts), and so
 * are the formulas of conditional formats and validations; conditional formats, validations,
 * the auto-filter range and pictures shrink or move with their rows, and go when all their
 * rows do (a picture set to "don't move or size with cells" stays where it is).
 */
export function removeRows(ws: ExcelJS.Worksheet, rowIndexes: readonly number[]): void {
  const deletion = new RowDeletion(rowIndexes.map((i) => i + 1));
  const first = deletion.first;
  if (first === undefined) return;
  const lastRow = ws.rowCount;

  rewriteFormulas(ws, deletion);
  moveRules(ws, deletion);
  movePictures(ws, deletion);
  const merges = collectMerges(ws);
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  // A merge losing its top row keeps its value: read it before rows move.
  const carried = merges.map((m) => (deletion.isDeleted(m.top) ? ws.getCell(m.top, m.left).value : undefined));

  for (let r = first + 1; r <= lastRow; r++) {
    if (!deletion.isDeleted(r)) copyRow(ws.getRow(r), ws.getRow(deletion.newRow(r)));
  }
  const newLast = lastRow - [...range(first, lastRow)].filter((r) => deletion.isDeleted(r)).length;
  for (let r = newLast + 1; r <= lastRow; r++) clearRow(ws.getRow(r));
  dropTrailingRows(ws, newLast);

  merges.forEach((m, i) => {
    const rows = deletion.newRange(m.top, m.bottom);
    if (!rows) return;
    const value = carried[i];
    if (value !== undefined && value !== null) ws.getCell(rows.top, m.left).value = value;
    if (rows.top !== rows.bottom || m.left !== m.right) ws.mergeCells(rows.top, m.left, rows.bottom, m.right);
  });
  // Defined names (print titles aside) that point into the sheet.
  // (exceljs has spliceRows on DefinedNames but leaves it out of its typings.)
  const names = ws.workbook.definedNames as unknown as { spliceRows(sheet: string, start: number, remove: number, insert: number): void };
  for (const r of [...range(first, lastRow)].filter((x) => deletion.isDeleted(x)).reverse()) names.spliceRows(ws.name, r, 1, 0);
}

/** 1-based inclusive merged blocks, rebuilt from the covered cells (no private `_merges`). */
export function collectMerges(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number }[] {
  const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type !== ExcelJS.ValueType.Merge) return;
      const master = cell.master;
      const top = Number(master.row);
      const left = Number(master.col);
      const m = masters.get(master.address) ?? { top, left, bottom: top, right: left };
      m.bottom = Math.max(m.bottom, rowNumber);
      m.right = Math.max(m.right, colNumber);
      masters.set(master.address, m);
    });
  });
  return [...masters.values()];
}

/** Turns shared formulas into plain ones (their masters may move or go) and shifts every
 * reference into the sheet, on this sheet and on the others. */
function rewriteFormulas(ws: ExcelJS.Worksheet, deletion: RowDeletion): void {
  for (const sheet of ws.workbook.worksheets) {
    const host = sheet.name;
    const updates: [ExcelJS.Cell, ExcelJS.CellFormulaValue][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        if (!formula) return;
        if (sheet !== ws && !formula.includes(ws.name)) return;
        const value: ExcelJS.CellFormulaValue = { formula: shiftFormulaRows(formula, deletion, ws.name, host) };
        const result = cell.result;
        if (result !== undefined && result !== null) value.result = result;
        const model = cell.value as { shareType?: string; ref?: string };
        if (model.shareType === "array" && model.ref) {
          Object.assign(value, { shareType: "array", ref: shiftFormulaRows(model.ref, deletion, ws.name, host) });
        }
        updates.push([cell, value]);
      });
    });
    // Apply after the scan: a clone translates its formula through its master, which must
    // still be intact while we read.
    for (const [cell, value] of updates) cell.value = value;
  }
}

/** What exceljs keeps of a conditional format (its typings leave the list out). */
interface ConditionalFormat {
  ref: string;
  rules: { formulae?: unknown[] }[];
}

type Validations = Record<string, ExcelJS.DataValidation | undefined>;

function conditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormat[] {
  return (ws as unknown as { conditionalFormattings?: ConditionalFormat[] }).conditionalFormattings ?? [];
}

/** exceljs keeps validations by cell (a range of the file is split into its cells on load),
 * or by range when added as one. */
function validations(ws: ExcelJS.Worksheet): { model: Validations } | undefined {
  return (ws as unknown as { dataValidations?: { model: Validations } }).dataValidations;
}

/**
 * Conditional formats, validations and the auto-filter range of the sheet losing rows follow
 * their cells; the formulas of conditional formats and validations of every sheet that point
 * into it are rewritten like cell formulas.
 */
function moveRules(ws: ExcelJS.Worksheet, deletion: RowDeletion): void {
  const name = ws.name;
  const shift = (formulae: unknown[] | undefined, host: string, slide?: Slide) =>
    formulae?.map((f) => (typeof f === "string" ? shiftFormulaRows(f, deletion, name, host, slide) : f));

  const kept: ConditionalFormat[] = [];
  for (const cf of conditionalFormats(ws)) {
    const moved = shiftSqref(cf.ref, deletion);
    if (!moved) continue;
    cf.ref = moved.sqref;
    for (const rule of cf.rules) {
      const formulae = shift(rule.formulae, name, moved.slide);
      if (formulae) rule.formulae = formulae;
    }
    kept.push(cf);
  }
  (ws as unknown as { conditionalFormattings: ConditionalFormat[] }).conditionalFormattings = kept;

  const dv = validations(ws);
  if (dv) {
    // Cells sharing one validation object came from one range of the file: its first cell is
    // what relative references are relative to.
    const groups = new Map<ExcelJS.DataValidation, { key: string; range: NonNullable<ReturnType<typeof parseRange>> }[]>();
    const model: Validations = {};
    for (const [key, validation] of Object.entries(dv.model)) {
      if (!validation) continue;
      const range = parseRange(key);
      if (!range) {
        model[key] = validation;
        continue;
      }
      const list = groups.get(validation) ?? [];
      list.push({ key, range });
      groups.set(validation, list);
    }
    for (const [validation, cells] of groups) {
      let anchor: { row: number; col: number } | undefined;
      let from: { row: number; col: number } | undefined;
      const keys: string[] = [];
      for (const { key, range } of cells) {
        if (!anchor || comesFirst(range.top, range.left, anchor)) anchor = { row: range.top, col: range.left };
        const moved = shiftSqref(key, deletion);
        if (!moved) continue;
        keys.push(moved.sqref);
        // The range's first surviving cell, in the old numbering.
        const first = { row: range.top + moved.slide.rows, col: range.left };
        if (!from || comesFirst(first.row, first.col, from)) from = first;
      }
      if (!anchor || !from) continue;
      const formulae = shift(validation.formulae, name, { rows: from.row - anchor.row, cols: from.col - anchor.col });
      const moved = formulae ? { ...validation, formulae } : validation;
      for (const key of keys) model[key] = moved;
    }
    dv.model = model;
  }

  ws.autoFilter = movedFilter(ws.autoFilter, deletion);

  for (const other of ws.workbook.worksheets) {
    if (other === ws) continue;
    for (const cf of conditionalFormats(other)) {
      for (const rule of cf.rules) {
        const formulae = shift(rule.formulae, other.name);
        if (formulae) rule.formulae = formulae;
      }
    }
    const model = validations(other)?.model ?? {};
    const done = new Map<ExcelJS.DataValidation, ExcelJS.DataValidation>();
    for (const [key, validation] of Object.entries(model)) {
      if (!validation) continue;
      let moved = done.get(validation);
      if (!moved) {
        const formulae = shift(validation.formulae, other.name);
        moved = formulae ? { ...validation, formulae } : validation;
        done.set(validation, moved);
      }
      model[key] = moved;
    }
  }
}

function comesFirst(row: number, col: number, than: { row: number; col: number }): boolean {
  return row < than.row || (row === than.row && col < than.col);
}

/** The auto-filter range after the deletion; none when all its rows went. */
function movedFilter(filter: ExcelJS.AutoFilter | undefined, deletion: RowDeletion): ExcelJS.AutoFilter | undefined {
  if (!filter) return filter;
  const address = (a: string | { row: number; column: number }) => (typeof a === "string" ? a : `${columnLetters(a.column - 1)}${a.row}`);
  const ref = typeof filter === "string" ? filter : `${address(filter.from)}:${address(filter.to)}`;
  const range = parseRange(ref);
  if (!range) return filter;
  const rows = deletion.newRange(range.top, range.bottom);
  return rows ? `${columnLetters(range.left)}${rows.top}:${columnLetters(range.right)}${rows.bottom}` : undefined;
}

/**
 * Pictures anchored to cells move with them, as in Excel: an edge in a deleted row goes to
 * the top of the row that takes its place; a picture that moves and sizes with its cells is
 * removed when all its rows go; one that moves without sizing keeps its height. Charts and
 * shapes exceljs does not keep at all.
 */
function movePictures(ws: ExcelJS.Worksheet, deletion: RowDeletion): void {
  const media = (ws as unknown as { _media?: { type?: string; range?: { tl?: ExcelJS.Anchor; br?: ExcelJS.Anchor; editAs?: string } }[] })._media;
  if (!Array.isArray(media)) return;
  const kept = media.filter((m) => {
    const range = m.range;
    if (m.type !== "image" || !range?.tl || range.editAs === "absolute") return true;
    const { tl, br } = range;
    const before = tl.nativeRow;
    moveAnchor(tl, deletion);
    if (!br) return true;
    if (range.editAs === "oneCell") {
      br.nativeRow += tl.nativeRow - before;
      return true;
    }
    moveAnchor(br, deletion);
    return br.nativeRow > tl.nativeRow || (br.nativeRow === tl.nativeRow && br.nativeRowOff > tl.nativeRowOff);
  });
  media.length = 0;
  media.push(...kept);
}

/** A 0-based anchor row: moved up past the deleted rows above; one in a deleted row goes to
 * the top of the next row left (newRow of a deleted row is that row's new number). */
function moveAnchor(anchor: ExcelJS.Anchor, deletion: RowDeletion): void {
  const row = anchor.nativeRow + 1;
  if (deletion.isDeleted(row)) anchor.nativeRowOff = 0;
  anchor.nativeRow = deletion.newRow(row) - 1;
}

function copyRow(src: ExcelJS.Row, dst: ExcelJS.Row): void {
  clearRow(dst);
  src.eachCell({ includeEmpty: true }, (cell, col) => {
    const target = dst.getCell(col);
    target.value = cell.value;
    target.style = cell.style;
    if (cell.note !== undefined) target.note = cell.note;
  });
  dst.height = src.height;
  dst.hidden = src.hidden;
  dst.outlineLevel = src.outlineLevel;
  rowStyle(dst).style = rowStyle(src).style;
}

function clearRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.value = null;
    cell.style = {};
    // exceljs has no public way to remove a note.
    delete (cell as unknown as { _comment?: unknown })._comment;
  });
  row.hidden = false;
  row.outlineLevel = 0;
  rowStyle(row).style = {};
  (row as unknown as { height?: number }).height = undefined;
}

/** Emptied rows at the bottom would still be written as `<row>`s; drop them from exceljs's
 * row list (a private field, guarded, as `_media` in movePictures). */
function dropTrailingRows(ws: ExcelJS.Worksheet, newLast: number): void {
  const rows = (ws as unknown as { _rows?: unknown[] })._rows;
  if (Array.isArray(rows) && rows.length > newLast) rows.length = newLast;
}

/** Row styles exist at runtime; exceljs's typings omit them. */
function rowStyle(row: ExcelJS.Row): { style: Partial<ExcelJS.Style> } {
  return row as unknown as { style: Partial<ExcelJS.Style> };
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}
