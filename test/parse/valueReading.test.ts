import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";

/** Values as other departments type them (住建, 教育, 应急, 医保, 气象: audit B), one block per finding. */

const cell = (level1: string, name: string, value: string) => `1、${level1}：${name}，年度指标值：${value}。`;
const read = (text: string) => {
  const v = (parseIndicatorCell(text).items[0] as { value: { kind: string; operator?: string; number?: number; unit?: string } }).value;
  return [v.kind, v.operator, v.number, v.unit];
};
const codes = (text: string) => allItemCodes(text).map(([, code]) => code);
const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

describe("area units typed as symbols, and percentage points", () => {
  it.each([
    ["产出指标", "校舍维修面积", "≥500㎡", "≥", 500, "㎡"],
    ["产出指标", "健身场地面积", "≥3000m2", "≥", 3000, "m2"],
    ["产出指标", "改造面积", "≥2万m²", "≥", 2, "万m²"],
    ["产出指标", "绿化面积", "不少于1.5万㎡", "≥", 1.5, "万㎡"],
    ["成本指标", "单位面积改造成本", "≤350元/㎡", "≤", 350, "元/㎡"],
    ["效益指标", "基金检查覆盖面提高", "≥5个百分点", "≥", 5, "个百分点"],
    ["效益指标", "城镇化率提高", "1.2百分点", "=", 1.2, "百分点"],
  ])("%s %s %s", (level1, name, value, operator, number, unit) => {
    const text = cell(level1, name, value);
    expect(read(text)).toEqual(["quantitative", operator, number, unit]);
    expect(codes(text)).not.toContain("cost_value_invalid");
    expect(codes(text)).not.toContain("qualitative_on_quantity");
  });

  it("keeps the unit as written when it writes the canonical form", () => {
    expect(clean(cell("产出指标", "改造面积", "不少于2万m²"))).toBe(cell("产出指标", "改造面积", "≥2万m²"));
    expect(clean(cell("产出指标", "健身场地面积", "3000m2以上"))).toBe(cell("产出指标", "健身场地面积", "≥3000m2"));
  });

  it("reads `m2` only right after a number and to the value's end: `PM2.5` stays a name, `3000m25` no quantity", () => {
    expect(read(cell("产出指标", "场地面积", "≥3000m25"))[0]).toBe("qualitative");
    const item = parseIndicatorCell("1、效益指标：PM2.5年均浓度，年度指标值：≤35微克/m³。").items[0];
    expect([item?.name, item?.value.unit]).toEqual(["PM2.5年均浓度", "微克/m³"]);
  });
});
