import type { ValueLabel } from "../model";
import { isDigit, isHan, isSpace, isWhitespace } from "./normalizeText";
import { valueFollows, wordValueFollows } from "./parseValue";

/** A value label found in an item: `年度指标值：`, `指标值:`, `年度目标值：`, `目标值：`, `指标值为`,
 * `目标值为`. */
export interface LabelMatch {
  label: ValueLabel;
  /** The label word, with a `为` after it (`指标值为≥50人`), the colon excluded. */
  start: number;
  end: number;
  /** Where the value begins: after the colon, if there is one. */
  valueStart: number;
}

/** The label the last successful labelAt found (a scratch record, overwritten by the next call). */
export const LABEL: LabelMatch = { label: "指标值", start: 0, end: 0, valueStart: 0 };

const COLON = 0x3a;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const DUN = 0x3001;
const WEI = 0x4e3a; // 为

/** A comma, colon, semicolon or `、` (no bracket, no space): what stands before most labels. */
function isPlainSeparator(c: number): boolean {
  return c === COMMA || c === COLON || c === SEMICOLON || c === DUN;
}

/** Whether a comma stands right before `at`, spaces aside. */
function commaBefore(folded: string, at: number, regionStart: number): boolean {
  let k = at - 1;
  while (k >= regionStart && isSpace(folded.charCodeAt(k))) k--;
  return k >= regionStart && folded.charCodeAt(k) === COMMA;
}

/** Whether only a separator (or nothing) stands between `regionStart` and `at`, spaces aside. */
function separatedBefore(folded: string, at: number, regionStart: number): boolean {
  let k = at - 1;
  while (k >= regionStart && isSpace(folded.charCodeAt(k))) k--;
  if (k < regionStart) return true;
  const c = folded.charCodeAt(k);
  return c === COMMA || c === COLON || c === SEMICOLON || c === DUN || isWhitespace(c);
}

/**
 * Whether the `值` at `at` ends a value label; when it does, LABEL holds it. `年度指标值` and
 * `年度目标值` are labels wherever they stand; a bare `指标值` only after a separator, so a name like
 * `资金拨付时效指标值` keeps its word; a bare `目标值` only after a separator and before a colon
 * or a `为` and a value (`完成目标值考核` is a name). Without a colon the label must follow a
 * separator too. A `为` after the word belongs to the label before a colon or a value
 * (`指标值为≥50人`, `年度指标值为：≥50人`, `目标值为95%`); before anything else the word and its
 * `为` are text (`指标值为民服务次数`), no label.
 * After a separator the label may carry a short prefix saying which year or what kind of target
 * (`，全年指标值：`, `，预期指标值：`, `，年度绩效指标值：`, `，2025年度指标值：`, `，本年度目标值：`, see
 * prefixStart), or a year note before its colon (`，指标值（2025年）：`); the prefix and the note are
 * part of the label as written (the cleaner writes `年度指标值` in their place). With a prefix the
 * word may be shortened before a colon: `，年度值：`, `，预期值：`, and `，年度指标：` (at its `标`).
 * A label in brackets right after the name (`群众知晓率（年度指标值）≥85%`) takes its brackets in.
 * Example: in `培训人数，年度指标值：≥50人`, `at` = 9 gives start 5, end 10, valueStart 11.
 * Overwritten by the next call: copy what must outlive it.
 */
