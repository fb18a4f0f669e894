import { canonicalCellForm, canonicalCellText } from "../../src/core/clean/canonicalCellText";
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

describe("canonicalCellText: an item kept as written among rewritten ones", () => {
  it.each([
    [
      "its own number in another style becomes 1、, and its value is normalised where it stands",
      "(1)产出指标：年度指标值：不低于90％（资金拨付率）；(2)产出指标：培训人数，年度指标值：≥100人；(3)效益指标：群众知晓率，年度指标值：≥85%。",
      "1、产出指标：年度指标值：≥90%（资金拨付率）；2、产出指标：培训人数，年度指标值：≥100人。3、效益指标：群众知晓率，年度指标值：≥85%。",
    ],
    [
      "a bracketed number with a space inside",
      "（1 ）产出指标：培训人数，预期值：不少于200人（注：含线上）。（2 ）产出指标：年度指标值：≥90%（资金拨付率）。（3 ）效益指标：群众知晓率，指标值（2025年）：85%以上。",
      "1、产出指标：培训人数，年度指标值：≥200人（注：含线上）。2、产出指标：年度指标值：≥90%（资金拨付率）。3、效益指标：群众知晓率，年度指标值：≥85%。",
    ],
    [
      "an unnumbered one gets its number",
      "产出指标：培训人数≥100人；资金拨付率≥90%；效益指标：群众知晓率≥85%；满意度指标：年度指标值：≥90%（学员满意度）",
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：资金拨付率，年度指标值：≥90%。3、效益指标：群众知晓率，年度指标值：≥85%。4、满意度指标：年度指标值：≥90%（学员满意度）",
    ],
  ])("%s", (_, text, expected) => {
    const cleaned = clean(text);
    expect(cleaned).toBe(expected);
    expect(clean(cleaned)).toBe(cleaned);
    const items = parseIndicatorCell(cleaned).items;
    expect(items.map((i) => [i.number, i.numberingStyle])).toEqual(items.map((_, k) => [k + 1, "dun"]));
  });

  it("says which of its codes the kept item settles", () => {
    const form = canonicalCellForm(parseIndicatorCell("(1)产出指标：年度指标值：不低于90％（资金拨付率）；(2)产出指标：培训人数，年度指标值：≥100人。"));
    expect(form.canonicalItems).toEqual([false, true]);
    expect(form.keptItemCodes).toEqual([["numbering_irregular", "value_normalized", "value_label_missing", "level1_missing", "category_normalized"], []]);
  });

  it("numbers no item that starts like a number the parser did not read, but puts its label in", () => {
    const cleaned = clean("(1)产出指标：培训人数，年度指标值：≥100人；一是资金拨付率≥90%");
    expect(cleaned).toBe("1、产出指标：培训人数，年度指标值：≥100人。一是资金拨付率，年度指标值：≥90%");
    expect(clean(cleaned)).toBe(cleaned);
  });
});
