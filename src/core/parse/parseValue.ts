import type { Operator, OperatorSource, ParsedValue, Span } from "../model";
import { foldWidth, isDigit, isHan, isOperatorGlyph, isSpace, isWhitespace } from "./normalizeText";
import { internSlice, internSpan } from "./intern";
import { newValue } from "./shapes";
import { compactFolded } from "./vocabulary";
import {
  HAN_NAMING_UNITS,
  isMagnitude,
  ERROR_VALUES,
  HAN_DIGITS,
  HAN_POWERS,
  LEAD_WORDS,
  MAX_COUNTED_WORDS,
  NOT_COUNTED_WORD_CHARS,
  OVER_WORDS,
  MEASURE_NAME_ENDS,
  NAME_TAIL_WORDS,
  NONE_COMPOUNDS,
  START_WORDS,
  FILLER_CHARS,
  NONE_WORDS,
  VALUE_NONE_WORDS,
  PREFIX_GLYPHS,
  PREFIX_WORDS,
  QUALITATIVE_WORDS,
  RANGE_SEPARATORS,
  SERVED_WORDS,
  SUFFIX_WORDS,
  TIME_CHARS,
  TIME_MARKERS,
  isTimeUnit,
  latinUnitEnd,
  PERCENT_WORDS,
  PERIODS,
  UNITS,
  VAGUE_WORDS,
  VALUE_PHRASE_OPENERS,
  ENSURE_WORD,
  ENSURED_RESULTS,
  WEAK_PREFIXES,
  WITHIN_SUFFIX,
  type OperatorWord,
} from "./valueWords";

/**
 * Reads an indicator value (DOMAIN.md §2 Values): `≥90%`, `不少于3次`, `80%以上`, `90%-95%`,
 * `2025年12月31日前`, `合格`, `≥**%`, `≥9O%` … Never throws; one left-to-right pass with
 * bounded look-ahead, no regular expressions, so it is linear in the text length.
 *
 * `offset` is where `text` starts in the cell, so the returned span is a cell offset.
 */
export function parseValue(text: string, offset: number): ParsedValue {
  const value = readValue(text, foldWidth(text), 0, text.length);
  if (offset !== 0) value.span = internSpan(value.span.start + offset, value.span.end + offset);
  return value;
}

/**
 * The value occupying `[start, end)` of a cell. `text` is the cell as typed, `folded` its
 * foldWidth (same length), so spans are cell offsets and `raw` is what the user typed.
 */
export function readValue(text: string, folded: string, start: number, end: number): ParsedValue {
  trimValue(folded, start, end);
  const s = trimmedStart;
  const e = trimmedEnd;
  const span = internSpan(s, e);
  const raw = text.slice(s, e);
  if (s === e) return newValue("empty", raw, span);
  if (isDateShape(folded, s, e) || isClockShape(folded, s, e)) return timeValue(raw, span);

  let quantity = scanQuantity(folded, s, e);
  // A template value wrapped whole in brackets: `(≥**株)`.
  if (!quantity && folded.charCodeAt(s) === OPEN && folded.charCodeAt(e - 1) === CLOSE && e - s > 2) {
    trimValue(folded, s + 1, e - 1);
    quantity = scanQuantity(folded, trimmedStart, trimmedEnd);
  }
  // `每月不少于2次`, `每年≥4次`, `不少于每月2次`: so many per period (`次/月`).
  if (!quantity) quantity = perPeriodQuantity(folded, s, e);
  if (quantity && !isYear()) return quantityValue(text, raw, span);
  if (quantity || isTimeText(folded, s, e)) return timeValue(raw, span);
  // `≥`, `不低于`, `≥人`, `≥%`: an operator (and unit) with no number is no value; kept as written.
  // So is a unit alone (`份`, `人次`, `%`): the number was left out.
  if (isOperatorOnly(folded, s, e) || isUnitOnly(folded, s, e)) return newValue("empty", raw, span);
  // `—`, `/`, `无`, `不适用`: a placeholder says there is no value (value_missing); kept as written.
  if (isPlaceholderText(folded, s, e)) return newValue("empty", raw, span);

  const value = newValue("qualitative", raw, span);
  value.text = raw;
  if (hasPlaceholderRun(folded, s, e)) value.placeholder = true;
  if (e - s <= MAX_WORD_LENGTH) {
    const word = compact(folded, s, e);
    if (VAGUE_WORDS.has(word)) value.vague = true;
  }
  return value;
}

function timeValue(raw: string, span: Span): ParsedValue {
  const value = newValue("time", raw, span);
  value.text = raw;
  return value;
}

/**
 * Whether an unlabelled item's trailing part reads as a value rather than more of the name:
 * numbers, ranges, times, template or garbled values, a known qualitative word, or a very short
 * word. `5、效益指标：党代表基层联系群众工作指标，合格。` → `合格` is a value;
 * `…得到提升，凝聚力和战斗力得到加强` is a name going on. With `phrases` (an item that writes a
 * number or a category: prose says such things too, `按要求完成年度工作任务，确保资金使用效益`), a
 * value stated as a phrase (isValuePhrase: `病媒密度控制水平，达到国家C级标准`) is one as well.
 */
export function looksLikeValue(value: ParsedValue, folded: string, phrases = false): boolean {
  switch (value.kind) {
    case "empty":
      // An operator with no number (`≥`, `≥人`) is the item's value, missing its number.
      return value.raw !== "";
    case "quantitative":
    case "range":
    case "time":
      return true;
    case "qualitative": {
      if (value.placeholder || value.garbled !== undefined) return true;
      const length = value.span.end - value.span.start;
      if (length <= SHORT_VALUE) return true;
      if (length > MAX_WORD_LENGTH) return false;
      const word = compact(folded, value.span.start, value.span.end);
      return isValueWord(word) || (phrases && isValuePhrase(word));
    }
  }
}

/**
 * Whether a quantity ends in words saying what it counts or does (`≥10个项目`, `100%完成`: its
 * remark opens with a Han character, not a bracket, a comma or spaces). Such a value stands after an
 * operator or a label; glued to a name with neither, the words are more likely the name's
 * (`建设3个村级服务站` is a name).
 */
export function endsInWords(value: ParsedValue): boolean {
  return value.remark !== undefined && isHan(value.remark.charCodeAt(0));
}

/** A known qualitative or vague word, or a stated change: a value wherever it ends an item. */
function isValueWord(word: string): boolean {
  return QUALITATIVE_WORDS.has(word) || VAGUE_WORDS.has(word) || isChangePhrase(word);
}

/** Words a stated change begins with, and ends with: `得到有效改善`, `进一步完善`, `全面提升`,
 * `明显减轻`, `有效降低`. */
const CHANGE_STARTS = ["得到", "有效", "明显", "显著", "进一步", "逐步", "持续", "不断", "大幅", "稳步", "全面", "有所", "切实", "基本"];
const CHANGE_ENDS = ["改善", "提升", "提高", "增强", "加强", "完善", "规范", "好转", "优化", "减轻", "降低", "减少", "下降", "缓解", "丰富"];
/** A stated change is short: longer text is a name or prose. */
const MAX_CHANGE_PHRASE = 8;

/** Whether an unlabelled item's last comma part is a stated change (`人居环境，得到有效改善`): a
 * value, like the words of QUALITATIVE_WORDS. */
function isChangePhrase(word: string): boolean {
  if (word.length > MAX_CHANGE_PHRASE) return false;
  return CHANGE_STARTS.some((w) => word.startsWith(w)) && CHANGE_ENDS.some((w) => word.endsWith(w));
}

/**
 * Whether an unlabelled item's last comma part is a value stated as a phrase: opened by a word
 * of VALUE_PHRASE_OPENERS (`达到国家C级标准`, `无重大事故`, `按规定标准`, `符合国家标准`,
 * `实现全覆盖`) or written `应…尽…` (`应保尽保`, `应助尽助到位`), at most MAX_WORD_LENGTH characters,
 * and not ending like the name of a measure (`按期完成率`, `无障碍设施改造数量`, `实现就业人数`:
 * MEASURE_NAME_ENDS) nor opened by a noun made with `无` (`无障碍通道建设`: NONE_COMPOUNDS).
 */
function isValuePhrase(word: string): boolean {
  if (word.length > MAX_WORD_LENGTH) return false;
  for (const end of MEASURE_NAME_ENDS) if (word.endsWith(end)) return false;
  if (word.length >= 4 && word.charAt(0) === "应" && word.charAt(2) === "尽") return true;
  for (const compound of NONE_COMPOUNDS) if (word.startsWith(compound)) return false;
  // `确保不发生群体性事件`, `确保按期完成`: the rest after `确保` opens a phrase or names a result.
  const rest = word.startsWith(ENSURE_WORD) ? word.slice(ENSURE_WORD.length) : word;
  if (rest !== word && ENSURED_RESULTS.some((result) => rest.length > result.length && rest.startsWith(result))) return true;
  for (const opener of VALUE_PHRASE_OPENERS) if (rest.length > opener.length && rest.startsWith(opener)) return true;
  return false;
}

/** Whether the text before `at` asks a yes/no question (`是否按时完成`, `能否按期完成`, `有无…`):
 * what follows is the question's, the value is its answer (`是`). */
function asksWhether(folded: string, at: number): boolean {
  const two = folded.slice(at - 2, at);
  return two === "是否" || two === "能否" || two === "有无";
}

