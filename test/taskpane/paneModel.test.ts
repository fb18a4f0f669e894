import { HostError } from "../../src/app/host";
import { indexToLetters, lettersToIndex, parseA1 } from "../../src/taskpane/model/columnLetters";
import { filterIssues, groupIssueRows, ruleCounts } from "../../src/taskpane/model/issueRows";
import { messageForError } from "../../src/taskpane/model/paneMessage";
import { fromDraft, toDraft, validateDraft } from "../../src/taskpane/model/settingsForm";
import { diffMiddle } from "../../src/taskpane/model/textDiff";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { en } from "../../src/taskpane/i18n/en";
import { categoryUnknown, labelMissing, normalized, percentOnCount, SEED_ISSUES } from "./fixtures";

describe("column letters", () => {
  test.each([
    ["A", 0],
    ["E", 4],
    ["Z", 25],
    ["AA", 26],
    ["AB", 27],
    ["XFD", 16383],
  ])("%s is column %i", (letters, index) => {
    expect(lettersToIndex(letters)).toBe(index);
    expect(indexToLetters(index)).toBe(letters);
  });

  test("A1 addresses, absolute or not", () => {
    expect(parseA1("E6")).toEqual({ rowIndex: 5, columnIndex: 4 });
    expect(parseA1("$AB$12")).toEqual({ rowIndex: 11, columnIndex: 27 });
    expect(parseA1("E0")).toBeUndefined();
    expect(parseA1("E6:E9")).toBeUndefined();
  });
});

describe("the issue list rows", () => {
  test("one heading per sheet row, its issues below", () => {
    const rows = groupIssueRows(SEED_ISSUES);
    expect(rows.map((r) => (r.kind === "group" ? `row ${r.rowNumber} (${r.count})` : r.issue.cell))).toEqual([
      "row 6 (2)",
      "E6",
      "E6",
      "row 7 (1)",
      "E7",
      "row 8 (1)",
      "E8",
    ]);
  });

  test("filters by severity and rule; no rule chosen means all rules", () => {
    expect(filterIssues(SEED_ISSUES, { severities: new Set(["warning"]), rules: new Set() })).toEqual([labelMissing, percentOnCount]);
    expect(filterIssues(SEED_ISSUES, { severities: new Set(["error", "warning", "info"]), rules: new Set(["category_unknown"]) })).toEqual([categoryUnknown]);
  });

  test("rule options, most frequent first", () => {
    const twice = [...SEED_ISSUES, { ...normalized, cell: "E9", rowNumber: 9 }];
    expect(ruleCounts(twice)[0]).toEqual({ code: "value_normalized", count: 2 });
  });
});

describe("the settings form", () => {
  test("round-trips saved settings", () => {
    const settings = {
      options: { profile: "2021" as const, lang: "en" as const, rules: { unit_missing: "off" as const }, table: { headerRowNumber: 5, columns: { indicators: 4, project: 2 } } },
      highlight: false,
    };
    expect(fromDraft(toDraft(settings))).toEqual(settings);
  });

  test("empty fields mean detect; bad letters and rows are flagged", () => {
    const draft = { ...toDraft({ options: {}, highlight: true }), headerRow: "0", columns: { indicators: "E1", project: "" } };
    expect(validateDraft(draft)).toEqual({ headerRow: true, columns: { indicators: true } });
    expect(fromDraft({ ...draft, headerRow: "", columns: { project: "" } })).toEqual({ options: {}, highlight: true });
  });
});

describe("the fix preview diff", () => {
  test("marks only the changed middle", () => {
    expect(diffMiddle("年度指标值：80%以上。", "年度指标值：≥80%。")).toEqual({ prefix: "年度指标值：", removed: "80%以上", added: "≥80%", suffix: "。" });
    expect(diffMiddle("工作指标，合格。", "工作指标，年度指标值：合格。")).toEqual({ prefix: "工作指标，", removed: "", added: "年度指标值：", suffix: "合格。" });
  });
});

describe("failures as the user sees them", () => {
  test("a HostError keeps its text; the intent follows its kind", () => {
    expect(messageForError(new HostError("readOnly", "工作簿为只读。"), zhCN)).toEqual({ intent: "warning", title: "工作簿为只读", text: "工作簿为只读。", kind: "readOnly" });
    expect(messageForError(new HostError("cancelled", "x"), zhCN).intent).toBe("info");
  });

  test("our own bug is one line, never a stack", () => {
    const e = new TypeError("cannot read 'x' of undefined\n    at foo (bar.ts:1:1)");
    expect(messageForError(e, zhCN).text).toBe("出现意外错误：cannot read 'x' of undefined");
  });

  test("both catalogs word every failure kind", () => {
    for (const catalog of [zhCN, en]) expect(Object.values(catalog.errorTitle).every((s) => s.length > 0)).toBe(true);
  });
});
