import { applyFixEdits } from "../../src/core/clean/applyFixEdits";

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
