import type { Rule } from "./rule";
import { indicatorKey } from "./classify";
import { emitItem } from "./finding";

/** Up to this many items a cell's keys are compared pairwise (no map per row); beyond, a map
 * keeps the check linear. */
const PAIRWISE_MAX = 16;

/** The same indicator name twice in one cell (width, spaces and a trailing `指标` aside); the
 * later occurrence is flagged, pointing back at the first. */
export const duplicateIndicatorRule: Rule = {
  codes: ["duplicate_indicator"],
  defaultSeverity: { duplicate_indicator: "warning" },
  perCell: true,
  checkRow(row, emit) {
    const items = row.cell.items;
    if (items.length < 2) return;
    const keys: string[] = new Array<string>(items.length);
    const first = items.length > PAIRWISE_MAX ? new Map<string, number>() : undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as (typeof items)[number];
      const key = indicatorKey(item.name);
      keys[i] = key;
      if (key === "") continue;
      let earlier: number | undefined;
      if (first) {
        earlier = first.get(key);
        if (earlier === undefined) first.set(key, item.index);
      } else {
        for (let k = 0; k < i; k++) {
          if (keys[k] === key) {
            earlier = (items[k] as (typeof items)[number]).index;
            break;
          }
        }
      }
      if (earlier !== undefined) emitItem(emit, row, item, "duplicate_indicator", { item: item.index, name: item.name, first: earlier }, { span: item.nameSpan });
    }
  },
};
