import type { CellValue } from "../core/model";

/** A merged block, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * How merged cells reach the snapshot. Excel keeps a merged block's value in its top-left
 * cell only; tables merge 主管部门/预算单位/项目名称 (and two-row headers) DOWNWARD over the
 * rows they cover, and the core reads each row on its own, so:
 * - the top-left value is copied DOWN into every covered cell of the block's LEFT column;
 *   other columns of the block stay null (a horizontally merged title or header must not
 *   turn into five titles or three indicator columns);
 * - a row whose every non-empty cell is such a copy is a mere continuation of the row above
 *   (a project drawn as a tall merged row) and is left blank, so it is not read twice; such
 *   rows are returned (0-based, ascending), for SheetSnapshot.mergedRowIndexes; the copies in
 *   the other rows are listed in `copies` (row → columns), for SheetSnapshot.mergeCopies.
 * Hidden rows and columns get no special treatment: they are read like the others.
 */
export function fillMerges(values: CellValue[][], merges: readonly MergeRange[], copies?: Map<number, readonly number[]>): number[] {
  const filledByRow = new Map<number, number[]>();
  for (const m of merges) {
    const v = values[m.top]?.[m.left] ?? null;
    if (v === null || v === "") continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const row = values[r];
      if (!row) continue;
      row[m.left] = v;
      const cols = filledByRow.get(r) ?? [];
      cols.push(m.left);
      filledByRow.set(r, cols);
    }
  }
  const continued: number[] = [];
  for (const [r, cols] of filledByRow) {
    const row = values[r];
    if (!row) continue;
    const own = row.filter((v, c) => v !== null && v !== "" && !cols.includes(c)).length;
    if (own === 0) {
      for (const c of cols) row[c] = null;
      continued.push(r);
    } else copies?.set(r, cols);
  }
  return continued.sort((a, b) => a - b);
}

/** `B2:D4` → 0-based inclusive bounds; undefined for anything else. */
export function parseRange(ref: string): MergeRange | undefined {
  // "$B$2:D4": two A1 addresses, optional `$` anchors. Linear: no nested quantifiers.
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const [a, b] = [columnIndexOf(m[1] ?? ""), columnIndexOf(m[3] ?? "")];
  const [r1, r2] = [Number(m[2]) - 1, Number(m[4]) - 1];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

/** `A` → 0, `AB` → 27. */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → `A`, 27 → `AB`. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
