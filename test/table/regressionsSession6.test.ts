import { checkSheetTables } from "../../src/core/check";
import { detectTable } from "../../src/core/table/detectTable";
import type { CellValue, DetectedTable } from "../../src/core/model";

const CELL = "1、产出指标：养护里程，年度指标值：≥320公里。2、效益指标：优良路率，年度指标值：≥85%。3、满意度指标：群众满意度，年度指标值：≥90%。";
const HEADER: CellValue[] = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];

function table(values: CellValue[][]): DetectedTable {
  const result = detectTable({ name: "表", values });
  if (!result.ok) throw new Error(result.failure.kind);
  return result.table;
}

describe("the table heuristics stay off ordinary rows", () => {
  it("reads a project named 一、二级… beside its 绩效目标 as data, its empty indicator cell an error", () => {
    const t = table([HEADER, ["区交通运输局", "区公路事务中心", "农村公路养护", "目标", CELL], ["", "", "一、二级公路大中修工程", "完成大中修", ""]]);
    expect(t.dataRowIndexes).toEqual([1, 2]);
  });

  it("ends the notes under 注： at a row writing a project's name and unit", () => {
    const t = table([
      HEADER,
      ["区卫健局", "区人民医院", "项目一", "目标", CELL],
      ["注：以下为上级转移支付项目"],
      ["区卫健局", "区人民医院", "项目二", "目标", ""],
    ]);
    expect(t.dataRowIndexes).toEqual([1, 3]);
    expect(t.skipped).toEqual([{ rowIndex: 2, reason: "note" }]);
  });

  it("takes no sample laid out as a small table in the instructions for the sheet's first table", () => {
    const values: CellValue[][] = [
      ["填报说明"],
      ["项目名称", "绩效目标", "绩效指标"],
      ["填写项目全称", "填写年度绩效目标", "按“1、一级指标：三级指标，年度指标值：XX。”填写"],
      [],
      ["2025年项目支出绩效目标表"],
      HEADER,
      ["区卫健局", "区人民医院", "公立医院改革补助", "目标", CELL],
    ];
    const outcomes = checkSheetTables({ name: "表", values });
    expect(outcomes.map((o) => o.ok && o.check.table.headerRowIndex)).toEqual([5]);
  });

  it("reads no instruction beside a form's field as its value: the project's name is missing there", () => {
    const t = table([
      ["项目名称", "填写预算系统中的项目全称"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人次", "≥200人次"],
    ]);
    expect(t.formFields).toEqual({ project: { rowIndex: 0, columnIndex: 1, text: "" } });
  });
});
