import type { IndicatorItem, Level2, ParsedValue, Span } from "../model";
import { isDigit, isHan, isOperatorGlyph, isWhitespace } from "./normalizeText";
import { endsInWords, gluedWordValueStart, isThousandsSeparator, isValueRemark, looksLikeValue, prefixWordAt, ratioSecondAt, readValue, valueOpenersBefore } from "./parseValue";
import { HEAD, readHead } from "./readHead";
import { isCutLabel, isLabelStub } from "./readLabel";
import type { SegmentCursor } from "./segmentCell";
import { internSlice, internSpan, internText, type ValueTable } from "./intern";
import { newItem } from "./shapes";
import { withNameUnit } from "./nameUnit";
import { HAN_DIGITS, HAN_POWERS, PERCENT_WORDS, RANGE_SEPARATORS, START_WORDS } from "./valueWords";
import { inferLevel2At, LEVEL1_SYNONYMS, LEVEL2_SYNONYMS } from "./vocabulary";

const COLON = 0x3a;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const OPEN = 0x28;
const CLOSE = 0x29;

function isSeparator(c: number): boolean {
  return c === COLON || c === COMMA || c === SEMICOLON;
}

/**
 * Reads one item of a cell: `<number>、<一级>[二级]：<name>，[label：]<value><terminator>`.
 * `text` is the cell as typed, `folded` its foldWidth; `at` holds the item's extent (see
 * SegmentCursor); every span is a cell offset.
 */
export function parseItem(text: string, folded: string, at: SegmentCursor, index: number, values?: ValueTable): IndicatorItem {
  const cs = at.contentStart;
  const ce = at.contentEnd;
  const labelled = at.hasLabel;
  const regionEnd = labelled ? at.labelStart : ce;
  let hasHead = readHead(folded, cs, regionEnd);
  // `成本控制率：≤100%` is a name and its value, not the unknown category `成本控制率`.
  if (hasHead && HEAD.unknown && !labelled && restIsBareValue(text, folded, HEAD.end, ce)) hasHead = false;
  // HEAD is scratch: what the item needs is copied before readValue runs.
  const headEnd = HEAD.end;
  const level1Start = HEAD.level1Start;
  const level1End = HEAD.level1End;
  const level1 = HEAD.level1;
  const level2Start = HEAD.level2Start;
  const level2End = HEAD.level2End;
  const level2 = HEAD.level2;
  const nameStart = hasHead ? headEnd : cs;

  let nameEnd: number;
  let value: ParsedValue;
  let nameSpan: Span | undefined;
  if (labelled) {
    nameEnd = at.labelStart;
    const valueEnd = trimSeparatorsEnd(folded, at.valueStart, ce);
    // `产出指标：年度指标值：≥90%（资金拨付率）`: the label right after the head, the name in brackets
    // after the value.
    const open = hasHead && isBlank(folded, nameStart, nameEnd) ? bracketedNameStart(folded, at.valueStart, valueEnd) : -1;
    if (open >= 0) {
      nameSpan = trimName(folded, open + 1, valueEnd - 1);
      value = readValue(text, folded, at.valueStart, trimSeparatorsEnd(folded, at.valueStart, open));
    } else {
      value = readValue(text, folded, at.valueStart, valueEnd);
    }
  } else {
    value = splitUnlabelled(text, folded, nameStart, ce, hasHead || at.hasMarker);
    nameEnd = splitNameEnd;
  }
  nameSpan ??= trimName(folded, nameStart, Math.max(nameStart, nameEnd));
  const name = internSlice(text, nameSpan.start, nameSpan.end);
  value = withNameUnit(value, name);
  shareValueTexts(value);
  if (values) value = values.intern(value);

  const item = newItem(index, at.hasMarker ? at.marker.style : "none", name, nameSpan, value, text.slice(at.start, at.end), internSpan(at.start, at.end));
  if (at.hasMarker) {
    item.number = at.marker.number;
    item.numberRaw = internSlice(text, at.marker.digitsStart, at.marker.digitsEnd);
  }
  if (hasHead) {
    if (level1Start >= 0) {
      item.level1Raw = writtenWord(text, level1Start, level1End, LEVEL1_WORDS);
      item.level1Span = internSpan(level1Start, level1End);
      item.level1Source = "written";
      if (level1 !== undefined) item.level1 = level1;
    }
    if (level2 !== undefined && item.name === "" && item.value.kind !== "empty" && level1Start >= 0 && !endsWithIndicator(folded, level2End)) {
      // `满意度指标：服务对象满意度：≥90%`: a known 二级's short form after the 一级 with a value and
      // no name after it is the indicator's name (`服务对象满意度`), its 二级 inferred from it.
      item.name = internSlice(text, level2Start, level2End);
      item.nameSpan = internSpan(level2Start, level2End);
      setInferredLevel2(item, inferLevel2At(item.level1, folded, level2Start, level2End));
    } else if (level2End > level2Start) {
      item.level2Raw = writtenWord(text, level2Start, level2End, LEVEL2_WORDS);
      item.level2Source = "written";
      if (level2 !== undefined) item.level2 = level2;
    } else {
      setInferredLevel2(item, inferLevel2At(item.level1, folded, nameSpan.start, nameSpan.end));
    }
  } else {
    setInferredLevel2(item, inferLevel2At(undefined, folded, nameSpan.start, nameSpan.end));
  }
  if (labelled) {
    item.label = at.label;
    item.labelSpan = internSpan(at.labelStart, at.labelEnd);
  }
  if (at.terminatorStart >= 0) item.terminator = terminatorText(text, at.terminatorStart, at.terminatorLength);
  return item;
}

