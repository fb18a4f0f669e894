import type { RuleCode, Severity } from "./model";

/**
 * Edits planned as data before any host applies them (STYLE.md: "every edit is planned as
 * data first"). The Excel layer, the .xlsx writers and the tests all consume these.
 */

/** A change of one cell's text. `before` is the text the plan was made from: a host that finds
 * something else in the cell must not apply the edit (the user changed it meanwhile). */
export interface CellEdit {
  sheet: string;
  /** A1 address. */
  cell: string;
  rowIndex: number;
  columnIndex: number;
  before: string;
  after: string;
  /** The rule codes whose fixes this edit carries (empty for pure canonicalisation). */
  codes: RuleCode[];
}

/** A cell to colour. Only errors and warnings are highlighted; infos never are. */
export interface Highlight {
  sheet: string;
  cell: string;
  rowIndex: number;
  columnIndex: number;
  severity: Exclude<Severity, "info">;
}

/** A link to a cell of the checked sheet, written as =HYPERLINK("#'sheet'!E7","E7"). */
export interface CellLink {
  link: { sheet: string; cell: string };
  text: string;
}

export type PlanCell = string | number | null | CellLink;

/** A whole generated sheet (校验汇总, 指标明细) as a 2-D array plus presentation hints. */
export interface SheetPlan {
  name: string;
  rows: PlanCell[][];
  /** Column widths in characters, by 0-based column index. */
  columnWidths?: number[];
  /** 0-based indexes of rows to show bold (titles, table headers). */
  boldRows?: number[];
  /** The column holding 1-based row numbers of a checked sheet (指标明细's 行号), the sheet
   * being named in `sheetColumn` of each row or `sheet` for all: a writer that deletes rows of
   * that sheet (the cleaned workbook) renumbers them to where the rows are now. */
  rowNumbers?: { column: number; sheetColumn?: number; sheet?: string };
  /** A bar chart of issues by rule, where the writer supports charts: the 0-based row range of
   * its data and the label and value columns. */
  chart?: { title: string; firstRowIndex: number; lastRowIndex: number; labelColumnIndex: number; valueColumnIndex: number };
}

/** Names of the sheets the checker writes (never overwrite a user's sheet of the same name). */
export const SUMMARY_SHEET_NAME = "校验汇总";
export const DETAIL_SHEET_NAME = "指标明细";
/** Hidden sheet holding the fills saved before highlighting (Excel add-in). */
export const BACKUP_SHEET_NAME = "_指标校验_原格式";

/** Excel's own "Light Red Fill" (FFC7CE) and the yellow of the "Neutral" style (FFEB9C). */
export const HIGHLIGHT_FILL: Record<Highlight["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};
