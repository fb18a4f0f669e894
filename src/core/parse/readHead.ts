import type { Level1, Level2 } from "../model";
import { isSpace, isWhitespace } from "./normalizeText";
import { valueFollows } from "./parseValue";
import { LEVEL2_FIRST_CODES, compactFolded, level1At, level1OfWord, level2At, level2OfWord } from "./vocabulary";

/**
 * An item's head: the 一级 and optional 二级 before the name.
 * `产出指标：`, `产出指标-数量指标：`, `产出指标—数量指标：`, `产出指标（数量指标）：`,
 * `产出指标：数量指标：`, `产出指标，` (comma after a full 一级), an unknown category
 * (`产出指数：`, `效果指针：`), a 二级 alone (`数量指标：`, its 一级 missing).
 *
 * Positions are cell offsets; a part that was not written has start and end -1.
 */
export interface Head {
  /** The 一级 as written (trimmed); -1 for a 二级 written alone. */
  level1Start: number;
  level1End: number;
  level1: Level1 | undefined;
  /** The 二级 as written (trimmed), when one was written (it may be empty: `产出指标（）`). */
  level2Start: number;
  level2End: number;
  level2: Level2 | undefined;
  /** The 一级 text looked like a category but is none we know (`产出指数`). */
  unknown: boolean;
  /** Where the name region begins: just after the head's separator. */
  end: number;
  /** The separator that closed the head (`:` `,` `;` as a code unit), 0 when a space or the end did. */
  separator: number;
}

/** The head the last successful readHead found: one scratch record (the parser reads a head per
 * item and per `;` it meets), overwritten by the next call. */
export const HEAD: Head = {
  level1Start: -1,
  level1End: -1,
  level1: undefined,
  level2Start: -1,
  level2End: -1,
  level2: undefined,
  unknown: false,
  end: 0,
  separator: 0,
};

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

// Trimmed parts of the head text, as found by splitLevels (scratch, like HEAD).
let part1Start = 0;
let part1End = 0;
let part2Start = 0;
let part2End = 0;

function trimStart(folded: string, s: number, e: number): number {
  while (s < e && isSpace(folded.charCodeAt(s))) s++;
  return s;
}

function trimEnd(folded: string, s: number, e: number): number {
  while (e > s && isSpace(folded.charCodeAt(e - 1))) e--;
  return e;
}

function hasWhitespace(folded: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (isWhitespace(folded.charCodeAt(k))) return true;
  return false;
}

/** The compact word of a part (spaces inside dropped): only built off the common path. */
function wordOf(folded: string, s: number, e: number): string {
  return compactFolded(folded.slice(s, e));
}

/** The canonical 一级 of the folded text [s, e), spaces inside ignored. */
function level1Of(folded: string, s: number, e: number): Level1 | undefined {
  return hasWhitespace(folded, s, e) ? level1OfWord(wordOf(folded, s, e)) : level1At(folded, s, e);
}

/** The canonical 二级 of the folded text [s, e), spaces inside ignored. */
function level2Of(folded: string, s: number, e: number): Level2 | undefined {
  return hasWhitespace(folded, s, e) ? level2OfWord(wordOf(folded, s, e)) : level2At(folded, s, e);
}

/** Whether the word [s, e) (spaces inside ignored) ends with `指标`. */
function endsWithIndicator(folded: string, s: number, e: number): boolean {
  if (hasWhitespace(folded, s, e)) return wordOf(folded, s, e).endsWith("指标");
  return e - s >= 2 && folded.charCodeAt(e - 2) === 0x6307 && folded.charCodeAt(e - 1) === 0x6807;
}

function setHead(level1Start: number, level1End: number, level1: Level1 | undefined, unknown: boolean, end: number, separator: number): true {
  HEAD.level1Start = level1Start;
  HEAD.level1End = level1End;
  HEAD.level1 = level1;
  HEAD.level2Start = -1;
  HEAD.level2End = -1;
  HEAD.level2 = undefined;
  HEAD.unknown = unknown;
  HEAD.end = end;
  HEAD.separator = separator;
  return true;
}

