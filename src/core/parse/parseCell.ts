import type { CellSection, CellSubsection, IndicatorItem, Level1, Level2, NumberingStyle, ParsedCell, ParsedValue, Span } from "../model";
import { foldWidth } from "./normalizeText";
import { internSpan, internText, type ValueTable } from "./intern";
import { inferLevel2Into, parseItem, shareValueTexts } from "./parseItem";
import { PREFIX_GLYPHS, PREFIX_WORDS, SUFFIX_WORDS, magnitudeLength } from "./valueWords";
import { isPlaceholderText, looksLikeValue, readValue } from "./parseValue";
import { HEAD, readHead } from "./readHead";
import { SegmentCursor, startsNote } from "./segmentCell";
import { newItem } from "./shapes";
import { withNameUnit } from "./nameUnit";
import { LEVEL1_NAMES, canonicalDirection, canonicalLevel1, canonicalLevel2, inferLevel2At, level1OfLevel2, level2BelongsTo } from "./vocabulary";

/**
 * Parses the free text of an indicator cell (DOMAIN.md §2) into its items.
 *
 * Never throws and runs in linear time on any input: bad user data becomes a field of an item
 * (no level1, an `empty` value, `garbled`, `placeholder`) for the rules to report. Every span is
 * an offset into `text` as given. A cell in which nothing reads as an indicator (no number, no
 * category, no label, no value: free prose) has no items. A cell written in sections
 * (`一、产出指标\n1、数量指标：…\n二、效益指标\n1、…`) has its headings (and sub-headings,
 * `（一）数量指标`) in `sections`, not in `items`, and the items under a heading that write no 一级
 * take the heading's (see splitSections). A heading run on to its first item on the same line
 * (`一、产出指标：1、培训人数…；二、效益指标：1、…`, `1、产出指标：（1）培训人数…；（2）…`) must be
 * borne out by the cell (another heading, or a second item numbered like the first): else the
 * cell is read again without such splits, `产出指标：(1)班学生人数…` being an item's head and
 * name — two passes at most. Any other heading before numbered items (`绩效指标：`) is returned
 * as `leading`. With `values`, equal values share one object with the other cells parsed against
 * the same table (see ValueTable).
 */
export function parseIndicatorCell(text: string, values?: ValueTable): ParsedCell {
  // Hosts hand strings, but a number or null slipping through must not throw.
  const cellText = typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
  const folded = foldWidth(cellText);
  let items = readItems(cellText, folded, values, true);
  if (items === undefined) return { text: cellText, items: [], leading: undefined, sections: undefined };
  // Only a cell with a line that is nothing but a 一级 can have sections: most cells skip this.
  let sections = headOnly ? sectionsOf(items, cellText, folded, values) : undefined;
  if (!runOnsBorneOut) {
    // A heading run on to its first item on one line (`一、产出指标：1、培训人数…`) that the cell
    // does not bear out (`一、产出指标：(1)班学生人数…` alone) was an item's head and name: read again.
    items = readItems(cellText, folded, values, false);
    if (items === undefined) return { text: cellText, items: [], leading: undefined, sections: undefined };
    sections = headOnly ? sectionsOf(items, cellText, folded, values) : undefined;
  }
  if (sections === undefined) carryLevel1(items, folded);
  const first = items[0];
  // A title line (`绩效指标：`) before the first item is leading text, unless a section heading
  // comes first: then the cell starts with its sections.
  const titled = first !== undefined && numbered && (sections === undefined || first.span.start < (sections[0] as CellSection).span.start);
  if (titled && (isHeading(first) || isSectionHeading(first, items[1]))) {
    items.shift();
    for (let i = 0; i < items.length; i++) (items[i] as IndicatorItem).index = i + 1;
    if (sections) for (const section of sections) shiftSection(section);
    inferLevel1(items);
    return { text: cellText, items, leading: { text: first.raw, span: first.span }, sections };
  }
  inferLevel1(items);
  return { text: cellText, items, leading: undefined, sections };
}

/** splitSections, after the short 一级 lines over items became headings (readShortHeadings). */
function sectionsOf(items: IndicatorItem[], text: string, folded: string, values: ValueTable | undefined): CellSection[] | undefined {
  readShortHeadings(items);
  return splitSections(items, text, folded, values);
}

/**
 * An item that writes a known 二级 and no 一级, and takes none from a heading or the item before it
 * (`1、数量指标：检查次数…`, `…；社会效益指标：就业率≥60%`), has the 一级 that 二级 belongs to
 * (level1Source `inferred`, level1Raw absent): there is only one (成本指标 written alone is read as
 * the 2021 一级 before this, so the pre-2021 二级 成本指标 never gets here but under 产出指标). Done
 * last, so sections, carried 一级 and a leading title line read the item as written.
 */
function inferLevel1(items: readonly IndicatorItem[]): void {
  for (let i = 0; i < items.length; i++) inferLevel1Into(items[i] as IndicatorItem);
}

