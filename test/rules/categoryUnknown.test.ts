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

  it("leaves a 二级 written alone (数量指标：…) to level1_missing: its 一级 is plain, the cell readable", () => {
    expect(itemCodes(categoryUnknownRule, "1、数量指标：培训人数，年度指标值：≥200人。2、社会效益指标：知晓率，年度指标值：≥90%。")).toEqual([]);
    expect(itemCodes(categoryUnknownRule, "数量指标：演出场次≥60场；服务对象满意度指标：观众满意度≥90%")).toEqual([]);
  });

  it("still flags an item with no category at all, and an unknown 二级 with no 一级", () => {
    expect(itemCodes(categoryUnknownRule, "1、产出指标：培训人数，年度指标值：≥200人。2、知晓率，年度指标值：≥90%。")).toEqual([[2, "category_unknown"]]);
    expect(findingsOf(categoryUnknownRule, dataRow("1、产出指数（数量指标）：培训人数，年度指标值：≥200人。"))[0]?.params).toMatchObject({ kind: "level1", written: "产出指数" });
  });

  it("words a saved report's level2Only finding as before", () => {
    expect(formatIssue("category_unknown", { item: 1, kind: "level2Only", written: "数量指标", level1: "产出指标" }, "zh")).toBe(
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
