import { applyFixEdits, combineFixes } from "../../src/core/clean/applyFixEdits";
import type { Issue } from "../../src/core/model";

const seedRow6Item5 = "5、效益指标：党代表基层联系群众工作指标，合格。";

describe("applyFixEdits", () => {
  it("inserts the missing label at an empty span (seed row 6, item 5)", () => {
    const at = seedRow6Item5.indexOf("合格");
    expect(applyFixEdits(seedRow6Item5, [{ span: { start: at, end: at }, text: "年度指标值：" }])).toBe(
      "5、效益指标：党代表基层联系群众工作指标，年度指标值：合格。",
    );
  });

  it("applies edits given in any order against the original positions", () => {
    const text = "1、产出指标：资金拨付率，年度指标值：90%以上。";
    const word = text.indexOf("以上");
    const number = text.indexOf("90%");
    const edits = [
      { span: { start: word, end: word + 2 }, text: "" },
      { span: { start: number, end: number }, text: "≥" },
    ];
    expect(applyFixEdits(text, edits)).toBe("1、产出指标：资金拨付率，年度指标值：≥90%。");
  });

  it("keeps two insertions at one position in the order given", () => {
    expect(applyFixEdits("ab", [{ span: { start: 1, end: 1 }, text: "X" }, { span: { start: 1, end: 1 }, text: "Y" }])).toBe("aXYb");
  });

  it("returns the text unchanged without edits", () => {
    expect(applyFixEdits(seedRow6Item5, [])).toBe(seedRow6Item5);
  });

  it("refuses overlapping or out-of-range edits: that is a rule's bug, not user data", () => {
    expect(() => applyFixEdits("abcdef", [{ span: { start: 1, end: 4 }, text: "" }, { span: { start: 3, end: 5 }, text: "" }])).toThrow(RangeError);
    expect(() => applyFixEdits("abc", [{ span: { start: 2, end: 9 }, text: "" }])).toThrow(RangeError);
  });
});

describe("combineFixes", () => {
  const issue = (code: Issue["code"], start: number, end: number, text: string): Issue =>
    ({ code, severity: "info", params: {}, message: "", sheet: "表", cell: "E2", rowNumber: 2, fix: { edits: [{ span: { start, end }, text }], auto: true, description: "" } }) as Issue;

  it("applies the fixes of one cell together, the first winning where two overlap or one lies outside", () => {
    const text = "培训人数，不少于200人";
    const fixed = combineFixes(text, [
      issue("value_label_missing", 5, 5, "年度指标值："),
      issue("value_normalized", 5, 12, "≥200人"),
      issue("rate_ge_100", 6, 9, "=100%"),
      issue("vague_value", 20, 21, "x"),
    ]);
    expect(fixed).toEqual({ text: "培训人数，年度指标值：≥200人", codes: ["value_label_missing", "value_normalized"] });
    expect(combineFixes(text, [])).toEqual({ text, codes: [] });
  });
});
