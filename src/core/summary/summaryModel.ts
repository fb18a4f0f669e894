import type { SheetCheck } from "../check";
import { ruleTitle } from "../messages/index";
import type { Counts, Issue, Lang, Level1, RuleCode, Severity } from "../model";
import { DETAIL_SHEET_NAME, SUMMARY_SHEET_NAME, type Highlight, type PlanCell, type SheetPlan } from "../plan";
import { parseA1 } from "../table/address";
import { SUMMARY_MESSAGES } from "./messages";
import { NORMALIZED_HEADERS, normalizedIndicators, normalizedRowCells } from "./normalizedTable";

/**
 * The numbers behind the 校验汇总 sheet and the plans of the two generated sheets. The core
 * has no clock: the caller passes `generatedAt` already formatted.
 */
export interface RuleCount {
  code: RuleCode;
  title: string;
  severity: Severity;
  count: number;
}

export interface Level1Count {
  /** The canonical 一级, the category as written when unknown (`产出指数`), or the
   * catalog's "unrecognised" label when the item names none. */
  level1: string;
  indicators: number;
  /** Issues about items of this category (cell and row issues are not counted here). */
  issues: number;
}

export interface SummaryModel {
  file?: string;
  generatedAt?: string;
  sheets: string[];
  /** Data rows (sheet rows holding indicators). */
  rows: number;
  /** Distinct projects: same sheet, department, unit and name count once. */
  projects: number;
  indicators: number;
  counts: Counts;
  /** Worst severity first, then most frequent. */
  byRule: RuleCount[];
  /** 产出, 效益, 满意度, 成本 first, then other categories as written. */
  byLevel1: Level1Count[];
  /** Every issue, sheet by sheet, in the engine's order (row, item, severity). */
  issues: Issue[];
}

export interface SummaryInput {
  file?: string;
  generatedAt?: string;
  checks: readonly SheetCheck[];
  lang: Lang;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const LEVEL1_ORDER: readonly Level1[] = ["产出指标", "效益指标", "满意度指标", "成本指标"];

export function buildSummary(input: SummaryInput): SummaryModel {
  const { checks, lang } = input;
  const issues = checks.flatMap((c) => c.issues);
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;

  const projects = new Set<string>();
  for (const check of checks) {
    for (const row of check.rows) if (row.project !== "") projects.add([check.sheet, row.department, row.unit, row.project].join("\u0001"));
  }

  return {
    ...(input.file !== undefined ? { file: input.file } : {}),
    ...(input.generatedAt !== undefined ? { generatedAt: input.generatedAt } : {}),
    // A sheet holding two tables is one sheet.
    sheets: [...new Set(checks.map((c) => c.sheet))],
    rows: checks.reduce((n, c) => n + c.report.dataRows, 0),
    projects: projects.size,
    indicators: checks.reduce((n, c) => n + c.rows.reduce((m, r) => m + r.cell.items.length, 0), 0),
    counts,
    byRule: countByRule(issues, lang),
    byLevel1: countByLevel1(checks, lang),
    issues,
  };
}

function countByRule(issues: readonly Issue[], lang: Lang): RuleCount[] {
  const byCode = new Map<RuleCode, RuleCount>();
  for (const issue of issues) {
    const entry = byCode.get(issue.code);
    if (entry) {
      entry.count++;
      // A code has one severity per run; the worst seen wins should settings ever differ.
      if (SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[entry.severity]) entry.severity = issue.severity;
    } else {
      byCode.set(issue.code, { code: issue.code, title: ruleTitle(issue.code, lang), severity: issue.severity, count: 1 });
    }
  }
  return [...byCode.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.code.localeCompare(b.code),
  );
}

function countByLevel1(checks: readonly SheetCheck[], lang: Lang): Level1Count[] {
  const unrecognised = SUMMARY_MESSAGES[lang].unrecognisedLevel1;
  const counts = new Map<string, Level1Count>();
  for (const check of checks) {
    // Each item's count entry by sheet row and item position (an issue names both), per sheet:
    // numbers as keys, not a string per item (at 100,000 rows, ~460,000 of them).
    const entryOfItem = new Map<number, Level1Count[]>();
    for (const row of check.rows) {
      const items = row.cell.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const level1 = item.level1 ?? (item.level1Raw?.trim() || unrecognised);
        let entry = counts.get(level1);
        if (!entry) counts.set(level1, (entry = { level1, indicators: 0, issues: 0 }));
        entry.indicators++;
        const rowNumber = row.itemCells?.[i]?.rowNumber ?? row.rowNumber;
        let byItem = entryOfItem.get(rowNumber);
        if (!byItem) entryOfItem.set(rowNumber, (byItem = []));
        byItem[item.index] = entry;
      }
    }
    for (const issue of check.issues) {
      if (issue.item === undefined || issue.sheet !== check.sheet) continue;
      const entry = entryOfItem.get(issue.rowNumber)?.[issue.item];
      if (entry) entry.issues++;
    }
  }
  const rank = (level1: string) => {
    const at = (LEVEL1_ORDER as readonly string[]).indexOf(level1);
    return at < 0 ? LEVEL1_ORDER.length : at;
  };
  return [...counts.values()].sort((a, b) => rank(a.level1) - rank(b.level1) || b.indicators - a.indicators || a.level1.localeCompare(b.level1));
}

// ---------------------------------------------------------------------------------------
// Sheet plans

