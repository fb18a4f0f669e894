import type { IndicatorItem, ParsedCell, ParsedValue, RuleCode, TextEdit } from "../model";
import { foldCode, isDigit, isHan, joinLines } from "../parse/normalizeText";
import { parseIndicatorCell } from "../parse/parseCell";
import { isRatioUnit, leadWordsEnd } from "../parse/parseValue";
import { MARKER, readMarker, startsLikeNumber } from "../parse/readMarker";
import { sameValueFields } from "../parse/shapes";
import { HAN_DIGITS, HAN_POWERS, SUFFIX_WORDS, isPercentInWords, isTimeUnit, WITHIN_SUFFIX } from "../parse/valueWords";
import { compactFolded, fullCategoryWord } from "../parse/vocabulary";
import { writtenUnit } from "../parse/nameUnit";
import { applyFixEdits } from "./applyFixEdits";
import { labelInsertion } from "./labelInsertion";
import { categoryNormalization } from "./categoryNormalization";
import { level1Insertion } from "./level1Insertion";
import { asciiNumber, foldWidth, removeLast, sameSignificant, sameSignificantWithout, THOUSANDS_SEPARATOR } from "./text";

/**
 * The canonical text of an indicator cell (DOMAIN.md §4):
 * `{n}、{一级指标}：{三级指标名称}，年度指标值：{value}。` for n = 1, 2, …, concatenated.
 *
 * The cleaner normalises form, never content:
 * - the 一级 and a written 二级 are kept as the author wrote them (`效果指标`, `产出指数` stay:
 *   an old or unknown category is for the author to fix), a known one written short in full
 *   (`满意度` → `满意度指标`, `产出指标（数量）` → `产出指标（数量指标）`: fullCategoryWord); a written
 *   二级 becomes `一级（二级）`, an inferred one is not written; a 二级 written alone gets the 一级
 *   inferred from it (`数量指标：` → `产出指标（数量指标）：`, level1_missing's fix);
 * - quantitative values become `{glyph}{ASCII number}{unit}` (`80%以上` → `≥80%`,
 *   `不少于３次` → `≥3次`, `１,000元` → `1000元`, and an operator said twice the same way,
 *   `达到90%以上` → `≥90%`, or after the weak `达到`, `达到5%以下` → `≤5%`; `≥90%以下` says two
 *   things and is kept); qualitative, time, garbled and placeholder values are kept as written,
 *   trimmed, so the rules still see them;
 * - a missing value is written as an empty label, `年度指标值：。`, or with the operator written
 *   without a number, `年度指标值：≥人。` — the parser reads it as an `empty` value, so
 *   value_missing still fires on the cleaned text — where the author marked its place: a label
 *   (`，指标值：`), a separator after the name (`基层党建水平指标，`) or an operator; an unlabelled
 *   item with nothing after its text (`2、效益指标：项目带动作用，促进区域经济社会发展`) is written
 *   without a label, `2、效益指标：项目带动作用，促进区域经济社会发展。` (valueNeverPlaced): where its
 *   name ends is a guess, and a label after all of it would put an empty value after what may be
 *   the author's own, unread one;
 * - an item with neither name nor value (a cell cut off after `3、效益指标`) is kept verbatim:
 *   the canonical frame around nothing would only hide where the text stops;
 * - text before the first item (cell.leading) is kept verbatim; a cell without items (prose)
 *   is returned unchanged;
 * - a cell written in sections (`一、产出指标\n1、数量指标：培训人数…`) is flattened: each
 *   heading's 一级 is written into the items that took it (`1、产出指标（数量指标）：培训人数…`),
 *   and a heading's or sub-heading's 二级 into those that write none (`一、产出指标（数量指标）`,
 *   `（一）数量指标`), the headings themselves are dropped, and the items are numbered 1, 2, …
 *   across the cell — unless an item would be kept verbatim or a heading's 一级 or 二级 would
 *   survive in no rewritten item (see everyHeadingKept), then the cell is kept as written.
 * - a cell with an item number read out of a digit run (`：42、效益指标`: the value 4, item 2) is
 *   kept as written unless that number is already the item's position;
 * Every item is checked after rewriting: if its letters and digits are not exactly the ones
 * the author wrote (a value with a remark the parser did not model, say), or if the parser
 * reads the rewritten item differently, the item is kept verbatim rather than lose a word.
 */
export function canonicalCellText(cell: ParsedCell): string {
  return canonicalCellForm(cell).text;
}

/** canonicalCellText, and for a cell it changes, which items of the cleaned text are in
 * canonical form (what isCanonicalItem says of each item of the cleaned text read back),
 * found while the cleaned text is checked, so a caller needs no further parse. */