export function labelAt(folded: string, at: number, regionStart: number): boolean {
  const last = folded.charCodeAt(at);
  if (last === BIAO) return shortLabelAt(folded, at, regionStart, at - 1);
  if (last !== VALUE) return false;
  const wordStart = at - 2;
  if (wordStart < regionStart) return shortLabelAt(folded, at, regionStart, at);
  // `指标` or `目标` before the `值`: both end in 标.
  if (folded.charCodeAt(wordStart + 1) !== BIAO) return shortLabelAt(folded, at, regionStart, at);
  const first = folded.charCodeAt(wordStart);
  if (first !== 0x6307 && first !== 0x76ee) return shortLabelAt(folded, at, regionStart, at); // 指, 目
  const target = first === 0x6307 ? "指标" : "目标";
  const annual = wordStart - 2 >= regionStart && folded.charCodeAt(wordStart - 2) === 0x5e74 && folded.charCodeAt(wordStart - 1) === 0x5ea6; // 年度
  const label: ValueLabel = annual ? (target === "指标" ? "年度指标值" : "年度目标值") : target === "指标" ? "指标值" : "目标值";
  let start = annual ? wordStart - 2 : wordStart;
  // A prefix after a separator (`，全年指标值`, `，2025年度指标值`) is the label's: the name ends before
  // it. The prefix always takes in a `年度` before the word, so `prefixed` <= `start`.
  // The common `，年度指标值：` stands right after a separator: no prefix, no brackets to look for.
  const plain = start > regionStart && isPlainSeparator(folded.charCodeAt(start - 1));
  const prefixed = plain ? start : prefixStart(folded, wordStart, regionStart);
  const bracketed = !plain && inBrackets(folded, prefixed, at + 1, regionStart);
  if (bracketed || (prefixed < start && separatedBefore(folded, prefixed, regionStart))) start = prefixed;
  let end = bracketed ? closeEnd : at + 1;
  let k = skipSpaces(folded, end);
  if (!bracketed && folded.charCodeAt(k) === OPEN) {
    // A year note before the colon (`指标值（2025年）：`) is the label's; before anything else it
    // is left to the value.
    const note = yearNoteEnd(folded, k);
    const after = note > 0 ? skipSpaces(folded, note) : -1;
    if (after >= 0 && folded.charCodeAt(after) === COLON) {
      end = note;
      k = after;
    }
  }
  const wei = folded.charCodeAt(k) === WEI;
  if (wei) {
    end = k + 1;
    k = skipSpaces(folded, end);
  }
  const colon = folded.charCodeAt(k) === COLON;
  // A `为` before a word value of no word list (`，年度指标值为稳步提高。`) is the label's too where
  // the word is surely a label: `年度…值`, or after a comma (`，指标值为应助尽助`); `指标值为民服务次数`
  // after a head's colon stays a name.
  if (wei && !colon && !valueFollows(folded, end) && !((annual || commaBefore(folded, start, regionStart)) && wordValueFollows(folded, end))) return false;
  if (bracketed && !colon && !valueFollows(folded, end)) return false;
  // Without a colon, a word glued to more Han text is a label only before a value: in
  // `年度目标值完成情况，年度指标值：完成` and `指标值完成率` it begins the name. After a space or a
  // separator it stays a label (`年度指标值 全面完成`, `年度指标值，≥90%`).
  if (!colon && !wei && end < folded.length && isHan(folded.charCodeAt(end)) && !valueFollows(folded, end)) return false;
  if (!annual && target === "目标" && !colon && !wei) return false;
  if (!bracketed && start === wordStart - 2 && annual && colon) {
    // `培训人数年度指标值：` needs no separator before it.
  } else if (!bracketed && !separatedBefore(folded, start, regionStart)) {
    return false;
  }
  if (bracketed) start = openAt;
  LABEL.label = label;
  LABEL.start = start;
  LABEL.end = end;
  LABEL.valueStart = colon ? k + 1 : end;
  return true;
}

/** Whether the `标` at `i` may end a shortened label (`年度指标：`), where the segmenter asks
 * labelAt besides at every `值`. Every head's `产出指标：` ends in 标 before a colon too: only
 * `年度指标` is asked about. */
export function mayEndShortLabel(folded: string, i: number): boolean {
  return folded.charCodeAt(i - 1) === ZHI && folded.charCodeAt(i - 2) === DU && folded.charCodeAt(i - 3) === NIAN && folded.charCodeAt(skipSpaces(folded, i + 1)) === COLON;
}

const ZHI = 0x6307; // 指
const DU = 0x5ea6; // 度

