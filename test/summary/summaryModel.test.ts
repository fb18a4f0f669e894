import { checkSheet } from "../../src/core/check";
import { ruleTitle } from "../../src/core/messages/index";
import type { CellLink, PlanCell, SheetPlan } from "../../src/core/plan";
import { NORMALIZED_HEADERS } from "../../src/core/summary/normalizedTable";
import { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } from "../../src/core/summary/summaryModel";
import { seedSnapshot } from "../clean/seedSheet";
import { issue, row, sheetCheck } from "./fixtures";

const isLink = (cell: PlanCell | undefined): cell is CellLink => typeof cell === "object" && cell !== null;
const rowStarting = (plan: SheetPlan, first: PlanCell) => plan.rows.findIndex((r) => r[0] === first);

function twoSheets() {
  const a = sheetCheck(
    "2024",
    [
      row("2024", 6, "党建经费", "1、产出指标：资金拨付率，年度指标值：≥90%。2、效益指标：党建水平，合格。3、满意度指标：群众满意度，年度指标值：80%以上。"),
      row("2024", 7, "培训经费", "1、产出指标：培训人数，年度指标值：≥50人。2、产出指数：培训期数，年度指标值：≥2期。"),
      row("2024", 8, "培训经费", "1、产出指标：培训人数，年度指标值：≥50人。2、产出指数：培训期数，年度指标值：≥2期。"),
    ],
    [
      issue("2024", "E6", "value_label_missing", "warning", 2),
      issue("2024", "E6", "value_normalized", "info", 3),
      issue("2024", "E6", "satisfaction_threshold", "info", 3),
      issue("2024", "E7", "category_unknown", "error", 2),
      issue("2024", "E7", "too_few_indicators", "warning"),
      issue("2024", "E8", "category_unknown", "error", 2),
      issue("2024", "C8", "duplicate_project", "warning"),
    ],
  );
  const b = sheetCheck("2025", [row("2025", 3, "村办公经费", "1、产出指标：经费拨付率，年度指标值：100%。")], [issue("2025", "E3", "too_few_indicators", "warning")]);
  return [a, b];
}

describe("buildSummary", () => {
  const model = buildSummary({ checks: twoSheets(), lang: "zh", file: "目标表.xlsx", generatedAt: "2025-03-01 09:30" });

  it("counts rows, distinct projects, indicators and severities across sheets", () => {
    expect(model).toMatchObject({ file: "目标表.xlsx", generatedAt: "2025-03-01 09:30", sheets: ["2024", "2025"], rows: 4, projects: 3, indicators: 8 });
    expect(model.counts).toEqual({ error: 2, warning: 4, info: 2 });
    expect(model.issues).toHaveLength(8);
  });

  it("counts by rule, worst severity first, each with its catalog title", () => {
    expect(model.byRule.map((r) => [r.code, r.severity, r.count])).toEqual([
      ["category_unknown", "error", 2],
      ["too_few_indicators", "warning", 2],
      ["duplicate_project", "warning", 1],
      ["value_label_missing", "warning", 1],
      ["satisfaction_threshold", "info", 1],
      ["value_normalized", "info", 1],
    ]);
    for (const r of model.byRule) expect(r.title).toBe(ruleTitle(r.code, "zh"));
  });

  it("counts indicators and item issues by 一级指标, an unknown category under its own spelling", () => {
    expect(model.byLevel1).toEqual([
      { level1: "产出指标", indicators: 4, issues: 0 },
      { level1: "效益指标", indicators: 1, issues: 1 },
      { level1: "满意度指标", indicators: 1, issues: 2 },
      { level1: "产出指数", indicators: 2, issues: 2 },
    ]);
  });
});

