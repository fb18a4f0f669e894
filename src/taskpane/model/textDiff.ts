/**
 * The changed middle of two texts, for the fix preview: common prefix and suffix are shown
 * plain, the middle marked. `年度指标值：80%以上。` → `年度指标值：≥80%。` gives
 * prefix `年度指标值：`, removed `80%以上`, added `≥80%`, suffix `。`.
 */
export interface TextChange {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

export function diffMiddle(before: string, after: string): TextChange {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    prefix: before.slice(0, start),
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
    suffix: before.slice(before.length - end),
  };
}
