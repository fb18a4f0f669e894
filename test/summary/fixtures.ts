import type { SheetCheck } from "../../src/core/check";
import type { Issue, RuleCode, Severity } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import type { RowContext } from "../../src/core/rules/rule";
import { buildNormalizedTable } from "../../src/core/summary/normalizedTable";

/** A data row of a one-project-per-row table, indicator cell in column E. */
export function row(sheet: string, rowNumber: number, project: string, indicators: string, department = "区委组织部"): RowContext {
  return {
    sheet,
    rowIndex: rowNumber - 1,
    rowNumber,
    department,
    unit: department,
    project,
    indicatorAddress: `E${rowNumber}`,
    projectAddress: `C${rowNumber}`,
    rawIndicator: indicators,
    cell: parseIndicatorCell(indicators),
    rowKey: [department, department, project, indicators].join("\u0001"),
  };
}

export function issue(sheet: string, cell: string, code: RuleCode, severity: Severity, item?: number, message = `${code} 的说明`): Issue {
  return {
    code,
    severity,
    params: {},
    message,
    sheet,
    cell,
    rowNumber: Number(cell.replace(/^[A-Z]+/, "")),
    ...(item !== undefined ? { item } : {}),
  };
}

/** A SheetCheck as the engine would return it, from hand-written rows and issues. */
export function sheetCheck(sheet: string, rows: RowContext[], issues: Issue[]): SheetCheck {
  return {
    sheet,
    table: { layout: "cell", headerRowIndex: 0, columns: { department: 0, unit: 1, project: 2, indicators: 4 }, dataRowIndexes: rows.map((r) => r.rowIndex), skipped: [] },
    rows,
    issues,
    report: {
      name: sheet,
      layout: "cell",
      headerRow: 1,
      dataRows: rows.length,
      indicators: rows.reduce((n, r) => n + r.cell.items.length, 0),
      columns: { department: "A", unit: "B", project: "C", indicators: "E" },
      skippedRows: [],
    },
    normalized: buildNormalizedTable(rows, issues),
  };
}
