import type { IndicatorItem, NumberingStyle } from "../model";
import type { Emit, Rule, RowContext } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

/**
 * Item numbers that skip (`1、2、4、`), repeat, do not start at 1, or mix styles (`1、` then
 * `2.`, `①` or `一、`), and unnumbered items among numbered ones. A cell whose items are all
 * unnumbered (separated by `；` or line breaks) is a legitimate variant. One finding per
 * offending item; the cleaner renumbers, so no per-item fix is offered.
 *
 * An item numbered with its own position is never a gap or a duplicate: the finding would ask
 * for the number it has. So an unnumbered item counts as a position (`1、`, none, `3、`: only the
 * unnumbered item is reported), and in `1、3、3、` only item 2 is.
 */
export const numberingIrregularRule: Rule = {
  codes: ["numbering_irregular"],
  defaultSeverity: { numbering_irregular: "warning" },
  perCell: true,
  checkRow(row, emit) {
    const items = row.cell.items;
    if (isItemPerRow(row) || !anyNumbered(items)) return;
    const style = dominantStyle(items);
    const seen = new Seen();
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
      } else if (item.number !== item.index) {
        // An item at its own position is no gap or duplicate: what went wrong went wrong before it.
        if (seen.has(item.number)) report(emit, row, item, "duplicate");
        else if (previous !== 0 && item.number !== previous + 1) report(emit, row, item, "gap");
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

function anyNumbered(items: readonly IndicatorItem[]): boolean {
  for (let i = 0; i < items.length; i++) if ((items[i] as IndicatorItem).number !== undefined) return true;
  return false;
}

/** The styles in a fixed order, for counting. */
const STYLES: readonly NumberingStyle[] = ["dun", "dot", "paren", "closeParen", "circled", "hanzi", "none"];
/** Items per style of the cell being checked (scratch: rules run synchronously). */
const STYLE_COUNTS = new Uint16Array(STYLES.length);

/** The style most numbered items use; on a tie, the style that reached the count first (the
 * first item's, usually). */
function dominantStyle(items: readonly IndicatorItem[]): NumberingStyle {
  STYLE_COUNTS.fill(0);
  let best: NumberingStyle = "none";
  let bestCount = 0;
  for (const item of items) {
    if (item.number === undefined) continue;
    const style = item.numberingStyle;
    const k = Math.max(0, STYLES.indexOf(style));
    const n = (STYLE_COUNTS[k] ?? 0) + 1;
    STYLE_COUNTS[k] = n;
    if (n > bestCount) {
      best = style;
      bestCount = n;
    }
  }
  return best;
}

/** The item numbers seen so far in a cell: a bit mask for the usual small numbers, a set for
 * the rest (no set at all for most cells). */
class Seen {
  private small = 0;
  private large: Set<number> | undefined;

  has(n: number): boolean {
    if (n >= 0 && n < 31) return (this.small & (1 << n)) !== 0;
    return this.large?.has(n) ?? false;
  }

  add(n: number): void {
    if (n >= 0 && n < 31) this.small |= 1 << n;
    else (this.large ??= new Set<number>()).add(n);
  }
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