/** inferLevel1 of one item. */
function inferLevel1Into(item: IndicatorItem): void {
  if (item.level1Source !== "none" || item.level1Raw !== undefined || item.level2Source !== "written" || item.level2 === undefined) return;
  const level1 = level1OfLevel2(item.level2);
  if (level1 === undefined) return;
  item.level1 = level1;
  item.level1Source = "inferred";
}

/** The one segment cursor: parsing is synchronous and never re-entered. */
const CURSOR = new SegmentCursor();

// What readItems and splitSections found of the cell last read (scratch, like the cursor).
/** Some item is numbered. */
let numbered = false;
/** Some item is a line that is nothing but a 一级 (see isHeadOnly). */
let headOnly = false;
/** How many headings the cursor split from their first item on the same line. */
let runOnSplits = 0;
/** Every such split made a section the cell bears out (see splitSections). */
let runOnsBorneOut = true;

/** The items of the cell, exact size; undefined when nothing in it reads as an indicator.
 * `runOnHeadings`: whether a heading may run on to its first item on the same line. */
function readItems(cellText: string, folded: string, values: ValueTable | undefined, runOnHeadings: boolean): IndicatorItem[] | undefined {
  const cursor = CURSOR;
  cursor.reset(folded, runOnHeadings);
  const items: IndicatorItem[] = [];
  let structured = false;
  numbered = false;
  headOnly = false;
  while (cursor.next()) {
    const item = parseItem(cellText, folded, cursor, items.length + 1, values);
    const previous = items[items.length - 1];
    // A note after an item (`…100%\n（资金下达后10日内）`, `…。（注：…）`) is that item's, no item of its own.
    if (previous !== undefined && isNote(item, folded)) {
      joinNote(previous, item, cellText);
      continue;
    }
    items.push(item);
    if (!structured && isStructured(item)) structured = true;
    if (item.number !== undefined) numbered = true;
    if (!headOnly && (isHeadOnly(item) || isShortHeadLine(item) || isSubHeadOnly(item))) headOnly = true;
  }
  runOnSplits = cursor.sectionSplits;
  runOnsBorneOut = runOnSplits === 0;
  cursor.reset("");
  // The cell is kept for the whole check: an exact-size copy drops the growth slack of `items`.
  return structured ? items.slice() : undefined;
}

/** An item that is only a remark: no number, category or label; opened by `注：` or `注释`
 * (whatever follows: `注：含线上`, `注：数据来源于统计年鉴`), or with no value either and its text in
 * brackets (`（资金下达后10日内）`) or saying what counts (`以实际为准`, after a `；`). */
function isNote(item: IndicatorItem, folded: string): boolean {
  if (item.number !== undefined || item.level1Raw !== undefined || item.level2Raw !== undefined || item.label !== undefined) return false;
  if (startsNote(folded, item.nameSpan.end > item.nameSpan.start ? item.nameSpan.start : item.value.span.start)) return true;
  if (item.value.kind !== "empty" || item.value.raw !== "") return false;
  const { start, end } = item.nameSpan;
  if (end - start < 2) return false;
  const first = folded.charCodeAt(start);
  const last = folded.charCodeAt(end - 1);
  if (first === OPEN_BRACKET && last === CLOSE_BRACKET) return true;
  return first === YI && folded.startsWith("为准", end - 2);
}

const OPEN_BRACKET = 0x28; // ( and （, folded
const CLOSE_BRACKET = 0x29;
const YI = 0x4ee5; // 以: `以实际为准`

/** `item` takes in the note after it: its text and span reach to the note's end, and the note's
 * terminator is its own. Its value and the rest stay as read. */
function joinNote(item: IndicatorItem, note: IndicatorItem, cellText: string): void {
  item.span = internSpan(item.span.start, note.span.end);
  item.raw = cellText.slice(item.span.start, item.span.end);
  if (note.terminator !== undefined) item.terminator = note.terminator;
  else delete item.terminator;
}

/** Whether the item carries anything of an indicator. */
function isStructured(item: IndicatorItem): boolean {
  return (
    item.number !== undefined || item.level1Raw !== undefined || item.level2Source === "written" || item.label !== undefined || item.value.kind !== "empty"
  );
}

/** A line that is a known 一级 and nothing else, maybe with a known 二级 (`一、产出指标`,
 * `产出指标：`, `（二）效益指标；`, `一、产出指标（数量指标）`): a section heading when items
 * follow it as headsSection says. */
function isHeadOnly(item: IndicatorItem): boolean {
  return (
    item.level1 !== undefined &&
    item.level1Source === "written" &&
    (item.level2Raw === undefined || (item.level2Source === "written" && item.level2 !== undefined)) &&
    item.name === "" &&
    item.label === undefined &&
    item.value.kind === "empty" &&
    item.value.raw === ""
  );
}

