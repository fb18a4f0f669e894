import { formatFix, formatIssue } from "../../src/core/messages/index";
import { parseItemFromParts } from "../../src/core/parse/parseCell";
import { level1MissingRule } from "../../src/core/rules/level1Missing";
import { outputOrEffectMissingRule } from "../../src/core/rules/outputOrEffectMissing";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { allItemCodes, applyFix, dataRow, findingsOf, itemCodes, spanText } from "./harness";

describe("level1_missing", () => {
  const cell = "1、数量指标：检查次数，年度指标值：≥2次。2、效益指标：就业率，年度指标值：≥60%。3、服务对象满意度指标：群众满意度，年度指标值：≥90%。";

  it("flags a 二级 written alone as a warning with the 一级 it belongs to, not as category_unknown", () => {
    const row = dataRow(cell);
    const findings = findingsOf(level1MissingRule, row);
    expect(findings.map((f) => [f.item, f.params?.written, f.params?.level1, spanText(row, f)])).toEqual([
      [1, "数量指标", "产出指标", "数量指标"],
      [3, "服务对象满意度指标", "满意度指标", "服务对象满意度指标"],
    ]);
    expect(allItemCodes(cell)).toEqual([
      [1, "level1_missing"],
      [3, "level1_missing"],
    ]);
    expect(formatIssue("level1_missing", findings[0]!.params!, "zh")).toBe("第1项只写了二级指标“数量指标”，未写明一级指标（应为产出指标）");
    expect(formatFix("level1_missing", findings[0]!.params!, "zh")).toBe("将“数量指标”改为“产出指标（数量指标）”");
  });

  it("reports a heading that writes a 二级 alone (`数量指标：` over items) once, at the heading", () => {
    const text = "数量指标：\n1.检查次数≥2次\n2.培训人数≥100人\n质量：\n1.验收合格率≥95%";
    const row = dataRow(text);
    const findings = findingsOf(level1MissingRule, row);
    expect(findings.map((f) => [f.item, f.params?.written, f.params?.level1, spanText(row, f), f.fix?.auto])).toEqual([
      [1, "数量指标", "产出指标", "数量指标", true],
      [3, "质量", "产出指标", "质量", true],
    ]);
    expect(findings.reduceRight((t, f) => applyFix(t, f), text)).toBe("产出指标（数量指标）：\n1.检查次数≥2次\n2.培训人数≥100人\n产出指标（质量指标）：\n1.验收合格率≥95%");
    expect(allItemCodes(text).filter(([, code]) => code === "category_unknown")).toEqual([]);
  });

  it("auto-fixes to the canonical head 一级（二级）, a short 二级 written in full", () => {
    const row = dataRow(cell);
    const [first] = findingsOf(level1MissingRule, row);
    expect(first?.fix?.auto).toBe(true);
    expect(applyFix(cell, first!)).toBe(`1、产出指标（数量指标）：检查次数，年度指标值：≥2次。${cell.slice(cell.indexOf("2、"))}`);
    const short = "1、时效：办结时限，年度指标值：≤5个工作日。";
    expect(applyFix(short, findingsOf(level1MissingRule, dataRow(short))[0]!)).toBe("1、产出指标（时效指标）：办结时限，年度指标值：≤5个工作日。");
  });

  it("reads the 二级 of every 一级, unnumbered items included", () => {
    const text = "数量指标：演出场次≥60场；社会效益指标：观众人次≥1万人次；可持续影响指标：长效机制，年度指标值：建立；满意度指标：观众满意度≥90%";
    expect(findingsOf(level1MissingRule, dataRow(text)).map((f) => [f.item, f.params?.level1])).toEqual([
      [1, "产出指标"],
      [2, "效益指标"],
      [3, "效益指标"],
    ]);
    // The 一级 each counts as: no “未设置效益指标”.
    expect(findingsOf(outputOrEffectMissingRule, dataRow(text))).toEqual([]);
  });

  it("is silent on written, heading-given and carried 一级, on unknown categories and on items with none", () => {
    expect(itemCodes(level1MissingRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(level1MissingRule, CLEAN)).toEqual([]);
    expect(itemCodes(level1MissingRule, "一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人。\n二、效益指标\n1、社会效益指标：就业率，年度指标值：≥60%。")).toEqual([]);
    expect(itemCodes(level1MissingRule, "产出指标：培训人数≥100人；质量指标：合格率≥90%")).toEqual([]);
    expect(itemCodes(level1MissingRule, "1、产出指数：培训人数，年度指标值：≥100人。2、效果指针：知晓率，年度指标值：≥90%。3、覆盖率，年度指标值：≥90%。")).toEqual([]);
  });

  it("reads 成本指标 written alone as the 2021 一级, not the pre-2021 二级", () => {
    expect(itemCodes(level1MissingRule, "1、成本指标：人均培训成本，年度指标值：≤500元。")).toEqual([]);
  });

  it("points at the 二级 cell, with no fix, in the item-per-row layout", () => {
    const item = parseItemFromParts({ level1: "", level2: "数量指标", name: "培训人数", value: "≥100人", operator: "", unit: "" }, 1);
    expect([item.level1, item.level1Source, item.level1Raw]).toEqual(["产出指标", "inferred", undefined]);
    const row = { ...dataRow(""), cell: { text: "", items: [item], leading: undefined }, itemCells: [{ address: "E6", rowNumber: 6, level2: "B6" }] };
    const findings = findingsOf(level1MissingRule, row);
    expect(findings.map((f) => [f.cell, f.fix])).toEqual([["B6", undefined]]);
  });

  it("reads a 二级 in the 一级 column as the row's 二级, its 一级 inferred, and points at that cell", () => {
    for (const [level1, level2, expected] of [
      ["数量指标", "", "数量指标"],
      ["数量指标", "数量指标", "数量指标"],
      ["社会效益指标", "", "社会效益指标"],
      ["数量", "数量指标", "数量指标"],
    ] as const) {
      const item = parseItemFromParts({ level1, level2, name: "检查次数", value: "≥2次", operator: "", unit: "" }, 1);
      expect([item.level1, item.level1Source, item.level1Raw, item.level2, item.level2Source]).toEqual([
        expected === "社会效益指标" ? "效益指标" : "产出指标",
        "inferred",
        undefined,
        expected,
        "written",
      ]);
      const row = { ...dataRow(""), cell: { text: "", items: [item], leading: undefined }, itemCells: [{ address: "E6", rowNumber: 6, level1: "A6" }] };
      expect(findingsOf(level1MissingRule, row).map((f) => [f.cell, f.params?.written, f.params?.level1])).toEqual([["A6", level2 === "" ? level1 : level2, item.level1]]);
    }
    // A 二级 column saying another 二级 leaves the 一级 cell as written (category_unknown's).
    const other = parseItemFromParts({ level1: "数量指标", level2: "质量指标", name: "合格率", value: "≥95%", operator: "", unit: "" }, 1);
    expect([other.level1, other.level1Raw, other.level2]).toEqual([undefined, "数量指标", "质量指标"]);
  });
});