function isBlank(folded: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isWhitespace(folded.charCodeAt(k)) && !isSeparator(folded.charCodeAt(k))) return false;
  return true;
}

/** A name in brackets is short: `（资金拨付率）`, `（受助学生满意度）`. */
const BRACKETED_NAME_MAX = 20;
/** Words opening a note in brackets, not a name: `（注：…）`, `（含线上）`, `（以问卷为准）`, `（按…）`. */
const NOTE_OPENINGS = ["注", "含", "不含", "以", "按", "据", "根据", "其中", "包括", "备注", "说明"];

/**
 * Where a bracket closing the value [start, end) opens when it holds a name: only Han text (2 to
 * BRACKETED_NAME_MAX characters, no note opening it) after some value (`≥90%（资金拨付率）`). -1
 * otherwise (`≥90%（以问卷为准）`, `（2025年）`). Bounded look-behind.
 */
function bracketedNameStart(folded: string, start: number, end: number): number {
  if (end - start < 4 || folded.charCodeAt(end - 1) !== CLOSE) return -1;
  let open = end - 2;
  const limit = Math.max(start, end - 2 - BRACKETED_NAME_MAX);
  while (open > limit && isHan(folded.charCodeAt(open))) open--;
  if (folded.charCodeAt(open) !== OPEN || end - 2 - open < 2 || open <= start) return -1;
  for (const word of NOTE_OPENINGS) if (folded.startsWith(word, open + 1)) return -1;
  return open;
}

/** Whether the word ending at `end` ends in `指标` (a category written in full, not a name). */
function endsWithIndicator(folded: string, end: number): boolean {
  return end >= 2 && folded.charCodeAt(end - 2) === 0x6307 && folded.charCodeAt(end - 1) === 0x6807; // 指标
}

/** The value's texts as the shared strings of internText (a value's `text` is its `raw`). */
export function shareValueTexts(value: ParsedValue): void {
  const raw = value.raw;
  const shared = internText(raw);
  if (value.text !== undefined) value.text = value.text === raw ? shared : internText(value.text);
  value.raw = shared;
}

/** The written forms of the categories: a category written as one of them (the usual case) is
 * that constant string rather than a fresh slice of the cell. */
const LEVEL1_WORDS = wordsByFirst([...LEVEL1_SYNONYMS.keys()]);
const LEVEL2_WORDS = wordsByFirst([...LEVEL2_SYNONYMS.keys()]);

