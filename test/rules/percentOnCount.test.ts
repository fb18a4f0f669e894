import { percentOnCountRule } from "../../src/core/rules/percentOnCount";
import { CADRE_TRAINING, CLEAN, PARTY_DELEGATE, TWO_NEW } from "./cells";
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
