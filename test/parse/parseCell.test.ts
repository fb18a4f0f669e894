import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IndicatorItem, Span } from "../../src/core/model";
import { parseIndicatorCell, parseItemFromParts } from "../../src/core/parse/parseCell";

const SEED = readFileSync(join(__dirname, "../fixtures/files/seed.tsv"), "utf8").split(/\r?\n/);
const seedCell = (rowNumber: number) => SEED[rowNumber - 1]?.split("\t")[4] ?? "";

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe("parseIndicatorCell on the seed", () => {
  const text = seedCell(6);
  const cell = parseIndicatorCell(text);

  it("reads the five items of a 党代表任期制 row", () => {
    expect(cell.items.map((i) => [i.number, i.level1, i.name, i.value.raw])).toEqual([
      [1, "产出指标", "资金拨付时效指标", "≥90%"],
      [2, "产出指标", "党代会年会制试点镇数量指标", "≥100%"],
      [3, "产出指标", "拨付完成率指标", "≥100%"],
      [4, "效益指标", "基层党建水平指标", "合格"],
      [5, "效益指标", "党代表基层联系群众工作指标", "合格"],
    ]);
  });

  it("reads item 5, whose label is missing, as no label and the value 合格", () => {
    const item5 = cell.items[4]!;
    expect(item5.label).toBeUndefined();
    expect(item5.labelSpan).toBeUndefined();
    expect(item5.value).toMatchObject({ kind: "qualitative", raw: "合格" });
    expect(at(text, item5.value.span)).toBe("合格");
  });

  it("points every span at what the user typed", () => {
    const item1 = cell.items[0]!;
    expect(item1.raw).toBe("1、产出指标：资金拨付时效指标，年度指标值：≥90%。");
    expect(at(text, item1.span)).toBe(item1.raw);
    expect(at(text, item1.level1Span)).toBe("产出指标");
    expect(at(text, item1.nameSpan)).toBe("资金拨付时效指标");
    expect(at(text, item1.labelSpan)).toBe("年度指标值");
    expect(at(text, item1.value.span)).toBe("≥90%");
    expect(item1.numberRaw).toBe("1");
  });

  it("covers the whole cell with back-to-back items", () => {
    expect(cell.items.map((i) => i.raw).join("")).toBe(text);
    expect(cell.leading).toBeUndefined();
  });
});

describe("parseIndicatorCell: spans into text with full-width forms and line breaks", () => {
  it("keeps offsets exact when width folding changed characters", () => {
    const text = "（１）产出指标：培训人数，年度指标值：≥２００人；（２）效益指标：知晓率，年度指标值：９０％";
    const cell = parseIndicatorCell(text);
    expect(cell.items.map((i) => [i.number, i.numberRaw, i.numberingStyle, i.value.number, i.value.unit])).toEqual([
      [1, "１", "paren", 200, "人"],
      [2, "２", "paren", 90, "%"],
    ]);
    for (const item of cell.items) {
      expect(at(text, item.span)).toBe(item.raw);
      expect(at(text, item.nameSpan)).toBe(item.name);
      expect(at(text, item.value.span)).toBe(item.value.raw);
    }
    expect(at(text, cell.items[1]!.value.span)).toBe("９０％");
  });

  it("leaves the white space between items outside both", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥200人。\r\n  2、效益指标：知晓率，年度指标值：≥90%。\n";
    const cell = parseIndicatorCell(text);
    expect(cell.items.map((i) => i.raw)).toEqual(["1、产出指标：培训人数，年度指标值：≥200人。", "2、效益指标：知晓率，年度指标值：≥90%。"]);
  });

  it("gives an item cut off mid-way an empty value at the end of the text", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥200人。2、效益指标：基层党建水平指标，";
    const item = parseIndicatorCell(text).items[1]!;
    expect(item.value).toEqual({ kind: "empty", raw: "", span: { start: text.length, end: text.length } });
    expect(item.terminator).toBeUndefined();
    expect(item.span.end).toBe(text.length);
  });
});

