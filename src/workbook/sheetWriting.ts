import type ExcelJS from "exceljs";
import type { CellLink, PlanCell, SheetPlan } from "../core/plan";
import { sheetOfReference } from "./xlsx/patchXml";
import { encodeEscapes } from "./xlsx/sharedStrings";

/**
 * What every writer uses to put our data into a workbook, so no path can turn user text
 * into a formula and every generated sheet looks the same.
 */

/** Excel's "Text" number format: the cell stays text even when the user edits it later. */
export const TEXT_FORMAT = "@";

/**
 * Writes `text` as a text cell. exceljs stores a JS string as a (shared) string, never as a
 * formula, so `=SUM(A1)`, `+8613800000000`, `-5%` and `@x` stay text; the `@` format keeps
 * Excel from re-reading them as a formula or number when the user presses F2 + Enter.
 * exceljs writes a string as it is (no `_xHHHH_` escaping, control characters dropped, CR kept
 * raw and so read back as LF): the cell holds the text already escaped as Excel writes it
 * (encodeEscapes), so a literal `_x000D_` and a CR both read back as written.
 */
export function writeTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = encodeEscapes(text);
  restyle(cell, { numFmt: TEXT_FORMAT });
}

/**
 * Changes a cell's style without touching its neighbours': exceljs shares one style object
 * among all cells loaded with the same style id, so `cell.fill = …` would colour them all.
 * Derived styles are shared too (one per base style and patch): exceljs's writer looks styles
 * up by object identity, so a new object per cell made it hash millions of styles.
 * Shared style objects are never mutated: every change goes through here and makes a new one.
 */
export function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const base = (cell.style ?? {}) as object;
  // A fresh cell gets its own empty style object: all of those share one cache entry.
  const baseKey = Object.keys(base).length === 0 ? EMPTY_STYLE : base;
  let byPatch = derivedStyles.get(baseKey);
  if (!byPatch) {
    byPatch = new Map();
    derivedStyles.set(baseKey, byPatch);
  }
  const patchKey = JSON.stringify(patch);
  let style = byPatch.get(patchKey);
  if (!style) {
    style = { ...(base as Partial<ExcelJS.Style>), ...patch };
    byPatch.set(patchKey, style);
  }
  cell.style = style;
}

const EMPTY_STYLE = {};
const derivedStyles = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();

/** One plan cell: text as text, numbers as numbers, a CellLink as a HYPERLINK formula. */
export function writePlanCell(cell: ExcelJS.Cell, value: PlanCell): void {
  if (value === null) return;
  if (typeof value === "number") {
    cell.value = value;
    return;
  }
  if (typeof value === "string") {
    writeTextCell(cell, value);
    return;
  }
  // Both are ST_Xstring too (escaped as in writeTextCell).
  cell.value = { formula: encodeEscapes(hyperlinkFormula(value)), result: encodeEscapes(linkLabel(value)) };
  restyle(cell, { font: { color: { argb: "FF0563C1" }, underline: true } });
}

/** Excel refuses string literals longer than 255 characters inside a formula. */
const MAX_FORMULA_STRING = 255;

/** `HYPERLINK("#'绩效目标表'!E7","E7")` (without the leading `=`, as exceljs stores it).
 * In the sheet name `'` is doubled; inside both string literals `"` is doubled. */
export function hyperlinkFormula(link: CellLink): string {
  const location = `#'${link.link.sheet.replace(/'/g, "''")}'!${link.link.cell}`;
  return `HYPERLINK(${stringLiteral(location)},${stringLiteral(linkLabel(link))})`;
}

/** The text a link cell shows (its cached result), cut at the formula-literal limit. */
export function linkLabel(link: CellLink): string {
  return link.text.slice(0, MAX_FORMULA_STRING);
}

function stringLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A generated sheet (校验汇总, 指标明细) from its plan: values, bold rows, column widths. */
export function writePlanSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((value, c) => writePlanCell(row.getCell(c + 1), value));
  });
  for (const r of plan.boldRows ?? []) {
    ws.getRow(r + 1).eachCell({ includeEmpty: false }, (cell) => {
      restyle(cell, { font: { ...(cell.font ?? {}), bold: true } });
    });
  }
  (plan.columnWidths ?? []).forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
}

/** Defined names marking the sheets we generated, so a later run replaces them while a user's
 * own sheet of the same name is never touched. */
const MARKER_PREFIX = "_IndicatorChecker_";

/**
 * Adds a generated sheet named `base` and writes `plan` into it. A sheet of that name that
 * we wrote earlier (marked by a defined name) is replaced; one the user made is left alone
 * and ours becomes `校验汇总 (2)`, `(3)` ….
 */
export function addGeneratedSheet(workbook: ExcelJS.Workbook, base: string, marker: string, plan: SheetPlan): ExcelJS.Worksheet {
  const markerName = MARKER_PREFIX + marker;
  const previous = workbook.definedNames.getRanges(markerName).ranges.map((r) => sheetOfReference(r));
  for (const name of previous) {
    const ws = name !== undefined ? workbook.getWorksheet(name) : undefined;
    if (ws) workbook.removeWorksheet(ws.id);
  }
  for (const r of workbook.definedNames.getRanges(markerName).ranges) workbook.definedNames.remove(r, markerName);

  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  const ws = workbook.addWorksheet(name);
  writePlanSheet(ws, plan);
  workbook.definedNames.add(`'${name.replace(/'/g, "''")}'!$A$1`, markerName);
  return ws;
}

/** exceljs writes a Node Buffer (or an ArrayBuffer in the browser); callers get bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Recalculate on open so HYPERLINK formulas and shifted formulas show current results.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const out: unknown = await workbook.xlsx.writeBuffer();
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return new Uint8Array(out as ArrayBuffer);
}