/** Whether a head starts at `start` (after the item number) of a region ending at `end`; when
 * one does, HEAD holds it. */
export function readHead(folded: string, start: number, end: number): boolean {
  let a = start;
  while (a < end && isSpace(folded.charCodeAt(a))) a++;
  if (folded.charCodeAt(a) === LENTICULAR_OPEN) return bracketedHead(folded, a, end);
  const limit = Math.min(end, a + HEAD_MAX);
  let k = a;
  while (k < limit) {
    const c = folded.charCodeAt(k);
    if (c === COLON || c === COMMA || c === SEMICOLON) break;
    k++;
  }
  if (k >= limit) return headWithoutSeparator(folded, a, end);

  const separator = folded.charCodeAt(k);
  const textStart = trimStart(folded, a, k);
  const textEnd = trimEnd(folded, textStart, k);
  splitLevels(folded, textStart, textEnd);
  const p1s = part1Start;
  const p1e = part1End;
  const p2s = part2Start;
  const p2e = part2End;
  const level1 = level1Of(folded, p1s, p1e);
  if (level1 !== undefined) {
    // `产出，` is too short to trust before a comma: only the full `产出指标，` is a head there.
    if (separator !== COLON && !endsWithIndicator(folded, p1s, p1e)) return false;
    setHead(p1s, p1e, level1, false, k + 1, separator);
  } else if (separator !== COLON) {
    return false;
  } else if (p2e === p2s) {
    const alone = level2Of(folded, p1s, p1e);
    if (alone !== undefined) {
      // a 二级 written alone: `数量指标：培训人数`
      setHead(-1, -1, undefined, false, k + 1, separator);
      HEAD.level2Start = p1s;
      HEAD.level2End = p1e;
      HEAD.level2 = alone;
      return true;
    }
    if (!looksLikeCategory(wordOf(folded, p1s, p1e))) return false;
    setHead(p1s, p1e, undefined, true, k + 1, separator);
  } else if (looksLikeCategory(wordOf(folded, p1s, p1e))) {
    setHead(p1s, p1e, undefined, true, k + 1, separator);
  } else {
    return false;
  }
  if (p2e > p2s) {
    HEAD.level2Start = p2s;
    HEAD.level2End = p2e;
    HEAD.level2 = level2Of(folded, p2s, p2e);
    if (HEAD.level2 === undefined) nameAfterLevel2(folded, p2s, p2e);
  } else if (separator === COLON) {
    readSecondLevel(folded, end);
  }
  return true;
}

const LENTICULAR_OPEN = 0x3010; // 【
const LENTICULAR_CLOSE = 0x3011; // 】

/**
 * A head in lenticular brackets: `【产出指标】培训人数…`, `【产出指标-数量指标】：培训人数…`. The bracket
 * holds a known 一级, maybe with its 二级 (as splitLevels reads them), and nothing else; a colon
 * or a comma after it belongs to the head. Anything else in brackets (`【注】`) is no head.
 */
function bracketedHead(folded: string, a: number, end: number): boolean {
  const limit = Math.min(end, a + HEAD_MAX);
  let close = a + 1;
  while (close < limit && folded.charCodeAt(close) !== LENTICULAR_CLOSE) close++;
  if (close >= limit) return false;
  const textStart = trimStart(folded, a + 1, close);
  splitLevels(folded, textStart, trimEnd(folded, textStart, close));
  const p2s = part2Start;
  const p2e = part2End;
  const level1 = level1Of(folded, part1Start, part1End);
  if (level1 === undefined) return false;
  const level2 = p2e > p2s ? level2Of(folded, p2s, p2e) : undefined;
  if (p2e > p2s && level2 === undefined) return false;
  let k = trimStart(folded, close + 1, end);
  const c = folded.charCodeAt(k);
  const separator = c === COLON || c === COMMA ? c : 0;
  if (separator !== 0) k++;
  setHead(part1Start, part1End, level1, false, k, separator);
  if (level2 !== undefined) {
    HEAD.level2Start = p2s;
    HEAD.level2End = p2e;
    HEAD.level2 = level2;
  }
  return true;
}

