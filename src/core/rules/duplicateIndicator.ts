import type { Rule } from "./rule";
import { indicatorKey } from "./classify";
import { emitItem } from "./finding";

/** The same indicator name twice in one cell (width, spaces and a trailing `指标` aside); the
 * later occurrence is flagged, pointing back at the first. */
export const duplicateIndicatorRule: Rule = {
  codes: ["duplicate_indicator"],
  defaultSeverity: { duplicate_indicator: "warning" },
  checkRow(row, emit) {
    const first = new Map<string, number>();
    for (const item of row.cell.items) {
      const key = indicatorKey(item.name);
      if (key === "") continue;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, item.index);
      else emitItem(emit, row, item, "duplicate_indicator", { item: item.index, name: item.name, first: earlier }, { span: item.nameSpan });
    }
  },
};
