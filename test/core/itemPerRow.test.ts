import { checkSheet, type SheetCheck } from "../../src/core/check";
import type { CellValue } from "../../src/core/model";
import { planCleaning } from "../../src/core/clean/planCleaning";

function check(values: CellValue[][]): SheetCheck {
  const outcome = checkSheet({ name: "明细", values });
  if (!outcome.ok) throw new Error("no table found");
  return outcome.check;
}

describe("the one-indicator-per-row layout: 一级 and 二级 written once over the rows they group", () => {
  // As a sheet with merged 一级/二级 cells reads where merges are not filled (Office.js), or as
  // a table typed with the group's words on its first row only.
  const sheet = check([
    ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
    ["培训项目", "产出指标", "数量指标", "培训人数", "≥100人"],
    [null, null, null, "培训场次", "≥5场"],
    [null, null, "质量指标", "培训合格率", "≥95%"],
    [null, "产出指标", null, "完成及时率", "≥95%"],
    [null, "效益指标", "社会效益指标", "群众知晓率", "≥90%"],
    [null, "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ["宣传项目", null, null, "宣传次数", "≥3次"],
  ]);
  const rows = sheet.normalized.map((n) => [n.rowNumber, n.level1, n.level2, n.level2Source, n.name]);

  it("continues the 一级 above in a row that leaves it blank, and the 二级 when that is blank too", () => {
    expect(rows.slice(0, 3)).toEqual([
      [2, "产出指标", "数量指标", "填写", "培训人数"],
      [3, "产出指标", "数量指标", "填写", "培训场次"],
      [4, "产出指标", "质量指标", "填写", "培训合格率"],
    ]);
    expect(sheet.issues.filter((i) => i.code === "category_unknown" && i.rowNumber < 8)).toEqual([]);
  });

  it("continues nothing into a row that writes its 一级 (its 二级 is inferred), nor across projects", () => {
    expect(rows[3]).toEqual([5, "产出指标", "时效指标", "推断", "完成及时率"]);
    expect(rows[6]).toEqual([8, "", "", "", "宣传次数"]);
    expect(sheet.issues.filter((i) => i.code === "category_unknown").map((i) => i.cell)).toEqual(["E8"]);
  });
});

describe("the one-indicator-per-row layout: 一级 merged down (the reader fills merged cells)", () => {
  it("continues the 二级 above into a row whose 一级 is a merged copy and whose 二级 is blank", () => {
    const outcome = checkSheet({
      name: "明细",
      values: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["养护项目", "效益指标", "社会效益指标", "群众出行条件", "明显改善"],
        ["养护项目", "效益指标", null, "交通事故发生率", "≤5‰"],
        ["养护项目", "满意度指标", null, "群众满意度", "≥90%"],
      ],
      mergeCopies: new Map([[2, [0, 1]], [3, [0]]]),
    });
    if (!outcome.ok) throw new Error("no table found");
    expect(outcome.check.normalized.map((n) => [n.rowNumber, n.level1, n.level2, n.level2Source])).toEqual([
      [2, "效益指标", "社会效益指标", "填写"],
      [3, "效益指标", "社会效益指标", "填写"],
      [4, "满意度指标", "服务对象满意度指标", "推断"],
    ]);
  });
});

describe("the one-indicator-per-row layout: a wrong 一级 or 二级 is shown where it is written", () => {
  const sheet = check([
    ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
    ["培训项目", "产出指数", "数量指标", "培训人数", "≥100人"],
    [null, null, null, "培训场次", "≥5场"],
    [null, "效益指标", "数量指标", "群众知晓率", "≥90%"],
    [null, "效益指针", null, "带动就业", "≥20人"],
  ]);
  const unknown = sheet.issues.filter((i) => i.code === "category_unknown").map((i) => [i.rowNumber, i.cell, i.params.kind]);

  it("at the 一级 cell, for the rows that continue it too, and at the 二级 cell of a mismatch", () => {
    expect(unknown).toEqual([
      [2, "B2", "level1"],
      [3, "B2", "level1"],
      [4, "C4", "mismatch"],
      [5, "B5", "level1"],
    ]);
  });
});

