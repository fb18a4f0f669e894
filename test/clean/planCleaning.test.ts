import { checkSheet, type SheetCheck } from "../../src/core/check";
import { planCleaning, rowsToRemove } from "../../src/core/clean/planCleaning";
import type { SheetSnapshot } from "../../src/core/model";
import type { CellEdit } from "../../src/core/plan";
import { seedSnapshot } from "./seedSheet";

function check(snapshot: SheetSnapshot): SheetCheck {
  const outcome = checkSheet(snapshot);
  if (!outcome.ok) throw new Error(`no table found in ${snapshot.name}`);
  return outcome.check;
}

/** What a host does with the plan: the edits whose `before` still matches, then the row removals. */
function applyPlan(snapshot: SheetSnapshot, edits: readonly CellEdit[], remove: readonly number[] = []): SheetSnapshot {
  const values = snapshot.values.map((row) => [...row]);
  for (const edit of edits) {
    const row = values[edit.rowIndex]!;
    expect(row[edit.columnIndex]).toBe(edit.before);
    row[edit.columnIndex] = edit.after;
  }
  for (const rowIndex of [...remove].reverse()) values.splice(rowIndex, 1);
  return { ...snapshot, values };
}

const PARTY_REP_ROWS = [6, 7, 8, 9, 10, 11, 42];

describe("planCleaning on the seed table", () => {
  const seed = seedSnapshot();
  const seedCheck = check(seed);

  it("rewrites exactly the indicator cells that are not canonical: the 党代表 rows, 80%以上 and 不低于90%", () => {
    const plan = planCleaning([seedCheck]);
    expect(plan.edits.map((e) => e.cell)).toEqual([...PARTY_REP_ROWS.slice(0, 6), 28, 31, 42].map((row) => `E${row}`));
    for (const edit of plan.edits) {
      expect(edit).toMatchObject({ sheet: "Sheet1", columnIndex: 4, rowIndex: Number(edit.cell.slice(1)) - 1 });
      expect(edit.before).toBe(seed.values[edit.rowIndex]?.[4]);
    }
  });

  it("says which auto-fixable issues each edit resolves", () => {
    const plan = planCleaning([seedCheck]);
    const byCell = new Map(plan.edits.map((e) => [e.cell, e]));
    for (const row of PARTY_REP_ROWS) expect(byCell.get(`E${row}`)?.codes).toContain("value_label_missing");
    expect(byCell.get("E28")?.after).toContain("年度指标值：≥80%。");
    expect(byCell.get("E31")?.after).toContain("年度指标值：≥90%。");
    const issuesAtEdited = seedCheck.issues.filter((i) => byCell.has(i.cell) && (i.code === "value_label_missing" || i.code === "value_normalized"));
    expect(issuesAtEdited.length).toBeGreaterThan(0);
    for (const issue of issuesAtEdited) expect(byCell.get(issue.cell)?.codes).toContain(issue.code);
  });

  it("leaves no label or normalisation issue behind once applied, and the same 152 indicators", () => {
    const plan = planCleaning([seedCheck]);
    const cleaned = check(applyPlan(seed, plan.edits));
    expect(cleaned.issues.filter((i) => i.code === "value_label_missing" || i.code === "value_normalized")).toEqual([]);
    expect(cleaned.report.indicators).toBe(152);
    expect(planCleaning([cleaned]).edits).toEqual([]);
  });

  it("removes the blank rows 24 and 41 and the dash row 43, never the title or the header", () => {
    const plan = planCleaning([seedCheck]);
    expect(plan.removeRowIndexes).toEqual({ Sheet1: [23, 40, 42] });
    const compacted = check(applyPlan(seed, plan.edits, plan.removeRowIndexes.Sheet1));
    expect(compacted.report.headerRow).toBe(5);
    expect(compacted.report.dataRows).toBe(35);
    expect(compacted.table.skipped.filter((s) => s.rowIndex > compacted.table.headerRowIndex)).toEqual([]);
  });

  it("unifies 花都区委组织部 into the more frequent 花都区委员会组织部 in both name columns when asked", () => {
    expect(planCleaning([seedCheck], { unifyNames: false }).edits.some((e) => e.codes.includes("name_variant"))).toBe(false);
    const names = planCleaning([seedCheck], { unifyNames: true }).edits.filter((e) => e.codes.includes("name_variant"));
    expect(names).toHaveLength(32);
    for (const edit of names) {
      expect([0, 1]).toContain(edit.columnIndex);
      expect(edit.before).toBe("中国共产党广州市花都区委组织部");
      expect(edit.after).toBe("中国共产党广州市花都区委员会组织部");
    }
  });
});

