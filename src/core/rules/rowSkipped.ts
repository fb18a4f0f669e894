import type { Rule } from "./rule";
import { emitAt } from "./finding";

/** One info per non-data row inside the table, below the header (blank rows, dashes, repeated
 * headers, notes); rows above the header are the title block and say nothing about the data.
 * The cell is column A of that row. */
export const rowSkippedRule: Rule = {
  codes: ["row_skipped"],
  defaultSeverity: { row_skipped: "info" },
  checkTable(ctx, emit) {
    for (const skipped of ctx.table.skipped) {
      if (skipped.rowIndex <= ctx.table.headerRowIndex) continue;
      const row = skipped.rowIndex + 1;
      emitAt(emit, row, `A${row}`, "row_skipped", { row, reason: skipped.reason });
    }
  },
};
