/**
 * Small text helpers of the cleaner: width folding, number spelling and the "significant
 * content" of a text, which the cleaner compares before and after so it can prove that
 * canonicalisation dropped nothing the author wrote.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space.
 * Example: `＞＝９０％` → `>=90%`, `１，０００` → `1,000`. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;

/** Folds full-width ASCII forms to ASCII (`，：` included); the CJK marks `、。` stay. */
export function foldWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, " ");
}

/** A comma between digits followed by exactly three digits: a thousands separator.
 * Example: `1,000,000` → `1000000`; `1,5` and `12,3456` are left alone. Fixed-width lookarounds: no backtracking. */
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;

/** A plain decimal in ASCII digits. Example: `90`, `0.5`, `1000`. */
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The number as the canonical form writes it: ASCII digits, no thousands separators, no
 * spaces, the digits the author wrote kept (`90.50` stays `90.50`, so nothing is rounded away).
 * Undefined when the written number is not a plain decimal (Chinese numerals, garbled text).
 */
export function asciiNumber(numberRaw: string | undefined): string | undefined {
  if (numberRaw === undefined) return undefined;
  const folded = foldWidth(numberRaw).replace(/\s+/g, "").replace(THOUSANDS_SEPARATOR, "");
  return PLAIN_DECIMAL.test(folded) ? folded : undefined;
}

/** Letters (CJK included), digits and `%` (and `.` inside values): what must survive
 * cleaning, in order. Example: `不低于 ９０．5％` → `不低于90.5%` (with dots) or `不低于905%`. */
const INSIGNIFICANT_WITH_DOT = /[^\p{L}\p{N}%.]+/gu;
const INSIGNIFICANT = /[^\p{L}\p{N}%]+/gu;

/** The text reduced to what carries content: width folded, separators, spaces and
 * punctuation dropped. Two texts with equal significant content say the same thing.
 * Dots count inside a value (`9.5` ≠ `95`) but not across an item (`1.` numbering). */
export function significant(text: string, keepDot: boolean): string {
  const folded = foldWidth(text).replace(THOUSANDS_SEPARATOR, "");
  return folded.replace(keepDot ? INSIGNIFICANT_WITH_DOT : INSIGNIFICANT, "");
}

/** Removes the first occurrence of `part` from `text` (no-op for an absent or empty part). */
export function removeFirst(text: string, part: string | undefined): string {
  if (!part) return text;
  const at = text.indexOf(part);
  return at < 0 ? text : text.slice(0, at) + text.slice(at + part.length);
}

/** Removes the last occurrence of `part`: operator words sit in the value, at the item's end. */
export function removeLast(text: string, part: string | undefined): string {
  if (!part) return text;
  const at = text.lastIndexOf(part);
  return at < 0 ? text : text.slice(0, at) + text.slice(at + part.length);
}
