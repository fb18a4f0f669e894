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
export const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;

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

/** Whether a code point outside ASCII and the CJK ideographs is a letter or a number. The BMP
 * answers are remembered: the CJK marks (`、`, `。`) and the operator glyphs recur in every item,
 * and the regex test needs a fresh one-character string. 0: not asked yet, 1: yes, 2: no. */
const BMP_LETTER_OR_NUMBER = new Uint8Array(0x10000);

function isLetterOrNumber(point: number): boolean {
  if (point > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(point));
  let known = BMP_LETTER_OR_NUMBER[point];
  if (!known) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(point)) ? 1 : 2;
    BMP_LETTER_OR_NUMBER[point] = known;
  }
  return known === 1;
}

/** The code point nextSignificant found; -1 at the end of the text. A scratch result beside
 * the index it returns, so the scan allocates nothing. */
let found = -1;

/** Finds the first code point in [i, end) of `text` that significant() keeps (width folded,
 * as it keeps it), leaves it in `found` and returns the index after it; at the end, `found` is
 * -1. A high surrogate at `end - 1` is read as lone, as significant() reads it in text.slice(…, end). */
function nextSignificant(text: string, i: number, end: number, keepDot: boolean): number {
  for (; i < end; i++) {
    const c = foldedCode(text.charCodeAt(i));
    if (c < 0x80) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37 || (keepDot && c === 46)) {
        found = c;
        return i + 1;
      }
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      found = c;
      return i + 1;
    } else {
      let point = text.codePointAt(i) ?? c;
      if (point > 0xffff && i + 1 >= end) point = c;
      const width = point > 0xffff ? 2 : 1;
      if (isLetterOrNumber(point)) {
        found = point;
        return i + width;
      }
      i += width - 1;
    }
  }
  found = -1;
  return i;
}

/** The text reduced to what carries content: width folded, separators, spaces and
 * punctuation dropped. Two texts with equal significant content say the same thing.
 * Dots count inside a value (`9.5` ≠ `95`) but not across an item (`1.` numbering).
 * One pass: ASCII and the CJK ideographs are decided by range, any other code point by
 * Unicode's letter/number classes (test/clean/text.test.ts holds it to the regex definition). */
export function significant(text: string, keepDot: boolean): string {
  let out = "";
  for (let i = nextSignificant(text, 0, text.length, keepDot); found >= 0; i = nextSignificant(text, i, text.length, keepDot)) {
    out += String.fromCodePoint(found);
  }
  return out;
}

/** `significant(a, keepDot) === significant(b, keepDot)`, without building either: the cleaner
 * compares every item it rewrites, and building them allocated a string per character. Kept code
 * points are compared one by one; a kept code point is never a lone surrogate, so equal
 * sequences of code points are equal strings and the reverse. */
export function sameSignificant(a: string, b: string, keepDot: boolean): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    i = nextSignificant(a, i, a.length, keepDot);
    const fromA = found;
    j = nextSignificant(b, j, b.length, keepDot);
    if (found !== fromA) return false;
    if (fromA < 0) return true;
  }
}

/** Pieces of texts read one after the other as if concatenated, by significant code point: each
 * piece is [start, end) of a text. Two of these, reused (the cleaner is synchronous and never
 * re-entered), let sameSignificantWithout compare without slicing or concatenating. */
class Pieces {
  private readonly texts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  private k = 0;
  private i = 0;
  /** A high surrogate ends a piece and a low one starts the next: concatenated, they would
   * be one code point, which a piece-by-piece reading cannot see. */
  joinsSurrogates = false;

  reset(): void {
    this.count = 0;
    this.k = 0;
    this.i = 0;
    this.joinsSurrogates = false;
  }

  add(text: string, start: number, end: number): void {
    if (end <= start) return;
    if (this.count > 0 && isLowSurrogate(text.charCodeAt(start))) {
      const last = this.count - 1;
      if (isHighSurrogate((this.texts[last] as string).charCodeAt((this.ends[last] as number) - 1))) this.joinsSurrogates = true;
    }
    this.texts[this.count] = text;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    if (this.count === 0) this.i = start;
    this.count++;
  }

  /** The next significant code point, -1 after the last piece. */
  next(keepDot: boolean): number {
    while (this.k < this.count) {
      this.i = nextSignificant(this.texts[this.k] as string, this.i, this.ends[this.k] as number, keepDot);
      if (found >= 0) return found;
      this.k++;
      if (this.k < this.count) this.i = this.starts[this.k] as number;
    }
    return -1;
  }

