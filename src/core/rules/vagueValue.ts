import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";
import { isTimelyText } from "./timelinessValueInvalid";

/**
 * A legal but weak qualitative value (`效果明显`, `较好`, `有所提升`), flagged by the parser. Where a
 * warning already says the value is wrong for its indicator (a word on a rate, amount, count or
 * cost: qualitative_on_quantity, cost_value_invalid; on a satisfaction: satisfaction_not_percent;
 * on a 时效 indicator: timeliness_value_invalid), that one report is enough.
 */
export const vagueValueRule: Rule = {
  codes: ["vague_value"],
  defaultSeverity: { vague_value: "info" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!item.value.vague) continue;
      const { measure, economicCost, timeliness } = classifyIndicator(item);
      if (measure !== "other" || economicCost) continue;
      if (timeliness && !isTimelyText(item.value.text ?? item.value.raw)) continue;
      emitItem(emit, row, item, "vague_value", { item: item.index, name: item.name, value: item.value.raw }, { span: item.value.span });
    }
  },
};
