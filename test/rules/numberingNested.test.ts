import type { RuleCode } from "../../src/core/model";
import { ALL_RULES } from "../../src/core/rules/index";
import { numberingIrregularRule } from "../../src/core/rules/numberingIrregular";
import { NESTED_A, NESTED_B, NESTED_C } from "../parse/nestedCells";
import { dataRow, findingsOf, spanText } from "./harness";

/** `[item, kind, written, expected]` of item findings, `["heading " + n, kind, written, expected]` of heading findings. */
const kinds = (text: string) =>
  findingsOf(numberingIrregularRule, dataRow(text)).map((f) => [f.item ?? `heading ${f.params?.heading}`, f.params?.kind, f.params?.written, f.params?.expected]);
const codes = (text: string) => {
  const row = dataRow(text);
  return ALL_RULES.flatMap((rule) => findingsOf(rule, row).map((f) => f.code));
};

describe("numbering_irregular on headings numbered 1、 over sub-items numbered （1）", () => {
  it.each([NESTED_A, NESTED_B, NESTED_C])("is silent on %j, and no item lacks its 一级", (text) => {
    expect(kinds(text)).toEqual([]);
    const found = codes(text);
    expect(found).not.toContain<RuleCode>("category_unknown");
    expect(found).not.toContain<RuleCode>("numbering_irregular");
  });

  it("reads the headings and the items of no section between them as one sequence: 1, then items 2 and 3", () => {
    // B with item 2 numbered 3 and item 3 numbered 5
    const text =
      "1、产出指标：1）数量指标：培训人数，年度指标值：≥100人；2）质量指标：培训合格率，年度指标值：≥95%。" +
      "3、效益指标：社会效益指标：群众知晓率，年度指标值：≥90%。5、满意度指标：参训人员满意度，年度指标值：≥90%。";
    expect(kinds(text)).toEqual([
      [3, "gap", "3", 2],
      [4, "gap", "5", 3],
    ]);
    // an item before the first heading, numbered like it, counts in the same sequence
    expect(kinds("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：1）社会效益指标：知晓率，年度指标值：≥90%；2）可持续影响指标：长效机制，年度指标值：建立。")).toEqual([]);
  });

  it("still reports a skipped heading number", () => {
    const text = "1、产出指标：（1）培训人数：≥100人；（2）培训合格率：≥95%。3、效益指标：（1）群众知晓率：≥90%。";
    const row = dataRow(text);
    expect(kinds(text)).toEqual([["heading 2", "gap", "3", 2]]);
    expect(findingsOf(numberingIrregularRule, row).map((f) => spanText(row, f))).toEqual(["3"]);
  });

  it("still reports a skipped sub-item number, counted within its section", () => {
    expect(kinds("1、产出指标：（1）培训人数：≥100人；（3）培训合格率：≥95%。2、效益指标：（1）群众知晓率：≥90%；（2）知晓度：≥90%。")).toEqual([[2, "gap", "3", 2]]);
  });
});
