import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { allItemCodes } from "../rules/harness";

/** Units of other departments' tables: per-something, with a magnitude, or unlisted. */

const cell = (name: string, value: string) => `1、产出指标：${name}，年度指标值：${value}。`;
const value = (name: string, text: string) => {
  const v = (parseIndicatorCell(cell(name, text)).items[0] as { value: { kind: string; operator?: string; number?: number; unit?: string } }).value;
  return [v.kind, v.operator, v.number, v.unit];
};

describe("compound units", () => {
  it.each([
    ["城市低保补助标准", "不低于1,120元/人·月", "≥", 1120, "元/人·月"],
    ["小学生均公用经费标准", "≥720元/生·年", "≥", 720, "元/生·年"],
    ["资助标准", "2000元/生/年", "=", 2000, "元/生/年"],
    ["河道清淤量", "＞＝１５万立方米", "≥", 15, "万立方米"],
    ["服务时长", "≥10万小时", "≥", 10, "万小时"],
    ["执法检查企业次数", "≥600家次", "≥", 600, "家次"],
    ["区域环境噪声平均值", "≤55分贝", "≤", 55, "分贝"],
    ["孕产妇死亡率", "≤10/10万", "≤", 10, "/10万"],
    ["八类严重暴力犯罪案件发生率", "≤2起/10万人", "≤", 2, "起/10万人"],
    ["食品安全抽检批次", "≥4.5批次/千人", "≥", 4.5, "批次/千人"],
    ["PM2.5年均浓度", "≤35微克/立方米", "≤", 35, "微克/立方米"],
  ])("%s %s", (name, text, operator, number, unit) => {
    expect(value(name, text)).toEqual(["quantitative", operator, number, unit]);
    expect(allItemCodes(cell(name, text)).map(([, code]) => code)).not.toContain("qualitative_on_quantity");
  });

  it("writes the canonical form with the unit as written", () => {
    expect(canonicalCellText(parseIndicatorCell(cell("河道清淤量", "＞＝１５万立方米")))).toBe(cell("河道清淤量", "≥15万立方米"));
    expect(canonicalCellText(parseIndicatorCell(cell("城市低保补助标准", "不低于1,120元/人·月")))).toBe(cell("城市低保补助标准", "≥1120元/人·月"));
  });

  it("still ends the unit at operator and time words, and reads no unit out of a date", () => {
    expect(value("培训人数", "≥90人以上")).toEqual(["quantitative", "≥", 90, "人"]);
    expect(value("办结时限", "30天内")).toEqual(["quantitative", "≤", 30, "天"]);
    expect(value("完成时间", "2025/12/31前")[0]).toBe("time");
    // The words after a known unit say what it counts or does: the unit stays `人` (not `人参`).
    expect(value("参训人数", "100人参加")).toEqual(["quantitative", "=", 100, "人"]);
  });

  it("reads a thousands group with letters for digits as a garbled number", () => {
    expect(allItemCodes(cell("孤儿保障标准", "≥1,2OO元/人·月"))).toContainEqual([1, "number_garbled"]);
    expect(value("人数", "1,000人")).toEqual(["quantitative", "=", 1000, "人"]);
  });

  it("takes a time unit with a magnitude or per something as a time", () => {
    expect(allItemCodes(cell("服务时长", "≥10万小时")).map(([, code]) => code)).not.toContain("timeliness_value_invalid");
    expect(allItemCodes(cell("办理时长", "≤2小时/件")).map(([, code]) => code)).not.toContain("timeliness_value_invalid");
  });
});

describe("控制在: a ceiling, unless a suffix says otherwise", () => {
  it.each([
    ["控制在0.1%以内", "≤", 0.1, "%"],
    ["控制在5%", "≤", 5, "%"],
    ["控制在90%以上", "≥", 90, "%"],
  ])("%s", (text, operator, number, unit) => {
    expect(value("新发感染率", text)).toEqual(["quantitative", operator, number, unit]);
    expect(canonicalCellText(parseIndicatorCell(cell("新发感染率", text)))).toBe(cell("新发感染率", `${operator}${number}${unit}`));
  });

  it("keeps words that name no number", () => {
    expect(value("项目成本", "控制在预算以内")[0]).toBe("qualitative");
  });
});
