import { negativeDirectionGeRule } from "../../src/core/rules/negativeDirectionGe";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { itemCodes } from "./harness";

describe("negative_direction_ge", () => {
  it("flags 逾期发放率 ≥100%", () => {
    expect(itemCodes(negativeDirectionGeRule, "1、产出指标：逾期发放率，年度指标值：≥100%。")).toEqual([[1, "negative_direction_ge"]]);
  });

  it("flags complaints, faults and 不合格率 with ≥ or >", () => {
    expect(
      itemCodes(negativeDirectionGeRule, "1、效益指标：群众投诉率，年度指标值：≥5%。2、产出指标：设备故障率，年度指标值：>2%。3、产出指标：验收不合格率，年度指标值：≥1%。"),
    ).toEqual([
      [1, "negative_direction_ge"],
      [2, "negative_direction_ge"],
      [3, "negative_direction_ge"],
    ]);
  });

  it("accepts ≤ on negative indicators, and remedies of them with ≥ (投诉处理率, 隐患整改率)", () => {
    expect(itemCodes(negativeDirectionGeRule, "1、效益指标：群众投诉率，年度指标值：≤5%。2、产出指标：投诉处理率，年度指标值：≥95%。3、产出指标：安全隐患整改率，年度指标值：≥98%。")).toEqual([]);
  });

  it("accepts ≥ on positive indicators (合格率 is not 不合格率)", () => {
    expect(itemCodes(negativeDirectionGeRule, "1、产出指标：验收合格率，年度指标值：≥98%。")).toEqual([]);
    expect(itemCodes(negativeDirectionGeRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(negativeDirectionGeRule, CLEAN)).toEqual([]);
  });

  it("flags errors and overdue work (数据错误率, 审批办件超期率) with ≥", () => {
    expect(itemCodes(negativeDirectionGeRule, "1、产出指标：数据错误率，年度指标值：≥1%。2、产出指标：审批办件超期率，年度指标值：≥5%。")).toEqual([
      [1, "negative_direction_ge"],
      [2, "negative_direction_ge"],
    ]);
  });

  it("accepts ≥ where the indicator remedies the bad thing (排除, 演练, 满意度, 盘活, 拆除, 清偿)", () => {
    const cell = [
      "1、产出指标：设备故障排除率，年度指标值：≥95%。",
      "2、产出指标：开展安全事故应急演练次数，年度指标值：≥2次。",
      "3、满意度指标：投诉人满意度，年度指标值：≥90%。",
      "4、效益指标：闲置资产盘活率，年度指标值：≥80%。",
      "5、产出指标：违法建设拆除面积，年度指标值：≥2000平方米。",
      "6、效益指标：拖欠农民工工资清偿率，年度指标值：100%。",
    ].join("");
    expect(itemCodes(negativeDirectionGeRule, cell)).toEqual([]);
  });

  it("flags concentrations, response times, unemployment and events with ≥; accepts pollution put right", () => {
    const flagged = [
      "1、效益指标：PM2.5年均浓度，年度指标值：≥35微克/立方米。",
      "2、产出指标：110接警响应时间，年度指标值：≥15分钟。",
      "3、效益指标：城镇调查失业率，年度指标值：≥5.5%。",
      "4、效益指标：刑事案件发案率，年度指标值：≥2%。",
      "5、效益指标：八类严重暴力犯罪案件发生率，年度指标值：≥2起/10万人。",
    ].join("");
    expect(itemCodes(negativeDirectionGeRule, flagged).map(([item]) => item)).toEqual([1, 2, 3, 4, 5]);
    const positive = [
      "1、效益指标：受污染耕地安全利用率，年度指标值：≥93%。",
      "2、效益指标：污染地块安全利用率，年度指标值：≥95%。",
      "3、效益指标：化学需氧量排放量削减，年度指标值：≥500吨。",
      "4、效益指标：主要污染物减排量，年度指标值：≥300吨。",
    ].join("");
    expect(itemCodes(negativeDirectionGeRule, positive)).toEqual([]);
  });

  it("reads the tail first: a share done is 正向 whatever it is about, a share of something bad 反向 whatever stands before", () => {
    const positive = [
      "1、产出指标：投诉电话接通率，年度指标值：≥95%。",
      "2、产出指标：传染病疫情报告及时率，年度指标值：≥95%。",
      "3、产出指标：火灾风险评估覆盖率，年度指标值：≥90%。",
      "4、产出指标：失业保险参保人数，年度指标值：≥5000人。",
      "5、产出指标：犯罪嫌疑人抓获率，年度指标值：≥90%。",
    ].join("");
    expect(itemCodes(negativeDirectionGeRule, positive)).toEqual([]);
    const negative = [
      "1、效益指标：农产品检测不合格率，年度指标值：≥2%。",
      "2、效益指标：隐患整改逾期率，年度指标值：≥5%。",
      "3、效益指标：水质不达标率，年度指标值：≥3%。",
      "4、效益指标：群众不满意率，年度指标值：≥5%。",
      "5、效益指标：重症患者病死率，年度指标值：≥1%。",
    ].join("");
    expect(itemCodes(negativeDirectionGeRule, negative).map(([item]) => item)).toEqual([1, 2, 3, 4, 5]);
    // 病死 before a thing removed is no share of deaths (forestry: 除治病死树).
    expect(itemCodes(negativeDirectionGeRule, "1、产出指标：除治病死树，年度指标值：≥1万株。")).toEqual([]);
  });
});
