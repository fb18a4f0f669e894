import { checkWorkbook, isInstructionsSheet, isOwnSheet } from "../../src/core/checkWorkbook";
import { toJsonReport } from "../../src/core/jsonReport";
import { parseRuleSettings } from "../../src/core/ruleSettings";
import type { SheetSnapshot } from "../../src/core/model";
import { SUMMARY_MESSAGES } from "../../src/core/summary/messages";

const table: SheetSnapshot = {
  name: "绩效目标表",
  values: [
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ["区财政局", "区财政局", "项目甲", "目标", "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：群众知晓率，年度指标值：≥90%。3、满意度指标：群众满意度，合格。"],
  ],
};
const notes: SheetSnapshot = { name: "填报说明", values: [["请按模板填写。"], ["谢谢"]] };
const cover: SheetSnapshot = { name: "封面", values: [["请按模板填写。"], ["谢谢"]] };
/** An instructions sheet with a filled-in sample laid out as a table: its placeholders are no project's. */
const sample: SheetSnapshot = {
  name: "填报说明",
  values: [
    ["填报说明"],
    ["二、填写示例"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "XX培训人数", "≥", "**", "人次"],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "**", "%"],
  ],
};
const ours: SheetSnapshot = { name: "校验汇总", values: [["绩效指标校验汇总"], ["文件", "a.xlsx"]] };
const ourDetail: SheetSnapshot = {
  name: "指标明细 (2)",
  values: [
    [...SUMMARY_MESSAGES.en.normalizedHeaders],
    [2, "区财政局", "区财政局", "项目甲", 1, "产出指标", "", "", "培训人数", "≥", 100, null, "人", "", "正向", "1、产出指标：培训人数，年度指标值：≥100人。", ""],
  ],
};
/** A user's own item-per-row table that happens to be called 指标明细. */
const theirDetail: SheetSnapshot = {
  name: "指标明细",
  values: [
    ["项目名称", "一级指标", "三级指标", "指标值"],
    ["项目乙", "产出指标", "培训人数", "≥100人"],
  ],
};

