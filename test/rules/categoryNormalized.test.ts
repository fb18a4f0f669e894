import { categoryNormalizedRule } from "../../src/core/rules/categoryNormalized";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { allItemCodes, applyFix, dataRow, findingsOf, itemCodes, spanText } from "./harness";

describe("category_normalized", () => {
  const cell = "1、产出指标（数量）：培训人数，年度指标值：≥100人。2、满意度：学员满意度，年度指标值：≥90%。";

  it("reports a known category written short, where it stands, with its full form (info, auto-fix)", () => {
    const row = dataRow(cell);
    const findings = findingsOf(categoryNormalizedRule, row);
    expect(findings.map((f) => [f.item, f.params?.from, f.params?.to, spanText(row, f), f.fix?.auto])).toEqual([
      [1, "数量", "数量指标", "数量", true],
      [2, "满意度", "满意度指标", "满意度", true],
    ]);
    expect(findings.reduceRight((text, f) => applyFix(text, f), cell)).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、满意度指标：学员满意度，年度指标值：≥90%。",
    );
    expect(allItemCodes(cell)).toEqual([
      [1, "category_normalized"],
      [2, "category_normalized"],
    ]);
  });

  it("reads both words of a head, and the older 效果", () => {
    expect(findingsOf(categoryNormalizedRule, dataRow("1、效果（社会效益）：就业率，年度指标值：≥60%。")).map((f) => [f.params?.from, f.params?.to])).toEqual([
      ["效果", "效果指标"],
      ["社会效益", "社会效益指标"],
    ]);
  });

  it("leaves full forms, unknown words, a 二级 written alone (level1_missing's) and headings alone", () => {
    expect(itemCodes(categoryNormalizedRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(categoryNormalizedRule, CLEAN)).toEqual([]);
    expect(itemCodes(categoryNormalizedRule, "1、效果指标（环境效益指标）：空气优良率，年度指标值：≥80%。2、产出指数：培训人数，年度指标值：≥100人。")).toEqual([]);
    expect(itemCodes(categoryNormalizedRule, "1、数量：培训人数，年度指标值：≥100人。")).toEqual([]);
    expect(itemCodes(categoryNormalizedRule, "一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人。\n二、效益指标\n1、就业率，年度指标值：≥60%。")).toEqual([]);
    expect(itemCodes(categoryNormalizedRule, "数量指标：\n1.检查次数≥2次")).toEqual([]);
  });

  it("reports a section heading's short word at the heading, on its first item (`一、产出`, `（一）数量`)", () => {
    const text = "一、产出\n（一）数量\n1、培训人数，年度指标值：≥100人。\n二、效益\n1、就业率，年度指标值：≥60%。";
    const row = dataRow(text);
    const findings = findingsOf(categoryNormalizedRule, row);
    expect(findings.map((f) => [f.item, f.params?.from, f.params?.to, spanText(row, f), f.fix?.auto])).toEqual([
      [1, "产出", "产出指标", "产出", true],
      [1, "数量", "数量指标", "数量", true],
      [2, "效益", "效益指标", "效益", true],
    ]);
    expect(findings.reduceRight((t, f) => applyFix(t, f), text)).toBe(
      "一、产出指标\n（一）数量指标\n1、培训人数，年度指标值：≥100人。\n二、效益指标\n1、就业率，年度指标值：≥60%。",
    );
  });
});
