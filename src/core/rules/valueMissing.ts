import { isPlaceholderValue } from "../parse/parseValue";
import type { Rule } from "./rule";
import { emitItem } from "./finding";

/** An item without a value: forgotten, or the cell was cut off mid-item
 * (`3、效益指标：基层党建水平指标，`, `…满意度，年度`), an operator with no number (`≥`, `≥人`:
 * `value` is what was written), or a placeholder for the value (`—`, `/`, `无`: `value` is it and
 * `placeholder` is set). The span is the label, else the name, else the item. */
export const valueMissingRule: Rule = {
  codes: ["value_missing"],
  defaultSeverity: { value_missing: "error" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.value.kind !== "empty") continue;
      const span = item.labelSpan ?? (item.nameSpan.end > item.nameSpan.start ? item.nameSpan : item.span);
      const value = item.value.raw;
      const params = isPlaceholderValue(value) ? { item: item.index, name: item.name, value, placeholder: true } : { item: item.index, name: item.name, value };
      emitItem(emit, row, item, "value_missing", params, { span });
    }
  },
};
