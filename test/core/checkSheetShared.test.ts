import { checkSheet } from "../../src/core/check";
import type { Issue, SheetSnapshot } from "../../src/core/model";
import { formatFix, formatIssue } from "../../src/core/messages/index";

/** Rows that repeat an indicator cell share its ParsedCell: the engine copies the per-cell
 * issues of the first such row and formats each distinct message once. Neither may show. */
const CELL = "1、产出指标：培训人数，年度指标值：不少于100人。2、效益指标：群众知晓率 ≥90%。3、满意度指标：群众满意度，合格。";
const OTHER = "1、产出指标：XX数量，年度指标值：≥**个。";

const sheet: SheetSnapshot = {
  name: "绩效目标表",
  values: [
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ["区财政局", "区财政局", "项目甲", "目标", CELL],
    ["区财政局", "区财政局", "", "目标", OTHER],
    ["区教育局", "区教育局", "项目乙", "目标", CELL],
    ["区教育局", "区教育局", "项目丙", "目标", ""],
    ["区教育局", "区教育局", "项目丁", "目标", ""],
  ],
};

function issuesOf(snapshot: SheetSnapshot): Issue[] {
  const outcome = checkSheet(snapshot, { lang: "zh" });
  if (!outcome.ok) throw new Error("no table");
  return outcome.check.issues;
}

/** The sheet with only one of its data rows (the others blanked out of the table's way). */
function alone(rowIndex: number): SheetSnapshot {
  return { name: sheet.name, values: sheet.values.map((row, r) => (r === 0 || r === rowIndex ? row : row.map(() => null))) };
}

describe("checkSheet on repeated cells", () => {
  it("gives a repeated cell's row the issues it would get alone, at its own row and cell", () => {
    const all = issuesOf(sheet).filter((i) => i.code !== "duplicate_project" && i.code !== "row_skipped" && i.code !== "name_variant");
    for (const rowIndex of [1, 2, 3, 4, 5]) {
      const own = issuesOf(alone(rowIndex)).filter((i) => i.code !== "row_skipped" && i.code !== "name_variant");
      expect(all.filter((i) => i.rowNumber === rowIndex + 1)).toEqual(own);
    }
    const third = all.filter((i) => i.rowNumber === 4);
    expect(third.length).toBeGreaterThan(0);
    expect(third.every((i) => i.cell === "E4")).toBe(true);
  });

  it("words every issue as the catalog does, with optional fields only when present", () => {
    for (const issue of issuesOf(sheet)) {
      expect(issue.message).toBe(formatIssue(issue.code, issue.params, "zh"));
      if (issue.fix) expect(issue.fix.description).toBe(formatFix(issue.code, issue.params, "zh"));
      for (const key of ["item", "span", "fix"] as const) if (key in issue) expect(issue[key]).toBeDefined();
    }
  });
});
