import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";
import { allItemCodes } from "../rules/harness";

/** Parser defects an audit found (audit 4), one block per finding. */

/** `[number, name, value as written]` of every item. */
const items = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.name, i.value.raw]);

const codes = allItemCodes;

const P = "1、产出指标：";

describe("an ASCII `.` ending an item", () => {
  it("ends the item before the next number, as `。` does", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥100人.2、效益指标：知晓率，年度指标值：≥90%.3、满意度指标：满意度，年度指标值：≥90%.";
    expect(items(text)).toEqual([
      [1, "培训人数", "≥100人"],
      [2, "知晓率", "≥90%"],
      [3, "满意度", "≥90%"],
    ]);
    expect(parseIndicatorCell(text).items.map((i) => i.terminator)).toEqual([".", ".", "."]);
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。",
    );
  });

  it("with `1.` numbering and after a word value", () => {
    expect(items("1.产出指标:培训人数,年度指标值:≥100人.2.效益指标:知晓率,年度指标值:≥90%.").map((i) => i[2])).toEqual(["≥100人", "≥90%"]);
    expect(items("1、效益指标：基层党建水平指标，年度指标值：合格.2、效益指标：党员覆盖率，年度指标值：≥90%.").map((i) => i[2])).toEqual(["合格", "≥90%"]);
  });

  it("at the end of the cell is the terminator, not the value's", () => {
    expect(items(`${P}培训人数，年度指标值：≥100人.`)).toEqual([[1, "培训人数", "≥100人"]]);
    expect(items(`${P}覆盖率，年度指标值：≥90.`)).toEqual([[1, "覆盖率", "≥90"]]);
    expect(codes(`${P}培训人数，年度指标值：≥100人.`)).not.toContainEqual([1, "qualitative_on_quantity"]);
  });

  it("after a number, before an item number and a category word", () => {
    const text = "1、产出指标：资金拨付率，年度指标值：≥100.2、效益指标：群众受益情况，年度指标值：有效提升。3、满意度指标：满意度，年度指标值：≥90%";
    expect(items(text)).toEqual([
      [1, "资金拨付率", "≥100"],
      [2, "群众受益情况", "有效提升"],
      [3, "满意度", "≥90%"],
    ]);
    // A decimal before no category word, or before a dotted number, stays the number's.
    expect(items(`${P}资金，年度指标值：≥1.2、3项。`).map((i) => i[2])).toEqual(["≥1.2、3项"]);
    expect(items(`${P}完成时间，年度指标值：2025.12.31前。`).map((i) => i[2])).toEqual(["2025.12.31前"]);
  });

  it("keeps decimals, dates and dotted numbers", () => {
    expect(items(`${P}资金，年度指标值：1.5万元.2、产出指标：完成时间，年度指标值：2025.12.31前.3、产出指标：完成时间，年度指标值：2023.07-2024.01.`)).toEqual([
      [1, "资金", "1.5万元"],
      [2, "完成时间", "2025.12.31前"],
      [3, "完成时间", "2023.07-2024.01"],
    ]);
    // A dot before no item number stays inside the item.
    expect(items(`${P}培训人数，年度指标值：≥100人.其中女性≥50人。`)).toHaveLength(1);
  });
});

