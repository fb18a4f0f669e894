import type { Rule } from "./rule";
import { emitAt } from "./finding";

/** Row keys join cells with U+0001; a key of separators only is a blank row. */
const ONLY_SEPARATORS = /^\u0001*$/;

/** Identical data rows (every cell the same): a paste done twice. Each repeat is flagged at
 * its project cell, pointing back at the first row. */
export const duplicateProjectRule: Rule = {
  codes: ["duplicate_project"],
  defaultSeverity: { duplicate_project: "warning" },
  checkTable(table, emit) {
    const firstRow = new Map<string, number>();
    for (const row of table.rows) {
      if (ONLY_SEPARATORS.test(row.rowKey)) continue;
      const earlier = firstRow.get(row.rowKey);
      if (earlier === undefined) firstRow.set(row.rowKey, row.rowNumber);
      else emitAt(emit, row.rowNumber, row.projectAddress ?? row.indicatorAddress, "duplicate_project", { project: row.project, firstRow: earlier });
    }
  },
};
