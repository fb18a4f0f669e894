import type { ColumnRole, Level1, Level2 } from "../model";
import { LEVEL1_NAMES, LEVEL1_SYNONYMS, LEVEL2_SYNONYMS, level2BelongsTo } from "../parse/vocabulary";

/**
 * What a header cell's words say about its column (DOMAIN.md §1). Header cells are matched by
 * their words, never by their position, after normalizeHeader.
 */

/** Roles of the one-indicator-per-row layout. */
export const ITEM_PER_ROW_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "level1",
  "level2",
  "level3",
  "value",
  "operator",
  "measureUnit",
  "direction",
]);

/**
 * Whole header texts, after normalizeHeader. `绩效目标` (goal, prose) and `绩效指标`
 * (indicators) differ by one character: both are listed exactly so neither is guessed.
 */
const EXACT: Readonly<Record<string, ColumnRole>> = {
  主管部门: "department",
  主管单位: "department",
  部门: "department",
  部门名称: "department",
  主管部门名称: "department",
  // A department-level form's `部门（单位）名称`: the department, or the unit answering as one.
  "部门(单位)名称": "department",
  预算单位: "unit",
  预算单位名称: "unit",
  单位名称: "unit",
  实施单位: "unit",
  项目单位: "unit",
  项目名称: "project",
  项目: "project",
  绩效目标: "goal",
  年度绩效目标: "goal",
  总体目标: "goal",
  总体绩效目标: "goal",
  项目绩效目标: "goal",
  年度目标: "goal",
  绩效指标: "indicators",
  年度绩效指标: "indicators",
  "绩效指标(年度指标值)": "indicators",
  指标: "indicators",
  项目绩效指标: "indicators",
  序号: "serial",
  编号: "serial",
  "项目金额(万元)": "amount",
  项目金额: "amount",
  金额: "amount",
  资金: "amount",
  预算金额: "amount",
  资金总额: "amount",
  备注: "remark",
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "level3",
  三级指标名称: "level3",
  // Short headers under a merged group `绩效指标`: `一级 | 二级 | 三级 | 指标值`.
  一级: "level1",
  二级: "level2",
  三级: "level3",
  指标名称: "level3",
  // The name column of the one-indicator-per-row layout; as the only indicator-ish column of a
  // table without 一级/指标值 columns it is the cell layout's indicator column (detectTable).
  指标内容: "level3",
  具体指标: "level3",
  绩效目标及指标: "indicators",
  指标值: "value",
  年度指标值: "value",
  目标值: "value",
  年度目标值: "value",
  计算符号: "operator",
  运算符号: "operator",
  运算符: "operator",
  度量单位: "measureUnit",
  计量单位: "measureUnit",
  指标方向: "direction",
};

/**
 * Whole header texts that name a role less surely: `指标类型`/`指标类别` hold the 一级 in some tables
 * and `定量`/`定性` in others (detectTable looks at what the column holds); `指标性质` holds the
 * operator in some and the indicator's nature or direction in others. They lose to the role's own
 * word in the same header (`指标类型 | 一级指标 | …`: the 一级 is in 一级指标; `指标性质 | 计算符号 | …`:
 * the operator is in 计算符号).
 */
const WEAK_EXACT: Readonly<Record<string, ColumnRole>> = {
  指标类型: "level1",
  指标类别: "level1",
  // `≥`/`≤`/`定性` in some tables, `定量`/`定性` or `正向`/`反向` beside a `计算符号` column in others.
  指标性质: "operator",
};

/** Whole header texts as typed (no normalisation): a cheap first look for another table's
 * header row among data rows. */
export const EXACT_HEADER_WORDS: ReadonlySet<string> = new Set([...Object.keys(EXACT), ...Object.keys(WEAK_EXACT)]);

/**
 * Words a longer header contains, tried in this order when no exact text matched
 * (`2025年项目预算金额` → amount). Item-per-row words come first because `一级指标名称` must not
 * fall through to indicators; `指标值` is matched only at the end so `绩效指标(年度指标值)`-like
 * headers stay indicators. A `value` column in a table with no 一级/三级 column is the cell
 * layout's indicator column (`绩效指标值`, `年度绩效指标及目标值`): detectTable decides that.
 */
