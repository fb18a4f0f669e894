import type { NumberingStyle } from "../model";
import { isDigit, isHan, isOperatorGlyph, isSpace } from "./normalizeText";
import { LEVEL2_SYNONYMS } from "./vocabulary";

/** An item number as written: `1、` (dun), `1.`/`1．` (dot), `(1)`/`（1）` and `⑴` … `⒇` (paren),
 * `1)`/`1）` (closeParen), `①` … `⑳` (circled), `一、` … `二十、` (hanzi), `（一）`/`(一)` (parenHanzi). */
export interface Marker {
  number: number;
  /** Where the digits are (the marker's punctuation aside): `1`, `①`, `十一`. */
  digitsStart: number;
  digitsEnd: number;
  style: Exclude<NumberingStyle, "none">;
  /** Just after the marker's closing punctuation. */
  end: number;
}

/** The marker the last successful readMarker found. One scratch record instead of an object per
 * call: the segmenter tries a marker at every item start and at every digit it looks ahead to.
 * Overwritten by the next call; copy what must outlive it. */
export const MARKER: Marker = { number: 0, digitsStart: 0, digitsEnd: 0, style: "dun", end: 0 };

const DUN = 0x3001; // 、
const COMMA = 0x2c; // , and ， (folded)
const DOT = 0x2e;
const COLON = 0x3a; // : and ： (folded)
const SEMICOLON = 0x3b; // ; and ； (folded)
const FULL_STOP = 0x3002; // 。
const LF = 0x0a;
const CR = 0x0d;
const OPEN = 0x28;
const CLOSE = 0x29;
const CIRCLED_ONE = 0x2460; // ①
const CIRCLED_TWENTY = 0x2473; // ⑳
const PAREN_ONE = 0x2474; // ⑴, one character for `(1)`
const PAREN_TWENTY = 0x2487; // ⒇
const TEN = 0x5341; // 十
/** Item numbers have at most three digits: `2023.07` is a date, not item 2023. */
const MAX_DIGITS = 3;

function digitsEnd(folded: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i <= MAX_DIGITS && isDigit(folded.charCodeAt(j))) j++;
  return j - i >= 1 && j - i <= MAX_DIGITS ? j : -1;
}

/** The value of the (at most three) ASCII digits in [i, j). */
function digitsValue(folded: string, i: number, j: number): number {
  let n = 0;
  for (let k = i; k < j; k++) n = n * 10 + (folded.charCodeAt(k) - 0x30);
  return n;
}

/** `①` … `⑳`: one character each, ① = 1. */
export function isCircledNumber(c: number): boolean {
  return c >= CIRCLED_ONE && c <= CIRCLED_TWENTY;
}

/** `⑴` … `⒇`: one character each, ⑴ = 1; the same style as `(1)`. */
export function isParenthesizedNumber(c: number): boolean {
  return c >= PAREN_ONE && c <= PAREN_TWENTY;
}

/** The value of a Chinese numeral character `一` … `九` (1–9), `十` (10); 0 for any other. */
function hanziDigit(c: number): number {
  switch (c) {
    case 0x4e00: // 一
      return 1;
    case 0x4e8c: // 二
      return 2;
    case 0x4e09: // 三
      return 3;
    case 0x56db: // 四
      return 4;
    case 0x4e94: // 五
      return 5;
    case 0x516d: // 六
      return 6;
    case 0x4e03: // 七
      return 7;
    case 0x516b: // 八
      return 8;
    case 0x4e5d: // 九
      return 9;
    case TEN:
      return 10;
    default:
      return 0;
  }
}

function found(number: number, digitsStart: number, digits: number, style: Marker["style"], end: number): true {
  MARKER.number = number;
  MARKER.digitsStart = digitsStart;
  MARKER.digitsEnd = digits;
  MARKER.style = style;
  MARKER.end = end;
  return true;
}

/**
 * Whether an item marker starts at `i` of the folded text; when it does, MARKER holds it.
 * `1、`, `(1)`, `1)`, `①` and `⑴` always are; `1.` only when no digit follows the dot (`1.5万元`
 * is a number). `一、` and `（一）` are ones only where an item can start (`itemStart`: the start of
 * the cell, after a terminator or a line break), never in running text (`统一、规范`), and `一、`
 * not before another numeral (`三、四季度` is an enumeration).
 * Example: `（2）效益指标` → true, MARKER = 2, paren, end 3; `十一、产出` → 11, hanzi, end 3;
 * `（二）效益` → 2, parenHanzi, end 3.
 */
