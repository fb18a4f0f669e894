import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { cell, clean, codes, read } from "./valueCells";

/** The first item's name, value kind, operator, number, upper bound, unit and remark. */
const fields = (text: string) => {
  const item = parseIndicatorCell(text).items[0];
  if (!item) return undefined;
  const v = item.value;
  return [item.name, v.kind, v.operator, v.number, v.upper, v.unit, v.remark];
};

describe("words after a quantity's unit saying what it counts or does", () => {
  it.each([
    ["项目数量", "≥10个项目", "≥", 10, "个", "项目"],
    ["参与人数", "≥3万人参与", "≥", 3, "万人", "参与"],
    ["带动产值", "≥1亿元产值", "≥", 1, "亿元", "产值"],
    ["帮扶农户数", "≥200户农户", "≥", 200, "户", "农户"],
    ["培训教师数", "≥3名教师", "≥", 3, "名", "教师"],
    ["参训人数", "100人以上参加", "≥", 100, "人", "参加"],
    ["资金拨付率", "100%完成", "=", 100, "%", "完成"],
    ["办结时限", "30天内完成", "≤", 30, "天", "完成"],
  ])("%s %s", (name, value, operator, number, unit, remark) => {
    const text = cell("产出指标", name, value);
    expect(fields(text)).toEqual([name, "quantitative", operator, number, undefined, unit, remark]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
    expect(codes(text)).not.toContain("unit_missing");
  });

  it("keeps a known unit that ends the value whole (≥5所学校) and reads a range's words after its upper bound", () => {
    expect(fields(cell("产出指标", "覆盖学校数量", "≥5所学校"))).toEqual(["覆盖学校数量", "quantitative", "≥", 5, undefined, "所学校", undefined]);
    expect(fields(cell("产出指标", "项目数量", "3-5个项目"))).toEqual(["项目数量", "range", undefined, 3, 5, "个", "项目"]);
  });

  it("still reads times, frequencies and templates as before", () => {
    expect(read(cell("产出指标", "完成时间", "12月底前"))[0]).toBe("time");
    expect(read(cell("产出指标", "完成时间", "2025年完成"))[0]).toBe("time");
    expect(read(cell("产出指标", "检查频次", "5年一次"))[0]).toBe("time");
    expect(read(cell("产出指标", "检查次数", "≥2次每年"))[0]).toBe("qualitative");
    expect(read(cell("产出指标", "检查次数", "≥2次以上验收合格的检查工作"))[0]).toBe("qualitative");
    expect(read(cell("产出指标", "项目数量", "XX项目完成"))[0]).toBe("qualitative");
    expect(read(cell("产出指标", "资金拨付率", "≥90%以上"))).toEqual(["quantitative", "≥", 90, "%"]);
  });

  it("takes no words after a value glued to its name with no operator: they are the name's", () => {
    const item = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.kind])[0];
    expect(item("1、产出指标：建设3个村级服务站。")).toEqual(["建设3个村级服务站", "empty"]);
    expect(item("1、产出指标：建设3个以上村级服务站。")).toEqual(["建设3个以上村级服务站", "empty"]);
    expect(item("1、产出指标：项目数量≥10个项目。")).toEqual(["项目数量", "quantitative"]);
  });

  it("lets such a value end an indicator written after a comma, as any quantity does", () => {
    const items = parseIndicatorCell("产出指标：培训人数≥100人，扶持项目≥10个项目；效益指标：带动就业≥3万人参与").items;
    expect(items.map((i) => [i.level1, i.name, i.value.raw])).toEqual([
      ["产出指标", "培训人数", "≥100人"],
      ["产出指标", "扶持项目", "≥10个项目"],
      ["效益指标", "带动就业", "≥3万人参与"],
    ]);
  });

  it("keeps the words as written in the cleaned cell", () => {
    for (const value of ["≥10个项目", "≥3万人参与", "≥1亿元产值", "≥200户农户", "100%完成"]) {
      expect(clean(cell("产出指标", "项目数量", value))).toBe(cell("产出指标", "项目数量", value));
    }
    expect(clean(cell("产出指标", "项目数量", "不少于10个项目"))).toBe(cell("产出指标", "项目数量", "≥10个项目"));
    expect(clean("1、产出指标：项目数量≥10个项目。")).toBe(cell("产出指标", "项目数量", "≥10个项目"));
  });
});

