import { formatIssue } from "../../src/core/messages/index";
import type { IssueParams } from "../../src/core/model";
import { ALL_RULES } from "../../src/core/rules/index";
import { numberingIrregularRule } from "../../src/core/rules/numberingIrregular";
import { dataRow, findingsOf, spanText } from "./harness";

const findings = (text: string) => findingsOf(numberingIrregularRule, dataRow(text));
/** `[item, kind, written, expected]` of item findings, `["heading " + n, kind, written, expected]` of heading findings. */
const kinds = (text: string) =>
  findings(text).map((f) => [f.item ?? `heading ${f.params?.heading}`, f.params?.kind, f.params?.written, f.params?.expected]);
const messages = (text: string, lang: "zh" | "en" = "zh") => findings(text).map((f) => formatIssue("numbering_irregular", f.params as IssueParams, lang));

const SECTIONED =
  "一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人\n2、时效指标：完成时间，年度指标值：2025年12月底前\n" +
  "二、效益指标\n1、社会效益指标：群众知晓率，年度指标值：≥90%\n" +
  "三、满意度指标\n1、服务对象满意度指标：群众满意度，年度指标值：≥90%";

describe("numbering_irregular on a cell written in sections", () => {
  it("accepts numbers restarting at 1 under each heading", () => {
    expect(kinds(SECTIONED)).toEqual([]);
    expect(kinds("（一）产出指标\n(1)培训人数，年度指标值：≥100人\n(2)培训期数，年度指标值：≥2期\n（二）效益指标\n(1)群众知晓率，年度指标值：≥90%")).toEqual([]);
  });

  it("accepts numbers carrying on across the headings", () => {
    expect(kinds("一、产出指标\n1、培训人数，年度指标值：≥100人\n2、培训期数，年度指标值：≥2期\n二、效益指标\n3、群众知晓率，年度指标值：≥90%")).toEqual([]);
  });

  it("no other rule reports a heading as an item (no value, no category, no label)", () => {
    const row = dataRow(SECTIONED);
    const codes = ALL_RULES.flatMap((rule) => findingsOf(rule, row).map((f) => f.code));
    expect(codes).not.toContain("value_missing");
    expect(codes).not.toContain("category_unknown");
    expect(codes).not.toContain("value_label_missing");
    expect(codes).not.toContain("numbering_irregular");
  });

  it("checks the numbers within each section", () => {
    const text =
      "一、产出指标\n1、培训人数，年度指标值：≥100人\n3、培训期数，年度指标值：≥2期\n1、培训次数，年度指标值：≥2次\n" +
      "二、效益指标\n2、群众知晓率，年度指标值：≥90%";
    expect(kinds(text)).toEqual([
      [2, "gap", "3", 2],
      [3, "duplicate", "1", 3],
      [4, "notFromOne", "2", 1],
    ]);
  });

  it("checks the headings' own numbers as a sequence of their own, at the heading's number", () => {
    const text = "一、产出指标\n1、培训人数，年度指标值：≥100人\n三、效益指标\n1、群众知晓率，年度指标值：≥90%\n二、满意度指标\n1、满意度，年度指标值：≥90%";
    const row = dataRow(text);
    const found = findingsOf(numberingIrregularRule, row);
    expect(kinds(text)).toEqual([
      ["heading 2", "gap", "三", 2],
      ["heading 3", "backward", "二", 3],
    ]);
    expect(found.map((f) => spanText(row, f))).toEqual(["三", "二"]);
    expect(messages(text)).toEqual([
      "第2个标题“效益指标”的序号为“三”，中间有跳号（应为2）",
      "第3个标题“满意度指标”的序号“二”小于前面的“三”，顺序颠倒（应为3）",
    ]);
    expect(messages(text, "en")).toEqual([
      "Heading 2 “效益指标” is numbered “三”: a number is skipped (expected 2)",
      "Heading 3 “满意度指标” is numbered “二”, lower than “三” before it: the numbering goes backwards (expected 3)",
    ]);
  });

  it("reports headings numbered in mixed styles, or not from 1", () => {
    expect(kinds("二、产出指标\n1、培训人数，年度指标值：≥100人\n三、效益指标\n1、群众知晓率，年度指标值：≥90%")).toEqual([["heading 1", "notFromOne", "二", 1]]);
    expect(kinds("一、产出指标\n1、培训人数，年度指标值：≥100人\n（二）效益指标\n1、群众知晓率，年度指标值：≥90%\n三、满意度指标\n1、满意度，年度指标值：≥90%")).toEqual([
      ["heading 2", "mixedStyle", "二", 2],
    ]);
  });
});

describe("numbering_irregular messages say what happened", () => {
  it("names the item a duplicate repeats, not just 'the item before'", () => {
    const text = "1、产出指标：a，年度指标值：≥1人。2、产出指标：b，年度指标值：≥1人。1、产出指标：c，年度指标值：≥1人。";
    expect(findings(text).map((f) => f.params)).toEqual([{ item: 3, written: "1", expected: 3, kind: "duplicate", first: 1 }]);
    expect(messages(text)).toEqual(["第3项的序号“1”与第1项重复（应为3）"]);
    expect(messages(text, "en")).toEqual(["Item 3 repeats the number “1” of item 1 (expected 3)"]);
  });

  it("words a number lower than the one before it as going backwards, not as a gap", () => {
    const text = "1、产出指标：a，年度指标值：≥1人；2、产出指标：b，年度指标值：≥1人；5、产出指标：c，年度指标值：≥1人；3、产出指标：d，年度指标值：≥1人";
    expect(kinds(text)).toEqual([
      [3, "gap", "5", 3],
      [4, "backward", "3", 4],
    ]);
    expect(messages(text)).toEqual(["第3项的序号为“5”，中间有跳号（应为3）", "第4项的序号“3”小于前面的“5”，顺序颠倒（应为4）"]);
  });

  it("still words reports saved before `first` and `previous` existed", () => {
    expect(formatIssue("numbering_irregular", { item: 3, kind: "duplicate", written: "2", expected: 3 }, "zh")).toBe("第3项的序号“2”与前面的序号重复（应为3）");
    expect(formatIssue("numbering_irregular", { item: 3, kind: "gap", written: "4", expected: 3 }, "zh")).toBe("第3项的序号为“4”，中间有跳号（应为3）");
    expect(formatIssue("numbering_irregular", { item: 1, kind: "notFromOne", written: "2", expected: 1 }, "zh")).toBe("序号未从1开始：第1项的序号为“2”");
  });
});