export function readMarker(folded: string, i: number, end: number, itemStart: boolean): boolean {
  const c = folded.charCodeAt(i);
  if (c === OPEN) {
    // Where an item can start, spaces may stand inside the brackets: `（1 ）`, `( 1)`.
    const s = itemStart ? skipSpaces(folded, i + 1, end) : i + 1;
    const j = digitsEnd(folded, s, end);
    if (j < 0) return itemStart && readParenHanziMarker(folded, i, end);
    const close = itemStart ? skipSpaces(folded, j, end) : j;
    if (folded.charCodeAt(close) !== CLOSE) return false;
    return found(digitsValue(folded, s, j), s, j, "paren", close + 1);
  }
  if (isCircledNumber(c)) return found(c - CIRCLED_ONE + 1, i, i + 1, "circled", i + 1);
  if (isParenthesizedNumber(c)) return found(c - PAREN_ONE + 1, i, i + 1, "paren", i + 1);
  if (!isDigit(c)) return itemStart && (readHanziMarker(folded, i, end) || readWordMarker(folded, i, end));
  const j = digitsEnd(folded, i, end);
  if (j < 0 || j >= end) return false;
  // Where an item can start, spaces may stand between the number and its mark: `1 、`, `1 .`.
  const m = itemStart ? skipSpaces(folded, j, end) : j;
  const after = folded.charCodeAt(m);
  if (after === DUN) return found(digitsValue(folded, i, j), i, j, "dun", m + 1);
  if (after === CLOSE) return found(digitsValue(folded, i, j), i, j, "closeParen", m + 1);
  if (after === DOT && !(m + 1 < end && isDigit(folded.charCodeAt(m + 1)))) return found(digitsValue(folded, i, j), i, j, "dot", m + 1);
  if (!itemStart) return false;
  // `1，产出指标：`, `1 产出指标：`: a number before a whole category word after a comma or a space,
  // where an item can start (`1,200人` and `1 200人` are numbers). Read as `1、`: the style closest
  // to it, which the cleaner writes.
  if (after === COMMA && startsCategoryWord(folded, m + 1, end)) return found(digitsValue(folded, i, j), i, j, "dun", m + 1);
  if (m > j && startsCategoryWord(folded, m, end)) return found(digitsValue(folded, i, j), i, j, "dun", m);
  return false;
}

/**
 * `2.65岁以上老年人健康管理率` after item `1.`: where the items are numbered `1.`, `2.`…, the next
 * number and its dot are the item's marker even before a digit, its name starting with one
 * (`3.0-6岁儿童健康管理率`). Only the expected number: `2.5万元` anywhere else stays a number.
 * Example: (`2.65岁…`, expected 2) → true, MARKER = 2, dot, end 2.
 */
export function readDotMarkerBeforeDigit(folded: string, i: number, end: number, expected: number): boolean {
  const j = digitsEnd(folded, i, end);
  if (j < 0 || j + 1 >= end || folded.charCodeAt(j) !== DOT || !isDigit(folded.charCodeAt(j + 1))) return false;
  return digitsValue(folded, i, j) === expected && holdsNameAndValue(folded, j + 1, end) && found(expected, i, j, "dot", j + 1);
}

/** How far holdsNameAndValue looks: a name and its value fit in a line of this many characters. */
const LINE_LOOKAHEAD = 80;

/** Whether the line from `i` holds a name and a value (an operator glyph, a colon or a comma, or a
 * number after the name's words, before its end): `65岁以上老年人健康管理率≥70%` and `…管理率70%` do,
 * the value `5万元` of `2.5万元` on a line of its own does not. */
function holdsNameAndValue(folded: string, i: number, end: number): boolean {
  const limit = Math.min(end, i + LINE_LOOKAHEAD);
  let words = false;
  for (let k = i; k < limit; k++) {
    const c = folded.charCodeAt(k);
    if (c === LF || c === CR || c === SEMICOLON || c === FULL_STOP) return false;
    if (c === COLON || c === COMMA || isOperatorGlyph(c) || (words && isDigit(c))) return true;
    if (isHan(c)) words = true;
  }
  return false;
}