/** `产出指标（数量指标）` → `产出指标` + `数量指标`; `产出指标——数量指标` → `产出指标` + `数量指标`;
 * `产出指标 数量指标` (spaces between a known 一级 and a known 二级) → `产出指标` + `数量指标`.
 * Sets part1Start/End and part2Start/End (part 2 empty, at the end, when there is none). */
function splitLevels(folded: string, start: number, end: number): void {
  for (let p = start; p < end; p++) {
    const c = folded.charCodeAt(p);
    if (c === OPEN) {
      const close = folded.charCodeAt(end - 1) === CLOSE ? end - 1 : end;
      setParts(folded, start, p, p + 1, close);
      return;
    }
    if (isLevelJoiner(c) && p > start) {
      let q = p;
      while (q < end && isLevelJoiner(folded.charCodeAt(q))) q++;
      setParts(folded, start, p, q, end);
      return;
    }
  }
  if (splitAtSpace(folded, start, end)) return;
  part1Start = start;
  part1End = end;
  part2Start = end;
  part2End = end;
}

/** `产出指标 数量指标`: the first run of spaces splits a known 一级 from a known 二级 (nothing else is
 * split there: `效益 指标` is one word written with a space). */
function splitAtSpace(folded: string, start: number, end: number): boolean {
  let p = start + 1;
  while (p < end && !isSpace(folded.charCodeAt(p))) p++;
  if (p >= end || level1At(folded, start, p) === undefined) return false;
  const s2 = trimStart(folded, p, end);
  if (s2 >= end || level2Of(folded, s2, end) === undefined) return false;
  setParts(folded, start, p, s2, end);
  return true;
}

function setParts(folded: string, s1: number, e1: number, s2: number, e2: number): void {
  part1Start = trimStart(folded, s1, e1);
  part1End = trimEnd(folded, part1Start, e1);
  // An empty or inverted second part (`产出指标（`) trims to nothing at its start.
  part2Start = trimStart(folded, s2, e2);
  part2End = Math.max(part2Start, trimEnd(folded, part2Start, e2));
}

/** `产出指标-数量指标-培训人数，…`: the three levels joined alike. A known 二级 and a joiner open
 * part 2 [s, e): the 二级 is that word, and the name begins after the joiner (HEAD.end). */
function nameAfterLevel2(folded: string, s: number, e: number): void {
  for (let j = s + 1; j < e; j++) {
    if (!isLevelJoiner(folded.charCodeAt(j))) continue;
    const wordEnd = trimEnd(folded, s, j);
    const level2 = level2Of(folded, s, wordEnd);
    if (level2 === undefined) return;
    let nameStart = j;
    while (nameStart < e && isLevelJoiner(folded.charCodeAt(nameStart))) nameStart++;
    nameStart = trimStart(folded, nameStart, e);
    if (nameStart >= e) return;
    HEAD.level2End = wordEnd;
    HEAD.level2 = level2;
    HEAD.end = nameStart;
    HEAD.separator = 0;
    return;
  }
}

/** `产出指标：数量指标：培训人数` — a known 二级 between the first and a second colon; or a whole
 * 二级 word and a comma before the name (`产出指标：数量指标，资助学生人数，…`), not before a value
 * (`产出指标：数量指标，≥100人` leaves the word to be the name). */
function readSecondLevel(folded: string, end: number): void {
  let b = HEAD.end;
  while (b < end && isSpace(folded.charCodeAt(b))) b++;
  if (!LEVEL2_FIRST_CODES.has(folded.charCodeAt(b))) return;
  const limit = Math.min(end, b + LEVEL2_MAX);
  for (let k = b; k < limit; k++) {
    const c = folded.charCodeAt(k);
    if (c === SEMICOLON) return;
    if (c !== COLON && c !== COMMA) continue;
    const s = trimStart(folded, b, k);
    const e = trimEnd(folded, s, k);
    const level2 = level2Of(folded, s, e);
    if (level2 === undefined) return;
    if (c === COMMA && (!endsWithIndicator(folded, s, e) || valueFollows(folded, k + 1) || !hasNameAfter(folded, k + 1, end))) return;
    HEAD.level2Start = s;
    HEAD.level2End = e;
    HEAD.level2 = level2;
    HEAD.end = k + 1;
    return;
  }
}

