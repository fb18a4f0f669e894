import { detectTable, type DetectResult } from "../../src/core/table/detectTable";
import type { CellValue, DetectedTable, SkippedRow } from "../../src/core/model";
import { sheet } from "./sheets";

const TITLE = "项目支出绩效目标表（含转移支付项目）";
const DEPT = "中国共产党广州市花都区委员会组织部";
const CELL = "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层党建水平指标，年度指标值：合格。";

function found(result: DetectResult): DetectedTable {
  if (!result.ok) throw new Error(`expected a table, got the failure ${JSON.stringify(result.failure)}`);
  return result.table;
}

/** Skipped rows as [rowNumber, reason], the way a reviewer reads them. */
function skippedRows(table: DetectedTable): [number, SkippedRow["reason"]][] {
  return table.skipped.map((s) => [s.rowIndex + 1, s.reason]);
}

function rowNumbers(table: DetectedTable): number[] {
  return table.dataRowIndexes.map((i) => i + 1);
}

describe("finding the header by its words", () => {
  it("finds extra 序号/金额/备注 columns in another order", () => {
    const table = found(
      detectTable(
        sheet([
          [TITLE],
          ["序号", "项目名称", "项目金额（万元）", "预算单位", "主管部门", "年度绩效指标", "年度绩效目标", "备注"],
          [1, "干部培训经费", 120.5, DEPT, DEPT, CELL, "1、选派我区领导干部参加培训。2、举办专题班。", null],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.columns).toEqual({
      serial: 0,
      project: 1,
      amount: 2,
      unit: 3,
      department: 4,
      indicators: 5,
      goal: 6,
      remark: 7,
    });
    expect(rowNumbers(table)).toEqual([3]);
  });

  it("reads other header words, spaces, line breaks, full-width brackets and * markers", () => {
    const table = found(
      detectTable(
        sheet([
          ["部门", "单位 名称", "*项目", "总体目标", "绩效指标\n（年度指标值）", "项目金额\n(万元)"],
          [DEPT, DEPT, "人才工作经费", "通过开展人才工作……", CELL, 30],
        ]),
      ),
    );
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, goal: 3, indicators: 4, amount: 5 });
  });

  it("tells 年度绩效目标 (the goal) from 年度绩效指标 (the indicators) whatever their order", () => {
    const table = found(
      detectTable(sheet([["项目名称", "年度绩效指标", "年度绩效目标"], ["项目甲", CELL, "1、目标一。2、目标二。"]])),
    );
    expect(table.columns).toEqual({ project: 0, indicators: 1, goal: 2 });
  });

  it("accepts 实施单位 and 主管单位 and a bare 指标 column", () => {
    const table = found(detectTable(sheet([["主管单位", "实施单位", "项目名称", "指标"], [DEPT, DEPT, "项目甲", CELL]])));
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, indicators: 3 });
  });

  it("finds a header that starts at column B on row 1", () => {
    const table = found(
      detectTable(
        sheet([
          [null, "主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
          [null, DEPT, DEPT, "项目甲", "目标", CELL],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(0);
    expect(table.columns).toEqual({ department: 1, unit: 2, project: 3, goal: 4, indicators: 5 });
    expect(table.skipped).toEqual([]);
  });

  it("returns sheet indexes when the snapshot starts at an origin", () => {
    // The block C3:G5 of a sheet: its first row is sheet row 3, its first column is C.
    const table = found(
      detectTable(
        sheet(
          [
            [TITLE, null, null, null, null],
            ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
            [DEPT, DEPT, "项目甲", "目标", CELL],
          ],
          { row: 2, column: 2 },
        ),
      ),
    );
    expect(table.headerRowIndex).toBe(3);
    expect(table.columns).toEqual({ department: 2, unit: 3, project: 4, goal: 5, indicators: 6 });
    expect(table.dataRowIndexes).toEqual([4]);
    expect(table.skipped).toEqual([{ rowIndex: 2, reason: "title" }]);
  });

  it("takes the upper row when two rows name the same columns equally well", () => {
    const header = ["主管部门", "预算单位", "项目名称", "绩效指标"];
    const table = found(detectTable(sheet([header, header, [DEPT, DEPT, "项目甲", CELL]])));
    expect(table.headerRowIndex).toBe(0);
    expect(skippedRows(table)).toEqual([[2, "repeatedHeader"]]);
  });

  it("does not take the title for a header even when it sits right above it", () => {
    const table = found(
      detectTable(sheet([[TITLE], ["项目名称", "绩效指标"], ["项目甲", CELL]])),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.columns).toEqual({ project: 0, indicators: 1 });
    expect(skippedRows(table)).toEqual([[1, "title"]]);
  });
});

describe("the one-indicator-per-row layout", () => {
  it("reads 一级/二级/三级/指标值 with operator and unit columns", () => {
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
          ["项目甲", "产出指标", "数量指标", "培训人数", "≥", 200, "人"],
          [null, "产出指标", "时效指标", "资金拨付及时率", "≥", 90, "%"],
          [null, "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", 90, "%"],
          ["项目乙", "效益指标", "社会效益指标", "基层党建水平", null, "合格", null],
        ]),
      ),
    );
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3, operator: 4, value: 5, measureUnit: 6 });
    expect(rowNumbers(table)).toEqual([2, 3, 4, 5]);
  });

  it("reads 指标名称/年度指标值/指标性质/度量单位 as well", () => {
    const table = found(
      detectTable(sheet([["项目", "一级指标", "指标名称", "指标性质", "年度指标值", "度量单位"], ["项目甲", "产出指标", "培训人数", "≥", 200, "人"]])),
    );
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level3: 2, operator: 3, value: 4, measureUnit: 5 });
  });

  it("reads 运算符 (运算符号 without 号) as the operator column", () => {
    const table = found(detectTable(sheet([["项目名称", "一级指标", "二级指标", "三级指标", "运算符", "预期目标值", "单位"], ["项目甲", "产出指标", "数量指标", "培训人数", "≥", 200, "人"]])));
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3, operator: 4, value: 5, measureUnit: 6 });
  });

  it("reads 指标方向 as a direction column of its own", () => {
    const table = found(
      detectTable(sheet([["项目名称", "一级指标", "三级指标", "指标方向", "计算符号", "预期目标值", "单位"], ["项目甲", "产出指标", "培训人数", "正向", "≥", 200, "人"]])),
    );
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level3: 2, direction: 3, operator: 4, value: 5, measureUnit: 6 });
  });

  it("reads a bare 单位 as the measuring unit right of the indicator name, else as the budget unit", () => {
    const items = found(detectTable(sheet([["单位", "项目名称", "一级指标", "三级指标", "指标值", "单位"], ["某局", "项目甲", "产出指标", "培训人数", 200, "人"]])));
    expect(items.columns).toEqual({ unit: 0, project: 1, level1: 2, level3: 3, value: 4, measureUnit: 5 });
    const cells = found(detectTable(sheet([["部门", "单位", "项目名称", "绩效目标", "绩效指标"], ["某局", "某中心", "项目甲", "目标", "1、产出指标：培训人数，年度指标值：≥200人。"]])));
    expect(cells.columns).toEqual({ department: 0, unit: 1, project: 2, goal: 3, indicators: 4 });
  });

  it("reads a two-row header whose group row 绩效指标 spans the indicator columns", () => {
    const table = found(
      detectTable(
        sheet([
          [TITLE],
          ["主管部门", "预算单位", "项目名称", "绩效指标", null, null, null],
          [null, null, null, "一级指标", "二级指标", "三级指标", "指标值"],
          [DEPT, DEPT, "项目甲", "产出指标", "数量指标", "培训人数", "≥200人"],
          [null, null, null, "效益指标", "社会效益指标", "基层党建水平", "合格"],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(2);
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, level1: 3, level2: 4, level3: 5, value: 6 });
    expect(rowNumbers(table)).toEqual([4, 5]);
    // The group row is part of the header, not a skipped title.
    expect(skippedRows(table)).toEqual([[1, "title"]]);
  });

  it("lets the lower row win in a two-row header whose upper row names more columns", () => {
    const table = found(
      detectTable(
        sheet([
          ["序号", "主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标", null, null],
          [null, null, null, null, null, "一级指标", "三级指标", "指标值"],
          [1, DEPT, DEPT, "项目甲", "目标", "产出指标", "培训人数", "≥200人"],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ serial: 0, department: 1, unit: 2, project: 3, goal: 4, level1: 5, level3: 6, value: 7 });
  });

  it.each([
    ["the group row scores higher", ["序号", "项目基本情况", null, null, "绩效目标", "绩效指标"], [null, "主管部门", "预算单位", "项目名称", null, null]],
    ["the lower row scores higher", ["序号", "项目基本情况", null, null, null, "绩效指标"], [null, "主管部门", "预算单位", "项目名称", "绩效目标", null]],
  ])("reads an unmerged two-row header of the cell layout (%s)", (_, upper, lower) => {
    // Without merged cells the lower header row leaves the upper row's columns empty, and
    // the other way round: neither row alone names every column.
    const table = found(detectTable(sheet([[TITLE], upper as CellValue[], lower as CellValue[], [1, DEPT, DEPT, "项目甲", "目标", CELL]])));
    expect(table.headerRowIndex).toBe(2);
    expect(table.layout).toBe("cell");
    expect(table.columns).toEqual({ serial: 0, department: 1, unit: 2, project: 3, goal: 4, indicators: 5 });
    expect(rowNumbers(table)).toEqual([4]);
  });

  it.each([
    ["年度指标值", "实施期指标值", 4],
    ["中长期指标值", "年度指标值", 5],
    ["2025年度指标值", "中长期指标值", 4],
    ["中长期指标值", "2025年度指标值", 5],
    ["实施期目标值", "2025年目标值", 5],
  ])("reads 指标值 merged over %s | %s as a two-row header whose value is the annual column", (left, right, value) => {
    // 项目名称…三级指标 merged down (the host copies them into the lower row), 指标值 across E1:F1.
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", null],
          ["项目名称", "一级指标", "二级指标", "三级指标", left, right],
          ["培训经费", "产出指标", "数量指标", "培训教师人次", "≥3000人次", "≥9000人次"],
          [null, "效益指标", "社会效益指标", "教师教学能力", "有效提升", "有效提升"],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3, value });
    expect(rowNumbers(table)).toEqual([3, 4]);
    expect(table.skipped).toEqual([]);
  });

  it.each([
    ["中长期指标值", "2025年度指标值", 5],
    ["实施期指标值", "本年度指标值", 5],
    ["2025年度指标值", "中长期指标值", 4],
  ])("takes the annual one of two value columns named alike in one header row (%s | %s)", (left, right, value) => {
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "一级指标", "二级指标", "三级指标", left, right],
          ["培训经费", "产出指标", "数量指标", "培训教师人次", "≥9000人次", "≥3000人次"],
        ]),
      ),
    );
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3, value });
  });

  it("reads the short headers 一级 | 二级 | 三级 | 指标值 under a group 绩效指标", () => {
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "绩效指标", null, null, null],
          ["项目名称", "一级", "二级", "三级", "指标值"],
          ["培训经费", "产出指标", "数量指标", "培训教师人次", "≥3000人次"],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3, value: 4 });
  });

  it.each(["三级指标", "绩效指标"])("reads 一级指标 | 二级指标 | %s without 指标值 as one indicator per row, its name and value in one cell", (last) => {
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "一级指标", "二级指标", last],
          ["培训经费", "产出指标", "数量指标", "培训教师人次≥3000人次"],
          [null, "效益指标", "社会效益指标", "教师教学能力有效提升"],
        ]),
      ),
    );
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level2: 2, level3: 3 });
    expect(rowNumbers(table)).toEqual([2, 3]);
  });

  it("keeps the cell layout when only some item-per-row words appear", () => {
    const table = found(detectTable(sheet([["项目名称", "一级指标", "绩效指标"], ["项目甲", "产出指标", CELL]])));
    expect(table.layout).toBe("cell");
    expect(table.columns.indicators).toBe(2);
  });
});

