import { satisfactionNotPercentRule } from "../../src/core/rules/satisfactionNotPercent";
import { CLEAN, TALENT } from "./cells";
import { itemCodes } from "./harness";

describe("satisfaction_not_percent", () => {
  it("flags 群众满意度 高", () => {
    expect(itemCodes(satisfactionNotPercentRule, "1、满意度指标：群众满意度，年度指标值：高。")).toEqual([[1, "satisfaction_not_percent"]]);
  });

  it("flags a score and a word under the 满意度 category (seed row 19)", () => {
    expect(itemCodes(satisfactionNotPercentRule, "1、满意度指标：服务对象满意度，年度指标值：≥90分。2、满意度指标：让患病干部感受到党组织的关心和关怀，年度指标值：效果显著。")).toEqual([
      [1, "satisfaction_not_percent"],
      [2, "satisfaction_not_percent"],
    ]);
  });

  it("leaves a time about the survey to the 时效 rules, filed under 产出 or 满意度", () => {
    expect(itemCodes(satisfactionNotPercentRule, "1、产出指标：满意度调查完成时间，年度指标值：12月底前。2、满意度指标：服务对象满意度调查完成时间，年度指标值：12月底前。")).toEqual([]);
    expect(itemCodes(satisfactionNotPercentRule, "1、产出指标：满意度调查结果，年度指标值：良好。")).toEqual([[1, "satisfaction_not_percent"]]);
  });

  it("accepts percentages, however worded (服务群体满意率 不低于90%)", () => {
    expect(itemCodes(satisfactionNotPercentRule, TALENT)).toEqual([]);
    expect(itemCodes(satisfactionNotPercentRule, CLEAN)).toEqual([]);
  });
});