describe("checkWorkbook", () => {
  it("checks the sheets with a table, passes over sheets without one and never checks its own sheets", () => {
    const result = checkWorkbook([cover, table, ours], {}, { file: "a.xlsx" });
    expect(result.checks.map((c) => c.sheet)).toEqual(["绩效目标表"]);
    expect(result.failures).toEqual([]);
    expect(result.report.file).toBe("a.xlsx");
    expect(isOwnSheet("校验汇总 (2)")).toBe(true);
    expect(isOwnSheet("汇总")).toBe(false);
  });

  it("passes over an instructions sheet and its sample table unless it is named, and says so", () => {
    const result = checkWorkbook([sample, table]);
    expect(result.checks.map((c) => c.sheet)).toEqual(["绩效目标表"]);
    expect(result.report.issues.filter((i) => i.sheet === "填报说明")).toEqual([]);
    expect(result.failures).toEqual([{ sheet: "填报说明", failure: { kind: "instructionsSheet" } }]);
    // Named, it is checked as any sheet: the user means it.
    const named = checkWorkbook([sample, table], {}, { sheet: "填报说明" });
    expect(named.checks.map((c) => c.sheet)).toEqual(["填报说明"]);
    expect(named.report.issues.some((i) => i.code === "placeholder_left")).toBe(true);
    for (const name of ["填表说明", "说明", "模板说明", "填写示例", "示例", "样表", "填报说明 (2)"]) expect(isInstructionsSheet(name)).toBe(true);
    for (const name of ["Sheet1", "绩效目标表", "本级项目", "医保局"]) expect(isInstructionsSheet(name)).toBe(false);
  });

  it("checks a sheet named like instructions after all when no other sheet has a table", () => {
    // A workbook whose one table sits on a sheet named 样表 (or 说明) is that table's.
    const only: SheetSnapshot = { name: "2025年项目支出绩效目标表（样表）", values: table.values };
    const result = checkWorkbook([cover, only]);
    expect(result.checks.map((c) => c.sheet)).toEqual([only.name]);
    expect(result.failures).toEqual([]);
    // With a real table elsewhere the sample stays passed over.
    expect(checkWorkbook([sample, table]).checks.map((c) => c.sheet)).toEqual(["绩效目标表"]);
  });

  it("checks a user's own table named like a sheet of ours, and still passes over ours", () => {
    const result = checkWorkbook([table, ourDetail, theirDetail]);
    expect(result.checks.map((c) => c.sheet)).toEqual(["绩效目标表", "指标明细"]);
    expect(isOwnSheet(ourDetail.name, ourDetail.values)).toBe(true);
    expect(isOwnSheet(theirDetail.name, theirDetail.values)).toBe(false);
    expect(isOwnSheet("校验汇总", [["主管部门", "绩效指标"]])).toBe(false);
    expect(isOwnSheet("_指标校验_原格式", [["任何内容"]])).toBe(true);
  });

  it("reports why when no sheet has a table, when the named sheet is missing, and when there is no sheet", () => {
    expect(checkWorkbook([cover]).failures).toEqual([{ sheet: "封面", failure: { kind: "noHeader" } }]);
    // The table's own failure first, then the sheets passed over as instructions.
    expect(checkWorkbook([notes, cover]).failures).toEqual([
      { sheet: "封面", failure: { kind: "noHeader" } },
      { sheet: "填报说明", failure: { kind: "instructionsSheet" } },
    ]);
    expect(checkWorkbook([table], {}, { sheet: "Sheet9" }).failures).toEqual([{ sheet: "Sheet9", failure: { kind: "sheetNotFound" } }]);
    expect(checkWorkbook([]).failures).toEqual([{ sheet: "", failure: { kind: "noSheets" } }]);
  });

  it("maps issues to the public JSON names (row, item, fix)", () => {
    const json = toJsonReport(checkWorkbook([table]).report);
    const label = json.issues.find((i) => i.code === "value_label_missing");
    expect(label).toMatchObject({ cell: "E2", row: 2, item: 3, severity: "warning", autoFix: true });
    expect(typeof label?.fix).toBe("string");
    expect(json.sheets[0]).toMatchObject({ headerRow: 1, dataRows: 1, indicators: 3 });
  });

  it("names each normalized row's sheet: two sheets both have a row 2", () => {
    const second: SheetSnapshot = { name: "二级单位", values: table.values };
    const json = toJsonReport(checkWorkbook([table, second]).report);
    expect(json.normalized.map((n) => [n.sheet, n.rowNumber, n.itemNumber])).toEqual([
      ["绩效目标表", 2, 1],
      ["绩效目标表", 2, 2],
      ["绩效目标表", 2, 3],
      ["二级单位", 2, 1],
      ["二级单位", 2, 2],
      ["二级单位", 2, 3],
    ]);
    expect(Object.keys(json.normalized[0] ?? {})[0]).toBe("sheet");
  });
});

describe("parseRuleSettings", () => {
  it("reads a profile, rule overrides, a header row and column letters", () => {
    const parsed = parseRuleSettings({ profile: "2021", rules: { unit_missing: "off", vague_value: "warning" }, headerRow: 5, columns: { indicators: "E", project: "c" } });
    expect(parsed).toEqual({
      ok: true,
      options: { profile: "2021", rules: { unit_missing: "off", vague_value: "warning" }, table: { headerRowNumber: 5, columns: { indicators: 4, project: 2 } } },
    });
  });

  it("turns bad settings into values, not exceptions", () => {
    expect(parseRuleSettings([])).toEqual({ ok: false, error: { kind: "notObject" } });
    expect(parseRuleSettings({ rules: { nope: "off" } })).toEqual({ ok: false, error: { kind: "unknownCode", code: "nope" } });
    expect(parseRuleSettings({ rules: { unit_missing: "loud" } })).toEqual({ ok: false, error: { kind: "badSetting", code: "unit_missing", value: "loud" } });
    expect(parseRuleSettings({ profile: 2019 })).toEqual({ ok: false, error: { kind: "badProfile", value: "2019" } });
  });

  it("makes the missing 成本/满意度 rule a warning under the 2021 profile", () => {
    const noCost: SheetSnapshot = { ...table };
    const base = checkWorkbook([noCost]).report.issues.find((i) => i.code === "satisfaction_or_cost_missing");
    const strict = checkWorkbook([noCost], { profile: "2021" }).report.issues.find((i) => i.code === "satisfaction_or_cost_missing");
    expect(base?.severity).toBe("info");
    expect(strict?.severity).toBe("warning");
  });
});
