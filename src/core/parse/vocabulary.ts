import type { Direction, Level1, Level2 } from "../model";
import { foldWidth, isWhitespace } from "./normalizeText";
import { UNITS } from "./valueWords";

/**
 * The 一级/二级 indicator framework (DOMAIN.md §2). Both generations are live: the pre-2021
 * tables file 成本指标 as a 二级 of 产出指标, the 2021 guidance (财预〔2021〕101号) makes it a
 * 一级 of its own; older tables write 效果指标 for 效益指标.
 */

export const LEVEL1_NAMES: readonly Level1[] = ["产出指标", "效益指标", "满意度指标", "成本指标"];

/** The 二级 each 一级 admits, canonical names. */
export const LEVEL2_OF_LEVEL1: Readonly<Record<Level1, readonly Level2[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
};

/** The 一级 a known 二级 belongs to (成本指标 as a 二级: 产出指标, its pre-2021 place). */
export function level1OfLevel2(level2: Level2): Level1 | undefined {
  for (const level1 of LEVEL1_NAMES) if (LEVEL2_OF_LEVEL1[level1].includes(level2)) return level1;
  return undefined;
}

/** Every written form of a 一级 we accept, with its canonical name. The short forms (`产出：`)
 * are real; the parser only takes them before a colon. */
export const LEVEL1_SYNONYMS: ReadonlyMap<string, Level1> = new Map<string, Level1>([
  ["产出指标", "产出指标"],
  ["效益指标", "效益指标"],
  ["效果指标", "效益指标"],
  ["满意度指标", "满意度指标"],
  ["成本指标", "成本指标"],
  ["产出", "产出指标"],
  ["效益", "效益指标"],
  ["效果", "效益指标"],
  ["满意度", "满意度指标"],
  ["成本", "成本指标"],
]);

/** Every written form of a 二级 we accept, with its canonical name. */
export const LEVEL2_SYNONYMS: ReadonlyMap<string, Level2> = new Map<string, Level2>([
  ["数量指标", "数量指标"],
  ["质量指标", "质量指标"],
  ["时效指标", "时效指标"],
  ["成本指标", "成本指标"],
  ["经济效益指标", "经济效益指标"],
  ["社会效益指标", "社会效益指标"],
  ["生态效益指标", "生态效益指标"],
  ["环境效益指标", "生态效益指标"],
  ["生态环境效益指标", "生态效益指标"],
  ["可持续影响指标", "可持续影响指标"],
  ["服务对象满意度指标", "服务对象满意度指标"],
  ["社会公众或服务对象满意度指标", "服务对象满意度指标"],
  ["社会公众满意度指标", "服务对象满意度指标"],
  ["经济成本指标", "经济成本指标"],
  ["社会成本指标", "社会成本指标"],
  ["生态环境成本指标", "生态环境成本指标"],
  // the same without the trailing 指标 (`产出指标（数量）`)
  ["数量", "数量指标"],
  ["质量", "质量指标"],
  ["时效", "时效指标"],
  ["成本", "成本指标"],
  ["经济效益", "经济效益指标"],
  ["社会效益", "社会效益指标"],
  ["生态效益", "生态效益指标"],
  ["环境效益", "生态效益指标"],
  ["可持续影响", "可持续影响指标"],
  ["服务对象满意度", "服务对象满意度指标"],
  ["社会公众或服务对象满意度", "服务对象满意度指标"],
  ["经济成本", "经济成本指标"],
  ["社会成本", "社会成本指标"],
  ["生态环境成本", "生态环境成本指标"],
]);

/** Lookup key: width folded, spaces dropped (`产出 指标`, `产出指标　` are the same word). */
function key(raw: string): string {
  return compactFolded(foldWidth(raw));
}

/** A folded word without its white space; the common case (none) costs one scan. */
export function compactFolded(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (isWhitespace(word.charCodeAt(i))) return word.replace(/\s+/g, "");
  }
  return word;
}

/** The canonical 一级 of a written category, undefined when unknown (`产出指数`, `效果指针`). */
export function canonicalLevel1(raw: string): Level1 | undefined {
  return LEVEL1_SYNONYMS.get(key(raw));
}

/** The canonical 二级 of a written category, undefined when unknown. */
export function canonicalLevel2(raw: string): Level2 | undefined {
  return LEVEL2_SYNONYMS.get(key(raw));
}

/**
 * A category written short in full: a known 一级 or 二级 without its trailing 指标 (`满意度`,
 * `效果`, `数量`, `社会效益`, `服务对象满意度`) becomes the word and `指标`, the written form of the
 * same category (`满意度指标`, `效果指标`: the author's generation is kept); spaces inside are
 * dropped. Any other word (a full form, `环境效益指标`, an unknown one) is returned unchanged.
 */
