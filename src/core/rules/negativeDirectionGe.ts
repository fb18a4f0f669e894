import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/** A less-is-better indicator (发生率 投诉率 故障率 事故 逾期 差错 超支 不合格率 …) with `≥` or
 * `>`: scoring would reward the worse result (`逾期发放率 ≥100%`). */
export const negativeDirectionGeRule: Rule = {
  codes: ["negative_direction_ge"],
  defaultSeverity: { negative_direction_ge: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (v.kind !== "quantitative" || (v.operator !== "≥" && v.operator !== ">")) continue;
      if (classifyIndicator(item).direction !== "反向") continue;
      emitItem(emit, row, item, "negative_direction_ge", { item: item.index, name: item.name, value: v.raw }, { span: v.span });
    }
  },
};
