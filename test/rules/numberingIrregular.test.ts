import { numberingIrregularRule } from "../../src/core/rules/numberingIrregular";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { dataRow, findingsOf, itemCodes } from "./harness";

const kinds = (text: string) => findingsOf(numberingIrregularRule, dataRow(text)).map((f) => [f.item, f.params?.kind]);

describe("numbering_irregular", () => {
  it("flags a gap: 1、2、4、", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥200人。2、产出指标：培训期数，年度指标值：≥5期。4、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [3, "gap"],
    ]);
  });

  it("flags a repeated number", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥200人。2、产出指标：培训期数，年度指标值：≥5期。2、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [3, "duplicate"],
    ]);
  });

  it("flags numbering that does not start at 1", () => {
    expect(kinds("2、产出指标：培训人数，年度指标值：≥200人。3、产出指标：培训期数，年度指标值：≥5期。")).toEqual([[1, "notFromOne"]]);
  });

  it("flags mixed styles: 1、 then 2.", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥200人。2.产出指标：培训期数，年度指标值：≥5期。3、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [2, "mixedStyle"],
    ]);
  });

  it("accepts every consistent style, and unnumbered items on their own lines", () => {
    expect(itemCodes(numberingIrregularRule, "（1）产出指标：培训人数，年度指标值：≥200人；（2）效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([]);
    expect(itemCodes(numberingIrregularRule, "产出指标：培训人数，年度指标值：≥200人\n效益指标：党员教育覆盖率，年度指标值：≥90%")).toEqual([]);
    expect(itemCodes(numberingIrregularRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(numberingIrregularRule, CLEAN)).toEqual([]);
  });
});
