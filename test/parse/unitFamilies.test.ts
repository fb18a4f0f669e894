import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { nameNoteUnit } from "../../src/core/parse/nameUnit";
import { cell, clean, codes, read } from "./valueCells";

/** Units of energy, freight, land and environment tables (audit E, F3): three-character Han units,
 * a magnitude before an unlisted unit, and SI symbols in Latin letters — read, not taken as words. */

describe("unit families of real tables", () => {
  it.each([
    // energy
    ["产出指标", "年节电量", "≥50万千瓦时", "≥", 50, "万千瓦时"],
    ["成本指标", "人均用电量", "≤300千瓦时/人", "≤", 300, "千瓦时/人"],
    ["产出指标", "年节约标准煤", "≥120吨标准煤", "≥", 120, "吨标准煤"],
    ["产出指标", "年节约标准煤", "≥1.2万吨标准煤", "≥", 1.2, "万吨标准煤"],
    ["效益指标", "单位建筑面积能耗", "≤8.5千克标准煤/平方米", "≤", 8.5, "千克标准煤/平方米"],
    ["产出指标", "光伏装机容量", "≥2兆瓦", "≥", 2, "兆瓦"],
    ["产出指标", "年发电量", "≥30万度", "≥", 30, "万度"],
    // freight and traffic
    ["产出指标", "检测货车数量", "≥12万辆次", "≥", 12, "万辆次"],
    ["产出指标", "集装箱吞吐量", "≥3万标准箱", "≥", 3, "万标准箱"],
    ["产出指标", "货物周转量", "≥5亿吨公里", "≥", 5, "亿吨公里"],
    ["产出指标", "保障航班数量", "≥1200架次", "≥", 1200, "架次"],
    ["产出指标", "客运班次数量", "≥3万车次", "≥", 3, "万车次"],
    // land
    ["产出指标", "水土流失治理面积", "≥15平方千米", "≥", 15, "平方千米"],
    ["产出指标", "造林面积", "≥1.5万公顷", "≥", 1.5, "万公顷"],
    // environment and SI symbols after a number
    ["效益指标", "出水COD浓度", "≤50mg/L", "≤", 50, "mg/L"],
    ["效益指标", "PM2.5平均浓度", "≤35μg/m³", "≤", 35, "μg/m³"],
    ["效益指标", "PM10平均浓度", "≤70µg/m3", "≤", 70, "µg/m3"],
    ["效益指标", "二氧化硫排放浓度", "≤35mg/m³", "≤", 35, "mg/m³"],
    ["效益指标", "区域环境噪声", "≤55dB", "≤", 55, "dB"],
    ["产出指标", "年节电量", "≥50万kWh", "≥", 50, "万kWh"],
    ["产出指标", "年节电量", "≥50万kW·h", "≥", 50, "万kW·h"],
    ["产出指标", "污水处理能力", "≥2万t/d", "≥", 2, "万t/d"],
    ["产出指标", "新建管网长度", "≥12.5km", "≥", 12.5, "km"],
    ["产出指标", "光伏装机容量", "≥500KW", "≥", 500, "KW"],
    ["产出指标", "集装箱吞吐量", "≥3万TEU", "≥", 3, "万TEU"],
  ])("%s %s %s", (level1, name, value, operator, number, unit) => {
    const text = cell(level1, name, value);
    expect(read(text)).toEqual(["quantitative", operator, number, unit]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
  });

  it("a count with a magnitude before an unlisted unit is no qualitative value (`≥12万辆次`)", () => {
    expect(codes(cell("产出指标", "检测货车数量", "≥12万辆次"))).not.toContain("qualitative_on_quantity");
  });

  it("reads the operator, so a ≥ on a lower-is-better indicator is seen", () => {
    expect(codes(cell("效益指标", "单位建筑面积能耗", "≥8.5千克标准煤/平方米"))).toContain("negative_direction_ge");
    expect(codes(cell("效益指标", "PM2.5平均浓度", "≥35μg/m³"))).toContain("negative_direction_ge");
  });

  it("writes the canonical form with the unit as written", () => {
    expect(clean(cell("产出指标", "年节电量", "不少于50万千瓦时"))).toBe(cell("产出指标", "年节电量", "≥50万千瓦时"));
    expect(clean(cell("效益指标", "出水COD浓度", "50mg/L以下"))).toBe(cell("效益指标", "出水COD浓度", "≤50mg/L"));
    expect(clean(cell("效益指标", "PM2.5平均浓度", "＜＝３５μg/m³"))).toBe(cell("效益指标", "PM2.5平均浓度", "≤35μg/m³"));
  });

  it("takes such a unit from the name's note", () => {
    expect(nameNoteUnit("年节电量（万千瓦时）")).toBe("万千瓦时");
    expect(nameNoteUnit("出水COD浓度（mg/L）")).toBe("mg/L");
    expect(nameNoteUnit("年节电量（万kWh）")).toBe("万kWh");
  });
});

describe("what stays as it was", () => {
  it.each([
    ["产出指标", "补助资金", "≥3万元以上", "≥", 3, "万元"],
    ["产出指标", "资金拨付率", "≥90%", "≥", 90, "%"],
    ["产出指标", "办结时限", "10个工作日内", "≤", 10, "个工作日"],
    ["产出指标", "健身场地面积", "≥3000m2", "≥", 3000, "m2"],
    ["产出指标", "服务人数", "≥3万人次", "≥", 3, "万人次"],
  ])("%s %s %s", (level1, name, value, operator, number, unit) => {
    expect(read(cell(level1, name, value))).toEqual(["quantitative", operator, number, unit]);
  });

  it("keeps a date a time value", () => {
    expect(read(cell("产出指标", "完成时间", "2025年12月底前"))[0]).toBe("time");
  });

  it("reads a Latin unit only as a whole run of letters ending the value: grades, networks, model names are none", () => {
    for (const value of ["≥4A", "5G", "≥3000m25", "≥2mgx", "M2型", "≥2B级", "≥5PM"]) expect(read(cell("产出指标", "设备", value))[0]).toBe("qualitative");
    const item = parseIndicatorCell("1、效益指标：PM2.5年均浓度≤35μg/m³。").items[0];
    expect([item?.name, item?.value.operator, item?.value.number, item?.value.unit]).toEqual(["PM2.5年均浓度", "≤", 35, "μg/m³"]);
  });

  it("reads no count out of a Chinese numeral before 度 (`二度`: a second time)", () => {
    expect(read(cell("效益指标", "群众满意度", "二度"))[0]).toBe("qualitative");
  });
});