describe("planCleaning on an item-per-row table", () => {
  const snapshot: SheetSnapshot = {
    name: "明细",
    values: [
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
      ["培训项目", "产出指标", "数量指标", "培训人次", "不少于200人次"],
      ["", "产出指标", "质量指标", "考核合格率", "≥90%"],
      ["", "满意度指标", "服务对象满意度指标", "学员满意度", "90%以上"],
    ],
  };

  it("rewrites value cells only, with the canonical value text", () => {
    const sheet = check(snapshot);
    expect(sheet.table.layout).toBe("itemPerRow");
    const plan = planCleaning([sheet]);
    expect(plan.edits.map((e) => [e.cell, e.before, e.after])).toEqual([
      ["E2", "不少于200人次", "≥200人次"],
      ["E4", "90%以上", "≥90%"],
    ]);
  });

  it("with its own operator and unit columns, writes each cell its own part, never the joined value", () => {
    const split: SheetSnapshot = {
      name: "明细",
      values: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "运算符号", "指标值", "计量单位"],
        ["培训项目", "产出指标", "数量指标", "培训人次", "大于等于", "200", "人次"],
        ["", "产出指标", "质量指标", "考核合格率", "≥", "９５", "％"],
        ["", "产出指标", "时效指标", "完成及时率", " >= ", 90, "%"],
        ["", "效益指标", "社会效益指标", "群众知晓率", "≥", "90%以上", null],
        ["", "效益指标", "社会效益指标", "宣传效果", "定性", "明显提升", null],
        ["", "满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%"],
      ],
    };
    const sheet = check(split);
    const plan = planCleaning([sheet]);
    expect(plan.edits.map((e) => [e.cell, e.before, e.after, e.codes])).toEqual([
      ["E2", "大于等于", "≥", ["value_normalized"]],
      ["F3", "９５", "95", ["value_normalized"]],
      ["G3", "％", "%", ["value_normalized"]],
      ["E4", " >= ", "≥", ["value_normalized"]],
      ["F5", "90%以上", "≥90%", ["value_normalized"]],
    ]);
    // Cleaned, the table reads the same and is canonical: checked again, nothing to normalise.
    const again = check(applyPlan(split, plan.edits));
    expect(again.normalized.map((n) => [n.operator, n.number, n.valueUnit])).toEqual(sheet.normalized.map((n) => [n.operator, n.number, n.valueUnit]));
    expect(again.issues.filter((i) => i.code === "value_normalized")).toEqual([]);
    expect(planCleaning([again]).edits).toEqual([]);
  });
});

describe("rowsToRemove", () => {
  it("keeps rows above the header and notes, lists each junk row once", () => {
    const table = {
      layout: "cell" as const,
      headerRowIndex: 4,
      columns: {},
      dataRowIndexes: [5, 7],
      skipped: [
        { rowIndex: 2, reason: "title" as const },
        { rowIndex: 3, reason: "blank" as const },
        { rowIndex: 8, reason: "dashes" as const },
        { rowIndex: 6, reason: "blank" as const },
        { rowIndex: 9, reason: "note" as const },
        { rowIndex: 10, reason: "repeatedHeader" as const },
      ],
    };
    expect(rowsToRemove(table)).toEqual([6, 8, 10]);
  });
});

