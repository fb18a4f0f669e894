import type { IndicatorItem, Span, TextEdit } from "../model";
import { fullCategoryWord } from "../parse/vocabulary";

/**
 * The edit that writes the 一级 an item left out before the 二级 it writes alone (level1_missing's
 * auto-fix, and the cleaner's for an item it keeps as written): `数量指标` → `产出指标（数量指标）`,
 * the head DOMAIN.md §4 writes for a given 二级, a short 二级 in full (`数量` → `产出指标（数量指标）`).
 * Undefined unless the item's 一级 was inferred from its 二级 (level1Source `inferred`) and the
 * 二级 stands in the item's text. The span points into `cellText`, the text the item's spans point into.
 */
export function level1Insertion(item: IndicatorItem, cellText: string): TextEdit | undefined {
  if (item.level1Source !== "inferred" || item.level1 === undefined) return undefined;
  const span = level2Span(item, cellText);
  if (span === undefined) return undefined;
  return { span, text: `${item.level1}（${fullCategoryWord(item.level2Raw as string)}）` };
}

/** Where the item's written 二级 stands in `cellText`: the first time it does in the item (the head
 * opens the item, after its number). */
export function level2Span(item: IndicatorItem, cellText: string): Span | undefined {
  const word = item.level2Raw;
  if (word === undefined || word === "" || cellText.slice(item.span.start, item.span.end) !== item.raw) return undefined;
  const at = item.raw.indexOf(word);
  return at < 0 ? undefined : { start: item.span.start + at, end: item.span.start + at + word.length };
}
