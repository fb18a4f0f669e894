import { parseIndicatorCell } from "../../src/core/parse/parseCell";

/** `[number, style, level1, value]` of every item: what the segmenter decided. */
const items = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.numberingStyle, i.level1, i.value.raw]);

describe("segmenter: a run-on item with an unexpected number", () => {
  it("splits at a repeated number followed by a category word", () => {
    expect(items("1、产出指标：培训人数，年度指标值：≥100人2、效益指标：水平，年度指标值：合格2、满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [1, "dun", "产出指标", "≥100人"],
      [2, "dun", "效益指标", "合格"],
      [2, "dun", "满意度指标", "≥90%"],
    ]);
  });

  it("splits at a skipped number followed by a category word", () => {
    expect(items("1、产出指标：培训人数，年度指标值：≥100人3、效益指标：水平，年度指标值：合格4、满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [1, "dun", "产出指标", "≥100人"],
      [3, "dun", "效益指标", "合格"],
      [4, "dun", "满意度指标", "≥90%"],
    ]);
  });

  it("splits at an unexpected number in every digit style, and before a 二级 written with its 一级 or alone", () => {
    expect(items("1、产出指标：培训人数，年度指标值：≥100人(5)效益指标-社会效益指标：水平，年度指标值：合格")).toEqual([
      [1, "dun", "产出指标", "≥100人"],
      [5, "paren", "效益指标", "合格"],
    ]);
    expect(items("1.产出指标：培训人数，年度指标值：≥100人5.效果指标（社会效益指标）：水平，年度指标值：合格")).toEqual([
      [1, "dot", "产出指标", "≥100人"],
      [5, "dot", "效益指标", "合格"],
    ]);
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、数量指标：培训期数，年度指标值：≥2期")).toEqual([
      [1, "dun", "产出指标", "≥100人"],
      [5, "dun", "产出指标", "≥2期"],
    ]);
    expect(items("①产出指标：培训人数，年度指标值：≥100人③满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [1, "circled", "产出指标", "≥100人"],
      [3, "circled", "满意度指标", "≥90%"],
    ]);
  });

  it("does not split at an unexpected number that no full category word follows", () => {
    // `产出` alone is enough for the expected number (2), not for any other.
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、产出：资金拨付率。")).toHaveLength(1);
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、资金拨付率。")).toHaveLength(1);
    // a category word that runs on into a longer word is not a head
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、产出指标体系建设。")).toHaveLength(1);
  });

  it("splits there all the same when a second label shows a second item", () => {
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、产出：资金拨付率，年度指标值：100%")).toEqual([
      [1, "dun", "产出指标", "≥100人"],
      [5, "dun", "产出指标", "100%"],
    ]);
    expect(items("1、产出指标：培训人数，年度指标值：≥100人5、资金拨付率，年度指标值：100%").map(([n, , , v]) => [n, v])).toEqual([
      [1, "≥100人"],
      [5, "100%"],
    ]);
  });

  it("does not split at numbers inside names and values", () => {
    const cells = [
      "1、产出指标：第3、4季度开展培训次数，年度指标值：≥2次。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：1、2号楼改造面积，年度指标值：≥500平方米。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：培训人数，年度指标值：按1、2、3类分别统计。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：设备数量，年度指标值：(≥1)台。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：设备数量，年度指标值：≥1)效益指标。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：设备数量（含3)效益指标），年度指标值：≥2台。2、效益指标：水平，年度指标值：合格。",
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：统一、规范管理水平，年度指标值：合格。",
    ];
    for (const text of cells) expect(items(text).map(([n]) => n)).toEqual([1, 2]);
  });

  it("keeps spans inside the cell: each item's raw is its slice, in order, without overlap", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥100人3、效益指标：水平，年度指标值：合格3、满意度指标：满意度，年度指标值：≥90%";
    const cell = parseIndicatorCell(text);
    expect(cell.items.map((i) => text.slice(i.span.start, i.span.end))).toEqual(cell.items.map((i) => i.raw));
    expect(cell.items.map((i) => i.raw).join("")).toBe(text);
  });
});

