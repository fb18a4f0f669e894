import { resolveSeverities } from "../../src/core/rules/settings";
import { satisfactionOrCostMissingRule } from "../../src/core/rules/satisfactionOrCostMissing";
import { CADRE_TRAINING, CLEAN, VILLAGE_OFFICE } from "./cells";
import { dataRow, findingsOf } from "./harness";

const missing = (text: string) => findingsOf(satisfactionOrCostMissingRule, dataRow(text)).map((f) => [f.code, f.params?.missing]);

describe("satisfaction_or_cost_missing", () => {
  it("flags a cell with neither", () => {
    expect(missing(VILLAGE_OFFICE)).toEqual([["satisfaction_or_cost_missing", "both"]]);
  });

  it("flags a cell with satisfaction but no cost (seed row 25)", () => {
    expect(missing(CADRE_TRAINING)).toEqual([["satisfaction_or_cost_missing", "cost"]]);
  });

  it("counts the pre-2021 产出-成本指标 as a cost indicator", () => {
    expect(missing("1、产出指标（成本指标）：人均培训成本，年度指标值：≤500元/人。2、满意度指标：参训学员满意度，年度指标值：≥90%。")).toEqual([]);
  });

  it("stays quiet with both, and on an empty cell", () => {
    expect(missing(CLEAN)).toEqual([]);
    expect(missing("")).toEqual([]);
  });

  it("is info by default and a warning under the 2021 profile", () => {
    expect(resolveSeverities().satisfaction_or_cost_missing).toBe("info");
    expect(resolveSeverities({ profile: "2021" }).satisfaction_or_cost_missing).toBe("warning");
  });
});