/** Whether a name (a Han character, before any separator) follows at `i`: `数量指标，资助学生人数，`,
 * not `数量指标，，` or a cell ending there. */
function hasNameAfter(folded: string, i: number, end: number): boolean {
  const k = trimStart(folded, i, end);
  return k < end && folded.charCodeAt(k) >= 0x4e00 && folded.charCodeAt(k) <= 0x9fff;
}

/** A full 一级, maybe with a known 二级 attached (`产出指标（数量指标）`, `产出指标-数量指标`), followed
 * by a space or by nothing: `产出指标 培训人数`, a cell cut off at `3、效益指标`, a section heading
 * `一、产出指标（数量指标）`. */
function headWithoutSeparator(folded: string, a: number, end: number): boolean {
  for (const word of FULL_LEVEL1) {
    const wordEnd = a + word.length;
    if (wordEnd > end || !folded.startsWith(word, a)) continue;
    const level1 = level1OfWord(word);
    if (level1 === undefined) return false;
    let k = wordEnd;
    while (k < end && isSpace(folded.charCodeAt(k))) k++;
    if (k < end && k === wordEnd) return attachedLevel2(folded, a, wordEnd, level1, end);
    setHead(a, wordEnd, level1, false, k, 0);
    spacedLevel2(folded, k, end);
    return true;
  }
  return false;
}

/** `产出指标 数量指标 培训人数 ≥100人`, `一、产出指标 数量指标`: a known 二级 at `k` (after the 一级 and
 * its spaces), then white space or the end, is the head's; HEAD.end moves past it. */
function spacedLevel2(folded: string, k: number, end: number): void {
  const limit = Math.min(end, k + LEVEL2_MAX);
  let e = k;
  while (e < limit && !isWhitespace(folded.charCodeAt(e))) e++;
  if ((e >= limit && e < end) || !endsWithIndicator(folded, k, e)) return;
  const level2 = level2Of(folded, k, e);
  if (level2 === undefined) return;
  HEAD.level2Start = k;
  HEAD.level2End = e;
  HEAD.level2 = level2;
  HEAD.end = trimStart(folded, e, end);
}

/** A known 二级 right after the 一级 [a, wordEnd), in brackets or after a joiner, then a space or
 * the end: `产出指标（数量指标）`, `产出指标-数量指标 `. Anything else (`产出指标体系`) is no head. */
function attachedLevel2(folded: string, a: number, wordEnd: number, level1: Level1, end: number): boolean {
  const c = folded.charCodeAt(wordEnd);
  let s: number;
  let e: number;
  let after: number;
  if (c === OPEN) {
    s = wordEnd + 1;
    const limit = Math.min(end, s + LEVEL2_MAX);
    let close = s;
    while (close < limit && folded.charCodeAt(close) !== CLOSE) close++;
    if (close >= limit) return false;
    e = close;
    after = close + 1;
  } else if (isLevelJoiner(c)) {
    s = wordEnd;
    while (s < end && isLevelJoiner(folded.charCodeAt(s))) s++;
    const limit = Math.min(end, s + LEVEL2_MAX);
    e = s;
    while (e < limit && !isWhitespace(folded.charCodeAt(e))) e++;
    if (e >= limit && e < end) return false;
    after = e;
  } else {
    return false;
  }
  s = trimStart(folded, s, e);
  e = trimEnd(folded, s, e);
  const level2 = e > s ? level2Of(folded, s, e) : undefined;
  if (level2 === undefined) return false;
  let k = after;
  while (k < end && isSpace(folded.charCodeAt(k))) k++;
  if (k < end && k === after) return false;
  setHead(a, wordEnd, level1, false, k, 0);
  HEAD.level2Start = s;
  HEAD.level2End = e;
  HEAD.level2 = level2;
  return true;
}