export interface CanonicalCellForm {
  text: string;
  /** Present when `text` differs from the cell's own text. */
  canonicalItems?: boolean[];
  /** With canonicalItems, when some item is not canonical: for each item of the cleaned text kept
   * as written, the canonicalisation codes that no longer hold on it (keptInPlace numbers it and
   * makes its fixes); [] for a canonical item, of which every such code is settled. */
  keptItemCodes?: RuleCode[][];
}

/** What the cleaner of one sheet remembers between cells: the read-back of each canonical item
 * text (canonicalItem parses every rewritten item back), and the canonical forms of the items
 * of cleaned cells, which canonicalCellForm rewrites a second time. Tables repeat their
 * indicator items from project to project, so most of these are met again. Parsing and
 * canonicalItem are pure and their results are only read, so a remembered result is as good as
 * a new one. */
export class ReadBacks {
  /** Read-backs by the parts of the canonical text (name → value → head → index): each part
   * is a short string, often one already hashed, and each Map stays small (80 names in the
   * bench), where the whole text would be a fresh string to flatten and hash against a Map of
   * tens of thousands, a cache miss or two per lookup. Different parts that spell the same text
   * (no head, and a name holding `：`) merely parse it twice. */
  private readonly byParts = new Map<string, Map<string, Map<string, ReadBack[]>>>();
  private size = 0;
  /** Bounds the memory a sheet of mostly unique texts could pin. */
  private static readonly LIMIT = 100_000;

  /** The read-back of `text`, the canonical item `index、head：name，年度指标值：value。`. */
  readBack(index: number, head: string, name: string, value: string, text: string): ReadBack {
    let byValue = this.byParts.get(name);
    if (!byValue) {
      byValue = new Map();
      this.byParts.set(name, byValue);
    }
    let byHead = byValue.get(value);
    if (!byHead) {
      byHead = new Map();
      byValue.set(value, byHead);
    }
    let byIndex = byHead.get(head);
    if (!byIndex) {
      byIndex = [];
      byHead.set(head, byIndex);
    }
    let readBack = byIndex[index];
    if (!readBack) {
      if (this.size >= ReadBacks.LIMIT) {
        this.byParts.clear();
        this.size = 0;
      }
      readBack = { items: parseIndicatorCell(text).items, again: [] };
      byIndex[index] = readBack;
      this.size++;
    }
    return readBack;
  }

  /** canonicalItem of an item of a cleaned cell read back, remembered; `first` is the form the
   * first rewrite gave the item at its place. Its read-back holds the memos, so this costs no
   * lookup. */
  formAgain(item: IndicatorItem, cellText: string, first: ItemForm | undefined): ItemForm {
    const readBack = first?.readBack;
    return readBack ? remembered(readBack.again, item, cellText, this) : canonicalItemForm(item, cellText, this);
  }
}

/** A text read on its own, and the canonical forms of the items of cleaned cells that were
 * rewritten to it (the same canonical item recurs in many cleaned cells). */
interface ReadBack {
  items: IndicatorItem[];
  again: ItemMemo[];
}

/** One remembered canonicalItem: the item it was computed for, with its label as written. */
interface ItemMemo {
  item: IndicatorItem;
  label: string;
  form: ItemForm;
}

/** The form of the first memo whose item has the same inputs, else a new one, remembered. */
function remembered(memos: ItemMemo[], item: IndicatorItem, cellText: string, readBacks: ReadBacks): ItemForm {
  const label = labelText(item, cellText);
  for (let i = 0; i < memos.length; i++) {
    const memo = memos[i] as ItemMemo;
    if (memo.label === label && sameInputs(memo.item, item)) return memo.form;
  }
  const form = canonicalItemForm(item, cellText, readBacks);
  if (memos.length < MEMOS_PER_READ_BACK) memos.push({ item, label, form });
  return form;
}

/** Cleaned items read back as the same text almost always read the same (one memo); the bound
 * keeps a text that reads many ways from growing a list searched on every lookup. */
const MEMOS_PER_READ_BACK = 8;

/** The label as written in the cell; empty when the item has none. */
function labelText(item: IndicatorItem, cellText: string): string {
  return item.labelSpan ? cellText.slice(item.labelSpan.start, item.labelSpan.end) : "";
}

/** Whether canonicalItem reads the same of both items (the written label aside, which the
 * caller compares): every field it, itemHead, canonicalValueText, keepsContent and sameMeaning
 * read. A field added to any of them must be added here. */
