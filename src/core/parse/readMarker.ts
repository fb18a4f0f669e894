import type { NumberingStyle } from "../model";
import { isDigit, isSpace } from "./normalizeText";

/** An item number as written: `1、` (dun), `1.`/`1．` (dot), `(1)`/`（1）` (paren). */
export interface Marker {
  number: number;
  /** Where the digits are (the marker's punctuation aside). */
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
const DOT = 0x2e;
const OPEN = 0x28;
const CLOSE = 0x29;
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
 * `1、` and `(1)` always are; `1.` only when no digit follows the dot (`1.5万元` is a number).
 * Example: `（2）效益指标` → true, MARKER = 2, paren, end 3.
 */
export function readMarker(folded: string, i: number, end: number): boolean {
  const c = folded.charCodeAt(i);
  if (c === OPEN) {
    const j = digitsEnd(folded, i + 1, end);
    if (j < 0 || folded.charCodeAt(j) !== CLOSE) return false;
    return found(digitsValue(folded, i + 1, j), i + 1, j, "paren", j + 1);
  }
  if (!isDigit(c)) return false;
  const j = digitsEnd(folded, i, end);
  if (j < 0 || j >= end) return false;
  const after = folded.charCodeAt(j);
  if (after === DUN) return found(digitsValue(folded, i, j), i, j, "dun", j + 1);
  if (after === DOT && !(j + 1 < end && isDigit(folded.charCodeAt(j + 1)))) return found(digitsValue(folded, i, j), i, j, "dot", j + 1);
  return false;
}

/** The first two characters of every 一级 (and its older forms): what an item's head starts with. */
const CATEGORY_PREFIXES = ["产出", "效益", "效果", "满意", "成本"];

/** Whether a category head (`产出指标：`, `效果指标`, `满意度指标（…）`) starts at `i`, after at
 * most a few spaces. Used to tell a new item (`…≥90%2、产出指标：`) from a number inside text
 * (`第2、3季度`). */
export function startsCategory(folded: string, i: number, end: number): boolean {
  let k = i;
  while (k < end && k - i < 4 && isSpace(folded.charCodeAt(k))) k++;
  for (const prefix of CATEGORY_PREFIXES) if (k + prefix.length <= end && folded.startsWith(prefix, k)) return true;
  return false;
}
