import type { RowContext, Rule } from "./rule";
import { emitAt, isLaterColumn } from "./finding";

/** Row keys join cells with U+0001; a key of separators only is a blank row. */
const ONLY_SEPARATORS = /^\u0001*$/;

/** Identical data rows (every cell the same but 序号): a paste done twice, maybe renumbered.
 * Each repeat is flagged at its project cell, pointing back at the first row. */
export const duplicateProjectRule: Rule = {
  codes: ["duplicate_project"],
  defaultSeverity: { duplicate_project: "warning" },
  checkTable(table, emit) {
    const firstRow = new Map<string, number>();
    const enter = (row: RowContext) => {
      const key = row.rowKey;
      if (ONLY_SEPARATORS.test(key)) return;
      const earlier = firstRow.get(key);
      if (earlier === undefined) firstRow.set(key, row.rowNumber);
      else emitAt(emit, row.rowNumber, row.projectAddress ?? row.indicatorAddress, "duplicate_project", { project: row.project, firstRow: earlier });
    };
    // Rows are keyed (a copy of every cell) only once their fingerprint repeats: the first row
    // of a fingerprint waits here, null once it has been keyed.
    const waiting = new Map<number, RowContext | null>();
    for (const row of table.rows) {
      if (isLaterColumn(row)) continue;
      const print = row.rowFingerprint;
      if (print !== undefined) {
        const first = waiting.get(print);
        if (first === undefined) {
          waiting.set(print, row);
          continue;
        }
        if (first !== null) {
          // Keying it now cannot report it: an earlier row with its key would share its fingerprint.
          enter(first);
          waiting.set(print, null);
        }
      }
      enter(row);
    }
  },
};
