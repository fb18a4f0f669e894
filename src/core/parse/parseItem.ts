import type { IndicatorItem, Level2, ParsedValue, Span } from "../model";
import { isDigit, isWhitespace } from "./normalizeText";
import { isThousandsSeparator, looksLikeValue, readValue } from "./parseValue";
import { readHead, type Head } from "./readHead";
import type { Segment } from "./segmentCell";
import { inferLevel2Folded } from "./vocabulary";

const COLON = 0x3a;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const OPEN = 0x28;
const CLOSE = 0x29;

function isSeparator(c: number): boolean {
  return c === COLON || c === COMMA || c === SEMICOLON;
}

/** An operator glyph (folded): where an unlabelled, unseparated value begins (`培训人数≥200人`). */
function isOperatorGlyph(c: number): boolean {
  return c === 0x2265 || c === 0x2264 || c === 0x3e || c === 0x3c || c === 0x3d; // ≥ ≤ > < =
}

/**
 * Reads one item of a cell: `<number>、<一级>[二级]：<name>，[label：]<value><terminator>`.
 * `text` is the cell as typed, `folded` its foldWidth; every span is a cell offset.
 */
export function parseItem(text: string, folded: string, segment: Segment, index: number): IndicatorItem {
  const { contentStart: cs, contentEnd: ce } = segment;
  const label = segment.label;
  const regionEnd = label ? label.start : ce;
  let head = readHead(folded, cs, regionEnd);
  // `成本控制率：≤100%` is a name and its value, not the unknown category `成本控制率`.
  if (head?.unknown && !label && restIsBareValue(text, folded, head.end, ce)) head = undefined;
  const nameStart = head ? head.end : cs;

  let nameEnd: number;
  let value: ParsedValue;
  if (label) {
    nameEnd = label.start;
    value = readValue(text, folded, label.valueStart, trimSeparatorsEnd(folded, label.valueStart, ce));
  } else {
    const split = splitUnlabelled(text, folded, nameStart, ce);
    nameEnd = split.nameEnd;
    value = split.value;
  }
  const nameSpan = trimName(folded, nameStart, Math.max(nameStart, nameEnd));
  const name = text.slice(nameSpan.start, nameSpan.end);

  const item: IndicatorItem = {
    index,
    numberingStyle: segment.marker?.style ?? "none",
    level2Source: "none",
    name,
    nameSpan,
    value,
    raw: text.slice(segment.start, segment.end),
    span: { start: segment.start, end: segment.end },
  };
  if (segment.marker) {
    item.number = segment.marker.number;
    item.numberRaw = text.slice(segment.marker.digitsStart, segment.marker.digitsEnd);
  }
  applyHead(item, text, head, folded.slice(nameSpan.start, nameSpan.end));
  if (label) {
    item.label = label.label;
    item.labelSpan = { start: label.start, end: label.end };
  }
  if (segment.terminatorStart !== undefined && segment.terminatorLength !== undefined) {
    item.terminator = text.slice(segment.terminatorStart, segment.terminatorStart + segment.terminatorLength);
  }
  return item;
}

/** Fills the category fields: written 一级/二级 from the head, else a 二级 inferred from the name. */
export function applyHead(item: IndicatorItem, text: string, head: Head | undefined, foldedName: string): void {
  if (head?.level1Span) {
    item.level1Raw = text.slice(head.level1Span.start, head.level1Span.end);
    item.level1Span = head.level1Span;
    if (head.level1 !== undefined) item.level1 = head.level1;
  }
  if (head?.level2Span && head.level2Span.end > head.level2Span.start) {
    item.level2Raw = text.slice(head.level2Span.start, head.level2Span.end);
    item.level2Source = "written";
    if (head.level2 !== undefined) item.level2 = head.level2;
    return;
  }
  setInferredLevel2(item, inferLevel2Folded(item.level1, foldedName));
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
  return { start: s, end: e };
}

/** Whether the text after an unknown head is a value with no name before it. */
function restIsBareValue(text: string, folded: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isSeparator(folded.charCodeAt(k))) return false;
  const value = readValue(text, folded, start, end);
  return looksLikeValue(value, folded);
}

/**
 * Name and value of an item without a label. In order: a trailing separator means the value is
 * missing (`基层党建水平指标，`); the part after the last separator outside brackets is the value
 * if it reads as one (`党代表基层联系群众工作指标，合格`); an operator glyph starts the value
 * (`培训人数≥200人`); a region that is a number or a date is all value; else all name.
 */
function splitUnlabelled(text: string, folded: string, start: number, end: number): { nameEnd: number; value: ParsedValue } {
  let e = end;
  while (e > start && isWhitespace(folded.charCodeAt(e - 1))) e--;
  if (e > start && isSeparator(folded.charCodeAt(e - 1))) {
    return { nameEnd: e - 1, value: readValue(text, folded, e, e) };
  }
  const k = lastSeparator(folded, start, e);
  if (k >= 0) {
    const value = readValue(text, folded, k + 1, e);
    if (looksLikeValue(value, folded)) return { nameEnd: k, value };
  }
  for (let g = start; g < e; g++) {
    if (!isOperatorGlyph(folded.charCodeAt(g))) continue;
    const value = readValue(text, folded, g, e);
    if (value.kind === "quantitative" || value.kind === "range") return { nameEnd: g, value };
    break;
  }
  const whole = readValue(text, folded, start, e);
  if (whole.kind === "quantitative" || whole.kind === "range" || whole.kind === "time") return { nameEnd: start, value: whole };
  return { nameEnd: e, value: readValue(text, folded, e, e) };
}

/** The last `:` `,` `;` outside brackets, thousands separators (`1,000`) aside; -1 if none. */
function lastSeparator(folded: string, start: number, end: number): number {
  let depth = 0;
  for (let k = end - 1; k >= start; k--) {
    const c = folded.charCodeAt(k);
    if (c === CLOSE) depth++;
    else if (c === OPEN) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(c) && !(c === COMMA && k > start && isDigit(folded.charCodeAt(k - 1)) && isThousandsSeparator(folded, k, end))) return k;
  }
  return -1;
}
