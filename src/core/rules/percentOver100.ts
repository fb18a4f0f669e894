import type { Rule } from "./rule";
import { classifyIndicator, isUnboundedRate } from "./classify";
import { emitItem, hasCleanNumber } from "./finding";

/**
 * A rate or satisfaction whose target demands more than 100% (`验收合格率 ≥120%`, `任务完成率 >100%`). A cap
 * above 100% (`成本控制率 ≤105%`) can be met, so `≤`/`<` are left alone, and so are rates that
 * may pass 100% (`增长率 ≥120%`, isUnboundedRate).
 */
export const percentOver100Rule: Rule = {
  codes: ["percent_over_100"],
  defaultSeverity: { percent_over_100: "error" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!hasCleanNumber(item) || item.value.unit !== "%") continue;
      if (item.value.operator === "≤" || item.value.operator === "<") continue;
      // `>100%` demands more than 100% as surely as `≥120%` does.
      const over = item.value.number > 100 || (item.value.number === 100 && item.value.operator === ">") || (item.value.upper ?? 0) > 100;
      if (!over) continue;
      if (!classifyIndicator(item).percentScale || isUnboundedRate(item.name)) continue;
      emitItem(emit, row, item, "percent_over_100", { item: item.index, name: item.name, value: item.value.raw }, { span: item.value.span });
    }
  },
};