/** A value glued to a name is at most this long (`得到有效改善`, `效果显著`, `中长期`). */
const MAX_GLUED_WORD = MAX_CHANGE_PHRASE;

/**
 * Where a qualitative value glued to the end of a name with no separator starts
 * (`全民阅读氛围有效提升`, `群众文化参与度明显提高`, `总分馆体系持续运行长期`, `地方文化传承有效加强`):
 * the longest tail of [start, end) of Han characters, two to MAX_GLUED_WORD long, that is a known
 * qualitative or vague word or a stated change (isValueWord), leaving a name of at least `minName`
 * characters; -1 when none. A tail that ends names as often as it states a value (a bare verb,
 * `持续`, `满意`: NAME_TAIL_WORDS, `服务能力提升`) is none, and so is a tail inside a name
 * (`有效提升率`: the value ends the item) or after a question (`资金是否按时拨付`: asksWhether). Bounded: at most MAX_GLUED_WORD look-ups.
 */
export function gluedWordValueStart(folded: string, start: number, end: number, minName: number): number {
  let from = end;
  while (from > start && end - from < MAX_GLUED_WORD && isHan(folded.charCodeAt(from - 1))) from--;
  for (let s = from; s <= end - 2; s++) {
    if (s - start < minName || asksWhether(folded, s)) continue;
    const word = folded.slice(s, end);
    if (!NAME_TAIL_WORDS.has(word) && isValueWord(word)) return s;
  }
  return -1;
}

/** A placeholder is short: longer text says something. */
const MAX_PLACEHOLDER_LENGTH = 16;

/** The first code units of NONE_WORDS and ERROR_VALUES, both cases: any other text is decided
 * without building the word. */
const PLACEHOLDER_FIRSTS: ReadonlySet<number> = new Set(
  [...NONE_WORDS, ...ERROR_VALUES].flatMap((w) => [w.charCodeAt(0), w.toLowerCase().charCodeAt(0)]),
);

/**
 * Whether [s, e) of the folded text says there is nothing, white space aside: filler characters
 * alone (`—`, `/`, `——`, `……`), a word meaning none (`无`, `暂无`, `不适用`, `N/A`, a final full
 * stop aside) or an Excel error value (`#N/A`). Used for a value (`年度指标值：—`) and, with
 * `wholeCell`, for a whole cell (see rules/cellPlaceholder); a value of `无` is a value, not a
 * placeholder (VALUE_NONE_WORDS). Example: `——` → true, `无。` in a cell → true, `无锡` → false.
 */
export function isPlaceholderText(folded: string, s: number, e: number, wholeCell = false): boolean {
  let filler = true;
  let first = -1;
  for (let i = s; i < e; i++) {
    const c = folded.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (first < 0) first = c;
    if (!FILLER_CHARS.has(c)) {
      filler = false;
      break;
    }
  }
  if (first < 0) return false;
  if (filler) return true;
  if (e - s > MAX_PLACEHOLDER_LENGTH || !PLACEHOLDER_FIRSTS.has(first)) return false;
  const word = compact(folded, s, e).toUpperCase();
  if (ERROR_VALUES.has(word)) return true;
  const last = word.charCodeAt(word.length - 1);
  const bare = last === IDEOGRAPHIC_FULL_STOP || last === DOT ? word.slice(0, -1) : word;
  return NONE_WORDS.has(bare) && (wholeCell || !VALUE_NONE_WORDS.has(bare));
}

/** Whether a value as written (`raw`) is a placeholder for one (`—`, `/`, `无`), which readValue
 * reads as an `empty` value; an operator with no number (`≥`, `=`) is not a placeholder. */
export function isPlaceholderValue(raw: string): boolean {
  const folded = foldWidth(raw);
  trimValue(folded, 0, folded.length);
  const s = trimmedStart;
  const e = trimmedEnd;
  return s < e && !isOperatorOnly(folded, s, e) && isPlaceholderText(folded, s, e);
}

/** How far valueFollows looks for the end of a word value. */
const MAX_PROBE = 16;

/**
 * Whether a value starts at `start` of the folded text (spaces skipped): a digit, an operator
 * (`≥`, `不低于`), a template mark (`**`), or, up to the next separator or terminator, a time
 * (`年底前`), a placeholder (`—`, `无`) or a known qualitative word (`合格`). Free text does not:
 * a label's `为` is the label's only before a value (`指标值为95%`, not `指标值为民服务次数`).
 * Bounded look-ahead.
 */
export function valueFollows(folded: string, start: number): boolean {
  const n = folded.length;
  const s = skipSpaces(folded, start, n);
  if (s >= n) return false;
  const c = folded.charCodeAt(s);
  if (isDigit(c) || isPlaceholderCode(c) || matchWord(folded, s, n, GLYPH_INDEX) || matchWord(folded, s, n, PREFIX_WORD_INDEX)) return true;
  const limit = Math.min(n, s + MAX_PROBE);
  let e = s;
  while (e < limit && !isValueEnd(folded.charCodeAt(e))) e++;
  if (e === limit && limit < n && !isValueEnd(folded.charCodeAt(limit))) return false;
  trimValue(folded, s, e);
  const ts = trimmedStart;
  const te = trimmedEnd;
  if (ts === te) return false;
  if (isTimeText(folded, ts, te) || isPlaceholderText(folded, ts, te)) return true;
  if (te - ts > MAX_WORD_LENGTH) return false;
  const word = compact(folded, ts, te);
  return QUALITATIVE_WORDS.has(word) || VAGUE_WORDS.has(word);
}

/**
 * Whether a word value stands alone after a label's `为` at `start` (spaces skipped) up to the
 * item's end: two to MAX_WORD_LENGTH Han characters, then a terminator (`。`, `;`, `.`, a line
 * break) or the end of the cell, and not the object of a `为` saying whom a service is for
 * (`为民服务`, `为企业办实事`: SERVED_WORDS, a name). `稳步提高。`, `应助尽助` → true; `民服务。`,
 * `民服务次数，年度指标值：…`, `民服务次数≥5次` → false. For a value of no word list
 * (`年度指标值为稳步提高`). Bounded look-ahead.
 */
export function wordValueFollows(folded: string, start: number): boolean {
  const n = folded.length;
  const s = skipSpaces(folded, start, n);
  for (const word of SERVED_WORDS) if (folded.startsWith(word, s)) return false;
  let e = s;
  while (e < n && e - s <= MAX_WORD_LENGTH && isHan(folded.charCodeAt(e))) e++;
  if (e - s < 2 || e - s > MAX_WORD_LENGTH) return false;
  const k = skipSpaces(folded, e, n);
  if (k >= n) return true;
  const c = folded.charCodeAt(k);
  return c === IDEOGRAPHIC_FULL_STOP || c === SEMICOLON || c === DOT || c === 0x0a || c === 0x0d;
}

/** A separator or terminator: where a value written after a label ends. */
function isValueEnd(c: number): boolean {
  return c === COMMA || c === SEMICOLON || c === COLON || c === IDEOGRAPHIC_FULL_STOP || c === 0x0a || c === 0x0d;
}

/**
 * Whether a number written at `end` would continue a value rather than start anything: the text
 * before it (spaces aside, from `start` on) ends in a colon, a comma or `为` (where a value
 * begins), an operator glyph or word (`≥`, `不低于`) or a range separator (`90-`, `90至`).
 * Example: in `年度指标值：42、效益指标` the `42` follows `：`, so its leading `4` is the value's; in
 * `≥100人4、效益指标` the `4` follows a unit and is a number of its own.
 */
export function numberContinuesValue(folded: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && isSpace(folded.charCodeAt(k))) k--;
  if (k < start) return false;
  const c = folded.charCodeAt(k);
  if (c === COLON || c === COMMA || c === WEI || hasFlag(c, RANGE_SEPARATOR_FLAG)) return true;
  for (const word of PREFIX_GLYPHS) if (endsWith(folded, start, k + 1, word.text)) return true;
  for (const word of PREFIX_WORDS) if (endsWith(folded, start, k + 1, word.text)) return true;
  return false;
}

/** Whether [start, end) of `folded` ends in `word`. */
function endsWith(folded: string, start: number, end: number, word: string): boolean {
  return end - word.length >= start && folded.startsWith(word, end - word.length);
}

// ---------------------------------------------------------------------------------------

const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const DOT = 0x2e;
const COMMA = 0x2c;
const PERCENT = 0x25;
const SLASH = 0x2f;
const IDEOGRAPHIC_FULL_STOP = 0x3002;
const SEMICOLON = 0x3b;
const COLON = 0x3a;
const WEI = 0x4e3a; // 为

/** Values longer than this are never looked up in the word lists. */
const MAX_WORD_LENGTH = 12;
/** A qualitative tail this short (`合格`, `较好`, `有效`) is a value, not the end of a name. */
const SHORT_VALUE = 4;

// trimValue's result (scratch: read right after the call).
let trimmedStart = 0;
let trimmedEnd = 0;

/** Strips spaces, line breaks and a trailing item terminator (`。`, `;`); the result is left in
 * trimmedStart and trimmedEnd. */
function trimValue(folded: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(folded.charCodeAt(s))) s++;
  while (e > s) {
    const c = folded.charCodeAt(e - 1);
    if (isWhitespace(c) || c === IDEOGRAPHIC_FULL_STOP || c === SEMICOLON) e--;
    else break;
  }
  trimmedStart = s;
  trimmedEnd = e;
}