describe("planCleaning on category columns (产出指标 | 效益指标 | 满意度指标)", () => {
  const snapshot: SheetSnapshot = {
    name: "分类",
    values: [
      ["项目名称", "产出指标", "效益指标", "满意度指标"],
      ["甲项目", "培训人数：≥100人", "效益：有效提升", "满意度：良好"],
      ["乙项目", "1、培训人数：≥100人", "1、社会效益：明显提升", "1、满意度：≥90%"],
    ],
  };

  it("rewrites a short category word before a value as the checker reads it: the name, not a 一级 over an invented empty value", () => {
    const sheet = check(snapshot);
    const plan = planCleaning([sheet]);
    expect(plan.edits.map((e) => [e.cell, e.after])).toEqual([
      ["B2", "1、培训人数，年度指标值：≥100人。"],
      ["C2", "1、效益，年度指标值：有效提升。"],
      ["D2", "1、满意度，年度指标值：良好。"],
      ["B3", "1、培训人数，年度指标值：≥100人。"],
      ["C3", "1、社会效益，年度指标值：明显提升。"],
      ["D3", "1、满意度，年度指标值：≥90%。"],
    ]);
    // Cleaned, the table reads the same, with nothing left to relabel and nothing new (no value_missing).
    const again = check(applyPlan(snapshot, plan.edits));
    const key = (n: SheetCheck["normalized"][number]) => [n.rowNumber, n.level1, n.name, n.operator, n.number, n.qualitative];
    expect(again.normalized.map(key)).toEqual(sheet.normalized.map(key));
    const codes = (c: SheetCheck) => c.issues.map((i) => `${i.cell} ${i.code}`).sort();
    expect(codes(again).filter((c) => !codes(sheet).includes(c))).toEqual([]);
    expect(again.issues.filter((i) => i.code === "value_label_missing")).toEqual([]);
    expect(planCleaning([again]).edits).toEqual([]);
  });
});

describe("planCleaning on a cell with an item kept as written", () => {
  const snapshot: SheetSnapshot = {
    name: "Sheet1",
    values: [
      ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
      ["区教育局", "区教育局", "培训项目", "目标", "(1)产出指标：年度指标值：不低于90％（资金拨付率）；(2)产出指标：培训人数，年度指标值：≥100人；(3)效益指标：群众知晓率，年度指标值：≥85%。"],
      ["区教育局", "区教育局", "宣传项目", "目标", "产出指标：培训人数≥100人；资金拨付率≥90%；满意度指标：年度指标值：≥90%（学员满意度）"],
    ],
  };

  it("numbers it like the others and makes its fixes in the same pass: nothing new on the next check, nothing left for the next clean", () => {
    const sheet = check(snapshot);
    const plan = planCleaning([sheet]);
    expect(plan.edits.map((e) => [e.cell, e.after, e.codes])).toEqual([
      ["E2", "1、产出指标：年度指标值：≥90%（资金拨付率）；2、产出指标：培训人数，年度指标值：≥100人。3、效益指标：群众知晓率，年度指标值：≥85%。", ["value_normalized"]],
      ["E3", "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：资金拨付率，年度指标值：≥90%。3、满意度指标：年度指标值：≥90%（学员满意度）", ["value_label_missing"]],
    ]);
    const again = check(applyPlan(snapshot, plan.edits));
    const codes = (c: SheetCheck) => c.issues.map((i) => `${i.cell} ${i.code}`).sort();
    expect(codes(again).filter((c) => !codes(sheet).includes(c))).toEqual([]);
    expect(again.issues.filter((i) => ["numbering_irregular", "value_normalized", "value_label_missing"].includes(i.code))).toEqual([]);
    expect(planCleaning([again]).edits).toEqual([]);
  });
});