function skipSpaces(folded: string, k: number, end: number): number {
  while (k < end && isSpace(folded.charCodeAt(k))) k++;
  return k;
}

/** The value of the numeral hanziNumeralEnd read last (scratch). */
let numeralValue = 0;

/** Where a Chinese numeral of at most three characters starting at `i` ends (`一`, `十一`,
 * `二十`, `二十一`: 1 … 99), its value left in numeralValue; -1 when none starts there. */
function hanziNumeralEnd(folded: string, i: number, end: number): number {
  const first = i < end ? hanziDigit(folded.charCodeAt(i)) : 0;
  if (first === 0) return -1;
  let value = first;
  let j = i + 1;
  if (first < 10 && j < end && folded.charCodeAt(j) === TEN) {
    value = first * 10;
    j++;
  }
  if (value >= 10 && j < end) {
    const unit = hanziDigit(folded.charCodeAt(j));
    if (unit > 0 && unit < 10) {
      value += unit;
      j++;
    }
  }
  numeralValue = value;
  return j;
}

/** `一、` … `九十九、`: a numeral, then `、`. */
function readHanziMarker(folded: string, i: number, end: number): boolean {
  const j = hanziNumeralEnd(folded, i, end);
  if (j < 0 || j >= end || folded.charCodeAt(j) !== DUN) return false;
  const next = j + 1 < end ? folded.charCodeAt(j + 1) : 0;
  if (hanziDigit(next) !== 0 || isDigit(next)) return false;
  return found(numeralValue, i, j, "hanzi", j + 1);
}

const DI = 0x7b2c; // 第
const SHI = 0x662f; // 是
const ROMAN_ONE = 0x2160; // Ⅰ
const ROMAN_TWELVE = 0x216b; // Ⅻ
const SMALL_ROMAN_ONE = 0x2170; // ⅰ
const SMALL_ROMAN_TWELVE = 0x217b; // ⅻ

/**
 * Numbers written as words or letters, read only before a whole category word where an item can
 * start (elsewhere they are prose: `第一，`, `一是`, `a.` open sentences too): `第一，产出指标` and
 * `一是产出指标` (hanzi, the marker's "digits" the whole word, so the cleaner replaces it), `a.产出指标`,
 * `b、`, `c)` and `Ⅰ.` (a letter or Roman numeral as the number, its mark's style).
 */
function readWordMarker(folded: string, i: number, end: number): boolean {
  const c = folded.charCodeAt(i);
  if (c === DI) {
    const j = hanziNumeralEnd(folded, i + 1, end);
    if (j < 0 || j >= end) return false;
    const mark = folded.charCodeAt(j);
    if (mark !== COMMA && mark !== DUN && !isSpace(mark)) return false;
    return startsCategoryWord(folded, j + 1, end) && found(numeralValue, i, j, "hanzi", j + 1);
  }
  const j = hanziNumeralEnd(folded, i, end);
  if (j > 0) return j < end && folded.charCodeAt(j) === SHI && startsCategoryWord(folded, j + 1, end) && found(numeralValue, i, j + 1, "hanzi", j + 1);
  const number = letterNumber(c);
  if (number === 0 || i + 1 >= end) return false;
  const mark = folded.charCodeAt(i + 1);
  const style = mark === DOT ? "dot" : mark === DUN ? "dun" : mark === CLOSE ? "closeParen" : undefined;
  return style !== undefined && startsCategoryWord(folded, i + 2, end) && found(number, i, i + 1, style, i + 2);
}

/** `a` … `z`, `A` … `Z` (1 … 26) and `Ⅰ` … `Ⅻ`, `ⅰ` … `ⅻ` (1 … 12); 0 for any other character. */
function letterNumber(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x60;
  if (c >= 0x41 && c <= 0x5a) return c - 0x40;
  if (c >= ROMAN_ONE && c <= ROMAN_TWELVE) return c - ROMAN_ONE + 1;
  if (c >= SMALL_ROMAN_ONE && c <= SMALL_ROMAN_TWELVE) return c - SMALL_ROMAN_ONE + 1;
  return 0;
}

