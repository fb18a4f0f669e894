import ExcelJS from "exceljs";
import type { CellValue } from "../core/model";
import { shownNumberText } from "../core/table/cellText";

/**
 * exceljs cell values → the core's CellValue (model.ts), one rule per kind:
 * - string, number, boolean, Date: as they are (shared strings are already resolved);
 * - rich text: its runs' text concatenated, formatting dropped;
 * - error value: its text (`#N/A`, `#REF!` …);
 * - hyperlink: its display text (the target is not indicator content);
 * - formula: its cached result, converted by the rules above. A formula with NO cached
 *   result (written by a library that does not calculate) becomes its text prefixed `=`
 *   (`=A1&B1`): we cannot evaluate it, and an empty cell would hide that from the user.
 * Merged cells are handled by the reader (fillMerges), not here. A number (or a formula's
 * number) in a cell formatted as a percentage reads as its text, `95%` (readCell).
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return richTextOf(value);
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return hyperlinkText(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    const result = formulaResult(value.result);
    if (result !== undefined) return result;
    const formula = value.formula;
    return formula ? `=${formula}` : null;
  }
  return null;
}

/** The cached result of a formula, or undefined when there is none. exceljs's `cell.value`
 * drops falsy results (0, "", false), so readers pass `cell.result` here. */
export function formulaResult(result: unknown): CellValue | undefined {
  if (result === null || result === undefined) return undefined;
  if (typeof result === "string" || typeof result === "boolean" || result instanceof Date) return result;
  // The streaming reader parses an error result (`<v>#N/A</v>`) as a number: NaN.
  if (typeof result === "number") return Number.isNaN(result) ? null : result;
  if (typeof result === "object" && "error" in result) return String((result as ExcelJS.CellErrorValue).error);
  return undefined;
}

/** One cell of a loaded (non-streaming) workbook. */
export function readCell(cell: ExcelJS.Cell): CellValue {
  // Covered cells of a merged block read as empty here; fillMerges decides what they hold.
  if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) return null;
  let value: CellValue;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = formulaResult(cell.result);
    value = result !== undefined ? result : cell.formula ? `=${cell.formula}` : null;
  } else value = toCellValue(cell.value);
  return typeof value === "number" ? (shownNumberText(value, cell.numFmt ?? "") ?? value) : value;
}

function richTextOf(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text ?? "").join("");
}

function hyperlinkText(text: unknown): string {
  if (typeof text === "string") return text;
  if (text && typeof text === "object" && "richText" in text) return richTextOf(text as ExcelJS.CellRichTextValue);
  return text === null || text === undefined ? "" : String(text);
}