/** The text between s and e with spaces removed, for word-list lookups. */
function compact(folded: string, s: number, e: number): string {
  return compactFolded(folded.slice(s, e));
}

function skipSpaces(folded: string, i: number, end: number): number {
  while (i < end && isSpace(folded.charCodeAt(i))) i++;
  return i;
}

/** Word lists by first character, longest first: most values start with a digit or `≥` and
 * are decided by one map lookup instead of thirty string comparisons. */
type WordIndex = ReadonlyMap<number, readonly OperatorWord[]>;

function indexWords(words: readonly OperatorWord[]): WordIndex {
  const map = new Map<number, OperatorWord[]>();
  for (const word of words) {
    const first = word.text.charCodeAt(0);
    const list = map.get(first) ?? [];
    list.push(word);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.text.length - a.text.length);
  return map;
}

const GLYPH_INDEX = indexWords(PREFIX_GLYPHS);
const PREFIX_WORD_INDEX = indexWords(PREFIX_WORDS);
/** PREFIX_WORDS and the words that are operators only where a value starts (`达100%`). */
const VALUE_START_WORD_INDEX = indexWords([...PREFIX_WORDS, ...START_WORDS]);
const SUFFIX_INDEX = indexWords(SUFFIX_WORDS);

/** The length of the word operator (PREFIX_WORDS: `不少于`, `达到`) at `i`, 0 when none. */
export function prefixWordAt(folded: string, i: number, end: number): number {
  const word = matchWord(folded, i, end, PREFIX_WORD_INDEX);
  return word === undefined ? 0 : word.text.length;
}

const ABOUT_PREFIXES_LIST: readonly string[] = ["大约", "约"];

/** Words that open a value before its number: operator words (`不低于`), `约`/`大约`, periods (`每月`),
 * lead words (`全年`, `累计`). */
const VALUE_OPENERS: readonly string[] = [...PREFIX_WORDS.map((w) => w.text), ...ABOUT_PREFIXES_LIST, ...PERIODS.map(([word]) => word), ...LEAD_WORDS];

/** A value keeps at most this many lead words (`全年累计不少于…`). */
const MAX_LEAD_WORDS = 2;

/**
 * The end of the LEAD_WORDS (and spaces) at the start of [start, end) of a quantity, `start` when
 * it has none: `全年不少于4次` → the `不`, `力争达到95%` → the `达`, `合格` → `start`.
 */
export function leadWordsEnd(folded: string, start: number, end: number): number {
  let i = start;
  for (let words = 0; words < MAX_LEAD_WORDS; words++) {
    let next = i;
    for (const word of LEAD_WORDS) {
      if (i + word.length < end && folded.startsWith(word, i)) {
        next = skipSpaces(folded, i + word.length, end);
        break;
      }
    }
    if (next === i) break;
    i = next;
  }
  return i;
}

/**
 * Where the value words glued right before `at` begin (`at` when there are none), so that a value
 * found at its number keeps them: in `资金拨付率不低于90%`, `培训人数约100人`, `巡查次数每月2次`,
 * `检查次数每季度不少于1次` the value starts at `不低于`, `约`, `每月`, `每季度`. At most three words,
 * never closer than `minName` to `start` (the name keeps at least that much).
 */