/** A line that is a short 一级 word and nothing else (`一、产出`, `（三）满意度`, `效益`): the parser
 * reads the word as a name (it takes a short 一级 only before a colon), but over items it heads
 * them as `一、产出指标` does (see readShortHeadings); `满意度调查次数`, `产出率` are names. */
function isShortHeadLine(item: IndicatorItem): boolean {
  if (item.level1Source !== "none" || item.level2Source === "written" || item.label !== undefined || item.value.kind !== "empty" || item.value.raw !== "") return false;
  return item.name.length <= SHORT_LEVEL1_MAX && canonicalLevel1(item.name) !== undefined;
}

/** The longest short 一级 word: `满意度`. */
const SHORT_LEVEL1_MAX = 3;

/** Each short 一级 line (isShortHeadLine) that heads the items after it (headsSection) becomes the
 * heading it is: its name is its written 一级. */
function readShortHeadings(items: readonly IndicatorItem[]): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as IndicatorItem;
    if (!isShortHeadLine(item)) continue;
    const next = items[i + 1];
    if (next === undefined || isShortHeadLine(next) || !headsSection(item, next, false)) continue;
    item.level1Raw = item.name;
    item.level1 = canonicalLevel1(item.name);
    item.level1Span = item.nameSpan;
    item.level1Source = "written";
    item.name = "";
    item.nameSpan = internSpan(item.nameSpan.end, item.nameSpan.end);
    item.level2 = undefined;
    item.level2Source = "none";
  }
}

/** A line inside a section that is a known 二级 and nothing else (`（一）数量指标`, `数量指标：`):
 * a sub-heading when items follow it as headsSection says. */
function isSubHeadOnly(item: IndicatorItem): boolean {
  if (item.level1Source !== "none" || item.label !== undefined || item.value.kind !== "empty" || item.value.raw !== "") return false;
  if (item.name === "") return item.level2Source === "written" && item.level2 !== undefined;
  return item.level2Source !== "written" && item.name.length <= SUBHEADING_MAX && canonicalLevel2(item.name) !== undefined;
}

/** The longest 二级 written alone: `社会公众或服务对象满意度指标`. */
const SUBHEADING_MAX = 16;

/** Whether an item is numbered like a heading: `一、`, `（一）`, or not at all. */
function numberedLikeHeading(item: IndicatorItem): boolean {
  return item.numberingStyle === "hanzi" || item.numberingStyle === "parenHanzi" || item.numberingStyle === "none";
}

/**
 * Whether a heading line (isHeadOnly, or isSubHeadOnly inside a section) heads the items after
 * it: the next item is numbered in another style than the heading (`一、` over `1、`, an
 * unnumbered `产出指标` over `(1)`), or, under a heading numbered `一、`/`（一）` or not at all, is
 * unnumbered, writes no 一级 and reads as an indicator (`一、产出指标\n数量指标：培训人数，年度指标值：…`).
 * In one style it is an item cut off after its 一级 (`…2、效益指标\n3、满意度指标：…`), and so is
 * one at the end of the cell or right before another heading (or, for a sub-heading, sub-heading)
 * line: a heading heads items.
 */
function headsSection(heading: IndicatorItem, next: IndicatorItem | undefined, subHeading: boolean): boolean {
  if (next === undefined || isHeadOnly(next) || (subHeading && isSubHeadOnly(next))) return false;
  if (next.number !== undefined) return next.numberingStyle !== heading.numberingStyle;
  return numberedLikeHeading(heading) && next.level1Source === "none" && hasIndicatorPart(next);
}

/** A label, a value, or a written 二级: what makes an unnumbered line an indicator, not a note. */
function hasIndicatorPart(item: IndicatorItem): boolean {
  return item.label !== undefined || item.value.kind !== "empty" || item.value.raw !== "" || item.level2Source === "written";
}

/** An unnumbered line that only says there is nothing (`无`, `不涉及`, `—`: isPlaceholderText). */
function saysNothing(item: IndicatorItem | undefined): boolean {
  return (
    item !== undefined &&
    item.number === undefined &&
    item.level1Source === "none" &&
    item.level2Source !== "written" &&
    item.label === undefined &&
    item.value.kind === "empty" &&
    item.value.raw === "" &&
    isPlaceholderText(foldWidth(item.name), 0, item.name.length, true)
  );
}

/**
 * Takes the section headings (and sub-headings) out of `items` (which it renumbers) and returns
 * them, or undefined when there are none. An item under a heading that writes no 一级 takes the
 * heading's when it reads as an indicator (numbered in the style of the section's first item, or
 * with a label, a value or a 二级; a note line `（注：…）` takes none), and the 二级 of its
 * sub-heading or heading when it writes none, else one inferred from its name under that 一级.
 * Under a heading, `满意度：≥90%` is a name and its value, not the short 一级 `满意度`. A heading
 * over a line saying nothing (`四、成本指标\n无`) holds that line and no items. Items before the
 * first heading belong to none, and so do those after an item numbered like the heading that
 * writes its own 一级 (see endsSection). `text` is the cell, `folded` its foldWidth.
 * Sets runOnsBorneOut: whether every heading the cursor split from its first item heads a
 * section the cell bears out, by another heading or a second item numbered like its first (by
 * another heading only when some section has such a second item, if a heading numbered like an
 * item, `1、产出指标：`, runs on: `1、产出指标：①号线…。2、效益指标：①号线…` is two items).
 */