/** Column widths in characters; a CJK character takes about two. Column A carries the block
 * labels and rule titles above the issue list, so it is wider than a serial number needs. */
const SUMMARY_WIDTHS = [26, 16, 10, 8, 6, 8, 26, 60, 44];

export function summarySheetPlan(model: SummaryModel, lang: Lang): SheetPlan {
  const m = SUMMARY_MESSAGES[lang];
  const rows: PlanCell[][] = [];
  const boldRows: number[] = [];
  const bold = (row: PlanCell[]) => {
    boldRows.push(rows.length);
    rows.push(row);
  };

  bold([m.title]);
  if (model.file !== undefined) rows.push([m.file, model.file]);
  if (model.generatedAt !== undefined) rows.push([m.generatedAt, model.generatedAt]);
  rows.push([]);

  bold([m.overview]);
  rows.push([m.sheets, model.sheets.length]);
  rows.push([m.rows, model.rows]);
  rows.push([m.projects, model.projects]);
  rows.push([m.indicators, model.indicators]);
  rows.push([m.severity.error, model.counts.error]);
  rows.push([m.severity.warning, model.counts.warning]);
  rows.push([m.severity.info, model.counts.info]);
  rows.push([]);

  bold([m.byRule]);
  let chart: SheetPlan["chart"];
  if (model.byRule.length === 0) {
    rows.push([m.noIssues]);
  } else {
    bold([...m.ruleHeaders]);
    const firstRowIndex = rows.length;
    for (const r of model.byRule) rows.push([r.title, m.severity[r.severity], r.count, r.code]);
    chart = { title: m.chartTitle, firstRowIndex, lastRowIndex: rows.length - 1, labelColumnIndex: 0, valueColumnIndex: 2 };
  }
  rows.push([]);

  bold([m.byLevel1]);
  bold([...m.level1Headers]);
  for (const l of model.byLevel1) rows.push([l.level1, l.indicators, l.issues]);
  rows.push([]);

  bold([m.issueList]);
  if (model.issues.length === 0) {
    rows.push([m.noIssues]);
  } else {
    bold([...m.issueHeaders]);
    model.issues.forEach((issue, i) => {
      rows.push([
        i + 1,
        issue.sheet,
        { link: { sheet: issue.sheet, cell: issue.cell }, text: issue.cell },
        issue.rowNumber,
        issue.item ?? null,
        m.severity[issue.severity],
        ruleTitle(issue.code, lang),
        issue.message,
        issue.fix?.description ?? "",
      ]);
    });
  }

  return { name: SUMMARY_SHEET_NAME, rows, columnWidths: [...SUMMARY_WIDTHS], boldRows, ...(chart ? { chart } : {}) };
}

/** Widths of the normalized table's columns (行号 … 问题): names and texts get room. */
const DETAIL_WIDTHS = [6, 24, 24, 30, 6, 12, 14, 10, 32, 8, 8, 8, 8, 16, 8, 50, 50];

/**
 * 指标明细: the normalized table with its header. With several sheets checked, a 工作表
 * column comes first, since 行号 alone would not say which sheet a row is from. `rowNumbers`
 * says where 行号 is, for the cleaned workbook's writer to renumber it past deleted rows.
 */
export function detailSheetPlan(checks: readonly SheetCheck[], lang: Lang): SheetPlan {
  const m = SUMMARY_MESSAGES[lang];
  const only = new Set(checks.map((c) => c.sheet)).size === 1 ? checks[0]?.sheet : undefined;
  const withSheet = checks.length > 1 && only === undefined;
  const header: PlanCell[] = [...(withSheet ? [m.sheetColumn] : []), ...NORMALIZED_HEADERS[lang]];
  // Rows made from the normalized indicators one at a time (normalizedIndicators), not from
  // check.normalized: that getter keeps the whole table on the check for as long as the check
  // lives — at 100,000 project rows, ~460,000 objects nobody reads again.
  const rows: PlanCell[][] = [header];
  for (const check of checks) {
    for (const indicator of normalizedIndicators(check.rows, check.issues)) {
      const cells = normalizedRowCells(indicator, lang);
      rows.push(withSheet ? [check.sheet, ...cells] : cells);
    }
  }
  return {
    name: DETAIL_SHEET_NAME,
    rows,
    columnWidths: withSheet ? [14, ...DETAIL_WIDTHS] : [...DETAIL_WIDTHS],
    boldRows: [0],
    ...(withSheet ? { rowNumbers: { column: 1, sheetColumn: 0 } } : only !== undefined ? { rowNumbers: { column: 0, sheet: only } } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Highlights

/**
 * One highlight per flagged cell: the worst severity of its issues wins, infos are never
 * highlighted (DOMAIN.md §3: an info is a normalisation or a weak point, not a defect).
 * Cells come out in the order their first issue came.
 */
export function highlightsFor(issues: readonly Issue[]): Highlight[] {
  const byCell = new Map<string, Highlight>();
  for (const issue of issues) {
    if (issue.severity === "info") continue;
    const key = `${issue.sheet}\u0001${issue.cell}`;
    const seen = byCell.get(key);
    if (seen) {
      if (issue.severity === "error") seen.severity = "error";
      continue;
    }
    const { rowIndex, columnIndex } = parseA1(issue.cell);
    byCell.set(key, { sheet: issue.sheet, cell: issue.cell, rowIndex, columnIndex, severity: issue.severity });
  }
  return [...byCell.values()];
}