describe("a word operator or suffix glued to the name", () => {
  it("splits name and value as the glyph form does", () => {
    const text = "1、产出指标：培训人数不少于100人。2、效益指标：群众知晓率达到90%。3、满意度指标：服务对象满意度不低于90%。";
    expect(items(text)).toEqual([
      [1, "培训人数", "不少于100人"],
      [2, "群众知晓率", "达到90%"],
      [3, "服务对象满意度", "不低于90%"],
    ]);
    const found = codes(text);
    expect(found).not.toContainEqual([1, "value_missing"]);
    expect(found).toContainEqual([1, "value_label_missing"]);
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：群众知晓率，年度指标值：≥90%。3、满意度指标：服务对象满意度，年度指标值：≥90%。",
    );
  });

  it("a quantity with a suffix operator, a time after a time name", () => {
    const text = "1、产出指标：培训人数100人以上。2、产出指标：完成时间2025年12月底前。3、满意度指标：服务对象满意度90%以上。4、产出指标：办结时限30天以内。";
    expect(items(text)).toEqual([
      [1, "培训人数", "100人以上"],
      [2, "完成时间", "2025年12月底前"],
      [3, "服务对象满意度", "90%以上"],
      [4, "办结时限", "30天以内"],
    ]);
    expect(codes(text).map(([, c]) => c)).not.toContain("value_missing");
    expect(items(`${P}新建5G基站数量100个以上。`)).toEqual([[1, "新建5G基站数量", "100个以上"]]);
  });

  it("does not split a name with digits, nor a number that is no quantity to the item's end", () => {
    expect(items(`${P}2025年培训人数：≥100人。`)).toEqual([[1, "2025年培训人数", "≥100人"]]);
    // The item's last number read to its end as a quantity is its value; the name keeps its year.
    expect(items(`${P}2025年培训人数100人。`)).toEqual([[1, "2025年培训人数", "100人"]]);
    expect(items(`${P}建设3个村级服务站。`)).toEqual([[1, "建设3个村级服务站", ""]]);
    expect(items(`${P}第3批培训人数。`)).toEqual([[1, "第3批培训人数", ""]]);
    expect(items(`${P}培训人数2025年12月底前。`)).toEqual([[1, "培训人数2025年12月底前", ""]]);
  });
});

describe("`（含）` before a suffix operator", () => {
  it("reads `90%（含）以上` as ≥90% and `5%(含)以下` as ≤5%", () => {
    for (const [raw, operator, number] of [
      ["90%（含）以上", "≥", 90],
      ["90%(含)以上", "≥", 90],
      ["5%（含）以下", "≤", 5],
    ] as const) {
      const value = parseValue(raw, 0);
      expect([value.kind, value.operator, value.number, value.unit]).toEqual(["quantitative", operator, number, "%"]);
    }
  });

  it("is written ≥90% by the cleaner", () => {
    const text = `${P}验收合格率，年度指标值：90%（含）以上。`;
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(`${P}验收合格率，年度指标值：≥90%。`);
    expect(codes(text)).toContainEqual([1, "value_normalized"]);
    expect(codes(text).map(([, c]) => c)).not.toContain("qualitative_on_quantity");
  });
});

describe("garbled numbers", () => {
  it.each(["≥1OO公里", "≥2OO元/人", "≥1OO%", "≥1,00人", "≥2,0000平方米", "≥90.%"])("%s is garbled", (raw) => {
    const value = parseValue(raw, 0);
    expect(value.kind).toBe("quantitative");
    expect(value.garbled).toBeDefined();
    expect(codes(`${P}指标，年度指标值：${raw}。`)).toContainEqual([1, "number_garbled"]);
  });

  it.each([
    ["1,000人次", 1000],
    ["1.5万元", 1.5],
  ])("%s stays a number", (raw, number) => {
    const value = parseValue(raw, 0);
    expect(value.garbled).toBeUndefined();
    expect(value.number).toBe(number);
  });
});

describe("time values with Chinese numerals", () => {
  it.each(["十一月前", "十二月底前", "2025年第四季度", "第三季度前", "二〇二五年十二月三十一日前", "年底前"])("%s is a time", (raw) => {
    expect(parseValue(raw, 0).kind).toBe("time");
    expect(codes(`${P}项目完成时间，年度指标值：${raw}。`).map(([, c]) => c)).not.toContain("timeliness_value_invalid");
  });
});

describe("二级 inference past a unit note", () => {
  it("reads the name without `（人）`, `（天）`", () => {
    const cell = parseIndicatorCell("1、产出指标：培训人数（人），年度指标值：≥100人。2、产出指标：办结时限（天），年度指标值：≤5天。3、产出指标：验收合格率（%），年度指标值：≥95%。");
    expect(cell.items.map((i) => [i.level2, i.level2Source])).toEqual([
      ["数量指标", "inferred"],
      ["时效指标", "inferred"],
      ["质量指标", "inferred"],
    ]);
  });
});

