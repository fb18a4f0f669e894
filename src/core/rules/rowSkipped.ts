import type { Rule } from "./rule";
import { emitAt } from "./finding";
import { toA1 } from "../table/address";

/** One info per non-data row inside the table, below the header (blank rows, dashes, repeated
 * headers, notes); rows above the header are the title block and say nothing about the data.
 * The cell is the table's first column on that row (column A, or C for a table starting there). */
export const rowSkippedRule: Rule = {
  codes: ["row_skipped"],
  defaultSeverity: { row_skipped: "info" },
  checkTable(ctx, emit) {
    const columns = Object.values(ctx.table.columns).filter((c): c is number => c !== undefined);
    const first = columns.length > 0 ? Math.min(...columns) : 0;
    for (const skipped of ctx.table.skipped) {
      if (skipped.rowIndex <= ctx.table.headerRowIndex) continue;
      const row = skipped.rowIndex + 1;
      emitAt(emit, row, toA1(skipped.rowIndex, first), "row_skipped", { row, reason: skipped.reason });
    }
  },
};
