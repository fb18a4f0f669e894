import { BACKUP_SHEET_NAME } from "../core/plan";
import type { FillState } from "./fills";

/**
 * The fills cells had before we coloured them, kept in the workbook itself (a very hidden
 * sheet) so 清除标记 works after the workbook was saved, closed and reopened, and by any
 * colleague who opens it. One row per cell: `sheet | address | color | pattern | patternColor`.
 */
export interface BackupEntry {
  sheet: string;
  address: string;
  fill: FillState;
}

export const BACKUP_HEADER = ["sheet", "address", "color", "pattern", "patternColor"] as const;
const COLUMNS = BACKUP_HEADER.length;
/** Rows written per request: 20,000 rows of five short strings stay far below 5 MB. */
export const BACKUP_ROWS_PER_WRITE = 20_000;

export interface BackupState {
  exists: boolean;
  /** Rows the sheet holds now, header included (what a shorter rewrite must clear). */
  rowCount: number;
  entries: BackupEntry[];
}

export const NO_BACKUP: BackupState = { exists: false, rowCount: 0, entries: [] };

export function backupKey(sheet: string, address: string): string {
  return `${sheet}\u0001${address}`;
}

/** Reads the backup sheet; call only when it exists (the caller saw its name). One sync. */
export async function readBackup(context: Excel.RequestContext): Promise<BackupState> {
  const used = context.workbook.worksheets.getItem(BACKUP_SHEET_NAME).getUsedRangeOrNullObject(true);
  used.load("values,rowCount");
  await context.sync();
  if (used.isNullObject) return { exists: true, rowCount: 0, entries: [] };
  const entries: BackupEntry[] = [];
  for (const row of used.values.slice(1)) {
    const [sheet, address, color, pattern, patternColor] = row.map((v) => (v === null || v === undefined ? "" : String(v)));
    if (!sheet || !address) continue;
    entries.push({
      sheet,
      address,
      fill: color ? { color, ...(pattern ? { pattern } : {}), ...(patternColor ? { patternColor } : {}) } : { color: null },
    });
  }
  return { exists: true, rowCount: used.rowCount, entries };
}

/**
 * The requests that make the backup sheet hold `entries` (created very hidden when missing,
 * deleted when empty), split into parts of BACKUP_ROWS_PER_WRITE rows: one sync each.
 * Written as text (`@`) so a sheet name like `-1` or `=x` never turns into a formula.
 */
export function backupWrites(before: BackupState, entries: readonly BackupEntry[], structureLocked = false): ((context: Excel.RequestContext) => void)[] {
  if (entries.length === 0) {
    if (!before.exists) return [];
    return [(ctx) => (structureLocked ? emptyBackupSheet(ctx.workbook.worksheets, before.rowCount) : deleteBackupSheet(ctx.workbook.worksheets))];
  }
  const rows: string[][] = [
    [...BACKUP_HEADER],
    ...entries.map((e) => [e.sheet, e.address, e.fill.color ?? "", e.fill.pattern ?? "", e.fill.patternColor ?? ""]),
  ];
  const parts: ((context: Excel.RequestContext) => void)[] = [];
  for (let start = 0; start < rows.length; start += BACKUP_ROWS_PER_WRITE) {
    const slice = rows.slice(start, start + BACKUP_ROWS_PER_WRITE);
    const first = start === 0;
    const last = start + BACKUP_ROWS_PER_WRITE >= rows.length;
    parts.push((ctx) => {
      const ws = first && !before.exists ? createBackupSheet(ctx) : ctx.workbook.worksheets.getItem(BACKUP_SHEET_NAME);
      const range = ws.getRangeByIndexes(start, 0, slice.length, COLUMNS);
      range.numberFormat = slice.map((r) => r.map(() => "@"));
      range.values = slice;
      if (last && before.rowCount > rows.length) ws.getRangeByIndexes(rows.length, 0, before.rowCount - rows.length, COLUMNS).clear();
    });
  }
  return parts;
}

/**
 * Queues the backup sheet's deletion. Excel refuses to delete a very hidden sheet
 * (Worksheet.delete: "fails with an InvalidOperation exception"; office-js#365, by design), so
 * it is made merely hidden first, in the same batch.
 */
export function deleteBackupSheet(sheets: Excel.WorksheetCollection): void {
  const ws = sheets.getItem(BACKUP_SHEET_NAME);
  ws.visibility = "Hidden";
  ws.delete();
}

/** The backup sheet emptied but kept (its header alone): a workbook whose structure is
 * protected lets no sheet be deleted, but its cells can be written. */
export function emptyBackupSheet(sheets: Excel.WorksheetCollection, rowCount: number): void {
  if (rowCount > 1) sheets.getItem(BACKUP_SHEET_NAME).getRangeByIndexes(1, 0, rowCount - 1, COLUMNS).clear();
}

function createBackupSheet(context: Excel.RequestContext): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(BACKUP_SHEET_NAME);
  // Very hidden: not listed under "Unhide", so nobody edits it by accident.
  ws.visibility = "VeryHidden";
  return ws;
}
