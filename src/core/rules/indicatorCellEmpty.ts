import type { Rule } from "./rule";
import { cellPlaceholder } from "./cellPlaceholder";
import { emitRow } from "./finding";

/** A data row whose indicator cell holds nothing: blank, only spaces, or only a placeholder
 * (`—`, `/`, `无`, `#N/A`, see cellPlaceholder), which the finding names. A cell with other text
 * the parser could not split into items is category_unknown's business, not this rule's. */
export const indicatorCellEmptyRule: Rule = {
  codes: ["indicator_cell_empty"],
  defaultSeverity: { indicator_cell_empty: "error" },
  checkRow(row, emit) {
    if (row.cell.items.length > 0) return;
    if (row.cell.text.trim() === "") {
      emitRow(emit, row, "indicator_cell_empty", { project: row.project });
      return;
    }
    const placeholder = cellPlaceholder(row.cell.text);
    if (placeholder !== undefined) emitRow(emit, row, "indicator_cell_empty", { project: row.project, placeholder });
  },
};
