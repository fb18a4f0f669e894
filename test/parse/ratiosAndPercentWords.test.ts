import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue, unitAlternative } from "../../src/core/parse/parseValue";
import { cell, clean, codes, read } from "./valueCells";

/** The first item's name, value kind, operator, number, unit and numberRaw. */
const fields = (text: string) => {
  const item = parseIndicatorCell(text).items[0];
  if (!item) return undefined;
  const v = item.value;
  return [item.name, v.kind, v.operator, v.number, v.unit, v.numberRaw];
};

describe("ratios (消费券杠杆率, 财政资金放大倍数, 带动比): the first term and colon are the unit, the second the number", () => {
  it.each([
    ["消费券杠杆率", "≥1:5", "≥", 5, "1:"],
    ["财政资金放大倍数", "1:5", "=", 5, "1:"],
    ["带动比", "≥1：8", "≥", 8, "1:"],
    ["师生比", "不低于1∶15", "≥", 15, "1:"],
    ["配套比例", "1:1.5", "=", 1.5, "1:"],
    ["生师比", "13:1以下", "≤", 1, "13:"],
  ])("%s %s", (name, value, operator, number, unit) => {
    const text = cell("效益指标", name, value);
    expect(read(text)).toEqual(["quantitative", operator, number, unit]);
    const found = codes(text);
    for (const code of ["qualitative_on_quantity", "unit_missing", "percent_over_100", "percent_on_count", "rate_ge_100"]) expect(found).not.toContain(code);
  });

  it("reads a ratio glued to the name or after a space, with no label", () => {
    expect(fields("1、效益指标：资金撬动比例1:3。")).toEqual(["资金撬动比例", "quantitative", "=", 3, "1:", "3"]);
    expect(fields("1、效益指标：财政资金放大倍数 1:5。")).toEqual(["财政资金放大倍数", "quantitative", "=", 5, "1:", "5"]);
    expect(fields("1、效益指标：带动比 ≥1：8。")).toEqual(["带动比", "quantitative", "≥", 8, "1:", "8"]);
    expect(fields("1、效益指标（经济效益指标）：消费券杠杆率，年度指标值：≥1:5。")).toEqual(["消费券杠杆率", "quantitative", "≥", 5, "1:", "5"]);
  });

  it("cleans a ratio's width and operator only (≥1：8 → ≥1:8, 不低于1∶15 → ≥1:15)", () => {
    expect(clean(cell("效益指标", "带动比", "≥1：8"))).toBe(cell("效益指标", "带动比", "≥1:8"));
    expect(clean(cell("效益指标", "师生比", "不低于1∶15"))).toBe(cell("效益指标", "师生比", "≥1:15"));
    expect(clean(cell("效益指标", "消费券杠杆率", "≥1:5"))).toBe(cell("效益指标", "消费券杠杆率", "≥1:5"));
    expect(clean("1、效益指标：资金撬动比例1:3。")).toBe(cell("效益指标", "资金撬动比例", "1:3"));
  });

  it("leaves clock times, a year and month, labels' colons and a ratio inside a name alone", () => {
    expect(parseValue("8:30前", 0).kind).not.toBe("quantitative");
    expect(parseValue("10:00", 0).kind).not.toBe("quantitative");
    expect(parseValue("1:05", 0).kind).not.toBe("quantitative");
    expect(parseValue("8:30:00", 0).kind).not.toBe("quantitative");
    expect(parseValue("2025：12", 0).kind).not.toBe("quantitative");
    expect(parseValue("1:3-1:5", 0).kind).toBe("qualitative");
    expect(read(cell("产出指标", "资金拨付率", "≥90%"))).toEqual(["quantitative", "≥", 90, "%"]);
    expect(fields("1、产出指标：1:1配套资金到位率，年度指标值：≥90%。")).toEqual(["1:1配套资金到位率", "quantitative", "≥", 90, "%", "90"]);
    expect(fields("1、产出指标：1:1配套资金到位率≥90%。")).toEqual(["1:1配套资金到位率", "quantitative", "≥", 90, "%", "90"]);
    expect(parseValue("1:1配套", 0).kind).toBe("qualitative");
  });
});

