import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkSheet, type SheetCheck } from "../../src/core/check";
import { planCleaning } from "../../src/core/clean/planCleaning";
import type { CellValue, SheetSnapshot } from "../../src/core/model";
import { detectTable } from "../../src/core/table/detectTable";
import { buildSummary } from "../../src/core/summary/summaryModel";
import { run, type CliIO } from "../../src/cli/main";

/**
 * Category columns: the indicators of a project stand in several columns, each headed by a
 * 一级 (`产出指标 | 效益指标 | 满意度指标`) or a 二级 (`数量指标 | 质量指标 | 时效指标 | …`), often
 * under a merged group `绩效指标`. Every column is read, and its items take the header's category.
 */

function check(snapshot: SheetSnapshot): SheetCheck {
  const outcome = checkSheet(snapshot);
  if (!outcome.ok) throw new Error(`no table found: ${outcome.failure.kind}`);
  return outcome.check;
}

const at = (sheet: SheetCheck, row: number) => sheet.issues.filter((i) => i.rowNumber === row).map((i) => `${i.cell} ${i.code}${i.item !== undefined ? ` ${i.item}` : ""}`);

describe("a header of 一级 columns", () => {
  const values: CellValue[][] = [
    ["序号", "单位名称", "项目名称", "产出指标", "效益指标", "满意度指标"],
    [1, "区卫健局", "基本公卫", "1、服务人数，年度指标值：≥5000人。2、建档率，年度指标值：≥90%。", "1、居民健康水平，年度指标值：有效提升。", "1、群众满意度，年度指标值：≥90%。"],
    [2, "区卫健局", "家庭医生签约", "签约人数，年度指标值：≥2000人", "就医便利度，年度指标值：明显改善", ""],
    [3, "区卫健局", "健康教育", "", "", ""],
    [4, "区卫健局", "", "培训人数，年度指标值：≥10人", "知晓率，年度指标值：≥90%", "满意度，年度指标值：≥90%"],
  ];
  const sheet = check({ name: "表", values });

  it("finds every indicator column and its category", () => {
    expect(sheet.table.layout).toBe("cell");
    expect(sheet.table.columns.indicators).toBe(3);
    expect(sheet.table.indicatorColumns).toEqual([
      { columnIndex: 3, header: "产出指标", level1: "产出指标" },
      { columnIndex: 4, header: "效益指标", level1: "效益指标" },
      { columnIndex: 5, header: "满意度指标", level1: "满意度指标" },
    ]);
    expect(sheet.report.indicatorColumns).toEqual([
      { column: "D", header: "产出指标" },
      { column: "E", header: "效益指标" },
      { column: "F", header: "满意度指标" },
    ]);
    expect(sheet.report.dataRows).toBe(4);
    expect(sheet.report.indicators).toBe(9);
  });

  it("reads a row's columns as one project: no category, count or numbering finding the columns answer", () => {
    // Row 2: four items over three columns, each column numbered from 1: nothing to report but
    // the missing 成本指标 (info).
    expect(at(sheet, 2)).toEqual(["D2 satisfaction_or_cost_missing"]);
    // Row 3: two items, no 满意度 column filled.
    expect(at(sheet, 3)).toEqual(["D3 too_few_indicators", "D3 satisfaction_or_cost_missing"]);
  });

  it("reports a row with every column blank once, at the first column, and a missing name once", () => {
    expect(at(sheet, 4)).toEqual(["D4 indicator_cell_empty"]);
    expect(at(sheet, 5)).toEqual(["C5 project_name_missing", "D5 satisfaction_or_cost_missing"]);
  });

  it("gives each item of a row its own number, so an issue names one item of the row", () => {
    const vague = sheet.issues.filter((i) => i.code === "vague_value");
    expect(vague).toEqual([]);
    const rowItems = sheet.normalized.filter((n) => n.rowNumber === 2).map((n) => [n.itemNumber, n.level1, n.level2, n.level2Source, n.name]);
    expect(rowItems).toEqual([
      [1, "产出指标", "数量指标", "推断", "服务人数"],
      [2, "产出指标", "", "", "建档率"],
      [3, "效益指标", "", "", "居民健康水平"],
      [4, "满意度指标", "服务对象满意度指标", "推断", "群众满意度"],
    ]);
  });

  it("counts the items by the column's 一级 in the summary", () => {
    const summary = buildSummary({ checks: [sheet], lang: "zh" });
    expect(summary.byLevel1.map((l) => [l.level1, l.indicators])).toEqual([
      ["产出指标", 4],
      ["效益指标", 3],
      ["满意度指标", 2],
    ]);
    expect(summary.projects).toBe(3);
  });
});