function sameInputs(a: IndicatorItem, b: IndicatorItem): boolean {
  return (
    a.index === b.index &&
    a.raw === b.raw &&
    a.name === b.name &&
    a.numberRaw === b.numberRaw &&
    a.label === b.label &&
    a.level1Raw === b.level1Raw &&
    a.level1 === b.level1 &&
    a.level1Source === b.level1Source &&
    a.level2Raw === b.level2Raw &&
    a.level2 === b.level2 &&
    a.level2Source === b.level2Source &&
    sameValueFields(a.value, b.value)
  );
}

/**
 * A bare value (`0`, `≥90%`, `**`): no category and no name to put before it. The cleaner keeps
 * it as written (`1、，年度指标值：0。` would only dress the gap up) and value_label_missing does
 * not ask for a label: what it lacks is its category and name (category_unknown).
 */
export function isBareValue(item: IndicatorItem): boolean {
  return item.name === "" && itemHead(item) === "";
}

/**
 * A line of prose among the items (`（注：数据来源于统计年鉴）`): no number, category, 二级, label or
 * value, so nothing says it is an indicator; dressing it as one would invent its structure. It
 * is kept as written; before other items, the whole cell is (renumbering around it would move
 * the author's numbers: `1、…（注：…）2、…` is no `1、…（注：…）3、…`).
 */
function isProseItem(item: IndicatorItem): boolean {
  return item.number === undefined && item.level1Raw === undefined && item.level2Raw === undefined && item.label === undefined && item.value.kind === "empty";
}

function hasProseBeforeItems(cell: ParsedCell): boolean {
  for (let i = 0; i < cell.items.length - 1; i++) if (isProseItem(cell.items[i] as IndicatorItem)) return true;
  return false;
}

export function canonicalCellForm(cell: ParsedCell, readBacks: ReadBacks = new ReadBacks()): CanonicalCellForm {
  if (cell.items.length === 0 || renumbersGluedNumber(cell) || hasProseBeforeItems(cell)) return { text: cell.text };
  const first = rewriteCell(cell, readBacks, undefined);
  const cleaned = first.text;
  if (cleaned === cell.text) return { text: cleaned };
  if (cell.sections !== undefined && !everyHeadingKept(cell, first.items)) return { text: cell.text };
  // The whole cell, read back, must hold the same items and be its own canonical form; else a
  // verbatim item changed how its neighbours read (`产出指标。≥` re-read as a heading and an
  // item) and the author's text is safer than a cleaning that would shift on every pass.
  const reread = parseIndicatorCell(cleaned);
  if ((reread.leading?.text ?? "") !== (cell.leading?.text ?? "")) return { text: cell.text };
  if (reread.items.length !== cell.items.length || !reread.items.every((item, i) => sameMeaning(item, cell.items[i]))) return { text: cell.text };
  const again = rewriteCell(reread, readBacks, first.items);
  if (again.text !== cleaned) return { text: cell.text };
  const canonicalItems = again.items.map((c, i) => c.rewritten && c.text === reread.items[i]?.raw);
  const form: CanonicalCellForm = { text: cleaned, canonicalItems };
  if (!canonicalItems.every(Boolean)) form.keptItemCodes = reread.items.map((item, i) => (canonicalItems[i] ? [] : settledCodes(item, cleaned)));
  return form;
}

/** Whether an item's number was read out of the end of a digit run (`：42、效益指标` is the value 4
 * and item 2) and the cleaned text would write another number there: where the run splits is
 * the parser's guess, and renumbering would erase digits that may be the value's. */
function renumbersGluedNumber(cell: ParsedCell): boolean {
  for (const item of cell.items) {
    const start = item.span.start;
    if (item.number !== undefined && item.number !== item.index && start > 0 && isDigit(foldCode(cell.text.charCodeAt(start - 1)))) return true;
  }
  return false;
}

/** Whether the flattened cell loses nothing of the headings it drops and is numbered 1, 2, …
 * throughout: every item is rewritten (one kept verbatim keeps its own number, or none, among the
 * renumbered: `第2项缺少序号` on the next check), and each heading's 一级, and each 二级 a heading
 * or sub-heading writes, is written into at least one rewritten item (a heading whose items all
 * write their own, or over nothing, `四、成本指标\n无`, would be lost). */
function everyHeadingKept(cell: ParsedCell, forms: readonly ItemForm[]): boolean {
  for (let i = 0; i < cell.items.length; i++) if (forms[i]?.rewritten !== true) return false;
  for (const section of cell.sections ?? []) {
    const from = section.firstItem - 1;
    const to = from + section.itemCount;
    if (!takenIn(cell.items, from, to, section.level2Raw)) return false;
    for (const sub of section.subsections ?? []) {
      if (!takenIn(cell.items, sub.firstItem - 1, sub.firstItem - 1 + sub.itemCount, sub.level2Raw)) return false;
    }
  }
  return true;
}

