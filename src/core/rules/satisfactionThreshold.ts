import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem, hasCleanNumber } from "./finding";

/** Reviewers' usual floor for a satisfaction target. */
export const SATISFACTION_FLOOR = 85;

/**
 * A satisfaction target below 85% (`参加培训学员满意度 ≥80%`) or of exactly 100% (`100%`,
 * `=100%`: hardly reachable by survey). `≥100%` is rate_ge_100's, so it is not reported twice.
 */
export const satisfactionThresholdRule: Rule = {
  codes: ["satisfaction_threshold"],
  defaultSeverity: { satisfaction_threshold: "info" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!hasCleanNumber(item)) continue;
      const v = item.value;
      if (v.unit !== "%" || v.operator === "≤" || v.operator === "<") continue;
      const low = v.number < SATISFACTION_FLOOR;
      const exact = v.kind === "quantitative" && v.number === 100 && (v.operator === undefined || v.operator === "=");
      if (!low && !exact) continue;
      if (classifyIndicator(item).measure !== "satisfaction") continue;
      emitItem(emit, row, item, "satisfaction_threshold", { item: item.index, name: item.name, value: v.raw, kind: low ? "low" : "exact" }, { span: v.span });
    }
  },
};
