import { parseValue } from "../../src/core/parse/parseValue";

/** The value as the rules read it, without the span. */
const read = (text: string) => {
  const { span: _span, ...rest } = parseValue(text, 0);
  return rest;
};

describe("parseValue: operators", () => {
  it("reads 80%以上 and 不低于90% as ≥, keeping the words as written", () => {
    expect(read("80%以上")).toEqual({ kind: "quantitative", raw: "80%以上", operator: "≥", operatorSource: "word", operatorRaw: "以上", number: 80, numberRaw: "80", unit: "%" });
    expect(read("不低于90%")).toEqual({ kind: "quantitative", raw: "不低于90%", operator: "≥", operatorSource: "word", operatorRaw: "不低于", number: 90, numberRaw: "90", unit: "%" });
  });

  it("keeps ≥100% as ≥ 100 %, and leaves 100% with an implicit =", () => {
    expect(read("≥100%")).toMatchObject({ operator: "≥", operatorSource: "glyph", operatorRaw: "≥", number: 100, unit: "%" });
    const plain = read("100%");
    expect(plain).toMatchObject({ kind: "quantitative", operator: "=", operatorSource: "implicit", number: 100, unit: "%" });
    expect(plain.operatorRaw).toBeUndefined();
  });

  it.each([
    [">=90%", "≥", ">="],
    ["<=5%", "≤", "<="],
    ["≧90%", "≥", "≧"],
    ["≦5%", "≤", "≦"],
    ["＞＝90%", "≥", "＞＝"],
    ["＜＝5%", "≤", "＜＝"],
    ["＝100%", "=", "＝"],
    ["═100%", "=", "═"],
    ["＞90%", ">", "＞"],
    ["＜5%", "<", "＜"],
  ])("reads the glyph form %s as %s", (text, operator, operatorRaw) => {
    expect(read(text)).toMatchObject({ kind: "quantitative", operator, operatorSource: "glyph", operatorRaw });
  });

  it.each([
    ["不少于3次", "≥", 3, "次"],
    ["达到95%", "≥", 95, "%"],
    ["超过500人次", "≥", 500, "人次"],
    ["5人次以上", "≥", 5, "人次"],
    ["不高于300元", "≤", 300, "元"],
    ["不超过50万元", "≤", 50, "万元"],
    ["30天以内", "≤", 30, "天"],
    ["5%以下", "≤", 5, "%"],
    ["大于5%", ">", 5, "%"],
    ["小于1%", "<", 1, "%"],
    ["低于2%", "<", 2, "%"],
    ["2个工作日内", "≤", 2, "个工作日"],
  ])("reads the word form %s as %s %s %s", (text, operator, number, unit) => {
    expect(read(text)).toMatchObject({ kind: "quantitative", operator, operatorSource: "word", number, unit });
  });

  it("does not take a word operator for one when no number follows (a qualitative phrase)", () => {
    expect(read("低于全区干部平均年龄")).toEqual({ kind: "qualitative", raw: "低于全区干部平均年龄", text: "低于全区干部平均年龄" });
    expect(read("达到预期目标")).toEqual({ kind: "qualitative", raw: "达到预期目标", text: "达到预期目标" });
  });
});

describe("parseValue: numbers and units", () => {
  it("reads full-width digits and ％, and reports the unit width-normalised", () => {
    expect(read("≥９０％")).toMatchObject({ number: 90, numberRaw: "９０", unit: "%" });
  });

  it("reads thousands separators in both widths and decimals", () => {
    expect(read("1,000人")).toMatchObject({ number: 1000, numberRaw: "1,000", unit: "人" });
    expect(read("１，２００人次")).toMatchObject({ number: 1200, unit: "人次" });
    expect(read("≤1.5万元")).toMatchObject({ number: 1.5, unit: "万元" });
    expect(read("12,3456")).not.toMatchObject({ number: 123456 });
  });

  it("allows spaces between operator, number and unit", () => {
    expect(read(">= 90 %")).toMatchObject({ operator: "≥", number: 90, unit: "%" });
  });

  it("reads compound and unknown short units", () => {
    expect(read("≤500元/人")).toMatchObject({ number: 500, unit: "元/人" });
    expect(read("1次/年")).toMatchObject({ number: 1, unit: "次/年" });
    expect(read("300盏")).toMatchObject({ number: 300, unit: "盏" });
  });

  it("leaves a bare number without unit", () => {
    const value = read("220");
    expect(value).toMatchObject({ kind: "quantitative", number: 220 });
    expect(value.unit).toBeUndefined();
  });
});

