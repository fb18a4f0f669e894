import type { IndicatorItem, TextEdit } from "../model";

/** The label every value gets when it has none. */
export const VALUE_LABEL = "年度指标值：";

/** Marks after which the label can stand as is (`，` `,` `：` `:`, spaces, the number's `、`). */
const SEPARATOR_BEFORE = new Set(["，", ",", "：", ":", "、", " ", "\u3000", "\t", "\n"]);

/**
 * The edit that puts `年度指标值：` before an item's value when it has none (value_label_missing's
 * auto-fix, and the cleaner's for an item it keeps as written): before the value, with a `，` when
 * nothing separates it from the name; a colon right after the name (`培训人数：≥100人`) becomes
 * `，年度指标值：` rather than stand before the label. Undefined when the item has a label, no value,
 * or no name (`1、产出指标：≥100人`, a bare `≥90%`: the label would only dress up the gap). The
 * span points into `cellText`, the text the item's spans point into.
 */
export function labelInsertion(item: IndicatorItem, cellText: string): TextEdit | undefined {
  if (item.label !== undefined || item.value.kind === "empty" || item.name === "") return undefined;
  const at = item.value.span.start;
  const before = cellText[at - 1];
  // `培训人数：≥100人` → `培训人数，年度指标值：≥100人`, not `培训人数：年度指标值：≥100人`.
  if ((before === "：" || before === ":") && item.nameSpan.end === at - 1) return { span: { start: at - 1, end: at }, text: `，${VALUE_LABEL}` };
  const insert = before === undefined || at <= item.span.start || SEPARATOR_BEFORE.has(before) ? VALUE_LABEL : `，${VALUE_LABEL}`;
  return { span: { start: at, end: at }, text: insert };
}
