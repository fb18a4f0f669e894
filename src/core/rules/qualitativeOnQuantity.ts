import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/** A qualitative value on a rate, amount or count (`资金拨付率 及时`). Satisfaction has its
 * own rule (satisfaction_not_percent), and so has an economic cost (cost_value_invalid:
 * `成本指标：人均成本，合格` is one defect, reported once). Zero said in words on something bad
 * (`安全事故发生次数 零事故`, `投诉件数 无`) is a target of 0, not a word value. */
export const qualitativeOnQuantityRule: Rule = {
  codes: ["qualitative_on_quantity"],
  defaultSeverity: { qualitative_on_quantity: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.value.kind !== "qualitative" || item.value.placeholder) continue;
      if (isRelativeChange(item.value.raw)) continue;
      const { measure, economicCost, direction } = classifyIndicator(item);
      if ((measure !== "rate" && measure !== "amount" && measure !== "count") || economicCost) continue;
      if (direction === "反向" && isNoneStatement(item.value.raw)) continue;
      emitItem(emit, row, item, "qualitative_on_quantity", { item: item.index, name: item.name, value: item.value.raw, measure }, { span: item.value.span });
    }
  },
};

/** A change against a baseline with its size (`较上年下降5%`, `同比增长10%以上`, `比2024年减少3起`):
 * a measured target, though no plain number. One scan, no backtracking. */
const CHANGE = /(?:下降|降低|减少|压减|缩短|增长|增加|提高|提升|上升)[^\d]{0,4}\d/;

function isRelativeChange(text: string): boolean {
  return CHANGE.test(text);
}

/** Words that say none happen: `零`, `零事故`, `零伤亡`, `无`, `无重大安全事故`, `未发生`, `杜绝…`. */
const NONE_STATEMENT = /^\s*(?:零|无|没有|未发生|杜绝)[^\d%％]{0,10}$/;

function isNoneStatement(text: string): boolean {
  return NONE_STATEMENT.test(text);
}
