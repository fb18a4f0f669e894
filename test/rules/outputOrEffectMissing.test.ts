import { outputOrEffectMissingRule } from "../../src/core/rules/outputOrEffectMissing";
import { CLEAN, VILLAGE_OFFICE } from "./cells";
import { dataRow, findingsOf } from "./harness";

const missing = (text: string) => findingsOf(outputOrEffectMissingRule, dataRow(text)).map((f) => [f.code, f.params?.missing]);

describe("output_or_effect_missing", () => {
  it("flags a cell with outputs only", () => {
    expect(missing("1、产出指标：开展信息员培训，年度指标值：≥1期。2、产出指标：开展组织工作专题调研，年度指标值：≥1次。3、产出指标：组织工作专题调研成果，年度指标值：≥1篇。")).toEqual([
      ["output_or_effect_missing", "effect"],
    ]);
  });

  it("flags a cell with effects and satisfaction but no output", () => {
    expect(missing("1、效益指标：党建工作保障进一步强化，年度指标值：合格。2、满意度指标：服务群体满意率，年度指标值：≥90%。")).toEqual([
      ["output_or_effect_missing", "output"],
    ]);
  });

  it("counts an item that writes only its 二级 (数量指标, 社会效益指标) under the 一级 it implies", () => {
    expect(missing("1、数量指标：培训人数，年度指标值：≥200人。2、社会效益指标：知晓率，年度指标值：≥90%。")).toEqual([]);
    expect(missing("1、数量指标：培训人数，年度指标值：≥200人。2、质量指标：合格率，年度指标值：≥95%。")).toEqual([["output_or_effect_missing", "effect"]]);
  });

  it("counts the older 效果指标 as an effect indicator", () => {
    expect(missing("1、产出指标：培训人数，年度指标值：≥200人。2、效果指标：群众知晓率，年度指标值：≥90%。")).toEqual([]);
  });

  it("stays quiet when both are there, and on an empty cell", () => {
    expect(missing(VILLAGE_OFFICE)).toEqual([]);
    expect(missing(CLEAN)).toEqual([]);
    expect(missing("")).toEqual([]);
  });

  it("counts a misspelt 一级 that is plainly 产出 or 效益 (category_unknown reports the spelling)", () => {
    expect(missing("1、产出指数：培训人数，年度指标值：≥100人。2、效果指针：知晓率，年度指标值：≥90%。")).toEqual([]);
    expect(missing("1、产出指标：培训人数，年度指标值：≥100人。2、满意指针：满意度，年度指标值：≥90%。")).toEqual([["output_or_effect_missing", "effect"]]);
  });
});

