import type { ValueLabel } from "../model";
import { isHan, isSpace, isWhitespace } from "./normalizeText";
import { valueFollows } from "./parseValue";

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
 * Example: in `培训人数，年度指标值：≥50人`, `at` = 9 gives start 5, end 10, valueStart 11.
 * Overwritten by the next call: copy what must outlive it.
 */
export function labelAt(folded: string, at: number, regionStart: number): boolean {
  const wordStart = at - 2;
  if (wordStart < regionStart) return false;
  // `指标` or `目标` before the `值`: both end in 标.
  if (folded.charCodeAt(wordStart + 1) !== 0x6807) return false;
  const first = folded.charCodeAt(wordStart);
  if (first !== 0x6307 && first !== 0x76ee) return false; // 指, 目
  const target = first === 0x6307 ? "指标" : "目标";
  const annual = wordStart - 2 >= regionStart && folded.charCodeAt(wordStart - 2) === 0x5e74 && folded.charCodeAt(wordStart - 1) === 0x5ea6; // 年度
  const start = annual ? wordStart - 2 : wordStart;
  const label: ValueLabel = annual ? (target === "指标" ? "年度指标值" : "年度目标值") : target === "指标" ? "指标值" : "目标值";
  let end = at + 1;
  let k = skipSpaces(folded, end);
  const wei = folded.charCodeAt(k) === WEI;
  if (wei) {
    end = k + 1;
    k = skipSpaces(folded, end);
  }
  const colon = folded.charCodeAt(k) === COLON;
  if (wei && !colon && !valueFollows(folded, end)) return false;
  // Without a colon, a word glued to more Han text is a label only before a value: in
  // `年度目标值完成情况，年度指标值：完成` and `指标值完成率` it begins the name. After a space or a
  // separator it stays a label (`年度指标值 全面完成`, `年度指标值，≥90%`).
  if (!colon && !wei && end < folded.length && isHan(folded.charCodeAt(end)) && !valueFollows(folded, end)) return false;
  if (!annual && target === "目标" && !colon && !wei) return false;
  if ((!annual || !colon) && !separatedBefore(folded, start, regionStart)) return false;
  LABEL.label = label;
  LABEL.start = start;
  LABEL.end = end;
  LABEL.valueStart = colon ? k + 1 : end;
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
