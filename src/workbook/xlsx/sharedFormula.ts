import { columnIndexOf, columnLetters } from "../merges";

/**
 * The formula text of a shared-formula cell (`<f t="shared" si="0"/>`, the text only on the
 * master cell), as exceljs derives it: each relative reference of the master's formula moves
 * by the distance between the two cells (`A1*2` at B1 → `A2*2` at B2); `$` parts stay.
 * Only shown for a formula without a cached result (cellValue.ts).
 *
 * Candidates: an optional sheet part (`Sheet1!`), then letters/digits/`$`/`_`; a candidate
 * followed by `(` is a function name. `SUM(A1:B2)` → `SUM(` kept, `A1`, `B2` moved.
 */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
/** `$A$1`, `B12`: a cell reference, each part optionally anchored with `$`. */
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const ADDRESS = /^\$?([A-Za-z]+)\$?(\d+)$/;

export function slideFormula(formula: string, from: string, to: string): string {
  const a = ADDRESS.exec(from);
  const b = ADDRESS.exec(to);
  if (!a || !b) return formula;
  const dc = columnIndexOf((b[1] ?? "").toUpperCase()) - columnIndexOf((a[1] ?? "").toUpperCase());
  const dr = Number(b[2]) - Number(a[2]);
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _name: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return match;
    const ref = CELL_REF.exec(part);
    if (!ref) return match;
    const [, colDollar = "", letters = "", rowDollar = "", digits = ""] = ref;
    const upper = letters.toUpperCase();
    // Beyond XFD, the last column, it is a name, not a reference.
    if (upper.length > 3 || (upper.length === 3 && upper > "XFD")) return match;
    const col = columnIndexOf(upper) + (colDollar ? 0 : dc);
    const row = parseInt(digits, 10) + (rowDollar ? 0 : dr);
    // Moved off the sheet's left edge: exceljs throws there; keep the reference as written.
    if (col < 0 || col > 16383) return match;
    return `${sheet ?? ""}${colDollar}${columnLetters(col)}${rowDollar}${row}`;
  });
}