describe("parseValue: ranges and time", () => {
  it.each(["90%-95%", "90%~95%", "90%至95%", "90-95%", "90％～95％", "90%—95%"])("reads the range %s", (text) => {
    expect(read(text)).toMatchObject({ kind: "range", number: 90, upper: 95, unit: "%" });
  });

  it.each(["2025年12月31日前", "12月底前", "每年12月底前", "2023.07-2024.01", "年底前", "第2、3季度", "2025年", "2023-2025年", "上半年"])(
    "reads %s as a time",
    (text) => {
      expect(read(text)).toEqual({ kind: "time", raw: text, text });
    },
  );

  it("reads ≤30天 as a quantity in days, not a time", () => {
    expect(read("≤30天")).toMatchObject({ kind: "quantitative", operator: "≤", number: 30, unit: "天" });
  });
});

describe("parseValue: qualitative values", () => {
  it.each(["是", "否", "合格", "良好", "优良", "长期", "及时", "完成", "达成年度指标", "有效提升", "明显改善"])("reads %s as a plain qualitative value", (text) => {
    expect(read(text)).toEqual({ kind: "qualitative", raw: text, text });
  });

  it.each(["效果明显", "效果显著", "较好", "高", "有所提升", "进一步提升", "明显", "显著"])("flags %s as vague", (text) => {
    expect(read(text)).toEqual({ kind: "qualitative", raw: text, text, vague: true });
  });

  it("does not mangle a phrase that merely contains a digit", () => {
    expect(read("急需紧缺的专业")).toMatchObject({ kind: "qualitative" });
    expect(read("100%完成年度任务")).toEqual({ kind: "qualitative", raw: "100%完成年度任务", text: "100%完成年度任务" });
    expect(read("2个工作日完成审批")).toEqual({ kind: "qualitative", raw: "2个工作日完成审批", text: "2个工作日完成审批" });
  });
});

describe("parseValue: template placeholders and garbled numbers", () => {
  it.each(["≥**%", "XX个", "xx", "××", "(≥**株)", "（≥**株）", "≥?%"])("flags the placeholder in %s", (text) => {
    const value = read(text);
    expect(value.placeholder).toBe(true);
    expect(value.number).toBeUndefined();
  });

  it("flags a placeholder inside a qualitative value", () => {
    expect(read("XX项目完成")).toMatchObject({ kind: "qualitative", placeholder: true });
  });

  it.each([
    ["≥9O%", "9O"],
    ["90%%", "90%%"],
    ["二100人", "二100"],
    ["1..5万元", "1..5"],
    ["1.2.3%", "1.2.3"],
    ["9 0%", "9 0"],
    ["≥9l%", "9l"],
  ])("flags %s as garbled, naming %s", (text, garbled) => {
    const value = read(text);
    expect(value.garbled).toBe(garbled);
    expect(value.number).toBeUndefined();
    expect(text).toContain(garbled);
  });

  it("does not flag well-written numbers", () => {
    for (const text of ["≥90%", "1.5万元", "1,000人", "257个", "≥1期"]) expect(read(text).garbled).toBeUndefined();
  });
});

describe("parseValue: spans and trimming", () => {
  it("gives cell offsets: the span starts at offset plus the leading spaces", () => {
    const value = parseValue("  ≥90% 。", 20);
    expect(value.raw).toBe("≥90%");
    expect(value.span).toEqual({ start: 22, end: 26 });
  });

  it("reads an empty or blank value as empty", () => {
    expect(parseValue("", 5)).toEqual({ kind: "empty", raw: "", span: { start: 5, end: 5 } });
    expect(parseValue("   ", 0).kind).toBe("empty");
  });
});
