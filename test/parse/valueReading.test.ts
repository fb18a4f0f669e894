import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { cell, clean, codes, read } from "./valueCells";

/** Values as other departments type them (住建, 教育, 应急, 医保, 气象: audit B), one block per finding. */

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

describe("operator words, lead words and Chinese numerals before a number", () => {
  it.each([
    ["应急演练次数", "至少2次", "≥", 2, "次"],
    ["应急演练次数", "最少2次", "≥", 2, "次"],
    ["应急演练次数", "不得少于2次", "≥", 2, "次"],
    ["单次培训时长", "最多3小时", "≤", 3, "小时"],
    ["应急演练次数", "全年不少于4次", "≥", 4, "次"],
    ["资助覆盖率", "达100%", "≥", 100, "%"],
    ["新发感染率", "达5%以下", "≤", 5, "%"],
    ["康复训练人次", "累计≥500人次", "≥", 500, "人次"],
    ["检查户数", "共计 1,200户", "=", 1200, "户"],
    ["资助覆盖率", "确保90%以上", "≥", 90, "%"],
    ["资助覆盖率", "力争达到95%", "≥", 95, "%"],
    ["门诊人次增长", "年均≥3%", "≥", 3, "%"],
    ["抽检次数", "不少于三次", "≥", 3, "次"],
    ["应急演练次数", "两次", "=", 2, "次"],
    ["抽检次数", "≥二次", "≥", 2, "次"],
    ["培训场次", "不少于十二场", "≥", 12, "场"],
    ["培训场次", "二十五场", "=", 25, "场"],
    ["资助资金", "两万元", "=", 2, "万元"],
  ])("%s %s", (name, value, operator, number, unit) => {
    const text = cell("产出指标", name, value);
    expect(read(text)).toEqual(["quantitative", operator, number, unit]);
    expect(codes(text)).not.toContain("qualitative_on_quantity");
  });

  it.each(["达标", "达到预期", "达效", "一流", "一次性", "三农工作", "十四五期间", "二〇二五年", "一般", "三级", "五星", "一类"])("keeps %s qualitative or a time", (value) => {
    expect(["qualitative", "time"]).toContain(read(cell("产出指标", "抽检次数", value))[0]);
  });

  it("keeps a Chinese numeral before a calendar unit a time (十二月底前, 一季度)", () => {
    expect(read(cell("产出指标", "完成时间", "十二月"))[0]).toBe("time");
    expect(read(cell("产出指标", "完成时间", "一季度"))[0]).toBe("time");
  });

  it("writes word operators as glyphs after the lead words, and a Chinese numeral as written after its glyph", () => {
    expect(clean(cell("产出指标", "应急演练次数", "至少2次"))).toBe(cell("产出指标", "应急演练次数", "≥2次"));
    expect(clean(cell("产出指标", "资助覆盖率", "达100%"))).toBe(cell("产出指标", "资助覆盖率", "≥100%"));
    expect(clean(cell("产出指标", "应急演练次数", "全年不少于4次"))).toBe(cell("产出指标", "应急演练次数", "全年≥4次"));
    expect(clean(cell("产出指标", "资助覆盖率", "力争达到95%以上"))).toBe(cell("产出指标", "资助覆盖率", "力争≥95%"));
    expect(clean(cell("产出指标", "康复训练人次", "累计≥500人次"))).toBe(cell("产出指标", "康复训练人次", "累计≥500人次"));
    expect(clean(cell("产出指标", "抽检次数", "不少于三次"))).toBe(cell("产出指标", "抽检次数", "≥三次"));
    expect(clean(cell("产出指标", "抽检次数", "两次"))).toBe(cell("产出指标", "抽检次数", "两次"));
  });

  it("starts a value glued to its name at `达` only after a measure (就业率达, not 送达, 下达), and at a lead word", () => {
    const item = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw])[0];
    expect(item("1、产出指标：文书送达100份。")).toEqual(["文书送达", "100份"]);
    expect(item("1、效益指标：就业率达80%。")).toEqual(["就业率", "达80%"]);
    expect(item("1、满意度指标：群众满意度达90%。")).toEqual(["群众满意度", "达90%"]);
    expect(item("1、产出指标：督查次数不少于三次。")).toEqual(["督查次数", "不少于三次"]);
    expect(item("1、产出指标：应急演练次数全年不少于4次。")).toEqual(["应急演练次数", "全年不少于4次"]);
  });

  it("reads a value opening with a lead word after the name's comma, and a stretch target after a value as its remark", () => {
    const item = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw, i.value.kind])[0];
    expect(item("1、产出指标：资助覆盖率，力争达到95%。")).toEqual(["资助覆盖率", "力争达到95%", "quantitative"]);
    expect(item("1、效益指标：知晓率≥90%，力争≥95%。")).toEqual(["知晓率", "≥90%，力争≥95%", "quantitative"]);
  });
});

describe("a label's `为` before a word value of no word list", () => {
  const item = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.label, i.value.kind, i.value.raw])[0];

  it.each([
    ["1、效益指标：就学保障，年度指标值为稳步提高。", ["就学保障", "年度指标值", "qualitative", "稳步提高"]],
    ["1、效益指标：就学保障，年度指标值为全面落实", ["就学保障", "年度指标值", "qualitative", "全面落实"]],
    ["1、效益指标：就学保障，指标值为应助尽助；2、产出指标：资助人数，年度指标值：≥50人。", ["就学保障", "指标值", "qualitative", "应助尽助"]],
  ])("%s", (text, expected) => {
    expect(item(text)).toEqual(expected);
    expect(codes(text)).not.toContain("value_missing");
  });

  it("writes the canonical label before the word", () => {
    expect(clean("1、效益指标：就学保障，年度指标值为稳步提高。")).toBe("1、效益指标：就学保障，年度指标值：稳步提高。");
  });

  it("leaves a name beginning 指标值为 after a head's colon, or before more of the item, a name", () => {
    expect(item("1、产出指标：指标值为民服务。")?.[0]).toBe("指标值为民服务");
    expect(item("1、产出指标：培训人数，年度指标值为民服务。")?.[1]).toBeUndefined();
    expect(item("1、效益指标：营商环境，年度指标值为企业办实事。")?.[1]).toBeUndefined();
    expect(item("1、产出指标：指标值为民服务次数，年度指标值：≥5次。")?.[0]).toBe("指标值为民服务次数");
    expect(item("1、产出指标：培训情况，指标值为民服务次数≥5次。")?.[1]).toBeUndefined();
  });
});
