/**
 * Which ExcelApi requirement sets the running Excel has. 1.7 is the floor (Excel 2019);
 * newer sets are used only when present and every caller has a 1.7 path.
 */
export interface ApiSupport {
  /** ExcelApi 1.8: `Workbook.readOnly`, `Excel.createWorkbook`. */
  v1_8: boolean;
  /** ExcelApi 1.9: `getSelectedRanges`, `RangeAreas`/`getRanges`, `get/setCellProperties`,
   * `format.fill.pattern`, `suspendScreenUpdatingUntilNextSync`. */
  v1_9: boolean;
  /** ExcelApi 1.13: `Range.getMergedAreasOrNullObject` (a merged block's value reads only in
   * its top-left cell; the reader fills the rest as the file readers do). */
  v1_13: boolean;
}

export function isExcelApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** undefined when even 1.7 is missing: the caller reports `unsupportedApi`. */
export function detectApiSupport(): ApiSupport | undefined {
  if (!isExcelApiSupported("1.7")) return undefined;
  return { v1_8: isExcelApiSupported("1.8"), v1_9: isExcelApiSupported("1.9"), v1_13: isExcelApiSupported("1.13") };
}