describe("an item's findings in a category column", () => {
  const sheet = check({
    name: "表",
    values: [
      ["项目名称", "产出指标", "效益指标", "满意度指标"],
      ["项目甲", "1、培训人次：≥200人次", "1、干部知晓率，年度指标值：≥90%。2、效益指标：服务质量，年度指标值：显著", "1、学员满意度，年度指标值：90%以上。"],
      ["项目甲", "1、培训人次：≥200人次", "1、干部知晓率，年度指标值：≥90%。2、效益指标：服务质量，年度指标值：显著", "1、学员满意度，年度指标值：90%以上。"],
    ],
  });

  it("points at the item's own cell and counts it over the row, message and item alike", () => {
    const label = sheet.issues.find((i) => i.rowNumber === 2 && i.code === "value_label_missing");
    expect([label?.cell, label?.item, label?.message]).toEqual(["B2", 1, "第1项缺少“年度指标值：”标签"]);
    const normalized = sheet.issues.find((i) => i.rowNumber === 2 && i.code === "value_normalized");
    expect([normalized?.cell, normalized?.item, normalized?.message]).toEqual(["D2", 4, "第4项的指标值“90%以上”可规范为“≥90%”"]);
    // The 效益 cell's second item writes its own 一级 (the same): no category finding anywhere.
    expect(sheet.issues.filter((i) => i.code === "category_unknown")).toEqual([]);
  });

  it("puts each item's problems beside that item in 指标明细", () => {
    const problems = sheet.normalized.filter((n) => n.rowNumber === 2).map((n) => [n.itemNumber, n.problems]);
    expect(problems).toEqual([
      [1, "第1项缺少“年度指标值：”标签"],
      [2, ""],
      [3, "第3项“服务质量”的指标值“显著”表述模糊，难以考核"],
      [4, "第4项的指标值“90%以上”可规范为“≥90%”"],
    ]);
  });

  it("reports a repeated row once, not once per column", () => {
    expect(sheet.issues.filter((i) => i.code === "duplicate_project").map((i) => [i.cell, i.rowNumber])).toEqual([["A3", 3]]);
  });

  it("cleans each column's cell in its own column, without writing the header's 一级 into the items", () => {
    const edits = planCleaning([sheet]).edits.filter((e) => e.rowIndex === 1);
    expect(edits.map((e) => [e.cell, e.columnIndex, e.after, e.codes])).toEqual([
      ["B2", 1, "1、培训人次，年度指标值：≥200人次。", ["value_label_missing"]],
      ["C2", 2, "1、干部知晓率，年度指标值：≥90%。2、效益指标：服务质量，年度指标值：显著。", []],
      ["D2", 3, "1、学员满意度，年度指标值：≥90%。", ["value_normalized"]],
    ]);
  });
});

describe("numbering over category columns", () => {
  const sheet = check({
    name: "表",
    values: [
      ["项目名称", "产出指标", "效益指标", "满意度指标"],
      ["项目甲", "1、培训人次，年度指标值：≥200人次。2、培训期数，年度指标值：≥4期。", "3、干部知晓率，年度指标值：≥90%。", "4、学员满意度，年度指标值：≥90%。"],
      ["项目乙", "1、培训人次，年度指标值：≥200人次。", "3、干部知晓率，年度指标值：≥90%。", "1、学员满意度，年度指标值：≥90%。"],
    ],
  });

  it("accepts each column from 1, or numbering on from the column left of it", () => {
    expect(sheet.issues.filter((i) => i.rowNumber === 2 && i.code === "numbering_irregular")).toEqual([]);
  });

  it("still reports a number that neither restarts nor carries on", () => {
    expect(sheet.issues.filter((i) => i.code === "numbering_irregular").map((i) => [i.cell, i.item, i.message])).toEqual([
      ["C3", 2, "序号未从1开始：第2项的序号为“3”"],
    ]);
  });

  it("keeps a cell numbering on as written: the canonical form would number it from 1", () => {
    const cells = planCleaning([sheet]).edits.map((e) => e.cell);
    expect(cells).not.toContain("C2");
    expect(cells).not.toContain("D2");
  });
});

