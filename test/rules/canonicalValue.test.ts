import fc from "fast-check";
import { canonicalValueText } from "../../src/core/clean/canonicalCellText";
import type { ParsedValue } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";
import { canonicalValue, sameSignificant } from "../../src/core/rules/canonicalValue";
import { removeLast, significant } from "../../src/core/clean/text";
import { fixtureFiles, loadFixtures } from "../parse/fixtures";

/** Pieces of values: operators in every width and wording, digits in both widths, separators,
 * units, spaces of every kind, letters and numbers outside the quick ranges (`Ⅻ`, `①`, `𠀀`). */
const PIECES = [
  "≥", "≤", ">", "<", "=", ">=", "＞＝", "≧", "≦", "═", "不低于", "不少于", "达到", "超过", "以上", "以下", "以内", "内", "及以上",
  "0", "5", "9", "90", "100", "1.5", "０", "９", "９０", "．", ".", ",", "，", "1,000", "１，０００",
  "%", "％", "﹪", "‰", "个", "人次", "万元", "元/人", "天", "个工作日", "年", "月", "底前", "-", "~", "～", "至", "—",
  " ", "　", "\t", "\u00a0", "\u2003", "\ufeff", "(", ")", "（含）", "Ⅻ", "①", "𠀀", "\ud800", "x", "X", "*", "O", "二", "合格",
];

const valueText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));

function same(value: ParsedValue): void {
  expect(canonicalValue(value)).toBe(canonicalValueText(value));
}

describe("canonicalValue (value_normalized's regex-free canonical value)", () => {
  it("gives canonicalValueText's answer on generated values", () => {
    fc.assert(
      fc.property(valueText, (text) => same(parseValue(text, 0))),
      { numRuns: 5000 },
    );
  });

  it("gives canonicalValueText's answer on every value of the golden cells", () => {
    let values = 0;
    for (const file of fixtureFiles()) {
      for (const fixture of loadFixtures(file)) {
        for (const item of parseIndicatorCell(fixture.text).items) {
          same(item.value);
          values++;
        }
      }
    }
    expect(values).toBeGreaterThan(100);
  });

  it("canonicalises word and variant operators, and keeps what it cannot prove equal", () => {
    const canonical = (text: string) => canonicalValue(parseValue(text, 0));
    expect(canonical("80%以上")).toBe("≥80%");
    expect(canonical("不低于3000个")).toBe("≥3000个");
    expect(canonical("≧95%")).toBe("≥95%");
    expect(canonical("30万元以内")).toBe("≤30万元");
    expect(canonical("≥90%（含）")).toBe("≥90%（含）");
    expect(canonical("９０％ ~ ９５％")).toBe("90%~95%");
  });

  it("compares significant content in place as the cleaner's significant(removeLast(…)) does", () => {
    const cases: [string, string | undefined, string][] = [
      ["≥90%", undefined, "≥95%"],
      ["不低于90%", "不低于", "≥90%"],
      ["90%以上", "以上", "≥90%"],
      ["９０％", undefined, "90%"],
      ["𠀀1", undefined, "𠀀1"],
      ["𠀀1", undefined, "𠀁1"],
      ["≥90%（含）", undefined, "≥90%"],
      ["1,000元", undefined, "1000元"],
      ["9.5%", undefined, "95%"],
      ["ab", "a", "b"],
      ["", undefined, "."],
    ];
    for (const [written, part, canonical] of cases) {
      const at = part ? written.lastIndexOf(part) : -1;
      const expected = significant(removeLast(written, part), true) === significant(canonical, true);
      expect([written, canonical, sameSignificant(written, at, at < 0 ? -1 : at + (part ?? "").length, canonical)]).toEqual([written, canonical, expected]);
    }
  });
});