describe("the one-indicator-per-row layout: projects", () => {
  it("starts a project where another unit or department is written, even under the same project name", () => {
    const sheet = check([
      ["主管部门", "预算单位", "项目名称", "一级指标", "三级指标", "指标值"],
      ["某局", "甲中心", "业务工作经费", "产出指标", "培训人次", "≥200人次"],
      [null, null, null, "满意度指标", "满意度", "≥90%"],
      ["某局", "乙中心", "业务工作经费", "产出指标", "培训人次", "≥300人次"],
      [null, "乙中心", "业务工作经费", "满意度指标", "满意度", "≥92%"],
      ["某厅", "乙中心", "业务工作经费", "产出指标", "培训人次", "≥100人次"],
    ]);
    expect(sheet.rows.map((r) => [r.rowNumber, r.department, r.unit, r.cell.items.length])).toEqual([
      [2, "某局", "甲中心", 2],
      [4, "某局", "乙中心", 2],
      [6, "某厅", "乙中心", 1],
    ]);
    expect(sheet.issues.filter((i) => i.code === "duplicate_indicator")).toEqual([]);
  });

  it("keeps one project where a unit is written in full and then in its short form", () => {
    const sheet = check([
      ["主管部门", "项目名称", "一级指标", "三级指标", "指标值"],
      ["中国共产党广州市花都区委员会组织部", "党员教育经费", "产出指标", "培训党员人次", "≥3000人次"],
      ["花都区委组织部", "党员教育经费", "效益指标", "党员素质提升", "有效提升"],
      ["区人民医院", "医疗设备购置", "产出指标", "设备数量", "≥5台"],
      ["区人民医院（本级）", "医疗设备购置", "效益指标", "诊疗能力", "有效提升"],
    ]);
    expect(sheet.rows.map((r) => [r.rowNumber, r.cell.items.length])).toEqual([
      [2, 2],
      [4, 2],
    ]);
  });
});

describe("the one-indicator-per-row layout: the operator column", () => {
  it("is 计算符号 when 指标性质 beside it says 定量/定性, whichever stands first", () => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "度量单位"],
      ["甲", "产出指标", "数量指标", "培训人数", "定量", "≥", "200", "人"],
      ["甲", "效益指标", "社会效益指标", "群众获得感", "定性", "", "明显提升", ""],
      ["甲", "满意度指标", "服务对象满意度指标", "满意度", "定量", "≥", "90", "%"],
    ]);
    expect(sheet.table.columns.operator).toBe(5);
    expect(sheet.normalized.map((n) => [n.operator, n.number, n.valueUnit, n.qualitative])).toEqual([
      ["≥", 200, "人", ""],
      ["", null, "", "明显提升"],
      ["≥", 90, "%", ""],
    ]);
  });

  it("is 指标性质 when it is the only one (`≥`, `≤`, `定性` written there)", () => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["甲", "产出指标", "数量指标", "培训人数", "≥", "200", "人"],
      ["甲", "效益指标", "社会效益指标", "投诉率", "≤", "5", "%"],
      ["甲", "满意度指标", "服务对象满意度指标", "满意度", "定性", "满意", ""],
    ]);
    expect(sheet.normalized.map((n) => [n.operator, n.number, n.qualitative])).toEqual([
      ["≥", 200, ""],
      ["≤", 5, ""],
      ["", null, "满意"],
    ]);
  });
});