describe("finding the header of category columns", () => {
  it("takes 二级 headers, 成本指标 among them the pre-2021 二级 of 产出指标", () => {
    const outcome = detectTable({
      name: "表",
      values: [
        ["项目名称", "数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标"],
        ["项目甲", "培训人次：≥200人次", "合格率：≥95%", "完成时间：2025年12月底前", "培训成本：≤10万元", "干部素质：有效提升", "满意度：≥90%"],
      ],
    });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect(outcome.table.indicatorColumns?.map((c) => [c.header, c.level1, c.level2])).toEqual([
      ["数量指标", "产出指标", "数量指标"],
      ["质量指标", "产出指标", "质量指标"],
      ["时效指标", "产出指标", "时效指标"],
      ["成本指标", "产出指标", "成本指标"],
      ["社会效益指标", "效益指标", "社会效益指标"],
      ["服务对象满意度指标", "满意度指标", "服务对象满意度指标"],
    ]);
  });

  it("takes 成本指标 beside 一级 headers as the 2021 一级", () => {
    const outcome = detectTable({ name: "表", values: [["项目名称", "产出指标", "效益指标", "成本指标"], ["项目甲", "a：1个", "b：好", "c：≤1万元"]] });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect(outcome.table.indicatorColumns?.map((c) => [c.level1, c.level2])).toEqual([
      ["产出指标", undefined],
      ["效益指标", undefined],
      ["成本指标", undefined],
    ]);
  });

  it("reads a one-indicator-per-row table's 一级 and 二级 cells as data, not as category columns", () => {
    const outcome = detectTable({
      name: "表",
      values: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["项目甲", "产出指标", "数量指标", "培训人次", "≥200人次"],
        ["项目甲", "效益指标", "社会效益指标", "知晓率", "≥90%"],
      ],
    });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.layout, outcome.table.indicatorColumns, outcome.table.dataRowIndexes]).toEqual(["itemPerRow", undefined, [1, 2]]);
  });

  it("takes the categories under a merged group `绩效指标`, the other header cells merged down", () => {
    // As the readers give merged cells: the lower row's merged cells are copies of the upper's.
    const sheet = check({
      name: "表",
      values: [
        ["主管部门", "项目名称", "绩效指标", "绩效指标", "绩效指标"],
        ["主管部门", "项目名称", "产出指标", "效益指标", "满意度指标"],
        ["区交通局", "农村公路养护", "养护里程，年度指标值：≥100公里", "出行便利度，年度指标值：明显改善", "群众满意度，年度指标值：≥90%"],
      ],
      mergeCopies: new Map([
        [0, [3, 4]],
        [1, [0, 1]],
      ]),
    });
    expect([sheet.table.headerRowIndex, sheet.table.dataRowIndexes, sheet.table.indicatorColumns?.map((c) => c.header)]).toEqual([1, [2], ["产出指标", "效益指标", "满意度指标"]]);
    expect(sheet.issues.map((i) => i.code)).toEqual(["satisfaction_or_cost_missing"]);
  });

  it("keeps one indicator column when the user names it by hand", () => {
    const outcome = detectTable({ name: "表", values: [["项目名称", "产出指标", "效益指标"], ["项目甲", "a：1个", "b：好"]] }, { columns: { indicators: 2 } });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.columns.indicators, outcome.table.indicatorColumns]).toEqual([2, undefined]);
  });
});

