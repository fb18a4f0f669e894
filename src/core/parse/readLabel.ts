import type { ValueLabel } from "../model";
import { isSpace, isWhitespace } from "./normalizeText";

/** A value label found in an item: `年度指标值：`, `指标值:`, `年度目标值：`. */
export interface LabelMatch {
  label: ValueLabel;
  /** The label word (colon excluded). */
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
 * `资金拨付时效指标值` keeps its word. Without a colon the label must follow a separator too.
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
  if (!annual && target === "目标") return false;
  const start = annual ? wordStart - 2 : wordStart;
  const label: ValueLabel = annual ? (target === "指标" ? "年度指标值" : "年度目标值") : "指标值";
  let k = at + 1;
  while (k < folded.length && isSpace(folded.charCodeAt(k))) k++;
  const colon = folded.charCodeAt(k) === COLON;
  if ((!annual || !colon) && !separatedBefore(folded, start, regionStart)) return false;
  LABEL.label = label;
  LABEL.start = start;
  LABEL.end = at + 1;
  LABEL.valueStart = colon ? k + 1 : at + 1;
  return true;
}
