import type { RuleFinding } from "../../src/core/rules/rule";
import { duplicateProjectRule } from "../../src/core/rules/duplicateProject";
import { PARTY_DELEGATE, VILLAGE_OFFICE } from "./cells";
import { dataRow, seedRows, seedTable } from "./harness";
import type { RowContext } from "../../src/core/rules/rule";
import { checkSheet } from "../../src/core/check";

function run(rows: RowContext[]): [string, string, unknown][] {
  const out: RuleFinding[] = [];
  duplicateProjectRule.checkTable?.({ sheet: "Sheet1", table: seedTable(rows), rows }, (f) => out.push(f));
  return out.map((f) => [f.cell ?? "", f.code, f.params?.firstRow]);
}

describe("duplicate_project", () => {
  it("flags a row identical to an earlier one, at its project cell", () => {
    const rows = [dataRow(PARTY_DELEGATE, 6), dataRow(VILLAGE_OFFICE, 7, "区级村办公经费（本部）"), dataRow(PARTY_DELEGATE, 8)];
    expect(run(rows)).toEqual([["C8", "duplicate_project", 6]]);
  });

  it("accepts the seed: same indicators, different towns are different projects", () => {
    expect(run(seedRows())).toEqual([]);
  });

  it("ignores the 序号 column: a row pasted twice and renumbered is still a repeat", () => {
    const indicators = "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。";
    const outcome = checkSheet({
      name: "绩效目标表",
      values: [
        ["序号", "主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标", "备注"],
        [1, "区财政局", "区财政局", "培训项目", "开展培训", indicators, ""],
        [2, "区财政局", "区财政局", "培训项目", "开展培训", indicators, ""],
        [3, "区财政局", "区财政局", "培训项目", "开展培训", indicators, "另一笔资金"],
      ],
    });
    if (!outcome.ok) throw new Error("no table");
    const found = outcome.check.issues.filter((i) => i.code === "duplicate_project");
    // Row 3 repeats row 2 in every column but 序号; row 4 differs in 备注.
    expect(found.map((i) => [i.cell, i.params.firstRow])).toEqual([["D3", 2]]);
    expect(found[0]?.message).toBe("项目“培训项目”与第2行重复（除序号和单位编码外各列完全相同）");
  });

  it("ignores a department's code in brackets (主管部门及代码): a row pasted again without it is still a repeat", () => {
    const indicators = "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。";
    const outcome = checkSheet({
      name: "绩效目标表",
      values: [
        ["主管部门及代码", "预算单位", "项目名称", "绩效目标", "绩效指标"],
        ["广州市花都区教育局（101）", "区教育局", "培训项目", "开展培训", indicators],
        ["广州市花都区教育局", "区教育局", "培训项目", "开展培训", indicators],
        ["广州市花都区教育局（101）", "区教育局", "培训项目（二期）", "开展培训", indicators],
      ],
    });
    if (!outcome.ok) throw new Error("no table");
    expect(outcome.check.table.columns.department).toBe(0);
    const found = outcome.check.issues.filter((i) => i.code === "duplicate_project");
    expect(found.map((i) => [i.cell, i.params.firstRow])).toEqual([["C3", 2]]);
    expect(outcome.check.rows[0]?.department).toBe("广州市花都区教育局（101）");
  });
});
