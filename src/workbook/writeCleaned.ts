import ExcelJS from "exceljs";
import type { CellEdit, SheetPlan } from "../core/plan";
import { DETAIL_SHEET_NAME } from "../core/plan";
import { readCell } from "./cellValue";
import { loadWorkbook } from "./readWorkbook";
import { removeRows } from "./removeRows";
import { renumberedPlan } from "./renumberRows";
import { addGeneratedSheet, workbookBytes, writeTextCell } from "./sheetWriting";
import { tryPatch } from "./xlsx/patchPackage";
import { decodeEscapes } from "./xlsx/sharedStrings";
import { fflateCodec, type ZipCodec } from "./xlsx/zipCodec";

/** What the cleaner plans (src/core/clean/planCleaning.ts CleanPlan). */
export interface CleaningPlan {
  edits: readonly CellEdit[];
  /** 0-based row indexes to delete, by sheet name. */
  removeRowIndexes: Readonly<Record<string, readonly number[]>>;
}

/** A planned edit whose cell no longer holds the text the plan was made from: the plan and
 * the bytes do not belong together, which is our bug, not the user's. */
export class StaleEditError extends Error {
  constructor(readonly edit: CellEdit, readonly found: string) {
    super(`${edit.sheet}!${edit.cell}: expected the planned text, found ${JSON.stringify(found.slice(0, 40))}`);
    this.name = "StaleEditError";
  }
}

/**
 * The cleaned workbook: the ORIGINAL file with the edited cells holding their new text and
 * the listed rows deleted; every other sheet, value, formula, format, merge and column width
 * as it was; no highlight fills; plus the 指标明细 sheet, whose 行号 (`detail.rowNumbers`) give
 * the rows' numbers in this workbook, past the deleted rows. Edits are addressed by the
 * original row positions, so they are applied before any row moves.
 *
 * Made by patching the original zip (xlsx/patchPackage.ts): untouched parts, charts, pivot
 * tables and macros included, are copied as they are. When the file holds something the
 * patch cannot move with deleted rows (tables, drawings, notes, conditional formats …), the
 * exceljs writer below runs instead, which loses charts, pivot tables, form controls and macros.
 */
export async function writeCleaned(bytes: Uint8Array, plan: CleaningPlan, detail: SheetPlan, codec: ZipCodec = fflateCodec): Promise<Uint8Array> {
  const patched = await tryPatch(bytes, { detail, cleaned: { plan } }, codec);
  const out = patched?.cleaned;
  return out instanceof Uint8Array ? out : writeCleanedWithExcelJS(bytes, plan, detail);
}

/** The exceljs writer: loads the whole workbook, edits it, writes it out again. */
export async function writeCleanedWithExcelJS(bytes: Uint8Array, plan: CleaningPlan, detail: SheetPlan): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes);
  applyCellEdits(workbook, plan.edits);
  for (const [sheet, rows] of Object.entries(plan.removeRowIndexes)) {
    if (rows.length > 0) removeRows(sheetOf(workbook, sheet), rows);
  }
  // 行号 as the rows are numbered now, past the deleted ones.
  addGeneratedSheet(workbook, DETAIL_SHEET_NAME, "Detail", renumberedPlan(detail, plan.removeRowIndexes));
  return workbookBytes(workbook);
}

/** Each edit's `after` written into its cell (StaleEditError when the cell no longer holds
 * `before`). */
export function applyCellEdits(workbook: ExcelJS.Workbook, edits: readonly CellEdit[]): void {
  for (const edit of edits) {
    const ws = sheetOf(workbook, edit.sheet);
    const cell = ws.getCell(edit.rowIndex + 1, edit.columnIndex + 1);
    // A covered cell of a merged block: the text lives in the block's top-left cell.
    const target = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
    // A formula's text is its result: the cleaner leaves the formula (as the patch writer does).
    if (target.type === ExcelJS.ValueType.Formula) continue;
    const found = readCell(target);
    // exceljs leaves `_xHHHH_` escapes in `t="str"` and plain inline strings (and lower-case ones
    // everywhere); the plan was made from the text with them decoded (xlsx/sharedStrings.ts).
    if (typeof found === "string" && found !== edit.before && decodeEscapes(found) !== edit.before) throw new StaleEditError(edit, found);
    writeTextCell(target, edit.after);
  }
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`the plan names a sheet the workbook does not have: ${name}`);
  return ws;
}