export function valueOpenersBefore(folded: string, start: number, at: number, minName: number): number {
  for (let words = 0; words < 3; words++) {
    let moved = false;
    for (const word of VALUE_OPENERS) {
      if (at - word.length >= start + minName && folded.startsWith(word, at - word.length)) {
        at -= word.length;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return at;
}

function matchWord(folded: string, i: number, end: number, index: WordIndex): OperatorWord | undefined {
  if (i >= end) return undefined;
  const candidates = index.get(folded.charCodeAt(i));
  if (!candidates) return undefined;
  for (const word of candidates) {
    if (i + word.text.length <= end && folded.startsWith(word.text, i)) return word;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Quantities: [operator] number [unit] [range] [suffix operator] [(remark)]

/** A number as scanned. The scanner fills one of two records (the lower and the upper bound)
 * instead of allocating: a value is read and turned into a ParsedValue before the next. */
interface NumberScan {
  start: number;
  end: number;
  /** The number read, undefined when garbled or a placeholder. */
  value: number | undefined;
  /** End of the offending text when the number is garbled (`9O`, `1..5`, `90%%`), else -1. */
  garbledEnd: number;
  placeholder: boolean;
  /** Written in Chinese numerals (`三`, `十二`): a count only before a known unit. */
  han: boolean;
}

function newScan(): NumberScan {
  return { start: 0, end: 0, value: undefined, garbledEnd: -1, placeholder: false, han: false };
}

function setScan(into: NumberScan, start: number, end: number, value: number | undefined, garbledEnd: number, placeholder: boolean): NumberScan {
  into.start = start;
  into.end = end;
  into.value = value;
  into.garbledEnd = garbledEnd;
  into.placeholder = placeholder;
  into.han = false;
  return into;
}

/** The quantity scanQuantity read last (scratch, like the number records). */
interface Quantity {
  operator: Operator | undefined;
  operatorSource: OperatorSource | undefined;
  operatorStart: number;
  operatorEnd: number;
  /** The operator as the word list spells it (folded), to spare a slice when typed that way. */
  operatorText: string;
  lower: NumberScan;
  upper: NumberScan | undefined;
  unit: string | undefined;
  range: boolean;
  /** A closing remark [remarkStart, remarkEnd) (from its bracket or comma); remarkStart is -1
   * when there is none. */
  remarkStart: number;
  remarkEnd: number;
}

const LOWER = newScan();
const UPPER = newScan();
const QUANTITY: Quantity = {
  operator: undefined,
  operatorSource: undefined,
  operatorStart: -1,
  operatorEnd: -1,
  operatorText: "",
  lower: LOWER,
  upper: undefined,
  unit: undefined,
  range: false,
  remarkStart: -1,
  remarkEnd: -1,
};

/** Placeholder marks left from a template: `≥**%`, `XX个`, `××`, `≥?%`. */
function isPlaceholderCode(c: number): boolean {
  return c === 0x2a || c === 0x58 || c === 0x78 || c === 0xd7 || c === 0x3f; // * X x × ?
}

/** Characters typed for digits by mistake: the letters O/o/l/I, 〇, and Han numerals glued to
 * digits (`二100`). `万`, `千`, `百` are not here: `1.5万元` is a unit. */
function isConfusable(c: number): boolean {
  switch (c) {
    case 0x4f: // O
    case 0x6f: // o
    case 0x6c: // l
    case 0x49: // I
    case 0x3007: // 〇
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x96f6: // 零
      return true;
    default:
      return false;
  }
}

/** The letters typed for digits: `O`, `o`, `l`, `I`, `〇` (a run of them after a digit is the
 * number's: `1OO`; Han numerals are not, `100一等奖`). */
function isConfusableLetter(c: number): boolean {
  return c === 0x4f || c === 0x6f || c === 0x6c || c === 0x49 || c === 0x3007;
}

function isPercentSign(c: number): boolean {
  return c === PERCENT || c === 0x2030;
}

/** `,` in a number followed by two or more digits that do not make a thousands group (`1,00`, `2,0000`, `1,000,00`): a garbled number, not a list. */
function isMisgrouped(folded: string, j: number, end: number): boolean {
  return j + 2 < end && isDigit(folded.charCodeAt(j + 1)) && isDigit(folded.charCodeAt(j + 2));
}

/** `,` followed by three digits or look-alike letters, at least one of each (`1,2OO`, `3,O00`). */
function isGarbledGroup(folded: string, j: number, end: number): boolean {
  if (j + 3 >= end) return false;
  let letters = 0;
  let digits = 0;
  for (let k = j + 1; k <= j + 3; k++) {
    const c = folded.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (isConfusableLetter(c)) letters++;
    else return false;
  }
  return letters > 0 && digits > 0 && (j + 4 >= end || !isDigit(folded.charCodeAt(j + 4)));
}

/** `,` followed by exactly three digits: a thousands separator (`1,000`; not `1,5` or `12,3456`). */
export function isThousandsSeparator(folded: string, j: number, end: number): boolean {
  if (j + 3 >= end) return false;
  for (let k = j + 1; k <= j + 3; k++) if (!isDigit(folded.charCodeAt(k))) return false;
  return j + 4 >= end || !isDigit(folded.charCodeAt(j + 4));
}

/**
 * A number at `i`: digits with thousands separators and one decimal point, or a placeholder run.
 * Letters and Han numerals touching digits, doubled dots and spaces between digits make it
 * garbled (`9O`, `二100`, `1..5`, `1.2.3`, `9 0`); the scan still ends where the mess ends.
 */
function readNumber(into: NumberScan, folded: string, i: number, end: number): NumberScan | undefined {
  if (i >= end) return undefined;
  const c0 = folded.charCodeAt(i);
  if (isPlaceholderCode(c0)) {
    let j = i + 1;
    while (j < end && isPlaceholderCode(folded.charCodeAt(j))) j++;
    return setScan(into, i, j, undefined, -1, true);
  }
  let valid = true;
  let j = i;
  if (!isDigit(c0) && !(i + 1 < end && isDigit(folded.charCodeAt(i + 1)))) {
    // `三次`, `十二场`: a count in Chinese numerals (`二100` is a garbled number, below).
    const hanEnd = hanNumberEnd(folded, i, end);
    if (hanEnd < 0) return undefined;
    setScan(into, i, hanEnd, hanNumber, -1, false);
    into.han = true;
    return into;
  }
  if (!isDigit(c0)) {
    if (!(isConfusable(c0) && i + 1 < end && isDigit(folded.charCodeAt(i + 1)))) return undefined;
    valid = false;
    j++;
  }
  let sawDot = false;
  while (j < end) {
    const c = folded.charCodeAt(j);
    if (isDigit(c)) {
      j++;
      continue;
    }
    const previousDigit = isDigit(folded.charCodeAt(j - 1));
    const nextDigit = j + 1 < end && isDigit(folded.charCodeAt(j + 1));
    if (c === DOT && previousDigit) {
      if (nextDigit) {
        if (sawDot) valid = false;
        sawDot = true;
        j++;
        continue;
      }
      let k = j;
      while (k < end && folded.charCodeAt(k) === DOT) k++;
      if (k > j + 1 && k < end && isDigit(folded.charCodeAt(k))) {
        valid = false; // `1..5`
        sawDot = true;
        j = k;
        continue;
      }
      // `90.%`, `3.人`: a dot with no digits after it, before a unit.
      if (k === j + 1 && k < end && (isPercentSign(folded.charCodeAt(k)) || knownUnitAt(folded, k, end) > k)) {
        valid = false;
        j = k;
      }
      break;
    }
    if (c === COMMA && previousDigit && !sawDot) {
      if (isThousandsSeparator(folded, j, end)) {
        j++;
        continue;
      }
      // `1,00`, `2,0000`: grouped wrong (two or more digits after the comma; `1,5` may be a list);
      // `1,2OO`: a thousands group with letters for digits.
      if (isMisgrouped(folded, j, end) || isGarbledGroup(folded, j, end)) {
        valid = false;
        j++;
        continue;
      }
    }
    // `1OO`: a confusable letter after one that was read into the number.
    if (isConfusable(c) && (previousDigit || nextDigit || (isConfusableLetter(c) && isConfusableLetter(folded.charCodeAt(j - 1))))) {
      valid = false;
      j++;
      continue;
    }
    if (isSpace(c) && previousDigit && nextDigit) {
      valid = false;
      j++;
      continue;
    }
    break;
  }
  if (!valid) return setScan(into, i, j, undefined, j, false);
  const value = numberValue(folded, i, j);
  return Number.isFinite(value) ? setScan(into, i, j, value, -1, false) : setScan(into, i, j, undefined, j, false);
}

/** The value hanNumberEnd read (scratch, read right after the call). */
let hanNumber = 0;

/** No power of HAN_POWERS read yet (any is below it). */
const NO_POWER = 10000;
const HAN_ZERO = 0x96f6; // 零
const HAN_TWO = "两";

/**
 * The end of a count from 1 to 9999 in Chinese numerals at `i` (`三`, `两`, `十`, `十二`, `二十五`,
 * `一百`, `两百`, `一百二十`, `一千零五十`, `三千五百`), -1 when there is none, when it is no
 * well-formed count (`两十`, `一百二`, the colloquial 120, whose reading is not sure) or more
 * numerals follow (`十四五`, `二〇二五`: no count); its value is left in hanNumber. `两` is a digit
 * only at the start (`两百`, not `十两`). Whether a unit follows is scanQuantity's question.
 */
function hanNumberEnd(folded: string, i: number, end: number): number {
  let total = 0;
  let digit = -1;
  let lastPower = NO_POWER;
  let zero = false;
  let j = i;
  for (; j < end; j++) {
    const ch = folded.charAt(j);
    const d = ch === HAN_TWO && j > i ? undefined : HAN_DIGITS.get(ch);
    if (d !== undefined) {
      if (digit >= 0) return -1; // `二三`, `十四五`
      digit = d;
      continue;
    }
    const power = HAN_POWERS.get(ch);
    if (power !== undefined && power < lastPower) {
      // `十二`: a leading `十` is one ten; `百`, `千` need their digit (`百余人` is no count here).
      if (digit < 0 && !(power === 10 && j === i)) return -1;
      if (power === 10 && folded.charAt(j - 1) === HAN_TWO) return -1; // `两十`
      total += (digit < 0 ? 1 : digit) * power;
      lastPower = power;
      digit = -1;
      zero = false;
      continue;
    }
    if (folded.charCodeAt(j) === HAN_ZERO && total > 0 && digit < 0 && !zero) {
      zero = true;
      continue;
    }
    break;
  }
  if (digit >= 0) {
    // The ones after `十`, after `零`, or alone; `一百二`, `一千五` say a power the text leaves out.
    if (lastPower !== NO_POWER && lastPower !== 10 && !zero) return -1;
    total += digit;
  } else if (zero) {
    return -1;
  }
  if (total === 0) return -1;
  if (j < end) {
    const c = folded.charCodeAt(j);
    if (hasFlag(c, HAN_NUMERAL_FLAG) || isDigit(c) || HAN_POWERS.has(folded.charAt(j)) || folded.charAt(j) === HAN_TWO) return -1;
  }
  hanNumber = total;
  return j;
}

/** Whether [start, end) is a unit a count in Chinese numerals may stand before: a known unit
 * alone (`次`, `个`, `万元`), none naming a calendar point or a grade (`十二月`, `一季度` are times,
 * `三级` a grade) and no longer Han text (`一次性`, `一流`, `三农` are words). */
function isHanCountUnit(folded: string, start: number, end: number): boolean {
  return start < end && knownUnitAt(folded, start, end) === end && !HAN_NAMING_UNITS.has(folded.slice(start, end));
}

/** Digits in a number beyond which numberValue hands the text to Number(). */
const EXACT_DIGITS = 15;

/**
 * The value of a well-formed number [i, j) of digits, thousands commas and at most one dot,
 * exactly as Number() reads the text without its commas. Up to 15 digits the digits are summed
 * as an integer (exact) and divided once by a power of ten (one correctly rounded division:
 * Number()'s own result); longer numbers go through Number().
 */
function numberValue(folded: string, i: number, j: number): number {
  let n = 0;
  let digits = 0;
  let scale = 1;
  let afterDot = false;
  for (let k = i; k < j; k++) {
    const c = folded.charCodeAt(k);
    if (c === COMMA) continue;
    if (c === DOT) {
      afterDot = true;
      continue;
    }
    n = n * 10 + (c - 0x30);
    if (afterDot) scale *= 10;
    if (++digits > EXACT_DIGITS) {
      const written = folded.slice(i, j);
      return Number(written.includes(",") ? written.replace(/,/g, "") : written);
    }
  }
  return n / scale;
}

/** Known units by their first code unit, longest first, so `个工作日` wins over `个`. */
const UNITS_BY_FIRST: ReadonlyMap<number, readonly string[]> = (() => {
  const map = new Map<number, string[]>();
  for (const unit of UNITS) {
    const first = unit.charCodeAt(0);
    const list = map.get(first) ?? [];
    list.push(unit);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** Per-code-unit flags of the value grammar's character classes: one table read per character
 * instead of a one-character string and a set lookup. */
const UNIT_STOP_FLAG = 1;
const TIME_CHAR_FLAG = 2;
const TIME_MARKER_FLAG = 4;
const RANGE_SEPARATOR_FLAG = 8;
const HAN_NUMERAL_FLAG = 16;
const CHAR_FLAGS = new Uint8Array(0x10000);

function flagChars(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    CHAR_FLAGS[code] = (CHAR_FLAGS[code] ?? 0) | flag;
  }
}

/** Han characters that end a unit: operator suffixes, range words, time words (`前`, `底`). */
flagChars("以及或之内至到左右前后底完成达每等约", UNIT_STOP_FLAG);
flagChars(TIME_CHARS, TIME_CHAR_FLAG);
flagChars(TIME_MARKERS, TIME_MARKER_FLAG);
flagChars(RANGE_SEPARATORS, RANGE_SEPARATOR_FLAG);
/** Chinese numerals, digits of a time written out (`十二月底前`, `第三季度`, `二〇二五年`). */
flagChars("〇零一二三四五六七八九十", HAN_NUMERAL_FLAG);

function hasFlag(code: number, flag: number): boolean {
  return ((CHAR_FLAGS[code] as number) & flag) !== 0;
}

/** The known unit knownUnitAt matched last (a constant of UNITS). */
let matchedUnit = "";

/** A generic unit is at most this many Han characters (`株`, `盏`, `人次`). */
const GENERIC_UNIT_LENGTH = 2;

function knownUnitAt(folded: string, i: number, end: number): number {
  if (i >= end) return i;
  const candidates = UNITS_BY_FIRST.get(folded.charCodeAt(i));
  if (!candidates) return i;
  for (const unit of candidates) {
    if (i + unit.length <= end && folded.startsWith(unit, i)) {
      matchedUnit = unit;
      return i + unit.length;
    }
  }
  return i;
}

/**
 * The end of the unit at `i` (`i` when there is none): `%`, `‰`, or parts joined by `/` or `·`
 * (`元/人`, `元/人·月`, `元/生/年`, `批次/千人`, `起/10万人`, and `/10万` after a rate's number).
 * A part is a known unit, one or two Han characters (`株`, `家次`) or a Latin unit (`mg`, `kW`),
 * maybe after a magnitude (`万立方米`, `千人`, `万辆次`, `万kWh`), whichever is longest; after a `/`
 * it may start with a count (`10万人`). `mg/L`, `μg/m³`, `千克标准煤/平方米`, `kW·h`.
 */
function readUnit(folded: string, i: number, end: number): number {
  if (i >= end) return i;
  const c = folded.charCodeAt(i);
  if (c === PERCENT || c === 0x2030) return i + 1; // % ‰
  let j = c === SLASH ? i : unitPartEnd(folded, i, end);
  for (let parts = 1; parts < MAX_UNIT_PARTS && j + 1 < end && isUnitJoiner(folded.charCodeAt(j)); parts++) {
    let k = j + 1;
    if (folded.charCodeAt(j) === SLASH) while (k < end && isDigit(folded.charCodeAt(k))) k++;
    const partEnd = unitPartEnd(folded, k, end);
    if (partEnd === k) break;
    j = partEnd;
  }
  return j;
}

/** A unit has at most this many parts (`元/人·月`). */
const MAX_UNIT_PARTS = 3;

/** `/`, and the middle dots of `人·月` (`·`, `・`, `•`). */
function isUnitJoiner(c: number): boolean {
  return c === SLASH || c === 0xb7 || c === 0x30fb || c === 0x2022;
}


/**
 * The end of one part of a unit at `i` (`i` when there is none), see readUnit: the longest of a
 * known unit, a generic one, a Latin one (`mg`, `kWh`), each maybe after one or two magnitudes
 * (`万千瓦时`, `万辆次`, `万kWh`, `百万元`).
 */
function unitPartEnd(folded: string, i: number, end: number): number {
  let best = knownUnitAt(folded, i, end);
  const known = matchedUnit;
  const plain = Math.max(genericUnitEnd(folded, i, end), latinUnitEnd(folded, i, end));
  if (plain > best) best = plain;
  for (let m = i; m < end && m - i < 2 && isMagnitude(folded.charCodeAt(m)); ) {
    m++;
    const scaled = Math.max(knownUnitAt(folded, m, end), genericUnitEnd(folded, m, end), latinUnitEnd(folded, m, end));
    if (scaled > m && scaled > best) best = scaled;
  }
  // unitText hands out the matched constant only for a unit that is one known unit.
  matchedUnit = best > i && folded.startsWith(known, i) && best === i + known.length ? known : "";
  return best;
}

/** The end of a generic unit at `i`: one or two Han characters that end no unit (`株`, `家次`). */
function genericUnitEnd(folded: string, i: number, end: number): number {
  let generic = i;
  while (generic < end && generic - i < GENERIC_UNIT_LENGTH && isHan(folded.charCodeAt(generic)) && !hasFlag(folded.charCodeAt(generic), UNIT_STOP_FLAG)) generic++;
  return generic;
}

/** The unit text [start, end) of the folded value: the matched constant when it is one. */
function unitText(folded: string, start: number, end: number): string {
  if (end - start === 1 && folded.charCodeAt(start) === PERCENT) return "%";
  if (matchedUnit.length === end - start && folded.startsWith(matchedUnit, start)) return matchedUnit;
  return folded.slice(start, end);
}

/** Reads `[operator] number [unit] [range] [suffix operator] [(remark)]` filling the whole of
 * [start, end); the result is QUANTITY (scratch), or undefined when the text is no quantity. */
function scanQuantity(folded: string, start: number, end: number): Quantity | undefined {
  // `全年不少于4次`, `累计≥500人次`, `确保90%以上`: words qualifying the quantity, kept in its text.
  let i = leadWordsEnd(folded, start, end);
  let operator: OperatorWord | undefined = matchWord(folded, i, end, GLYPH_INDEX);
  let operatorSource: OperatorSource | undefined = operator ? "glyph" : undefined;
  if (!operator) {
    operator = matchWord(folded, i, end, VALUE_START_WORD_INDEX);
    if (operator) operatorSource = "word";
  }
  /** An operator glyph opens the value: words may follow even a unit of time (`≤30天完成`). */
  const openedByGlyph = operatorSource === "glyph";
  const operatorStart = i;
  if (operator) {
    i = skipSpaces(folded, i + operator.text.length, end);
    // `不少于（含）200人`: the inclusive note after the operator says what the operator says.
    const noteEnd = inclusiveNoteEnd(folded, i, end);
    if (noteEnd > i && !noteExclusive) i = noteEnd;
  } else {
    // `约100人`, `大约5000册`: an approximate number is the number (no operator: `=`).
    i = approximateEnd(folded, i, end);
  }

  // `百分之九十`, `不低于百分之九十五`: a percentage in words, `%` its unit.
  const wordsEnd = percentInWordsEnd(folded, i, end);
  const inWords = wordsEnd > 0;
  let lower = inWords ? setScan(LOWER, i, wordsEnd, percentNumber, -1, false) : readNumber(LOWER, folded, i, end);
  if (!lower) return undefined;
  // `1:5`, `1：8`, `≥1∶3`: a ratio. Its first term and colon are the unit (`1:`, as written but
  // for the colon), its second term the number (see README: ratios).
  let ratio: string | undefined;
  if (!inWords && !lower.han && !lower.placeholder && lower.garbledEnd < 0 && ratioSecondAt(folded, lower.start, lower.end, end) > 0) {
    ratio = `${folded.slice(lower.start, lower.end)}:`;
    lower = readNumber(LOWER, folded, lower.end + 1, end);
    if (!lower) return undefined;
  }
  i = skipSpaces(folded, lower.end, end);
  // `≥200（含）人`: an inclusive note between the number and its unit (it says what `≥` says).
  const noteEnd = inclusiveNoteEnd(folded, i, end);
  if (noteEnd > i && !noteExclusive && readUnit(folded, noteEnd, end) > noteEnd) i = noteEnd;
  // `100余人`, `3万余人`, `十余次`: “and some more” after the number or its magnitude; the unit is
  // read around the word (`万人`), whose magnitude stays the unit's.
  const over = ratio === undefined ? overWordAt(folded, i, end) : -1;
  const magnitude = over >= 0 ? folded.slice(i, over) : "";
  let unitStart = over >= 0 ? over + 1 : i;
  // A ratio's unit stands before its number: nothing after it is a unit (`1:5人` is no quantity).
  // So does a percentage in words: its `%` is in its words.
  let unitEnd = ratio === undefined && !inWords ? readUnit(folded, unitStart, end) : unitStart;
  i = unitEnd;
  // `90%%`: the doubled sign belongs to the garbled text.
  if (unitEnd === unitStart + 1 && folded.charCodeAt(unitStart) === PERCENT && folded.charCodeAt(i) === PERCENT) {
    while (i < end && folded.charCodeAt(i) === PERCENT) i++;
    lower.garbledEnd = i;
    lower.value = undefined;
  }
  let unit = unitEnd > unitStart ? unitText(folded, unitStart, unitEnd) : undefined;
  if (magnitude !== "") unit = magnitude + (unit ?? "");
  if (ratio !== undefined) unit = ratio;
  else if (inWords) unit = "%";
  i = skipSpaces(folded, i, end);
  // `两至三次`: a count in Chinese numerals before a range sign takes the unit after the range.
  const hanBeforeRange = lower.han && unitEnd === unitStart && over < 0 && i < end && hasFlag(folded.charCodeAt(i), RANGE_SEPARATOR_FLAG);
  if (lower.han && !hanBeforeRange && !isHanCountUnit(folded, unitStart, unitEnd)) return undefined;
  /** The unit `unit` was read from last, which words after the value may take a part of. */
  let unitFromLast = unit !== undefined && ratio === undefined && !inWords;

  let upper: NumberScan | undefined;
  // (A range of ratios, `1:3-1:5`, is read as none: it stays a qualitative text.)
  if (i < end && ratio === undefined && !inWords && hasFlag(folded.charCodeAt(i), RANGE_SEPARATOR_FLAG)) {
    const k = skipSpaces(folded, i + 1, end);
    upper = readNumber(UPPER, folded, k, end);
    if (!upper) return undefined;
    i = skipSpaces(folded, upper.end, end);
    unitStart = i;
    unitEnd = readUnit(folded, i, end);
    if ((hanBeforeRange || upper.han) && !isHanCountUnit(folded, unitStart, unitEnd)) return undefined;
    unitFromLast = unit === undefined && unitEnd > unitStart;
    if (unitEnd > unitStart) unit ??= unitText(folded, unitStart, unitEnd);
    i = skipSpaces(folded, unitEnd, end);
  }
  /** Where the text after the quantity's number and unit starts. */
  const tailStart = i;

  // `100人左右`: approximate, as `约100人`.
  if (!operator && folded.startsWith(ABOUT_SUFFIX, i) && i + ABOUT_SUFFIX.length <= end) i = skipSpaces(folded, i + ABOUT_SUFFIX.length, end);

  const quantity = QUANTITY;
  quantity.lower = lower;
  quantity.upper = upper;
  quantity.range = upper !== undefined;
  quantity.unit = unit;
  quantity.operator = undefined;
  quantity.operatorSource = undefined;
  quantity.operatorStart = -1;
  quantity.operatorEnd = -1;
  quantity.operatorText = "";
  if (operator && operatorSource) {
    quantity.operator = operator.operator;
    quantity.operatorSource = operatorSource;
    quantity.operatorStart = operatorStart;
    quantity.operatorEnd = operatorStart + operator.text.length;
    quantity.operatorText = operator.text;
  }

  // Suffix operator: `80%以上`, `30天以内`, `2个工作日内`. With a prefix operator too (`≥80%以上`)
  // the suffix is kept as written and the prefix rules — but for the weak `达到`, which says no
  // direction: `达到5%以下` is `≤` (the prefix stays the operator as written, operatorRaw).
  // `90%（含）以上`, `5%(含)以下`: the bound is inclusive, which the suffix says already.
  // `90%（不含）以上`: the bound is exclusive, `>90%`.
  const afterInclusive = inclusiveNoteEnd(folded, i, end);
  const exclusive = afterInclusive > i && noteExclusive;
  if (afterInclusive > i && matchWord(folded, afterInclusive, end, SUFFIX_INDEX)) i = afterInclusive;
  let suffix = matchWord(folded, i, end, SUFFIX_INDEX);
  if (suffix && exclusive) suffix = suffix.text === EXCLUSIVE_ABOVE.text ? EXCLUSIVE_ABOVE : suffix.text === EXCLUSIVE_BELOW.text ? EXCLUSIVE_BELOW : suffix;
  if (!suffix && unit !== undefined && isTimeUnit(unit) && folded.startsWith(WITHIN_SUFFIX.text, i) && i < end) suffix = WITHIN_SUFFIX;
  if (suffix) {
    if (!operator && !upper) {
      quantity.operator = suffix.operator;
      quantity.operatorSource = "word";
      quantity.operatorStart = i;
      quantity.operatorEnd = i + suffix.text.length;
      quantity.operatorText = suffix.text;
    } else if (operator && !upper && WEAK_PREFIXES.has(operator.text)) {
      quantity.operator = suffix.operator;
    }
    i = skipSpaces(folded, i + suffix.text.length, end);
  }
  // A closing remark in brackets, maybe on a line of its own: `≥90%（含）`, `100%\n（下达后10日内）`;
  // or after a comma, in words with no number of their own: `≥90%，以实际为准` (`90%，95%` is no
  // one quantity).
  // An inclusive `（含）` there says what `≥`/`≤` say: it is no remark (`（不含）` is one).
  let remark = i;
  while (remark < end && isWhitespace(folded.charCodeAt(remark))) remark++;
  quantity.remarkStart = -1;
  if (remark < end && folded.charCodeAt(remark) === OPEN && folded.charCodeAt(end - 1) === CLOSE) {
    if (inclusiveNoteEnd(folded, remark, end) !== end || noteExclusive) quantity.remarkStart = remark;
    i = end;
  } else if (i < end && folded.charCodeAt(i) === COMMA && isWordRemark(folded, i + 1, end)) {
    quantity.remarkStart = i;
    i = end;
  } else if (i > start && i < end && isWhitespace(folded.charCodeAt(i - 1)) && isValueRemark(folded, i, end)) {
    // `≥100人 其中骨干教师≥20人`, `≥90% 以实际为准`: a part or remark after spaces, as after a comma
    // (segmentCell's spaceEndsItem keeps it in the item); the spaces stay with it, as written.
    let k = i;
    while (k > start && isWhitespace(folded.charCodeAt(k - 1))) k--;
    quantity.remarkStart = k;
    i = end;
  } else if (i < end) {
    // `≥10个项目`, `≥3万人参与`, `≥1亿元产值`, `100%完成`, `30天内完成`: a few words saying what the
    // quantity counts or does, right after its suffix operator or a known unit (which a longer
    // unit read over: `个项` of `个项目`), not after a unit of time unless a glyph opened the value
    // (`12月底前` is a time, `≤30天完成` a quantity).
    let words = -1;
    if (i > tailStart) {
      words = i;
    } else if (unitFromLast && unitEnd > unitStart && !lower.placeholder && !upper?.placeholder) {
      // (A template's `XX项目完成` is no count of `项`: its words are the template's.)
      const known = knownUnitPartEnd(folded, unitStart, unitEnd);
      // After a glyph a time is a quantity (`≤30天完成`, the cleaner's form of `30天内完成`); with no
      // operator it may be a date (`12月底前`).
      if (known > unitStart && (openedByGlyph || !isTimeUnit(folded.slice(unitStart, known)))) words = known;
    }
    // (`≥10个乡镇（街道）`: the words may close with a note in brackets.)
    const wordsEnd = words >= 0 ? countedWordsEnd(folded, words, end) : -1;
    if (words >= 0 && (wordsEnd === end || (wordsEnd > words && isClosingNote(folded, wordsEnd, end)))) {
      if (words <= unitEnd && words > unitStart) quantity.unit = magnitude + unitText(folded, unitStart, words);
      quantity.remarkStart = words;
      i = end;
    }
  }
  quantity.remarkEnd = end;
  return i === end ? quantity : undefined;
}

/** The number percentInWordsEnd read (scratch, read right after the call). */
let percentNumber = 0;

/**
 * The end of a percentage in words at `i` (PERCENT_WORDS and a number: `百分之九十`, `百分之九十五`,
 * `百分之一百`, `百分之百`, `百分之95`, `百分之99.5`), 0 when there is none; its number is left in
 * percentNumber. Numerals running on (`百分之九十五点五`) make none: the value stays a text.
 */
function percentInWordsEnd(folded: string, i: number, end: number): number {
  if (!folded.startsWith(PERCENT_WORDS, i)) return 0;
  const k = i + PERCENT_WORDS.length;
  if (k >= end) return 0;
  let e: number;
  if (isDigit(folded.charCodeAt(k))) {
    const n = readNumber(UPPER, folded, k, end);
    if (!n || n.value === undefined || n.garbledEnd >= 0) return 0;
    percentNumber = n.value;
    e = n.end;
  } else if (folded.charCodeAt(k) === HAN_HUNDRED) {
    // `百分之百`: the hundred alone.
    percentNumber = 100;
    e = k + 1;
  } else {
    e = hanNumberEnd(folded, k, end);
    if (e < 0) return 0;
    percentNumber = hanNumber;
  }
  if (e < end) {
    const c = folded.charCodeAt(e);
    if (isDigit(c) || isPercentSign(c) || hasFlag(c, HAN_NUMERAL_FLAG) || HAN_POWERS.has(folded.charAt(e)) || c === HAN_POINT) return 0;
  }
  return e;
}

const HAN_HUNDRED = 0x767e; // 百
const HAN_POINT = 0x70b9; // 点

/**
 * The unit written as an alternative in brackets right after a quantity's unit, as written:
 * `（套）` of `≥1.5万台（套）`, `(次)` of `≥100人(次)` — the value's remark, a known unit alone (a
 * note, `（以问卷为准）`, is none); undefined otherwise. The normalized table writes it with the unit
 * (`万台（套）`), the cleaner keeps it as written, so both say what the author wrote.
 */
export function unitAlternative(value: ParsedValue): string | undefined {
  const remark = value.remark;
  if (remark === undefined || value.unit === undefined || value.unitInName || remark.length < 3) return undefined;
  const folded = foldWidth(remark);
  if (folded.charCodeAt(0) !== OPEN || folded.charCodeAt(folded.length - 1) !== CLOSE) return undefined;
  return knownUnitAt(folded, 1, folded.length - 1) === folded.length - 1 ? remark : undefined;
}

/** Whether a value's unit is a ratio's first term (`1:` of `1:5`), written before its number. */
export function isRatioUnit(unit: string | undefined): boolean {
  return unit !== undefined && unit.charCodeAt(unit.length - 1) === COLON;
}

/** A ratio's first term has at most this many digits: `2025:12` is a year and month. */
const MAX_RATIO_TERM = 3;
/** The last hour of a clock time (`8:30`, `24:00`). */
const LAST_HOUR = 24;
const LAST_MINUTE = 59;

/**
 * Where the second term of a ratio starts when [s, colon) is its first term, an integer of at most
 * three digits, and a colon (`:`; `：` and `∶` folded) and a digit follow (`1:5`, `1：8`, `1∶1.5`,
 * `3:1`); -1 otherwise. A clock time is none: two digits up to 59 after an hour up to 24, unless
 * the hour is 1 and the minutes do not start with 0 (`8:30`, `10:00`, `1:05`, `8:30:00` are times;
 * `1:30`, `1:15` are ratios, the usual first term), nor a year and month (`2025:12`).
 */
export function ratioSecondAt(folded: string, s: number, colon: number, end: number): number {
  if (colon - s > MAX_RATIO_TERM || colon + 1 >= end) return -1;
  const sign = folded.charCodeAt(colon);
  if (sign !== COLON || !isDigit(folded.charCodeAt(colon + 1))) return -1;
  for (let k = s; k < colon; k++) if (!isDigit(folded.charCodeAt(k))) return -1;
  let b = colon + 1;
  while (b < end && isDigit(folded.charCodeAt(b))) b++;
  if (b < end && folded.charCodeAt(b) === COLON) return -1;
  return clockAt(folded, s, end) >= 0 ? -1 : colon + 1;
}

/** Where an OVER_WORDS word stands at `i`, maybe after one or two magnitudes (`余人`, `万余人`,
 * `百万余元`), when no digit follows it; -1 when there is none. */
function overWordAt(folded: string, i: number, end: number): number {
  let k = i;
  while (k < end && k - i < 2 && isMagnitude(folded.charCodeAt(k))) k++;
  if (k >= end || !OVER_WORDS.has(folded.charAt(k))) return -1;
  return k + 1 < end && isDigit(folded.charCodeAt(k + 1)) ? -1 : k;
}

/** The end of the longest known unit at `i`, maybe after one or two magnitudes (`个`, `万人`,
 * `亿元`, `%`), at most `limit`; `i` when there is none. Leaves matchedUnit as unitText wants it. */
function knownUnitPartEnd(folded: string, i: number, limit: number): number {
  let best = knownUnitAt(folded, i, limit);
  let bestUnit = best > i ? matchedUnit : "";
  for (let m = i; m < limit && m - i < 2 && isMagnitude(folded.charCodeAt(m)); ) {
    m++;
    const k = knownUnitAt(folded, m, limit);
    if (k > m && k > best) {
      best = k;
      bestUnit = "";
    }
  }
  matchedUnit = bestUnit;
  return best;
}

/** Whether [i, end) is one note in brackets and nothing else: `（街道）`, `(含线上)`. */
function isClosingNote(folded: string, i: number, end: number): boolean {
  if (folded.charCodeAt(i) !== OPEN || folded.charCodeAt(end - 1) !== CLOSE) return false;
  for (let k = i + 1; k < end - 1; k++) {
    const c = folded.charCodeAt(k);
    if (c === OPEN || c === CLOSE) return false;
  }
  return true;
}

/** The end of the words after a quantity that say what it counts or does (`项目`, `参与`, `完成`):
 * Han characters, at most MAX_COUNTED_WORDS, none of a time, a count or a frequency
 * (NOT_COUNTED_WORD_CHARS, TIME_MARKERS, Chinese numerals); `i` when there are none. */
function countedWordsEnd(folded: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_COUNTED_WORDS) {
    const c = folded.charCodeAt(j);
    if (!isHan(c) || hasFlag(c, HAN_NUMERAL_FLAG | TIME_MARKER_FLAG) || HAN_POWERS.has(folded.charAt(j)) || NOT_COUNTED_WORD_CHARS.has(folded.charAt(j))) break;
    j++;
  }
  return j;
}

const ABOUT_SUFFIX = "左右";

/** The end of `约`/`大约` (and spaces) at `i` when a digit follows, else `i`. */
function approximateEnd(folded: string, i: number, end: number): number {
  for (const word of ABOUT_PREFIXES_LIST) {
    if (!folded.startsWith(word, i)) continue;
    const k = skipSpaces(folded, i + word.length, end);
    return k < end && isDigit(folded.charCodeAt(k)) ? k : i;
  }
  return i;
}

/** isValueRemark of [start, end) after white space. */
function isWordRemark(folded: string, start: number, end: number): boolean {
  return isValueRemark(folded, skipSpaces(folded, start, end), end);
}

/** Words a remark on a value opens with (`以实际为准`, `力争更高`, `含线上培训`, `具体以批复为准`):
 * anything else after a value's comma may be another indicator (`≥90%，服务质量优良`). */
const REMARK_OPENERS = ["以", "力争", "争取", "含", "不含", "具体", "视", "按", "根据", "据实", "暂按", "待"];

/**
 * Whether [s, end), after a value and its comma, remarks on that value rather than being another
 * indicator: words opening a remark with no number (`以实际为准`, `按…`, REMARK_OPENERS), a stretch
 * target or a share of the target that may hold one (`力争≥95%`, `含线上≥50人`, STRETCH_OPENERS),
 * or a part of the target (`其中骨干教师≥20人`, `另…`, `包括…`, and `每` with a short period or unit:
 * `每期≥20人`, `每月2次`, not `每万人口执业医师数≥3人`). `按期完成率≥95%` is another indicator.
 */
export function isValueRemark(folded: string, s: number, end: number): boolean {
  if (startsWithAny(folded, s, end, PART_OPENERS) || (folded.charCodeAt(s) === EACH && shortPerUnit(folded, s + 1, end))) return true;
  if (!startsWithAny(folded, s, end, REMARK_OPENERS)) return false;
  for (let k = s; k < end; k++) if (isDigit(folded.charCodeAt(k))) return startsWithAny(folded, s, end, STRETCH_OPENERS);
  return true;
}

/** Words opening a part of the target before them (with numbers of their own). */
const PART_OPENERS = ["其中", "另外", "另", "包括"];
/** Remark openers whose remark may state a number: a stretch target, a share of the target. */
const STRETCH_OPENERS = ["力争", "争取", "含", "不含"];
const EACH = 0x6bcf; // 每

/** `期≥20人`, `场不少于50人`, `月2次` after a `每`: one or two characters, then a number or an operator. */
function shortPerUnit(folded: string, i: number, end: number): boolean {
  for (let k = i + 1; k <= i + 2 && k < end; k++) {
    const c = folded.charCodeAt(k);
    if (isDigit(c) || isOperatorGlyph(c) || prefixWordAt(folded, k, end) > 0) return true;
  }
  return false;
}

function startsWithAny(folded: string, s: number, end: number, words: readonly string[]): boolean {
  for (const word of words) if (s + word.length < end && folded.startsWith(word, s)) return true;
  return false;
}

const HAN_INCLUSIVE = 0x542b; // 含
const HAN_NOT = 0x4e0d; // 不

/** The suffix words after `(不含)`: the bound itself is out. */
const EXCLUSIVE_ABOVE: OperatorWord = { text: "以上", operator: ">" };
const EXCLUSIVE_BELOW: OperatorWord = { text: "以下", operator: "<" };

/** Whether the note inclusiveNoteEnd read last was `(不含)` (scratch, read at once). */
let noteExclusive = false;

/** The end of `(含)` or `(不含)` at `i` (spaces allowed inside and after), `i` when there is
 * none; noteExclusive says which. */
function inclusiveNoteEnd(folded: string, i: number, end: number): number {
  noteExclusive = false;
  if (i >= end || folded.charCodeAt(i) !== OPEN) return i;
  let k = skipSpaces(folded, i + 1, end);
  if (k < end && folded.charCodeAt(k) === HAN_NOT) {
    noteExclusive = true;
    k = skipSpaces(folded, k + 1, end);
  }
  if (k >= end || folded.charCodeAt(k) !== HAN_INCLUSIVE) return i;
  k = skipSpaces(folded, k + 1, end);
  if (k >= end || folded.charCodeAt(k) !== CLOSE) return i;
  return skipSpaces(folded, k + 1, end);
}

/**
 * A count per period with its operator: `每月不少于2次`, `每年≥4次` (the period first) or
 * `不少于每月2次` (the operator first), read as QUANTITY with the unit per the period (`次/月`).
 * Without an operator a count per period is `=` (`每季度1次`), a date in each period a time value
 * (`每月15日`: undefined, as with no unit or a range).
 */
function perPeriodQuantity(folded: string, s: number, e: number): Quantity | undefined {
  const first = periodAt(folded, s, e);
  let operator: OperatorWord | undefined;
  let operatorSource: OperatorSource = "glyph";
  let i = s;
  if (first === undefined) {
    operator = matchWord(folded, i, e, GLYPH_INDEX);
    if (!operator) {
      operator = matchWord(folded, i, e, PREFIX_WORD_INDEX);
      operatorSource = "word";
    }
    if (!operator) return undefined;
    i = skipSpaces(folded, i + operator.text.length, e);
  }
  const period = first ?? periodAt(folded, i, e);
  if (period === undefined) return undefined;
  const after = skipSpaces(folded, (first === undefined ? i : s) + (period[0] as string).length, e);
  const q = scanQuantity(folded, after, e);
  if (!q || q.range || q.unit === undefined || q.unit.includes("/")) return undefined;
  if (operator) {
    if (q.operator !== undefined) return undefined;
    q.operator = operator.operator;
    q.operatorSource = operatorSource;
    q.operatorStart = s;
    q.operatorEnd = s + operator.text.length;
    q.operatorText = operator.text;
  } else if (q.operator === undefined && isTimeUnit(q.unit)) {
    // `每月15日`, `每年12月`: a date in each period, a time value; `每季度1次` is `=` 1 次/季度.
    return undefined;
  }
  // A share per period is still a share (`每年≥90%`): percent_over_100 and the satisfaction rules read `%`.
  if (q.unit !== "%" && q.unit !== "‰") q.unit = `${q.unit}/${period[1]}`;
  return q;
}

function periodAt(folded: string, i: number, e: number): readonly [string, string] | undefined {
  if (folded.charCodeAt(i) !== 0x6bcf) return undefined; // 每
  for (const period of PERIODS) if (i + period[0].length <= e && folded.startsWith(period[0], i)) return period;
  return undefined;
}

/** Whether [start, end) is an operator with no number: a glyph or word operator, then at most a
 * known unit (`%`, `人`, `万元`, not any Han word: `达到要求` is a value) and a suffix word.
 * Examples: `≥`, `>=`, `不低于`, `≥人`, `≥ %`, `不少于人次`. */
function isOperatorOnly(folded: string, start: number, end: number): boolean {
  const operator = matchWord(folded, start, end, GLYPH_INDEX) ?? matchWord(folded, start, end, PREFIX_WORD_INDEX);
  if (!operator) return false;
  let i = skipSpaces(folded, start + operator.text.length, end);
  if (i < end) {
    const c = folded.charCodeAt(i);
    i = skipSpaces(folded, c === PERCENT || c === 0x2030 ? i + 1 : knownUnitAt(folded, i, end), end);
  }
  const suffix = matchWord(folded, i, end, SUFFIX_INDEX);
  if (suffix) i = skipSpaces(folded, i + suffix.text.length, end);
  return i === end;
}

/** Whether [start, end) is a known unit and nothing else: `%`, `份`, `人次`, `万元`. */
function isUnitOnly(folded: string, start: number, end: number): boolean {
  const c = folded.charCodeAt(start);
  if (c === PERCENT || c === 0x2030) return skipSpaces(folded, start + 1, end) === end;
  const unitEnd = knownUnitAt(folded, start, end);
  return unitEnd > start && skipSpaces(folded, unitEnd, end) === end;
}

function isYearNumber(n: NumberScan | undefined): boolean {
  return n?.value !== undefined && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100;
}

/** `2025年` is a year, `2023-2025年` a period: time values, not amounts of years (of QUANTITY). */
function isYear(): boolean {
  const q = QUANTITY;
  if (q.unit !== "年" || q.operator !== undefined) return false;
  return isYearNumber(q.lower) && (q.upper === undefined || isYearNumber(q.upper));
}

/** The value of QUANTITY. */
function quantityValue(text: string, raw: string, span: Span): ParsedValue {
  const q = QUANTITY;
  const value = newValue(q.range ? "range" : "quantitative", raw, span);
  if (q.operator !== undefined && q.operatorSource !== undefined) {
    value.operator = q.operator;
    value.operatorSource = q.operatorSource;
    if (q.operatorStart >= 0) value.operatorRaw = writtenAs(text, q.operatorStart, q.operatorEnd, q.operatorText);
  } else if (!q.range) {
    value.operator = "=";
    value.operatorSource = "implicit";
  }
  value.numberRaw = internSlice(text, q.lower.start, q.lower.end);
  if (q.lower.value !== undefined && q.lower.garbledEnd < 0) value.number = q.lower.value;
  if (q.upper !== undefined && q.upper.value !== undefined && q.upper.garbledEnd < 0) value.upper = q.upper.value;
  if (q.unit !== undefined) value.unit = q.unit;
  if (q.lower.placeholder || q.upper?.placeholder) value.placeholder = true;
  if (q.remarkStart >= 0) value.remark = internSlice(text, q.remarkStart, q.remarkEnd);
  const garbled = q.lower.garbledEnd >= 0 ? q.lower : q.upper !== undefined && q.upper.garbledEnd >= 0 ? q.upper : undefined;
  if (garbled !== undefined) value.garbled = text.slice(garbled.start, garbled.garbledEnd);
  return value;
}

/** text.slice(start, end), as the constant `word` when that is what was typed there. */
function writtenAs(text: string, start: number, end: number, word: string): string {
  return word.length === end - start && text.startsWith(word, start) ? word : text.slice(start, end);
}

// ---------------------------------------------------------------------------------------
// Time values

/** A four-digit year between 1900 and 2100 at `i`; returns its end or -1. */
function yearAt(folded: string, i: number, end: number): number {
  if (i + 4 > end) return -1;
  for (let k = i; k < i + 4; k++) if (!isDigit(folded.charCodeAt(k))) return -1;
  if (i + 4 < end && isDigit(folded.charCodeAt(i + 4))) return -1;
  let year = 0;
  for (let k = i; k < i + 4; k++) year = year * 10 + (folded.charCodeAt(k) - 0x30);
  return year >= 1900 && year <= 2100 ? i + 4 : -1;
}

/** `.07`, `/7`, `-07` after a year: a one- or two-digit part from 1 to `max` (12 for a month,
 * 31 for a day: `2025.13.40` is no date); returns its end or -1. */
function datePartAt(folded: string, i: number, end: number, max: number): number {
  const c = folded.charCodeAt(i);
  if (c !== DOT && c !== SLASH && c !== 0x2d) return -1;
  let k = i + 1;
  let part = 0;
  while (k < end && k - i <= 2 && isDigit(folded.charCodeAt(k))) part = part * 10 + (folded.charCodeAt(k++) - 0x30);
  if (k === i + 1 || (k < end && isDigit(folded.charCodeAt(k)))) return -1;
  return part >= 1 && part <= max ? k : -1;
}

/** Whether dateAt's date had a month (scratch beside its returned end). */
let dateHadMonth = false;

/** `2023.07`, `2023/7/1`, `2023-07`: returns the end of the date at `i` (-1 if none) and leaves
 * whether it had a month in dateHadMonth. */
function dateAt(folded: string, i: number, end: number): number {
  const y = yearAt(folded, i, end);
  if (y < 0) return -1;
  const m = datePartAt(folded, y, end, 12);
  dateHadMonth = m >= 0;
  if (m < 0) return y;
  const d = datePartAt(folded, m, end, 31);
  return d < 0 ? m : d;
}

/** Dates written with digits only: `2023.07-2024.01`, `2023-2025`, `2024.12`, also with a
 * time word after a date with a month (`2025.12.31前`, `2025/12/31之前`, `2025-12前完成`). Tried
 * before quantities, which would read `2023.07-2024.01` as the range 2023.07 to 2024.01. */
function isDateShape(folded: string, s: number, e: number): boolean {
  const first = dateAt(folded, s, e);
  if (first < 0) return false;
  if (first === e) return dateHadMonth;
  if (dateHadMonth && isTimeWordTail(folded, first, e)) return true;
  const k = skipSpaces(folded, first, e);
  if (k >= e || !hasFlag(folded.charCodeAt(k), RANGE_SEPARATOR_FLAG)) return false;
  const second = dateAt(folded, skipSpaces(folded, k + 1, e), e);
  return second >= 0 && skipSpaces(folded, second, e) === e;
}

/** The end of a clock time at `i` (`8:30`, `17:00`: an hour up to 24, two digits of minutes up to
 * 59), -1 if none. The one reading of a clock: ratioSecondAt asks it what is no ratio. */
function clockAt(folded: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 2 && isDigit(folded.charCodeAt(j))) j++;
  if (j === i || j + 3 > end || folded.charCodeAt(j) !== COLON) return -1;
  if (!isDigit(folded.charCodeAt(j + 1)) || !isDigit(folded.charCodeAt(j + 2))) return -1;
  // More digits, or a decimal, after the minutes: a ratio (`1:155`, `1:15.5`), no time.
  if (j + 3 < end && (isDigit(folded.charCodeAt(j + 3)) || folded.charCodeAt(j + 3) === DOT)) return -1;
  const hour = Number(folded.slice(i, j));
  const minutes = Number(folded.slice(j + 1, j + 3));
  // `1:15`, `1:30` are ratios, the usual first term (ratioSecondAt reads them so); `1:05` is a time.
  if (hour === 1 && minutes >= 10) return -1;
  return hour <= LAST_HOUR && minutes <= LAST_MINUTE ? j + 3 : -1;
}

/** Clock times: `8:30前`, `8:30-17:30`, `9:00至17:00`, `10:00` (opening hours, a deadline in the day),
 * maybe with a time word after them (`前`, `之前`). `1:15` is a ratio, as ratioSecondAt reads it. */
function isClockShape(folded: string, s: number, e: number): boolean {
  const first = clockAt(folded, s, e);
  if (first < 0) return false;
  if (first === e || isTimeWordTail(folded, first, e)) return true;
  const k = skipSpaces(folded, first, e);
  if (k >= e || !hasFlag(folded.charCodeAt(k), RANGE_SEPARATOR_FLAG)) return false;
  const second = clockAt(folded, skipSpaces(folded, k + 1, e), e);
  return second >= 0 && (skipSpaces(folded, second, e) === e || isTimeWordTail(folded, second, e));
}

/** Time characters with no digit and no unit of time after a date (`前`, `之前`, `以前`, `前完成`):
 * `2025.12.31前`. A tail with a unit (`月底前`) is isTimeText's; `2025.12万元` is no date. */
function isTimeWordTail(folded: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = folded.charCodeAt(i);
    if (isSpace(c)) continue;
    if (isDigit(c) || !hasFlag(c, TIME_CHAR_FLAG) || hasFlag(c, TIME_MARKER_FLAG) || hasFlag(c, RANGE_SEPARATOR_FLAG)) return false;
  }
  return true;
}

/** Words of dates and periods: `2025年12月31日前`, `12月底前`, `每年12月底前`, `年底前`, `第2、3季度`,
 * also with Chinese numerals (`十一月前`, `2025年第四季度`, `二〇二五年十二月三十一日前`). */
function isTimeText(folded: string, s: number, e: number): boolean {
  let marker = false;
  for (let i = s; i < e; i++) {
    const c = folded.charCodeAt(i);
    if (isDigit(c) || isSpace(c) || hasFlag(c, HAN_NUMERAL_FLAG)) continue;
    if (!hasFlag(c, TIME_CHAR_FLAG)) return false;
    if (hasFlag(c, TIME_MARKER_FLAG)) marker = true;
  }
  return marker;
}

/** Two or more template marks in a row anywhere in a value: `XX`, `xx`, `××`, `**`. */
function hasPlaceholderRun(folded: string, s: number, e: number): boolean {
  let run = 0;
  for (let i = s; i < e; i++) {
    if (isPlaceholderCode(folded.charCodeAt(i)) && folded.charCodeAt(i) !== 0x3f) {
      run++;
      if (run >= 2) return true;
    } else run = 0;
  }
  return false;
}
