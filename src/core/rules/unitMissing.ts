import type { Rule } from "./rule";
import { isDimensionless } from "./classify";
import { emitItem, hasCleanNumber } from "./finding";

/** A quantitative value without a unit (`开设课程数量 220`): items? people? ten-thousand yuan?
 * An index, a coefficient or a score has none (`路面技术状况指数 ≥80`, `灌溉水有效利用系数 ≥0.58`). */
export const unitMissingRule: Rule = {
  codes: ["unit_missing"],
  defaultSeverity: { unit_missing: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!hasCleanNumber(item) || item.value.unit !== undefined || isDimensionless(item.name)) continue;
      emitItem(emit, row, item, "unit_missing", { item: item.index, name: item.name, value: item.value.raw }, { span: item.value.span });
    }
  },
};
