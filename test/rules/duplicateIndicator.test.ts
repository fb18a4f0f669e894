import { duplicateIndicatorRule } from "../../src/core/rules/duplicateIndicator";
import { CLEAN, TWO_NEW } from "./cells";
import { dataRow, findingsOf, itemCodes } from "./harness";

describe("duplicate_indicator", () => {
  it("flags the second occurrence of an indicator and points back at the first", () => {
    const row = dataRow("1、产出指标：经费是否按时拨付，年度指标值：是。2、效益指标：党建工作保障进一步强化，年度指标值：合格。3、产出指标：经费是否按时拨付，年度指标值：是。");
    const findings = findingsOf(duplicateIndicatorRule, row);
    expect(findings.map((f) => [f.item, f.code])).toEqual([[3, "duplicate_indicator"]]);
    expect(findings[0]?.params).toMatchObject({ first: 1 });
  });

  it("sees through a trailing 指标 and spaces", () => {
    expect(itemCodes(duplicateIndicatorRule, "1、产出指标：拨付完成率指标，年度指标值：100%。2、产出指标：拨付完成率 ，年度指标值：100%。")).toEqual([[2, "duplicate_indicator"]]);
  });

  it("accepts distinct indicators, even with shared words", () => {
    expect(itemCodes(duplicateIndicatorRule, TWO_NEW)).toEqual([]);
    expect(itemCodes(duplicateIndicatorRule, CLEAN)).toEqual([]);
  });
});
