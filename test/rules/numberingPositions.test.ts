import { formatIssue } from "../../src/core/messages/index";
import type { IssueParams } from "../../src/core/model";
import { numberingIrregularRule } from "../../src/core/rules/numberingIrregular";
import { dataRow, findingsOf } from "./harness";

const findings = (text: string) => findingsOf(numberingIrregularRule, dataRow(text));
const kinds = (text: string) => findings(text).map((f) => [f.item, f.params?.kind, f.params?.written, f.params?.expected]);

describe("numbering_irregular: positions and run-on items", () => {
  it("counts an unnumbered item as a position: item 3 numbered 3 after it is no gap", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人。效益指标：水平，年度指标值：合格。3、满意度指标：满意度，年度指标值：≥90%。")).toEqual([
      [2, "unnumbered", "", 2],
    ]);
  });

  it("reports a repeated number run on to the previous item", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人2、效益指标：水平，年度指标值：合格2、满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [3, "duplicate", "2", 3],
    ]);
  });

  it("reports a skipped number run on to the previous item, once", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人3、效益指标：水平，年度指标值：合格4、满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [2, "gap", "3", 2],
    ]);
  });

  it("does not call an item at its own position a duplicate (1、3、3、)", () => {
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人。3、效益指标：水平，年度指标值：合格。3、满意度指标：满意度，年度指标值：≥90%。")).toEqual([
      [2, "gap", "3", 2],
    ]);
  });

  it("treats ①, 1) and 一、 as styles of their own: consistent is fine, mixed is reported", () => {
    const circled = "①产出指标：培训人数，年度指标值：≥100人。②效益指标：水平，年度指标值：合格。③满意度指标：满意度，年度指标值：≥90%。";
    const closeParen = "1）产出指标：培训人数，年度指标值：≥100人。2）效益指标：水平，年度指标值：合格。3）满意度指标：满意度，年度指标值：≥90%。";
    const hanzi = "一、产出指标：培训人数，年度指标值：≥100人。二、效益指标：水平，年度指标值：合格。三、满意度指标：满意度，年度指标值：≥90%。";
    for (const text of [circled, closeParen, hanzi]) expect(kinds(text)).toEqual([]);
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人。②效益指标：水平，年度指标值：合格。3、满意度指标：满意度，年度指标值：≥90%。")).toEqual([
      [2, "mixedStyle", "②", 2],
    ]);
    expect(kinds("一、产出指标：培训人数，年度指标值：≥100人。二、效益指标：水平，年度指标值：合格。四、满意度指标：满意度，年度指标值：≥90%。")).toEqual([
      [3, "gap", "四", 3],
    ]);
  });

  it("never words a number as wrong while expecting that same number", () => {
    const numbers = ["1、", "2、", "3、", "", "2.", "(3)", "①", "三、"];
    // every sequence of three items drawn from these numberings
    for (const a of numbers) {
      for (const b of numbers) {
        for (const c of numbers) {
          const text = `${a}产出指标：培训人数，年度指标值：≥100人。${b}效益指标：水平，年度指标值：合格。${c}满意度指标：满意度，年度指标值：≥90%。`;
          const row = dataRow(text);
          for (const f of findingsOf(numberingIrregularRule, row)) {
            const p = f.params as { kind: string; expected: number };
            const number = row.cell.items[(f.item ?? 0) - 1]?.number;
            if (p.kind === "gap" || p.kind === "duplicate") expect([text, number]).not.toEqual([text, p.expected]);
            for (const lang of ["zh", "en"] as const) expect(formatIssue("numbering_irregular", f.params as IssueParams, lang)).not.toMatch(/第0项|Item 0/);
          }
        }
      }
    }
  });
});
