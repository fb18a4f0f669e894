import type { Operator, OperatorSource, ParsedValue, Span } from "../model";
import { foldWidth, isDigit, isHan, isSpace, isWhitespace } from "./normalizeText";
import { compactFolded } from "./vocabulary";
import {
  PREFIX_GLYPHS,
  PREFIX_WORDS,
  QUALITATIVE_WORDS,
  RANGE_SEPARATORS,
  SUFFIX_WORDS,
  TIME_CHARS,
  TIME_MARKERS,
  TIME_UNITS,
  UNITS,
  VAGUE_WORDS,
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
  if (offset !== 0) value.span = { start: value.span.start + offset, end: value.span.end + offset };
  return value;
}

/**
 * The value occupying `[start, end)` of a cell. `text` is the cell as typed, `folded` its
 * foldWidth (same length), so spans are cell offsets and `raw` is what the user typed.
 */
export function readValue(text: string, folded: string, start: number, end: number): ParsedValue {
  const { s, e } = trimValue(folded, start, end);
  const span: Span = { start: s, end: e };
  const raw = text.slice(s, e);
  if (s === e) return { kind: "empty", raw, span };
  if (isDateShape(folded, s, e)) return { kind: "time", raw, span, text: raw };

  let quantity = scanQuantity(folded, s, e);
  // A template value wrapped whole in brackets: `(≥**株)`.
  if (!quantity && folded.charCodeAt(s) === OPEN && folded.charCodeAt(e - 1) === CLOSE && e - s > 2) {
    const inner = trimValue(folded, s + 1, e - 1);
    quantity = scanQuantity(folded, inner.s, inner.e);
  }
  if (quantity && !isYear(quantity)) return quantityValue(text, quantity, raw, span);
  if (quantity || isTimeText(folded, s, e)) return { kind: "time", raw, span, text: raw };

  const value: ParsedValue = { kind: "qualitative", raw, span, text: raw };
  if (hasPlaceholderRun(folded, s, e)) value.placeholder = true;
  if (e - s <= MAX_WORD_LENGTH) {
    const word = compact(folded, s, e);
    if (VAGUE_WORDS.has(word)) value.vague = true;
  }
  return value;
}

/**
 * Whether an unlabelled item's trailing part reads as a value rather than more of the name:
 * numbers, ranges, times, template or garbled values, a known qualitative word, or a very short
 * word. `5、效益指标：党代表基层联系群众工作指标，合格。` → `合格` is a value;
 * `…得到提升，凝聚力和战斗力得到加强` is a name going on.
 */
export function looksLikeValue(value: ParsedValue, folded: string): boolean {
  switch (value.kind) {
    case "empty":
      return false;
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
      return QUALITATIVE_WORDS.has(word) || VAGUE_WORDS.has(word);
    }
  }
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

/** Values longer than this are never looked up in the word lists. */
const MAX_WORD_LENGTH = 12;
/** A qualitative tail this short (`合格`, `较好`, `有效`) is a value, not the end of a name. */
const SHORT_VALUE = 4;

/** Strips spaces, line breaks and a trailing item terminator (`。`, `;`). */
function trimValue(folded: string, start: number, end: number): { s: number; e: number } {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(folded.charCodeAt(s))) s++;
  while (e > s) {
    const c = folded.charCodeAt(e - 1);
    if (isWhitespace(c) || c === IDEOGRAPHIC_FULL_STOP || c === SEMICOLON) e--;
    else break;
  }
  return { s, e };
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
const SUFFIX_INDEX = indexWords(SUFFIX_WORDS);

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

interface NumberScan {
  start: number;
  end: number;
  /** The number read, absent when garbled or a placeholder. */
  value?: number;
  /** End of the offending text when the number is garbled (`9O`, `1..5`, `90%%`). */
  garbledEnd?: number;
  placeholder: boolean;
}

interface Quantity {
  operator?: Operator;
  operatorSource?: OperatorSource;
  operatorStart?: number;
  operatorEnd?: number;
  lower: NumberScan;
  upper?: NumberScan;
  unit?: string;
  range: boolean;
}

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
function readNumber(folded: string, i: number, end: number): NumberScan | undefined {
  if (i >= end) return undefined;
  const c0 = folded.charCodeAt(i);
  if (isPlaceholderCode(c0)) {
    let j = i + 1;
    while (j < end && isPlaceholderCode(folded.charCodeAt(j))) j++;
    return { start: i, end: j, placeholder: true };
  }
  let valid = true;
  let j = i;
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
      break;
    }
    if (c === COMMA && previousDigit && !sawDot && isThousandsSeparator(folded, j, end)) {
      j++;
      continue;
    }
    if (isConfusable(c) && (previousDigit || nextDigit)) {
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
  if (!valid) return { start: i, end: j, garbledEnd: j, placeholder: false };
  const written = folded.slice(i, j);
  const value = Number(written.includes(",") ? written.replace(/,/g, "") : written);
  return Number.isFinite(value) ? { start: i, end: j, value, placeholder: false } : { start: i, end: j, garbledEnd: j, placeholder: false };
}

