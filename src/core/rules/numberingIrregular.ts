import type { CellSection, CellSubsection, IndicatorItem, NumberingStyle, Span } from "../model";
import type { NumberingFinding } from "../messages/params";
import type { Emit, Rule, RowContext } from "./rule";
import { emitItem, emitSpan, isItemPerRow } from "./finding";

/**
 * Item numbers that skip (`1、2、4、`), repeat, go backwards (`1、2、5、3、`), do not start at 1,
 * or mix styles (`1、` then `2.`, `①` or `一、`), and unnumbered items among numbered ones. A cell
 * whose items are all unnumbered (separated by `；` or line breaks) is a legitimate variant. One
 * finding per offending item; the cleaner renumbers, so no per-item fix is offered.
 *
 * An item numbered with its own position is never a gap or a duplicate: the finding would ask
 * for the number it has. So an unnumbered item counts as a position (`1、`, none, `3、`: only the
 * unnumbered item is reported), and in `1、3、3、` only item 2 is.
 *
 * A cell written in sections (`一、产出指标\n1、…2、…\n二、效益指标\n1、…`) numbers the items of
 * each section on their own: from 1 again, or carrying on from the items before it (`二、效益指标`
 * over `3、4、`). The headings' numbers are a sequence of their own, checked the same way, with
 * the items of no section numbered like them (`1、产出指标：1）…；2）…。2、效益指标：…。3、…`: heading
 * 1, then items 2 and 3, which write their own 一级); a finding about a heading has no item, only
 * the span of its number. Sub-headings (`（一）数量指标`
 * under `一、产出指标`) split their section the same way: the items under each are a run, and the
 * sub-headings of one section a sequence (a finding about one names its 二级 as the title and its
 * position among its section's sub-headings).
 */
export const numberingIrregularRule: Rule = {
  codes: ["numbering_irregular"],
  defaultSeverity: { numbering_irregular: "warning" },
  perCell: true,
  checkRow(row, emit) {
    if (isItemPerRow(row)) return;
    const { items, sections } = row.cell;
    if (sections === undefined || sections.length === 0) {
      // A project's later row numbers on from the row above (`2、` under `1、`: ProjectRows).
      // A category column's cell may number on from the cell above or left of it, or from 1 again.
      const rows = row.projectRows;
      if (anyNumbered(items)) checkRun(emit, row, items, 0, items.length, dominantStyle(items), rows?.numbersOn ?? rows?.numberedFrom ?? 0);
      return;
    }
    checkSectioned(emit, row, items, sections);
  },
};

/** Where an item of a sectioned cell stands: in a section, in the outer sequence with the
 * headings, or in a run of other items of no section. */
const IN_SECTION = 0;
const OUTER = 1;
const LOOSE = 2;

/**
 * A cell written in sections: the outer sequence (the headings, and the items of no section
 * numbered like them: `1、产出指标：1）…；2）…。2、效益指标：…` is heading 1, item 2), then the items
 * of each section (or sub-heading), and each run of the other items of no section (before the
 * first heading, numbered another way), each on its own.
 */