describe("a project form above its indicator table (one project per sheet)", () => {
  const items: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训人次", "≥200人次"],
    ["效益指标", "社会效益指标", "知晓率", "≥90%"],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
  ];

  it("takes the row naming the indicator columns as the header, though the form's row names as many roles", () => {
    const sheet = check([
      ["项目支出绩效目标表"],
      ["项目名称", "培训项目", "主管部门", "某局", "实施单位", "某中心", "项目金额（万元）", 50],
      ["年度绩效目标", "提升干部能力"],
      ...items,
    ]);
    expect(sheet.table.headerRowIndex).toBe(3);
    expect(sheet.rows.map((r) => [r.department, r.unit, r.project, r.projectAddress, r.cell.items.length])).toEqual([["某局", "某中心", "培训项目", "B2", 3]]);
    expect(sheet.issues.filter((i) => i.code === "project_name_missing")).toEqual([]);
  });

  it("reads the fields written one under another", () => {
    const sheet = check([["项目支出绩效目标表"], ["项目名称", "甲项目"], ["主管部门", "某局"], ...items]);
    expect(sheet.table.formFields).toEqual({
      project: { rowIndex: 1, columnIndex: 1, text: "甲项目" },
      department: { rowIndex: 2, columnIndex: 1, text: "某局" },
    });
    expect(sheet.normalized.map((n) => [n.department, n.project])).toEqual([
      ["某局", "甲项目"],
      ["某局", "甲项目"],
      ["某局", "甲项目"],
    ]);
  });

  it("reads a label merged over two columns (its value in the next filled cell)", () => {
    // `项目名称` merged over A:B reads as A alone, B blank; the value stands in C.
    const sheet = check([["项目支出绩效目标表"], ["项目名称", null, "残疾人康复救助项目"], ["主管部门及代码", null, "[305]某区残联"], ...items]);
    expect(sheet.rows.map((r) => [r.department, r.project, r.projectAddress])).toEqual([["[305]某区残联", "残疾人康复救助项目", "C2"]]);
  });

  it("reads a label and its value written in one cell", () => {
    const sheet = check([
      ["2025年度项目支出绩效目标表"],
      ["单位名称：某区体育局", null, null, "金额单位：万元"],
      ["项目名称：全民健身赛事活动经费"],
      ["主管部门：某区文化广电旅游体育局"],
      ["项目资金：80万元"],
      ...items,
    ]);
    expect(sheet.rows.map((r) => [r.department, r.unit, r.project, r.projectAddress])).toEqual([
      ["某区文化广电旅游体育局", "某区体育局", "全民健身赛事活动经费", "A3"],
    ]);
  });

  it("knows 部门（单位）名称 as the department", () => {
    const sheet = check([["部门（单位）名称", "某区卫生健康局"], ...items]);
    expect(sheet.rows.map((r) => r.department)).toEqual(["某区卫生健康局"]);
  });

  it("reports the project's name missing where the form leaves it blank, and takes no other label for it", () => {
    const sheet = check([["项目名称", null, "主管部门", "某局"], ...items]);
    expect(sheet.table.formFields).toEqual({ department: { rowIndex: 0, columnIndex: 3, text: "某局" }, project: { rowIndex: 0, columnIndex: 0, text: "" } });
    expect(sheet.issues.filter((i) => i.code === "project_name_missing").map((i) => i.cell)).toEqual(["A1"]);
  });
});

describe("a form above a table of one project per row", () => {
  it("gives its 主管部门 and 单位名称 to every row when the table has no column for them", () => {
    const outcome = checkSheet({
      name: "教育局",
      values: [
        ["2025年部门项目支出绩效目标表"],
        ["主管部门", "某区教育局"],
        ["单位名称", "某区教师发展中心"],
        ["序号", "项目名称", "项目金额（万元）", "年度绩效目标", "绩效指标"],
        [1, "中小学教师培训", 120, "提升教师能力", "1、产出指标：培训教师人次，年度指标值：≥1200人次。"],
        [2, "课后服务补助", 300, "推进课后服务", "1、产出指标：课后服务学校覆盖率，年度指标值：100%。"],
      ],
    });
    if (!outcome.ok) throw new Error("no table found");
    expect(outcome.check.rows.map((r) => [r.department, r.unit, r.project])).toEqual([
      ["某区教育局", "某区教师发展中心", "中小学教师培训"],
      ["某区教育局", "某区教师发展中心", "课后服务补助"],
    ]);
    expect(outcome.check.normalized.map((n) => n.unit)).toEqual(["某区教师发展中心", "某区教师发展中心"]);
  });

  it("gives its 项目名称 too when the table has no project column", () => {
    const outcome = checkSheet({
      name: "表",
      values: [
        ["项目名称", "智慧教育平台建设", "主管部门", "区教育局"],
        ["预算单位", "区教育信息中心"],
        ["绩效目标", "绩效指标"],
        ["保障项目顺利实施。", "1、产出指标：接入学校数量，年度指标值：≥60所。"],
      ],
    });
    if (!outcome.ok) throw new Error("no table found");
    expect(outcome.check.rows.map((r) => [r.department, r.unit, r.project, r.projectAddress])).toEqual([["区教育局", "区教育信息中心", "智慧教育平台建设", "B1"]]);
  });

  it("takes no field described under instructions for a blank one", () => {
    const sheet = check([
      ["社区养老服务中心建设项目绩效目标表"],
      ["填报说明"],
      ["项目名称", "填写预算系统中的项目全称"],
      [],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "新建养老服务中心数量", "≥3个"],
    ]);
    expect(sheet.table.formFields).toBeUndefined();
    expect(sheet.issues.filter((i) => i.code === "project_name_missing")).toEqual([]);
  });
});

