import { formatFix, formatIssue, ruleExplanation, ruleTitle } from "../../src/core/messages/index";
import type { RuleParams } from "../../src/core/messages/params";
import type { IssueParams, Lang, RuleCode } from "../../src/core/model";
import { RULE_CODES } from "../../src/core/rules/index";

/** Params of every variant of every code: typed by RuleParams, so a new code or a renamed
 * param fails to compile here too. */
const SAMPLES: { [C in RuleCode]: RuleParams[C][] } = {
  indicator_cell_empty: [{ project: "干部培训经费" }, { project: "" }, { project: "干部培训经费", placeholder: "—" }, { project: "", placeholder: "#N/A" }],
  category_unknown: [
    { item: 3, kind: "missing", written: "", level1: "" },
    { item: 1, kind: "level2Only", written: "数量指标", level1: "产出指标" },
    { item: 3, kind: "level1", written: "产出指数", level1: "" },
    { item: 2, kind: "level2", written: "数量指针", level1: "产出指标" },
    { item: 2, kind: "mismatch", written: "社会效益指标", level1: "产出指标" },
    { kind: "noItems", written: "详见附件", level1: "" },
  ],
  value_missing: [
    { item: 3, name: "基层党建水平指标", value: "" },
    { item: 3, name: "培训人数", value: "≥人" },
    { item: 3, name: "满意度", value: "—", placeholder: true },
  ],
  placeholder_left: [{ item: 1, text: "≥**%" }],
  number_garbled: [{ item: 1, value: "≥9O%", garbled: "9O" }],
  percent_over_100: [{ item: 1, name: "验收合格率", value: "≥120%" }],
  numbering_irregular: [
    { item: 3, kind: "gap", written: "4", expected: 3 },
    { item: 3, kind: "duplicate", written: "2", expected: 3 },
    { item: 1, kind: "notFromOne", written: "2", expected: 1 },
    { item: 2, kind: "mixedStyle", written: "2.", expected: 2 },
    { item: 2, kind: "unnumbered", written: "", expected: 2 },
    { item: 3, kind: "duplicate", written: "1", expected: 3, first: 1 },
    { item: 4, kind: "backward", written: "3", expected: 4, previous: "5" },
    { heading: 2, title: "效益指标", kind: "gap", written: "三", expected: 2 },
    { heading: 2, title: "效益指标", kind: "duplicate", written: "一", expected: 2, first: 1 },
    { heading: 3, title: "满意度指标", kind: "backward", written: "二", expected: 3, previous: "三" },
    { heading: 1, title: "产出指标", kind: "notFromOne", written: "二", expected: 1 },
    { heading: 2, title: "效益指标", kind: "mixedStyle", written: "二", expected: 2 },
    { heading: 2, title: "效益指标", kind: "unnumbered", written: "", expected: 2 },
  ],
  indicator_name_missing: [
    { item: 2, value: "≥100人" },
    { item: 2, value: "" },
  ],
  value_label_missing: [
    { item: 5, name: "党代表基层联系群众工作指标", value: "合格" },
    { item: 5, name: "党代表基层联系群众工作指标", value: "" },
  ],
  category_normalized: [
    { item: 2, from: "满意度", to: "满意度指标" },
    { item: 1, from: "数量", to: "数量指标" },
  ],
  level1_missing: [
    { item: 1, written: "数量指标", level1: "产出指标", level2: "数量指标" },
    { item: 2, written: "社会效益", level1: "效益指标", level2: "社会效益指标" },
  ],
  output_or_effect_missing: [{ missing: "output" }, { missing: "effect" }, { missing: "both" }],
  too_few_indicators: [{ count: 2 }],
  rate_ge_100: [{ item: 3, name: "拨付完成率指标", value: "≥100%" }],
  percent_on_count: [{ item: 2, name: "党代会年会制试点镇数量指标", value: "≥100%" }],
  qualitative_on_quantity: [
    { item: 1, name: "资金拨付率", value: "及时", measure: "rate" },
    { item: 1, name: "项目经费", value: "合理", measure: "amount" },
    { item: 1, name: "培训人数", value: "较多", measure: "count" },
  ],
  satisfaction_not_percent: [{ item: 1, name: "群众满意度", value: "高" }],
  cost_value_invalid: [{ item: 1, name: "人均成本", value: "合格" }],
  positive_target_zero: [{ item: 1, name: "新建党群服务中心数量", value: "≥0个" }],
  negative_direction_ge: [{ item: 1, name: "逾期发放率", value: "≥100%" }],
  duplicate_indicator: [{ item: 3, name: "经费是否按时拨付", first: 1 }],
  duplicate_project: [{ project: "党代表任期制工作经费（花东镇）", firstRow: 6 }],
  project_name_missing: [{ row: 15 }],
  unit_missing: [{ item: 1, name: "开设课程数量", value: "220" }],
  timeliness_value_invalid: [{ item: 1, name: "项目完成时间", value: "良好" }],
  value_normalized: [{ item: 3, from: "80%以上", to: "≥80%" }],
  satisfaction_threshold: [
    { item: 5, name: "参加培训学员满意度", value: "≥80%", kind: "low" },
    { item: 1, name: "服务对象满意度", value: "100%", kind: "exact" },
  ],
  vague_value: [{ item: 5, name: "提升全区组工信息工作质量", value: "效果明显" }],
  satisfaction_or_cost_missing: [{ missing: "satisfaction" }, { missing: "cost" }, { missing: "both" }],
  name_variant: [
    { value: "中国共产党广州市花都区委组织部", canonical: "中国共产党广州市花都区委员会组织部", role: "department" },
    { value: "花都区委组织部", canonical: "中国共产党广州市花都区委员会组织部", role: "unit" },
  ],
  row_skipped: [
    { row: 3, reason: "title" },
    { row: 24, reason: "blank" },
    { row: 43, reason: "dashes" },
    { row: 44, reason: "junk" },
    { row: 30, reason: "repeatedHeader" },
    { row: 50, reason: "note" },
  ],
};