function splitSections(items: IndicatorItem[], text: string, folded: string, values: ValueTable | undefined): CellSection[] | undefined {
  let sections: CellSection[] | undefined;
  let current: CellSection | undefined;
  let sub: CellSubsection | undefined;
  /** The style of the first item under the current heading or sub-heading. */
  let style: NumberingStyle = "none";
  /** Run-on headings (no terminator) and, per heading, the items numbered in its items' style. */
  let runOns = 0;
  let bornOut = 0;
  let styled = 0;
  let runOn = false;
  /** Run-on headings numbered `1、` `1.` `(1)` …, and whether some section has two items numbered alike. */
  let arabicRunOns = 0;
  let twoStyled = false;
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as IndicatorItem;
    const next = items[i + 1];
    if (isHeadOnly(item) && numberedLikeHeading(item) && saysNothing(next)) {
      // `四、成本指标\n无`: a heading over nothing; its span takes the line.
      if (runOn && styled >= 2) bornOut++;
      current = newSection(item, (sections?.length ?? 0) + 1, kept + 1, text, next);
      (sections ??= []).push(current);
      sub = undefined;
      style = "none";
      runOn = false;
      i++;
      continue;
    }
    if (isHeadOnly(item) && headsSection(item, next, false)) {
      if (runOn && styled >= 2) bornOut++;
      current = newSection(item, (sections?.length ?? 0) + 1, kept + 1, text, undefined);
      (sections ??= []).push(current);
      sub = undefined;
      style = (next as IndicatorItem).numberingStyle;
      runOn = item.terminator === undefined;
      if (runOn) runOns++;
      if (runOn && !numberedLikeHeading(item)) arabicRunOns++;
      styled = 0;
      continue;
    }
    if ((current === undefined || current.level1Inferred === true) && isSubHeadOnly(item) && headsSection(item, next, true)) {
      // `数量指标：\n1.检查次数…`: a 二级 alone over items, in no 一级's section, heads a section of
      // the 一级 it belongs to (inferred: level1_missing reports it left out).
      if (runOn && styled >= 2) bornOut++;
      current = newLevel2Section(item, (sections?.length ?? 0) + 1, kept + 1);
      (sections ??= []).push(current);
      sub = undefined;
      style = (next as IndicatorItem).numberingStyle;
      runOn = false;
      styled = 0;
      continue;
    }
    if (current !== undefined && isSubHeadOnly(item) && headsSection(item, next, true)) {
      sub = newSubsection(item, (current.subsections?.length ?? 0) + 1, kept + 1);
      (current.subsections ??= []).push(sub);
      style = (next as IndicatorItem).numberingStyle;
      continue;
    }
    if (current !== undefined && endsSection(item, current)) {
      // `1、产出指标：1）…；2）…。2、效益指标：…`: a sibling of the heading, in no section.
      if (runOn && styled >= 2) bornOut++;
      current = undefined;
      sub = undefined;
      style = "none";
      runOn = false;
    }
    item.index = kept + 1;
    items[kept++] = item;
    if (current === undefined) continue;
    current.itemCount++;
    if (sub !== undefined) sub.itemCount++;
    if (item.number !== undefined && item.numberingStyle === style && ++styled >= 2) twoStyled = true;
    if (item.level1Source !== "heading") readShortHeadAsName(item, text, folded, values);
    if (item.level1Source === "none" && ((item.number !== undefined && item.numberingStyle === style) || hasIndicatorPart(item))) {
      takeHeading(item, current, sub, folded);
    }
  }
  if (runOn && styled >= 2) bornOut++;
  items.length = kept;
  // Another heading bears the sections out, unless a heading numbered like an item (`1、产出指标：`,
  // the usual item's head) runs on and no section has a second item: `1、产出指标：①号线…。
  // 2、产出指标：①号线…` is two items whose names start with a number.
  const headings = sections?.length ?? 0;
  runOnsBorneOut = runOnSplits === 0 || (runOns >= runOnSplits && (bornOut === runOns || (headings >= 2 && (arabicRunOns === 0 || twoStyled))));
  return sections;
}

/** Whether an item ends the section it follows instead of counting into it: numbered like the
 * heading and writing its own 一级 (`2、效益指标：…` after the items `1）` `2）` under
 * `1、产出指标：`), it is the heading's sibling, an item of no section. */
function endsSection(item: IndicatorItem, section: CellSection): boolean {
  return item.number !== undefined && item.numberingStyle === section.numberingStyle && item.level1Source === "written";
}