function wordsByFirst(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const map = new Map<number, string[]>();
  for (const word of words) {
    const list = map.get(word.charCodeAt(0)) ?? [];
    list.push(word);
    map.set(word.charCodeAt(0), list);
  }
  return map;
}

function writtenWord(text: string, start: number, end: number, words: ReadonlyMap<number, readonly string[]>): string {
  const candidates = words.get(text.charCodeAt(start));
  if (candidates !== undefined) {
    const length = end - start;
    for (let i = 0; i < candidates.length; i++) {
      const word = candidates[i] as string;
      if (word.length === length && text.startsWith(word, start)) return word;
    }
  }
  return text.slice(start, end);
}

/** The terminator as typed; the common ones as constants. */
function terminatorText(text: string, start: number, length: number): string {
  if (length === 1) {
    switch (text.charCodeAt(start)) {
      case 0x3002:
        return "。";
      case 0xff1b:
        return "；";
      case 0x3b:
        return ";";
      case 0x0a:
        return "\n";
      case 0x0d:
        return "\r";
    }
  } else if (length === 2 && text.charCodeAt(start) === 0x0d && text.charCodeAt(start + 1) === 0x0a) {
    return "\r\n";
  }
  return text.slice(start, start + length);
}

/** Fills the category fields of an item with no head (item-per-row layout): a 二级 inferred from
 * the (folded) name [nameStart, nameEnd) of `folded`, when its 一级 allows one. */
export function inferLevel2Into(item: IndicatorItem, folded: string, nameStart: number, nameEnd: number): void {
  setInferredLevel2(item, inferLevel2At(item.level1, folded, nameStart, nameEnd));
}

function setInferredLevel2(item: IndicatorItem, level2: Level2 | undefined): void {
  if (level2 === undefined) return;
  item.level2 = level2;
  item.level2Source = "inferred";
}

/** `end` moved back over white space and separators: `≥90%，` ends at `%`. */
function trimSeparatorsEnd(folded: string, start: number, end: number): number {
  while (end > start) {
    const c = folded.charCodeAt(end - 1);
    if (isWhitespace(c) || isSeparator(c)) end--;
    else break;
  }
  return end;
}

/** The name with white space and separators trimmed on both sides. */
function trimName(folded: string, start: number, end: number): Span {
  let s = start;
  while (s < end && (isWhitespace(folded.charCodeAt(s)) || isSeparator(folded.charCodeAt(s)))) s++;
  const e = trimSeparatorsEnd(folded, s, end);
  return internSpan(s, e);
}

/** Whether the text after an unknown head is a value with no name before it. */
function restIsBareValue(text: string, folded: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isSeparator(folded.charCodeAt(k))) return false;
  const value = readValue(text, folded, start, end);
  return looksLikeValue(value, folded);
}

/** Where splitUnlabelled's name ends (a scratch result beside the value it returns). */
let splitNameEnd = 0;

/**
 * Name and value of an item without a label. In order: a trailing separator means the value is
 * missing (`基层党建水平指标，`), and so does the start of a label ending the cell (`满意度，年度`: the
 * cell was cut off); the part after the last separator outside brackets is the value if it reads
 * as one (`党代表基层联系群众工作指标，合格`, or `≥` with no number); an operator glyph starts the
 * value (`培训人数≥200人`); a region that is a number or a date is all value; in an item that
 * writes a number or a category (`indicator`), a last part that states a value as a phrase
 * (`病媒密度控制水平，达到国家C级标准`) is the value too, and a known qualitative word glued to the end
 * of a name with no separator (`社会效益指标：全民阅读氛围有效提升`); else all name.
 * Returns the value; the name's end is left in splitNameEnd.
 */
