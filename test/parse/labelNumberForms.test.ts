import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";

/** Label words, item numbers and category forms an audit found read wrong (session 9). */

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));
const parts = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.label ?? "", i.value.raw]);
const labelsWritten = (text: string) => parseIndicatorCell(text).items.map((i) => (i.labelSpan ? text.slice(i.labelSpan.start, i.labelSpan.end) : ""));

describe("a label with a word before 指标值/目标值", () => {
  const text =
    "1、产出指标：资金拨付率，全年指标值：≥90%。2、产出指标：培训人数，预期指标值：≥100人。3、效益指标：群众知晓率，年度绩效指标值：≥85%。" +
    "4、产出指标：培训场次，2025年度指标值：≥5场。5、产出指标：发放率，2025年指标值：100%。6、效益指标：知晓率，本年度目标值：≥80%。";

  it("reads the prefix as the label's, not the name's", () => {
    expect(parts(text).map((p) => p[0])).toEqual(["资金拨付率", "培训人数", "群众知晓率", "培训场次", "发放率", "知晓率"]);
    expect(labelsWritten(text)).toEqual(["全年指标值", "预期指标值", "年度绩效指标值", "2025年度指标值", "2025年指标值", "本年度目标值"]);
    expect(allItemCodes(text).filter(([, code]) => code === "value_label_missing")).toEqual([]);
  });

  it("is replaced by the canonical label, not followed by a second one", () => {
    expect(clean(text)).toBe(
      "1、产出指标：资金拨付率，年度指标值：≥90%。2、产出指标：培训人数，年度指标值：≥100人。3、效益指标：群众知晓率，年度指标值：≥85%。" +
        "4、产出指标：培训场次，年度指标值：≥5场。5、产出指标：发放率，年度指标值：100%。6、效益指标：知晓率，年度指标值：≥80%。",
    );
  });

  it("reads the shortened words before a colon, a year note and a label in brackets", () => {
    const short = "1、产出指标：培训人数，年度值：≥100人。2、产出指标：发放及时率，预期值：100%。3、效益指标：辍学率，年度指标：≤1%。4、效益指标：群众知晓率，指标值（2025年）：≥85%。5、效益指标：群众满意度（年度指标值）≥90%。";
    expect(parts(short)).toEqual([
      ["培训人数", "年度指标值", "≥100人"],
      ["发放及时率", "指标值", "100%"],
      ["辍学率", "年度指标值", "≤1%"],
      ["群众知晓率", "指标值", "≥85%"],
      ["群众满意度", "年度指标值", "≥90%"],
    ]);
    expect(labelsWritten(short)).toEqual(["年度值", "预期值", "年度指标", "指标值（2025年）", "（年度指标值）"]);
    expect(clean(short)).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：发放及时率，年度指标值：100%。3、效益指标：辍学率，年度指标值：≤1%。4、效益指标：群众知晓率，年度指标值：≥85%。5、效益指标：群众满意度，年度指标值：≥90%。",
    );
  });

  it("keeps a prefix glued to the name, a name holding the words, and a bare 目标 or 标准 as before", () => {
    expect(parts("1、产出指标：培训人数2025年度指标值：≥100人。2、产出指标：计划指标值完成率，≥90%。3、产出指标：资金拨付率，目标：≥90%。4、产出指标：年度值考核，合格。")).toEqual([
      ["培训人数2025", "年度指标值", "≥100人"],
      ["计划指标值完成率", "", "≥90%"],
      ["资金拨付率，目标", "", "≥90%"],
      ["年度值考核", "", "合格"],
    ]);
    // At the start of a cell `年度指标：` is a title, no label.
    expect(parseIndicatorCell("年度指标：\n1、产出指标：培训人数，年度指标值：≥100人。").items[0]?.label).toBe("年度指标值");
  });
});

