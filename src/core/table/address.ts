/**
 * A1 addresses and 0-based sheet positions. Excel's grid is 16,384 columns (A … XFD) by
 * 1,048,576 rows; anything outside it is our own bug (toA1, columnLetter throw) or bad user
 * input (tryParseA1 returns undefined).
 */

/** 0-based index of the last column, XFD. */
export const MAX_COLUMN_INDEX = 16_383;
/** 0-based index of the last row, 1048576. */
export const MAX_ROW_INDEX = 1_048_575;

export interface CellPosition {
  rowIndex: number;
  columnIndex: number;
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`, `16383` → `XFD` (bijective base 26: there is no zero digit). */
export function columnLetter(columnIndex: number): string {
  if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex > MAX_COLUMN_INDEX) {
    throw new RangeError(`column index out of the sheet: ${columnIndex}`);
  }
  let letters = "";
  for (let n = columnIndex + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `A` → `0`, `xfd` → `16383`; undefined for anything that is not a column of the sheet. */
export function tryColumnIndexOf(letters: string): number | undefined {
  if (letters.length === 0 || letters.length > 3) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return undefined;
    n = n * 26 + (code - 64);
  }
  return n - 1 <= MAX_COLUMN_INDEX ? n - 1 : undefined;
}

/** `A` → `0`, `AA` → `26`, `XFD` → `16383` (case-insensitive). Throws on anything else. */
export function columnIndexOf(letters: string): number {
  const index = tryColumnIndexOf(letters);
  if (index === undefined) throw new RangeError(`not a column: ${JSON.stringify(letters)}`);
  return index;
}

/** `(5, 4)` → `E6`. */
export function toA1(rowIndex: number, columnIndex: number): string {
  if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex > MAX_ROW_INDEX) {
    throw new RangeError(`row index out of the sheet: ${rowIndex}`);
  }
  return `${columnLetter(columnIndex)}${rowIndex + 1}`;
}

/**
 * One cell reference with optional `$` anchors: `E6`, `$E$6`, `e6`.
 * Example: `$XFD$1048576` → letters `XFD`, digits `1048576`. Linear: no nested quantifiers.
 */
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Drops a sheet qualifier: `'绩效目标表'!E6` → `E6`, `Sheet1!A1:B2` → `A1:B2`. The last `!`
 * separates them because a quoted sheet name may itself contain `!`. */
function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang === -1 ? address : address.slice(bang + 1);
}

/** `E6`, `$E$6`, `'绩效目标表'!E6` → `{ rowIndex: 5, columnIndex: 4 }`; undefined when not a cell. */
export function tryParseA1(address: string): CellPosition | undefined {
  const match = CELL_REF.exec(withoutSheet(address.trim()));
  if (!match) return undefined;
  const columnIndex = tryColumnIndexOf(match[1] ?? "");
  const rowIndex = Number(match[2]) - 1;
  if (columnIndex === undefined || rowIndex > MAX_ROW_INDEX) return undefined;
  return { rowIndex, columnIndex };
}

/** Like tryParseA1, for addresses our own code produced: throws when it is not a cell. */
export function parseA1(address: string): CellPosition {
  const position = tryParseA1(address);
  if (!position) throw new RangeError(`not a cell address: ${JSON.stringify(address)}`);
  return position;
}

/** `(0, 0, 5, 4)` → `A1:E6`. The corners may come in any order; one cell stays `A1:A1` so
 * callers can always split on `:`. */
export function rangeA1(rowIndex1: number, columnIndex1: number, rowIndex2: number, columnIndex2: number): string {
  const top = Math.min(rowIndex1, rowIndex2);
  const bottom = Math.max(rowIndex1, rowIndex2);
  const left = Math.min(columnIndex1, columnIndex2);
  const right = Math.max(columnIndex1, columnIndex2);
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}

/** `A1:E6`, `'表'!$A$1:$E$6`, or a single cell `E6` (a one-cell range); undefined otherwise. */
export function tryParseRangeA1(address: string): RangePosition | undefined {
  const body = withoutSheet(address.trim());
  const colon = body.indexOf(":");
  const start = tryParseA1(colon === -1 ? body : body.slice(0, colon));
  const end = colon === -1 ? start : tryParseA1(body.slice(colon + 1));
  if (!start || !end) return undefined;
  return {
    start: { rowIndex: Math.min(start.rowIndex, end.rowIndex), columnIndex: Math.min(start.columnIndex, end.columnIndex) },
    end: { rowIndex: Math.max(start.rowIndex, end.rowIndex), columnIndex: Math.max(start.columnIndex, end.columnIndex) },
  };
}

/** Sheet names Excel accepts unquoted: `Sheet1`, `data_2025` (not `绩效目标表`, not `my sheet`). */
const BARE_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A sheet name as a formula or a range address needs it: `Sheet1` bare, anything else (and a
 * name that reads as a cell, `A1`) quoted with inner quotes doubled (`O'Neil` → `'O''Neil'`). */
export function quoteSheetName(sheet: string): string {
  return BARE_SHEET_NAME.test(sheet) && tryParseA1(sheet) === undefined
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** `('绩效目标表', 'E6')` → `'绩效目标表'!E6`. */
export function qualifiedA1(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}
