import type ExcelJS from "exceljs";
import { BACKUP_SHEET_NAME } from "../core/plan";
import type { BackupEntry } from "./backup";
import { parseA1 } from "../core/table/address";

/**
 * The open workbook's bytes carry our highlight fills and the backup sheet; a cleaned
 * workbook must not. This gives every saved cell its own fill again and drops the backup
 * sheet, on the bytes only (the open workbook keeps its marks). exceljs is loaded on demand
 * so it never weighs on the task pane's first paint.
 */
export async function stripMarks(bytes: Uint8Array, entries: readonly BackupEntry[]): Promise<Uint8Array> {
  if (entries.length === 0) return bytes;
  // The zip patched in place first: an exceljs round trip drops charts, shapes and pivots.
  const patched = await patchedWithoutMarks(bytes, entries);
  if (patched) return patched;
  const { loadWorkbook } = await import("../workbook/readWorkbook");
  const { restyle, workbookBytes } = await import("../workbook/sheetWriting");
  const workbook = await loadWorkbook(bytes);
  for (const entry of entries) {
    const ws = workbook.getWorksheet(entry.sheet);
    if (!ws) continue;
    const cell = ws.getCell(entry.address);
    restyle(cell, { fill: fillOf(entry) });
  }
  const backup = workbook.getWorksheet(BACKUP_SHEET_NAME);
  if (backup) workbook.removeWorksheet(backup.id);
  return workbookBytes(workbook);
}

/** The saved fills given back by patching the file's sheets and styles (xlsx/patchPackage.ts),
 * the backup sheet taken out; undefined when the file cannot be patched. */
async function patchedWithoutMarks(bytes: Uint8Array, entries: readonly BackupEntry[]): Promise<Uint8Array | undefined> {
  const [{ tryPatchFills }, { fflateCodec }] = await Promise.all([import("../workbook/xlsx/patchPackage"), import("../workbook/xlsx/zipCodec")]);
  const fills = new Map<string, Map<number, Map<number, string>>>();
  for (const entry of entries) {
    const { rowIndex, columnIndex } = parseA1(entry.address);
    const bySheet = fills.get(entry.sheet) ?? new Map<number, Map<number, string>>();
    fills.set(entry.sheet, bySheet);
    const byRow = bySheet.get(rowIndex + 1) ?? new Map<number, string>();
    bySheet.set(rowIndex + 1, byRow);
    byRow.set(columnIndex, fillXml(entry));
  }
  return tryPatchFills(bytes, fills, BACKUP_SHEET_NAME, fflateCodec);
}

/** A saved fill as the `<fill>` element styles.xml holds (what fillOf gives exceljs). */
export function fillXml(entry: BackupEntry): string {
  const { color, pattern, patternColor } = entry.fill;
  if (color === null) return `<fill><patternFill patternType="none"/></fill>`;
  const type = (pattern && PATTERN[pattern]) || "solid";
  if (type === "solid") return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
  return `<fill><patternFill patternType="${type}"><fgColor rgb="${argb(patternColor ?? "#000000")}"/><bgColor rgb="${argb(color)}"/></patternFill></fill>`;
}

/** Office.js pattern names → the OOXML pattern types exceljs writes. */
const PATTERN: Readonly<Record<string, ExcelJS.FillPatterns>> = {
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/** In OOXML a patterned fill draws fgColor (the pattern colour) over bgColor (the cell colour). */
function fillOf(entry: BackupEntry): ExcelJS.Fill {
  const { color, pattern, patternColor } = entry.fill;
  if (color === null) return { type: "pattern", pattern: "none" };
  const type = (pattern && PATTERN[pattern]) || "solid";
  if (type === "solid") return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
  return { type: "pattern", pattern: type, fgColor: { argb: argb(patternColor ?? "#000000") }, bgColor: { argb: argb(color) } };
}