describe("the one-indicator-per-row layout: a magnitude in the 指标值 cell and the 度量单位 column", () => {
  it("reads one unit (`3.5亿` + `元` is an amount in 亿元, no cost_value_invalid)", () => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["医保补助", "产出指标", "数量指标", "参保人数", "≥", "52万", "人"],
      [null, "成本指标", "经济成本指标", "财政补助资金", "≤", "3.5亿", "元"],
    ]);
    expect(sheet.normalized.map((n) => [n.operator, n.number, n.valueUnit])).toEqual([
      ["≥", 52, "万人"],
      ["≤", 3.5, "亿元"],
    ]);
    expect(sheet.issues.filter((i) => i.code === "cost_value_invalid")).toEqual([]);
  });

  it("scales a unit written in symbols or letters (`1.2万` + `㎡` is 万㎡), never a percentage", () => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["老旧小区改造", "产出指标", "数量指标", "改造面积", "≥", "1.2万", "㎡"],
      [null, "产出指标", "数量指标", "绿化面积", "≥", "0.5万", "m²"],
      [null, "产出指标", "数量指标", "土方量", "≥", "2万", "m³"],
      [null, "产出指标", "质量指标", "验收合格率", "≥", "95", "%"],
    ]);
    expect(sheet.normalized.map((n) => [n.number, n.valueUnit])).toEqual([
      [1.2, "万㎡"],
      [0.5, "万m²"],
      [2, "万m³"],
      [95, "%"],
    ]);
  });
});

describe("the one-indicator-per-row layout: a category or name cell holding two levels", () => {
  it("splits a 一级 cell `产出指标（数量指标）` into its 一级 and 二级", () => {
    const sheet = check([
      ["项目名称", "一级指标", "三级指标", "指标值", "计量单位"],
      ["人工影响天气作业", "产出指标（数量指标）", "人工增雨作业次数", "≥20", "次"],
      [null, "产出指标-质量指标", "作业安全事故发生率", "0", "%"],
      [null, "效益指标（社会效益指标）", "农业减灾效果", "明显", ""],
      [null, "满意度指标（服务对象满意度指标）", "农户满意度", "≥85", "%"],
    ]);
    expect(sheet.normalized.map((n) => [n.level1, n.level2, n.level2Source, n.name])).toEqual([
      ["产出指标", "数量指标", "填写", "人工增雨作业次数"],
      ["产出指标", "质量指标", "填写", "作业安全事故发生率"],
      ["效益指标", "社会效益指标", "填写", "农业减灾效果"],
      ["满意度指标", "服务对象满意度指标", "填写", "农户满意度"],
    ]);
    const codes = sheet.issues.map((i) => i.code);
    expect(codes).not.toContain("category_unknown");
    expect(sheet.issues.filter((i) => i.code === "satisfaction_or_cost_missing").map((i) => i.params.missing)).not.toContain("both");
  });

  it("reads the levels a 三级 cell writes before its name, with no 一级 column", () => {
    const sheet = check([
      ["项目名称", "三级指标", "指标值", "计量单位"],
      ["全民健身赛事", "产出指标-数量指标-举办赛事场次", "≥10", "场"],
      [null, "效益指标-社会效益指标-参与群众人次", "≥5", "万人次"],
    ]);
    expect(sheet.normalized.map((n) => [n.level1, n.level2, n.name])).toEqual([
      ["产出指标", "数量指标", "举办赛事场次"],
      ["效益指标", "社会效益指标", "参与群众人次"],
    ]);
    const codes = sheet.issues.map((i) => i.code);
    expect(codes).not.toContain("category_unknown");
    expect(codes).not.toContain("output_or_effect_missing");
  });
});