/** Whether some item of items[from, to) took its heading's 一级, and the heading's 二级 `level2Raw`
 * when there is one: the words the rewritten item writes for the heading. */
function takenIn(items: readonly IndicatorItem[], from: number, to: number, level2Raw: string | undefined): boolean {
  for (let i = from; i < to; i++) {
    const item = items[i] as IndicatorItem;
    if (item.level1Source === "heading" && (level2Raw === undefined || (item.level2Source === "written" && item.level2Raw === level2Raw))) return true;
  }
  return false;
}

/** Every item of `cell` in canonical form; `first` holds the forms of the cell this one is the
 * cleaned text of, when it is one. */
function rewriteCell(cell: ParsedCell, readBacks: ReadBacks, first: readonly ItemForm[] | undefined): { text: string; items: ItemForm[] } {
  const items: ItemForm[] = [];
  for (let i = 0; i < cell.items.length; i++) {
    const item = cell.items[i] as IndicatorItem;
    items.push(first ? readBacks.formAgain(item, cell.text, first[i]) : canonicalItemForm(item, cell.text, readBacks));
  }
  // Among rewritten items, one kept as written is made to fit them (keptInPlace); a cell none of
  // whose items is rewritten keeps its numbering style, and its fixes are the checker's own.
  const rewrites = items.some((form) => form.rewritten);
  const parts: string[] = [];
  if (cell.leading) parts.push(cell.leading.text);
  for (let i = 0; i < cell.items.length; i++) {
    const item = cell.items[i] as IndicatorItem;
    const form = items[i] as ItemForm;
    parts.push(form.rewritten ? form.text : rewrites ? keptInPlace(item, cell.text) : numberedAsPlaced(item, form.text));
  }
  return { text: parts.join(""), items };
}

/** An item kept as written, its own number made its position when they differ: the items around
 * it are numbered 1, 2, …, and `3、` kept after a new `2、` would repeat the next one's number. */
function numberedAsPlaced(item: IndicatorItem, text: string): string {
  const written = item.numberRaw;
  if (item.number === undefined || item.number === item.index || written === undefined) return text;
  const at = text.indexOf(written);
  // The number opens the item, maybe after its bracket (`（3）`).
  if (at < 0 || at > 1) return text;
  return `${text.slice(0, at)}${item.index}${text.slice(at + written.length)}`;
}

/**
 * An item kept as written among rewritten ones (`(1)产出指标：年度指标值：不低于90％（资金拨付率）；`
 * before `(2)…`, `(3)…`), made to fit them: numbered `{n}、` like them, whatever its own number's
 * style or with none (`1、产出指标：…；2、…`: else the cleaned cell would mix styles, or hold an
 * unnumbered item, a numbering_irregular the original did not have), and with its own auto-fixes
 * made where they stand (ownFixes: `不低于90％` → `≥90%`, the label), else the next cleaning would
 * make them. An item that starts like a number the parser did not read, or a note, gets no number.
 */
function keptInPlace(item: IndicatorItem, cellText: string): string {
  const text = ownFixes(item, cellText);
  const lead = text.length - text.trimStart().length;
  if (item.number === undefined) {
    if (isProseItem(item) || unreadNumber(item)) return text;
    return `${text.slice(0, lead)}${item.index}、${text.slice(lead)}`;
  }
  const folded = foldWidth(text);
  // The whole marker (`(1)`, `（1 ）`, `①`, `一、`) becomes `{n}、`, as in a rewritten item.
  if (readMarker(folded, lead, folded.length, true) && MARKER.number === item.number) return `${text.slice(0, lead)}${item.index}、${text.slice(MARKER.end)}`;
  return numberedAsPlaced(item, text);
}

/** The item's text with the auto-fixes level1_missing, category_normalized, value_normalized and
 * value_label_missing make of it (the 一级 before a 二级 written alone, a short category word in
 * full, the value's canonical text, the missing label), each where it stands. */
function ownFixes(item: IndicatorItem, cellText: string): string {
  const start = item.span.start;
  if (cellText.slice(start, item.span.end) !== item.raw) return item.raw;
  const edits: TextEdit[] = [];
  for (const edit of [level1Insertion(item, cellText), ...categoryNormalization(item, cellText), valueNormalization(item.value), labelInsertion(item, cellText)]) {
    if (edit !== undefined && edit.span.start >= start && edit.span.end <= item.span.end) edits.push({ span: { start: edit.span.start - start, end: edit.span.end - start }, text: edit.text });
  }
  return edits.length === 0 ? item.raw : applyFixEdits(item.raw, edits);
}