export function fullCategoryWord(word: string): string {
  const compact = key(word);
  const full = `${compact}指标`;
  const level1 = LEVEL1_SYNONYMS.get(compact);
  if (level1 !== undefined && LEVEL1_SYNONYMS.get(full) === level1) return full;
  const level2 = LEVEL2_SYNONYMS.get(compact);
  if (level2 !== undefined && LEVEL2_SYNONYMS.get(full) === level2) return full;
  return word;
}

/** Written directions of an indicator (a `指标方向` column, or `指标性质` saying 正向/反向). */
const DIRECTION_WORDS: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ["正向", "正向"],
  ["正向指标", "正向"],
  ["反向", "反向"],
  ["反向指标", "反向"],
]);

/** The direction a cell writes (`正向`, `反向指标`), undefined for anything else (`定量`, `≥`). */
export function canonicalDirection(raw: string): Direction | undefined {
  return DIRECTION_WORDS.get(key(raw));
}

/** canonicalLevel1 of a word already width-folded and without spaces (the parser's own path). */
export function level1OfWord(word: string): Level1 | undefined {
  return LEVEL1_SYNONYMS.get(word);
}

/** canonicalLevel2 of a word already width-folded and without spaces. */
export function level2OfWord(word: string): Level2 | undefined {
  return LEVEL2_SYNONYMS.get(word);
}

/** Written forms by first code unit, for lookups straight from the cell text without slicing. */
function byFirstCode<T>(synonyms: ReadonlyMap<string, T>): ReadonlyMap<number, readonly (readonly [string, T])[]> {
  const map = new Map<number, (readonly [string, T])[]>();
  for (const entry of synonyms) {
    const first = entry[0].charCodeAt(0);
    const list = map.get(first) ?? [];
    list.push(entry);
    map.set(first, list);
  }
  return map;
}

const LEVEL1_BY_FIRST = byFirstCode(LEVEL1_SYNONYMS);
const LEVEL2_BY_FIRST = byFirstCode(LEVEL2_SYNONYMS);

function wordAt<T>(index: ReadonlyMap<number, readonly (readonly [string, T])[]>, folded: string, s: number, e: number): T | undefined {
  if (e <= s) return undefined;
  const candidates = index.get(folded.charCodeAt(s));
  if (candidates === undefined) return undefined;
  const length = e - s;
  for (let i = 0; i < candidates.length; i++) {
    const entry = candidates[i] as readonly [string, T];
    if (entry[0].length === length && folded.startsWith(entry[0], s)) return entry[1];
  }
  return undefined;
}

/** level1OfWord of the folded text [s, e), which holds no white space (no slice is made). */
export function level1At(folded: string, s: number, e: number): Level1 | undefined {
  return wordAt(LEVEL1_BY_FIRST, folded, s, e);
}

/** level2OfWord of the folded text [s, e), which holds no white space (no slice is made). */
export function level2At(folded: string, s: number, e: number): Level2 | undefined {
  return wordAt(LEVEL2_BY_FIRST, folded, s, e);
}

/** First characters of every written 二级: a quick test before looking for one. */
export const LEVEL2_FIRST_CODES: ReadonlySet<number> = new Set([...LEVEL2_SYNONYMS.keys()].map((word) => word.charCodeAt(0)));

/** Whether a 二级 belongs under a 一级 in either generation of the framework. */
export function level2BelongsTo(level1: Level1, level2: Level2): boolean {
  return LEVEL2_OF_LEVEL1[level1].includes(level2);
}

/** Name endings that decide a 二级 without doubt (DOMAIN.md §2), in the order they are tried.
 * Checked on the name's head: `资金拨付时效指标` → `资金拨付时效` → 时效指标. */
const INFERENCES: readonly { tails: readonly string[]; level2: Level2; countLike?: true }[] = [
  { tails: ["及时率", "及时性", "时限", "完成时间", "时效"], level2: "时效指标" },
  { tails: ["合格率", "达标率", "优良率"], level2: "质量指标" },
  { tails: ["满意度", "满意率"], level2: "服务对象满意度指标" },
  { tails: ["数量", "个数", "人数", "人次", "次数", "场次", "期数"], level2: "数量指标", countLike: true },
];

/** Trailing words that say nothing about what is measured: `拨付完成率指标`, `覆盖率（%）`. */
const TRAILING_NOISE = ["指标", "(%)", "%"];

