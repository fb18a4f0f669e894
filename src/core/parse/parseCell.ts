import type { CellSection, IndicatorItem, Level1, ParsedCell } from "../model";
import { foldWidth } from "./normalizeText";
import { internSpan, internText, type ValueTable } from "./intern";
import { inferLevel2Into, parseItem, shareValueTexts } from "./parseItem";
import { PREFIX_GLYPHS, PREFIX_WORDS } from "./valueWords";
import { readValue } from "./parseValue";
import { SegmentCursor } from "./segmentCell";
import { newItem } from "./shapes";
import { canonicalLevel1, canonicalLevel2 } from "./vocabulary";

/**
 * Parses the free text of an indicator cell (DOMAIN.md §2) into its items.
 *
 * Never throws and runs in linear time on any input: bad user data becomes a field of an item
 * (no level1, an `empty` value, `garbled`, `placeholder`) for the rules to report. Every span is
 * an offset into `text` as given. A cell in which nothing reads as an indicator (no number, no
 * category, no label, no value: free prose) has no items. A cell written in sections
 * (`一、产出指标\n1、数量指标：…\n二、效益指标\n1、…`) has its headings in `sections`, not in
 * `items`, and the items under a heading that write no 一级 take the heading's. Any other heading
 * before numbered items (`绩效指标：`) is returned as `leading`. With `values`, equal values
 * share one object with the other cells parsed against the same table (see ValueTable).
 */
export function parseIndicatorCell(text: string, values?: ValueTable): ParsedCell {
  // Hosts hand strings, but a number or null slipping through must not throw.
  const cellText = typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
  const folded = foldWidth(cellText);
  const cursor = CURSOR;
  cursor.reset(folded);
  let items: IndicatorItem[] = [];
  let structured = false;
  let numbered = false;
  let headOnly = false;
  while (cursor.next()) {
    const item = parseItem(cellText, folded, cursor, items.length + 1, values);
    items.push(item);
    if (!structured && isStructured(item)) structured = true;
    if (item.number !== undefined) numbered = true;
    if (!headOnly && isHeadOnly(item)) headOnly = true;
  }
  cursor.reset("");
  if (!structured) return { text: cellText, items: [], leading: undefined, sections: undefined };
  // The cell is kept for the whole check: an exact-size copy drops the growth slack of `items`.
  items = items.slice();
  // Only a cell with a line that is nothing but a 一级 can have sections: most cells skip this.
  const sections = headOnly && numbered ? splitSections(items, folded) : undefined;
  const first = items[0];
  // A title line (`绩效指标：`) before the first item is leading text, unless a section heading
  // comes first: then the cell starts with its sections.
  const titled = first !== undefined && numbered && (sections === undefined || first.span.start < (sections[0] as CellSection).span.start);
  if (titled && (isHeading(first) || isSectionHeading(first, items[1]))) {
    items.shift();
    for (let i = 0; i < items.length; i++) (items[i] as IndicatorItem).index = i + 1;
    if (sections) for (const section of sections) section.firstItem--;
    return { text: cellText, items, leading: { text: first.raw, span: first.span }, sections };
  }
  return { text: cellText, items, leading: undefined, sections };
}

/** The one segment cursor: parsing is synchronous and never re-entered. */
const CURSOR = new SegmentCursor();

/** Whether the item carries anything of an indicator. */
function isStructured(item: IndicatorItem): boolean {
  return (
    item.number !== undefined || item.level1Raw !== undefined || item.level2Source === "written" || item.label !== undefined || item.value.kind !== "empty"
  );
}

/** A line that is a known 一级 and nothing else (`一、产出指标`, `产出指标：`, `（二）效益指标；`):
 * a section heading when items numbered another way follow it (see splitSections). */
function isHeadOnly(item: IndicatorItem): boolean {
  return (
    item.level1 !== undefined &&
    item.level1Source === "written" &&
    item.level2Raw === undefined &&
    item.name === "" &&
    item.label === undefined &&
    item.value.kind === "empty" &&
    item.value.raw === ""
  );
}

/** A head-only line heads a section when the next item is numbered in another style than it
 * (`一、` over `1、`, an unnumbered `产出指标` over `(1)`): in one style it is an item cut off
 * after its 一级 (`…2、效益指标\n3、满意度指标：…`), and so is one at the end of the cell. */
function headsSection(item: IndicatorItem, next: IndicatorItem | undefined): boolean {
  return next !== undefined && next.number !== undefined && next.numberingStyle !== item.numberingStyle && isHeadOnly(item);
}

/**
 * Takes the section headings out of `items` (which it renumbers) and returns them, or undefined
 * when there are none. An item under a heading that writes no 一级 takes the heading's, and a 二级
 * inferred from its name under that 一级 (`folded` is the cell's width-folded text). Items before
 * the first heading belong to none.
 */