describe("percentages in words (百分之九十): the number after 百分之, unit %", () => {
  it.each([
    ["资金拨付率", "百分之九十", "=", 90],
    ["群众知晓率", "不低于百分之九十五", "≥", 95],
    ["资金拨付率", "百分之百", "=", 100],
    ["资金拨付率", "百分之一百", "=", 100],
    ["覆盖率", "百分之九十以上", "≥", 90],
    ["覆盖率", "百分之95", "=", 95],
  ])("%s %s", (name, value, operator, number) => {
    const text = cell("效益指标", name, value);
    expect(read(text)).toEqual(["quantitative", operator, number, "%"]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
  });

  it("keeps the words as written and only turns a word operator into its glyph", () => {
    expect(clean(cell("效益指标", "资金拨付率", "百分之九十"))).toBe(cell("效益指标", "资金拨付率", "百分之九十"));
    expect(clean(cell("效益指标", "群众知晓率", "不低于百分之九十五"))).toBe(cell("效益指标", "群众知晓率", "≥百分之九十五"));
    expect(clean(cell("效益指标", "覆盖率", "百分之九十以上"))).toBe(cell("效益指标", "覆盖率", "≥百分之九十"));
  });

  it("reads one glued to the name", () => {
    expect(fields("1、效益指标：群众知晓率达到百分之九十。")).toEqual(["群众知晓率", "quantitative", "≥", 90, "%", "百分之九十"]);
    expect(fields("1、效益指标：群众知晓率百分之九十五。")).toEqual(["群众知晓率", "quantitative", "=", 95, "%", "百分之九十五"]);
  });

  it("reads no number where the words run on or take another unit", () => {
    expect(parseValue("百分之九十五点五", 0).kind).toBe("qualitative");
    expect(parseValue("百分之五十人", 0).kind).toBe("qualitative");
    expect(parseValue("百分之", 0).kind).toBe("qualitative");
  });
});

describe("a unit's alternative in brackets (≥1.5万台（套）)", () => {
  it("is the value's remark, the unit the one before it, and unitAlternative tells it from a note", () => {
    const v = parseValue("≥1.5万台（套）", 0);
    expect([v.kind, v.operator, v.number, v.unit, v.remark]).toEqual(["quantitative", "≥", 1.5, "万台", "（套）"]);
    expect(unitAlternative(v)).toBe("（套）");
    expect(unitAlternative(parseValue("≥100人(次)", 0))).toBe("(次)");
    expect(unitAlternative(parseValue("≥100人（以签到为准）", 0))).toBeUndefined();
    expect(unitAlternative(parseValue("≥90%（含）", 0))).toBeUndefined();
  });

  it("is kept by the cleaner", () => {
    expect(clean(cell("产出指标", "设备采购数量", "不少于20台（套）"))).toBe(cell("产出指标", "设备采购数量", "≥20台（套）"));
  });
});

describe("approximate counts with no digit (百余人, 数十人)", () => {
  it("stay qualitative — no target a reviewer can score — and are not garbled numbers", () => {
    for (const value of ["百余人", "数十人", "上百人"]) {
      const text = cell("产出指标", "培训人数", value);
      expect(read(text)[0]).toBe("qualitative");
      expect(codes(text)).toContain("qualitative_on_quantity");
      expect(codes(text)).not.toContain("number_garbled");
    }
  });
});

describe("clock times beside ratios", () => {
  it.each(["8:30前", "8:30-17:30", "9:00至17:00", "10:00", "1:05"])("%s is a time", (value) => {
    const item = parseIndicatorCell(`1、产出指标（时效指标）：服务时间，年度指标值：${value}。`).items[0];
    expect(item?.value.kind).toBe("time");
  });

  it("reads a clock time glued to a time name as its value, not split at the colon", () => {
    const item = parseIndicatorCell("1、产出指标：开放时间8:30前。").items[0];
    expect([item?.name, item?.value.raw, item?.value.kind]).toEqual(["开放时间", "8:30前", "time"]);
  });

  it("keeps a bare ratio after a space or glued to its name a ratio, `∶` folded as `：` is", () => {
    for (const text of ["1、产出指标：师生比 1∶15。", "1、产出指标：师生比1∶15。"]) {
      const item = parseIndicatorCell(text).items[0];
      expect([item?.name, item?.value.kind, item?.value.number, item?.value.unit]).toEqual(["师生比", "quantitative", 15, "1:"]);
    }
  });
});
