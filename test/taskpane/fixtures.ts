import type { HostRun } from "../../src/app/host";
import type { Counts, Issue, Report } from "../../src/core/model";

/** Issues as the engine reports them for rows of the seed table (sheet 项目支出绩效目标表). */
export const SHEET = "项目支出绩效目标表";

/** Seed row 6, item 5: the 年度指标值 label is missing (every 党代表任期制 row has it). */
export const labelMissing: Issue = {
  code: "value_label_missing",
  severity: "warning",
  params: { item: 5 },
  message: "第 5 项缺少“年度指标值：”标签",
  sheet: SHEET,
  cell: "E6",
  rowNumber: 6,
  item: 5,
  span: { start: 120, end: 120 },
  fix: { description: "补上“年度指标值：”", edits: [{ span: { start: 120, end: 120 }, text: "年度指标值：" }], auto: true },
};

/** `80%以上` normalised to `≥80%`. */
export const normalized: Issue = {
  code: "value_normalized",
  severity: "info",
  params: { from: "80%以上", to: "≥80%" },
  message: "“80%以上”规范为“≥80%”",
  sheet: SHEET,
  cell: "E6",
  rowNumber: 6,
  item: 2,
  span: { start: 40, end: 46 },
  fix: { description: "改为“≥80%”", edits: [{ span: { start: 40, end: 46 }, text: "≥80%" }], auto: true },
};

/** `3、产出指数：…` — no recognisable 一级指标. */
export const categoryUnknown: Issue = {
  code: "category_unknown",
  severity: "error",
  params: { level1: "产出指数" },
  message: "无法识别的一级指标“产出指数”",
  sheet: SHEET,
  cell: "E7",
  rowNumber: 7,
  item: 3,
};

/** `试点镇数量指标 ≥100%`. */
export const percentOnCount: Issue = {
  code: "percent_on_count",
  severity: "warning",
  params: { name: "试点镇数量指标" },
  message: "数量指标用了百分比",
  sheet: SHEET,
  cell: "E8",
  rowNumber: 8,
  item: 1,
};

export function countsOf(issues: readonly Issue[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

export function reportOf(issues: Issue[]): Report {
  return {
    version: 1,
    sheets: [
      {
        name: SHEET,
        layout: "cell",
        headerRow: 5,
        dataRows: 35,
        indicators: 152,
        columns: { department: "A", unit: "B", project: "C", goal: "D", indicators: "E" },
        skippedRows: [],
      },
    ],
    issues,
    counts: countsOf(issues),
    normalized: [],
  };
}

export function runOf(issues: Issue[]): HostRun {
  return { report: reportOf(issues), failures: [], highlighted: true };
}

export const SEED_ISSUES: Issue[] = [labelMissing, normalized, categoryUnknown, percentOnCount].sort(
  (a, b) => a.rowNumber - b.rowNumber || (a.item ?? 0) - (b.item ?? 0),
);