describe("a header of 一级 merged over 二级", () => {
  // As the readers give merged cells: a horizontal merge keeps its text in its first column only,
  // a vertical one copies it down (mergeCopies).
  const level1Row: CellValue[] = ["序号", "项目名称", "产出指标", null, null, "效益指标", "满意度指标", "成本指标"];
  const level2Row: CellValue[] = ["序号", "项目名称", "数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标", "经济成本指标"];
  const data: CellValue[][] = [
    [1, "老旧小区改造", "改造小区数量，年度指标值：≥12个", "验收合格率，年度指标值：100%", "完工时间，年度指标值：2025年11月底前", "居住条件，年度指标值：明显改善", "居民满意度，年度指标值：≥90%", "户均改造成本，年度指标值：≤3.5万元"],
    [2, "农村危房改造", "改造户数，年度指标值：≥260户", "达标率，年度指标值：≥95%", "完成时间，年度指标值：2025年10月31日前", "住房安全，年度指标值：是", "农户满意度，年度指标值：≥85%", "户均补助，年度指标值：≤2万元/户"],
  ];
  const levels = (sheet: SheetCheck) => sheet.table.indicatorColumns?.map((c) => [c.columnIndex, c.level1, c.level2]);
  const expected = [
    [2, "产出指标", "数量指标"],
    [3, "产出指标", "质量指标"],
    [4, "产出指标", "时效指标"],
    [5, "效益指标", "社会效益指标"],
    [6, "满意度指标", "服务对象满意度指标"],
    [7, "成本指标", "经济成本指标"],
  ];

  it("reads both header rows and every column under a merged 一级, the 二级 row being no data row", () => {
    const sheet = check({ name: "表", values: [level1Row, level2Row, ...data], mergeCopies: new Map([[1, [0, 1]]]) });
    expect([sheet.table.headerRowIndex, sheet.table.dataRowIndexes, levels(sheet)]).toEqual([1, [2, 3], expected]);
    expect(sheet.issues).toEqual([]);
    expect(sheet.normalized.filter((n) => n.rowNumber === 3).map((n) => [n.itemNumber, n.level1, n.level2, n.level2Source, n.name])).toEqual([
      [1, "产出指标", "数量指标", "填写", "改造小区数量"],
      [2, "产出指标", "质量指标", "填写", "验收合格率"],
      [3, "产出指标", "时效指标", "填写", "完工时间"],
      [4, "效益指标", "社会效益指标", "填写", "居住条件"],
      [5, "满意度指标", "服务对象满意度指标", "填写", "居民满意度"],
      [6, "成本指标", "经济成本指标", "填写", "户均改造成本"],
    ]);
  });

  it("reads three header rows: a group `绩效指标` over the 一级 over the 二级", () => {
    const group: CellValue[] = ["序号", "项目名称", "绩效指标", null, null, null, null, null];
    const sheet = check({ name: "表", values: [group, level1Row, level2Row, ...data], mergeCopies: new Map([[1, [0, 1]], [2, [0, 1]]]) });
    expect([sheet.table.headerRowIndex, sheet.table.dataRowIndexes, levels(sheet)]).toEqual([2, [3, 4], expected]);
    expect(sheet.issues).toEqual([]);
  });

  it("takes `成本指标` under 产出指标 as its pre-2021 二级, merged down from a 一级 `成本指标` as that 一级, a 一级 over a blank as its own column", () => {
    const outcome = detectTable({
      name: "表",
      values: [
        ["项目名称", "产出指标", null, "效益指标", "满意度指标", "成本指标"],
        ["项目名称", "数量指标", "成本指标", "社会效益指标", null, "成本指标"],
        ["项目甲", "a：1个", "b：≤1万元", "c：好", "d：≥90%", "e：≤2万元"],
      ],
      mergeCopies: new Map([[1, [0, 5]]]),
    });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.headerRowIndex, outcome.table.dataRowIndexes]).toEqual([1, [2]]);
    expect(outcome.table.indicatorColumns?.map((c) => [c.columnIndex, c.header, c.level1, c.level2])).toEqual([
      [1, "数量指标", "产出指标", "数量指标"],
      [2, "成本指标", "产出指标", "成本指标"],
      [3, "社会效益指标", "效益指标", "社会效益指标"],
      [4, "满意度指标", "满意度指标", undefined],
      [5, "成本指标", "成本指标", undefined],
    ]);
  });

  it("leaves a row of 二级 words a data row when it writes a project, or a 二级 of another 一级", () => {
    const named = detectTable({ name: "表", values: [["项目名称", "产出指标", "效益指标"], ["项目甲", "数量指标", "社会效益指标"]] });
    const misplaced = detectTable({ name: "表", values: [["项目名称", "产出指标", "效益指标"], ["", "社会效益指标", "数量指标"]] });
    for (const outcome of [named, misplaced]) {
      if (!outcome.ok) throw new Error(outcome.failure.kind);
      expect([outcome.table.headerRowIndex, outcome.table.dataRowIndexes]).toEqual([0, [1]]);
    }
  });
});

