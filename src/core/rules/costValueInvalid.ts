import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/**
 * An economic cost indicator whose target is not an amount (`≤50万元`), a unit cost
 * (`≤200元/人`) or a control rate (`≤100%`): `成本指标：人均成本，合格`. Social and ecological
 * costs are legitimately described in words and are not checked. A bare number is unit_missing's.
 */
export const costValueInvalidRule: Rule = {
  codes: ["cost_value_invalid"],
  defaultSeverity: { cost_value_invalid: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (v.kind === "empty" || v.placeholder || v.garbled !== undefined) continue;
      const numeric = v.kind === "quantitative" || v.kind === "range";
      if (numeric && (v.unit === undefined || v.unit === "%" || v.unit.includes("元"))) continue;
      if (!classifyIndicator(item).economicCost) continue;
      emitItem(emit, row, item, "cost_value_invalid", { item: item.index, name: item.name, value: v.raw }, { span: v.span });
    }
  },
};
