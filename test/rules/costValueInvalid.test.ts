import { costValueInvalidRule } from "../../src/core/rules/costValueInvalid";
import { CLEAN } from "./cells";
import { itemCodes } from "./harness";

describe("cost_value_invalid", () => {
  it("flags 成本指标：人均成本，合格", () => {
    expect(itemCodes(costValueInvalidRule, "1、成本指标：人均成本，年度指标值：合格。")).toEqual([[1, "cost_value_invalid"]]);
  });

  it("flags a cost in a count unit", () => {
    expect(itemCodes(costValueInvalidRule, "1、成本指标（经济成本指标）：设备购置成本，年度指标值：≤5台。")).toEqual([[1, "cost_value_invalid"]]);
  });

  it("accepts amounts, unit costs and control rates", () => {
    expect(
      itemCodes(costValueInvalidRule, "1、成本指标：项目总成本，年度指标值：≤50万元。2、成本指标：人均培训成本，年度指标值：≤200元/人。3、成本指标：预算成本控制率，年度指标值：≤100%。"),
    ).toEqual([]);
    expect(itemCodes(costValueInvalidRule, CLEAN)).toEqual([]);
  });

  it("leaves social and ecological costs, described in words, alone", () => {
    expect(itemCodes(costValueInvalidRule, "1、成本指标（生态环境成本指标）：对周边环境的影响，年度指标值：无明显影响。")).toEqual([]);
  });
});
