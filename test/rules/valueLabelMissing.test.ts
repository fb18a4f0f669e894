import { parseItemFromParts } from "../../src/core/parse/parseCell";
import { valueLabelMissingRule } from "../../src/core/rules/valueLabelMissing";
import { CLEAN, PARTY_DELEGATE, VILLAGE_OFFICE } from "./cells";
import { allItemCodes, applyFix, dataRow, findingsOf, itemCodes } from "./harness";

describe("value_label_missing", () => {
  it("flags item 5 of the seed's 党代表任期制 cell", () => {
    expect(itemCodes(valueLabelMissingRule, PARTY_DELEGATE)).toEqual([[5, "value_label_missing"]]);
  });

  it("auto-fixes by inserting 年度指标值： before the value", () => {
    const row = dataRow(PARTY_DELEGATE);
    const [finding] = findingsOf(valueLabelMissingRule, row);
    expect(finding?.fix?.auto).toBe(true);
    expect(applyFix(row.cell.text, finding!)).toBe(PARTY_DELEGATE.replace("党代表基层联系群众工作指标，合格。", "党代表基层联系群众工作指标，年度指标值：合格。"));
  });

  it("turns a colon right after the name into `，年度指标值：` rather than keep it before the label", () => {
    const cases: [string, string][] = [
      ["1、培训人数：≥100人。", "1、培训人数，年度指标值：≥100人。"],
      ["3、知晓率:≥90%", "3、知晓率，年度指标值：≥90%"],
      // After a 一级 with no name, and after a comma, the label is inserted.
      ["1、产出指标：培训人数：≥100人", "1、产出指标：培训人数，年度指标值：≥100人"],
      ["1、培训人数，≥100人", "1、培训人数，年度指标值：≥100人"],
    ];
    for (const [cell, fixed] of cases) {
      const row = dataRow(cell);
      const [finding] = findingsOf(valueLabelMissingRule, row);
      expect(applyFix(row.cell.text, finding!)).toBe(fixed);
    }
  });

  it("leaves an item with no name to indicator_name_missing: no label is put before its value", () => {
    const text = "1、产出指标：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、产出指标：年度指标值：≥90%。";
    expect(findingsOf(valueLabelMissingRule, dataRow(text))).toEqual([]);
    expect(allItemCodes(text).filter(([, code]) => code === "indicator_name_missing")).toEqual([
      [1, "indicator_name_missing"],
      [3, "indicator_name_missing"],
    ]);
  });

  it("accepts the legitimate labels 指标值： and 年度目标值：", () => {
    expect(itemCodes(valueLabelMissingRule, "1、产出指标：培训人数，指标值：≥200人。2、效益指标：党员教育覆盖率，年度目标值：≥90%。")).toEqual([]);
  });

  it("leaves a missing value to value_missing", () => {
    expect(itemCodes(valueLabelMissingRule, "1、产出指标：培训人数，年度指标值：≥200人。2、效益指标：基层党建水平指标，")).toEqual([]);
  });

  it("does not apply to the one-indicator-per-row layout, which has no labels", () => {
    const item = parseItemFromParts({ level1: "效益指标", level2: "社会效益指标", name: "党代表基层联系群众工作指标", value: "合格", operator: "", unit: "" }, 1);
    const row = { ...dataRow(""), cell: { text: "", items: [item] }, itemCells: [{ address: "F7", rowNumber: 7 }] };
    expect(findingsOf(valueLabelMissingRule, row)).toEqual([]);
  });

  it("leaves a bare value alone: it lacks a category and a name, not a label", () => {
    for (const cell of ["0", "≥90%", "**", "1、≥90%。2、产出指标：培训人数，年度指标值：≥200人。"]) expect(itemCodes(valueLabelMissingRule, cell)).toEqual([]);
    // A name before the value still gets the label.
    expect(itemCodes(valueLabelMissingRule, "1、培训人数≥100人")).toEqual([[1, "value_label_missing"]]);
  });

  it("stays quiet on labelled cells", () => {
    expect(itemCodes(valueLabelMissingRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(valueLabelMissingRule, CLEAN)).toEqual([]);
  });
});
