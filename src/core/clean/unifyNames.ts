import type { SheetCheck } from "../check";
import type { CellEdit } from "../plan";
import { toA1 } from "../table/address";
import { clusterNames } from "../table/nameVariants";
import { isLaterColumn } from "../rules/finding";

/**
 * Edits that give every department and every unit one spelling across the workbook: each
 * cluster of variant spellings (`…花都区委员会组织部` / `…花都区委组织部`, found by
 * clusterNames) takes its most frequent spelling; on a tie the longer one, the full name
 * rather than its abbreviation.
 *
 * Item-per-row tables: only the first row of each project is read by the checker, so only
 * that row's cells are unified; continuation rows keep what they hold.
 */
export function unifyNameEdits(checks: readonly SheetCheck[]): CellEdit[] {
  return [...roleEdits(checks, "department"), ...roleEdits(checks, "unit")];
}

interface NameCell {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  text: string;
}

function roleEdits(checks: readonly SheetCheck[], role: "department" | "unit"): CellEdit[] {
  const cells: NameCell[] = [];
  for (const check of checks) {
    const columnIndex = check.table.columns[role];
    if (columnIndex === undefined) continue;
    for (const row of check.rows) {
      if (row[role] !== "" && !isLaterColumn(row)) cells.push({ sheet: check.sheet, rowIndex: row.rowIndex, columnIndex, text: row[role] });
    }
  }
  // Every occurrence goes in: clusterNames picks each cluster's most frequent spelling.
  const target = new Map<string, string>();
  for (const cluster of clusterNames(cells.map((c) => c.text))) {
    for (const variant of cluster.variants) target.set(variant, cluster.canonical);
  }

  return cells.flatMap((cell) => {
    const after = target.get(cell.text);
    if (after === undefined) return [];
    return [
      {
        sheet: cell.sheet,
        cell: toA1(cell.rowIndex, cell.columnIndex),
        rowIndex: cell.rowIndex,
        columnIndex: cell.columnIndex,
        before: cell.text,
        after,
        codes: ["name_variant"],
      },
    ];
  });
}
