/**
 * Small text helpers of the cleaner: width folding, number spelling and the "significant
 * content" of a text, which the cleaner compares before and after so it can prove that
 * canonicalisation dropped nothing the author wrote.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space.
 * Example: `＞＝９０％` → `>=90%`, `１，０００` → `1,000`. */
function foldedCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return c === 0x3000 ? 0x20 : c;
}

/** Folds full-width ASCII forms to ASCII (`，：` included); the CJK marks `、。` stay.
 * A loop, not a replace with a callback: the cleaner folds every item several times. */
export function foldWidth(text: string): string {
  let i = 0;
  while (i < text.length && foldedCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) out += String.fromCharCode(foldedCode(text.charCodeAt(i)));
  return out;
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
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** The text reduced to what carries content: width folded, separators, spaces and
 * punctuation dropped. Two texts with equal significant content say the same thing.
 * Dots count inside a value (`9.5` ≠ `95`) but not across an item (`1.` numbering).
 * One pass: ASCII and the CJK ideographs are decided by range, any other code point by
 * Unicode's letter/number classes (test/clean/text.test.ts holds it to the regex definition). */
export function significant(text: string, keepDot: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = foldedCode(text.charCodeAt(i));
    if (c < 0x80) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37 || (keepDot && c === 46)) out += String.fromCharCode(c);
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      out += String.fromCharCode(c);
    } else {
      const point = text.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(point);
      if (LETTER_OR_NUMBER.test(ch)) out += ch;
      if (ch.length === 2) i++;
    }
  }
  return out;
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