describe("the one-indicator-per-row layout: a written direction", () => {
  const rows = (header: string) => [
    ["项目名称", "一级指标", "二级指标", "三级指标", header, "指标值", "计量单位"],
    ["医疗服务", "产出指标", "时效指标", "门诊平均候诊时间", "反向", "≥30", "分钟"],
    [null, "满意度指标", "服务对象满意度指标", "患者满意度", "正向", "90", "%"],
    [null, "效益指标", "社会效益指标", "群众就医便利度", "", "≥90", "%"],
    [null, "效益指标", "社会效益指标", "医疗差错发生率", "", "≤1", "%"],
  ];

  it.each(["指标方向", "指标性质"])("wins over the one the name suggests, in a %s column", (header) => {
    const sheet = check(rows(header));
    expect(sheet.normalized.map((n) => [n.name, n.direction])).toEqual([
      ["门诊平均候诊时间", "反向"],
      ["患者满意度", "正向"],
      ["群众就医便利度", "正向"],
      ["医疗差错发生率", "反向"],
    ]);
    // Written 反向 with ≥: DOMAIN §3's negative_direction_ge, at the value of that row.
    expect(sheet.issues.filter((i) => i.code === "negative_direction_ge").map((i) => i.cell)).toEqual(["F2"]);
  });

  it("is read from a column the user maps to 指标方向 when its header says nothing (the pane's column settings)", () => {
    const values = rows("升降");
    const unmapped = checkSheet({ name: "明细", values });
    const mapped = checkSheet({ name: "明细", values }, { table: { columns: { direction: 4 } } });
    if (!unmapped.ok || !mapped.ok) throw new Error("no table found");
    expect(unmapped.check.normalized[0]?.direction).toBe("正向");
    expect(mapped.check.normalized.map((n) => n.direction)).toEqual(["反向", "正向", "正向", "反向"]);
  });
});

