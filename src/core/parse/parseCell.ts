import type { IndicatorItem, ParsedCell } from "../model";
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
 * category, no label, no value: free prose) has no items; a heading before numbered items
 * (`绩效指标：`) is returned as `leading`. With `values`, equal values share one object with
 * the other cells parsed against the same table (see ValueTable).
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
  while (cursor.next()) {
    const item = parseItem(cellText, folded, cursor, items.length + 1, values);
    items.push(item);
    if (!structured && isStructured(item)) structured = true;
    if (item.number !== undefined) numbered = true;
  }
  cursor.reset("");
  if (!structured) return { text: cellText, items: [], leading: undefined };
  // The cell is kept for the whole check: an exact-size copy drops the growth slack of `items`.
  items = items.slice();
  const first = items[0];
  if (first && numbered && (isHeading(first) || isSectionHeading(first, items[1]))) {
    items.shift();
    for (let i = 0; i < items.length; i++) (items[i] as IndicatorItem).index = i + 1;
    return { text: cellText, items, leading: { text: first.raw, span: first.span } };
  }
  return { text: cellText, items, leading: undefined };
}

/** The one segment cursor: parsing is synchronous and never re-entered. */
const CURSOR = new SegmentCursor();

/** Whether the item carries anything of an indicator. */
function isStructured(item: IndicatorItem): boolean {
  return (
    item.number !== undefined || item.level1Raw !== undefined || item.level2Source === "written" || item.label !== undefined || item.value.kind !== "empty"
  );
}

/** An unnumbered first line with no value that names no category: `绩效指标：`, `年度绩效指标`. */
function isHeading(item: IndicatorItem): boolean {
  return item.number === undefined && item.label === undefined && item.value.kind === "empty" && (item.name === "" || item.level1Raw === undefined);
}

/** A first line `一、产出指标` over items numbered another way (`1、数量指标：…`): the heading of
 * a section, as before `一、` was read as a number, not an item without a value. */
function isSectionHeading(item: IndicatorItem, next: IndicatorItem | undefined): boolean {
  return (
    item.numberingStyle === "hanzi" &&
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
  if (level1Text !== "") item.level1Raw = level1Text;
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
