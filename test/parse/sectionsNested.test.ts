import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { NESTED_A, NESTED_B, NESTED_C } from "./nestedCells";

/** Headings numbered like items (`1、产出指标：`) run on to sub-items numbered another way (`（1）`). */

/** `[number, style, level1, level1Source, level2, level2Source, name, value]` of every item. */
const items = (text: string) =>
  parseIndicatorCell(text).items.map((i) => [i.number, i.numberingStyle, i.level1, i.level1Source, i.level2, i.level2Source, i.name, i.value.raw]);
/** `[number, style, level1Raw, firstItem, itemCount, raw]` of every section heading. */
const sections = (text: string) => (parseIndicatorCell(text).sections ?? []).map((s) => [s.number, s.numberingStyle, s.level1Raw, s.firstItem, s.itemCount, s.raw]);
/** `[level1, level1Source, name]` of every item. */
const names = (text: string) => parseIndicatorCell(text).items.map((i) => [i.level1, i.level1Source, i.name]);

describe("a heading numbered 1、/1. run on to sub-items numbered another way", () => {
  it("reads each sub-item as an item under its heading's 一级, its sub-number no part of its name (A)", () => {
    expect(sections(NESTED_A)).toEqual([
      [1, "dun", "产出指标", 1, 2, "1、产出指标："],
      [2, "dun", "效益指标", 3, 1, "2、效益指标："],
      [3, "dun", "满意度指标", 4, 1, "3、满意度指标："],
    ]);
    expect(items(NESTED_A)).toEqual([
      [1, "paren", "产出指标", "heading", "数量指标", "inferred", "培训人数", "≥100人"],
      [2, "paren", "产出指标", "heading", "质量指标", "inferred", "培训合格率", "≥95%"],
      [1, "paren", "效益指标", "heading", undefined, "none", "群众知晓率", "≥90%"],
      [1, "paren", "满意度指标", "heading", "服务对象满意度指标", "inferred", "参训人员满意度", "≥90%"],
    ]);
  });

  it("ends a section at an item numbered like its heading that writes its own 一级 (B)", () => {
    expect(sections(NESTED_B)).toEqual([[1, "dun", "产出指标", 1, 2, "1、产出指标："]]);
    expect(items(NESTED_B)).toEqual([
      [1, "closeParen", "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [2, "closeParen", "产出指标", "heading", "质量指标", "written", "培训合格率", "≥95%"],
      [2, "dun", "效益指标", "written", "社会效益指标", "written", "群众知晓率", "≥90%"],
      [3, "dun", "满意度指标", "written", "服务对象满意度指标", "inferred", "参训人员满意度", "≥90%"],
    ]);
  });

  it("reads a last heading over a single sub-item when other headings bear the cell out (C)", () => {
    expect(sections(NESTED_C)).toEqual([
      [1, "dot", "产出指标", 1, 2, "1.产出指标："],
      [2, "dot", "效益指标", 3, 1, "2.效益指标："],
      [3, "dot", "满意度指标", 4, 1, "3.满意度指标："],
    ]);
    expect(items(NESTED_C)).toEqual([
      [1, "paren", "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [2, "paren", "产出指标", "heading", "质量指标", "written", "合格率", "≥95%"],
      [1, "paren", "效益指标", "heading", "社会效益指标", "written", "知晓率", "≥90%"],
      [1, "paren", "满意度指标", "heading", "服务对象满意度指标", "inferred", "满意度", "≥90%"],
    ]);
  });

  it.each([
    ["1、产出指标：（1）培训人数≥100人；（2）合格率≥95%。2、效益指标：（1）知晓率≥90%。", "dun", "paren"],
    ["1、产出指标：(1)培训人数≥100人；(2)合格率≥95%。2、效益指标：(1)知晓率≥90%。", "dun", "paren"],
    ["1、产出指标：1）培训人数≥100人；2）合格率≥95%。2、效益指标：1）知晓率≥90%。", "dun", "closeParen"],
    ["1.产出指标：1)培训人数≥100人；2)合格率≥95%；2.效益指标：1)知晓率≥90%", "dot", "closeParen"],
    ["1．产出指标：①培训人数≥100人\n②合格率≥95%\n2．效益指标：①知晓率≥90%", "dot", "circled"],
    ["1、产出指标：⑴培训人数≥100人。⑵合格率≥95%。2、效益指标：⑴知晓率≥90%。", "dun", "paren"],
    ["（1）产出指标：①培训人数≥100人；②合格率≥95%。（2）效益指标：①知晓率≥90%。", "paren", "circled"],
  ])("reads %j", (text, headingStyle, itemStyle) => {
    expect(sections(text).map(([number, style, level1, first, count]) => [number, style, level1, first, count])).toEqual([
      [1, headingStyle, "产出指标", 1, 2],
      [2, headingStyle, "效益指标", 3, 1],
    ]);
    expect(items(text).map(([number, style, level1, source, , , name, value]) => [number, style, level1, source, name, value])).toEqual([
      [1, itemStyle, "产出指标", "heading", "培训人数", "≥100人"],
      [2, itemStyle, "产出指标", "heading", "合格率", "≥95%"],
      [1, itemStyle, "效益指标", "heading", "知晓率", "≥90%"],
    ]);
  });

  it("bears out a single heading by a second sub-item", () => {
    expect(names("1、产出指标：(1)培训人数≥100人；(2)培训合格率≥95%")).toEqual([
      ["产出指标", "heading", "培训人数"],
      ["产出指标", "heading", "培训合格率"],
    ]);
  });

  it("keeps a 二级 the sub-item writes, and infers one under the heading's 一级 otherwise", () => {
    expect(items("1、产出指标：（1）时效指标：完成时间，年度指标值：2025年12月底前；（2）培训人数，年度指标值：≥100人。")).toEqual([
      [1, "paren", "产出指标", "heading", "时效指标", "written", "完成时间", "2025年12月底前"],
      [2, "paren", "产出指标", "heading", "数量指标", "inferred", "培训人数", "≥100人"],
    ]);
  });

  it("counts items before the first heading, numbered like it, in no section", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：1）社会效益指标：知晓率，年度指标值：≥90%；2）可持续影响指标：长效机制，年度指标值：建立。";
    expect(sections(text).map(([number, , level1, first, count]) => [number, level1, first, count])).toEqual([[2, "效益指标", 2, 2]]);
    expect(names(text)).toEqual([
      ["产出指标", "written", "培训人数"],
      ["效益指标", "heading", "知晓率"],
      ["效益指标", "heading", "长效机制"],
    ]);
  });

  it("keeps spans honest: headings and items in order, each its own slice", () => {
    for (const text of [NESTED_A, NESTED_B, NESTED_C]) {
      const cell = parseIndicatorCell(text);
      const pieces = [...cell.items, ...(cell.sections ?? [])].map((p) => [p.span.start, p.span.end, p.raw] as const).sort((a, b) => a[0] - b[0]);
      for (const [start, end, raw] of pieces) expect(text.slice(start, end)).toBe(raw);
      for (let k = 1; k < pieces.length; k++) expect((pieces[k] as readonly [number, number, string])[0]).toBeGreaterThanOrEqual((pieces[k - 1] as readonly [number, number, string])[1]);
      for (const item of cell.items) if (item.level1Source === "heading") expect(item.level1Span).toBeUndefined();
    }
  });
});

describe("an item numbered 1、 whose name starts with a number stays an item", () => {
  it.each([
    // nothing bears the heading out: no second sub-item, no other heading
    ["1、产出指标：(1)班学生人数，年度指标值：≥40人。", "(1)班学生人数"],
    ["1、产出指标：(1)班学生人数，年度指标值：≥40人。2、效益指标：学生成绩，年度指标值：有效提升。", "(1)班学生人数"],
    ["1、产出指标：⑴班学生人数≥40人。2、效益指标：学生成绩，年度指标值：有效提升。", "⑴班学生人数"],
    // two such items: another heading, but no section with a second sub-item
    ["1、产出指标：①号线站点改造数量，年度指标值：≥10个。2、效益指标：①号线客流增长率，年度指标值：≥5%。", "①号线站点改造数量"],
    ["1、产出指标：1）类人员培训人数，年度指标值：≥40人。2、效益指标：1）类人员就业率，年度指标值：≥60%。", "1）类人员培训人数"],
    // an enumeration, and a sub-number numbered like the item
    ["1、产出指标：1、2号楼改造面积，年度指标值：≥500平方米。2、效益指标：水平，年度指标值：合格。", "1、2号楼改造面积"],
    ["1、产出指标：1、培训人数≥100人；2、合格率≥95%。", "1、培训人数"],
  ])("%j", (text, name) => {
    const cell = parseIndicatorCell(text);
    expect(cell.sections).toBeUndefined();
    expect(cell.items[0]).toMatchObject({ number: 1, numberingStyle: "dun", level1: "产出指标", level1Source: "written", name });
  });

  it("keeps values and enumerations inside their item", () => {
    expect(items("1、产出指标：设备数量，年度指标值：(≥1)台。2、效益指标：水平，年度指标值：合格。").map(([n, , , , , , name, value]) => [n, name, value])).toEqual([
      [1, "设备数量", "(≥1)台"],
      [2, "水平", "合格"],
    ]);
    expect(parseIndicatorCell("1、产出指标：第3、4季度培训次数，年度指标值：≥2次。").items).toHaveLength(1);
  });
});