describe("rows below the header", () => {
  const header: CellValue[] = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
  const data = (project: string): CellValue[] => [DEPT, DEPT, project, "目标", CELL];

  it("counts a row with an empty indicator cell, or with only an indicator cell, as data", () => {
    const table = found(
      detectTable(sheet([header, [DEPT, DEPT, "项目甲", "目标", null], [null, null, null, null, CELL], [DEPT, null, "项目乙", null, "  "]])),
    );
    expect(rowNumbers(table)).toEqual([2, 3, 4]);
  });

  it("skips a department's group heading and its subtotal in a combined table", () => {
    const wide: CellValue[] = ["序号", "主管部门", "预算单位", "项目名称", "项目金额（万元）", "绩效目标", "绩效指标"];
    const table = found(
      detectTable(
        sheet([
          wide,
          [null, "合计", null, null, 200],
          ["一", "区委组织部", null, null, 120],
          [1, "区委组织部", "区委组织部", "培训经费", 60, "目标", CELL],
          [null, "区委组织部", null, "小计", 120],
          ["二、区委宣传部", null, null, null, 80],
          [1, "区委宣传部", "区委宣传部", "宣传经费", 80, "目标", CELL],
          [null, "区委宣传部 小计", null, null, 80],
          [2, "区委宣传部", null, null, null, null, null],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([4, 7]);
    expect(skippedRows(table)).toEqual([
      [2, "note"],
      [3, "title"],
      [5, "note"],
      [6, "title"],
      [8, "note"],
      [9, "title"],
    ]);
  });

  it("reads a row numbered in the run of projects, with an amount and nothing else, as a project's row (not a heading)", () => {
    const wide: CellValue[] = ["序号", "单位名称", "项目名称", "项目金额（万元）", "年度绩效目标", "年度绩效指标"];
    const table = found(
      detectTable(
        sheet([
          wide,
          [1, "某区科技局", "科技计划项目", 100, "目标", CELL],
          [2, "某区科技局", null, 40, null, null],
          [3, "某区科技局", "科普经费", 30, "目标", CELL],
          [4, "某区科技局", null, 20, null, null],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([2, 3, 4, 5]);
    expect(skippedRows(table)).toEqual([]);
  });

  it("still skips a unit's heading with an amount numbered apart from its projects (1, then its projects from 1)", () => {
    const wide: CellValue[] = ["序号", "单位名称", "项目名称", "项目金额（万元）", "年度绩效目标", "年度绩效指标"];
    const table = found(
      detectTable(
        sheet([
          wide,
          [1, "区委组织部", null, 60, null, null],
          [1, "区委组织部", "培训经费", 60, "目标", CELL],
          [2, "区委宣传部", null, 80, null, null],
          [1, "区委宣传部", "宣传经费", 80, "目标", CELL],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([3, 5]);
    expect(skippedRows(table)).toEqual([
      [2, "title"],
      [4, "title"],
    ]);
  });

  it("reads a unit without indicators as a data row where the unit is the row (no project column)", () => {
    const table = found(detectTable(sheet([["单位名称", "绩效指标"], ["区委组织部", CELL], ["区委宣传部", null], ["区统战部", CELL]])));
    expect(rowNumbers(table)).toEqual([2, 3, 4]);
  });

  it("reads names that begin like a total word as names (合计划生育服务站, 总计量检定所)", () => {
    const wide: CellValue[] = ["序号", "单位名称", "项目名称", "金额", "绩效目标", "绩效指标"];
    const table = found(
      detectTable(
        sheet([
          wide,
          ["1", "合计划生育服务站", "计划生育奖励扶助", 50, "目标", CELL],
          ["2", "总计量检定所", "计量检定经费", 20, "目标", ""],
          ["3", "区应急局", "合计划应急演练", 20, "目标", ""],
          ["合　计", null, null, 90, null, null],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([2, 3, 4]);
    expect(skippedRows(table)).toEqual([[5, "note"]]);
  });

  it("skips signature, seal and date lines under the table", () => {
    const rows: CellValue[][] = [
      header,
      data("项目甲"),
      [],
      ["填报单位（盖章）：区委组织部", null, null, null, "填报日期：2025年3月1日"],
      ["单位负责人：", "张三", "财务负责人：", "李四", "填表人：王五"],
      ["（单位盖章）"],
      ["编制单位：区委组织部"],
      [null, null, null, null, "填报日期：2025年3月1日"],
    ];
    const table = found(detectTable(sheet(rows)));
    expect(rowNumbers(table)).toEqual([2]);
    expect(skippedRows(table).map(([, reason]) => reason)).toEqual(["note", "note", "note", "note", "note"]);
  });

  it("skips a header printed again after a page break", () => {
    const table = found(detectTable(sheet([header, data("项目甲"), header, data("项目乙")])));
    expect(rowNumbers(table)).toEqual([2, 4]);
    expect(skippedRows(table)).toEqual([[3, "repeatedHeader"]]);
  });

  it("skips notes and totals", () => {
    const table = found(
      detectTable(
        sheet([
          header,
          data("项目甲"),
          ["合计", null, null, null, null, 350],
          [null, null, "填报说明：绩效指标按“一级指标：三级指标，年度指标值”填写。", null, null],
          data("项目乙"),
          ["注：本表金额单位为万元。", null, null, null, null],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([2, 5]);
    expect(skippedRows(table)).toEqual([
      [3, "note"],
      [4, "note"],
      [6, "note"],
    ]);
  });

  it("does not read a project whose name starts like a note word as a note", () => {
    const table = found(detectTable(sheet([header, [DEPT, DEPT, "注册资本补充项目", "目标", CELL]])));
    expect(rowNumbers(table)).toEqual([2]);
  });

  it("skips separator lines of any dash and a column-number row as junk", () => {
    const table = found(
      detectTable(
        sheet([
          header,
          [1, 2, 3, 4, 5],
          data("项目甲"),
          ["————", "———", null, null, "＿＿＿"],
          [null, null, null, null, null, "说明文字在表外"],
          data("项目乙"),
          ["=====", null, null, null, null],
          ["～～～～～～"],
          data("项目丙"),
          ["************", null, "═══════", null, "……"],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([3, 6, 9]);
    expect(skippedRows(table)).toEqual([
      [2, "junk"],
      [4, "dashes"],
      [5, "junk"],
      [7, "dashes"],
      [8, "dashes"],
      [10, "dashes"],
    ]);
  });

  it("reports blank rows between data rows but not the trailing ones at the sheet's end", () => {
    const table = found(
      detectTable(
        sheet([header, [null], data("项目甲"), ["", "  ", null], data("项目乙"), [null], ["注：单位万元"], [], [null, null], ["   "]]),
      ),
    );
    expect(rowNumbers(table)).toEqual([3, 5]);
    expect(skippedRows(table)).toEqual([
      [2, "blank"],
      [4, "blank"],
      [7, "note"],
    ]);
  });
});

describe("when there is no table", () => {
  it("says an empty sheet is empty", () => {
    expect(detectTable(sheet([]))).toEqual({ ok: false, failure: { kind: "empty" } });
    expect(detectTable(sheet([[null, ""], ["   ", "\n"]]))).toEqual({ ok: false, failure: { kind: "empty" } });
  });

  it("finds no header in a sheet of prose", () => {
    const prose = sheet([
      ["关于做好2025年度项目支出绩效目标填报工作的通知"],
      ["各单位：为进一步加强预算绩效管理，现将有关事项通知如下。"],
      ["一、请各单位按要求填写项目名称、绩效目标和绩效指标。"],
      ["二、请于3月31日前报送。"],
    ]);
    expect(detectTable(prose)).toEqual({ ok: false, failure: { kind: "noHeader" } });
  });

  it("names the header row when it has no indicator column", () => {
    const result = detectTable(sheet([[TITLE], ["主管部门", "预算单位", "项目名称", "绩效目标"], [DEPT, DEPT, "项目甲", "目标"]]));
    expect(result).toEqual({ ok: false, failure: { kind: "noIndicatorColumn", headerRowNumber: 2 } });
  });
});

describe("the user's override", () => {
  const rows: CellValue[][] = [
    ["部门A", "单位B", "名称C", "内容D", "说明E"],
    [DEPT, DEPT, "项目甲", "目标", CELL],
    [DEPT, DEPT, "项目乙", "目标", CELL],
  ];

  it("maps the columns of a header the detector cannot read", () => {
    expect(detectTable(sheet(rows))).toEqual({ ok: false, failure: { kind: "noHeader" } });
    const table = found(detectTable(sheet(rows), { headerRowNumber: 1, columns: { project: 2, indicators: 4, department: 0 } }));
    expect(table.headerRowIndex).toBe(0);
    expect(table.layout).toBe("cell");
    expect(table.columns).toEqual({ department: 0, project: 2, indicators: 4 });
    expect(rowNumbers(table)).toEqual([2, 3]);
  });

  it("replaces one detected column and drops the role that column had", () => {
    const header = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
    const table = found(detectTable(sheet([header, [DEPT, DEPT, "项目甲", CELL, "备注"]]), { columns: { indicators: 3 } }));
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, indicators: 3 });
  });

  it("removes a role set to undefined", () => {
    const header = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
    const table = found(detectTable(sheet([header, [DEPT, DEPT, "项目甲", "目标", CELL]]), { columns: { goal: undefined } }));
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, indicators: 4 });
  });

  it("moves the header to the row the user names, and the rows above become titles", () => {
    // An outdated header left above the real one: detection takes the upper row on a tie.
    const header = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
    const values = [header, header, [DEPT, DEPT, "项目甲", "目标", CELL]];
    expect(found(detectTable(sheet(values))).headerRowIndex).toBe(0);
    const table = found(detectTable(sheet(values), { headerRowNumber: 2 }));
    expect(table.headerRowIndex).toBe(1);
    expect(skippedRows(table)).toEqual([[1, "title"]]);
    expect(rowNumbers(table)).toEqual([3]);
  });

  it("fails with the user's header row when nothing maps an indicator column", () => {
    expect(detectTable(sheet(rows), { headerRowNumber: 1 })).toEqual({
      ok: false,
      failure: { kind: "noIndicatorColumn", headerRowNumber: 1 },
    });
  });
});

describe("footers, notes and section headings below the header", () => {
  const header: CellValue[] = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
  const data = (project: string): CellValue[] => [DEPT, DEPT, project, "目标", CELL];

  it("skips totals written with spaces or beside a count, signature lines, dates and the lines under 注：", () => {
    const table = found(
      detectTable(
        sheet([
          header,
          data("项目甲"),
          data("项目乙"),
          [null, null, "合　计"],
          ["合计", null, "2个项目"],
          ["注："],
          ["1.绩效指标按“一级指标：三级指标，年度指标值：”格式填写；"],
          ["2.金额单位为万元。"],
          ["单位负责人：李四", null, "填表人：张三", null, "联系电话：12345678"],
          ["部门负责人：王五", null, "审核：赵六"],
          ["填报日期：2025年1月10日"],
          ["以下空白"],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([2, 3]);
    expect(skippedRows(table)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => [n, "note"]));
  });

  it("reads a data row again after the notes, and keeps a data row with an empty indicator cell", () => {
    const table = found(
      detectTable(sheet([header, data("项目甲"), ["注：本表金额单位为万元。"], ["1.说明一"], data("项目乙"), [DEPT, DEPT, "项目丙", "目标", null]])),
    );
    expect(rowNumbers(table)).toEqual([2, 5, 6]);
    expect(skippedRows(table)).toEqual([
      [3, "note"],
      [4, "note"],
    ]);
  });

  it("does not take an indicator cell that starts like a label for a signature", () => {
    const table = found(detectTable(sheet([header, [null, null, null, null, "完成日期：2025年12月31日前"]])));
    expect(rowNumbers(table)).toEqual([2]);
  });

  it("skips section headings between blocks as titles, not data", () => {
    const table = found(
      detectTable(
        sheet([
          header,
          ["一、本级项目"],
          data("项目甲"),
          ["二、转移支付项目", null, null, null, null],
          data("项目乙"),
          ["（一）XX中心"],
          [null, "(二) XX所"],
          data("项目丙"),
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([3, 5, 8]);
    expect(skippedRows(table)).toEqual([
      [2, "title"],
      [4, "title"],
      [6, "title"],
      [7, "title"],
    ]);
  });

  it("keeps a row as data when a heading-like first cell comes with a project or indicators", () => {
    const table = found(detectTable(sheet([header, ["一、本级项目", DEPT, "项目甲", "目标", null]])));
    expect(rowNumbers(table)).toEqual([2]);
  });

  it("skips totals and signatures under an item-per-row table", () => {
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
          ["项目甲", "产出指标", "数量指标", "培训人数", "≥200人"],
          ["小　计", null, null, null, null],
          ["填表人：张三", null, null, "联系电话：12345678"],
        ]),
      ),
    );
    expect(rowNumbers(table)).toEqual([2]);
    expect(skippedRows(table)).toEqual([
      [3, "note"],
      [4, "note"],
    ]);
  });

  it("skips a total with a count in the value column, under the notes or not", () => {
    const rows: CellValue[][] = [
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
      ["项目甲", "产出指标", "数量指标", "培训人数", "≥200人"],
      ["合计", null, null, null, "1个项目"],
    ];
    expect(skippedRows(found(detectTable(sheet(rows))))).toEqual([[3, "note"]]);
    const noted = found(detectTable(sheet([...rows.slice(0, 2), ["注：满意度指标不低于85%。"], rows[2] as CellValue[]])));
    expect(rowNumbers(noted)).toEqual([2]);
    expect(skippedRows(noted)).toEqual([
      [3, "note"],
      [4, "note"],
    ]);
  });
});

describe("indicator-column words that name another column in the other layout", () => {
  it.each(["绩效指标值", "绩效指标及指标值", "年度绩效指标及目标值", "指标内容", "绩效目标及指标"])(
    "reads %s as the indicator column of a table without 一级/三级 columns",
    (word) => {
      const table = found(detectTable(sheet([["主管部门", "项目名称", "绩效目标", word], [DEPT, "项目甲", "目标", CELL]])));
      expect(table.layout).toBe("cell");
      expect(table.columns).toEqual({ department: 0, project: 1, goal: 2, indicators: 3 });
      expect(rowNumbers(table)).toEqual([2]);
    },
  );

  it.each(["指标内容", "具体指标", "绩效指标"])("reads %s between 二级指标 and 指标值 as the 三级 name column", (word) => {
    const table = found(
      detectTable(sheet([["一级指标", "二级指标", word, "指标值"], ["产出指标", "数量指标", "培训人次", "≥200人次"]])),
    );
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ level1: 0, level2: 1, level3: 2, value: 3 });
  });

  it.each(["指标类型", "指标类别"])("reads %s as the 一级 column beside 指标内容 and 目标值", (word) => {
    const table = found(detectTable(sheet([["项目名称", word, "指标内容", "目标值"], ["项目甲", "产出指标", "培训人次", "≥200人次"]])));
    expect(table.layout).toBe("itemPerRow");
    expect(table.columns).toEqual({ project: 0, level1: 1, level3: 2, value: 3 });
  });

  it("reads the 一级 from 一级指标 when 指标类型 stands beside it", () => {
    const table = found(
      detectTable(sheet([["项目名称", "指标类型", "一级指标", "二级指标", "三级指标", "指标值"], ["项目甲", "定量", "产出指标", "数量指标", "培训人次", "≥200人次"]])),
    );
    expect(table.columns).toEqual({ project: 0, level1: 2, level2: 3, level3: 4, value: 5 });
  });

  it("does not read a 指标类型 saying 定量/定性 as the 一级", () => {
    const rows = [
      ["项目名称", "指标类型", "三级指标", "指标值"],
      ["项目甲", "定量", "培训人次", "≥200人次"],
      [null, "定性指标", "培训效果", "明显提升"],
    ];
    expect(found(detectTable(sheet(rows))).columns).toEqual({ project: 0, level3: 2, value: 3 });
    // One 一级 among them: the column is the 一级 column, its 定量 a wrong 一级.
    const mixed = [...rows, [null, "产出指标", "培训天数", "≥3天"]];
    expect(found(detectTable(sheet(mixed))).columns).toEqual({ project: 0, level1: 1, level3: 2, value: 3 });
    // A column headed 一级指标 stays the 一级 column whatever it holds.
    const named = rows.map((r, i) => (i === 0 ? ["项目名称", "一级指标", "三级指标", "指标值"] : r));
    expect(found(detectTable(sheet(named))).columns).toEqual({ project: 0, level1: 1, level3: 2, value: 3 });
  });
});

describe("wide headers and unknown sub-headers", () => {
  const wide = ["单位编码", "单位名称", "项目编码", "项目名称", "项目类别", "项目属性", "实施周期", "开始年度", "结束年度", "资金总额（万元）", "财政拨款", "其他资金", "绩效目标", "绩效指标"];

  it("reads a budget-system export whose header is mostly words we do not know", () => {
    const row = ["101001", "XX局", "11010125T000001", "党建工作经费", "其他运转类", "延续项目", "一年", "2025", "2025", 50, 50, 0, "目标", CELL];
    const table = found(detectTable(sheet([["项目支出绩效目标表"], wide, row])));
    expect(table.headerRowIndex).toBe(1);
    expect(table.columns).toEqual({ unit: 1, project: 3, amount: 9, goal: 12, indicators: 13 });
    expect(rowNumbers(table)).toEqual([3]);
  });

  it("does not take a row with numbers or long texts for such a header", () => {
    const withNumber = ["单位编码", "项目名称", "项目编码", "项目类别", "项目属性", "绩效指标", 2025];
    expect(detectTable(sheet([withNumber]))).toEqual({ ok: false, failure: { kind: "noHeader" } });
    const withProse = ["单位编码", "项目名称", "项目编码", "项目类别", "请按一级指标、三级指标、年度指标值的格式填写", "绩效指标"];
    expect(detectTable(sheet([withProse]))).toEqual({ ok: false, failure: { kind: "noHeader" } });
  });

  it("reads the lower row of a two-row header with words we do not know as header, not data", () => {
    // 项目名称 (A1:A2) | 绩效目标 (B1:C1) | 绩效指标 (D1:D2): the host copies merged cells down.
    const table = found(
      detectTable(
        sheet([
          ["项目名称", "绩效目标", null, "绩效指标"],
          ["项目名称", "中长期目标", "年度目标", "绩效指标"],
          ["项目甲", "三年目标", "年度目标甲", CELL],
        ]),
      ),
    );
    expect(table.headerRowIndex).toBe(1);
    expect(table.columns).toEqual({ project: 0, goal: 1, indicators: 3 });
    expect(rowNumbers(table)).toEqual([3]);
    expect(table.skipped).toEqual([]);
  });
});