describe("parseIndicatorCell: what starts an item", () => {
  it("does not start an item at a number inside a name or a value", () => {
    const cell = parseIndicatorCell("1、产出指标：第2、3季度开展培训次数，年度指标值：≥2次。2、产出指标：审批时限，年度指标值：2个工作日。");
    expect(cell.items.map((i) => i.name)).toEqual(["第2、3季度开展培训次数", "审批时限"]);
  });

  it("starts an item at the next expected number when a category follows, even without a terminator", () => {
    const cell = parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥200人2、产出指标：资金拨付率，年度指标值：100%");
    expect(cell.items.map((i) => [i.number, i.value.raw])).toEqual([
      [1, "≥200人"],
      [2, "100%"],
    ]);
  });

  it("splits at a number that is not the next one only when a whole category word follows", () => {
    expect(parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥200人5、产出：资金拨付率。").items).toHaveLength(1);
    // a skipped number run on: an item of its own, for numbering_irregular to report
    const cell = parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥200人5、产出指标：资金拨付率，年度指标值：100%");
    expect(cell.items.map((i) => [i.number, i.value.raw])).toEqual([
      [1, "≥200人"],
      [5, "100%"],
    ]);
  });

  it("returns a heading before numbered items as leading text", () => {
    const cell = parseIndicatorCell("绩效指标：\n1、产出指标：培训人数，年度指标值：≥200人。");
    expect(cell.leading).toEqual({ text: "绩效指标：\n", span: { start: 0, end: 6 } });
    expect(cell.items.map((i) => i.index)).toEqual([1]);
  });

  it("finds no item in prose, dashes, white space or an empty cell", () => {
    for (const text of ["按要求完成年度工作任务，确保资金使用效益。", "-------------------", "  \n ", ""]) {
      expect(parseIndicatorCell(text)).toEqual({ text, items: [] });
    }
  });
});

describe("parseIndicatorCell: categories", () => {
  const item = (text: string): IndicatorItem => parseIndicatorCell(text).items[0]!;

  it("keeps an unknown 一级 as written, without a canonical one", () => {
    const text = "3、产出指数：培训期数，年度指标值：≥5期。";
    expect(item(text)).toMatchObject({ level1Raw: "产出指数", level2Source: "none" });
    expect(item(text).level1).toBeUndefined();
    expect(at(text, item(text).level1Span)).toBe("产出指数");
  });

  it("records a written 二级 with its raw text and an inferred one as inferred", () => {
    expect(item("1、效益指标（环境效益指标）：绿化覆盖率，年度指标值：≥40%。")).toMatchObject({
      level1: "效益指标",
      level2: "生态效益指标",
      level2Raw: "环境效益指标",
      level2Source: "written",
    });
    expect(item("1、产出指标：资金拨付及时率，年度指标值：≥95%。")).toMatchObject({ level2: "时效指标", level2Source: "inferred" });
    expect(item("1、效益指标：群众满意度，年度指标值：≥90%。").level2Source).toBe("none");
  });
});

describe("parseItemFromParts (one indicator per row)", () => {
  const parts = { level1: "产出指标", level2: "", name: "培训人数", value: "", operator: "", unit: "" };

  it("reads the columns and infers the 二级 from the name", () => {
    const item = parseItemFromParts({ ...parts, value: "≥200人" }, 3);
    expect(item).toMatchObject({ index: 3, numberingStyle: "none", level1: "产出指标", level1Raw: "产出指标", level2: "数量指标", level2Source: "inferred", name: "培训人数" });
    expect(item.value).toMatchObject({ kind: "quantitative", raw: "≥200人", operator: "≥", number: 200, unit: "人", span: { start: 0, end: 5 } });
    expect(item.label).toBeUndefined();
    expect(item.number).toBeUndefined();
  });

  it("joins the operator and unit columns to the value, keeping the span in the value cell", () => {
    const item = parseItemFromParts({ ...parts, name: "资金拨付率", value: " 90 ", operator: "≥", unit: "%" }, 1);
    expect(item.value).toMatchObject({ kind: "quantitative", raw: "≥90%", operator: "≥", operatorSource: "glyph", number: 90, unit: "%", span: { start: 1, end: 3 } });
  });

  it("ignores operator words that are not operators and a unit the value already has", () => {
    const item = parseItemFromParts({ ...parts, value: "200人", operator: "正向", unit: "人" }, 1);
    expect(item.value).toMatchObject({ raw: "200人", operator: "=", operatorSource: "implicit", unit: "人" });
    const qualitative = parseItemFromParts({ ...parts, value: "合格", operator: "=", unit: "定性" }, 1);
    expect(qualitative.value).toMatchObject({ kind: "qualitative", raw: "合格" });
  });

  it("scales the unit column's unit by a magnitude in the value cell (`52万` + `人` is `52万人`)", () => {
    const read = (value: string, operator: string, unit: string) => {
      const v = parseItemFromParts({ ...parts, value, operator, unit }, 1).value;
      return [v.raw, v.operator, v.number, v.unit];
    };
    expect(read("52万", "≥", "人")).toEqual(["≥52万人", "≥", 52, "万人"]);
    expect(read("1.2万", "", "人次")).toEqual(["1.2万人次", "=", 1.2, "万人次"]);
    expect(read("3.5亿", "≤", "元")).toEqual(["≤3.5亿元", "≤", 3.5, "亿元"]);
    expect(read("52万以上", "", "人")).toEqual(["52万人以上", "≥", 52, "万人"]);
    // A scaled unit column, or none, leaves the value's magnitude as written.
    expect(read("3.5", "≤", "万元")).toEqual(["≤3.5万元", "≤", 3.5, "万元"]);
    expect(read("3.5万", "", "万元")).toEqual(["3.5万", "=", 3.5, "万"]);
    expect(read("52万", "≥", "")).toEqual(["≥52万", "≥", 52, "万"]);
  });

  it("reads a category or name column holding two levels as an item's head (DOMAIN §2 forms)", () => {
    const levels = (level1: string, level2: string, name: string) => {
      const item = parseItemFromParts({ ...parts, level1, level2, name, value: "≥1" }, 1);
      return [item.level1Raw, item.level1, item.level2Raw, item.level2, item.level2Source, item.name];
    };
    expect(levels("产出指标（数量指标）", "", "作业次数")).toEqual(["产出指标", "产出指标", "数量指标", "数量指标", "written", "作业次数"]);
    expect(levels("产出指标-质量指标", "", "事故发生率")).toEqual(["产出指标", "产出指标", "质量指标", "质量指标", "written", "事故发生率"]);
    expect(levels("", "产出指标-数量指标", "培训人数")).toEqual(["产出指标", "产出指标", "数量指标", "数量指标", "written", "培训人数"]);
    expect(levels("产出指标", "", "质量指标：数据差错率")).toEqual(["产出指标", "产出指标", "质量指标", "质量指标", "written", "数据差错率"]);
    expect(levels("", "", "产出指标-数量指标-举办赛事场次")).toEqual(["产出指标", "产出指标", "数量指标", "数量指标", "written", "举办赛事场次"]);
    // A head in the name that contradicts the columns, or is no known category, stays the name.
    expect(levels("效益指标", "", "时效指标：资金拨付及时率")).toEqual(["效益指标", "效益指标", undefined, undefined, "none", "时效指标：资金拨付及时率"]);
    expect(levels("产出指标", "质量指标", "数量指标：培训人数")).toEqual(["产出指标", "产出指标", "质量指标", "质量指标", "written", "数量指标：培训人数"]);
    expect(levels("", "", "产出数量")).toEqual([undefined, undefined, undefined, undefined, "none", "产出数量"]);
    expect(levels("产出指数", "", "培训人数")).toEqual(["产出指数", undefined, undefined, undefined, "none", "培训人数"]);
  });

  it("keeps a written 二级, known or not", () => {
    expect(parseItemFromParts({ ...parts, level2: "数量指标", value: "5" }, 1)).toMatchObject({ level2: "数量指标", level2Source: "written" });
    const unknown = parseItemFromParts({ ...parts, level2: "数额指标", value: "5" }, 1);
    expect(unknown).toMatchObject({ level2Raw: "数额指标", level2Source: "written" });
    expect(unknown.level2).toBeUndefined();
  });

  it("reads an empty value as empty and an unknown 一级 as written", () => {
    const item = parseItemFromParts({ ...parts, level1: "产出指数", value: "" }, 1);
    expect(item.value.kind).toBe("empty");
    expect(item.level1Raw).toBe("产出指数");
    expect(item.level1).toBeUndefined();
  });
});