describe("category columns: what authors put in them", () => {
  it("takes `无`, `/`, `—` in a column the project has nothing for as blank, not as an empty indicator cell", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "产出指标", "效益指标", "满意度指标", "成本指标"],
        ["项目甲", "培训人次，年度指标值：≥200人次", "知晓率，年度指标值：≥90%", "满意度，年度指标值：≥90%", "无"],
        ["项目乙", "培训人次，年度指标值：≥200人次", "知晓率，年度指标值：≥90%", "/", "—"],
        ["项目丙", "", "", "无", ""],
      ],
    });
    expect(sheet.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      "B2 satisfaction_or_cost_missing",
      "B3 too_few_indicators",
      "B3 satisfaction_or_cost_missing",
      // Nothing but a placeholder in the whole row: one empty cell, where it was written.
      "D4 indicator_cell_empty",
    ]);
  });

  it("reads headers numbered, bracketed or with a remark, a 二级 in the remark being the column's", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "一、产出指标（数量指标）", "【效益指标】", "满意度指标（年度指标值）"],
        ["项目甲", "培训人次，年度指标值：≥200人次", "知晓率，年度指标值：≥90%", "满意度，年度指标值：≥90%"],
      ],
    });
    expect(sheet.table.indicatorColumns?.map((c) => [c.columnIndex, c.level1, c.level2])).toEqual([
      [1, "产出指标", "数量指标"],
      [2, "效益指标", undefined],
      [3, "满意度指标", undefined],
    ]);
    expect(sheet.normalized.map((n) => [n.level1, n.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["效益指标", ""],
      ["满意度指标", "服务对象满意度指标"],
    ]);
  });

  it("reads short 一级 headers `产出 | 效益 | 满意度 | 成本` beside each other, alone or under a merged `绩效指标`", () => {
    const data: CellValue[] = ["康复救助", "1、救助人数，年度指标值：≥150人。", "2、覆盖率，年度指标值：≥85%。", "3、满意度，年度指标值：≥90%。", "4、人均救助标准，年度指标值：≤2万元/人。"];
    const single = check({ name: "表", values: [["项目名称", "产出", "效益", "满意度", "成本"], data] });
    const grouped = check({ name: "表", values: [["项目名称", "绩效指标", null, null, null], ["项目名称", "产出", "效益", "满意度", "成本"], data], mergeCopies: new Map([[1, [0]]]) });
    for (const sheet of [single, grouped]) {
      expect(sheet.table.indicatorColumns?.map((c) => [c.header, c.level1])).toEqual([
        ["产出", "产出指标"],
        ["效益", "效益指标"],
        ["满意度", "满意度指标"],
        ["成本", "成本指标"],
      ]);
      expect([sheet.table.dataRowIndexes.length, sheet.issues]).toEqual([1, []]);
    }
    // `成本` alone heads an amount, as any other header word; short words in a one-indicator-per-row
    // table's data row stay data.
    const amount = detectTable({ name: "表", values: [["项目名称", "成本", "绩效指标"], ["项目甲", "12", "1、产出指标：人数，年度指标值：≥1人。"]] });
    const itemPerRow = detectTable({ name: "表", values: [["项目名称", "一级指标", "二级指标", "三级指标", "指标值"], ["项目甲", "产出", "成本", "人均成本", "≤500元"]] });
    if (!amount.ok || !itemPerRow.ok) throw new Error("no table");
    expect([amount.table.indicatorColumns, amount.table.columns.indicators]).toEqual([undefined, 2]);
    expect([itemPerRow.table.layout, itemPerRow.table.dataRowIndexes]).toEqual(["itemPerRow", [1]]);
  });

  it("takes the remark of a one-column table's header as before: no category columns of one", () => {
    const outcome = detectTable({ name: "表", values: [["项目名称", "产出指标（年度指标值）"], ["项目甲", "1、产出指标：培训人次，年度指标值：≥200人次。"]] });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.columns.indicators, outcome.table.indicatorColumns]).toEqual([1, undefined]);
  });

  it("reads a category word written before the value as the indicator's name (`满意度：≥90%` under 满意度指标)", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "产出指标", "效益指标", "满意度指标"],
        ["项目甲", "1、培训人数：≥100人", "1、社会效益：明显提升。2、社会效益指标：群众获得感", "1、服务对象满意度：≥90%"],
        ["项目乙", "1、培训人数：≥100人", "1、知晓率：≥90%", "1、满意度：≥90%"],
      ],
    });
    expect(sheet.normalized.map((n) => [n.rowNumber, n.level1, n.level2, n.name, n.operator, n.number, n.qualitative])).toEqual([
      [2, "产出指标", "数量指标", "培训人数", "≥", 100, ""],
      [2, "效益指标", "", "社会效益", "", null, "明显提升"],
      // A 二级 written in full over a name with no value: the value is missing.
      [2, "效益指标", "社会效益指标", "群众获得感", "", null, ""],
      [2, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", 90, ""],
      [3, "产出指标", "数量指标", "培训人数", "≥", 100, ""],
      [3, "效益指标", "", "知晓率", "≥", 90, ""],
      [3, "满意度指标", "服务对象满意度指标", "满意度", "≥", 90, ""],
    ]);
    expect(sheet.issues.filter((i) => i.code === "value_missing").map((i) => [i.cell, i.item])).toEqual([["C2", 3]]);
  });

  it("reads a lone phrase under a category header as one indicator of it, its value missing", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "产出指标", "效益指标", "满意度指标"],
        ["项目甲", "培训人数，年度指标值：≥100人", "社会效益明显", "≥90%"],
      ],
    });
    expect(sheet.issues.map((i) => `${i.cell} ${i.code}${i.item ? ` ${i.item}` : ""}`)).toEqual([
      "B2 satisfaction_or_cost_missing",
      "C2 value_missing 2",
      "D2 indicator_name_missing 3",
    ]);
    // The nameless value is reported, but no label is put before it (no fix).
    expect(sheet.issues.find((i) => i.cell === "D2")?.fix).toBeUndefined();
    expect(sheet.normalized.map((n) => [n.level1, n.name, n.raw])).toEqual([
      ["产出指标", "培训人数", "培训人数，年度指标值：≥100人"],
      ["效益指标", "社会效益明显", "社会效益明显"],
      // A bare value under its header: no name, and no label put before it either.
      ["满意度指标", "", "≥90%"],
    ]);
    expect(planCleaning([sheet]).edits.map((e) => e.cell)).toEqual(["B2"]);
  });

  it("numbers a project over rows column by column: each column may go on from the row above", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "产出指标", "效益指标"],
        ["项目甲", "1、服务人数，年度指标值：≥5000人。2、建档率，年度指标值：≥90%。", "1、知晓率，年度指标值：≥90%。"],
        ["项目甲", "3、随访次数，年度指标值：≥4次。", "2、健康水平，年度指标值：有效提升。"],
      ],
      mergeCopies: new Map([[2, [0]]]),
    });
    expect(sheet.issues.filter((i) => i.code === "numbering_irregular")).toEqual([]);
    expect(sheet.rows.map((r) => [r.indicatorAddress, r.projectRows?.first, r.projectRows?.numbersOn])).toEqual([
      ["B2", true, undefined],
      ["C2", false, 0],
      ["B3", false, 2],
      ["C3", false, 1],
    ]);
    // Numbered on, kept as written (the canonical form would number them from 1).
    expect(planCleaning([sheet]).edits.map((e) => e.cell)).toEqual([]);
  });

  it("numbers a project over rows on in reading order, row by row or column by column", () => {
    const project = (c2: string, d2: string, e2: string, c3: string) =>
      check({
        name: "表",
        values: [
          ["项目名称", "产出指标", "效益指标", "满意度指标"],
          ["家庭医生签约", `${c2}、签约人数，年度指标值：≥3万人。`, `${d2}、覆盖率，年度指标值：≥75%。`, `${e2}、居民满意度，年度指标值：≥90%。`],
          ["家庭医生签约", `${c3}、履约完成率，年度指标值：≥90%。`, "", ""],
        ],
        mergeCopies: new Map([[2, [0]]]),
      });
    // Row by row: C3 goes on from E2; column by column: C3 from C2, D2 from C3 (a later row).
    for (const sheet of [project("1", "2", "3", "4"), project("1", "3", "4", "2")]) {
      expect(sheet.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["B2 satisfaction_or_cost_missing"]);
      expect(planCleaning([sheet]).edits.map((e) => e.cell)).toEqual([]);
    }
    // Neither: C3 repeats E2's number.
    expect(project("1", "2", "3", "3").issues.filter((i) => i.code === "numbering_irregular").map((i) => i.cell)).toEqual(["B3"]);
  });

  it("leaves a first data row naming two categories a data row under a one-indicator-per-row header", () => {
    const outcome = detectTable({
      name: "表",
      values: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["项目甲", "产出指标", "成本指标", "人均培训成本", "≤500元"],
        ["项目甲", "效益指标", "社会效益指标", "知晓率", "≥90%"],
      ],
    });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.layout, outcome.table.headerRowIndex, outcome.table.dataRowIndexes]).toEqual(["itemPerRow", 0, [1, 2]]);
  });

  it("leaves a data row naming two categories a data row under a cell-layout header", () => {
    const outcome = detectTable({
      name: "表",
      values: [
        ["项目名称", "绩效目标", "绩效指标"],
        ["项目甲", "产出指标", "效益指标"],
        ["项目乙", "目标", "1、产出指标：培训人次，年度指标值：≥200人次。"],
      ],
    });
    if (!outcome.ok) throw new Error(outcome.failure.kind);
    expect([outcome.table.headerRowIndex, outcome.table.dataRowIndexes, outcome.table.indicatorColumns]).toEqual([0, [1, 2], undefined]);
  });
});

