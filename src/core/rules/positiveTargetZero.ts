import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem, hasCleanNumber } from "./finding";

/** A positive-direction target of zero (`≥0个`, `>0`, `=0`): met by doing nothing. Zero is
 * the natural target of a negative indicator (`安全事故发生次数 0`), so those are left alone. */
export const positiveTargetZeroRule: Rule = {
  codes: ["positive_target_zero"],
  defaultSeverity: { positive_target_zero: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (!hasCleanNumber(item) || v.kind !== "quantitative" || v.number !== 0) continue;
      if (v.operator === "≤" || v.operator === "<") continue;
      if (classifyIndicator(item).direction !== "正向") continue;
      emitItem(emit, row, item, "positive_target_zero", { item: item.index, name: item.name, value: v.raw }, { span: v.span });
    }
  },
};
