import { ALL_RULES } from "../../src/core/rules/index";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DetectedTable, RuleCode } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import type { RowContext, Rule, RuleFinding } from "../../src/core/rules/rule";

/**
 * Runs rules the way the engine does, on real cell texts parsed by the real parser, and
 * flattens the findings to tuples tests can compare: `[item, code]` for item findings,
 * `[cell, code]` for row and table findings.
 */

/** A data row of a one-project-per-row table: project in C, indicators in E. */
export function dataRow(indicators: string, rowNumber = 6, project = "党代表任期制工作经费（花东镇）", department = "中共广州市花都区委组织部"): RowContext {
  return {
    sheet: "Sheet1",
    rowIndex: rowNumber - 1,
    rowNumber,
    department,
    unit: department,
    project,
    indicatorAddress: `E${rowNumber}`,
    projectAddress: `C${rowNumber}`,
    rawIndicator: indicators === "" ? null : indicators,
    cell: parseIndicatorCell(indicators),
    rowKey: [department, department, project, "", indicators].join("\u0001"),
  };
}

export function findingsOf(rule: Rule, row: RowContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  rule.checkRow?.(row, (f) => out.push(f));
  return out;
}

/** `[item, code]` of every item finding a rule raises on one indicator cell. */
export function itemCodes(rule: Rule, indicators: string): [number, RuleCode][] {
  return findingsOf(rule, dataRow(indicators)).map((f) => [f.item ?? 0, f.code]);
}

/** `[cell, code]` of every finding a rule raises on one row (cell defaults to the indicator cell). */
/** `[item, code]` of every finding of every rule on one cell, the project-level counts
 * (satisfaction/cost, too few, output/effect) aside. */
export function allItemCodes(indicators: string): [number, RuleCode][] {
  const row = dataRow(indicators);
  const projectLevel: RuleCode[] = ["satisfaction_or_cost_missing", "too_few_indicators", "output_or_effect_missing"];
  return ALL_RULES.flatMap((rule) => findingsOf(rule, row))
    .filter((f) => !projectLevel.includes(f.code))
    .map((f): [number, RuleCode] => [f.item ?? 0, f.code]);
}

export function cellCodes(rule: Rule, row: RowContext): [string, RuleCode][] {
  return findingsOf(rule, row).map((f) => [f.cell ?? row.indicatorAddress, f.code]);
}

/** The text a finding's span covers in the cell. */
export function spanText(row: RowContext, finding: RuleFinding): string | undefined {
  return finding.span ? row.cell.text.slice(finding.span.start, finding.span.end) : undefined;
}

/** The cell text after applying a finding's fix edits (right to left, so offsets stay valid). */
export function applyFix(text: string, finding: RuleFinding): string {
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.text + t.slice(e.span.end), text);
}

// ---------------------------------------------------------------------------------------
// The seed table (test/fixtures/files/seed.tsv: tab separated, line N = sheet row N, header on
// row 5, columns 主管部门 | 预算单位 | 项目名称 | 绩效目标 | 绩效指标).

export const SEED_PATH = join(__dirname, "../fixtures/files/seed.tsv");

export function seedLines(): string[] {
  return readFileSync(SEED_PATH, "utf8").replace(/\r?\n$/, "").split(/\r?\n/);
}

/** The seed's data rows (rows with a project or an indicator text below the header). */
export function seedRows(): RowContext[] {
  const rows: RowContext[] = [];
  seedLines().forEach((line, i) => {
    const rowNumber = i + 1;
    if (rowNumber <= 5) return;
    const [department = "", unit = "", project = "", , indicators = ""] = line.split("\t").map((c) => c.trim());
    if (project === "" && indicators === "") return;
    if (/^-+$/.test(department)) return;
    rows.push({
      sheet: "Sheet1",
      rowIndex: i,
      rowNumber,
      department,
      unit,
      project,
      indicatorAddress: `E${rowNumber}`,
      projectAddress: `C${rowNumber}`,
      rawIndicator: indicators,
      cell: parseIndicatorCell(indicators),
      rowKey: line.split("\t").map((c) => c.trim()).join("\u0001"),
    });
  });
  return rows;
}

/** The seed's table as the detector reports it: header row 5, blank rows 24 and 41, dashes on 43. */
export function seedTable(rows: readonly RowContext[]): DetectedTable {
  return {
    layout: "cell",
    headerRowIndex: 4,
    columns: { department: 0, unit: 1, project: 2, goal: 3, indicators: 4 },
    dataRowIndexes: rows.map((r) => r.rowIndex),
    skipped: [
      { rowIndex: 0, reason: "blank" },
      { rowIndex: 1, reason: "blank" },
      { rowIndex: 2, reason: "title" },
      { rowIndex: 3, reason: "blank" },
      { rowIndex: 23, reason: "blank" },
      { rowIndex: 40, reason: "blank" },
      { rowIndex: 42, reason: "dashes" },
    ],
  };
}
