import { timelinessValueInvalidRule } from "../../src/core/rules/timelinessValueInvalid";
import { CLEAN, PARTY_DELEGATE, VILLAGE_OFFICE } from "./cells";
import { itemCodes } from "./harness";

describe("timeliness_value_invalid", () => {
  it("flags 完成时间 良好", () => {
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标：项目完成时间，年度指标值：良好。")).toEqual([[1, "timeliness_value_invalid"]]);
  });

  it("flags a written 时效指标 measured in a count", () => {
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标（时效指标）：资金拨付及时率，年度指标值：≥1次。")).toEqual([[1, "timeliness_value_invalid"]]);
  });

  it("accepts dates, time limits, rates and period words", () => {
    expect(
      itemCodes(
        timelinessValueInvalidRule,
        "1、产出指标：项目完成时间，年度指标值：2025年12月31日前。2、产出指标：问题办结时限，年度指标值：≤30天。3、产出指标：资金拨付及时率，年度指标值：≥95%。",
      ),
    ).toEqual([]);
  });

  it("accepts a frequency, a count per period (每月1次, 每季度不少于1次, ≥2次/年)", () => {
    expect(
      itemCodes(
        timelinessValueInvalidRule,
        "1、产出指标：巡查及时性，年度指标值：每月1次。2、产出指标：督导完成时限，年度指标值：每季度不少于1次。3、产出指标（时效指标）：检查及时性，年度指标值：≥2次/年。",
      ),
    ).toEqual([]);
  });

  it("accepts a period or `at once` in words (按月发放, 按学期发放, 即办, 即时办结, 实时, 当日办结, 当天)", () => {
    const values = ["按月发放", "按季度发放", "按学期发放", "即办", "即时办结", "实时", "当日办结", "当天"];
    const cell = values.map((v, i) => `${i + 1}、产出指标：补助发放时限，年度指标值：${v}。`).join("");
    expect(itemCodes(timelinessValueInvalidRule, cell)).toEqual([]);
    // A word that merely contains 按 says no period.
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标：补助发放时限，年度指标值：按要求。")).toEqual([[1, "timeliness_value_invalid"]]);
  });

  it("accepts a percentage on 资金拨付时效指标 and 长期 on a 期限", () => {
    expect(itemCodes(timelinessValueInvalidRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(timelinessValueInvalidRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(timelinessValueInvalidRule, CLEAN)).toEqual([]);
  });

  it("accepts deadlines and periods written in words (汛期前, 暑假期间, 完成后≤30天)", () => {
    const cell = "1、产出指标：完成时间，年度指标值：2025年汛期前。2、产出指标：完成时间，年度指标值：暑假期间完成。3、产出指标：报告出具时间，年度指标值：检测完成后≤30天。";
    expect(itemCodes(timelinessValueInvalidRule, cell)).toEqual([]);
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标：完成时间，年度指标值：前期工作良好。")).toEqual([[1, "timeliness_value_invalid"]]);
  });
});

describe("timeliness_value_invalid: a lead time and a time set elsewhere (audit B)", () => {
  it("accepts 提前30分钟, 提前一天, 提前发布 and 按国家统一部署时间完成", () => {
    const values = ["提前30分钟", "提前一天", "提前发布", "按国家统一部署时间完成", "按计划时间节点推进"];
    const cell = values.map((v, i) => `${i + 1}、产出指标：预警发布时限，年度指标值：${v}。`).join("");
    expect(itemCodes(timelinessValueInvalidRule, cell)).toEqual([]);
  });

  it("still flags a count or a word saying no time", () => {
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标：预警发布时限，年度指标值：提前3次。2、产出指标：普查完成时间，年度指标值：按要求。")).toEqual([
      [1, "timeliness_value_invalid"],
      [2, "timeliness_value_invalid"],
    ]);
  });
});

describe("timeliness: a period and what is done in it is a time", () => {
  it.each(["季度结算", "月度结算", "每季度拨付", "按季结算", "逐月发放", "分季度拨付", "一季一结", "按季度拨付", "按月发放"])("%s", (value) => {
    expect(itemCodes(timelinessValueInvalidRule, `1、产出指标：资金结算时限，年度指标值：${value}。`)).toEqual([]);
  });

  it("still flags a value saying no time", () => {
    expect(itemCodes(timelinessValueInvalidRule, "1、产出指标：资金结算时限，年度指标值：规范结算。")).toEqual([[1, "timeliness_value_invalid"]]);
  });
});

describe("timeliness: 市容环卫's daily cycle and round-the-clock service", () => {
  it.each(["日产日清", "日清日结", "全天候保洁", "全时段巡查", "24小时值守"])("%s", (value) => {
    expect(itemCodes(timelinessValueInvalidRule, `1、产出指标（时效指标）：生活垃圾清运，年度指标值：${value}。`)).toEqual([]);
  });
});
