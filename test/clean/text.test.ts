import fc from "fast-check";
import { asciiNumber, foldWidth, removeFirst, removeLast, sameSignificant, sameSignificantWithout, significant } from "../../src/core/clean/text";

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

/** Texts from few pieces, so that removed parts recur, overlap and span each other's gaps
 * (`不低于` found across where `年度指标值` was), with surrogate halves to split and join. */
const piece = fc.constantFrom("1", "2", "、", "(", "（", "年度", "指标值", "：", "不", "低", "于", "不低于", "以上", "%", "．", ".", "9", " ", "\ud840", "\udc00", "𠀀", "Ａ", "。");
const small = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
const part = fc.option(fc.array(piece, { maxLength: 3 }).map((parts) => parts.join("")), { nil: undefined });

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

  it("compares significant content exactly as comparing the strings does", () => {
    fc.assert(
      fc.property(fc.oneof(mixed, small), fc.oneof(mixed, small), fc.boolean(), (a, b, keepDot) => {
        expect(sameSignificant(a, b, keepDot)).toBe(referenceSignificant(a, keepDot) === referenceSignificant(b, keepDot));
        expect(sameSignificant(a, a, keepDot)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("compares after removals exactly as removing from the strings one after the other does", () => {
    const reference = (text: string, first: string | undefined, then: string | undefined, last: string | undefined, rewritten: string[]) =>
      referenceSignificant(removeLast(removeFirst(removeFirst(text, first), then), last), false) === referenceSignificant(rewritten.join(""), false);
    fc.assert(
      fc.property(small, part, part, part, fc.array(small, { maxLength: 3 }), (text, first, then, last, rewritten) => {
        expect(sameSignificantWithout(text, first, then, last, rewritten)).toBe(reference(text, first, then, last, rewritten));
        // The content left after the removals, rewritten as it is: always the same.
        const left = removeLast(removeFirst(removeFirst(text, first), then), last);
        expect(sameSignificantWithout(text, first, then, last, [left])).toBe(true);
        const cut = Math.floor(left.length / 2);
        expect(sameSignificantWithout(text, first, then, last, [left.slice(0, cut), left.slice(cut)])).toBe(reference(text, first, then, last, [left.slice(0, cut), left.slice(cut)]));
      }),
      { numRuns: 20000 },
    );
  });

  it("finds the occurrence removeFirst and removeLast find when one would span an earlier gap", () => {
    // `不低于` appears only once `年度指标值` is taken out; in `(1)年度1指标值` the label is never found.
    expect(sameSignificantWithout("1、不低年度指标值于90%", "1", "年度指标值", "不低于", ["90%"])).toBe(true);
    expect(sameSignificantWithout("(1)年度1指标值", "1", "年度指标值", undefined, ["()"])).toBe(false);
    expect(sameSignificantWithout("(1)年度1指标值", "1", "年度指标值", undefined, ["(年度1指标值"])).toBe(true);
    // Taking out `年度` joins a surrogate pair into `𠀀`, a letter; so does joining the pieces.
    expect(sameSignificantWithout("\ud840年度\udc00", undefined, "年度", undefined, ["𠀀"])).toBe(true);
    expect(sameSignificantWithout("𠀀", undefined, undefined, undefined, ["\ud840", "\udc00"])).toBe(true);
    expect(sameSignificantWithout("\ud840年度\udc00", undefined, "年度", undefined, [])).toBe(false);
  });

  it("stays linear on long separator runs (no catastrophic backtracking)", () => {
    const long = "1" + ",".repeat(50_000) + "x";
    const started = Date.now();
    significant(long, true);
    asciiNumber(long);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
