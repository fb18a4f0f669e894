import ExcelJS from "exceljs";
import { RowDeletion, shiftFormulaRows } from "./formulaRows";

/**
 * Deletes rows of a loaded worksheet the way Excel's "Delete row" does, which exceljs's
 * `spliceRows` does not: its merges stay where they were, formulas keep pointing at the old
 * rows, notes and hidden flags stay behind, and removing several trailing rows leaves some.
 * Here every row below moves up with its values, styles, notes, height and hidden flag;
 * merges shrink or move (a block whose top row goes keeps its value in its new top cell);
 * formulas on every sheet that point into this sheet are rewritten (formulaRows.ts).
 * Not moved: conditional formats, data validations, images and the auto-filter range.
 */
export function removeRows(ws: ExcelJS.Worksheet, rowIndexes: readonly number[]): void {
  const deletion = new RowDeletion(rowIndexes.map((i) => i + 1));
  const first = deletion.first;
  if (first === undefined) return;
  const lastRow = ws.rowCount;

  rewriteFormulas(ws, deletion);
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
 * row list (the one private field we touch, guarded). */
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