function splitUnlabelled(text: string, folded: string, start: number, end: number, indicator: boolean): ParsedValue {
  let e = end;
  while (e > start && isWhitespace(folded.charCodeAt(e - 1))) e--;
  if (e > start && isSeparator(folded.charCodeAt(e - 1))) {
    splitNameEnd = e - 1;
    return readValue(text, folded, e, e);
  }
  const k = lastSeparator(folded, start, e);
  // The cell cut off inside the label (`…满意度，年度`): no value, and the fragment is none.
  if (isCutLabel(folded, k >= 0 ? k + 1 : start, e) || (k >= 0 && isLabelStub(folded, k + 1, e))) {
    splitNameEnd = k >= 0 ? k : start;
    return readValue(text, folded, e, e);
  }
  // After a number, a part opening like a remark (`知晓率≥90%，力争≥95%`, `≥100人，含线上≥50人`) is
  // that value's remark, not the value: the value starts further back.
  if (k >= 0 && !(isValueRemark(folded, skipWhitespace(folded, k + 1, e), e) && hasDigit(folded, start, k))) {
    const value = readValue(text, folded, k + 1, e);
    if (looksLikeValue(value, folded, indicator)) {
      splitNameEnd = k;
      return value;
    }
  }
  const glued = gluedValueStart(folded, start, e);
  for (let g = start; g < e; g++) {
    if (!isOperatorGlyph(folded.charCodeAt(g))) continue;
    // `培训人数不少于100人，其中骨干教师≥20人`: a word operator before the glyph opens the value, the
    // glyph is its remark's.
    if (gluedBy === "word" && glued > start && glued < g) break;
    const value = readValue(text, folded, g, e);
    if (value.kind === "quantitative" || value.kind === "range" || (value.kind === "empty" && value.raw !== "")) {
      splitNameEnd = g;
      return value;
    }
    break;
  }
  if (glued > start) {
    // gluedValueStart's other candidate, read before readValue overwrites nothing of it.
    const lastDigit = gluedBy === "digit" ? gluedLastDigit : -1;
    let value = readValue(text, folded, glued, e);
    if (gluedValueReads(value, folded, start, glued)) {
      splitNameEnd = glued;
      return value;
    }
    if (lastDigit > glued) {
      value = readValue(text, folded, lastDigit, e);
      if (gluedValueReads(value, folded, start, lastDigit)) {
        splitNameEnd = lastDigit;
        return value;
      }
    }
  }
  const whole = readValue(text, folded, start, e);
  if ((whole.kind === "quantitative" || whole.kind === "range" || whole.kind === "time") && !endsInWords(whole)) {
    splitNameEnd = start;
    return whole;
  }
  // A bare quantity after the name, no operator (`培训人数100人`, `开设课程数量 220`): the item's
  // last number, after a Han character or a space, read to the item's end as a quantity with a
  // unit (or after a space, without: unit_missing's `开设课程数量 220`).
  // `资金拨付率不低于90%`, `培训人数约100人`, `巡查次数每月2次`: the words opening the value go with it.
  // `培训场次两次`, `体检每年一次`: a count in Chinese numerals, with its unit.
  let bare = lastNumberStart(folded, start, e);
  if (bare < 0) bare = lastPercentWordsStart(folded, start, e);
  if (bare < 0) bare = lastHanCountStart(folded, start, e);
  if (bare > start) bare = valueOpenersBefore(folded, start, bare, MIN_GLUED_NAME);
  if (bare - start >= MIN_GLUED_NAME) {
    const value = readValue(text, folded, bare, e);
    if ((value.kind === "quantitative" || value.kind === "range") && value.garbled === undefined && !value.placeholder && !endsInWords(value) && (value.unit !== undefined || isWhitespace(folded.charCodeAt(bare - 1)))) {
      splitNameEnd = bare;
      return value;
    }
  }
  // `全民阅读氛围有效提升`, `群众文化参与度明显提高`: a qualitative value glued to the name, in an
  // item that says it is an indicator (a prose line among the items stays prose) and has no comma
  // part (`…党建水平得到提升，凝聚力和战斗力得到加强` states two things: its last part, no value
  // above, is more of the name).
  const word = indicator && k < 0 ? gluedWordValueStart(folded, start, e, MIN_GLUED_NAME) : -1;
  if (word > start) {
    splitNameEnd = word;
    return readValue(text, folded, word, e);
  }
  splitNameEnd = e;
  return readValue(text, folded, e, e);
}

function skipWhitespace(folded: string, i: number, end: number): number {
  while (i < end && isWhitespace(folded.charCodeAt(i))) i++;
  return i;
}

