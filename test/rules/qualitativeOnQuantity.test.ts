import { qualitativeOnQuantityRule } from "../../src/core/rules/qualitativeOnQuantity";
import { CLEAN, VILLAGE_OFFICE } from "./cells";
import { allItemCodes, dataRow, findingsOf, itemCodes } from "./harness";

describe("qualitative_on_quantity", () => {
  it("flags 资金拨付率 及时", () => {
    const findings = findingsOf(qualitativeOnQuantityRule, dataRow("1、产出指标：资金拨付率，年度指标值：及时。"));
    expect(findings.map((f) => [f.item, f.code, f.params?.measure])).toEqual([[1, "qualitative_on_quantity", "rate"]]);
  });

  it("flags a 有效率 described in words, not an efficiency", () => {
    expect(itemCodes(qualitativeOnQuantityRule, "1、效益指标：治疗有效率，年度指标值：有效提升。2、效益指标：行政效率，年度指标值：有效提升。")).toEqual([[1, "qualitative_on_quantity"]]);
  });

  it("flags a count and an amount described in words", () => {
    expect(itemCodes(qualitativeOnQuantityRule, "1、产出指标：培训人数，年度指标值：较多。2、效益指标：带动投资金额，年度指标值：较多。")).toEqual([
      [1, "qualitative_on_quantity"],
      [2, "qualitative_on_quantity"],
    ]);
  });

  it("leaves an economic cost in words to cost_value_invalid: one defect, one report", () => {
    const text = "1、成本指标：项目经费，年度指标值：合理。2、产出指标：亩均建设成本，年度指标值：合格。";
    expect(itemCodes(qualitativeOnQuantityRule, text)).toEqual([]);
    expect(allItemCodes(text)).toEqual(expect.arrayContaining([[1, "cost_value_invalid"], [2, "cost_value_invalid"]]));
  });

  it("accepts qualitative values on qualitative indicators (seed: 是, 合格, 长期)", () => {
    expect(itemCodes(qualitativeOnQuantityRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(qualitativeOnQuantityRule, "1、产出指标：通讯录等相关资料及时发放，年度指标值：及时。")).toEqual([]);
    expect(itemCodes(qualitativeOnQuantityRule, CLEAN)).toEqual([]);
  });

  it("accepts a change against last year with its size (较上年下降5%, 同比增长10%以上)", () => {
    const cell = "1、效益指标：传染病发生率，年度指标值：较上年下降5%。2、效益指标：刑事案件发案数，年度指标值：同比下降10%以上。3、效益指标：接待游客人数，年度指标值：比上年增长不低于8%。";
    expect(itemCodes(qualitativeOnQuantityRule, cell)).toEqual([]);
    expect(itemCodes(qualitativeOnQuantityRule, "1、效益指标：传染病发生率，年度指标值：有所下降。")).toEqual([[1, "qualitative_on_quantity"]]);
  });

  it("accepts zero said in words on something bad (零事故, 零伤亡, 无), not on a count to do more of", () => {
    const cell =
      "1、效益指标：校舍安全事故发生次数，年度指标值：零事故。2、效益指标：安全事故发生率，年度指标值：零。" +
      "3、效益指标：特种设备事故次数，年度指标值：无。4、效益指标：安全事故发生起数，年度指标值：无重大安全事故。";
    expect(itemCodes(qualitativeOnQuantityRule, cell)).toEqual([]);
    expect(itemCodes(qualitativeOnQuantityRule, "1、产出指标：检查企业数量，年度指标值：无。2、效益指标：安全事故发生率，年度指标值：较低。")).toEqual([
      [1, "qualitative_on_quantity"],
      [2, "qualitative_on_quantity"],
    ]);
  });
});

describe("qualitative_on_quantity on amounts ending in 额", () => {
  it("flags 征收额, 投资额, 总额 described in words, as 金额 is", () => {
    const cell = "1、产出指标：水资源费征收额，年度指标值：合格。2、产出指标：道路建设投资额，年度指标值：及时。3、效益指标：项目资金总额，年度指标值：良好。4、产出指标：补助资金金额，年度指标值：及时。";
    expect(itemCodes(qualitativeOnQuantityRule, cell)).toEqual([
      [1, "qualitative_on_quantity"],
      [2, "qualitative_on_quantity"],
      [3, "qualitative_on_quantity"],
      [4, "qualitative_on_quantity"],
    ]);
  });

  it("leaves 足额, 份额 alone", () => {
    expect(itemCodes(qualitativeOnQuantityRule, "1、产出指标：补助资金足额，年度指标值：是。2、效益指标：市场份额，年度指标值：稳定。")).toEqual([]);
  });

  it("leaves a price level watched alone (`生活必需品价格` 基本稳定: no sum to deliver), not a unit price", () => {
    expect(itemCodes(qualitativeOnQuantityRule, "1、效益指标：市民基本生活必需品价格，年度指标值：基本稳定。2、产出指标：保障房租赁单价，年度指标值：合理。")).toEqual([
      [2, "qualitative_on_quantity"],
    ]);
  });
});
