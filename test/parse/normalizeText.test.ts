import { foldCode, foldWidth } from "../../src/core/parse/normalizeText";

describe("foldWidth", () => {
  it("folds full-width digits, letters, ％ and punctuation to ASCII", () => {
    expect(foldWidth("＞＝９０％")).toBe(">=90%");
    expect(foldWidth("１，０００个；")).toBe("1,000个;");
    expect(foldWidth("（１）产出指标：ＡＢ")).toBe("(1)产出指标:AB");
  });

  it("folds operator look-alikes and the ideographic space", () => {
    expect(foldWidth("≧90　≦5　═100")).toBe("≥90 ≤5 =100");
  });

  it("keeps the item grammar's own marks 、 and 。", () => {
    expect(foldWidth("1、产出指标。")).toBe("1、产出指标。");
  });

  it("preserves length, so offsets in the folded text are offsets in the original", () => {
    for (const text of ["＞＝９０％", "“两新”组织（工）委", "≧≦═﹪〜｡､", "😀１"]) expect(foldWidth(text)).toHaveLength(text.length);
  });

  it("returns the same string when nothing needs folding", () => {
    const text = "1、产出指标。≥200人, 年度指标值: 合格";
    expect(foldWidth(text)).toBe(text);
  });

  it("maps code units one to one", () => {
    expect(String.fromCharCode(foldCode("％".charCodeAt(0)))).toBe("%");
    expect(foldCode("中".charCodeAt(0))).toBe("中".charCodeAt(0));
  });
});