const CONTAINS: readonly { role: ColumnRole; words: readonly string[]; endsWith?: boolean }[] = [
  { role: "level1", words: ["一级指标"] },
  { role: "level2", words: ["二级指标"] },
  { role: "level3", words: ["三级指标"] },
  { role: "measureUnit", words: ["度量单位", "计量单位"] },
  { role: "operator", words: ["计算符号", "运算符", "指标性质"] },
  { role: "direction", words: ["指标方向"] },
  { role: "department", words: ["主管部门", "主管单位"] },
  { role: "unit", words: ["预算单位", "实施单位", "单位名称"] },
  { role: "project", words: ["项目名称"] },
  { role: "amount", words: ["金额", "预算数", "万元"] },
  { role: "serial", words: ["序号"] },
  { role: "remark", words: ["备注"] },
  { role: "value", words: ["指标值", "目标值"], endsWith: true },
  { role: "indicators", words: ["绩效指标", "年度指标"] },
  // `绩效目标及指标`, `年度目标和指标`: the column holding the indicators, not the prose goal.
  { role: "indicators", words: ["及指标", "和指标", "与指标"], endsWith: true },
  { role: "goal", words: ["绩效目标", "总体目标"] },
];

/** Longer texts are titles or prose, not header cells (`项目支出绩效目标表（含转移支付项目）`). */
const MAX_CONTAINS_LENGTH = 14;

export interface HeaderMatch {
  role: ColumnRole;
  /** 3: the whole text is a known header; 2: the text contains one. */
  strength: 2 | 3;
}

/** Characters dropped from header text: spaces of every width, line breaks, `*` required markers,
 * and trailing colons. */
const DROPPED = new Set([" ", "\t", "\n", "\r", "\u3000", "\u00a0", "*", "＊", "：", ":"]);
const REPLACED: Readonly<Record<string, string>> = { "（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")" };

/** `* 项目金额\n（万元）` → `项目金额(万元)`. */
export function normalizeHeader(text: string): string {
  let out = "";
  for (const ch of text) {
    if (DROPPED.has(ch)) continue;
    out += REPLACED[ch] ?? ch;
  }
  return out;
}

/** The role a normalised header text names, if any. */
export function matchHeaderRole(normalized: string): HeaderMatch | undefined {
  if (normalized === "") return undefined;
  const exact = EXACT[normalized];
  if (exact) return { role: exact, strength: 3 };
  const weak = WEAK_EXACT[normalized];
  if (weak) return { role: weak, strength: 2 };
  // `资金(万元)` → `资金`, `主管部门(单位)` → `主管部门`: a trailing remark in brackets.
  const open = normalized.indexOf("(");
  if (open > 0 && normalized.endsWith(")")) {
    const stem = EXACT[normalized.slice(0, open)];
    if (stem) return { role: stem, strength: 3 };
  }
  if (normalized.length > MAX_CONTAINS_LENGTH || normalized.endsWith("表")) return undefined;
  for (const rule of CONTAINS) {
    for (const word of rule.words) {
      if (rule.endsWith ? normalized.endsWith(word) : normalized.includes(word)) {
        return { role: rule.role, strength: 2 };
      }
    }
  }
  return undefined;
}

/** Words of a header for the whole term of a project rather than its year: `中长期指标值`,
 * `实施期目标`, `整体绩效目标`. */
const TERM_WORDS = ["中长期", "长期", "实施期", "中期", "整体", "总体", "项目期"];
const ANNUAL = /年度|当年|本年|\d{4}年/;

/**
 * How well a header names the year's column among two naming one role alike (`2025年度指标值 |
 * 中长期指标值`, either order): 2 for the year's (`年度`, `2025年`, not beside a term word), 0 for
 * the whole term's (`中长期`, `实施期`, `整体`), 1 for neither.
 */
export function annualPreference(normalized: string): number {
  const term = TERM_WORDS.some((word) => normalized.includes(word));
  if (term) return 0;
  return ANNUAL.test(normalized) ? 2 : 1;
}

/** A header naming a category of indicators (`产出指标`, `效果指标`, `数量指标`, `社会效益指标`):
 * its column holds that category's indicators (DetectedTable.indicatorColumns). */
