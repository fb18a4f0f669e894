import { checkWorkbook, type CheckFailure } from "../../src/core/checkWorkbook";
import { tableFailureMessage } from "../../src/core/messages/tableFailures";

const FAILURES: CheckFailure[] = [
  { kind: "empty" },
  { kind: "noHeader" },
  { kind: "noIndicatorColumn", headerRowNumber: 3 },
  { kind: "sheetNotFound" },
  { kind: "noSheets" },
  { kind: "instructionsSheet" },
];

test.each(FAILURES)("%o is worded in both languages, one line, with its parameters", (failure) => {
  for (const lang of ["zh", "en"] as const) {
    const text = tableFailureMessage(failure, lang, "预算表");
    expect(text).not.toMatch(/undefined|\n/);
    if (failure.kind === "noIndicatorColumn") expect(text).toContain("3");
    if (failure.kind === "sheetNotFound") expect(text).toContain("预算表");
  }
});

test("the words of a real failure: a prose-only sheet has no header", () => {
  const [f] = checkWorkbook([{ name: "封面", values: [["请按模板填写。"]] }]).failures;
  expect(tableFailureMessage(f!.failure, "zh")).toContain("未找到表头");
});

