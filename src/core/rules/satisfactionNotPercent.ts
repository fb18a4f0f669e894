import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/**
 * A satisfaction indicator whose target is not a percentage (`群众满意度 高`, `≥90分`). A bare
 * number (`≥90`) is unit_missing's; empty, placeholder and garbled values have their errors.
 */
export const satisfactionNotPercentRule: Rule = {
  codes: ["satisfaction_not_percent"],
  defaultSeverity: { satisfaction_not_percent: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (v.kind === "empty" || v.placeholder || v.garbled !== undefined) continue;
      const numeric = v.kind === "quantitative" || v.kind === "range";
      if (numeric && (v.unit === undefined || v.unit === "%")) continue;
      if (classifyIndicator(item).measure !== "satisfaction") continue;
      emitItem(emit, row, item, "satisfaction_not_percent", { item: item.index, name: item.name, value: v.raw }, { span: v.span });
    }
  },
};