describe("segmenter: numbering styles ①, 1）/1) and 一、", () => {
  it("reads circled numbers ① … ⑳", () => {
    expect(items("①产出指标：培训人数，年度指标值：≥100人。②效益指标：水平，年度指标值：合格。⑳满意度指标：满意度，年度指标值：≥90%。")).toEqual([
      [1, "circled", "产出指标", "≥100人"],
      [2, "circled", "效益指标", "合格"],
      [20, "circled", "满意度指标", "≥90%"],
    ]);
  });

  it("reads 1） and 1) at the start of items, full width or not", () => {
    expect(items("1）产出指标：培训人数，年度指标值：≥100人。2）效益指标：水平，年度指标值：合格；３)满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [1, "closeParen", "产出指标", "≥100人"],
      [2, "closeParen", "效益指标", "合格"],
      [3, "closeParen", "满意度指标", "≥90%"],
    ]);
    // run on, the next number
    expect(items("1)产出指标：培训人数，年度指标值：≥100人2)效益指标：水平，年度指标值：合格")).toEqual([
      [1, "closeParen", "产出指标", "≥100人"],
      [2, "closeParen", "效益指标", "合格"],
    ]);
  });

  it("reads 一、 … 二十、 at the start of the cell and after a terminator", () => {
    expect(items("一、产出指标：培训人数，年度指标值：≥100人。二、效益指标：水平，年度指标值：合格；\n十一、满意度指标：满意度，年度指标值：≥90%\n二十、成本指标：人均成本，年度指标值：≤500元")).toEqual([
      [1, "hanzi", "产出指标", "≥100人"],
      [2, "hanzi", "效益指标", "合格"],
      [11, "hanzi", "满意度指标", "≥90%"],
      [20, "hanzi", "成本指标", "≤500元"],
    ]);
    const cell = parseIndicatorCell("三、产出指标：培训人数，年度指标值：≥100人");
    expect(cell.items[0]).toMatchObject({ number: 3, numberRaw: "三", numberingStyle: "hanzi", name: "培训人数" });
  });

  it("does not read 一、 inside text, nor as a run-on item", () => {
    // `二` is no item number here; the 效益指标 after the `、` is an item, its number left out.
    expect(items("1、产出指标：培训人数，年度指标值：≥100人二、效益指标：水平，年度指标值：合格")).toEqual([
      [1, "dun", "产出指标", "≥100人二"],
      [undefined, "none", "效益指标", "合格"],
    ]);
    expect(items("1、产出指标：统一、规范培训人数，年度指标值：≥100人。2、效益指标：水平，年度指标值：合格。").map(([n]) => n)).toEqual([1, 2]);
    // `三、四季度` after a terminator is an enumeration, not item 3 (its glued count `一次` is its value,
    // as `1次` would be)
    expect(items("1、产出指标：培训次数，年度指标值：≥2次。三、四季度各开展一次")[1]).toEqual([undefined, "none", undefined, "一次"]);
  });
});

describe("a section heading `一、产出指标` over items numbered 1、2、", () => {
  it("is the cell's first section, not an item without a value, and gives the items its 一级", () => {
    const cell = parseIndicatorCell("一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人\n2、质量指标：合格率，年度指标值：≥90%");
    expect(cell.leading).toBeUndefined();
    expect(cell.sections?.map((s) => [s.raw, s.level1, s.firstItem, s.itemCount])).toEqual([["一、产出指标\n", "产出指标", 1, 2]]);
    expect(cell.items.map((i) => [i.index, i.number, i.numberingStyle, i.name, i.level1])).toEqual([
      [1, 1, "dun", "培训人数", "产出指标"],
      [2, 2, "dun", "合格率", "产出指标"],
    ]);
  });

  it("a first line `一、` over other items that names no known 一级 is still leading text", () => {
    const cell = parseIndicatorCell("一、绩效指标：\n1、产出指标：培训人数，年度指标值：≥100人\n2、效益指标：水平，年度指标值：合格");
    expect(cell.leading?.text).toBe("一、绩效指标：\n");
    expect(cell.sections).toBeUndefined();
    expect(cell.items.map((i) => i.number)).toEqual([1, 2]);
  });
});