export interface CategoryHeader {
  level1: Level1;
  level2?: Level2;
  /** `成本指标`: a 一级 since 2021, a 二级 of 产出指标 before (see categoryColumns). */
  cost?: true;
}

/**
 * The category a normalised header text names: a 一级 or 二级 written in full (with its `指标`;
 * `产出`, `成本` alone are too common a word to head a category), maybe numbered (`一、产出指标`),
 * bracketed whole (`【产出指标】`) or with a remark in brackets after it (`产出指标（数量、质量、时效）`,
 * `产出指标（年度指标值）`); a 二级 of the 一级 in that remark is the column's 二级 (`产出指标（数量指标）`).
 */
export function matchCategoryHeader(normalized: string): CategoryHeader | undefined {
  let text = withoutNumbering(normalized);
  if (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1);
  let remark = "";
  const open = text.indexOf("(");
  if (open > 0 && text.endsWith(")")) {
    remark = text.slice(open + 1, -1);
    text = text.slice(0, open);
  }
  const category = categoryOfWord(text);
  if (category === undefined || remark === "" || category.level2 !== undefined) return category;
  const level2 = LEVEL2_SYNONYMS.get(remark);
  return level2 !== undefined && level2BelongsTo(category.level1, level2) ? { level1: category.level1, level2 } : category;
}

function categoryOfWord(word: string): CategoryHeader | undefined {
  if (!word.endsWith("指标")) return undefined;
  const level1 = LEVEL1_SYNONYMS.get(word);
  if (level1 !== undefined) return level1 === "成本指标" ? { level1, cost: true } : { level1 };
  const level2 = LEVEL2_SYNONYMS.get(word);
  if (level2 === undefined) return undefined;
  const parent = LEVEL1_NAMES.find((l1) => level2BelongsTo(l1, level2));
  return parent === undefined ? undefined : { level1: parent, level2 };
}

/**
 * A 一级 written short as a header (`产出`, `效益`, `满意度`, `成本`, maybe numbered). Alone these are
 * common words (`成本` may head an amount), so a row's short words head category columns only
 * beside other categories and with `产出` among them (readRowRoles).
 */
export function matchShortCategoryHeader(normalized: string): CategoryHeader | undefined {
  const word = withoutNumbering(normalized);
  if (word.endsWith("指标")) return undefined;
  const level1 = LEVEL1_SYNONYMS.get(word);
  if (level1 === undefined) return undefined;
  return level1 === "成本指标" ? { level1, cost: true } : { level1 };
}

/** `一、产出指标` → `产出指标`, `1.数量指标` → `数量指标`, `(一)产出指标` → `产出指标`. */
function withoutNumbering(text: string): string {
  const match = HEADER_NUMBERING.exec(text);
  return match ? text.slice(match[0].length) : text;
}

const HEADER_NUMBERING = /^(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．]|\([一二三四五六七八九十\d]{1,2}\))/;

/**
 * The categories of a header row's cells, when they head category columns: two or more distinct
 * categories, none the 一级 of another's 二级 (`产出指标 | 数量指标` side by side is an
 * item-per-row data row's 一级 and 二级, not two columns). A `成本指标` among 产出's 二级 is
 * the pre-2021 二级; otherwise the 2021 一级. Undefined when the cells head no such columns.
 */
export function categoryColumns<T extends { category: CategoryHeader }>(cells: readonly T[]): T[] | undefined {
  if (cells.length < 2) return undefined;
  const outputLevel2 = cells.some((c) => c.category.level1 === "产出指标" && c.category.level2 !== undefined);
  const settled = cells.map((c) => (c.category.cost && outputLevel2 ? { ...c, category: { level1: "产出指标" as Level1, level2: "成本指标" as Level2 } } : c));
  const keys = new Set(settled.map((c) => `${c.category.level1}/${c.category.level2 ?? ""}`));
  if (keys.size !== settled.length) return undefined;
  for (const c of settled) {
    if (c.category.level2 === undefined && settled.some((d) => d.category.level2 !== undefined && d.category.level1 === c.category.level1)) return undefined;
  }
  return settled;
}