describe("summarySheetPlan", () => {
  const model = buildSummary({ checks: twoSheets(), lang: "zh", generatedAt: "2025-03-01 09:30" });
  const plan = summarySheetPlan(model, "zh");

  it("is the 校验汇总 sheet with a title and the caller's time", () => {
    expect(plan.name).toBe("校验汇总");
    expect(plan.rows[0]).toEqual(["绩效指标校验汇总"]);
    expect(plan.boldRows).toContain(0);
    expect(plan.rows.some((r) => r[0] === "生成时间" && r[1] === "2025-03-01 09:30")).toBe(true);
  });

  it("shows the count blocks", () => {
    const value = (label: string) => plan.rows.find((r) => r[0] === label)?.[1];
    expect([value("数据行数"), value("项目数"), value("指标数"), value("错误"), value("警告"), value("提示")]).toEqual([4, 3, 8, 2, 4, 2]);
  });

  it("points the chart at the by-rule rows: a title per bar, a count per bar, all inside the sheet", () => {
    const chart = plan.chart!;
    expect(chart.lastRowIndex).toBeLessThan(plan.rows.length);
    expect(chart.lastRowIndex - chart.firstRowIndex + 1).toBe(model.byRule.length);
    const bars = plan.rows.slice(chart.firstRowIndex, chart.lastRowIndex + 1);
    expect(bars.map((r) => r[chart.labelColumnIndex])).toEqual(model.byRule.map((r) => r.title));
    expect(bars.reduce((n, r) => n + (r[chart.valueColumnIndex] as number), 0)).toBe(8);
    expect(plan.boldRows).toContain(chart.firstRowIndex - 1);
  });

  it("lists every issue with a link to its cell, in sheet order", () => {
    const header = rowStarting(plan, "序号");
    expect(plan.rows[header]).toEqual(["序号", "工作表", "单元格", "行", "项", "级别", "规则", "问题说明", "建议修改"]);
    const list = plan.rows.slice(header + 1);
    expect(list).toHaveLength(8);
    expect(list.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [i, r] of list.entries()) {
      const issue = model.issues[i]!;
      const link = r[2];
      expect(isLink(link) && link).toEqual({ link: { sheet: issue.sheet, cell: issue.cell }, text: issue.cell });
      expect(r[1]).toBe(issue.sheet);
      expect(r[3]).toBe(issue.rowNumber);
      expect(r[7]).toBe(issue.message);
    }
    expect(list[7]?.[1]).toBe("2025");
    expect(list.find((r) => r[6] === ruleTitle("too_few_indicators", "zh"))?.[4]).toBeNull();
  });

  it("gives every column of the issue list a width", () => {
    expect(plan.columnWidths).toHaveLength(9);
    expect(plan.columnWidths![7]).toBeGreaterThanOrEqual(40);
  });

  it("says so, and has no chart, when there is nothing to report", () => {
    const clean = summarySheetPlan(buildSummary({ checks: [sheetCheck("S", [row("S", 2, "p", "1、产出指标：培训人数，年度指标值：≥50人。")], [])], lang: "en" }), "en");
    expect(clean.chart).toBeUndefined();
    expect(clean.rows[0]).toEqual(["Indicator check summary"]);
    expect(clean.rows.filter((r) => r[0] === "No issues found.")).toHaveLength(2);
    expect(clean.rows.some((r) => r.some(isLink))).toBe(false);
  });
});

describe("detailSheetPlan", () => {
  it("is the 指标明细 sheet: the headers, then one row per indicator", () => {
    const [a] = twoSheets();
    const plan = detailSheetPlan([a!], "zh");
    expect(plan.name).toBe("指标明细");
    expect(plan.rows[0]).toEqual([...NORMALIZED_HEADERS.zh]);
    expect(plan.rows).toHaveLength(1 + 7);
    expect(plan.columnWidths).toHaveLength(17);
  });

  it("puts the sheet first when several sheets were checked", () => {
    const plan = detailSheetPlan(twoSheets(), "zh");
    expect(plan.rows[0]?.[0]).toBe("工作表");
    expect(plan.rows.at(-1)?.slice(0, 2)).toEqual(["2025", 3]);
    expect(plan.columnWidths).toHaveLength(18);
  });
});

describe("highlightsFor", () => {
  it("colours each flagged cell once, the worst severity winning, and never an info", () => {
    const highlights = highlightsFor([
      issue("S", "E7", "too_few_indicators", "warning"),
      issue("S", "E7", "value_missing", "error", 2),
      issue("S", "E8", "vague_value", "info", 1),
      issue("S", "C9", "duplicate_project", "warning"),
      issue("T", "E7", "value_label_missing", "warning", 1),
    ]);
    expect(highlights).toEqual([
      { sheet: "S", cell: "E7", rowIndex: 6, columnIndex: 4, severity: "error" },
      { sheet: "S", cell: "C9", rowIndex: 8, columnIndex: 2, severity: "warning" },
      { sheet: "T", cell: "E7", rowIndex: 6, columnIndex: 4, severity: "warning" },
    ]);
  });

  it("reads multi-letter columns", () => {
    expect(highlightsFor([issue("S", "AB12", "value_missing", "error")])[0]).toMatchObject({ rowIndex: 11, columnIndex: 27 });
  });
});

describe("the summary of the seed", () => {
  it("agrees with the engine's own counts", () => {
    const outcome = checkSheet(seedSnapshot());
    if (!outcome.ok) throw new Error("seed table not found");
    const model = buildSummary({ checks: [outcome.check], lang: "zh" });
    expect(model).toMatchObject({ rows: 35, projects: 35, indicators: 152 });
    expect(model.byRule.reduce((n, r) => n + r.count, 0)).toBe(outcome.check.issues.length);
    expect(model.byLevel1.reduce((n, r) => n + r.indicators, 0)).toBe(152);
    const plan = summarySheetPlan(model, "zh");
    expect(plan.rows.filter((r) => r.some(isLink))).toHaveLength(outcome.check.issues.length);
  });
});