describe("unnumbered items on their own lines", () => {
  it("start at a line that opens with a whole 二级 word, as at one that opens with a 一级", () => {
    const cell = parseIndicatorCell("数量指标：培训人数≥100人\n质量指标：合格率≥95%");
    expect(cell.items.map((i) => [i.level2, i.name, i.value.raw])).toEqual([
      ["数量指标", "培训人数", "≥100人"],
      ["质量指标", "合格率", "≥95%"],
    ]);
    // A 二级 word opening a name is no 二级 of its own (the line is an item for writing a name and a value);
    // the item continues the 一级 written above it, under which its name infers 质量指标.
    const items = parseIndicatorCell("产出指标：培训人数≥100人\n数量指标考核达标率≥95%").items;
    expect(items.map((i) => [i.name, i.level2Source, i.value.raw])).toEqual([
      ["培训人数", "inferred", "≥100人"],
      ["数量指标考核达标率", "inferred", "≥95%"],
    ]);
  });
});

describe("segmenter: unnumbered `名称：值` items one per line", () => {
  const named = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw]);

  it("ends an item at the line break when the next line writes another name and value", () => {
    expect(named("培训人数：≥100人\n培训期数：≥4期")).toEqual([
      ["培训人数", "≥100人"],
      ["培训期数", "≥4期"],
    ]);
    expect(named("服务质量：明显提升\n群众满意度≥90%")).toEqual([
      ["服务质量", "明显提升"],
      ["群众满意度", "≥90%"],
    ]);
    expect(named("培训人数（人）：100\r\n培训期数（期）：4")).toEqual([
      ["培训人数（人）", "100"],
      ["培训期数（期）", "4"],
    ]);
  });

  it("goes on with the item where the line ends at its colon or the next line writes no name and value", () => {
    expect(named("1、产出指标：培训人数：\n≥100人")).toEqual([["培训人数", "≥100人"]]);
    expect(named("培训人数：≥100人\n（含线上培训）").map(([name]) => name)).not.toContain("（含线上培训）");
  });
});

describe("segmenter: `名称：值` lines with notes and odd names between them", () => {
  const named = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw]);

  it("ends a note line where the next item begins, and joins the note to the item before", () => {
    const items = parseIndicatorCell("培训人数：≥100人\n注：以实际为准\n培训期数：≥4期\n群众满意度：≥90%").items;
    expect(items.map((i) => [i.name, i.value.raw])).toEqual([
      ["培训人数", "≥100人"],
      ["培训期数", "≥4期"],
      ["群众满意度", "≥90%"],
    ]);
    expect(items[0]?.raw.trim()).toBe("培训人数：≥100人\n注：以实际为准");
  });

  it("reads a space before the colon and a colon inside the name's brackets", () => {
    expect(named("培训人数：≥100人\n培训期数 ：≥4期")).toEqual([
      ["培训人数", "≥100人"],
      ["培训期数", "≥4期"],
    ]);
    expect(named("培训人数：≥100人\n培训人数（单位：人次）：≥300")).toEqual([
      ["培训人数", "≥100人"],
      ["培训人数（单位：人次）", "≥300"],
    ]);
  });
});

describe("segmenter: lines written `名称≥值` or `名称，值`", () => {
  const named = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw]);

  it("ends an item at the line break whichever way each line joins its name and value", () => {
    expect(named("带动就业≥50人\n居民健康水平，年度指标值：有效提升")).toEqual([
      ["带动就业", "≥50人"],
      ["居民健康水平", "有效提升"],
    ]);
    expect(named("居民健康水平，有效提升\n带动就业≥50人")).toEqual([
      ["居民健康水平", "有效提升"],
      ["带动就业", "≥50人"],
    ]);
    expect(named("1、产出指标：培训人数≥200人\n培训期数，年度指标值：≥4期\n2、效益指标：知晓率，年度指标值：≥90%")).toEqual([
      ["培训人数", "≥200人"],
      ["培训期数", "≥4期"],
      ["知晓率", "≥90%"],
    ]);
  });
});

