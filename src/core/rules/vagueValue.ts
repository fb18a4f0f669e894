import type { Rule } from "./rule";
import { emitItem } from "./finding";

/** A legal but weak qualitative value (`效果明显`, `较好`, `有所提升`), flagged by the parser. */
export const vagueValueRule: Rule = {
  codes: ["vague_value"],
  defaultSeverity: { vague_value: "info" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!item.value.vague) continue;
      emitItem(emit, row, item, "vague_value", { item: item.index, name: item.name, value: item.value.raw }, { span: item.value.span });
    }
  },
};
