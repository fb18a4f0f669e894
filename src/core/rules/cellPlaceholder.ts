import { foldWidth } from "../parse/normalizeText";

/**
 * What authors type into an indicator cell that has no indicators: filler characters (`—`, `/`,
 * `-`, `——`, `……`), a word saying “none” (`无`, `暂无`, `不适用`, `N/A`), or an Excel error value
 * a host hands as text (`#N/A`). Such a cell is empty (indicator_cell_empty), not a cell of
 * unknown categories.
 */

/** Characters of filler and separator lines (folded: `－` `／` `＿` are ASCII here). */
const FILLER = new Set([0x2d, 0x2014, 0x2013, 0x2015, 0x2500, 0x2501, 0x2010, 0x2011, 0x2212, 0x5f, 0x3d, 0x2f, 0x5c, 0x2e, 0x3002, 0x2026, 0xb7, 0x22ef, 0x7e]);

/** Words meaning “none”, upper-cased, without spaces or a final full stop. */
const NONE_WORDS: ReadonlySet<string> = new Set([
  "无",
  "暂无",
  "没有",
  "空",
  "空白",
  "略",
  "不适用",
  "不涉及",
  "待定",
  "待补充",
  "NA",
  "N/A",
  "N.A",
  "NULL",
  "NONE",
  "NIL",
]);

/** Excel's error values as text (`#N/A`, `#DIV/0!` …), upper-cased. */
const ERROR_VALUES: ReadonlySet<string> = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"]);

/** A placeholder is short: longer text says something. */
const MAX_LENGTH = 16;

/**
 * The placeholder a cell holds instead of indicators, trimmed as written; undefined when the
 * cell is blank or says anything more. Example: ` — ` → `—`, `N/A` → `N/A`, `无。` → `无。`,
 * `详见附件` → undefined.
 */
export function cellPlaceholder(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > MAX_LENGTH) return undefined;
  const folded = foldWidth(trimmed);
  let filler = true;
  let word = "";
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (!FILLER.has(c)) filler = false;
    word += folded[i];
  }
  if (filler) return trimmed;
  const upper = word.toUpperCase();
  if (ERROR_VALUES.has(upper)) return trimmed;
  const bare = upper.endsWith("。") || upper.endsWith(".") ? upper.slice(0, -1) : upper;
  return NONE_WORDS.has(bare) ? trimmed : undefined;
}
