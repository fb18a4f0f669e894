import { percentOver100Rule } from "../../src/core/rules/percentOver100";
import { qualitativeOnQuantityRule } from "../../src/core/rules/qualitativeOnQuantity";
import { rateGe100Rule } from "../../src/core/rules/rateGe100";
import { satisfactionThresholdRule } from "../../src/core/rules/satisfactionThreshold";
import { unitMissingRule } from "../../src/core/rules/unitMissing";
import { allItemCodes, itemCodes } from "./harness";

describe("rules on ratios (1:5) and percentages in words (百分之九十)", () => {
  const ratios = "1、效益指标（经济效益指标）：消费券杠杆率，年度指标值：≥1:5。2、效益指标：财政资金放大倍数，年度指标值：1:5。3、效益指标：带动比 ≥1：8。4、效益指标：资金撬动比例1:3。";

  it("takes a ratio for a quantity: no qualitative_on_quantity, no unit_missing, no percent rule", () => {
    expect(itemCodes(qualitativeOnQuantityRule, ratios)).toEqual([]);
    expect(itemCodes(unitMissingRule, ratios)).toEqual([]);
    const codes = allItemCodes(ratios).map(([, code]) => code);
    for (const code of ["percent_over_100", "percent_on_count", "rate_ge_100", "number_garbled"]) expect(codes).not.toContain(code);
  });

  it("sees the number of a percentage in words: rate_ge_100, percent_over_100, satisfaction_threshold", () => {
    expect(itemCodes(rateGe100Rule, "1、产出指标：拨付完成率，年度指标值：≥百分之百。")).toEqual([[1, "rate_ge_100"]]);
    expect(itemCodes(percentOver100Rule, "1、产出指标：验收合格率，年度指标值：百分之一百二十。")).toEqual([[1, "percent_over_100"]]);
    expect(itemCodes(satisfactionThresholdRule, "1、满意度指标：群众满意度，年度指标值：不低于百分之八十。")).toEqual([[1, "satisfaction_threshold"]]);
    const words = "1、产出指标：资金拨付率，年度指标值：百分之九十。2、效益指标：群众知晓率，年度指标值：不低于百分之九十五。";
    expect(itemCodes(qualitativeOnQuantityRule, words)).toEqual([]);
  });
});
