import { checkWorkbook, type CheckFailure } from "../../src/core/checkWorkbook";
import { tableFailureMessage } from "../../src/core/messages/tableFailures";

const FAILURES: CheckFailure[] = [
  { kind: "empty" },
  { kind: "noHeader" },
  { kind: "noHeader", headerRowNumber: 3, words: ["一级指标", "二级指标"] },
  { kind: "noIndicatorColumn", headerRowNumber: 3 },
  { kind: "noIndicatorColumn", headerRowNumber: 3, words: ["一级指标", "二级指标"] },
  { kind: "noProjectColumn", headerRowNumber: 3 },
  { kind: "sheetNotFound" },
  { kind: "noSheets" },
  { kind: "instructionsSheet" },
];

test.each(FAILURES)("%o is worded in both languages, one line, with its parameters", (failure) => {
  for (const lang of ["zh", "en"] as const) {
    const text = tableFailureMessage(failure, lang, "预算表");
    expect(text).not.toMatch(/undefined|\n/);
    if (failure.kind === "noIndicatorColumn" || failure.kind === "noProjectColumn") expect(text).toContain("3");
    if ("words" in failure && failure.words !== undefined) expect(text).toContain("二级指标");
    if (failure.kind === "sheetNotFound") expect(text).toContain("预算表");
  }
});

test("the words of a real failure: a prose-only sheet has no header", () => {
  const [f] = checkWorkbook([{ name: "封面", values: [["请按模板填写。"]] }]).failures;
  expect(tableFailureMessage(f!.failure, "zh")).toContain("未找到表头");
});

test("the words of a department-level table: what is missing, not that there is no header", () => {
  const values = [["部门整体支出绩效目标表"], ["职能职责", "年度主要任务", "绩效指标"], ["负责医疗保障", "推进支付方式改革", "DRG付费医疗机构覆盖率≥90%"]];
  const [f] = checkWorkbook([{ name: "部门整体", values }]).failures;
  expect(f?.failure).toEqual({ kind: "noProjectColumn", headerRowNumber: 2 });
  expect(tableFailureMessage(f!.failure, "zh")).toContain("没有“项目名称”列");
  expect(tableFailureMessage(f!.failure, "zh")).toContain("部门整体支出绩效目标表");
});

describe("a sheet that looked like an indicator table and could not be read as one", () => {
  const table = { name: "项目表", values: [["项目名称", "绩效指标"], ["培训经费", "1、产出指标：培训人次，年度指标值：≥200人次。"]] };
  // 一级 and 二级 columns, but no name or value column to read indicators from.
  const levels = { name: "指标表", values: [["项目名称", "一级指标", "二级指标"], ["培训经费", "产出指标", "数量指标"]] };
  const cover = { name: "封面", values: [["请按模板填写。"]] };

  it("is told beside a sheet that was checked, with the indicator columns its header names; a cover is not", () => {
    const { checks, failures } = checkWorkbook([table, levels, cover]);
    expect(checks.map((c) => c.sheet)).toEqual(["项目表"]);
    expect(failures).toEqual([{ sheet: "指标表", failure: { kind: "noIndicatorColumn", headerRowNumber: 1, words: ["一级指标", "二级指标"] } }]);
    expect(tableFailureMessage(failures[0]!.failure, "zh")).toBe("第 1 行像是表头，找到一级指标、二级指标列，但没有可读出指标的列（“绩效指标”列，或“三级指标”与“指标值”列）。");
  });

  it("names the indicator columns of a row that is no header at all", () => {
    const [f] = checkWorkbook([{ name: "S", values: [["一级指标", "二级指标", "说明"], ["产出指标", "数量指标", "x"]] }]).failures;
    expect(f!.failure).toEqual({ kind: "noIndicatorColumn", headerRowNumber: 1, words: ["一级指标", "二级指标"] });
    // Too few of its cells are header words to be a header.
    const [g] = checkWorkbook([{ name: "S", values: [["说明"], ["一级指标", "二级指标", "甲", "乙", "丙"], ["产出指标", "数量指标", "x", "y", "z"]] }]).failures;
    expect(g!.failure).toEqual({ kind: "noHeader", headerRowNumber: 2, words: ["一级指标", "二级指标"] });
    expect(tableFailureMessage(g!.failure, "en")).toBe("Row 2 names the columns “一级指标”, “二级指标” but is no recognisable header (it should also name columns such as 项目名称).");
  });
});
