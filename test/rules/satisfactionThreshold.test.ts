import { satisfactionThresholdRule } from "../../src/core/rules/satisfactionThreshold";
import { CADRE_TRAINING, CIVIL_SERVANT, CLEAN, TALENT } from "./cells";
import { dataRow, findingsOf, itemCodes } from "./harness";

const kinds = (text: string) => findingsOf(satisfactionThresholdRule, dataRow(text)).map((f) => [f.item, f.params?.kind]);

describe("satisfaction_threshold", () => {
  it("flags 参加培训学员满意度 ≥80% as low", () => {
    expect(kinds(CADRE_TRAINING)).toEqual([[5, "low"]]);
  });

  it("flags 80%以上 as low, however written", () => {
    expect(kinds(CIVIL_SERVANT)).toEqual([[3, "low"]]);
  });

  it("flags exactly 100%", () => {
    expect(kinds("1、满意度指标：服务对象满意度，年度指标值：100%。")).toEqual([[1, "exact"]]);
  });

  it("leaves ≥100% to rate_ge_100 and accepts 85%–99%", () => {
    expect(itemCodes(satisfactionThresholdRule, "1、满意度指标：服务对象满意度，年度指标值：≥100%。")).toEqual([]);
    expect(itemCodes(satisfactionThresholdRule, TALENT)).toEqual([]);
    expect(itemCodes(satisfactionThresholdRule, CLEAN)).toEqual([]);
  });

  it("ignores rates that are not satisfaction", () => {
    expect(itemCodes(satisfactionThresholdRule, "1、产出指标：参训组工信息员覆盖率，年度指标值：≥80%。")).toEqual([]);
  });

  it("leaves a dissatisfaction rate alone (群众不满意率 is a share of something bad)", () => {
    expect(itemCodes(satisfactionThresholdRule, "1、满意度指标：群众不满意率，年度指标值：≤5%。")).toEqual([]);
  });
});