/** value_normalized's edit of a value written in another form than its canonical text, where it
 * stands; undefined when it is canonical (or has nothing to write). */
export function valueNormalization(value: ParsedValue): TextEdit | undefined {
  if (value.kind === "empty") return undefined;
  const canonical = canonicalValueText(value);
  return canonical === value.raw || canonical === "" ? undefined : { span: value.span, text: canonical };
}

/** The canonicalisation codes that no longer hold on an item of a cleaned text that was kept as
 * written (keptInPlace): numbered at its place, its value canonical, its label there. */
function settledCodes(item: IndicatorItem, cellText: string): RuleCode[] {
  const codes: RuleCode[] = [];
  if (item.number === item.index && item.numberingStyle === "dun") codes.push("numbering_irregular");
  if (valueNormalization(item.value) === undefined) codes.push("value_normalized");
  if (labelInsertion(item, cellText) === undefined) codes.push("value_label_missing");
  if (level1Insertion(item, cellText) === undefined) codes.push("level1_missing");
  if (categoryNormalization(item, cellText).length === 0) codes.push("category_normalized");
  return codes;
}

/** The canonical label every item gets. */
export const CANONICAL_LABEL = "年度指标值";

export interface CanonicalItem {
  text: string;
  /** False when the item was kept verbatim because rewriting it would have lost content. */
  rewritten: boolean;
}

/** One item in canonical form, or its raw text when canonicalising would lose content.
 * `cellText` is the text the item's spans point into (to read the label as written). */
export function canonicalItem(item: IndicatorItem, cellText: string, readBacks?: ReadBacks): CanonicalItem {
  const { text, rewritten } = canonicalItemForm(item, cellText, readBacks);
  return { text, rewritten };
}

/** A canonical item with, when rewritten, the read-back of its text (see ReadBacks.formAgain). */
interface ItemForm extends CanonicalItem {
  readBack?: ReadBack;
}

function canonicalItemForm(item: IndicatorItem, cellText: string, readBacks: ReadBacks | undefined): ItemForm {
  // No name (`1、产出指标：≥100人`): `产出指标：，年度指标值：≥100人` would dress the gap up; kept for its author.
  if (item.name === "") return { text: item.raw, rewritten: false };
  if (isBareValue(item) || isProseItem(item) || unreadNumber(item)) return { text: item.raw, rewritten: false };
  const head = itemHead(item);
  const value = canonicalValueText(item.value);
  // A note the item took in (`…≥100人。（注：数据来源于统计年鉴）`) follows it as written.
  const note = trailingNote(item, cellText);
  if (!keepsContent(item, cellText, value, note)) return { text: item.raw, rewritten: false };
  const unplaced = valueNeverPlaced(item);
  // A name wrapped over lines (`完成老旧小区\n改造数量`, pasted from Word) is written on one.
  const name = joinLines(item.name);
  const canonical = `${item.index}、${head ? `${head}：` : ""}${name}${unplaced ? "" : `，${CANONICAL_LABEL}：${value}`}。`;
  const text = note === "" ? canonical : `${canonical}${note}`;
  // Read back, the rewritten item must say what the original said: a label changes how some
  // texts split (`1、指标:）` reads as a name alone, `1、指标:），年度指标值：` as category + name).
  // (ReadBacks knows the labelled form of these parts; the rare unlabelled one is read afresh.)
  const readBack = readBacks && !unplaced ? readBacks.readBack(item.index, head, name, value, canonical) : undefined;
  const reread = readBack ? readBack.items : parseIndicatorCell(canonical).items;
  if (reread.length !== 1 || !sameMeaning(reread[0], item)) return { text: item.raw, rewritten: false };
  return { text, rewritten: true, readBack };
}

/**
 * An unlabelled item with no value whose text runs to its end with nothing marking where a value
 * would go (no separator, no operator after the name): `2、效益指标：项目带动作用，促进区域经济社会发展。`.
 * The parser took all of it for the name, but the tail may be a value it could not read; writing
 * `，年度指标值：。` after it would invent an empty value behind the author's (DOMAIN.md §4: the
 * cleaner never invents content). Its canonical form has no label (`{n}、{一级}：{name}。`),
 * value_missing stays on it. `基层党建水平指标，` (the author's comma says the value is missing
 * there) is rewritten with the empty label.
 */
function valueNeverPlaced(item: IndicatorItem): boolean {
  const value = item.value;
  return item.label === undefined && value.kind === "empty" && value.raw === "" && item.nameSpan.end >= value.span.start;
}

