import { percentOnCountRule } from "../../src/core/rules/percentOnCount";
import { CADRE_TRAINING, CLEAN, PARTY_DELEGATE, TWO_NEW } from "./cells";
import { classifyName } from "../../src/core/rules/classify";
import { itemCodes } from "./harness";

describe("percent_on_count", () => {
  it("flags 党代会年会制试点镇数量指标 ≥100%", () => {
    expect(itemCodes(percentOnCountRule, PARTY_DELEGATE)).toEqual([[2, "percent_on_count"]]);
  });

  it("flags 参加网络视频学习课程数量 ≥95% but not the rates around it", () => {
    expect(itemCodes(percentOnCountRule, CADRE_TRAINING)).toEqual([[3, "percent_on_count"]]);
  });

  it("does not flag a ratio of counts written as a fraction", () => {
    expect(itemCodes(percentOnCountRule, TWO_NEW)).toEqual([]);
  });

  it("does not flag a count with a count unit", () => {
    expect(itemCodes(percentOnCountRule, "1、产出指标：全区远教站点数，年度指标值：257个。")).toEqual([]);
    expect(itemCodes(percentOnCountRule, CLEAN)).toEqual([]);
  });
});

describe("A占B is a ratio, as A/B is", () => {
  it("reads 实际改造户数占计划改造户数 as a rate: a percentage is right on it", () => {
    expect(classifyName("实际改造户数占计划改造户数")).toMatchObject({ measure: "rate", fraction: true });
    const cell = "1、产出指标：实际改造户数占计划改造户数，年度指标值：≥95%。2、产出指标：实际资助人数占应资助人数，年度指标值：100%。";
    expect(itemCodes(percentOnCountRule, cell)).toEqual([]);
  });

  it("leaves 占 that is no share alone (占地, 占用: no quantity before it)", () => {
    expect(classifyName("项目占地户数")).toMatchObject({ measure: "count", fraction: false });
    expect(classifyName("耕地占用面积").fraction).toBe(false);
    expect(itemCodes(percentOnCountRule, "1、产出指标：项目占地户数，年度指标值：≥95%。")).toEqual([[1, "percent_on_count"]]);
  });
});
