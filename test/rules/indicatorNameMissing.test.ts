import { checkSheet } from "../../src/core/check";
import { indicatorNameMissingRule } from "../../src/core/rules/indicatorNameMissing";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { dataRow, findingsOf, itemCodes, spanText } from "./harness";

describe("indicator_name_missing", () => {
  it("flags an item with a category and a value but no name, at its value", () => {
    const row = dataRow("1、产出指标：≥100人。2、效益指标：年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。");
    const findings = findingsOf(indicatorNameMissingRule, row);
    expect(findings.map((f) => [f.item, f.params?.value])).toEqual([
      [1, "≥100人"],
      [2, "≥90%"],
    ]);
    expect(spanText(row, findings[0]!)).toBe("≥100人");
  });

  it("leaves a cut-off item to value_missing and a bare value to category_unknown", () => {
    expect(itemCodes(indicatorNameMissingRule, "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标")).toEqual([]);
    expect(itemCodes(indicatorNameMissingRule, "1、≥90%")).toEqual([]);
  });

  it("raises nothing on named items (the seed's)", () => {
    expect(itemCodes(indicatorNameMissingRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(indicatorNameMissingRule, CLEAN)).toEqual([]);
  });

  it("flags a one-indicator-per-row row whose 三级 is blank, at its value cell", () => {
    const outcome = checkSheet({
      name: "明细",
      values: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["培训项目", "产出指标", "数量指标", "培训人数", "≥100人"],
        [null, "效益指标", "社会效益指标", null, "≥85%"],
      ],
    });
    if (!outcome.ok) throw new Error("no table");
    expect(outcome.check.issues.filter((i) => i.code === "indicator_name_missing").map((i) => [i.cell, i.item])).toEqual([["E3", 2]]);
  });
});
