import fc from "fast-check";
import { parseValue } from "../../src/core/parse/parseValue";

describe("numbers read without Number() on a slice", () => {
  it("read exactly what Number() reads from the digits (decimals, thousands separators, leading zeros)", () => {
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    const numbers = fc.oneof(
      digits,
      fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
      fc.tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 })).map(
        ([head, groups]) => [String(head), ...groups.map((g) => String(g).padStart(3, "0"))].join(","),
      ),
    );
    fc.assert(
      fc.property(numbers, (written) => {
        const value = parseValue(`≥${written}个`, 0);
        expect(value.number).toBe(Number(written.replace(/,/g, "")));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads full-width digits and the usual decimals", () => {
    expect(parseValue("≥０.１５%", 0).number).toBe(0.15);
    expect(parseValue("1,000元", 0).number).toBe(1000);
    expect(parseValue("99.99%", 0).number).toBe(99.99);
  });
});