describe("category columns through the command line", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-cat-"));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("reads a real workbook with a merged group header, names every column, and cleans each cell in place", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标表");
    ws.addRow(["项目名称", "年度绩效目标", "绩效指标", "", ""]);
    ws.addRow(["", "", "产出指标", "效益指标", "满意度指标"]);
    ws.mergeCells("A1:A2");
    ws.mergeCells("B1:B2");
    ws.mergeCells("C1:E1");
    ws.addRow(["农村公路养护", "完成养护", "养护里程：不少于100公里", "出行便利度，年度指标值：明显改善", "群众满意度，年度指标值：≥90%"]);
    const file = path.join(tmp, "t.xlsx");
    await wb.xlsx.writeFile(file);
    const out: string[] = [];
    const io: CliIO = { stdout: (t) => void out.push(t), stderr: () => undefined, stderrIsTTY: false, now: () => new Date("2026-01-02T03:04:05Z") };
    const json = path.join(tmp, "r.json");
    const cleaned = path.join(tmp, "c.xlsx");
    expect(await run(["check", file, "--json", json, "--clean", cleaned], io)).toBe(0);
    expect(out.join("")).toContain("indicators=C,D,E");
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.sheets[0].indicatorColumns).toEqual([
      { column: "C", header: "产出指标" },
      { column: "D", header: "效益指标" },
      { column: "E", header: "满意度指标" },
    ]);
    expect(report.issues.map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`)).toEqual([
      "C3 satisfaction_or_cost_missing",
      "C3 value_label_missing",
      "C3 value_normalized",
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(cleaned);
    const row = back.getWorksheet("绩效目标表")?.getRow(3);
    expect([row?.getCell(3).value, row?.getCell(4).value, row?.getCell(5).value]).toEqual([
      "1、养护里程，年度指标值：≥100公里。",
      "1、出行便利度，年度指标值：明显改善。",
      "1、群众满意度，年度指标值：≥90%。",
    ]);
  });
});

describe("a 二级 written alone under a 一级 column", () => {
  it("takes the column's 一级 (written in the header): no level1_missing, and the cleaner writes no 一级", () => {
    const sheet = check({
      name: "表",
      values: [
        ["项目名称", "产出指标", "效益指标", "满意度指标"],
        ["演出", "1、数量指标：演出场次，年度指标值：≥60场。", "1、社会效益指标：观众人次，年度指标值：≥1万人次。", "1、观众满意度，年度指标值：≥90%。"],
      ],
    });
    const items = sheet.rows.flatMap((r) => r.cell.items.map((i) => [i.level1, i.level1Source, i.level2]));
    expect(items).toEqual([
      ["产出指标", "heading", "数量指标"],
      ["效益指标", "heading", "社会效益指标"],
      ["满意度指标", "heading", "服务对象满意度指标"],
    ]);
    expect(sheet.issues.map((i) => i.code)).not.toContain("level1_missing");
    expect(planCleaning([sheet]).edits.map((e) => e.after)).toEqual([]);
  });
});