describe("one indicator per row, its name and value in one cell (no 指标值 column)", () => {
  // `项目名称 | 一级指标 | 二级指标 | 绩效指标` (or `三级指标`) holding `培训教师人次≥3000人次`.
  it.each(["绩效指标", "三级指标"])("reads each row's item under %s with the 一级/二级 of its columns, the project going on over blank names", (last) => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", last],
      ["培训经费", "产出指标", "数量指标", "培训教师人次≥3000人次"],
      [null, null, "质量指标", "培训合格率≥95%"],
      [null, "效益指标", "社会效益指标", "教师教学能力：有效提升"],
      [null, "满意度指标", "服务对象满意度指标", "参训教师满意度≥90%"],
      ["安保经费", "产出指标", "数量指标", "安保人员数量≥24人"],
      [null, "效益指标", "社会效益指标", "重大安全责任事故发生数=0起"],
      [null, "满意度指标", "服务对象满意度指标", "师生满意度大于等于90%"],
    ]);
    expect(sheet.table.layout).toBe("itemPerRow");
    expect(sheet.rows.map((r) => [r.project, r.cell.items.length])).toEqual([
      ["培训经费", 4],
      ["安保经费", 3],
    ]);
    expect(sheet.normalized.map((n) => [n.rowNumber, n.level1, n.level2, n.level2Source, n.name, n.operator, n.number])).toEqual([
      [2, "产出指标", "数量指标", "填写", "培训教师人次", "≥", 3000],
      [3, "产出指标", "质量指标", "填写", "培训合格率", "≥", 95],
      [4, "效益指标", "社会效益指标", "填写", "教师教学能力", "", null],
      [5, "满意度指标", "服务对象满意度指标", "填写", "参训教师满意度", "≥", 90],
      [6, "产出指标", "数量指标", "填写", "安保人员数量", "≥", 24],
      [7, "效益指标", "社会效益指标", "填写", "重大安全责任事故发生数", "=", 0],
      [8, "满意度指标", "服务对象满意度指标", "填写", "师生满意度", "≥", 90],
    ]);
    // A word operator is normalised in the cell it stands in, its span the cell's own.
    expect(sheet.issues.map((i) => [i.code, i.cell, i.fix?.edits])).toEqual([
      ["satisfaction_or_cost_missing", "D2", undefined],
      ["satisfaction_or_cost_missing", "D6", undefined],
      ["value_normalized", "D8", [{ span: { start: 5, end: 12 }, text: "≥90%" }]],
    ]);
  });

  it("reads several items of one cell, each taking the row's 一级 unless it writes its own", () => {
    const sheet = check([
      ["项目名称", "一级指标", "二级指标", "三级指标"],
      ["培训经费", "产出指标", "数量指标", "1.培训教师人次≥3000人次；2.培训班次≥20期"],
      [null, null, null, "效益指标：群众知晓率≥90%"],
    ]);
    expect(sheet.normalized.map((n) => [n.rowNumber, n.level1, n.level2, n.name])).toEqual([
      [2, "产出指标", "数量指标", "培训教师人次"],
      [2, "产出指标", "数量指标", "培训班次"],
      [3, "效益指标", "", "群众知晓率"],
    ]);
  });
});

