import { ValueTable } from "../../src/core/parse/intern";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

/** ValueTable: the cells of one check share equal values, never unequal ones. */
describe("ValueTable", () => {
  const A = "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：知晓率，年度指标值：≥90%。";
  // Same first value at the same place; the second value differs in its number only.
  const B = "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：知晓率，年度指标值：≥95%。";
  // Same text as A's first value, one character further on.
  const C = "1、产出指标：培训人次数，年度指标值：≥50人。";

  it("shares a value equal in every field and place, and keeps unequal ones apart", () => {
    const values = new ValueTable();
    const a = parseIndicatorCell(A, values);
    const b = parseIndicatorCell(B, values);
    const c = parseIndicatorCell(C, values);
    expect(b.items[0]?.value).toBe(a.items[0]?.value);
    expect(b.items[1]?.value).not.toBe(a.items[1]?.value);
    expect(b.items[1]?.value.number).toBe(95);
    expect(a.items[1]?.value.number).toBe(90);
    expect(c.items[0]?.value.raw).toBe(a.items[0]?.value.raw);
    expect(c.items[0]?.value.span.start).toBe((a.items[0]?.value.span.start ?? 0) + 1);
    expect(c.items[0]?.value).not.toBe(a.items[0]?.value);
  });

  it("shares at a place that holds many different values (one per project, say)", () => {
    const values = new ValueTable();
    // Forty values at one span (two digits each), every one of them met twice.
    const cell = (n: number) => `1、产出指标：培训人数，年度指标值：≥${n}人。`;
    const first = Array.from({ length: 40 }, (_, i) => parseIndicatorCell(cell(10 + i), values).items[0]?.value);
    const again = Array.from({ length: 40 }, (_, i) => parseIndicatorCell(cell(10 + i), values).items[0]?.value);
    again.forEach((value, i) => expect(value).toBe(first[i]));
    expect(new Set(first).size).toBe(40);
  });

  it("reads every cell as it reads it alone", () => {
    const values = new ValueTable();
    for (const text of [A, B, C, A, C]) expect(parseIndicatorCell(text, values)).toEqual(parseIndicatorCell(text));
  });

  it("without a table, parses fresh values", () => {
    expect(parseIndicatorCell(A).items[0]?.value).not.toBe(parseIndicatorCell(A).items[0]?.value);
  });
});