describe("two indicators in one item, a comma between them", () => {
  const read = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number ?? null, i.level1 ?? "", i.level1Source, i.name, i.value.raw]);

  it("are two items when each side is a name, an operator glyph and its value; the second continues the first's 一级", () => {
    expect(read("产出指标：培训人数≥100人，资金拨付率≥90%。效益指标：群众知晓率≥85%。")).toEqual([
      [null, "产出指标", "written", "培训人数", "≥100人"],
      [null, "产出指标", "heading", "资金拨付率", "≥90%"],
      [null, "效益指标", "written", "群众知晓率", "≥85%"],
    ]);
    expect(read("1、产出指标：培训人数≥100人，覆盖率≥90%。2、效益指标：知晓率，年度指标值：≥90%")).toEqual([
      [1, "产出指标", "written", "培训人数", "≥100人"],
      [null, "产出指标", "heading", "覆盖率", "≥90%"],
      [2, "效益指标", "written", "知晓率", "≥90%"],
    ]);
  });

  it("split with word operators too, the value keeping its words (不少于, 不低于)", () => {
    expect(read("产出指标：培训人数不少于100人，资金拨付率不低于90%；效益指标：知晓率≥85%")).toEqual([
      [null, "产出指标", "written", "培训人数", "不少于100人"],
      [null, "产出指标", "heading", "资金拨付率", "不低于90%"],
      [null, "效益指标", "written", "知晓率", "≥85%"],
    ]);
  });

  it("stay one item, its value whole, before a part or a remark with a number (含线上≥50人, 力争≥95%, 每期≥20人)", () => {
    expect(read("产出指标：培训人数≥100人，含线上≥50人；效益指标：知晓率≥90%，力争≥95%；产出指标：培训场次≥5场，每期≥20人")).toEqual([
      [null, "产出指标", "written", "培训人数", "≥100人，含线上≥50人"],
      [null, "效益指标", "written", "知晓率", "≥90%，力争≥95%"],
      [null, "产出指标", "written", "培训场次", "≥5场，每期≥20人"],
    ]);
    // An indicator whose name opens like a remark (按…, 每万人口…) is no remark on the value before it.
    expect(read("产出指标：资金拨付率≥90%，按期完成率≥95%").map((r) => r[3])).toEqual(["资金拨付率", "按期完成率"]);
    expect(parseIndicatorCell("1、产出指标：医疗服务，年度指标值：≥90%，每万人口执业医师数≥3人").items[0]!.value.kind).toBe("qualitative");
    const value = parseIndicatorCell("1、产出指标：培训人数，年度指标值：不少于100人，其中骨干教师≥20人。").items[0]!.value;
    expect([value.kind, value.operator, value.number, value.unit, value.remark]).toEqual(["quantitative", "≥", 100, "人", "，其中骨干教师≥20人"]);
  });

  it("stay one item before a remark, a second bound, a part (其中) or a name without its value", () => {
    expect(read("1、产出指标：资金拨付率≥90%，以实际为准")).toHaveLength(1);
    expect(read("1、产出指标：合格率≥95%，≤100%")).toHaveLength(1);
    expect(read("1、产出指标：培训人数≥100人，其中骨干教师≥20人")).toHaveLength(1);
    expect(read("1、产出指标：培训人数≥100人，资金拨付率")).toHaveLength(1);
    expect(read("1、产出指标：培训人数，年度指标值：≥100人，以线上为主")).toHaveLength(1);
  });

  it("a numbered item's second part does not take a 一级 from an item before that wrote none", () => {
    expect(read("1、产出指标：培训人数，年度指标值：≥100人。2、资金拨付率≥90%，完成率≥95%").map((r) => r[2])).toEqual(["written", "none", "none"]);
  });
});

describe("items on one line apart by spaces only", () => {
  const read = (text: string) => parseIndicatorCell(text).items.map((i) => [i.level1 ?? "", i.name, i.value.raw]);

  it("split at the next number and at a 一级 heading after a name, glyph and value", () => {
    expect(read("产出指标：1.培训人数≥100人 2.资金拨付率≥90% 效益指标：1.群众知晓率≥85% 满意度指标：1.群众满意度≥90%")).toEqual([
      ["产出指标", "培训人数", "≥100人"],
      ["产出指标", "资金拨付率", "≥90%"],
      ["效益指标", "群众知晓率", "≥85%"],
      ["满意度指标", "群众满意度", "≥90%"],
    ]);
    expect(read("产出指标：培训人数≥100人 效益指标：知晓率≥85%")).toEqual([
      ["产出指标", "培训人数", "≥100人"],
      ["效益指标", "知晓率", "≥85%"],
    ]);
  });

  it("not at a number in a value, nor at an unexpected number, nor after words with no value", () => {
    expect(read("1.培训人数≥100人 3.资金拨付率≥90%")).toHaveLength(1);
    expect(read("1.产出指标：开展培训 2.群众知晓率≥85%")).toHaveLength(1);
    expect(read("1、产出指标：补助标准，年度指标值：≥1 2.5万元")).toHaveLength(1);
  });
});
