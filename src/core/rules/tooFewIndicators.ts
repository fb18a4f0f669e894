import type { Rule } from "./rule";
import { emitRow, projectItems } from "./finding";

/** Reviewers expect at least this many indicators per project. */
export const MIN_INDICATORS = 3;

/** A project with one or two indicators, in its cell or over its rows (ProjectRows); an empty
 * cell is indicator_cell_empty's. */
export const tooFewIndicatorsRule: Rule = {
  codes: ["too_few_indicators"],
  defaultSeverity: { too_few_indicators: "warning" },
  perCell: true,
  checkRow(row, emit) {
    const count = projectItems(row).length;
    if (count > 0 && count < MIN_INDICATORS) emitRow(emit, row, "too_few_indicators", { count });
  },
};
