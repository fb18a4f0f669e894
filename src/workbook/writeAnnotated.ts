import type { CellEdit, Highlight, SheetPlan } from "../core/plan";
import { DETAIL_SHEET_NAME, HIGHLIGHT_FILL, SUMMARY_SHEET_NAME } from "../core/plan";
import { loadWorkbook } from "./readWorkbook";
import { addGeneratedSheet, restyle, workbookBytes } from "./sheetWriting";
import { applyCellEdits, sheetOf } from "./writeCleaned";
import { tryPatch } from "./xlsx/patchPackage";
import { fflateCodec, type ZipCodec } from "./xlsx/zipCodec";

/**
 * The annotated workbook, mirroring what the add-in does inside Excel: the ORIGINAL file with
 * error cells filled FFC7CE and warning cells FFEB9C (solid), plus the 校验汇总 and 指标明细
 * sheets whose cell links are HYPERLINK formulas. No comments are added: the 指标明细 sheet
 * already says what is wrong with each cell, and notes would pile up over repeated runs.
 * exceljs cannot write charts, so the summary's by-rule chart exists only in the add-in;
 * its table is still there.
 *
 * Made by patching the original zip (xlsx/patchPackage.ts), everything else kept as it was;
 * the exceljs writer below is the fallback for files the patch does not handle.
 */
export async function writeAnnotated(
  bytes: Uint8Array,
  highlights: readonly Highlight[],
  summary: SheetPlan,
  detail: SheetPlan,
  codec: ZipCodec = fflateCodec,
  edits: readonly CellEdit[] = [],
): Promise<Uint8Array> {
  const patched = await tryPatch(bytes, { detail, annotated: { highlights, summary, edits } }, codec);
  const out = patched?.annotated;
  return out instanceof Uint8Array ? out : writeAnnotatedWithExcelJS(bytes, highlights, summary, detail, edits);
}

/** The exceljs writer: loads the whole workbook, writes the user's changed cells (`edits`, the
 * file mode's fixes), fills cells, adds the sheets, writes it out. */
export async function writeAnnotatedWithExcelJS(
  bytes: Uint8Array,
  highlights: readonly Highlight[],
  summary: SheetPlan,
  detail: SheetPlan,
  edits: readonly CellEdit[] = [],
): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes);
  applyCellEdits(workbook, edits);
  // An error and a warning on one cell: the error's colour wins.
  const worst = new Map<string, Highlight>();
  for (const h of highlights) {
    const key = `${h.sheet}\u0001${h.rowIndex}\u0001${h.columnIndex}`;
    if (worst.get(key)?.severity !== "error") worst.set(key, h);
  }
  for (const h of worst.values()) {
    const argb = `FF${HIGHLIGHT_FILL[h.severity].replace("#", "").toUpperCase()}`;
    const cell = sheetOf(workbook, h.sheet).getCell(h.rowIndex + 1, h.columnIndex + 1);
    restyle(cell, { fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } });
  }
  addGeneratedSheet(workbook, SUMMARY_SHEET_NAME, "Summary", summary);
  addGeneratedSheet(workbook, DETAIL_SHEET_NAME, "Detail", detail);
  return workbookBytes(workbook);
}
