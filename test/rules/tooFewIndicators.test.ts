import { tooFewIndicatorsRule } from "../../src/core/rules/tooFewIndicators";
import { VILLAGE_OFFICE } from "./cells";
import { cellCodes, dataRow, findingsOf } from "./harness";

describe("too_few_indicators", () => {
  it("flags a cell of two indicators", () => {
    const row = dataRow("1、产出指标：培训人数，年度指标值：≥200人。2、效益指标：党员教育覆盖率，年度指标值：≥90%。", 14);
    expect(cellCodes(tooFewIndicatorsRule, row)).toEqual([["E14", "too_few_indicators"]]);
    expect(findingsOf(tooFewIndicatorsRule, row)[0]?.params).toEqual({ count: 2 });
  });

  it("accepts three or more, and leaves an empty cell to indicator_cell_empty", () => {
    expect(cellCodes(tooFewIndicatorsRule, dataRow("1、产出指标：培训人数，年度指标值：≥200人。2、产出指标：培训期数，年度指标值：≥5期。3、效益指标：党员教育覆盖率，年度指标值：≥90%。"))).toEqual([]);
    expect(cellCodes(tooFewIndicatorsRule, dataRow(VILLAGE_OFFICE))).toEqual([]);
    expect(cellCodes(tooFewIndicatorsRule, dataRow(""))).toEqual([]);
  });
});
