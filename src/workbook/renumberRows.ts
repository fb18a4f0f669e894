import type { PlanCell, SheetPlan } from "../core/plan";
import { RowDeletion } from "./formulaRows";

/**
 * The row numbers a generated sheet gives (指标明细's 行号, `SheetPlan.rowNumbers`) as they read
 * in the cleaned workbook, whose checked sheets lost rows: a project on row 42 below two
 * deleted rows is on row 40 there. The annotated workbook deletes nothing and keeps the plan's
 * numbers.
 */
export interface RowRenumbering {
  /** The plan column holding the numbers. */
  column: number;
  /** The number to write in `column` of a plan row, or undefined where the plan's stands (a
   * header, a row of a sheet that lost no rows, a row above every deleted one). */
  numberAt(cells: readonly PlanCell[]): number | undefined;
}

/** Undefined when nothing changes: no row numbers in the plan, or no deleted rows. */
export function rowRenumbering(plan: SheetPlan, removeRowIndexes: Readonly<Record<string, readonly number[]>>): RowRenumbering | undefined {
  const spec = plan.rowNumbers;
  if (!spec) return undefined;
  const deletions = new Map<string, RowDeletion>();
  for (const [sheet, rows] of Object.entries(removeRowIndexes)) {
    if (rows.length > 0) deletions.set(sheet, new RowDeletion(rows.map((i) => i + 1)));
  }
  const { column, sheetColumn, sheet } = spec;
  const fixed = sheet !== undefined ? deletions.get(sheet) : undefined;
  if (sheetColumn === undefined ? !fixed : deletions.size === 0) return undefined;
  return {
    column,
    numberAt(cells) {
      const row = cells[column];
      if (typeof row !== "number" || !Number.isSafeInteger(row)) return undefined;
      let deletion = fixed;
      if (sheetColumn !== undefined) {
        const name = cells[sheetColumn];
        deletion = typeof name === "string" ? deletions.get(name) : undefined;
      }
      // A deleted row holds no indicator (only blank, dash and repeated header rows go).
      if (!deletion || deletion.isDeleted(row)) return undefined;
      const to = deletion.newRow(row);
      return to === row ? undefined : to;
    },
  };
}

/** The plan with its row numbers renumbered (the exceljs writer's way: rows copied). */
export function renumberedPlan(plan: SheetPlan, removeRowIndexes: Readonly<Record<string, readonly number[]>>): SheetPlan {
  const renumbering = rowRenumbering(plan, removeRowIndexes);
  if (!renumbering) return plan;
  const { column } = renumbering;
  const rows = plan.rows.map((cells) => {
    const to = renumbering.numberAt(cells);
    if (to === undefined) return cells;
    const copy = cells.slice();
    copy[column] = to;
    return copy;
  });
  return { ...plan, rows };
}
