import { positiveTargetZeroRule } from "../../src/core/rules/positiveTargetZero";
import { CLEAN } from "./cells";
import { itemCodes } from "./harness";

describe("positive_target_zero", () => {
  it("flags ≥0个 on an output", () => {
    expect(itemCodes(positiveTargetZeroRule, "1、产出指标：新建党群服务中心数量，年度指标值：≥0个。")).toEqual([[1, "positive_target_zero"]]);
  });

  it("flags >0 and a bare 0 on positive indicators", () => {
    expect(itemCodes(positiveTargetZeroRule, "1、产出指标：培训人数，年度指标值：>0人。2、产出指标：培训期数，年度指标值：0期。")).toEqual([
      [1, "positive_target_zero"],
      [2, "positive_target_zero"],
    ]);
  });

  it("accepts zero on a negative indicator and ≤0", () => {
    expect(itemCodes(positiveTargetZeroRule, "1、效益指标：安全事故发生次数，年度指标值：0次。2、效益指标：有效投诉次数，年度指标值：≤0次。")).toEqual([]);
    expect(itemCodes(positiveTargetZeroRule, CLEAN)).toEqual([]);
  });

  it("accepts zero on things that should not happen (发生次数, 上访, 挪用)", () => {
    const cell = [
      "1、效益指标：食品安全问题发生次数，年度指标值：0次。",
      "2、效益指标：火灾发生起数，年度指标值：0起。",
      "3、效益指标：群众上访次数，年度指标值：0次。",
      "4、产出指标：资金挪用金额，年度指标值：0元。",
    ].join("");
    expect(itemCodes(positiveTargetZeroRule, cell)).toEqual([]);
  });

  it("accepts zero adverse events (突发环境事件 0起, 疫情)", () => {
    expect(itemCodes(positiveTargetZeroRule, "1、效益指标：突发环境事件，年度指标值：0起。2、效益指标：突发公共卫生事件，年度指标值：0起。3、效益指标：重大动物疫情，年度指标值：0起。")).toEqual([]);
  });
});