/** `(一)` … `(九十九)` (`（一）` folded): a numeral in brackets. */
function readParenHanziMarker(folded: string, i: number, end: number): boolean {
  const j = hanziNumeralEnd(folded, i + 1, end);
  if (j < 0 || j >= end || folded.charCodeAt(j) !== CLOSE) return false;
  return found(numeralValue, i + 1, j, "parenHanzi", j + 1);
}

/** The first two characters of every 一级 (and its older forms): what an item's head starts with. */
const CATEGORY_PREFIXES = ["产出", "效益", "效果", "满意", "成本"];

/** Whether a category head (`产出指标：`, `效果指标`, `满意度指标（…）`) starts at `i`, after at
 * most a few spaces. Used to tell a new item (`…≥90%2、产出指标：`) from a number inside text
 * (`第2、3季度`). */
export function startsCategory(folded: string, i: number, end: number): boolean {
  const k = categoryStart(folded, i, end);
  for (const prefix of CATEGORY_PREFIXES) if (k + prefix.length <= end && folded.startsWith(prefix, k)) return true;
  return false;
}

/** Where a category would start at `i`: after at most a few spaces and an opening `【`
 * (`【产出指标】` is a head, readHead). */
function categoryStart(folded: string, i: number, end: number): number {
  let k = i;
  while (k < end && k - i < 4 && isSpace(folded.charCodeAt(k))) k++;
  return k < end && folded.charCodeAt(k) === LENTICULAR_OPEN ? k + 1 : k;
}

const LENTICULAR_OPEN = 0x3010; // 【

/** The whole category words: every 一级 (`效果指标` included) and every 二级 that ends in 指标
 * (`数量指标`, `社会效益指标` …), longest first. */
const CATEGORY_WORDS: readonly string[] = [
  ...new Set(["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", ...[...LEVEL2_SYNONYMS.keys()].filter((w) => w.endsWith("指标"))]),
].sort((a, b) => b.length - a.length);

/** Whether a whole category word starts at `i` (after at most a few spaces) and ends there, not
 * running on into a longer word: `效益指标：`, `产出指标-数量指标`, `数量指标（`, but not
 * `产出指标体系`. Stricter than startsCategory: it lets an unexpected number start a run-on item
 * (`≥100人3、效益指标：`), where a mere `产出` could be prose. */
export function startsCategoryWord(folded: string, i: number, end: number): boolean {
  const k = categoryStart(folded, i, end);
  for (const word of CATEGORY_WORDS) {
    if (k + word.length > end || !folded.startsWith(word, k)) continue;
    const after = k + word.length < end ? folded.charCodeAt(k + word.length) : 0;
    return !isWordCharacter(after);
  }
  return false;
}

/** A character that continues a word: a CJK ideograph, an ASCII letter or digit. */
function isWordCharacter(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether text at `i` looks like an item number the parser did not read as one (its form is not
 * one readMarker reads there: `1 培训人数`, `1，培训人数`, `一是培训人数`, `第一，…`, `a.培训人数`,
 * `Ⅰ、…`). The cleaner keeps such an item as written rather than put a second number before it.
 */
export function startsLikeNumber(folded: string, i: number, end: number): boolean {
  if (readMarker(folded, i, end, true)) return true;
  const c = folded.charCodeAt(i);
  if (isDigit(c)) {
    let j = i;
    while (j < end && isDigit(folded.charCodeAt(j))) j++;
    if (j - i > MAX_DIGITS) return false;
    const k = skipSpaces(folded, j, end);
    const after = folded.charCodeAt(k);
    if (after === COMMA || after === DUN || after === CLOSE) return true;
    if (after === DOT) return !isDigit(folded.charCodeAt(k + 1));
    return k > j && k < end && isWordCharacter(after) && !isDigit(after);
  }
  if (c === DI) {
    const j = hanziNumeralEnd(folded, i + 1, end);
    const mark = folded.charCodeAt(j);
    return j > 0 && (mark === COMMA || mark === DUN || isSpace(mark));
  }
  const j = hanziNumeralEnd(folded, i, end);
  if (j > 0) return folded.charCodeAt(j) === SHI;
  const mark = folded.charCodeAt(i + 1);
  return letterNumber(c) !== 0 && (mark === DOT || mark === DUN || mark === CLOSE);
}
