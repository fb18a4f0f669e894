import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/** A qualitative value on a rate, amount or count (`资金拨付率 及时`). Satisfaction has its
 * own rule (satisfaction_not_percent). */
export const qualitativeOnQuantityRule: Rule = {
  codes: ["qualitative_on_quantity"],
  defaultSeverity: { qualitative_on_quantity: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.value.kind !== "qualitative" || item.value.placeholder) continue;
      const { measure } = classifyIndicator(item);
      if (measure !== "rate" && measure !== "amount" && measure !== "count") continue;
      emitItem(emit, row, item, "qualitative_on_quantity", { item: item.index, name: item.name, value: item.value.raw, measure }, { span: item.value.span });
    }
  },
};