function checkSectioned(emit: Emit, row: RowContext, items: readonly IndicatorItem[], sections: readonly CellSection[]): void {
  const headingStyle = dominantStyle(sections);
  // Sectioned cells are few: a flag per item costs nothing worth a scratch buffer.
  const outside = new Uint8Array(items.length).fill(LOOSE);
  for (const section of sections) outside.fill(IN_SECTION, section.firstItem - 1, section.firstItem - 1 + section.itemCount);
  let joined = false;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as IndicatorItem;
    if (outside[k] === LOOSE && headingStyle !== "none" && item.number !== undefined && item.numberingStyle === headingStyle) {
      outside[k] = OUTER;
      joined = true;
    }
  }
  const outer = joined ? outerSequence(items, sections, outside) : sections;
  if (anyNumbered(outer)) checkRun(emit, row, outer, 0, outer.length, dominantStyle(outer));
  if (!anyNumbered(items)) return;
  const style = dominantStyle(items, outside);
  for (let k = 0; k < items.length; ) {
    if (outside[k] !== LOOSE) {
      k++;
      continue;
    }
    const from = k;
    while (k < items.length && outside[k] === LOOSE) k++;
    checkRun(emit, row, items, from, k, style);
  }
  for (const section of sections) {
    const from = section.firstItem - 1;
    const to = from + section.itemCount;
    const subs = section.subsections;
    if (subs === undefined || subs.length === 0) {
      checkRun(emit, row, items, from, to, style);
      continue;
    }
    if (anyNumbered(subs)) checkRun(emit, row, subs, 0, subs.length, dominantStyle(subs));
    const beforeSub = (subs[0] as CellSubsection).firstItem - 1;
    if (beforeSub > from) checkRun(emit, row, items, from, beforeSub, style);
    for (const sub of subs) checkRun(emit, row, items, sub.firstItem - 1, sub.firstItem - 1 + sub.itemCount, style);
  }
}

/** The headings and the items marked OUTER, in the order of the cell. */
function outerSequence(items: readonly IndicatorItem[], sections: readonly CellSection[], outside: Uint8Array): Numbered[] {
  const outer: Numbered[] = [];
  let s = 0;
  for (let k = 0; k < items.length; k++) {
    if (outside[k] !== OUTER) continue;
    const item = items[k] as IndicatorItem;
    while (s < sections.length && (sections[s] as CellSection).span.start < item.span.start) outer.push(sections[s++] as CellSection);
    outer.push(item);
  }
  while (s < sections.length) outer.push(sections[s++] as CellSection);
  return outer;
}

type IrregularKind = NumberingFinding["kind"];

/** What the rule reads of an item and of a section heading or sub-heading alike. */
type Numbered = IndicatorItem | CellSection | CellSubsection;

/**
 * Checks the numbers of list[from, to): the items of one section (or of the whole cell), or the
 * section headings (with the items among them, see checkSectioned), or a section's
 * sub-headings. Positions count from 1 at `from`, or from `from + 1` when the
 * first number carries on from the items before (`3、` first under `二、效益指标`), or from
 * `carry` + 1 when the row numbers on from the row above (ProjectRows.numberedFrom).
 */
function checkRun(emit: Emit, row: RowContext, list: readonly Numbered[], from: number, to: number, style: NumberingStyle, carry = 0): void {
  const seen = SEEN;
  seen.clear();
  const offset = carry > 0 ? carry : from > 0 && list[from]?.number === from + 1 ? from : 0;
  let previous: Numbered | undefined;
  for (let k = from; k < to; k++) {
    const entry = list[k] as Numbered;
    const number = entry.number;
    const expected = k - from + 1 + offset;
    if (number === undefined) {
      report(emit, row, entry, "unnumbered", expected);
      continue;
    }
    if (entry.numberingStyle !== style) {
      report(emit, row, entry, "mixedStyle", expected);
    } else if (k === from && number !== 1 + offset) {
      report(emit, row, entry, "notFromOne", expected);
    } else if (number !== expected) {
      // An item at its own position is no gap or duplicate: what went wrong went wrong before it.
      if (seen.has(number)) report(emit, row, entry, "duplicate", expected, firstWith(list, from, k, number));
      else if (previous?.number !== undefined && number < previous.number) report(emit, row, entry, "backward", expected, undefined, previous);
      else if (previous?.number !== undefined && number !== previous.number + 1) report(emit, row, entry, "gap", expected);
    }
    seen.add(number);
    previous = entry;
  }
}

/** The 1-based position (item index, or heading index) of the first of list[from, to) numbered
 * `number`; 0 when that is not of the same kind as list[to] (a heading's number repeated by an
 * item among the headings: the finding then names no item). */
