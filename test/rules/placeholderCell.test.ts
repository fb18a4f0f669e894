import { formatFix, formatIssue } from "../../src/core/messages/index";
import type { IssueParams } from "../../src/core/model";
import { ALL_RULES } from "../../src/core/rules/index";
import { categoryUnknownRule } from "../../src/core/rules/categoryUnknown";
import { indicatorCellEmptyRule } from "../../src/core/rules/indicatorCellEmpty";
import { cellCodes, dataRow, findingsOf } from "./harness";

const PLACEHOLDERS = ["—", "/", "无", "#N/A", "-", "——", "／", "暂无", "N/A", " n/a ", "－－", "……", "无。", "不适用", "#VALUE!", "／／", "- -"];

describe("a placeholder-only indicator cell", () => {
  it.each(PLACEHOLDERS.map((p) => [p]))("“%s” is an empty indicator cell, not an unknown category", (text) => {
    expect(cellCodes(indicatorCellEmptyRule, dataRow(text, 9))).toEqual([["E9", "indicator_cell_empty"]]);
    expect(findingsOf(categoryUnknownRule, dataRow(text))).toEqual([]);
  });

  it("says which placeholder the cell holds, in both languages", () => {
    const [finding] = findingsOf(indicatorCellEmptyRule, dataRow(" — ", 9, "干部培训经费"));
    expect(finding?.params).toEqual({ project: "干部培训经费", placeholder: "—" });
    const params = finding?.params as IssueParams;
    expect(formatIssue("indicator_cell_empty", params, "zh")).toBe("项目“干部培训经费”的绩效指标为空（只填了“—”）");
    expect(formatIssue("indicator_cell_empty", params, "en")).toContain("“—”");
  });

  it("keeps text that says something as text: prose is not a placeholder", () => {
    for (const text of ["详见附件", "无此项目", "N/A级", "0"]) expect(findingsOf(indicatorCellEmptyRule, dataRow(text))).toEqual([]);
  });
});

describe("item numbers in messages", () => {
  it("a cell in which no item could be read is reported as a whole, not as item 0", () => {
    const findings = findingsOf(categoryUnknownRule, dataRow("详见附件"));
    expect(findings.map((f) => [f.item, f.code, f.params?.kind])).toEqual([[undefined, "category_unknown", "noItems"]]);
    for (const lang of ["zh", "en"] as const) {
      const params = findings[0]?.params as IssueParams;
      expect(formatIssue("category_unknown", params, lang)).not.toMatch(/第0项|Item 0|undefined/);
      expect(formatFix("category_unknown", params, lang).length).toBeGreaterThan(1);
    }
  });

  it("no rule words an item 0 on blank, placeholder, prose or heading-only cells", () => {
    const cells = ["", " ", ...PLACEHOLDERS, "详见附件", "绩效指标：", "0", "**", "一、", "①", "1）"];
    for (const text of cells) {
      for (const rule of ALL_RULES) {
        for (const f of findingsOf(rule, dataRow(text))) {
          expect([text, f.item]).not.toEqual([text, 0]);
          for (const lang of ["zh", "en"] as const) expect([text, formatIssue(f.code, f.params ?? {}, lang)]).not.toEqual([text, expect.stringMatching(/第0项|Item 0\b/)]);
        }
      }
    }
  });
});
