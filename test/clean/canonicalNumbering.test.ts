import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { significant } from "../../src/core/clean/text";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

const CANONICAL =
  "1、产出指标：培训人数，年度指标值：≥100人。" + "2、效益指标：水平，年度指标值：合格。" + "3、满意度指标：满意度，年度指标值：≥90%。";

describe("canonicalCellText: run-on items and the other numbering styles", () => {
  it("separates and renumbers items run together with a repeated number", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：≥100人2、效益指标：水平，年度指标值：合格2、满意度指标：满意度，年度指标值：≥90%")).toBe(CANONICAL);
  });

  it("separates and renumbers items run together with skipped numbers", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：≥100人3、效益指标：水平，年度指标值：合格4、满意度指标：满意度，年度指标值：≥90%")).toBe(CANONICAL);
  });

  it.each([
    ["①产出指标：培训人数，年度指标值：≥100人。②效益指标：水平，年度指标值：合格。③满意度指标：满意度，年度指标值：≥90%。"],
    ["1）产出指标：培训人数，年度指标值：≥100人。2）效益指标：水平，年度指标值：合格。3）满意度指标：满意度，年度指标值：≥90%。"],
    ["1)产出指标：培训人数，年度指标值：≥100人；2)效益指标：水平，年度指标值：合格；3)满意度指标：满意度，年度指标值：≥90%"],
    ["一、产出指标：培训人数，年度指标值：≥100人。二、效益指标：水平，年度指标值：合格。三、满意度指标：满意度，年度指标值：≥90%。"],
  ])("writes %s as 1、2、3、", (text) => {
    expect(clean(text)).toBe(CANONICAL);
  });

  it("drops nothing but the numbering: the cleaned text holds the original's letters and digits, numbers aside", () => {
    const texts = [
      "1、产出指标：培训人数，年度指标值：≥100人3、效益指标：水平，年度指标值：合格4、满意度指标：满意度，年度指标值：≥90%",
      "一、产出指标：培训人数，年度指标值：≥100人。二、效益指标：水平，年度指标值：合格。",
    ];
    const withoutNumbers = (t: string) => {
      const cell = parseIndicatorCell(t);
      let out = "";
      for (const item of cell.items) out += significant(item.raw.replace(item.numberRaw ?? "", ""), false);
      return out;
    };
    for (const text of texts) expect(withoutNumbers(clean(text))).toBe(withoutNumbers(text));
  });
});