describe("the one-indicator-per-row layout: a blank 项目名称 after a merged name block", () => {
  const header = ["单位名称", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
  const first: CellValue[][] = [
    ["某区机关事务管理局", "机关物业服务", "产出指标", "数量指标", "物业服务面积", "≥6.5万平方米"],
    ["某区机关事务管理局", "机关物业服务", "效益指标", "社会效益指标", "机关运行保障", "有力"],
    ["某区机关事务管理局", "机关物业服务", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"],
  ];
  const projects = (values: CellValue[][], mergeCopies: Map<number, number[]>) => {
    const outcome = checkSheet({ name: "表", values: [header, ...values], mergeCopies });
    if (!outcome.ok) throw new Error("no table found");
    const missing = outcome.check.issues.filter((i) => i.code === "project_name_missing").map((i) => i.cell);
    return { projects: outcome.check.rows.map((r) => [r.rowNumber, r.project, r.cell.items.length]), missing };
  };

  it("starts a nameless project where the rows start the 一级 over (产出指标 after 满意度指标)", () => {
    const second: CellValue[][] = [
      ["某区机关事务管理局", null, "产出指标", "数量指标", "采购办公设备", "≥200台"],
      ["某区机关事务管理局", null, "效益指标", "社会效益指标", "办公效率", "明显提高"],
      ["某区机关事务管理局", null, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"],
    ];
    // 项目名称 merged B2:B4 and 单位名称 on every row, written out.
    const got = projects([...first, ...second], new Map([[2, [1]], [3, [1]]]));
    expect(got.projects).toEqual([
      [2, "机关物业服务", 3],
      [5, "", 3],
    ]);
    expect(got.missing).toEqual(["B5"]);
  });

  it("starts a nameless project where the unit starts a merged block of its own (A5:A7 after A2:A4)", () => {
    const second: CellValue[][] = [
      ["某区机关事务管理局", null, "效益指标", "社会效益指标", "办公效率", "明显提高"],
      ["某区机关事务管理局", null, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"],
    ];
    const got = projects([...first, ...second], new Map([[2, [0, 1]], [3, [0, 1]], [5, [0]]]));
    expect(got.projects).toEqual([
      [2, "机关物业服务", 3],
      [5, "", 2],
    ]);
  });

  it("goes on with the project where a blank row after the merge goes on with its 一级 (the merge left short)", () => {
    const rows: CellValue[][] = [...first, ["某区机关事务管理局", null, null, null, "投诉处理满意度", "≥90%"]];
    const got = projects(rows, new Map([[2, [0, 1]], [3, [0, 1]], [4, [0]]]));
    expect(got.projects).toEqual([[2, "机关物业服务", 4]]);
    expect(got.missing).toEqual([]);
  });

  it("goes on with the project under a name written on its first row only (no merges), even from 产出指标 again", () => {
    const rows: CellValue[][] = [...first.slice(0, 1), [null, null, "效益指标", "社会效益指标", "机关运行保障", "有力"], [null, null, "产出指标", "质量指标", "保洁达标率", "≥95%"]];
    const got = projects(rows, new Map());
    expect(got.projects).toEqual([[2, "机关物业服务", 3]]);
  });
});

describe("the one-indicator-per-row layout: cells holding one indicator a line (a PDF's table pasted back)", () => {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
  const run = (row: CellValue[]) => {
    const outcome = checkSheet({ name: "多行对齐", values: [header, row] });
    if (!outcome.ok) throw new Error("no table found");
    return outcome.check;
  };

  it("reads one indicator a line when every filled column holds as many lines", () => {
    const check = run([
      "培训经费",
      "产出指标\n产出指标\n效益指标\n满意度指标",
      "数量指标\n质量指标\n社会效益指标\n服务对象满意度指标",
      "培训教师人次\n培训合格率\n教师教学能力\n参训教师满意度",
      "≥3000人次\n≥95%\n有效提升\n≥90%",
    ]);
    expect(check.normalized.map((n) => [n.itemNumber, n.level1, n.level2, n.name, n.operator, n.number, n.valueUnit, n.qualitative])).toEqual([
      [1, "产出指标", "数量指标", "培训教师人次", "≥", 3000, "人次", ""],
      [2, "产出指标", "质量指标", "培训合格率", "≥", 95, "%", ""],
      [3, "效益指标", "社会效益指标", "教师教学能力", "", null, "", "有效提升"],
      [4, "满意度指标", "服务对象满意度指标", "参训教师满意度", "≥", 90, "%", ""],
    ]);
    expect(check.issues.filter((i) => i.severity !== "info").map((i) => i.code)).toEqual([]);
  });

  it("continues the 一级 above over a blank line, and leaves the 二级 cell blank as none written", () => {
    const check = run(["培训经费", "产出指标\n\n满意度指标", null, "培训教师人次\n培训合格率\n参训教师满意度", "≥3000人次\n≥95%\n≥90%"]);
    expect(check.normalized.map((n) => [n.level1, n.level2, n.level2Source])).toEqual([
      ["产出指标", "数量指标", "推断"],
      ["产出指标", "质量指标", "推断"],
      ["满意度指标", "服务对象满意度指标", "推断"],
    ]);
  });

  it("points a line's fix at its place in the cell, and the cleaner rewrites that line only", () => {
    const check = run(["培训经费", "产出指标\n产出指标\n满意度指标", null, "培训教师人次\n培训合格率\n参训教师满意度", "≥3000人次\n95%以上\n≥90%"]);
    const fix = check.issues.find((i) => i.code === "value_normalized");
    expect([fix?.cell, fix?.fix?.edits]).toEqual(["E2", [{ span: { start: 8, end: 13 }, text: "≥95%" }]]);
    const edits = planCleaning([check]).edits.filter((e) => e.cell === "E2");
    expect(edits.map((e) => [e.before, e.after])).toEqual([["≥3000人次\n95%以上\n≥90%", "≥3000人次\n≥95%\n≥90%"]]);
  });

  it("keeps the row one indicator when the columns hold different numbers of lines", () => {
    const check = run(["培训经费", "产出指标", "数量指标", "培训教师人次\n培训合格率", "≥3000人次\n≥95%\n≥90%"]);
    expect(check.normalized).toHaveLength(1);
  });
});
