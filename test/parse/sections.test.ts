import { parseIndicatorCell } from "../../src/core/parse/parseCell";

/** `[index, number, style, level1, level1Source, level2, level2Source, name, value]` of every item. */
const items = (text: string) =>
  parseIndicatorCell(text).items.map((i) => [i.index, i.number, i.numberingStyle, i.level1, i.level1Source, i.level2, i.level2Source, i.name, i.value.raw]);
/** `[number, style, level1Raw, firstItem, itemCount, raw]` of every section heading. */
const sections = (text: string) => (parseIndicatorCell(text).sections ?? []).map((s) => [s.number, s.numberingStyle, s.level1Raw, s.firstItem, s.itemCount, s.raw]);

const SECTIONED =
  "一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人\n2、时效指标：完成时间，年度指标值：2025年12月底前\n" +
  "二、效益指标\n1、社会效益指标：群众知晓率，年度指标值：≥90%\n" +
  "三、满意度指标\n1、服务对象满意度指标：群众满意度，年度指标值：≥90%";

describe("a cell written in sections", () => {
  it("reads the headings as sections, not items, and gives their 一级 to the items under them", () => {
    expect(items(SECTIONED)).toEqual([
      [1, 1, "dun", "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [2, 2, "dun", "产出指标", "heading", "时效指标", "written", "完成时间", "2025年12月底前"],
      [3, 1, "dun", "效益指标", "heading", "社会效益指标", "written", "群众知晓率", "≥90%"],
      [4, 1, "dun", "满意度指标", "heading", "服务对象满意度指标", "written", "群众满意度", "≥90%"],
    ]);
    expect(sections(SECTIONED)).toEqual([
      [1, "hanzi", "产出指标", 1, 2, "一、产出指标\n"],
      [2, "hanzi", "效益指标", 3, 1, "二、效益指标\n"],
      [3, "hanzi", "满意度指标", 4, 1, "三、满意度指标\n"],
    ]);
    expect(parseIndicatorCell(SECTIONED).leading).toBeUndefined();
  });

  it("keeps spans honest: headings and items in order, no item holding a span outside itself", () => {
    const cell = parseIndicatorCell(SECTIONED);
    const pieces = [...cell.items.map((i) => [i.span.start, i.span.end, i.raw] as const), ...(cell.sections ?? []).map((s) => [s.span.start, s.span.end, s.raw] as const)];
    pieces.sort((a, b) => a[0] - b[0]);
    expect(pieces.map(([, , raw]) => raw).join("")).toBe(SECTIONED);
    for (const [start, end, raw] of pieces) expect(SECTIONED.slice(start, end)).toBe(raw);
    for (const item of cell.items) expect(item.level1Span).toBeUndefined();
    for (const s of cell.sections ?? []) expect(SECTIONED.slice(s.level1Span.start, s.level1Span.end)).toBe(s.level1Raw);
  });

  it("reads items without a 二级, inferring one under the heading's 一级", () => {
    expect(items("一、产出指标\n1、培训人数，年度指标值：≥100人\n2、培训期数，年度指标值：≥2期\n二、效益指标\n1、群众知晓率，年度指标值：≥90%")).toEqual([
      [1, 1, "dun", "产出指标", "heading", "数量指标", "inferred", "培训人数", "≥100人"],
      [2, 2, "dun", "产出指标", "heading", "数量指标", "inferred", "培训期数", "≥2期"],
      [3, 1, "dun", "效益指标", "heading", undefined, "none", "群众知晓率", "≥90%"],
    ]);
  });

  it.each([
    ["（一）产出指标\n1、培训人数，年度指标值：≥100人\n（二）效益指标\n1、群众知晓率，年度指标值：≥90%", "parenHanzi", "dun"],
    ["(一)产出指标\n(1)培训人数，年度指标值：≥100人\n(二)效益指标\n(1)群众知晓率，年度指标值：≥90%", "parenHanzi", "paren"],
    ["一、产出指标：\n1.培训人数，年度指标值：≥100人\n二、效益指标：\n1.群众知晓率，年度指标值：≥90%", "hanzi", "dot"],
    ["一、产出指标；\n1、培训人数，年度指标值：≥100人；\n二、效益指标；\n1、群众知晓率，年度指标值：≥90%", "hanzi", "dun"],
    ["一、产出指标。1、培训人数，年度指标值：≥100人。二、效益指标。1、群众知晓率，年度指标值：≥90%。", "hanzi", "dun"],
    ["一、产出指标：1、培训人数，年度指标值：≥100人；二、效益指标：1、群众知晓率，年度指标值：≥90%", "hanzi", "dun"],
    ["一、产出指标；(1)培训人数，年度指标值：≥100人；二、效益指标；(1)群众知晓率，年度指标值：≥90%", "hanzi", "paren"],
    ["产出指标\n①培训人数，年度指标值：≥100人\n效益指标\n①群众知晓率，年度指标值：≥90%", "none", "circled"],
    ["产出指标：\n⑴培训人数，年度指标值：≥100人\n效益指标：\n⑴群众知晓率，年度指标值：≥90%", "none", "paren"],
  ])("reads the headings of %j", (text, headingStyle, itemStyle) => {
    expect(sections(text).map(([, style, level1, first, count]) => [style, level1, first, count])).toEqual([
      [headingStyle, "产出指标", 1, 1],
      [headingStyle, "效益指标", 2, 1],
    ]);
    expect(items(text).map(([, number, style, level1, source, , , name, value]) => [number, style, level1, source, name, value])).toEqual([
      [1, itemStyle, "产出指标", "heading", "培训人数", "≥100人"],
      [1, itemStyle, "效益指标", "heading", "群众知晓率", "≥90%"],
    ]);
  });

  it("keeps a 一级 an item writes itself, even under a heading", () => {
    const cell = parseIndicatorCell("一、产出指标\n1、产出指标：培训人数，年度指标值：≥100人\n2、效果指标：知晓率，年度指标值：≥90%");
    expect(cell.items.map((i) => [i.level1Raw, i.level1, i.level1Source])).toEqual([
      ["产出指标", "产出指标", "written"],
      ["效果指标", "效益指标", "written"],
    ]);
    expect(cell.sections).toHaveLength(1);
  });

  it("keeps the older 效果指标 of a heading as written", () => {
    expect(parseIndicatorCell("一、效果指标\n1、群众知晓率，年度指标值：≥90%").items[0]).toMatchObject({ level1Raw: "效果指标", level1: "效益指标", level1Source: "heading" });
  });

  it("keeps a title before the first heading as leading text", () => {
    const text = "绩效指标：\n一、产出指标\n1、培训人数，年度指标值：≥100人\n二、效益指标\n1、群众知晓率，年度指标值：≥90%";
    const cell = parseIndicatorCell(text);
    expect(cell.leading?.text).toBe("绩效指标：\n");
    expect(sections(text).map(([n, , l1, first, count]) => [n, l1, first, count])).toEqual([
      [1, "产出指标", 1, 1],
      [2, "效益指标", 2, 1],
    ]);
    expect(cell.items.map((i) => [i.index, i.level1])).toEqual([
      [1, "产出指标"],
      [2, "效益指标"],
    ]);
  });

  it("reads an unnumbered first line that is a 一级 as a section, no longer as leading text", () => {
    const cell = parseIndicatorCell("产出指标\n1、培训人数，年度指标值：≥100人\n2、培训期数，年度指标值：≥2期");
    expect(cell.leading).toBeUndefined();
    expect(cell.sections?.map((s) => [s.level1, s.firstItem, s.itemCount])).toEqual([["产出指标", 1, 2]]);
    expect(cell.items.map((i) => i.level1)).toEqual(["产出指标", "产出指标"]);
  });

  it("leaves items before the first heading in no section", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥100人。二、效益指标\n(1)群众知晓率，年度指标值：≥90%";
    expect(sections(text).map(([n, style, l1, first, count]) => [n, style, l1, first, count])).toEqual([[2, "hanzi", "效益指标", 2, 1]]);
    expect(items(text).map(([index, , , level1, source]) => [index, level1, source])).toEqual([
      [1, "产出指标", "written"],
      [2, "效益指标", "heading"],
    ]);
  });

  it("does not read a cut-off item, or a head-only line over items numbered the same way, as a heading", () => {
    // the last item stops after its 一级: an item without a value, as before
    expect(parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标").sections).toBeUndefined();
    expect(items("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标\n3、满意度指标：满意度，年度指标值：≥90%").map(([, n, , l1, , , , name, value]) => [n, l1, name, value])).toEqual([
      [1, "产出指标", "培训人数", "≥100人"],
      [2, "效益指标", "", ""],
      [3, "满意度指标", "满意度", "≥90%"],
    ]);
    // a heading with nothing under it but another heading is an item too
    const empty = parseIndicatorCell("一、产出指标\n1、培训人数，年度指标值：≥100人\n二、效益指标\n三、满意度指标\n1、满意度，年度指标值：≥90%");
    expect(empty.sections?.map((s) => s.level1)).toEqual(["产出指标", "满意度指标"]);
    expect(empty.items.map((i) => [i.number, i.numberingStyle, i.level1, i.value.kind])).toEqual([
      [1, "dun", "产出指标", "quantitative"],
      [2, "hanzi", "效益指标", "empty"],
      [1, "dun", "满意度指标", "quantitative"],
    ]);
  });

  it("does not split a name that starts with a number after a numbered item's 一级", () => {
    // `1、2号楼` is an enumeration, and a heading runs on only into an item numbered another way
    expect(items("1、产出指标：1、2号楼改造面积，年度指标值：≥500平方米").map(([, n, , , , , , name]) => [n, name])).toEqual([[1, "1、2号楼改造面积"]]);
  });

  it("reads a cell without sections exactly as before (no sections field)", () => {
    const cell = parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：水平，年度指标值：合格。");
    expect(cell.sections).toBeUndefined();
    expect(cell.items.map((i) => i.level1Source)).toEqual(["written", "written"]);
  });
});

describe("numbering styles （一）/(一) and ⑴⑵⑶", () => {
  it("reads （一） and (一) as item numbers of the style parenHanzi, at the start of items only", () => {
    expect(
      parseIndicatorCell("（一）产出指标：培训人数，年度指标值：≥100人。(二)效益指标：水平，年度指标值：合格。\n（十一）满意度指标：满意度，年度指标值：≥90%").items.map((i) => [
        i.number,
        i.numberRaw,
        i.numberingStyle,
        i.level1,
      ]),
    ).toEqual([
      [1, "一", "parenHanzi", "产出指标"],
      [2, "二", "parenHanzi", "效益指标"],
      [11, "十一", "parenHanzi", "满意度指标"],
    ]);
    // inside an item it is text
    expect(parseIndicatorCell("1、产出指标：培训（一）班人数，年度指标值：≥100人").items.map((i) => i.name)).toEqual(["培训（一）班人数"]);
    expect(parseIndicatorCell("（一般）产出指标：培训人数，年度指标值：≥100人").items[0]?.number).toBeUndefined();
  });

  it("reads ⑴ … ⒇ as item numbers of the style paren, run on too", () => {
    expect(
      parseIndicatorCell("⑴产出指标：培训人数，年度指标值：≥100人⑵效益指标：水平，年度指标值：合格；⒇满意度指标：满意度，年度指标值：≥90%").items.map((i) => [
        i.number,
        i.numberRaw,
        i.numberingStyle,
        i.level1,
        i.value.raw,
      ]),
    ).toEqual([
      [1, "⑴", "paren", "产出指标", "≥100人"],
      [2, "⑵", "paren", "效益指标", "合格"],
      [20, "⒇", "paren", "满意度指标", "≥90%"],
    ]);
  });
});

describe("a `；` before 目标值：", () => {
  it("stays inside the item, as before 年度指标值：", () => {
    for (const label of ["目标值", "年度指标值", "目标值为"]) {
      const cell = parseIndicatorCell(`1、产出指标：培训人数；${label}：≥100人。2、效益指标：水平，年度指标值：合格`);
      expect(cell.items.map((i) => [i.number, i.name, i.label, i.value.raw])).toEqual([
        [1, "培训人数", label === "年度指标值" ? "年度指标值" : "目标值", "≥100人"],
        [2, "水平", "年度指标值", "合格"],
      ]);
    }
  });

  it("ends the item before 目标值 without a colon, which is no label", () => {
    expect(parseIndicatorCell("产出指标：培训人数，年度指标值：≥100人；目标值考核完成情况，年度指标值：合格").items).toHaveLength(2);
  });
});