const LANGS: Lang[] = ["zh", "en"];
const asParams = (p: object) => p as IssueParams;

describe("rule messages", () => {
  it("cover exactly the codes the rules emit", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...RULE_CODES].sort());
  });

  describe.each(LANGS)("in %s", (lang) => {
    it.each(RULE_CODES.map((c) => [c]))("%s has a title, an explanation, messages and fixes without gaps", (code) => {
      expect(ruleTitle(code, lang).length).toBeGreaterThan(1);
      expect(ruleExplanation(code, lang).length).toBeGreaterThan(20);
      for (const params of SAMPLES[code] as object[]) {
        for (const text of [formatIssue(code, asParams(params), lang), formatFix(code, asParams(params), lang)]) {
          expect(text.length).toBeGreaterThan(1);
          expect(text).not.toMatch(/undefined|null|NaN|\[object/);
        }
      }
    });
  });

  it("word the brief's example the way a reviewer writes it", () => {
    expect(formatIssue("value_label_missing", asParams({ item: 5, name: "党代表基层联系群众工作指标", value: "合格" }), "zh")).toBe("第5项缺少“年度指标值：”标签");
    expect(formatFix("rate_ge_100", asParams({ item: 3, name: "拨付完成率指标", value: "≥100%" }), "zh")).toBe("将“≥100%”改为“=100%”");
  });

  it("quote the cell text the user typed", () => {
    const message = formatIssue("percent_on_count", asParams({ item: 2, name: "党代会年会制试点镇数量指标", value: "≥100%" }), "zh");
    expect(message).toContain("第2项");
    expect(message).toContain("党代会年会制试点镇数量指标");
    expect(message).toContain("≥100%");
  });

  it("name an item written without a name plainly, not as “”", () => {
    expect(formatIssue("value_missing", asParams({ item: 4, name: "", value: "" }), "zh")).toBe("第4项（未写指标名称）缺少年度指标值");
    expect(formatIssue("value_missing", asParams({ item: 4, name: "", value: "" }), "en")).toBe("Item 4 (no indicator name) has no target value");
  });

  it("never print “undefined” for a param a finding forgot", () => {
    for (const lang of LANGS) for (const code of RULE_CODES) expect(formatIssue(code, {}, lang)).not.toContain("undefined");
  });

  it("write the English catalogue in English", () => {
    for (const code of RULE_CODES) expect(ruleTitle(code, "en")).toMatch(/^[A-Z“]/);
  });
});