/** Under a heading, `满意度：≥90%`, `满意度：合格` and `服务对象满意度：≥90%` are a name and its value: a
 * short 一级 with no 二级, or a short 二级 with no 一级 (`满意度`, `服务对象满意度`, not `满意度指标`),
 * before a value and no name, or before a "name" that reads as a value and nothing else, is the
 * item's name (and that "name" its value). */
function readShortHeadAsName(item: IndicatorItem, text: string, folded: string, values: ValueTable | undefined): void {
  let word: string | undefined;
  let span: Span | undefined;
  if (item.level1Source === "written") {
    if (item.level2Raw !== undefined) return;
    word = item.level1Raw;
    span = item.level1Span;
  } else if (item.level2Source === "written" && item.level1Raw === undefined && item.level2Raw !== undefined) {
    word = item.level2Raw;
    span = spanOf(item, word, item.span.start);
  }
  if (word === undefined || span === undefined || word.endsWith("指标")) return;
  let value: ParsedValue | undefined;
  if (item.name === "") {
    if (item.label === undefined && item.value.kind === "empty") return;
  } else {
    if (item.label !== undefined || item.value.kind !== "empty" || item.value.raw !== "") return;
    value = readValue(text, folded, item.nameSpan.start, item.nameSpan.end);
    if (!looksLikeValue(value, folded)) return;
    shareValueTexts(value);
    item.value = values ? values.intern(value) : value;
  }
  item.name = word;
  item.nameSpan = span;
  item.level1Raw = undefined;
  item.level1 = undefined;
  item.level1Span = undefined;
  item.level1Source = "none";
  item.level2 = undefined;
  item.level2Raw = undefined;
  item.level2Source = "none";
}

/** The item takes the heading's 一级, and the 二级 of its sub-heading or heading when it writes
 * none (else one inferred from its name under that 一级). */
function takeHeading(item: IndicatorItem, section: CellSection, sub: CellSubsection | undefined, folded: string): void {
  if (section.level1Inferred === true && item.level2Source === "written") return;
  item.level1Raw = section.level1Raw;
  item.level1 = section.level1;
  item.level1Source = "heading";
  if (item.level2Source === "written") return;
  const level2 = sub ?? (section.level2Raw !== undefined ? section : undefined);
  if (level2 !== undefined) {
    item.level2Raw = level2.level2Raw;
    item.level2 = level2.level2;
    item.level2Source = "written";
  } else if (item.level2Source === "none") {
    inferLevel2Into(item, folded, item.nameSpan.start, item.nameSpan.end);
  }
}

/**
 * Unnumbered items with the 一级 written once, before the first of them (`产出指标：培训人数≥100人；
 * 资金拨付率≥90%；效益指标：…`, or one per line): an item that writes no 一级 and reads as an
 * indicator continues the last one written, as under a heading, unless it writes a 二级 of
 * another 一级 or its name says one (`群众满意度`). In a cell with numbered items, or one whose
 * author writes a 一级 on each item (the same one on two items in a row), only an item split off
 * at a comma does (`1、产出指标：培训人数≥100人，覆盖率≥90%`): the others write their own
 * (category_unknown).
 */
function carryLevel1(items: readonly IndicatorItem[], folded: string): void {
  // An author who writes the same 一级 on two items in a row writes it on every item: an item
  // without one there left it out (category_unknown), as in a numbered cell.
  const eachWritesOwn = numbered || writesLevel1Twice(items);
  let from: IndicatorItem | undefined;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as IndicatorItem;
    if (item.level1Source === "written") {
      from = item.level1 !== undefined ? item : undefined;
      continue;
    }
    const splitOff = item.number === undefined && splitOffItem(items[k - 1]);
    if (eachWritesOwn && !splitOff) {
      from = undefined;
      continue;
    }
    if (from === undefined || item.level1Source !== "none" || !hasIndicatorPart(item)) continue;
    const level1 = from.level1 as Level1;
    const { start, end } = item.nameSpan;
    // `…；社会效益指标：…`, `…；群众满意度≥90%`: another 一级's item, its 一级 left out. Under 产出 or
    // 效益 only a name of 满意度 or 成本 says so (`带动就业人数` may count either); an item split
    // off on the same line goes on with its 一级 whatever its name.
    const other =
      item.level2Source === "written" && item.level2 !== undefined
        ? !level2BelongsTo(level1, item.level2)
        : !splitOff && LEVEL1_NAMES.some((l1) => l1 !== level1 && namesLevel1(l1, level1) && inferLevel2At(l1, folded, start, end) !== undefined);
    if (other) {
      from = undefined;
      continue;
    }
    item.level1Raw = from.level1Raw;
    item.level1 = level1;
    item.level1Source = "heading";
    if (item.level2Source === "none") inferLevel2Into(item, folded, item.nameSpan.start, item.nameSpan.end);
    // Split off on the line of a head that writes its 二级 (`效益指标（社会效益指标）：就业率≥80% 带动就业
    // 人数≥50人`): a name that says no 二级 of its own takes the head's, as under a sub-heading.
    if (splitOff && item.level2Source === "none" && from.level2Source === "written" && from.level2 !== undefined) {
      item.level2Raw = from.level2Raw;
      item.level2 = from.level2;
      item.level2Source = "written";
    }
  }
}

