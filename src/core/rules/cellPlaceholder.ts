import { foldWidth } from "../parse/normalizeText";
import { isPlaceholderText } from "../parse/parseValue";

/**
 * What authors type into an indicator cell that has no indicators: filler characters (`—`, `/`,
 * `-`, `——`, `……`), a word saying “none” (`无`, `暂无`, `不适用`, `N/A`), or an Excel error value
 * a host hands as text (`#N/A`). Such a cell is empty (indicator_cell_empty), not a cell of
 * unknown categories. The same texts in place of an item's value make the value missing (the
 * parser reads them as `empty`, see isPlaceholderText).
 */

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
  return isPlaceholderText(folded, 0, folded.length, true) ? trimmed : undefined;
}
