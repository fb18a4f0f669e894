import { classifyIndicator, classifyName, indicatorKey, isDimensionless, isUnboundedRate } from "../../src/core/rules/classify";
import type * as Classify from "../../src/core/rules/classify";
import { dataRow } from "./harness";

/**
 * classify.ts remembers its answers by name (a table repeats a few hundred names over thousands
 * of projects). The memo must never change an answer: not for the same name under another
 * category or with another value, not after it starts over past its bound.
 */

const NAMES = [
  "拨付完成率指标", "参加培训人次完成率", "实际发放人数/应发放人数", "贫困户占比", "全区远教站点数", "培训场次",
  "服务群体满意率", "群众不满意率", "满意度调查结果", "人均成本（元/人）", "项目成本", "项目经费", "空气质量指数",
  "资金拨付时效指标", "资金拨付及时率", "问题办结时限", "安全事故发生次数", "投诉处理率", "GDP增长率", "杠杆率",
  "考核分数", "灌溉水有效利用系数", "服务质量", "群众获得感", " 拨付完成率 ", "ＧＤＰ增长率", "经费是否按时拨付",
  "监测设备故障次数", "森林火灾预警信息发布次数", "实际改造户数占计划改造户数", "逾期发放率",
];

/** A fresh copy of the module: an empty memo. */
function freshModule(): typeof Classify {
  let fresh: typeof Classify | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<typeof Classify>("../../src/core/rules/classify");
  });
  return fresh!;
}

/** Each function's answers from a module of its own, each name asked once: none from a memo. */
function freshAnswers(): { name: ReturnType<typeof classifyName>; unbounded: boolean; dimensionless: boolean; key: string }[] {
  const names = NAMES.map((n) => freshModule().classifyName(n));
  const unbounded = freshModule();
  const dimensionless = freshModule();
  const key = freshModule();
  return NAMES.map((n, i) => ({ name: names[i]!, unbounded: unbounded.isUnboundedRate(n), dimensionless: dimensionless.isDimensionless(n), key: key.indicatorKey(n) }));
}

function answers(): ReturnType<typeof freshAnswers> {
  return NAMES.map((n) => ({ name: classifyName(n), unbounded: isUnboundedRate(n), dimensionless: isDimensionless(n), key: indicatorKey(n) }));
}

describe("classify's memo by name", () => {
  it("answers as a fresh module does, asked again, in another order, and after starting over", () => {
    const expected = freshAnswers();
    expect(new Set(NAMES).size).toBe(NAMES.length);
    expect(expected.filter((a) => a.unbounded).length).toBe(3);
    expect(expected.filter((a) => a.dimensionless).length).toBe(3);
    // Asked in reverse, each function alone, twice: the memo now holds every name.
    for (let round = 0; round < 2; round++) {
      for (const n of [...NAMES].reverse()) {
        isDimensionless(n);
        indicatorKey(n);
      }
      for (const n of NAMES) classifyName(n);
    }
    expect(answers()).toEqual(expected);
    expect(answers()).toEqual(expected);
    // Past the bound (thousands of other names): the memo starts over and answers alike.
    for (let i = 0; i < 10_000; i++) {
      classifyName(`指标${i}完成率`);
      indicatorKey(`指标${i}`);
    }
    expect(classifyName("指标9999完成率").measure).toBe("rate");
    expect(answers()).toEqual(expected);
    expect(answers()).toEqual(expected);
  });

  it("gives a name its category's reading whichever category asked first", () => {
    // 服务质量 claims nothing: a satisfaction measure under 满意度指标, other elsewhere.
    const satisfaction = dataRow("1、满意度指标：服务质量，年度指标值：≥90%。").cell.items[0]!;
    const output = dataRow("1、产出指标：服务质量，年度指标值：≥90%。").cell.items[0]!;
    for (let round = 0; round < 2; round++) {
      expect(classifyIndicator(satisfaction)).toMatchObject({ measure: "satisfaction", percentScale: true });
      expect(classifyIndicator(output)).toMatchObject({ measure: "other", percentScale: false });
    }
    // 项目成本 is an economic cost, except under 效益指标.
    const cost = dataRow("1、成本指标：项目成本，年度指标值：≤30万元。").cell.items[0]!;
    const effect = dataRow("1、效益指标：项目成本，年度指标值：降低。").cell.items[0]!;
    for (let round = 0; round < 2; round++) {
      expect(classifyIndicator(effect).economicCost).toBe(false);
      expect(classifyIndicator(cost).economicCost).toBe(true);
    }
    // A 时效指标 by category, on a percentage scale only with a percent value.
    const [percent, days] = dataRow("1、产出指标（时效指标）：资金拨付，年度指标值：≥90%。2、产出指标（时效指标）：资金拨付，年度指标值：≤30天。").cell.items;
    const plain = dataRow("1、产出指标（质量指标）：资金拨付，年度指标值：≥90%。").cell.items[0]!;
    for (let round = 0; round < 2; round++) {
      expect(classifyIndicator(plain)).toMatchObject({ timeliness: false, percentScale: false });
      expect(classifyIndicator(percent!)).toMatchObject({ timeliness: true, percentScale: true });
      expect(classifyIndicator(days!)).toMatchObject({ timeliness: true, percentScale: false });
    }
  });
});