/** Whether two items, one after the other among those writing a 一级, write the same one
 * (`产出指标：A。产出指标：B。C。效益指标：D`). */
function writesLevel1Twice(items: readonly IndicatorItem[]): boolean {
  let last: Level1 | undefined;
  for (const item of items) {
    if (item.level1Source !== "written" || item.level1 === undefined) continue;
    if (item.level1 === last) return true;
    last = item.level1;
  }
  return false;
}

/** Whether the item after `item` was split off it on the same line: `item` ended at a comma
 * (segmentCell's commaEndsItem) or at spaces (spaceEndsItem: no terminator), not at a `；`, `。`
 * or a line break. */
function splitOffItem(item: IndicatorItem | undefined): boolean {
  return item !== undefined && (item.terminator === "，" || item.terminator === "," || item.terminator === undefined);
}

/** Whether a name that reads as `other`'s 二级 says an item under `carried` belongs to `other`:
 * 满意度 and 成本 names do; a count or a rate (`带动就业人数`, `就业率`) may sit under 产出 or 效益. */
function namesLevel1(other: Level1, carried: Level1): boolean {
  return other === "满意度指标" || other === "成本指标" || carried === "满意度指标" || carried === "成本指标";
}

/** A section from its heading item; `nothing`: the line saying nothing under it, which it holds. */
function newSection(heading: IndicatorItem, index: number, firstItem: number, text: string, nothing: IndicatorItem | undefined): CellSection {
  const span = nothing ? internSpan(heading.span.start, nothing.span.end) : heading.span;
  const section: CellSection = {
    index,
    number: heading.number,
    numberRaw: heading.numberRaw,
    numberingStyle: heading.numberingStyle,
    level1Raw: heading.level1Raw as string,
    level1: heading.level1 as Level1,
    level1Span: heading.level1Span ?? heading.span,
    level2Raw: undefined,
    level2: undefined,
    level2Span: undefined,
    raw: nothing ? text.slice(span.start, span.end) : heading.raw,
    span,
    firstItem,
    itemCount: 0,
    subsections: undefined,
  };
  if (heading.level2Raw !== undefined) {
    section.level2Raw = heading.level2Raw;
    section.level2 = heading.level2;
    section.level2Span = spanOf(heading, heading.level2Raw, (heading.level1Span ?? heading.span).end);
  }
  return section;
}

/** A section headed by a 二级 alone (`数量指标：`, `（一）数量指标`): its 一级 the one that 二级
 * belongs to (level1Inferred; level1Raw the canonical word, level1Span the 二级's). */
function newLevel2Section(heading: IndicatorItem, index: number, firstItem: number): CellSection {
  const sub = newSubsection(heading, 0, firstItem);
  const level1 = level1OfLevel2(sub.level2) as Level1;
  return {
    index,
    number: heading.number,
    numberRaw: heading.numberRaw,
    numberingStyle: heading.numberingStyle,
    level1Raw: level1,
    level1,
    level1Span: sub.level2Span,
    level2Raw: sub.level2Raw,
    level2: sub.level2,
    level2Span: sub.level2Span,
    raw: heading.raw,
    span: heading.span,
    firstItem,
    itemCount: 0,
    subsections: undefined,
    level1Inferred: true,
  };
}

/** A sub-section from its sub-heading item (`（一）数量指标`, or `数量指标：` with its 二级 read). */
function newSubsection(heading: IndicatorItem, index: number, firstItem: number): CellSubsection {
  const written = heading.name === "";
  const level2Raw = written ? (heading.level2Raw as string) : heading.name;
  return {
    index,
    number: heading.number,
    numberRaw: heading.numberRaw,
    numberingStyle: heading.numberingStyle,
    level2Raw,
    level2: (written ? heading.level2 : canonicalLevel2(heading.name)) as Level2,
    level2Span: written ? spanOf(heading, level2Raw, heading.span.start) : heading.nameSpan,
    raw: heading.raw,
    span: heading.span,
    firstItem,
    itemCount: 0,
  };
}

/** Where `word` first stands in the item's text at or after the cell offset `from`. */
function spanOf(item: IndicatorItem, word: string, from: number): Span {
  const at = item.raw.indexOf(word, Math.max(0, from - item.span.start));
  const start = at < 0 ? item.span.start : item.span.start + at;
  return internSpan(start, at < 0 ? item.span.end : start + word.length);
}

