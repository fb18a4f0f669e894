import type { Rule } from "./rule";
import { classifyIndicator, isUnboundedRate } from "./classify";
import { emitItem, hasCleanNumber, isItemPerRow } from "./finding";

/** What `≥100%` on a rate really means. */
const EXACTLY_100 = "=100%";

/**
 * `≥100%` on a rate (`拨付完成率指标 ≥100%`, `实际发放人数/应发放人数 ≥100%`, a satisfaction,
 * a 时效 indicator written as a percentage): a rate cannot exceed 100%, so only exactly 100%
 * meets it. Fix `=100%`, not automatic: the author may have meant a lower target. Negative
 * indicators are negative_direction_ge's: `=100%` would be the wrong fix there.
 */
export const rateGe100Rule: Rule = {
  codes: ["rate_ge_100"],
  defaultSeverity: { rate_ge_100: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (!hasCleanNumber(item) || v.kind !== "quantitative" || v.unit !== "%" || v.operator !== "≥" || v.number !== 100) continue;
      const cls = classifyIndicator(item);
      if (!cls.percentScale || cls.direction !== "正向" || isUnboundedRate(item.name)) continue;
      const fix = isItemPerRow(row) ? undefined : { edits: [{ span: v.span, text: EXACTLY_100 }], auto: false };
      emitItem(emit, row, item, "rate_ge_100", { item: item.index, name: item.name, value: v.raw }, { span: v.span, ...(fix ? { fix } : {}) });
    }
  },
};