/** An item without a number that starts like one (`1 培训人数…`, `一是培训人数…`, `a.培训人数…`: a
 * number the parser could not read safely): `1、` before it would number it twice. */
function unreadNumber(item: IndicatorItem): boolean {
  if (item.number !== undefined) return false;
  const head = foldWidth(item.raw.slice(0, UNREAD_NUMBER_PROBE));
  return startsLikeNumber(head, 0, head.length);
}

/** Enough of an item to see a number at its start: `第十二，`, `123 、` and what follows. */
const UNREAD_NUMBER_PROBE = 12;

/** The fields a reader of the table relies on, compared after re-reading a rewritten item. */
function sameMeaning(a: IndicatorItem | undefined, b: IndicatorItem | undefined): boolean {
  if (!a || !b) return false;
  const va = a.value;
  const vb = b.value;
  return (
    a.level1 === b.level1 &&
    level1Word(a) === level1Word(b) &&
    a.level2 === b.level2 &&
    (a.level2Source === "written") === (b.level2Source === "written") &&
    joinLines(a.name) === joinLines(b.name) &&
    va.kind === vb.kind &&
    va.operator === vb.operator &&
    va.number === vb.number &&
    va.upper === vb.upper &&
    va.unit === vb.unit &&
    va.text === vb.text &&
    va.placeholder === vb.placeholder &&
    va.garbled === vb.garbled
  );
}

/** The 一级 as the cleaned text writes it: written short in full, or inferred from the 二级 (a
 * rewritten `数量指标：…` reads back with `产出指标` written); compact. */
function level1Word(item: IndicatorItem): string {
  if (item.level1Raw === undefined) return item.level1Source === "inferred" ? (item.level1 ?? "") : "";
  return compactFolded(fullCategoryWord(item.level1Raw));
}

/** Whether an item already stands in canonical form (what the cleaner would write for it). */
export function isCanonicalItem(item: IndicatorItem, cellText: string): boolean {
  const canonical = canonicalItem(item, cellText);
  return canonical.rewritten && canonical.text === item.raw;
}

/** `一级` or `一级（二级）` as the cleaned text writes it: as written (the 一级 a section heading gave
 * included), a known word written short in full (`满意度` → `满意度指标`, `（数量）` → `（数量指标）`),
 * and the 一级 a 二级 written alone belongs to (`数量指标` → `产出指标（数量指标）`); empty when the
 * item names no category. A known word written with spaces inside (`效益 指标`) loses them. */
function itemHead(item: IndicatorItem): string {
  const level1 = item.level1Source === "inferred" ? (item.level1 as string) : categoryWord(item.level1Raw ?? item.level1 ?? "", item.level1 !== undefined);
  const level2 = writtenLevel2(item);
  return level2 ? `${level1}（${level2}）` : level1;
}

/** The 二级 the cleaned text writes, when the item wrote one (a known one without spaces inside,
 * in full). */
function writtenLevel2(item: IndicatorItem): string {
  return item.level2Source === "written" ? categoryWord(item.level2Raw ?? item.level2 ?? "", item.level2 !== undefined) : "";
}

/** A category word as the cleaned text writes it: a known one compact and in full, any other as written. */
function categoryWord(word: string, known: boolean): string {
  const trimmed = word.trim();
  return known ? compactFolded(fullCategoryWord(trimmed)) : trimmed;
}

/** The 二级 as the item's text holds it, when it wrote one (a heading's or sub-heading's, when it
 * took that): what keepsContent finds of it in the item. */
function level2AsWritten(item: IndicatorItem): string {
  return item.level2Source === "written" ? (item.level2Raw ?? item.level2 ?? "").trim() : "";
}

/** The head as the item's text holds it, for keepsContent: its own 一级 as written (none when a
 * heading gave it or it was inferred) and its 二级 as written. */
function headAsWritten(item: IndicatorItem): string {
  const level2 = level2AsWritten(item);
  if (item.level1Source === "heading" || item.level1Source === "inferred") return level2;
  const level1 = (item.level1Raw ?? item.level1 ?? "").trim();
  return `${level1}${level2}`;
}

/**
 * The value as the canonical form writes it. Only well-read numbers are rewritten; anything
 * the parser flagged (garbled, placeholder) or could not spell back is kept as written.
 */