/** A section after the leading title was taken out of the items before it. */
function shiftSection(section: CellSection): void {
  section.firstItem--;
  if (section.subsections) for (const sub of section.subsections) sub.firstItem--;
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
  /** `指标性质/计算符号/运算符号`: `≥`, `>=`, `不低于`, `以上` …; `正向`/`反向` there is the written
   * direction; other words (`定量`, `定性`) are ignored. */
  operator: string;
  /** `度量单位/计量单位`: `%`, `个`, `万元` … */
  unit: string;
  /** `指标方向`: `正向`, `反向` (absent: the operator column may say it, else none is written). */
  direction?: string;
}

/** What unit columns hold when there is no unit: the kind of indicator, or a dash. */
const NOT_UNITS: ReadonlySet<string> = new Set(["定性", "定量", "无", "-", "/", "—"]);

/** A unit a magnitude can scale (`人`, `元`, `平方米`, `㎡`, `m²`): not itself scaled (`万元` stays as
 * written after `3.5万`), not a percentage or a per-mille. */
function scalableUnit(unit: string): boolean {
  const c = foldWidth(unit).charCodeAt(0);
  return unit !== "" && c !== PERCENT && c !== PER_MILLE && magnitudeLength(unit) === 0;
}

const PERCENT = 0x25;
const PER_MILLE = 0x2030;

const OPERATOR_TEXTS: ReadonlySet<string> = new Set([...PREFIX_GLYPHS, ...PREFIX_WORDS].map((w) => w.text));
/** Operator columns may also hold the words written after a number (`以上`, `以下`, `以内`). */
const SUFFIX_TEXTS: ReadonlySet<string> = new Set(SUFFIX_WORDS.map((w) => w.text));

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
    const implicit = value.operatorSource === "implicit";
    const addOperator = implicit && OPERATOR_TEXTS.has(foldWidth(operator)) ? operator : "";
    const addSuffix = implicit && addOperator === "" && SUFFIX_TEXTS.has(operator) ? operator : "";
    // A magnitude in the value cell scales the unit column's unit: `52万` + `人` is `52万人`.
    const scaled = value.unit !== undefined && magnitudeLength(value.unit) === value.unit.length && scalableUnit(unit);
    const addUnit = (value.unit === undefined || scaled) && unit !== "" && !NOT_UNITS.has(unit) ? unit : "";
    if (addOperator || addUnit || addSuffix) {
      // The unit goes right after the value's own (`52万以上` + `人` is `52万人以上`), else at its end.
      const raw = value.raw;
      const at = scaled ? raw.lastIndexOf(value.unit as string) + (value.unit as string).length : raw.length;
      const joined = `${addOperator}${raw.slice(0, at)}${addUnit}${raw.slice(at)}${addSuffix}`;
      const span = value.span;
      value = readValue(joined, foldWidth(joined), 0, joined.length);
      value.span = span;
    }
  }
  const levels = readLevels(parts);
  value = withNameUnit(value, levels.name);
  shareValueTexts(value);
  const item = newItem(index, "none", internText(levels.name), internSpan(0, 0), value, value.raw, internSpan(0, valueText.length));
  if (levels.level1Raw !== "") {
    item.level1Raw = levels.level1Raw;
    item.level1Source = "written";
  }
  if (levels.level1 !== undefined) item.level1 = levels.level1;
  if (levels.level2Raw !== "") {
    item.level2Raw = levels.level2Raw;
    item.level2Source = "written";
    if (levels.level2 !== undefined) item.level2 = levels.level2;
  } else {
    const foldedName = foldWidth(item.name);
    inferLevel2Into(item, foldedName, 0, foldedName.length);
  }
  // A row whose 一级 cell is blank (none above it to continue) under a known 二级: that 二级's.
  inferLevel1Into(item);
  const direction = canonicalDirection(parts.direction ?? "") ?? canonicalDirection(operator);
  if (direction !== undefined) item.direction = direction;
  return item;
}

/** The 一级, 二级 and 三级 name of a row of the one-indicator-per-row layout, as its columns write them. */
interface RowLevels {
  level1Raw: string;
  level1: Level1 | undefined;
  level2Raw: string;
  level2: Level2 | undefined;
  name: string;
}

/**
 * The levels of a row from its 一级, 二级 and 三级 columns. A column whose text is no known category
 * as a whole is read as an item's head (readHead, DOMAIN.md §2) ending at the column's end, so a
 * cell holding two levels is split as in a free-text cell: a 一级 cell `产出指标（数量指标）` or
 * `产出指标-质量指标` gives the 二级 too, a 二级 cell `产出指标-数量指标` the 一级; a 三级 cell
 * `质量指标：数据差错率` or `产出指标-数量指标-举办赛事场次` gives the name after its head, and the
 * levels its columns leave blank. A column's own level wins; a head in the 三级 cell that
 * contradicts the columns (`时效指标：…` under 效益指标) stays part of the name.
 */