function firstWith(list: readonly Numbered[], from: number, to: number, number: number): number {
  for (let k = from; k < to; k++) {
    const entry = list[k] as Numbered;
    if (entry.number === number) return isHeading(entry) === isHeading(list[to] as Numbered) ? entry.index : 0;
  }
  return 0;
}

/** A section heading or sub-heading, not an item. */
function isHeading(entry: Numbered): entry is CellSection | CellSubsection {
  return "firstItem" in entry;
}

/** One finding; its params and span are built only for an offending item or heading. */
function report(
  emit: Emit,
  row: RowContext,
  entry: Numbered,
  kind: IrregularKind,
  expected: number,
  first?: number,
  previous?: Numbered,
): void {
  const span = numberSpan(entry);
  const finding: NumberingFinding = { written: writtenNumber(entry), expected, kind };
  if (first) finding.first = first;
  if (previous) finding.previous = writtenNumber(previous);
  if (isHeading(entry)) {
    // A heading that writes a 二级 alone (`数量指标：`, its 一级 inferred) is titled by that 二级.
    const title = "level1Raw" in entry && entry.level1Inferred !== true ? entry.level1Raw : (entry.level2Raw as string);
    emitSpan(emit, row, "numbering_irregular", { heading: entry.index, title, ...finding }, span);
  } else {
    emitItem(emit, row, entry as IndicatorItem, "numbering_irregular", { item: entry.index, ...finding }, span ? { span } : {});
  }
}

function anyNumbered(list: readonly Numbered[]): boolean {
  for (let i = 0; i < list.length; i++) if ((list[i] as Numbered).number !== undefined) return true;
  return false;
}

/** A counter slot per style: a Record, so a style added to NumberingStyle must be given one. */
const STYLE_SLOT: Readonly<Record<NumberingStyle, number>> = { dun: 0, dot: 1, paren: 2, closeParen: 3, circled: 4, hanzi: 5, parenHanzi: 6, none: 7 };
/** Items per style of the cell being checked (scratch: rules run synchronously). */
const STYLE_COUNTS = new Uint16Array(Object.keys(STYLE_SLOT).length);

/** The style most numbered items (or headings) use; on a tie, the style that reached the count
 * first (the first item's, usually). With `outside`, only the items it does not mark OUTER. */
function dominantStyle(list: readonly Numbered[], outside?: Uint8Array): NumberingStyle {
  STYLE_COUNTS.fill(0);
  let best: NumberingStyle = "none";
  let bestCount = 0;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as Numbered;
    if (entry.number === undefined || outside?.[i] === OUTER) continue;
    const style = entry.numberingStyle;
    const k = STYLE_SLOT[style];
    const n = (STYLE_COUNTS[k] ?? 0) + 1;
    STYLE_COUNTS[k] = n;
    if (n > bestCount) {
      best = style;
      bestCount = n;
    }
  }
  return best;
}

/** The numbers seen so far in a run: a bit mask for the usual small numbers, a set for the rest
 * (no set at all for most cells). One scratch instance: rules run synchronously. */
class Seen {
  private small = 0;
  private large: Set<number> | undefined;

  clear(): void {
    this.small = 0;
    this.large?.clear();
  }

  has(n: number): boolean {
    if (n >= 0 && n < 31) return (this.small & (1 << n)) !== 0;
    return this.large?.has(n) ?? false;
  }

  add(n: number): void {
    if (n >= 0 && n < 31) this.small |= 1 << n;
    else (this.large ??= new Set<number>()).add(n);
  }
}

const SEEN = new Seen();

function writtenNumber(entry: Numbered): string {
  return entry.numberRaw ?? (entry.number !== undefined ? String(entry.number) : "");
}

/** The number as written sits at the start of the item's (or heading's) raw text. */
function numberSpan(entry: Numbered): Span | undefined {
  if (!entry.numberRaw) return undefined;
  const at = entry.raw.indexOf(entry.numberRaw);
  return at < 0 ? undefined : { start: entry.span.start + at, end: entry.span.start + at + entry.numberRaw.length };
}