export function canonicalValueText(value: ParsedValue): string {
  const asWritten = value.raw.trim();
  if (value.garbled !== undefined || value.placeholder) return asWritten;
  // `不低于90%（以问卷为准）` → `≥90%（以问卷为准）`: the quantity before a remark is rewritten, the
  // remark follows as written (`不少于100人 其中骨干≥20人` → `≥100人 其中骨干≥20人`: its spaces too);
  // nothing changes when the quantity needs no change.
  const remark = value.remark;
  if (remark !== undefined && asWritten.endsWith(remark)) {
    const quantity = asWritten.slice(0, asWritten.length - remark.length).trim();
    const canonical = canonicalValueText({ ...value, raw: quantity, remark: undefined });
    return canonical === quantity ? asWritten : `${canonical}${remark.trimEnd()}`;
  }
  switch (value.kind) {
    case "empty":
      // Nothing, or an operator with no number (`≥人`): kept for the author to complete.
      return asWritten;
    case "qualitative":
    case "time":
      return asWritten;
    case "range": {
      // `９０％ ~ ９５％` → `90%~95%`, `2,000-3,000人` → `2000-3000人`: width, spaces and thousands
      // separators change, the connector is kept.
      const compact = foldWidth(asWritten).replace(/\s+/g, "").replace(THOUSANDS_SEPARATOR, "");
      return sameValueContent(asWritten, undefined, compact) ? compact : asWritten;
    }
    case "quantitative": {
      // A count in Chinese numerals keeps its numerals (`不少于三次` → `≥三次`): DOMAIN.md §4's digits
      // would change a character of what the author wrote.
      // So does a percentage in words, its `%` in them (`不低于百分之九十五` → `≥百分之九十五`).
      const inWords = isPercentInWords(value.numberRaw);
      const number = inWords ? value.numberRaw : (asciiNumber(value.numberRaw) ?? hanNumber(value.numberRaw));
      if (number === undefined) return asWritten;
      const glyph = value.operator !== undefined && value.operatorSource !== "implicit" ? value.operator : "";
      // Lead words stay before the glyph (`全年不少于4次` → `全年≥4次`); a unit read from the name's
      // note (`培训人数（人）` `≥100`) is not the value's to write.
      // A ratio's unit, its first term, stands before the number (`不低于1：5` → `≥1:5`).
      const unit = inWords ? "" : (writtenUnit(value) ?? "");
      const canonical = isRatioUnit(unit) ? `${writtenLead(asWritten)}${glyph}${unit}${number}` : `${writtenLead(asWritten)}${glyph}${number}${unit}`;
      const suffix = agreeingSuffix(value);
      const written = value.operator === "≥" || value.operator === "≤" ? withoutInclusiveNote(asWritten) : asWritten;
      return sameValueContent(written, value.operatorRaw, suffix === undefined ? canonical : canonical + suffix) ? canonical : asWritten;
    }
  }
}

/** A number written in Chinese numerals (`三`, `十二`, `一百`, `一千零五十`), as written; undefined for
 * anything else. */
function hanNumber(numberRaw: string | undefined): string | undefined {
  if (numberRaw === undefined || numberRaw === "") return undefined;
  for (const ch of numberRaw) if (!HAN_DIGITS.has(ch) && !HAN_POWERS.has(ch) && ch !== "零") return undefined;
  return numberRaw;
}

/** Where the lead words of a quantity as written end (`全年不少于4次` → 2, `力争 达到95%` → 3: spaces
 * after them included), 0 when it has none (see parse/valueWords LEAD_WORDS). */
function writtenLeadEnd(written: string): number {
  const folded = foldWidth(written);
  return leadWordsEnd(folded, 0, folded.length);
}

/** The lead words of a quantity as written, without spaces (`全年`, `确保`, `力争`), "" when none. */
function writtenLead(written: string): string {
  const end = writtenLeadEnd(written);
  return end === 0 ? "" : written.slice(0, end).replace(/\s+/g, "");
}

/** The value without a `（含）` / `(含)` note (`90%（含）以上`, `≥90%（含）`): an inclusive bound,
 * which `≥` and `≤` say already. The text as it is when it has none. */
function withoutInclusiveNote(written: string): string {
  const at = written.indexOf("含");
  if (at < 0) return written;
  let open = at - 1;
  while (open >= 0 && isBlank(written.charCodeAt(open))) open--;
  let close = at + 1;
  while (close < written.length && isBlank(written.charCodeAt(close))) close++;
  const o = written.charCodeAt(open);
  const c = written.charCodeAt(close);
  if ((o !== 0x28 && o !== 0xff08) || (c !== 0x29 && c !== 0xff09)) return written;
  return written.slice(0, open) + written.slice(close + 1);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09;
}

/**
 * The operator word after the number of a quantity whose operator was written before it too,
 * when both say the same (`≥90%以上`, `达到90%以上`, `不超过30万元以内`, `≤30天内` → `以上`, `以上`,
 * `以内`, `内`): the canonical form drops it with the prefix. The weak prefix `达到` takes the
 * suffix's direction (the parser reads `达到5%以下` as `≤`), so it always agrees: `≤5%`. Undefined
 * otherwise; a pair that disagrees (`≥90%以下`, `>90%以上`) is no doubled operator, and its value
 * is kept as written.
 */