function readLevels(parts: ItemParts): RowLevels {
  const out: RowLevels = { level1Raw: (parts.level1 ?? "").trim(), level1: undefined, level2Raw: (parts.level2 ?? "").trim(), level2: undefined, name: (parts.name ?? "").trim() };
  out.level1 = canonicalLevel1(out.level1Raw);
  let level2FromLevel1: ColumnHead | undefined;
  if (out.level1 === undefined && out.level1Raw !== "") {
    const head = readColumnHead(out.level1Raw);
    if (head !== undefined && head.rest === "" && head.level1 !== undefined) {
      out.level1Raw = head.level1Raw;
      out.level1 = head.level1;
      if (head.level2Raw !== "") level2FromLevel1 = head;
    }
  }
  if (out.level1 === undefined && out.level1Raw !== "") {
    // A 二级 in the 一级 column (`数量指标`, `社会效益指标`), the 二级 column blank or saying the
    // same: the row's 二级, its 一级 left out (inferred below: level1_missing, at the 一级 cell).
    const level2 = level2Only(out.level1Raw);
    if (level2 !== undefined && (out.level2Raw === "" || level2Only(out.level2Raw) === level2)) {
      if (out.level2Raw === "") out.level2Raw = out.level1Raw;
      out.level1Raw = "";
    }
  }
  out.level2 = canonicalLevel2(out.level2Raw);
  if (out.level2 === undefined && out.level2Raw !== "") {
    const head = readColumnHead(out.level2Raw);
    if (head !== undefined && head.rest === "" && head.level2 !== undefined && (head.level1 === undefined || out.level1Raw === "" || head.level1 === out.level1)) {
      out.level2Raw = head.level2Raw;
      out.level2 = head.level2;
      if (out.level1Raw === "" && head.level1 !== undefined) {
        out.level1Raw = head.level1Raw;
        out.level1 = head.level1;
      }
    }
  } else if (out.level2Raw === "" && level2FromLevel1 !== undefined) {
    out.level2Raw = level2FromLevel1.level2Raw;
    out.level2 = level2FromLevel1.level2;
  }
  const head = out.name !== "" ? readColumnHead(out.name) : undefined;
  if (head === undefined || head.rest === "") return out;
  // The name's head may only fill in: a level it writes must agree with the columns'.
  if (head.level1Raw !== "" && out.level1Raw !== "" && head.level1 !== out.level1) return out;
  const level1 = out.level1Raw !== "" ? out.level1 : head.level1;
  if (head.level2 !== undefined) {
    if (out.level2Raw !== "" && head.level2 !== out.level2) return out;
    if (level1 !== undefined && !level2BelongsTo(level1, head.level2)) return out;
  }
  out.name = head.rest;
  if (out.level1Raw === "" && head.level1Raw !== "") {
    out.level1Raw = head.level1Raw;
    out.level1 = head.level1;
  }
  if (out.level2Raw === "" && head.level2Raw !== "") {
    out.level2Raw = head.level2Raw;
    out.level2 = head.level2;
  }
  return out;
}

/** The 二级 a column's text is as a whole (`数量指标`, `社会效益`, `产出指标-数量指标`'s is none: it
 * writes a 一级), undefined when it is none. */
function level2Only(text: string): Level2 | undefined {
  const level2 = canonicalLevel2(text);
  if (level2 !== undefined) return level2;
  const head = readColumnHead(text);
  return head !== undefined && head.rest === "" && head.level1Raw === "" ? head.level2 : undefined;
}

/** A known 一级 and/or 二级 read as an item's head from a column's text, and the text after it. */
interface ColumnHead {
  /** As written; "" when the head writes none. */
  level1Raw: string;
  level1: Level1 | undefined;
  level2Raw: string;
  level2: Level2 | undefined;
  /** The text after the head, trimmed: a name (`数据差错率`), or "" when the head is all. */
  rest: string;
}

/**
 * The head (readHead) that `text` opens with, read as if a `：` closed the column's text (a cell
 * ends a head as its separator would: `产出指标-数量指标-举办赛事场次` is a head and a name, as
 * `产出指标-数量指标-举办赛事场次：` is). Undefined unless every level it writes is a known one
 * (an unknown word, `产出数量`, `产出指数`, is no head here: the column's own reading reports it).
 */
function readColumnHead(text: string): ColumnHead | undefined {
  const folded = `${foldWidth(text)}:`;
  if (!readHead(folded, 0, folded.length)) return undefined;
  if (HEAD.unknown || (HEAD.level1Start >= 0 && HEAD.level1 === undefined) || (HEAD.level2Start >= 0 && HEAD.level2 === undefined)) return undefined;
  if (HEAD.level1 === undefined && HEAD.level2 === undefined) return undefined;
  return {
    level1Raw: HEAD.level1Start >= 0 ? text.slice(HEAD.level1Start, HEAD.level1End) : "",
    level1: HEAD.level1,
    level2Raw: HEAD.level2Start >= 0 ? text.slice(HEAD.level2Start, HEAD.level2End) : "",
    level2: HEAD.level2,
    rest: text.slice(Math.min(HEAD.end, text.length)).trim(),
  };
}