describe("item numbers with a space, a comma, a word or a letter", () => {
  const numbers = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.level1 ?? "", i.name]);
  const three = (a: string, b: string, c: string) =>
    `${a}产出指标：培训人数，年度指标值：≥100人。${b}产出指标：资金拨付率，年度指标值：≥90%。${c}效益指标：群众知晓率，年度指标值：≥85%。`;
  const canonical = three("1、", "2、", "3、");
  const read = [
    [1, "产出指标", "培训人数"],
    [2, "产出指标", "资金拨付率"],
    [3, "效益指标", "群众知晓率"],
  ];

  it.each([
    ["1 、", "2 、", "3 、"],
    ["1　、", "2　、", "3　、"],
    ["1 .", "2 .", "3 ."],
    ["（1 ）", "（2 ）", "（3 ）"],
    ["1，", "2，", "3，"],
    ["1,", "2,", "3,"],
    ["1 ", "2 ", "3 "],
    ["一是", "二是", "三是"],
    ["第一，", "第二，", "第三，"],
    ["a.", "b.", "c."],
    ["Ⅰ.", "Ⅱ.", "Ⅲ."],
  ])("reads %s %s %s before a category word as item numbers, and the cleaner writes 1、", (a, b, c) => {
    const text = three(a, b, c);
    expect(numbers(text)).toEqual(read);
    expect(allItemCodes(text).filter(([, code]) => code === "category_unknown")).toEqual([]);
    expect(clean(text)).toBe(canonical);
  });

  it("reads them on lines of their own too", () => {
    const text = "1 产出指标：资助学生人数，年度指标值：≥1200人\n2 产出指标：资金发放及时率，年度指标值：100%\n3 效益指标：辍学率，年度指标值：≤1%";
    expect(numbers(text)).toEqual([
      [1, "产出指标", "资助学生人数"],
      [2, "产出指标", "资金发放及时率"],
      [3, "效益指标", "辍学率"],
    ]);
    expect(clean(text)).toBe("1、产出指标：资助学生人数，年度指标值：≥1200人。2、产出指标：资金发放及时率，年度指标值：100%。3、效益指标：辍学率，年度指标值：≤1%。");
  });

  it("leaves a number inside a value, or before no category, unread, and the cleaner puts no second number before it", () => {
    expect(numbers("1,200人以上")[0]?.[0]).toBeUndefined();
    for (const text of ["1 培训人数，年度指标值：≥100人。2 资金拨付率，年度指标值：≥90%。", "一是培训人数，年度指标值：≥100人。", "a.培训人数，年度指标值：≥100人。", "第一，培训人数，年度指标值：≥100人。", "1，培训人数，年度指标值：≥100人。"]) {
      expect(parseIndicatorCell(text).items[0]?.number).toBeUndefined();
      expect(clean(text)).toBe(text);
    }
    expect(clean("培训人数，年度指标值：≥100人。")).toBe("1、培训人数，年度指标值：≥100人。");
  });
});

