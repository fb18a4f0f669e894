import type { Rule } from "./rule";
import { emitRow, isLaterColumn } from "./finding";

/** A data row with an empty project cell. Only tables with a project column are checked:
 * without one there is no cell to point at (the column mapping is the thing to fix). */
export const projectNameMissingRule: Rule = {
  codes: ["project_name_missing"],
  defaultSeverity: { project_name_missing: "warning" },
  checkRow(row, emit) {
    if (row.projectAddress === undefined || row.project.trim() !== "" || isLaterColumn(row)) return;
    emitRow(emit, row, "project_name_missing", { row: row.rowNumber }, row.projectAddress);
  },
};