/**
 * The 二级 an unlabelled item's name implies, when that is safe: `…及时率/…时限/完成时间` →
 * 时效指标, `…数量/…人数/…次数/…期数` → 数量指标, `…合格率/…达标率` → 质量指标, `…满意度` →
 * 服务对象满意度指标. Undefined when nothing is certain, when the 一级 is unknown, or when the
 * 二级 would not belong to the item's 一级 (a `…满意度` filed under 效益指标 stays undecided).
 * A ratio of counts (`实际发放人数/应发放人数`) is a rate, not a count.
 */
export function inferLevel2(level1: Level1 | undefined, name: string): Level2 | undefined {
  const folded = key(name);
  return inferLevel2At(level1, folded, 0, folded.length);
}

/**
 * inferLevel2 of the folded name [s, e) of a cell, read in place (no slice is made): the
 * parser's path, and the one inferLevel2 takes too.
 * Same tails, same order, same noise stripping.
 */
export function inferLevel2At(level1: Level1 | undefined, folded: string, s: number, e: number): Level2 | undefined {
  if (level1 === undefined || e <= s) return undefined;
  // A unit note (`培训人数（人）`, `办结时限（天）`, `覆盖率（%）`) says nothing about what is measured.
  e = unitNoteStart(folded, s, e);
  const last = folded.charCodeAt(e - 1);
  if (last === 0x6807 || last === 0x29 || last === 0x25) {
    for (const noise of TRAILING_NOISE) {
      if (e - s > noise.length && folded.startsWith(noise, e - noise.length)) e -= noise.length;
    }
  }
  if (e <= s) return undefined;
  const candidates = TAILS_BY_END.get(folded.charCodeAt(e - 1));
  if (!candidates) return undefined;
  for (const { tail, level2, countLike } of candidates) {
    if (e - s < tail.length || !folded.startsWith(tail, e - tail.length)) continue;
    // A ratio of counts (`实际发放人数/应发放人数`, `实际改造户数占计划改造户数`) is a rate.
    if (countLike && isRatioOfCounts(folded, s, e)) return undefined;
    return level2BelongsTo(level1, level2) ? level2 : undefined;
  }
  return undefined;
}

/** Where a trailing unit note `(人)`, `(天)`, `(万元)`, `(%)` (folded brackets) of the name
 * [s, e) starts, white space before it aside; `e` when the name has none. */
function unitNoteStart(folded: string, s: number, e: number): number {
  if (e - s < 4 || folded.charCodeAt(e - 1) !== 0x29) return e;
  for (const unit of UNITS) {
    const open = e - 2 - unit.length;
    if (open <= s || folded.charCodeAt(open) !== 0x28 || !folded.startsWith(unit, open + 1)) continue;
    let k = open;
    while (k > s && isWhitespace(folded.charCodeAt(k - 1))) k--;
    return k;
  }
  return e;
}

/** Characters a count or an amount ends in (`户数`, `数量`, `金额`, `面积`): before `占` they
 * make the name a share, `A占B`. */
const QUANTITY_ENDS: ReadonlySet<number> = new Set([0x6570, 0x91cf, 0x989d, 0x79ef]); // 数 量 额 积

/** Whether the name [s, e) is a ratio of two quantities: `A/B` (`实际发放人数/应发放人数`) or
 * `A占B` (isShareAt). */
function isRatioOfCounts(folded: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (folded.charCodeAt(k) === 0x2f) return true;
  return isShareAt(folded, s, e);
}

/**
 * Whether the name [s, e) is written `A占B`, a share like `A/B`: a count or an amount before
 * `占` and at least two characters after it (`实际改造户数占计划改造户数`, `脱贫户数占总户数`).
 * `项目占地面积` and `耕地占用面积` are none: no quantity stands before `占`.
 */
export function isShareAt(text: string, s: number, e: number): boolean {
  for (let k = s + 1; k < e - 2; k++) {
    if (text.charCodeAt(k) === 0x5360 && QUANTITY_ENDS.has(text.charCodeAt(k - 1))) return true; // 占
  }
  return false;
}

/** The tails of INFERENCES by their last character, in rule order: most names end otherwise
 * and are decided by one map lookup. */
const TAILS_BY_END: ReadonlyMap<number, readonly { tail: string; level2: Level2; countLike: boolean }[]> = (() => {
  const map = new Map<number, { tail: string; level2: Level2; countLike: boolean }[]>();
  for (const rule of INFERENCES) {
    for (const tail of rule.tails) {
      const last = tail.charCodeAt(tail.length - 1);
      const list = map.get(last) ?? [];
      list.push({ tail, level2: rule.level2, countLike: rule.countLike === true });
      map.set(last, list);
    }
  }
  return map;
})();

