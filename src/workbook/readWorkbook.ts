import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../core/model";
import { readCell } from "./cellValue";
import { fillMerges, type MergeRange } from "./merges";
import { BadWorkbookError, type SheetInfo, type WorkbookData } from "./workbookData";
import { hasUsualWorkbookPart, sniffWorkbook } from "./sniff";

/**
 * An .xlsx held in memory → one SheetSnapshot per worksheet (cell values only, see
 * cellValue.ts and merges.ts for how each kind of value and merged blocks are read).
 * Shared by the command line and the browser file mode: bytes in, no file system.
 */

export { BadWorkbookError, type SheetInfo, type SheetState, type WorkbookData } from "./workbookData";

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookData> {
  const workbook = await loadWorkbook(bytes);
  const sheets: SheetSnapshot[] = [];
  const info: SheetInfo[] = [];
  for (const ws of workbook.worksheets) {
    const read = readWorksheet(ws);
    sheets.push(read.snapshot);
    info.push(read.info);
  }
  return { sheets, info };
}

/** Sniff, then load with exceljs; every failure becomes a BadWorkbookError. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) throw new BadWorkbookError(sniff.kind);
  // exceljs looks for xl/workbook.xml only: elsewhere (found through _rels/.rels by the fast
  // reader and the zip patch) it would load an empty workbook.
  if (!hasUsualWorkbookPart(bytes)) throw new BadWorkbookError("corrupt", "the workbook part is not at xl/workbook.xml, where exceljs looks for it");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new BadWorkbookError("corrupt", e instanceof Error ? e.message : String(e));
  }
  return workbook;
}

export function readWorksheet(ws: ExcelJS.Worksheet): { snapshot: SheetSnapshot; info: SheetInfo } {
  const rows: { index: number; cells: [number, CellValue][] }[] = [];
  const masters = new Map<string, MergeRange>();
  const hiddenRowIndexes: number[] = [];
  let height = 0;
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRowIndexes.push(rowNumber - 1);
    const cells: [number, CellValue][] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        // Rebuild each merged block from its covered cells (public API, no private _merges).
        const master = cell.master;
        const key = master.address;
        const range = masters.get(key) ?? { top: Number(master.row) - 1, left: Number(master.col) - 1, bottom: 0, right: 0 };
        range.bottom = Math.max(range.bottom, rowNumber - 1);
        range.right = Math.max(range.right, colNumber - 1);
        masters.set(key, range);
        return;
      }
      const value = readCell(cell);
      if (value === null) return;
      cells.push([colNumber - 1, value]);
      width = Math.max(width, colNumber);
      height = Math.max(height, rowNumber);
    });
    if (cells.length > 0) rows.push({ index: rowNumber - 1, cells });
  });
  const merges = [...masters.values()].map((m) => ({ ...m, bottom: Math.max(m.bottom, m.top), right: Math.max(m.right, m.left) }));
  for (const m of merges) height = Math.max(height, m.bottom + 1);

  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const row of rows) {
    const target = values[row.index];
    if (target) for (const [c, v] of row.cells) target[c] = v;
  }
  const copies = new Map<number, readonly number[]>();
  const continued = fillMerges(values, merges, copies);

  const hiddenColumnIndexes: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumnIndexes.push(c - 1);
  return {
    snapshot: { name: ws.name, values, originRowIndex: 0, originColumnIndex: 0, ...(continued.length > 0 ? { mergedRowIndexes: continued } : {}), ...(copies.size > 0 ? { mergeCopies: copies } : {}) },
    info: { name: ws.name, state: ws.state ?? "visible", hiddenRowIndexes, hiddenColumnIndexes, merges },
  };
}