function splitSections(items: IndicatorItem[], folded: string): CellSection[] | undefined {
  let sections: CellSection[] | undefined;
  let current: CellSection | undefined;
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as IndicatorItem;
    if (headsSection(item, items[i + 1])) {
      current = newSection(item, (sections?.length ?? 0) + 1, kept + 1);
      (sections ??= []).push(current);
      continue;
    }
    item.index = kept + 1;
    items[kept++] = item;
    if (current === undefined) continue;
    current.itemCount++;
    if (item.level1Source === "none") {
      item.level1Raw = current.level1Raw;
      item.level1 = current.level1;
      item.level1Source = "heading";
      if (item.level2Source === "none") inferLevel2Into(item, folded, item.nameSpan.start, item.nameSpan.end);
    }
  }
  items.length = kept;
  return sections;
}

function newSection(heading: IndicatorItem, index: number, firstItem: number): CellSection {
  return {
    index,
    number: heading.number,
    numberRaw: heading.numberRaw,
    numberingStyle: heading.numberingStyle,
    level1Raw: heading.level1Raw as string,
    level1: heading.level1 as Level1,
    level1Span: heading.level1Span ?? heading.span,
    raw: heading.raw,
    span: heading.span,
    firstItem,
    itemCount: 0,
  };
}

/** An unnumbered first line with no value that names no category: `绩效指标：`, `年度绩效指标`. */
function isHeading(item: IndicatorItem): boolean {
  return item.number === undefined && item.label === undefined && item.value.kind === "empty" && (item.name === "" || item.level1Raw === undefined);
}

/** A first line `一、绩效指标：` over items numbered another way (`1、产出指标：…`) that names no
 * known 一级 (one that does heads a section, see splitSections): a title, not an item without a
 * value. */
function isSectionHeading(item: IndicatorItem, next: IndicatorItem | undefined): boolean {
  return (
    (item.numberingStyle === "hanzi" || item.numberingStyle === "parenHanzi") &&
    item.name === "" &&
    item.label === undefined &&
    item.value.kind === "empty" &&
    next !== undefined &&
    next.number !== undefined &&
    next.numberingStyle !== "hanzi"
  );
}

/** The columns of one row of the one-indicator-per-row layout, as trimmed text. */
export interface ItemParts {
  level1: string;
  level2: string;
  name: string;
  value: string;
  /** `指标性质/计算符号/运算符号`: `≥`, `>=`, `不低于` …; other words (`正向`, `定量`) are ignored. */
  operator: string;
  /** `度量单位/计量单位`: `%`, `个`, `万元` … */
  unit: string;
}

/** What unit columns hold when there is no unit: the kind of indicator, or a dash. */
const NOT_UNITS: ReadonlySet<string> = new Set(["定性", "定量", "无", "-", "/", "—"]);

const OPERATOR_TEXTS: ReadonlySet<string> = new Set([...PREFIX_GLYPHS, ...PREFIX_WORDS].map((w) => w.text));

/**
 * An item of the one-indicator-per-row layout (columns 一级指标/二级指标/三级指标/指标值 and
 * optional operator and unit columns). The value's span points into `parts.value`; the operator
 * and unit columns join the value (`≥` + `90` + `%` reads as `≥90%`, and `raw` is that joined
 * text) unless the value already has its own operator or unit. There is no label and no number.
 */
export function parseItemFromParts(parts: ItemParts, index: number): IndicatorItem {
  const valueText = parts.value ?? "";
  let value = readValue(valueText, foldWidth(valueText), 0, valueText.length);
  const operator = (parts.operator ?? "").trim();
  const unit = (parts.unit ?? "").trim();
  if (value.kind === "quantitative" || value.kind === "range") {
    const addOperator = value.operatorSource === "implicit" && OPERATOR_TEXTS.has(foldWidth(operator)) ? operator : "";
    const addUnit = value.unit === undefined && unit !== "" && !NOT_UNITS.has(unit) ? unit : "";
    if (addOperator || addUnit) {
      const joined = `${addOperator}${value.raw}${addUnit}`;
      const span = value.span;
      value = readValue(joined, foldWidth(joined), 0, joined.length);
      value.span = span;
    }
  }
  const level1Text = (parts.level1 ?? "").trim();
  const level2Text = (parts.level2 ?? "").trim();
  const name = internText((parts.name ?? "").trim());
  shareValueTexts(value);
  const item = newItem(index, "none", name, internSpan(0, 0), value, value.raw, internSpan(0, valueText.length));
  const level1 = canonicalLevel1(level1Text);
  if (level1Text !== "") {
    item.level1Raw = level1Text;
    item.level1Source = "written";
  }
  if (level1 !== undefined) item.level1 = level1;
  if (level2Text !== "") {
    item.level2Raw = level2Text;
    item.level2Source = "written";
    const level2 = canonicalLevel2(level2Text);
    if (level2 !== undefined) item.level2 = level2;
  } else {
    const foldedName = foldWidth(name);
    inferLevel2Into(item, foldedName, 0, foldedName.length);
  }
  return item;
}
