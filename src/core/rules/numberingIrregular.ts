import type { IndicatorItem, NumberingStyle } from "../model";
import type { Emit, Rule, RowContext } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

/**
 * Item numbers that skip (`1、2、4、`), repeat, do not start at 1, or mix styles (`1、` then
 * `2.`), and unnumbered items among numbered ones. A cell whose items are all unnumbered
 * (separated by `；` or line breaks) is a legitimate variant. One finding per offending item;
 * the cleaner renumbers, so no per-item fix is offered.
 */
export const numberingIrregularRule: Rule = {
  codes: ["numbering_irregular"],
  defaultSeverity: { numbering_irregular: "warning" },
  checkRow(row, emit) {
    const items = row.cell.items;
    if (isItemPerRow(row) || !items.some((i) => i.number !== undefined)) return;
    const style = dominantStyle(items);
    const seen = new Set<number>();
    let previous = 0;
    for (const item of items) {
      if (item.number === undefined) {
        report(emit, row, item, "unnumbered");
        continue;
      }
      if (item.numberingStyle !== style) {
        report(emit, row, item, "mixedStyle");
      } else if (previous === 0 && item.index === 1 && item.number !== 1) {
        report(emit, row, item, "notFromOne");
      } else if (seen.has(item.number)) {
        report(emit, row, item, "duplicate");
      } else if (previous !== 0 && item.number !== previous + 1) {
        report(emit, row, item, "gap");
      }
      seen.add(item.number);
      previous = item.number;
    }
  },
};

type IrregularKind = "unnumbered" | "mixedStyle" | "notFromOne" | "duplicate" | "gap";

/** One finding; its params and span are built only for an offending item. */
function report(emit: Emit, row: RowContext, item: IndicatorItem, kind: IrregularKind): void {
  const span = numberSpan(item);
  emitItem(emit, row, item, "numbering_irregular", { item: item.index, written: writtenNumber(item), expected: item.index, kind }, span ? { span } : {});
}

/** The style most numbered items use; ties go to the first item's style. */
function dominantStyle(items: readonly IndicatorItem[]): NumberingStyle {
  const counts = new Map<NumberingStyle, number>();
  let best: NumberingStyle = "none";
  let bestCount = 0;
  for (const item of items) {
    if (item.number === undefined) continue;
    const n = (counts.get(item.numberingStyle) ?? 0) + 1;
    counts.set(item.numberingStyle, n);
    if (n > bestCount) {
      best = item.numberingStyle;
      bestCount = n;
    }
  }
  return best;
}

function writtenNumber(item: IndicatorItem): string {
  return item.numberRaw ?? (item.number !== undefined ? String(item.number) : "");
}

/** The number as written sits at the start of the item's raw text. */
function numberSpan(item: IndicatorItem): { start: number; end: number } | undefined {
  if (!item.numberRaw) return undefined;
  const at = item.raw.indexOf(item.numberRaw);
  return at < 0 ? undefined : { start: item.span.start + at, end: item.span.start + at + item.numberRaw.length };
}