function hasDigit(folded: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isDigit(folded.charCodeAt(k))) return true;
  return false;
}

/** Where the last digit run of [start, end) begins when a Han character (`第` aside) or a space
 * stands before it; -1 otherwise. A run after a range sign is the range's upper bound, a run after a
 * ratio's colon its second term: the value starts at the run before it (`检查次数2至3次`, `2-3次`, `比例1:3`). */
function lastNumberStart(folded: string, start: number, end: number): number {
  let at = -1;
  for (let g = start + 1; g < end; g++) {
    if (!isDigit(folded.charCodeAt(g)) || isDigit(folded.charCodeAt(g - 1)) || folded.charCodeAt(g - 1) === 0x2e) continue;
    const before = folded.charCodeAt(g - 1);
    if (at >= 0 && RANGE_SEPARATORS.has(folded.charAt(g - 1))) continue;
    // A ratio's second term (`比例1:3`): the ratio starts at its first.
    if (at >= 0 && isRatioColon(folded, start, g - 1, end)) continue;
    at = (isHan(before) && before !== DI) || isWhitespace(before) ? g : -1;
  }
  return at;
}

/** Where the last percentage in words (`百分之九十`) of [start, end) begins when a Han character stands
 * before it (`群众知晓率百分之九十`); -1 when none. */
function lastPercentWordsStart(folded: string, start: number, end: number): number {
  const at = folded.lastIndexOf(PERCENT_WORDS, end - PERCENT_WORDS.length);
  return at > start && isHan(folded.charCodeAt(at - 1)) ? at : -1;
}

/** Where the last count in Chinese numerals of [start, end) may begin: a digit of HAN_DIGITS or a
 * `十` after a Han character that is no numeral (nor `第`: `第三次` is no count), the upper bound of a
 * range aside (`两至三次` starts at `两`); -1 when none. Never after a count and its unit (`四个一批`
 * is a slogan, not `四个` and `一批`). Whether a unit ends the item after it is readValue's question. */
function lastHanCountStart(folded: string, start: number, end: number): number {
  let at = -1;
  for (let g = start + 1; g < end; g++) {
    const ch = folded.charAt(g);
    if (!HAN_DIGITS.has(ch) && ch !== "十") continue;
    const before = folded.charAt(g - 1);
    if (!isHan(before.charCodeAt(0)) || before === "第" || isHanNumeral(before) || (at >= 0 && RANGE_SEPARATORS.has(before))) continue;
    if (g - 2 >= start && isHanNumeral(folded.charAt(g - 2))) continue;
    at = g;
  }
  return at;
}

function isHanNumeral(ch: string): boolean {
  return HAN_DIGITS.has(ch) || HAN_POWERS.has(ch) || ch === "零";
}

/** What gluedValueStart found at the start it returned, and the start of the last digit run
 * after a Han character (scratch, read right after the call). */
let gluedBy: "word" | "digit" = "word";
let gluedLastDigit = -1;

/**
 * Where a value glued to the name with no separator may start (`start` when none): a word
 * operator before a number (`培训人数不少于100人`, `知晓率达到90%`), else the first digit run
 * after a Han character (`培训人数100人以上`, `完成时间2025年12月底前`), `第` aside (`第3批`); the
 * last such run is left in gluedLastDigit (`新建5G基站数量100个以上`). At most two candidates,
 * each read once by gluedValueReads: linear.
 */
function gluedValueStart(folded: string, start: number, end: number): number {
  let first = -1;
  let last = -1;
  for (let g = start + 1; g < end; g++) {
    const c = folded.charCodeAt(g);
    if (isDigit(c)) {
      const before = folded.charCodeAt(g - 1);
      if (isHan(before) && before !== DI) {
        if (first < 0) first = g;
        last = g;
      }
      continue;
    }
    const word = prefixWordAt(folded, g, end) || reachesAt(folded, start, g);
    if (word > 0) {
      let k = g + word;
      while (k < end && isWhitespace(folded.charCodeAt(k))) k++;
      // `督查次数不少于三次`: a count in Chinese numerals, too.
      // `知晓率达到百分之九十`: a percentage in words, too.
      if (k < end && (isDigit(folded.charCodeAt(k)) || HAN_DIGITS.has(folded.charAt(k)) || folded.startsWith(PERCENT_WORDS, k))) {
        gluedBy = "word";
        // `检查次数每季度不少于1次`: the period before the operator is the value's.
        return valueOpenersBefore(folded, start, g, MIN_GLUED_NAME);
      }
    }
  }
  gluedBy = "digit";
  gluedLastDigit = last;
  return first < 0 ? start : first;
}

