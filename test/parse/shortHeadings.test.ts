import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

/** `[index, level1, level1Source, level2, level2Source, name, value]` of every item. */
const items = (text: string) =>
  parseIndicatorCell(text).items.map((i) => [i.index, i.level1, i.level1Source, i.level2 ?? "", i.level2Source, i.name, i.value.raw]);
/** `[level1Raw, level1, level2Raw, inferred, firstItem, itemCount]` of every section heading. */
const sections = (text: string) =>
  (parseIndicatorCell(text).sections ?? []).map((s) => [s.level1Raw, s.level1, s.level2Raw ?? "", s.level1Inferred === true, s.firstItem, s.itemCount]);

describe("a short 一级 word alone on its line over items is a section heading", () => {
  it("reads `（三）满意度` among full headings as the 满意度 heading, not an item", () => {
    const text = "（一）产出指标\n1.培训人数≥100人\n（二）效益指标\n1.就业率≥80%\n（三）满意度\n1.满意度≥90%";
    expect(items(text)).toEqual([
      [1, "产出指标", "heading", "数量指标", "inferred", "培训人数", "≥100人"],
      [2, "效益指标", "heading", "", "none", "就业率", "≥80%"],
      [3, "满意度指标", "heading", "服务对象满意度指标", "inferred", "满意度", "≥90%"],
    ]);
    expect(sections(text).map((s) => s[0])).toEqual(["产出指标", "效益指标", "满意度"]);
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：就业率，年度指标值：≥80%。3、满意度指标：满意度，年度指标值：≥90%。",
    );
  });

  it("reads `一、产出`, an unnumbered `产出`, over numbered or unnumbered items", () => {
    for (const text of ["一、产出\n1.培训人数≥100人\n二、效益\n1.就业率≥80%", "产出\n1.培训人数≥100人\n效益\n1.就业率≥80%", "产出\n培训人数≥100人\n效益\n就业率≥80%"]) {
      expect(items(text).map((i) => [i[1], i[2], i[5]])).toEqual([
        ["产出指标", "heading", "培训人数"],
        ["效益指标", "heading", "就业率"],
      ]);
      expect(sections(text).map((s) => s[0])).toEqual(["产出", "效益"]);
    }
  });

  it("keeps names that start with a category word as names, and a short word over a bare value one item", () => {
    expect(parseIndicatorCell("效益分析报告\n1.报告数≥2份").sections).toBeUndefined();
    expect(items("效益分析报告\n1.报告数≥2份")[0]?.[2]).toBe("none");
    expect(parseIndicatorCell("满意度调查次数\n1.群众满意度≥90%").sections).toBeUndefined();
    expect(items("满意度\n≥90%")).toEqual([[1, undefined, "none", "", "none", "满意度", "≥90%"]]);
    expect(items("1.培训人数≥100人\n2.满意度").map((i) => i[5])).toEqual(["培训人数", "满意度"]);
  });
});

describe("a 二级 alone on its line over items heads a section of the 一级 it belongs to", () => {
  it("reads `数量指标：` and `质量指标：` as headings, the 一级 inferred (CellSection.level1Inferred)", () => {
    const text = "数量指标：\n1.检查次数≥2次\n质量指标：\n1.验收合格率≥95%";
    expect(items(text)).toEqual([
      [1, "产出指标", "heading", "数量指标", "written", "检查次数", "≥2次"],
      [2, "产出指标", "heading", "质量指标", "written", "验收合格率", "≥95%"],
    ]);
    expect(sections(text)).toEqual([
      ["产出指标", "产出指标", "数量指标", true, 1, 1],
      ["产出指标", "产出指标", "质量指标", true, 2, 1],
    ]);
    expect(parseIndicatorCell(text).leading).toBeUndefined();
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(
      "1、产出指标（数量指标）：检查次数，年度指标值：≥2次。2、产出指标（质量指标）：验收合格率，年度指标值：≥95%。",
    );
  });

  it("still reads a 二级 line under a 一级 heading as its sub-heading", () => {
    const text = "一、产出指标\n数量指标：\n1.检查次数≥2次\n质量指标：\n1.验收合格率≥95%";
    expect(sections(text)).toEqual([["产出指标", "产出指标", "", false, 1, 2]]);
    expect(parseIndicatorCell(text).sections?.[0]?.subsections?.map((s) => s.level2)).toEqual(["数量指标", "质量指标"]);
  });
});
