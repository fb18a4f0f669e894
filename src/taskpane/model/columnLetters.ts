/** Column letters ↔ 0-based indexes: `A` ↔ 0, `Z` ↔ 25, `AA` ↔ 26, `XFD` ↔ 16383. */

/** One to three letters, Excel's widest column being XFD. */
const COLUMN_LETTERS = /^[A-Za-z]{1,3}$/;

export function isColumnLetters(text: string): boolean {
  return COLUMN_LETTERS.test(text.trim());
}

export function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indexToLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `E6` → { rowIndex: 5, columnIndex: 4 }; `$E$6` too. Undefined for anything else.
 * Example: `AB12` → columns `AB` (27), row 12 → { rowIndex: 11, columnIndex: 27 }. */
const A1 = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

export function parseA1(address: string): { rowIndex: number; columnIndex: number } | undefined {
  const m = A1.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { rowIndex: Number(m[2]) - 1, columnIndex: lettersToIndex(m[1]) };
}

export function toA1(rowIndex: number, columnIndex: number): string {
  return `${indexToLetters(columnIndex)}${rowIndex + 1}`;
}
