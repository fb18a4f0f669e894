import { formatIssue } from "../../src/core/messages/index";
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

  it("names the 一级 a written 二级 implies when only the 二级 is written (数量指标：…)", () => {
    const row = dataRow("1、数量指标：培训人数，年度指标值：≥200人。2、社会效益指标：知晓率，年度指标值：≥90%。");
    const findings = findingsOf(categoryUnknownRule, row);
    expect(findings.map((f) => [f.item, f.params?.kind, f.params?.written, f.params?.level1])).toEqual([
      [1, "level2Only", "数量指标", "产出指标"],
      [2, "level2Only", "社会效益指标", "效益指标"],
    ]);
    expect(formatIssue("category_unknown", findings[0]!.params!, "zh")).toBe(
      "第1项只写了二级指标“数量指标”，未写明一级指标（应为产出指标）",
    );
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