export function agreeingSuffix(value: ParsedValue): string | undefined {
  const prefix = value.operatorRaw;
  if (value.kind !== "quantitative" || value.operatorSource === "implicit" || prefix === undefined) return undefined;
  const raw = value.raw.trim();
  if (!raw.startsWith(prefix, writtenLeadEnd(raw))) return undefined;
  for (const word of SUFFIX_WORDS) {
    if (word.operator === value.operator && raw.length > prefix.length + word.text.length && raw.endsWith(word.text)) return word.text;
  }
  // `内` is an operator only after a unit of time (`30天内`), as the parser reads it.
  const within = WITHIN_SUFFIX.text;
  const timeUnit = value.unit !== undefined && isTimeUnit(value.unit);
  return WITHIN_SUFFIX.operator === value.operator && timeUnit && raw.length > prefix.length + within.length && raw.endsWith(within) ? within : undefined;
}

/** The written value, its operator words taken out, says exactly what the canonical one says
 * (decimal points included, so `9.5` can never become `95`). */
function sameValueContent(written: string, operatorRaw: string | undefined, canonical: string): boolean {
  return sameSignificant(removeLast(written, operatorRaw), canonical, true);
}

/** The note after the item's value that the parser joined to it (`。（注：…）`, `\n（下达后10日内）`,
 * `；以实际为准`: whatever stands after the value and its terminator is one), as written; ended by
 * `。` when it ends in neither a bracket nor a terminator, so that the next item's number cannot
 * run on to it (`注：抽样调查2000份` before `3、`). "" when the item has none. */
function trailingNote(item: IndicatorItem, cellText: string): string {
  const value = item.value;
  if (value.kind === "empty") return "";
  let i = value.span.end;
  const end = item.span.end;
  while (i < end && NOTE_GAP.has(cellText[i] as string)) i++;
  if (i >= end) return "";
  const note = cellText.slice(i, end).trim();
  // A terminator the parser read (`.`, `、` before a run-on item) is no note: a note has words.
  if (!hasHan(note)) return "";
  return NOTE_ENDS.has(note[note.length - 1] as string) ? note : `${note}。`;
}

function hasHan(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isHan(text.charCodeAt(k))) return true;
  return false;
}

/** Where a note may end as it stands: a closing bracket or a terminator. */
const NOTE_ENDS = new Set(["）", ")", "。", "；", ";"]);

/** What may stand between a value and the note it is followed by: its terminator, white space. */
const NOTE_GAP = new Set(["。", "；", ";", "，", ",", " ", "\u3000", "\t", "\n", "\r"]);

/** The item's content (numbering, label and operator words aside) survives in the rewritten
 * head, name and `value`. The head is compared as the item writes it (headAsWritten): a 一级
 * taken from a section heading or inferred from the 二级, and the `指标` a short word gets, are no
 * text of the item's — only its own 一级 and its 二级, which is the item's own or, when the item
 * wrote none, its sub-heading's or heading's (`（一）数量指标` over `1、培训人数…`): either way,
 * nothing the item wrote may be missing. */
function keepsContent(item: IndicatorItem, cellText: string, value: string, note = ""): boolean {
  const label = item.labelSpan ? cellText.slice(item.labelSpan.start, item.labelSpan.end) : "";
  // The head as the item writes it: the words the cleaned head adds (a heading's or an inferred
  // 一级, the 指标 of a short word) are no words of the item's own.
  const ownHead = headAsWritten(item);
  // A doubled operator's suffix (`≥90%以上`) is dropped from `value` with the prefix: it counts as kept.
  const suffix = agreeingSuffix(item.value);
  const rewritten = suffix !== undefined && !value.endsWith(suffix) ? [ownHead, item.name, value, suffix] : [ownHead, item.name, value];
  // So does an inclusive note (`90%（含）以上` → `≥90%`), which stands before the suffix.
  if (value !== item.value.raw.trim() && withoutInclusiveNote(item.value.raw) !== item.value.raw) rewritten.splice(3, 0, "含");
  if (note !== "") rewritten.push(note);
  if (sameSignificantWithout(item.raw, item.numberRaw, label || item.label, item.value.operatorRaw, rewritten)) return true;
  if (item.level1Source !== "heading" || ownHead === "") return false;
  rewritten[0] = "";
  return sameSignificantWithout(item.raw, item.numberRaw, label || item.label, item.value.operatorRaw, rewritten);
}