/** Known units by their first character, longest first, so `个工作日` wins over `个`. */
const UNITS_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const unit of UNITS) {
    const first = unit[0] ?? "";
    const list = map.get(first) ?? [];
    list.push(unit);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** Han characters that end a unit: operator suffixes, range words, time words (`前`, `底`). */
const UNIT_STOP: ReadonlySet<string> = new Set([..."以及或之内至到左右前后底完成达每等约"]);

/** A generic unit is at most this many Han characters (`株`, `盏`, `人次`). */
const GENERIC_UNIT_LENGTH = 2;

function knownUnitAt(folded: string, i: number, end: number): number {
  const candidates = UNITS_BY_FIRST.get(folded[i] ?? "");
  if (!candidates) return i;
  for (const unit of candidates) if (i + unit.length <= end && folded.startsWith(unit, i)) return i + unit.length;
  return i;
}

/** The end of the unit at `i` (`i` when there is none): a known unit, else one or two Han
 * characters, optionally `/` and a second unit (`元/人`, `次/年`). */
function readUnit(folded: string, i: number, end: number): number {
  if (i >= end) return i;
  const c = folded.charCodeAt(i);
  if (c === PERCENT || c === 0x2030) return i + 1; // % ‰
  let j = knownUnitAt(folded, i, end);
  if (j === i) {
    while (j < end && j - i < GENERIC_UNIT_LENGTH && isHan(folded.charCodeAt(j)) && !UNIT_STOP.has(folded[j] ?? "")) j++;
    if (j === i) return i;
  }
  if (j + 1 < end && folded.charCodeAt(j) === SLASH) {
    const k = knownUnitAt(folded, j + 1, end);
    if (k > j + 1) return k;
    if (isHan(folded.charCodeAt(j + 1))) return j + 2;
  }
  return j;
}

function scanQuantity(folded: string, start: number, end: number): Quantity | undefined {
  let i = start;
  let operator: OperatorWord | undefined = matchWord(folded, i, end, GLYPH_INDEX);
  let operatorSource: OperatorSource | undefined = operator ? "glyph" : undefined;
  if (!operator) {
    operator = matchWord(folded, i, end, PREFIX_WORD_INDEX);
    if (operator) operatorSource = "word";
  }
  const operatorStart = i;
  if (operator) i = skipSpaces(folded, i + operator.text.length, end);

  const lower = readNumber(folded, i, end);
  if (!lower) return undefined;
  i = skipSpaces(folded, lower.end, end);
  let unitStart = i;
  let unitEnd = readUnit(folded, i, end);
  i = unitEnd;
  // `90%%`: the doubled sign belongs to the garbled text.
  if (unitEnd === unitStart + 1 && folded.charCodeAt(unitStart) === PERCENT && folded.charCodeAt(i) === PERCENT) {
    while (i < end && folded.charCodeAt(i) === PERCENT) i++;
    lower.garbledEnd = i;
    delete lower.value;
  }
  let unit = unitEnd > unitStart ? folded.slice(unitStart, unitEnd) : undefined;
  i = skipSpaces(folded, i, end);

  let upper: NumberScan | undefined;
  if (i < end && RANGE_SEPARATORS.has(folded[i] ?? "")) {
    const k = skipSpaces(folded, i + 1, end);
    upper = readNumber(folded, k, end);
    if (!upper) return undefined;
    i = skipSpaces(folded, upper.end, end);
    unitStart = i;
    unitEnd = readUnit(folded, i, end);
    if (unitEnd > unitStart) unit ??= folded.slice(unitStart, unitEnd);
    i = skipSpaces(folded, unitEnd, end);
  }

  const quantity: Quantity = { lower, range: upper !== undefined };
  if (upper) quantity.upper = upper;
  if (unit !== undefined) quantity.unit = unit;
  if (operator && operatorSource) {
    quantity.operator = operator.operator;
    quantity.operatorSource = operatorSource;
    quantity.operatorStart = operatorStart;
    quantity.operatorEnd = operatorStart + operator.text.length;
  }

  // Suffix operator: `80%以上`, `30天以内`, `2个工作日内`. With a prefix operator too (`≥80%以上`)
  // the suffix is kept as written and the prefix rules.
  let suffix = matchWord(folded, i, end, SUFFIX_INDEX);
  if (!suffix && unit !== undefined && TIME_UNITS.has(unit) && folded.startsWith(WITHIN_SUFFIX.text, i) && i < end) suffix = WITHIN_SUFFIX;
  if (suffix) {
    if (!operator && !upper) {
      quantity.operator = suffix.operator;
      quantity.operatorSource = "word";
      quantity.operatorStart = i;
      quantity.operatorEnd = i + suffix.text.length;
    }
    i = skipSpaces(folded, i + suffix.text.length, end);
  }
  // A closing remark in brackets: `≥90%（含）`.
  if (i < end && folded.charCodeAt(i) === OPEN && folded.charCodeAt(end - 1) === CLOSE) i = end;
  return i === end ? quantity : undefined;
}

/** `2025年` is a year, `2023-2025年` a period: time values, not amounts of years. */
function isYear(q: Quantity): boolean {
  if (q.unit !== "年" || q.operator !== undefined) return false;
  const year = (n: NumberScan | undefined) => n?.value !== undefined && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100;
  return year(q.lower) && (q.upper === undefined || year(q.upper));
}

function quantityValue(text: string, q: Quantity, raw: string, span: Span): ParsedValue {
  const value: ParsedValue = { kind: q.range ? "range" : "quantitative", raw, span };
  if (q.operator !== undefined && q.operatorSource !== undefined) {
    value.operator = q.operator;
    value.operatorSource = q.operatorSource;
    if (q.operatorStart !== undefined && q.operatorEnd !== undefined) value.operatorRaw = text.slice(q.operatorStart, q.operatorEnd);
  } else if (!q.range) {
    value.operator = "=";
    value.operatorSource = "implicit";
  }
  value.numberRaw = text.slice(q.lower.start, q.lower.end);
  if (q.lower.value !== undefined && q.lower.garbledEnd === undefined) value.number = q.lower.value;
  if (q.upper?.value !== undefined && q.upper.garbledEnd === undefined) value.upper = q.upper.value;
  if (q.unit !== undefined) value.unit = q.unit;
  if (q.lower.placeholder || q.upper?.placeholder) value.placeholder = true;
  const garbled = q.lower.garbledEnd !== undefined ? q.lower : q.upper?.garbledEnd !== undefined ? q.upper : undefined;
  if (garbled?.garbledEnd !== undefined) value.garbled = text.slice(garbled.start, garbled.garbledEnd);
  return value;
}

// ---------------------------------------------------------------------------------------
// Time values

/** A four-digit year between 1900 and 2100 at `i`; returns its end or -1. */
function yearAt(folded: string, i: number, end: number): number {
  if (i + 4 > end) return -1;
  for (let k = i; k < i + 4; k++) if (!isDigit(folded.charCodeAt(k))) return -1;
  if (i + 4 < end && isDigit(folded.charCodeAt(i + 4))) return -1;
  const year = Number(folded.slice(i, i + 4));
  return year >= 1900 && year <= 2100 ? i + 4 : -1;
}

/** `.07`, `/7`, `-07` after a year: a one- or two-digit part; returns its end or -1. */
function datePartAt(folded: string, i: number, end: number): number {
  const c = folded.charCodeAt(i);
  if (c !== DOT && c !== SLASH && c !== 0x2d) return -1;
  let k = i + 1;
  while (k < end && k - i <= 2 && isDigit(folded.charCodeAt(k))) k++;
  if (k === i + 1 || (k < end && isDigit(folded.charCodeAt(k)))) return -1;
  return k;
}

/** `2023.07`, `2023/7/1`, `2023-07`: returns the end of the date at `i` and whether it had a month. */
function dateAt(folded: string, i: number, end: number): { end: number; month: boolean } | undefined {
  const y = yearAt(folded, i, end);
  if (y < 0) return undefined;
  const m = datePartAt(folded, y, end);
  if (m < 0) return { end: y, month: false };
  const d = datePartAt(folded, m, end);
  return { end: d < 0 ? m : d, month: true };
}

/** Dates written with digits only: `2023.07-2024.01`, `2023-2025`, `2024.12`. Tried before
 * quantities, which would read `2023.07-2024.01` as the range 2023.07 to 2024.01. */
function isDateShape(folded: string, s: number, e: number): boolean {
  const first = dateAt(folded, s, e);
  if (!first) return false;
  if (first.end === e) return first.month;
  const k = skipSpaces(folded, first.end, e);
  if (k >= e || !RANGE_SEPARATORS.has(folded[k] ?? "")) return false;
  const second = dateAt(folded, skipSpaces(folded, k + 1, e), e);
  return second !== undefined && skipSpaces(folded, second.end, e) === e;
}

/** Words of dates and periods: `2025年12月31日前`, `12月底前`, `每年12月底前`, `年底前`, `第2、3季度`. */
function isTimeText(folded: string, s: number, e: number): boolean {
  let marker = false;
  for (let i = s; i < e; i++) {
    const c = folded.charCodeAt(i);
    if (isDigit(c) || isSpace(c)) continue;
    const ch = folded[i] ?? "";
    if (!TIME_CHARS.has(ch)) return false;
    if (TIME_MARKERS.has(ch)) marker = true;
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