/**
 * A label shortened after a prefix, before a colon: `，年度值：`, `，预期值：` (the `值` at `at`,
 * `wordEnd` = at) and `，年度指标：` (the `标` at `at`, `wordEnd` the `指` before it). The prefix
 * must end in a word saying the target (年度, 全年, 预期, 预计, 计划) or, before `指标`, in 年度, and
 * a separator must stand before it: `全年值：` at the start of an item is no label.
 */
function shortLabelAt(folded: string, at: number, regionStart: number, wordEnd: number): boolean {
  if (wordEnd < at) {
    // `年度指标：`: `指标` right after `年度`.
    if (folded.charCodeAt(wordEnd) !== 0x6307 || !twoCharAt(folded, wordEnd - 2, "年度", regionStart)) return false;
  } else if (!endsInWord(folded, wordEnd, regionStart, SHORT_VALUE_PREFIXES)) {
    return false;
  }
  const start = prefixStart(folded, wordEnd, regionStart);
  if (start >= wordEnd || start <= regionStart || !separatedBefore(folded, start, regionStart)) return false;
  const k = skipSpaces(folded, at + 1);
  if (folded.charCodeAt(k) !== COLON) return false;
  LABEL.label = wordEnd < at || twoCharAt(folded, wordEnd - 2, "年度", regionStart) ? "年度指标值" : "指标值";
  LABEL.start = start;
  LABEL.end = at + 1;
  LABEL.valueStart = k + 1;
  return true;
}

const VALUE = 0x503c; // 值
const BIAO = 0x6807; // 标
const NIAN = 0x5e74; // 年
const BEN = 0x672c; // 本
const OPEN = 0x28;
const CLOSE = 0x29;

/** Two-character words that may stand before `指标值`/`目标值` in a label (`全年指标值`,
 * `年度绩效指标值`, `本年度目标值` = 本 + 年度). */
const PREFIX_WORDS = ["年度", "全年", "本年", "预期", "预计", "计划", "绩效"];
/** The words a label shortened to `值` may end in (`年度值`, `预期值`). */
const SHORT_VALUE_PREFIXES = ["年度", "全年", "预期", "预计", "计划"];
/** At most this many prefix words: `2025年度绩效` is three. */
const MAX_PREFIX_WORDS = 3;

function twoCharAt(folded: string, k: number, word: string, regionStart: number): boolean {
  return k >= regionStart && folded.charCodeAt(k) === word.charCodeAt(0) && folded.charCodeAt(k + 1) === word.charCodeAt(1);
}

function endsInWord(folded: string, end: number, regionStart: number, words: readonly string[]): boolean {
  for (const word of words) if (twoCharAt(folded, end - 2, word, regionStart)) return true;
  return false;
}

/**
 * Where the label prefix before `wordStart` begins (`wordStart` when there is none): up to
 * MAX_PREFIX_WORDS of PREFIX_WORDS, a year (`2025年`: two to four digits and 年) and a `本`.
 * Example: `，2025年度指标值` → the `2`; `，年度绩效指标值` → the `年`. Bounded look-behind.
 */
function prefixStart(folded: string, wordStart: number, regionStart: number): number {
  let p = wordStart;
  for (let words = 0; words < MAX_PREFIX_WORDS; words++) {
    if (endsInWord(folded, p, regionStart, PREFIX_WORDS)) {
      p -= 2;
      continue;
    }
    // A year: its digits before the `年` of a word taken already (`2025年度`) or before a `年` (`2025年`).
    const yearEnd = folded.charCodeAt(p) === NIAN && p < wordStart ? p : p - 1 >= regionStart && folded.charCodeAt(p - 1) === NIAN ? p - 1 : -1;
    if (yearEnd > regionStart) {
      let d = yearEnd;
      while (d > regionStart && yearEnd - d < 4 && isDigit(folded.charCodeAt(d - 1))) d--;
      if (yearEnd - d >= 2 && !(d > regionStart && isDigit(folded.charCodeAt(d - 1)))) {
        p = d;
        continue;
      }
    }
    if (p - 1 >= regionStart && folded.charCodeAt(p - 1) === BEN) p--;
    break;
  }
  return p;
}

