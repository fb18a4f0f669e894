import fc from "fast-check";
import { asciiNumber, foldWidth, significant } from "../../src/core/clean/text";

/** The definitions the one-pass helpers are held to. */
const referenceFold = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
const referenceSignificant = (text: string, keepDot: boolean) => referenceFold(text).replace(keepDot ? /[^\p{L}\p{N}%.]+/gu : /[^\p{L}\p{N}%]+/gu, "");

/** Strings that mix the ranges the helpers decide by hand with everything else. */
const mixed = fc
  .array(
    fc.oneof(
      fc.constantFrom("，", "：", "％", "．", "１", "Ａ", "ｚ", "\u3000", "、", "。", "≥", "𠀀", "😀", "\ud800", "\udc00", "Ⅻ", "²", "é", "ー", "ｶ", "9", ".", "%", ",", " "),
      fc.integer({ min: 0x4dff, max: 0xa000 }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

describe("cleaner text helpers", () => {
  it("folds full-width ASCII forms (，：included) but leaves the CJK marks 、 and 。", () => {
    expect(foldWidth("＞＝９０％，年度指标值：")).toBe(">=90%,年度指标值:");
    expect(foldWidth("1、合格。")).toBe("1、合格。");
  });

  it("spells numbers in ASCII digits without thousands separators, keeping the written decimals", () => {
    expect(asciiNumber("１,０００")).toBe("1000");
    expect(asciiNumber("1,000,000")).toBe("1000000");
    expect(asciiNumber("90.50")).toBe("90.50");
    expect(asciiNumber("9O")).toBeUndefined();
    expect(asciiNumber("三")).toBeUndefined();
    expect(asciiNumber(undefined)).toBeUndefined();
  });

  it("keeps a comma that is not a thousands separator, so 1,5 is not read as 15", () => {
    expect(asciiNumber("1,5")).toBeUndefined();
  });

  it("reduces a text to its letters, digits and percent signs", () => {
    expect(significant("不低于 ９０．5％", true)).toBe("不低于90.5%");
    expect(significant("1.产出指标：培训人数，", false)).toBe("1产出指标培训人数");
  });

  it("folds and reduces exactly as the regular-expression definitions do, astral and lone surrogates included", () => {
    fc.assert(
      fc.property(mixed, fc.boolean(), (text, keepDot) => {
        expect(foldWidth(text)).toBe(referenceFold(text));
        expect(significant(text, keepDot)).toBe(referenceSignificant(text, keepDot));
      }),
      { numRuns: 5000 },
    );
  });

  it("stays linear on long separator runs (no catastrophic backtracking)", () => {
    const long = "1" + ",".repeat(50_000) + "x";
    const started = Date.now();
    significant(long, true);
    asciiNumber(long);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