/**
 * The length of a value-start word (START_WORDS: `达`) at `g` that opens a value glued to a measure's name (`就业率达80%`,
 * `满意度达90%`, `参保人数达5000人`): after 率, 度, 数, 量 or 额 only, 0 otherwise — `送达`, `到达`,
 * `下达` are verbs of the name (`文书送达100份`).
 */
function reachesAt(folded: string, start: number, g: number): number {
  if (g - start < MIN_GLUED_NAME || !MEASURE_ENDS.includes(folded.charAt(g - 1))) return 0;
  for (const word of START_WORDS) if (folded.startsWith(word.text, g)) return word.text.length;
  return 0;
}

const MEASURE_ENDS = "率度数量额";

/** Whether the value read at a glued start (gluedValueStart) is one: a quantity after a word
 * operator; a quantity whose operator is a suffix word (`100人以上`, `30天以内`, not the bare
 * `100人`: `培训人数100人` stays one text); a time after a name saying time (`完成时间`). */
function gluedValueReads(value: ParsedValue, folded: string, start: number, at: number): boolean {
  if (at - start < MIN_GLUED_NAME) return false;
  if (value.garbled !== undefined || value.placeholder) return false;
  if (gluedBy === "word") return value.kind === "quantitative" || value.kind === "range";
  // `建设3个以上村级服务站`: words after the suffix are the name's, not the value's remark.
  if (value.kind === "quantitative") return value.operatorSource === "word" && !endsInWords(value);
  return value.kind === "time" && endsWithTimeName(folded, start, at);
}

/** A name before a glued value has at least this many characters (`人数`). */
const MIN_GLUED_NAME = 2;

const DI = 0x7b2c; // 第

/** Names of a time value: `完成时间`, `办结时限`, `验收日期`, `截止期限`. */
const TIME_NAME_ENDS = ["时间", "时限", "日期", "期限"];

function endsWithTimeName(folded: string, start: number, end: number): boolean {
  for (const word of TIME_NAME_ENDS) if (end - start > word.length && folded.startsWith(word, end - word.length)) return true;
  return false;
}

/** Whether the colon at `k` is a ratio's (`资金撬动比例1:3`: parseValue ratioSecondAt), not a separator. */
function isRatioColon(folded: string, start: number, k: number, end: number): boolean {
  if (folded.charCodeAt(k) !== COLON) return false;
  let s = k;
  while (s > start && isDigit(folded.charCodeAt(s - 1))) s--;
  return s < k && ratioSecondAt(folded, s, k, end) > 0;
}

/** The last `:` `,` `;` outside brackets, thousands separators (`1,000`) and a colon between
 * digits (a ratio's `1:3`, a clock's `8:30`) aside; -1 if none. */
function lastSeparator(folded: string, start: number, end: number): number {
  let depth = 0;
  for (let k = end - 1; k >= start; k--) {
    const c = folded.charCodeAt(k);
    if (c === CLOSE) depth++;
    else if (c === OPEN) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(c) && !(c === COMMA && k > start && isDigit(folded.charCodeAt(k - 1)) && isThousandsSeparator(folded, k, end)) && !colonBetweenDigits(folded, start, k, end)) return k;
  }
  return -1;
}

/** A colon with a digit on either side: a ratio's (`1:3`) or a clock's (`8:30`), no separator. */
function colonBetweenDigits(folded: string, start: number, k: number, end: number): boolean {
  return folded.charCodeAt(k) === COLON && k > start && k + 1 < end && isDigit(folded.charCodeAt(k - 1)) && isDigit(folded.charCodeAt(k + 1));
}
