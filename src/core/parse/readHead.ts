import type { Level1, Level2, Span } from "../model";
import { isSpace } from "./normalizeText";
import { LEVEL2_FIRST_CODES, compactFolded, level1OfWord, level2OfWord } from "./vocabulary";

/**
 * An item's head: the 一级 and optional 二级 before the name.
 * `产出指标：`, `产出指标-数量指标：`, `产出指标—数量指标：`, `产出指标（数量指标）：`,
 * `产出指标：数量指标：`, `产出指标，` (comma after a full 一级), an unknown category
 * (`产出指数：`, `效果指针：`), a 二级 alone (`数量指标：`, its 一级 missing).
 */
export interface Head {
  /** The 一级 as written (trimmed), absent for a 二级 written alone. */
  level1Span?: Span;
  level1?: Level1;
  /** The 二级 as written (trimmed), when one was written. */
  level2Span?: Span;
  level2?: Level2;
  /** The 一级 text looked like a category but is none we know (`产出指数`). */
  unknown: boolean;
  /** Where the name region begins: just after the head's separator. */
  end: number;
  /** The separator that closed the head (`:` `,` `;`), absent when a space or the end did. */
  separator?: string;
}

const COLON = 0x3a;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const OPEN = 0x28;
const CLOSE = 0x29;

/** A head is short: the longest known one, `满意度指标（社会公众或服务对象满意度指标）`, has 23 characters. */
const HEAD_MAX = 28;
/** A second-level head after the first colon (`产出指标：数量指标：`) is shorter still. */
const LEVEL2_MAX = 16;

/** Characters that join a 一级 and its 二级: `产出指标-数量指标`, `产出指标—数量指标`, `产出指标/数量指标`. */
function isLevelJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0x5f || c === 0x2f || c === 0x3001 || c === 0x2212;
}

const CATEGORY_PREFIXES = ["产出", "效益", "效果", "满意", "成本"];
const CATEGORY_SUFFIXES = ["指标", "指数", "指针", "指示"];
/** Longest unknown category we still read as one (`社会效益类指标`); longer is a name. */
const UNKNOWN_MAX = 10;
/** An unknown word ending like a category (`绩效指标`) but with no category prefix must be short. */
const UNKNOWN_SUFFIX_MAX = 6;

/** Whether a written 一级 we do not know still reads as an attempt at one: `产出指数`, `效果指针`. */
function looksLikeCategory(word: string): boolean {
  if (word.length < 2 || word.length > UNKNOWN_MAX) return false;
  if (CATEGORY_PREFIXES.some((p) => word.startsWith(p))) return true;
  return word.length <= UNKNOWN_SUFFIX_MAX && CATEGORY_SUFFIXES.some((s) => word.endsWith(s));
}

/** The full forms of the 一级, tried at a head that ends without a separator (`3、效益指标`). */
const FULL_LEVEL1 = ["满意度指标", "产出指标", "效益指标", "效果指标", "成本指标"];

function trim(folded: string, s: number, e: number): Span {
  while (s < e && isSpace(folded.charCodeAt(s))) s++;
  while (e > s && isSpace(folded.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

function wordOf(folded: string, span: Span): string {
  return compactFolded(folded.slice(span.start, span.end));
}

/** The head starting at `start` (after the item number) of a region ending at `end`, if any. */
export function readHead(folded: string, start: number, end: number): Head | undefined {
  let a = start;
  while (a < end && isSpace(folded.charCodeAt(a))) a++;
  const limit = Math.min(end, a + HEAD_MAX);
  let k = a;
  while (k < limit) {
    const c = folded.charCodeAt(k);
    if (c === COLON || c === COMMA || c === SEMICOLON) break;
    k++;
  }
  if (k >= limit) return headWithoutSeparator(folded, a, end);

  const separator = folded[k] ?? "";
  const text = trim(folded, a, k);
  const { level1Part, level2Part } = splitLevels(folded, text);
  const level1Word = wordOf(folded, level1Part);
  const level1 = level1OfWord(level1Word);
  const head: Head = { unknown: false, end: k + 1, separator };
  if (level1 !== undefined) {
    // `产出，` is too short to trust before a comma: only the full `产出指标，` is a head there.
    if (separator !== ":" && !level1Word.endsWith("指标")) return undefined;
    head.level1Span = level1Part;
    head.level1 = level1;
  } else if (separator !== ":") {
    return undefined;
  } else if (level2Part.end === level2Part.start && level2OfWord(level1Word) !== undefined) {
    // a 二级 written alone: `数量指标：培训人数`
    head.level2Span = level1Part;
    head.level2 = level2OfWord(level1Word);
    return head;
  } else if (looksLikeCategory(level1Word)) {
    head.level1Span = level1Part;
    head.unknown = true;
  } else {
    return undefined;
  }
  if (level2Part.end > level2Part.start) {
    head.level2Span = level2Part;
    const level2 = level2OfWord(wordOf(folded, level2Part));
    if (level2 !== undefined) head.level2 = level2;
  } else if (separator === ":") {
    readSecondLevel(folded, head, end);
  }
  return head;
}

/** `产出指标（数量指标）` → `产出指标` + `数量指标`; `产出指标——数量指标` → `产出指标` + `数量指标`. */
function splitLevels(folded: string, text: Span): { level1Part: Span; level2Part: Span } {
  for (let p = text.start; p < text.end; p++) {
    const c = folded.charCodeAt(p);
    if (c === OPEN) {
      const close = folded.charCodeAt(text.end - 1) === CLOSE ? text.end - 1 : text.end;
      return { level1Part: trim(folded, text.start, p), level2Part: trim(folded, p + 1, close) };
    }
    if (isLevelJoiner(c) && p > text.start) {
      let q = p;
      while (q < text.end && isLevelJoiner(folded.charCodeAt(q))) q++;
      return { level1Part: trim(folded, text.start, p), level2Part: trim(folded, q, text.end) };
    }
  }
  return { level1Part: text, level2Part: { start: text.end, end: text.end } };
}

/** `产出指标：数量指标：培训人数` — a known 二级 between the first and a second colon. */
function readSecondLevel(folded: string, head: Head, end: number): void {
  let b = head.end;
  while (b < end && isSpace(folded.charCodeAt(b))) b++;
  if (!LEVEL2_FIRST_CODES.has(folded.charCodeAt(b))) return;
  const limit = Math.min(end, b + LEVEL2_MAX);
  for (let k = b; k < limit; k++) {
    const c = folded.charCodeAt(k);
    if (c === COMMA || c === SEMICOLON) return;
    if (c !== COLON) continue;
    const span = trim(folded, b, k);
    const level2 = level2OfWord(wordOf(folded, span));
    if (level2 === undefined) return;
    head.level2Span = span;
    head.level2 = level2;
    head.end = k + 1;
    return;
  }
}

/** A full 一级 followed by a space or by nothing: `产出指标 培训人数`, or a cell cut off at `3、效益指标`. */
function headWithoutSeparator(folded: string, a: number, end: number): Head | undefined {
  for (const word of FULL_LEVEL1) {
    const wordEnd = a + word.length;
    if (wordEnd > end || !folded.startsWith(word, a)) continue;
    let k = wordEnd;
    while (k < end && isSpace(folded.charCodeAt(k))) k++;
    if (k < end && k === wordEnd) return undefined;
    const level1 = level1OfWord(word);
    if (level1 === undefined) return undefined;
    return { level1Span: { start: a, end: wordEnd }, level1, unknown: false, end: k };
  }
  return undefined;
}
