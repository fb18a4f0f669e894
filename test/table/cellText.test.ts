import fc from "fast-check";
import { cellText } from "../../src/core/table/cellText";

describe("the text a user sees in a cell", () => {
  it("keeps strings exactly, spaces and line breaks included", () => {
    expect(cellText("1、产出指标：资金拨付时效指标，年度指标值：≥90%。")).toBe("1、产出指标：资金拨付时效指标，年度指标值：≥90%。");
    expect(cellText("  合格\n")).toBe("  合格\n");
    expect(cellText("#N/A")).toBe("#N/A");
  });

  it("writes integers without a decimal part", () => {
    expect(cellText(3)).toBe("3");
    expect(cellText(3.0)).toBe("3");
    expect(cellText(-0)).toBe("0");
    expect(cellText(1048576)).toBe("1048576");
  });

  it("drops binary noise from floats, keeping 15 significant digits", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1.1 * 3)).toBe("3.3");
    expect(cellText(95.5)).toBe("95.5");
    expect(cellText(0.9)).toBe("0.9");
    expect(cellText(123456.789012345)).toBe("123456.789012345");
    expect(cellText(-12.25)).toBe("-12.25");
  });

  it("gives every finite number exactly the text of rounding it to 15 significant digits (integers exact)", () => {
    // The definition, without the shortcut cellText takes for short numbers.
    const byDefinition = (n: number) => (Number.isSafeInteger(n) ? String(n) : String(Number(n.toPrecision(15))));
    const amounts = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => a + c / 100);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), amounts, fc.double({ min: -1e7, max: 1e7, noNaN: true })), (n) => {
        expect(cellText(n)).toBe(byDefinition(n));
      }),
      { numRuns: 20_000 },
    );
    for (const n of [0.1 + 0.2, 1e-7, 1.5e-7, 1e21, 123456789012.5, 1234567890123.45, 0.000123456789012345, 2 ** 53 + 2, -1e-300, 5e-324]) expect(cellText(n)).toBe(byDefinition(n));
  });

  it("reads values no sheet holds as Excel's #NUM!", () => {
    expect(cellText(Number.NaN)).toBe("#NUM!");
    expect(cellText(Number.POSITIVE_INFINITY)).toBe("#NUM!");
  });

  it("writes booleans as Excel does", () => {
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
  });

  it("writes dates from their UTC fields, with the time only when it is not midnight", () => {
    expect(cellText(new Date(Date.UTC(2025, 11, 31)))).toBe("2025-12-31");
    expect(cellText(new Date(Date.UTC(2024, 0, 5, 9, 30)))).toBe("2024-01-05 09:30");
    expect(cellText(new Date(Date.UTC(2024, 0, 5, 0, 0, 15)))).toBe("2024-01-05 00:00:15");
    expect(cellText(new Date(Number.NaN))).toBe("");
  });

  it("reads an empty cell as empty text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});
