import type { Rule } from "./rule";
import { emitItem } from "./finding";

/** A number the parser could not read: `≥9O%` (letter O), `90%%`, `二100`. The span is the
 * offending text when it can be found in the value, else the whole value. */
export const numberGarbledRule: Rule = {
  codes: ["number_garbled"],
  defaultSeverity: { number_garbled: "error" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const garbled = item.value.garbled;
      if (garbled === undefined) continue;
      const at = garbled ? item.value.raw.indexOf(garbled) : -1;
      const span = at < 0 ? item.value.span : { start: item.value.span.start + at, end: item.value.span.start + at + garbled.length };
      emitItem(emit, row, item, "number_garbled", { item: item.index, value: item.value.raw, garbled: garbled || item.value.raw }, { span });
    }
  },
};
