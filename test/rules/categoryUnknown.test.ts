import { categoryUnknownRule } from "../../src/core/rules/categoryUnknown";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { dataRow, findingsOf, itemCodes, spanText } from "./harness";

describe("category_unknown", () => {
  it("flags a misspelt 一级 (产出指数) at the word as written", () => {
    const row = dataRow("1、产出指标：培训人数，年度指标值：≥200人。2、产出指数：培训期数，年度指标值：≥5期。3、效益指标：党员教育覆盖率，年度指标值：≥90%。");
    const findings = findingsOf(categoryUnknownRule, row);
    expect(findings.map((f) => [f.item, f.code])).toEqual([[2, "category_unknown"]]);
    expect(findings[0]?.params).toMatchObject({ kind: "level1", written: "产出指数" });
    expect(spanText(row, findings[0]!)).toBe("产出指数");
  });

  it("flags 效果指针 (a corrupted 效果指标)", () => {
    expect(itemCodes(categoryUnknownRule, "1、产出指标：培训人数，年度指标值：≥200人。2、效果指针：群众知晓率，年度指标值：≥90%。")).toEqual([
      [2, "category_unknown"],
    ]);
  });

  it("accepts the older 效果指标 as 效益指标", () => {
    expect(itemCodes(categoryUnknownRule, "1、产出指标：培训人数，年度指标值：≥200人。2、效果指标：群众知晓率，年度指标值：≥90%。")).toEqual([]);
  });

  it("accepts a written 二级 in both notations", () => {
    expect(itemCodes(categoryUnknownRule, "1、产出指标-数量指标：培训人数，年度指标值：≥200人。2、产出指标（时效指标）：资金拨付及时率，年度指标值：≥95%。")).toEqual([]);
  });

  it("raises nothing on the seed's well-categorised cells", () => {
    expect(itemCodes(categoryUnknownRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(categoryUnknownRule, CLEAN)).toEqual([]);
  });
});
