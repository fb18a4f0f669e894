import type { Rule } from "./rule";
import { emitRow } from "./finding";

/** Reviewers expect at least this many indicators per project. */
export const MIN_INDICATORS = 3;

/** A cell with one or two indicators (an empty cell is indicator_cell_empty's). */
export const tooFewIndicatorsRule: Rule = {
  codes: ["too_few_indicators"],
  defaultSeverity: { too_few_indicators: "warning" },
  perCell: true,
  checkRow(row, emit) {
    const count = row.cell.items.length;
    if (count > 0 && count < MIN_INDICATORS) emitRow(emit, row, "too_few_indicators", { count });
  },
};
