import { checkWorkbook, type CheckFailure } from "../../src/core/checkWorkbook";
import { tableFailureMessage } from "../../src/core/messages/tableFailures";

const FAILURES: CheckFailure[] = [
  { kind: "empty" },
  { kind: "noHeader" },
  { kind: "noIndicatorColumn", headerRowNumber: 3 },
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
