import { canonicalValueText } from "../clean/canonicalCellText";
import type { ParsedValue } from "../model";

/**
 * canonicalValueText (the cleaner's canonical value text) without the cleaner's regular
 * expressions on the common values. value_normalized asks for every value that is not already
 * plainly canonical (`80%以上`, `不低于90%`, `30万元以内`, `≧95%` …): the cleaner's path runs
 * six regex replacements per value, this path one scan. Values it does not model exactly (a
 * number with full-width digits, separators or spaces) take the cleaner's own path, so the
 * result is always canonicalValueText's (test/rules/canonicalValue.test.ts compares them).
 */
export function canonicalValue(value: ParsedValue): string {
  const fast = fastCanonical(value);
  return fast !== undefined ? fast : canonicalValueText(value);
}

function fastCanonical(value: ParsedValue): string | undefined {
  if (value.kind !== "quantitative" && value.kind !== "range") return undefined;
  const asWritten = value.raw.trim();
  if (value.garbled !== undefined || value.placeholder) return asWritten;
  // A range is only compacted (width folded, spaces dropped); with nothing to fold or drop it
  // is its own canonical form.
  if (value.kind === "range") return hasWideOrSpace(asWritten) ? undefined : asWritten;
  const numberRaw = value.numberRaw;
  // asciiNumber of a plain ASCII decimal is the decimal itself.
  if (numberRaw === undefined || !isPlainDecimal(numberRaw)) return undefined;
  const glyph = value.operator !== undefined && value.operatorSource !== "implicit" ? value.operator : "";
  const canonical = `${glyph}${numberRaw}${value.unit ?? ""}`;
  // The cleaner's check: the written text without its operator word (its last occurrence) has
  // the same significant content as the canonical text.
  const operatorRaw = value.operatorRaw;
  const at = operatorRaw ? asWritten.lastIndexOf(operatorRaw) : -1;
  const skipEnd = at < 0 ? -1 : at + (operatorRaw as string).length;
  return sameSignificant(asWritten, at, skipEnd, canonical) ? canonical : asWritten;
}

/** ASCII digits with at most one inner dot: `90`, `0.5` (the cleaner's PLAIN_DECIMAL). */
export function isPlainDecimal(text: string): boolean {
  let dot = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c !== 0x2e || dot >= 0 || i === 0 || i === text.length - 1) return false;
    dot = i;
  }
  return text.length > 0;
}

/** Whether the text has a character the cleaner's compaction would change: a full-width ASCII
 * form, the ideographic space, or anything `\s` matches. */
function hasWideOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return true;
    if (c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
    if (c >= 0xff01 && c <= 0xff5e) return true;
  }
  return false;
}

/** A letter or a number in Unicode's sense, for the characters the quick ranges do not decide. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

// What significantAt found (scratch): the folded code unit(s) at the position and their width.
let unitWidth = 1;
let unitKept = false;
let unitCode = 0;

/**
 * Reads the character at `i` as the cleaner's significant(text, true) sees it: full-width ASCII
 * forms folded, then kept only if a letter, a number (Unicode), `%` or `.`. (The cleaner also
 * drops thousands separators first, but a comma is dropped here in any case.) ASCII and the CJK
 * ideographs are decided by range; anything else by the Unicode property test, a surrogate pair
 * as one code point (its width 2; unitCode is then its first unit).
 */
function significantAt(text: string, i: number): void {
  let c = text.charCodeAt(i);
  unitWidth = 1;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  unitCode = c;
  if (c < 0x80) unitKept = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x25 || c === 0x2e;
  else if (c >= 0x4e00 && c <= 0x9fea) unitKept = true;
  else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
    unitKept = LETTER_OR_NUMBER.test(text.slice(i, i + 2));
    unitWidth = 2;
  } else unitKept = LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

/**
 * Whether `a` without [skipStart, skipEnd) and `b` have the same significant content (the
 * cleaner's `significant(removeLast(a, part), true) === significant(b, true)`), compared in
 * place: no string is built.
 */
export function sameSignificant(a: string, skipStart: number, skipEnd: number, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    // The next kept character of each side.
    let aCode = -1;
    let aWidth = 0;
    while (i < a.length) {
      if (i === skipStart) {
        i = skipEnd;
        continue;
      }
      significantAt(a, i);
      if (unitKept) {
        aCode = unitCode;
        aWidth = unitWidth;
        break;
      }
      i += unitWidth;
    }
    let bCode = -1;
    let bWidth = 0;
    while (j < b.length) {
      significantAt(b, j);
      if (unitKept) {
        bCode = unitCode;
        bWidth = unitWidth;
        break;
      }
      j += unitWidth;
    }
    if (aCode < 0 || bCode < 0) return aCode < 0 && bCode < 0;
    if (aCode !== bCode || aWidth !== bWidth) return false;
    if (aWidth === 2 && a.charCodeAt(i + 1) !== b.charCodeAt(j + 1)) return false;
    i += aWidth;
    j += bWidth;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
