import { percentOver100Rule } from "../../src/core/rules/percentOver100";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { itemCodes } from "./harness";

describe("percent_over_100", () => {
  it("flags a rate above 100%", () => {
    expect(itemCodes(percentOver100Rule, "1、产出指标：验收合格率，年度指标值：≥120%。2、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [1, "percent_over_100"],
    ]);
  });

  it("flags a satisfaction above 100%", () => {
    expect(itemCodes(percentOver100Rule, "1、满意度指标：服务群体满意率，年度指标值：110%。")).toEqual([[1, "percent_over_100"]]);
  });

  it("reads 有效率 and 成功率 as rates (有效 + 率, 成功 + 率), 效率 as no rate", () => {
    expect(itemCodes(percentOver100Rule, "1、效益指标：康复训练有效率，年度指标值：≥120%。2、效益指标：审批效率，年度指标值：≥120%。3、效益指标：纠纷调解成功率，年度指标值：≥120%。")).toEqual([
      [1, "percent_over_100"],
      [3, "percent_over_100"],
    ]);
  });

  it("leaves non-rates above 100% alone (growth, amounts)", () => {
    expect(itemCodes(percentOver100Rule, "1、效益指标：村集体经济收入增长，年度指标值：≥120%。2、产出指标：培训人数，年度指标值：≥200人。")).toEqual([]);
  });

  it("leaves a cap above 100% alone: ≤105% can be met", () => {
    expect(itemCodes(percentOver100Rule, "1、成本指标：预算成本控制率，年度指标值：≤105%。")).toEqual([]);
  });

  it("does not fire on exactly 100% (rate_ge_100's business)", () => {
    expect(itemCodes(percentOver100Rule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(percentOver100Rule, CLEAN)).toEqual([]);
  });

  it("leaves growth rates and multiples alone: they may pass 100% (增长率, 杠杆率)", () => {
    expect(itemCodes(percentOver100Rule, "1、效益指标：农产品销售额增长率，年度指标值：≥120%。2、效益指标：财政资金杠杆率，年度指标值：≥300%。")).toEqual([]);
  });

  it("flags >100% on a rate or satisfaction: nothing over 100% can be reached", () => {
    expect(itemCodes(percentOver100Rule, "1、产出指标：任务完成率，年度指标值：>100%。2、满意度指标：群众满意度，年度指标值：大于100%。3、产出指标：任务完成率，年度指标值：=100%。")).toEqual([
      [1, "percent_over_100"],
      [2, "percent_over_100"],
    ]);
  });
});