describe("余 and 多 after a number or its magnitude (some more)", () => {
  it.each([
    ["≥3万余人", "≥", 3, "万人"],
    ["100余人", "=", 100, "人"],
    ["10余次", "=", 10, "次"],
    ["200多户", "=", 200, "户"],
    ["十余次", "=", 10, "次"],
    ["≥100万余元", "≥", 100, "万元"],
  ])("%s", (value, operator, number, unit) => {
    const text = cell("产出指标", "参与人数", value);
    expect(read(text)).toEqual(["quantitative", operator, number, unit]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
    expect(clean(text)).toBe(text);
  });

  it("leaves a number with 余 and no unit without one (unit_missing)", () => {
    const text = cell("产出指标", "参与人数", "100余");
    expect(read(text)).toEqual(["quantitative", "=", 100, undefined]);
    expect(codes(text)).toContain("unit_missing");
  });

  it("reads a glued value with 余", () => {
    expect(fields("1、产出指标：培训人数100余人。")).toEqual(["培训人数", "quantitative", "=", 100, undefined, "人", undefined]);
  });
});

describe("counts in Chinese numerals of 100 and over, ranges, and glued to the name", () => {
  it.each([
    ["一百人", 100, "人"],
    ["一千份", 1000, "份"],
    ["两百次", 200, "次"],
    ["一百二十人", 120, "人"],
    ["一千零五十人", 1050, "人"],
    ["三千五百份", 3500, "份"],
    ["一百万元", 100, "万元"],
  ])("%s", (value, number, unit) => {
    const text = cell("产出指标", "发放数量", value);
    expect(read(text)).toEqual(["quantitative", "=", number, unit]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
    expect(clean(text)).toBe(text);
  });

  it("reads no count from ill-formed numerals (一百二, 两十) nor from 十四五", () => {
    for (const value of ["一百二人", "两十人", "十四五"]) expect(read(cell("产出指标", "发放数量", value))[0]).toBe("qualitative");
  });

  it("writes the operator glyph before a count of 100 in numerals, the numerals as written", () => {
    expect(clean(cell("产出指标", "培训人数", "不少于一百人"))).toBe(cell("产出指标", "培训人数", "≥一百人"));
  });

  it("reads ranges in numerals (两至三次) with the unit after the upper bound, not before a calendar unit", () => {
    expect(fields(cell("产出指标", "培训次数", "两至三次"))).toEqual(["培训次数", "range", undefined, 2, 3, "次", undefined]);
    expect(fields(cell("产出指标", "培训次数", "2至三次"))).toEqual(["培训次数", "range", undefined, 2, 3, "次", undefined]);
    expect(read(cell("产出指标", "完成时间", "十至十二月"))[0]).toBe("time");
    expect(codes(cell("产出指标", "培训次数", "两至三次"))).not.toContain("qualitative_on_quantity");
  });

  it("splits a count glued to its name, in numerals or a digit range", () => {
    const item = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.kind, i.value.raw]);
    expect(item("1、产出指标：培训场次两次。")).toEqual([["培训场次", "quantitative", "两次"]]);
    expect(item("1、产出指标：培训人数一百人。")).toEqual([["培训人数", "quantitative", "一百人"]]);
    expect(item("1、产出指标：体检每年一次。")).toEqual([["体检", "quantitative", "每年一次"]]);
    expect(item("1、产出指标：年度开展检查两至三次。")).toEqual([["年度开展检查", "range", "两至三次"]]);
    expect(item("1、产出指标：检查次数2至3次。")).toEqual([["检查次数", "range", "2至3次"]]);
    expect(item("1、产出指标：检查次数2-3次。")).toEqual([["检查次数", "range", "2-3次"]]);
    // A slogan, an ordinal and a word with a numeral are names.
    expect(item("1、产出指标：四个一批。")).toEqual([["四个一批", "empty", ""]]);
    expect(item("1、产出指标：第三次培训。")).toEqual([["第三次培训", "empty", ""]]);
    expect(item("1、产出指标：开展一次性补贴发放。")).toEqual([["开展一次性补贴发放", "empty", ""]]);
    expect(clean("1、产出指标：培训场次两次。")).toBe(cell("产出指标", "培训场次", "两次"));
  });
});