/** Where a year note after a label word ends (`（2025年）`, `(2025年度)`, `（全年）`), just after its
 * closing bracket; -1 when none starts at the `(` at `open`. */
function yearNoteEnd(folded: string, open: number): number {
  const limit = Math.min(folded.length, open + 10);
  let k = open + 1;
  let year = false;
  for (; k < limit; k++) {
    const c = folded.charCodeAt(k);
    if (c === CLOSE) break;
    if (c === NIAN) year = true;
    else if (!isDigit(c) && !isSpace(c) && c !== 0x5ea6 && c !== 0x5168 && c !== BEN) return -1; // 度 全 本
  }
  return year && k < limit ? k + 1 : -1;
}

/** Where inBrackets found the brackets (scratch). */
let openAt = 0;
let closeEnd = 0;

/** Whether the label [start, end) stands alone in brackets (`（年度指标值）`), spaces aside; the
 * brackets' positions are left in openAt and closeEnd (just after the `)`). */
function inBrackets(folded: string, start: number, end: number, regionStart: number): boolean {
  let o = start - 1;
  while (o >= regionStart && isSpace(folded.charCodeAt(o))) o--;
  if (o < regionStart || folded.charCodeAt(o) !== OPEN) return false;
  const c = skipSpaces(folded, end);
  if (folded.charCodeAt(c) !== CLOSE) return false;
  openAt = o;
  closeEnd = c + 1;
  return true;
}

function skipSpaces(folded: string, k: number): number {
  while (k < folded.length && isSpace(folded.charCodeAt(k))) k++;
  return k;
}

/** The label words a cell cut off mid-item can end in part of, and the longest one's length. */
const LABEL_WORDS = ["年度指标值", "年度目标值", "指标值", "目标值"];
const LONGEST_LABEL = 5;

/**
 * Whether [start, end) of `folded`, white space aside, is the start of a value label and nothing
 * but white space follows it in the cell: the cell was cut off inside the label (`…满意度，年度`,
 * `…，年度指标`, `…，目标`), so the fragment is no value. Bounded work before the scan to the end,
 * which only white space reaches.
 */
export function isCutLabel(folded: string, start: number, end: number): boolean {
  let s = start;
  while (s < end && isWhitespace(folded.charCodeAt(s))) s++;
  const length = end - s;
  if (length <= 0 || length > LONGEST_LABEL) return false;
  let prefix = false;
  for (const word of LABEL_WORDS) {
    if (startsWithPart(folded, s, word, length)) {
      prefix = true;
      break;
    }
  }
  if (!prefix) return false;
  for (let k = end; k < folded.length; k++) if (!isWhitespace(folded.charCodeAt(k))) return false;
  return true;
}

/**
 * Whether [start, end) of `folded`, white space aside, is a value label or its start of two
 * characters or more and nothing else (`…满意度，年度。`, `…，年度指标；`): the author began the label
 * and wrote no value, so the fragment is no value (value_missing), wherever the item ends.
 */
export function isLabelStub(folded: string, start: number, end: number): boolean {
  let s = start;
  while (s < end && isWhitespace(folded.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isWhitespace(folded.charCodeAt(e - 1))) e--;
  const length = e - s;
  if (length < 2 || length > LONGEST_LABEL) return false;
  for (const word of LABEL_WORDS) if (startsWithPart(folded, s, word, length)) return true;
  return false;
}

/** Whether folded[s, s + length) is the first `length` characters of `word`. */
function startsWithPart(folded: string, s: number, word: string, length: number): boolean {
  if (length > word.length) return false;
  for (let i = 0; i < length; i++) if (folded.charCodeAt(s + i) !== word.charCodeAt(i)) return false;
  return true;
}