  /** Drops the texts, so the scratch pins no cell. */
  clear(): void {
    for (let k = 0; k < this.count; k++) this.texts[k] = "";
    this.reset();
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const ORIGINAL = new Pieces();
const REWRITTEN = new Pieces();

/**
 * `significant(removeLast(removeFirst(removeFirst(text, first), then), last), false) ===
 * significant(rewritten.join(""), false)`, without building a string: the cleaner asks it of
 * every item it rewrites (numbering, label and operator words taken out of the item as written).
 * The removals are found as ranges of `text`. When a removal could find another occurrence
 * than the string version would (one spanning the gap an earlier removal left) or pieces would
 * join a surrogate pair, it falls back to the strings (test/clean/text.test.ts holds both
 * to that definition).
 */
export function sameSignificantWithout(text: string, first: string | undefined, then: string | undefined, last: string | undefined, rewritten: readonly string[]): boolean {
  const same = compareWithout(text, first, then, last, rewritten);
  ORIGINAL.clear();
  REWRITTEN.clear();
  if (same !== undefined) return same;
  return significant(removeLast(removeFirst(removeFirst(text, first), then), last), false) === significant(rewritten.join(""), false);
}

/** sameSignificantWithout by ranges; undefined when ranges cannot say it. Each removal leaves
 * a gap in `text`; a later removal must find the occurrence the string version finds, so an
 * occurrence that could span a gap sends the comparison back to the strings. */
function compareWithout(text: string, first: string | undefined, then: string | undefined, last: string | undefined, rewritten: readonly string[]): boolean | undefined {
  let firstStart = -1;
  let firstEnd = -1;
  if (first) {
    firstStart = text.indexOf(first);
    if (firstStart >= 0) firstEnd = firstStart + first.length;
  }
  let thenStart = -1;
  let thenEnd = -1;
  if (then) {
    const at = text.indexOf(then);
    if (at >= 0 && (firstStart < 0 || at + then.length <= firstStart)) {
      thenStart = at; // wholly before the first gap: nothing earlier can span it
    } else if (firstStart >= 0) {
      if (spansGap(text, firstStart, firstEnd, then)) return undefined;
      thenStart = text.indexOf(then, firstEnd);
    }
    if (thenStart >= 0) thenEnd = thenStart + then.length;
  }
  const gaps = (firstStart >= 0 ? 1 : 0) + (thenStart >= 0 ? 1 : 0);
  let lastStart = -1;
  if (last) {
    lastStart = text.lastIndexOf(last);
    // After every gap, the last occurrence in the text is the last one left: anything spanning
    // a gap starts before it.
    if (lastStart >= 0 && lastStart < Math.max(firstEnd, thenEnd)) return undefined;
    if (lastStart < 0 && gaps > 0) {
      if (gaps > 1) return undefined;
      if (firstStart >= 0 ? spansGap(text, firstStart, firstEnd, last) : spansGap(text, thenStart, thenEnd, last)) return undefined;
    }
  }
  ORIGINAL.reset();
  let at = 0;
  const cut = (start: number, end: number): void => {
    ORIGINAL.add(text, at, start);
    at = end;
  };
  if (firstStart >= 0 && thenStart >= 0 && thenStart < firstStart) {
    cut(thenStart, thenEnd);
    cut(firstStart, firstEnd);
  } else {
    if (firstStart >= 0) cut(firstStart, firstEnd);
    if (thenStart >= 0) cut(thenStart, thenEnd);
  }
  if (lastStart >= 0) cut(lastStart, lastStart + (last as string).length);
  ORIGINAL.add(text, at, text.length);
  REWRITTEN.reset();
  for (const part of rewritten) REWRITTEN.add(part, 0, part.length);
  if (ORIGINAL.joinsSurrogates || REWRITTEN.joinsSurrogates) return undefined;
  for (;;) {
    const a = ORIGINAL.next(false);
    if (a !== REWRITTEN.next(false)) return false;
    if (a < 0) return true;
  }
}

/** Whether `part` occurs across the gap [gapStart, gapEnd) once that is taken out of `text`:
 * part of it before the gap, the rest after. */
function spansGap(text: string, gapStart: number, gapEnd: number, part: string): boolean {
  for (let before = 1; before < part.length; before++) {
    if (gapStart - before < 0 || gapEnd + part.length - before > text.length) continue;
    let matches = true;
    for (let k = 0; k < part.length && matches; k++) {
      const at = k < before ? gapStart - before + k : gapEnd + k - before;
      matches = text.charCodeAt(at) === part.charCodeAt(k);
    }
    if (matches) return true;
  }
  return false;
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
