import { checkSheet, type SheetCheck } from "../../src/core/check";
import { planCleaning } from "../../src/core/clean/planCleaning";
import type { CellValue, SheetSnapshot } from "../../src/core/model";
import { buildSummary } from "../../src/core/summary/summaryModel";

function check(snapshot: SheetSnapshot): SheetCheck {
  const outcome = checkSheet(snapshot);
  if (!outcome.ok) throw new Error("no table found");
  return outcome.check;
}

const HEADER: CellValue[] = ["主管部门", "项目名称", "绩效目标", "绩效指标"];
const codesAt = (sheet: SheetCheck, row: number) => sheet.issues.filter((i) => i.rowNumber === row).map((i) => i.code);

describe("a cell-layout project written over several rows", () => {
  // 项目甲's name left blank (or merged: Office.js reads it blank) on rows whose items number on.
  const sheet = check({
    name: "表",
    values: [
      HEADER,
      ["某局", "项目甲", "目标甲", "1、产出指标：培训人次，年度指标值：≥200人次。"],
      [null, null, null, "2、效益指标：干部知晓率，年度指标值：≥90%。"],
      [null, null, null, "3、满意度指标：学员满意度，年度指标值：90%以上。"],
      ["某局", "项目乙", "目标乙", "1、产出指标：设备数量，年度指标值：10台。2、效益指标：运行率，年度指标值：≥95%。3、满意度指标：满意度，年度指标值：≥90%。"],
      [null, null, null, "1、产出指标：维修次数，年度指标值：≥2次。2、效益指标：故障率，年度指标值：≤5%。3、满意度指标：满意度，年度指标值：≥90%。"],
    ],
  });

  it("is one project: counted, categorised and numbered over its rows, named on each", () => {
    expect(sheet.rows.slice(0, 3).map((r) => [r.rowNumber, r.department, r.project, r.projectRows?.first, r.projectRows?.numberedFrom])).toEqual([
      [2, "某局", "项目甲", true, 0],
      [3, "某局", "项目甲", false, 1],
      [4, "某局", "项目甲", false, 2],
    ]);
    expect(sheet.rows[0]?.projectRows?.items.map((i) => i.name)).toEqual(["培训人次", "干部知晓率", "学员满意度"]);
    expect([codesAt(sheet, 2), codesAt(sheet, 3), codesAt(sheet, 4)]).toEqual([["satisfaction_or_cost_missing"], [], ["value_normalized"]]);
    // 项目甲 once, 项目乙; the nameless row counts no project.
    expect(buildSummary({ checks: [sheet], lang: "zh" }).projects).toBe(2);
  });

  it("numbers the later rows' items on, in messages and 指标明细's 序号", () => {
    expect(sheet.normalized.slice(0, 3).map((n) => [n.rowNumber, n.itemNumber])).toEqual([
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
    const normalizedIssue = sheet.issues.find((i) => i.rowNumber === 4 && i.code === "value_normalized");
    expect([normalizedIssue?.item, normalizedIssue?.message]).toEqual([1, "第3项的指标值“90%以上”可规范为“≥90%”"]);
  });

  it("leaves a blank name over items numbered from 1 a project whose name is missing", () => {
    expect(sheet.rows[4]?.projectRows).toBeUndefined();
    expect(codesAt(sheet, 6)).toContain("project_name_missing");
  });

  it("cleans the first row's cell and keeps the later rows' numbering as written, their auto-fixes made", () => {
    const edits = planCleaning([sheet]).edits;
    expect(edits.map((e) => e.cell)).not.toContain("D3");
    expect(edits.filter((e) => e.cell === "D4").map((e) => [e.after, e.codes])).toEqual([["3、满意度指标：学员满意度，年度指标值：≥90%。", ["value_normalized"]]]);
  });

  it("takes a project merged down over rows (the reader's copies) as one, whatever their numbering", () => {
    const merged = check({
      name: "表",
      values: [
        HEADER,
        ["某局", "项目丙", "目标", "1、产出指标：培训人次，年度指标值：≥200人次。"],
        ["某局", "项目丙", "目标", "1、效益指标：知晓率，年度指标值：≥90%。2、满意度指标：满意度，年度指标值：≥90%。"],
      ],
      mergeCopies: new Map([[2, [0, 1, 2]]]),
    });
    expect(merged.rows.map((r) => [r.projectRows?.first, r.projectRows?.numberedFrom])).toEqual([
      [true, 0],
      [false, 0],
    ]);
    expect(merged.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["D2 satisfaction_or_cost_missing"]);
  });

  it("starts another project where another unit is written, even under a name merged over both", () => {
    const twoUnits = check({
      name: "表",
      values: [
        ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
        ["区司法局", "区司法局", "人民调解经费", "目标", "1、产出指标：调解案件数，年度指标值：≥100件。"],
        ["区司法局", "区法律援助中心", "人民调解经费", "目标", "2、效益指标：调解成功率，年度指标值：≥90%。"],
        ["区司法局", "区法律援助中心", "", "目标", "3、满意度指标：满意度，年度指标值：≥90%。"],
      ],
      mergeCopies: new Map([[2, [0, 2]]]),
    });
    expect(twoUnits.rows.map((r) => [r.unit, r.projectRows?.first, r.projectRows?.numberedFrom])).toEqual([
      ["区司法局", undefined, undefined],
      ["区法律援助中心", true, 0],
      ["区法律援助中心", false, 2],
    ]);
  });
});

describe("a cell-layout project written one row per 一级 (a 一级指标 column beside the indicator column)", () => {
  // `项目名称 | 一级指标 | 绩效指标`: each row's items write no 一级, the column gives it; the
  // items number from 1 on each row; the project's name is written once.
  const sheet = check({
    name: "表",
    values: [
      ["项目名称", "一级指标", "绩效指标"],
      ["培训经费", "产出指标", "1.培训教师人次≥3000人次；2.培训合格率≥95%；"],
      [null, "效益指标", "1.教师教学能力：有效提升"],
      [null, "满意度指标", "1.参训教师满意度≥90%"],
      ["安保经费", "产出指标", "1.安保人员数量≥24人"],
      [null, null, "2.巡逻次数≥300次"],
    ],
  });

  it("gives each row's items the row's 一级, a blank one going on with the one above", () => {
    expect(sheet.table.layout).toBe("cell");
    expect(sheet.normalized.map((n) => [n.rowNumber, n.project, n.level1, n.level2, n.name])).toEqual([
      [2, "培训经费", "产出指标", "数量指标", "培训教师人次"],
      [2, "培训经费", "产出指标", "质量指标", "培训合格率"],
      [3, "培训经费", "效益指标", "", "教师教学能力"],
      [4, "培训经费", "满意度指标", "服务对象满意度指标", "参训教师满意度"],
      [5, "安保经费", "产出指标", "数量指标", "安保人员数量"],
      [6, "安保经费", "产出指标", "数量指标", "巡逻次数"],
    ]);
  });

  it("reads the rows of one project as one: no category, name, count or numbering findings", () => {
    const codes = sheet.issues.map((i) => `${i.cell} ${i.code}`).filter((c) => !c.endsWith("value_label_missing"));
    expect(codes).toEqual(["C2 satisfaction_or_cost_missing", "C5 output_or_effect_missing", "C5 too_few_indicators", "C5 satisfaction_or_cost_missing"]);
  });
});
