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
 * The label whose last character `值` sits at `at`, if it is one. `年度指标值` and `年度目标值`
 * are labels wherever they stand; a bare `指标值` only after a separator, so a name like
 * `资金拨付时效指标值` keeps its word. Without a colon the label must follow a separator too.
 * Example: in `培训人数，年度指标值：≥50人`, `at` = 9 gives start 5, end 10, valueStart 11.
 */
export function labelAt(folded: string, at: number, regionStart: number): LabelMatch | undefined {
  const wordStart = at - 2;
  if (wordStart < regionStart) return undefined;
  const target = folded.startsWith("指标", wordStart) ? "指标" : folded.startsWith("目标", wordStart) ? "目标" : undefined;
  if (target === undefined) return undefined;
  const annual = wordStart - 2 >= regionStart && folded.startsWith("年度", wordStart - 2);
  if (!annual && target === "目标") return undefined;
  const start = annual ? wordStart - 2 : wordStart;
  const label: ValueLabel = annual ? (target === "指标" ? "年度指标值" : "年度目标值") : "指标值";
  let k = at + 1;
  while (k < folded.length && isSpace(folded.charCodeAt(k))) k++;
  const colon = folded.charCodeAt(k) === COLON;
  if ((!annual || !colon) && !separatedBefore(folded, start, regionStart)) return undefined;
  return { label, start, end: at + 1, valueStart: colon ? k + 1 : at + 1 };
}
