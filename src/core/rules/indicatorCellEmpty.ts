import type { Rule } from "./rule";
import { emitRow } from "./finding";

/** A data row whose indicator cell holds nothing (blank, or only spaces). A cell with text the
 * parser could not split into items is category_unknown's business, not this rule's. */
export const indicatorCellEmptyRule: Rule = {
  codes: ["indicator_cell_empty"],
  defaultSeverity: { indicator_cell_empty: "error" },
  checkRow(row, emit) {
    if (row.cell.items.length > 0 || row.cell.text.trim() !== "") return;
    emitRow(emit, row, "indicator_cell_empty", { project: row.project });
  },
};
