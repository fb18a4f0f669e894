import { checkSheet } from "../../src/core/check";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";

/** The issues of one indicator cell checked as the one data row of a sheet. */
function issuesOf(cell: string) {
  const out = checkSheet({ name: "S", values: [["项目名称", "绩效指标"], ["项目1", cell]] });
  if (!out.ok) throw new Error("no table");
  return out.check.issues;
}

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

describe("the weak prefix 达到: the suffix says which way", () => {
  it.each([
    ["达到5%以下", "≤", 5, "%", "≤5%"],
    ["达到30万元以内", "≤", 30, "万元", "≤30万元"],
    ["达到3个工作日内", "≤", 3, "个工作日", "≤3个工作日"],
    ["达到10天之内", "≤", 10, "天", "≤10天"],
    ["达到90%以上", "≥", 90, "%", "≥90%"],
    ["达到90%及以上", "≥", 90, "%", "≥90%"],
  ])("%s reads as %s, and value_normalized offers %s", (value, operator, number, unit, canonical) => {
    expect(parseValue(value, 0)).toMatchObject({ kind: "quantitative", operator, number, unit, operatorSource: "word", operatorRaw: "达到" });
    const cell = `1、效益指标：投诉率，年度指标值：${value}`;
    const normalized = issuesOf(cell).find((i) => i.code === "value_normalized");
    expect(normalized?.params).toEqual({ item: 1, from: value, to: canonical });
    expect(normalized?.fix?.edits.map((e) => e.text)).toEqual([canonical]);
    expect(clean(cell)).toBe(`1、效益指标：投诉率，年度指标值：${canonical}。`);
  });

  it("alone still reads as ≥", () => {
    expect(parseValue("达到95%", 0)).toMatchObject({ operator: "≥", operatorRaw: "达到" });
  });

  it("leaves strong contradictory pairs as they were: the prefix rules, nothing normalised", () => {
    for (const [value, operator] of [
      ["≥90%以下", "≥"],
      ["不低于90%以下", "≥"],
      ["不超过30万元以上", "≤"],
    ] as const) {
      expect(parseValue(value, 0)).toMatchObject({ operator });
      const cell = `1、产出指标：合格率，年度指标值：${value}`;
      expect(issuesOf(cell).find((i) => i.code === "value_normalized")).toBeUndefined();
      expect(clean(cell)).toContain(value);
    }
  });

  it("makes a negative-direction indicator written 达到…以下 no longer a `≥` on it", () => {
    expect(issuesOf("1、效益指标：投诉发生率，年度指标值：达到5%以下").map((i) => i.code)).not.toContain("negative_direction_ge");
    expect(issuesOf("1、效益指标：投诉发生率，年度指标值：达到5%").map((i) => i.code)).toContain("negative_direction_ge");
  });
});
