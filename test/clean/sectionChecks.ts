import { canonicalCellText, isCanonicalItem } from "../../src/core/clean/canonicalCellText";
import type { IndicatorItem } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

/** The checks both generators of sectioned cells run (test/clean/canonicalSections.test.ts,
 * test/parse/sectionsRegressions.test.ts), each on its own shapes of cell. */

/** What must survive cleaning (DOMAIN.md §4): category, name and value of every item. */
export function essentials(it: IndicatorItem) {
  return {
    level1: it.level1,
    level1Raw: it.level1Raw,
    level2: it.level2Source === "written" ? it.level2 : undefined,
    name: it.name,
    kind: it.value.kind,
    operator: it.value.operator,
    number: it.value.number,
    unit: it.value.unit,
    text: it.value.text,
  };
}

/** Every item sits under a heading and takes its 一级; the sections hold every item. */
export function expectEveryItemUnderItsHeading(text: string): void {
  const cell = parseIndicatorCell(text);
  expect(cell.items.every((i) => i.level1Source === "heading")).toBe(true);
  expect((cell.sections ?? []).reduce((n, s) => n + s.itemCount, 0)).toBe(cell.items.length);
}

/** Cleaning flattens the sections losslessly (the same items, each canonical, numbered 1, 2, …)
 * and idempotently; returns the cleaned text. */
export function expectFlattenedLosslessly(text: string): string {
  const before = parseIndicatorCell(text);
  const cleaned = canonicalCellText(before);
  const after = parseIndicatorCell(cleaned);
  expect(after.sections).toBeUndefined();
  expect(after.items.map(essentials)).toEqual(before.items.map(essentials));
  expect(after.items.map((i) => i.number)).toEqual(after.items.map((_, k) => k + 1));
  expect(after.items.map((i) => isCanonicalItem(i, cleaned))).toEqual(after.items.map(() => true));
  expect(canonicalCellText(parseIndicatorCell(cleaned))).toBe(cleaned);
  return cleaned;
}