describe("a part or remark after a value and spaces, as after a comma", () => {
  it.each([
    ["1、产出指标：培训人数≥100人 其中骨干教师≥20人。", "≥100人 其中骨干教师≥20人", " 其中骨干教师≥20人"],
    ["1、产出指标：培训人数≥100人，其中骨干教师≥20人。", "≥100人，其中骨干教师≥20人", "，其中骨干教师≥20人"],
    ["1、产出指标：培训人数≥100人 含线上≥50人。", "≥100人 含线上≥50人", " 含线上≥50人"],
    ["1、产出指标：资金拨付率≥90% 以实际为准。", "≥90% 以实际为准", " 以实际为准"],
    ["1、产出指标：培训人数不少于100人 其中骨干教师≥20人。", "不少于100人 其中骨干教师≥20人", " 其中骨干教师≥20人"],
    ["1、产出指标：培训人数不少于100人，其中骨干教师≥20人。", "不少于100人，其中骨干教师≥20人", "，其中骨干教师≥20人"],
  ])("%s", (text, raw, remark) => {
    const item = parseIndicatorCell(text).items[0];
    expect(item?.value.raw).toBe(raw);
    expect(item?.value.kind).toBe("quantitative");
    expect(item?.value.remark).toBe(remark);
    expect(codes(text)).not.toContain("value_missing");
  });

  it("still splits two indicators apart by spaces", () => {
    const items = parseIndicatorCell("1、产出指标：培训人数≥100人 其中骨干教师≥20人 培训合格率≥95%。").items;
    expect(items.map((i) => [i.name, i.value.raw])).toEqual([
      ["培训人数", "≥100人 其中骨干教师≥20人"],
      ["培训合格率", "≥95%"],
    ]);
  });

  it("keeps the part and its spaces in the cleaned cell", () => {
    expect(clean("1、产出指标：培训人数≥100人 其中骨干教师≥20人。")).toBe(cell("产出指标", "培训人数", "≥100人 其中骨干教师≥20人"));
    expect(clean("1、产出指标：培训人数不少于100人 其中骨干教师≥20人。")).toBe(cell("产出指标", "培训人数", "≥100人 其中骨干教师≥20人"));
    expect(clean(cell("产出指标", "培训人数", "不少于100人 其中骨干教师≥20人"))).toBe(cell("产出指标", "培训人数", "≥100人 其中骨干教师≥20人"));
  });
});

describe("a time limit with words after it, as the cleaner writes it", () => {
  it.each([
    ["30天内完成", "≤30天完成", 30, "天", "完成"],
    ["3个工作日内办结", "≤3个工作日办结", 3, "个工作日", "办结"],
  ])("reads %s and its cleaned form %s alike", (written, cleaned, number, unit, remark) => {
    const before = fields(`1、产出指标：办结时限，年度指标值：${written}。`);
    expect(before).toEqual(["办结时限", "quantitative", "≤", number, undefined, unit, remark]);
    expect(clean(`1、产出指标：办结时限，年度指标值：${written}。`)).toBe(`1、产出指标：办结时限，年度指标值：${cleaned}。`);
    expect(fields(`1、产出指标：办结时限，年度指标值：${cleaned}。`)).toEqual(before);
  });

  it("keeps a date with no operator a time (`12月底前`)", () => {
    expect(fields("1、产出指标：完成时间，年度指标值：12月底前。")?.[1]).toBe("time");
  });
});

describe("words after the unit closing with a note in brackets", () => {
  it.each([
    ["≥10个乡镇（街道）", "乡镇（街道）"],
    ["≥10个项目(含续建)", "项目(含续建)"],
  ])("reads %s as a count, the words and the note its remark", (value, remark) => {
    expect(fields(`1、产出指标：覆盖乡镇数量，年度指标值：${value}。`)).toEqual(["覆盖乡镇数量", "quantitative", "≥", 10, undefined, "个", remark]);
    expect(codes(`1、产出指标：覆盖乡镇数量，年度指标值：${value}。`)).not.toContain("qualitative_on_quantity");
  });

  it("cleans the word operator and keeps the words and the note as written", () => {
    expect(clean("1、产出指标：覆盖乡镇数量，年度指标值：不少于10个乡镇（街道）。")).toBe("1、产出指标：覆盖乡镇数量，年度指标值：≥10个乡镇（街道）。");
  });
});