describe("categories in brackets, separated by spaces, or a 二级 before a comma", () => {
  const levels = (text: string) => parseIndicatorCell(text).items.map((i) => [i.level1 ?? "", i.level2 ?? "", i.level2Source ?? "", i.name]);

  it("reads 【一级】 and 【一级-二级】 as the head", () => {
    const text = "1、【产出指标】培训人数，年度指标值：≥100人。2、【产出指标-数量指标】培训场次，年度指标值：≥5场。3、【效益指标】：群众知晓率，年度指标值：≥85%。";
    expect(levels(text)).toEqual([
      ["产出指标", "数量指标", "inferred", "培训人数"],
      ["产出指标", "数量指标", "written", "培训场次"],
      ["效益指标", "", "none", "群众知晓率"],
    ]);
    expect(clean(text)).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标（数量指标）：培训场次，年度指标值：≥5场。3、效益指标：群众知晓率，年度指标值：≥85%。",
    );
    expect(levels("1、【注】产出指标：培训人数，年度指标值：≥100人。")[0]?.[0]).toBe("");
  });

  it("sees a 【一级】 after a line break or before a run-on number as the next head", () => {
    const lines = "【产出指标】\n培训人数≥100人\n资金拨付率≥90%\n【效益指标】\n群众知晓率≥85%";
    expect(levels(lines).map(([level1, , , name]) => [level1, name])).toEqual([
      ["产出指标", "培训人数"],
      ["产出指标", "资金拨付率"],
      ["效益指标", "群众知晓率"],
    ]);
    const runOn = "1、【产出指标】培训人数，年度指标值：≥100人 2、【产出指标】资金拨付率，年度指标值：≥90% 3、【效益指标】群众知晓率，年度指标值：≥85%";
    expect(parseIndicatorCell(runOn).items.map((i) => [i.number, i.value.raw])).toEqual([
      [1, "≥100人"],
      [2, "≥90%"],
      [3, "≥85%"],
    ]);
  });

  it("reads 一级 and 二级 separated by spaces, before a colon or before the name", () => {
    const colon = "1、产出指标 数量指标：资助学生人数，年度指标值：≥1200人。2、效益指标 社会效益指标：辍学率，年度指标值：≤1%。3、满意度指标 服务对象满意度指标：受助学生满意度，年度指标值：≥95%。";
    expect(levels(colon)).toEqual([
      ["产出指标", "数量指标", "written", "资助学生人数"],
      ["效益指标", "社会效益指标", "written", "辍学率"],
      ["满意度指标", "服务对象满意度指标", "written", "受助学生满意度"],
    ]);
    expect(allItemCodes(colon).filter(([, code]) => code === "category_unknown")).toEqual([]);
    const spaced = "1、产出指标 数量指标 培训人数 ≥100人。2、产出指标 质量指标 培训合格率 ≥90%。";
    expect(levels(spaced)).toEqual([
      ["产出指标", "数量指标", "written", "培训人数"],
      ["产出指标", "质量指标", "written", "培训合格率"],
    ]);
    expect(clean(spaced)).toBe("1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、产出指标（质量指标）：培训合格率，年度指标值：≥90%。");
    // A heading so written is one too.
    const sections = parseIndicatorCell("一、产出指标 数量指标\n1、培训人数，年度指标值：≥100人。\n2、培训场次，年度指标值：≥5场。\n二、效益指标\n1、群众知晓率，年度指标值：≥85%。");
    expect(sections.sections?.map((s) => [s.level1, s.level2Raw ?? ""])).toEqual([
      ["产出指标", "数量指标"],
      ["效益指标", ""],
    ]);
  });

  it("reads a whole 二级 and a comma before the name as written, not as part of the name", () => {
    const text = "1、产出指标：数量指标，资助学生人数，年度指标值：≥1200人。2、产出指标：时效指标，资金发放及时率，年度指标值：100%。3、效益指标：社会效益指标，辍学率，年度指标值：≤1%。";
    expect(levels(text)).toEqual([
      ["产出指标", "数量指标", "written", "资助学生人数"],
      ["产出指标", "时效指标", "written", "资金发放及时率"],
      ["效益指标", "社会效益指标", "written", "辍学率"],
    ]);
    expect(clean(text)).toBe(
      "1、产出指标（数量指标）：资助学生人数，年度指标值：≥1200人。2、产出指标（时效指标）：资金发放及时率，年度指标值：100%。3、效益指标（社会效益指标）：辍学率，年度指标值：≤1%。",
    );
    // Before a value the word is the name, as before.
    expect(levels("1、产出指标：数量指标，≥100人。")).toEqual([["产出指标", "数量指标", "inferred", "数量指标"]]);
  });
});

describe("the label before the name (`产出指标：年度指标值：≥90%（资金拨付率）`)", () => {
  it("reads the bracket after the value as the name; the cleaner keeps the item as written", () => {
    const text = "1、产出指标：年度指标值：≥90%（资金拨付率）。2、产出指标：年度指标值：≥100人（培训人数）。3、产出指标：年度指标值：2025年12月底前（完成时间）。";
    expect(parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw, i.level2 ?? ""])).toEqual([
      ["资金拨付率", "≥90%", ""],
      ["培训人数", "≥100人", "数量指标"],
      ["完成时间", "2025年12月底前", "时效指标"],
    ]);
    expect(clean(text)).toBe(text);
  });

  it("leaves a note in brackets to the value", () => {
    expect(parts("1、产出指标：年度指标值：≥90%（以问卷为准）。2、产出指标：培训人数，年度指标值：≥90%（资金拨付率）。")).toEqual([
      ["", "年度指标值", "≥90%（以问卷为准）"],
      ["培训人数", "年度指标值", "≥90%（资金拨付率）"],
    ]);
  });
});