describe("a bare quantity after the name, no operator and no label", () => {
  it("is the item's value: `培训人数100人`, `完成培训1000人次`, and `开设课程数量 220` (a space, no unit)", () => {
    expect(items(`${P}培训人数100人。`)).toEqual([[1, "培训人数", "100人"]]);
    expect(items(`${P}完成培训1000人次。`)).toEqual([[1, "完成培训", "1000人次"]]);
    expect(items(`${P}开设课程数量 220。`)).toEqual([[1, "开设课程数量", "220"]]);
    expect(items(`${P}第2期培训。`)).toEqual([[1, "第2期培训", ""]]);
  });

  it("is reported as a missing label (and unit), not a missing value, and cleaned with its label", () => {
    expect(codes(`${P}开设课程数量 220。`).sort()).toEqual([
      [1, "unit_missing"],
      [1, "value_label_missing"],
    ]);
    expect(canonicalCellText(parseIndicatorCell(`${P}培训人数100人。`))).toBe(`${P}培训人数，年度指标值：100人。`);
  });
});

describe("an unlabelled stated change after the name", () => {
  it("is the value (`人居环境，得到有效改善`), a label missing rather than a value", () => {
    expect(items("1、效益指标：人居环境，得到有效改善。")).toEqual([[1, "人居环境", "得到有效改善"]]);
    expect(items("1、效益指标：基层治理能力，进一步完善。")).toEqual([[1, "基层治理能力", "进一步完善"]]);
    // A name that merely ends like a change stays a name.
    expect(items("1、效益指标：培训质量，人居环境改善。")).toEqual([[1, "培训质量，人居环境改善", ""]]);
  });
});

describe("`（不含）` before a suffix operator", () => {
  it("reads `90%（不含）以上` as >90% and `5%(不含)以下` as <5%, kept or cleaned without losing 不含", () => {
    for (const [raw, operator] of [
      ["90%（不含）以上", ">"],
      ["5%(不含)以下", "<"],
    ] as const) {
      const cell = `${P}验收合格率，年度指标值：${raw}。`;
      const item = parseIndicatorCell(cell).items[0];
      expect([item?.value.kind, item?.value.operator]).toEqual(["quantitative", operator]);
      const cleaned = canonicalCellText(parseIndicatorCell(cell));
      expect(cleaned === cell || cleaned === `${P}验收合格率，年度指标值：${operator}${raw.replace(/[（(]不含[)）](以上|以下)/, "")}。`).toBe(true);
    }
  });
});

describe("an item run on after a value with its number and terminator left out", () => {
  const after = (sep: string) => `${P}资助人数，年度指标值：≥90人${sep}效益指标：失学率，年度指标值：≤1%。3、满意度指标：学生满意度，年度指标值：≥90%。`;

  it.each(["，", ",", " ", "、"])("starts at a whole 一级 and a colon after %j", (sep) => {
    expect(items(after(sep))).toEqual([
      [1, "资助人数", "≥90人"],
      [undefined, "失学率", "≤1%"],
      [3, "学生满意度", "≥90%"],
    ]);
    expect(codes(after(sep))).toContainEqual([2, "numbering_irregular"]);
    expect(codes(after(sep))).not.toContainEqual([0, "output_or_effect_missing"]);
    expect(canonicalCellText(parseIndicatorCell(after(sep)))).toBe(
      "1、产出指标：资助人数，年度指标值：≥90人。2、效益指标：失学率，年度指标值：≤1%。3、满意度指标：学生满意度，年度指标值：≥90%。",
    );
  });

  it("not at a category word inside a value, nor before a label", () => {
    expect(items(`${P}x，年度指标值：有效提升，产出指标体系完善。`)).toHaveLength(1);
    expect(items(`${P}x，年度指标值：达到产出指标要求。`)).toHaveLength(1);
    expect(items(`${P}x，效益指标：合格。`)).toHaveLength(1);
  });
});

