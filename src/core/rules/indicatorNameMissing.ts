import { isBareValue } from "../clean/canonicalCellText";
import type { Rule } from "./rule";
import { emitItem } from "./finding";

/**
 * An indicator with a category and a value (or a label) but no name: `1、产出指标：≥100人`,
 * `产出指标：年度指标值：≥90%`, a bare `≥90%` under a category column, an item-per-row row with a
 * blank 三级 cell. A bare value with no category either is category_unknown's; an item with no
 * value and no label (`3、效益指标`, cut off) value_missing's.
 */
export const indicatorNameMissingRule: Rule = {
  codes: ["indicator_name_missing"],
  defaultSeverity: { indicator_name_missing: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.name !== "" || isBareValue(item)) continue;
      if (item.value.kind === "empty" && item.value.raw === "" && item.label === undefined) continue;
      emitItem(emit, row, item, "indicator_name_missing", { item: item.index, value: item.value.raw }, { span: item.value.span });
    }
  },
};
