import { checkSheet } from "../../src/core/check";
import type { Issue, SheetSnapshot } from "../../src/core/model";
import { buildNormalizedTable, normalizedIndicators } from "../../src/core/summary/normalizedTable";
import type { RowContext } from "../../src/core/rules/rule";
import { issue, row } from "./fixtures";

const HEADER = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
const CELLS = [
  "1、产出指标：培训人数，年度指标值：≥**人。2、效益指标：群众知晓率，年度指标值：≥9O%。3、满意度指标：群众满意度，年度指标值：≥90%。",
  "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层党建水平指标，合格。3、效益指标：党代表基层联系群众工作指标，合格。",
  "1、产出指标：项目完成时间，≤30天。1、产出指标：项目完成时间，≤30天。",
  "",
  "1、产出指标：经费拨付率，年度指标值：100%。",
];

function snapshot(rows: number): SheetSnapshot {
  const values = [HEADER, ...Array.from({ length: rows }, (_, i) => ["区财政局", "区财政局", `项目${i % 7}`, "目标", CELLS[i % CELLS.length]!])];
  return { name: "绩效目标表", values };
}

/** The problems column by its definition: every item issue of that sheet, row and item, in issue order. */
function problemsByDefinition(rows: readonly RowContext[], issues: readonly Issue[]): string[] {
  return rows.flatMap((r) =>
    r.cell.items.map((item, i) => {
      const rowNumber = r.itemCells?.[i]?.rowNumber ?? r.rowNumber;
      return issues
        .filter((x) => x.item !== undefined && x.sheet === r.sheet && x.rowNumber === rowNumber && x.item === item.index)
        .map((x) => x.message)
        .join("；");
    }),
  );
}

function sheetCheckOf(s: SheetSnapshot) {
  const outcome = checkSheet(s);
  if (!outcome.ok) throw new Error("no table");
  return outcome.check;
}

describe("normalizedIndicators (the table made one row at a time)", () => {
  it("yields exactly buildNormalizedTable's rows, problems included, for an engine check", () => {
    const check = sheetCheckOf(snapshot(60));
    const streamed = [...normalizedIndicators(check.rows, check.issues)];
    expect(streamed).toEqual(buildNormalizedTable(check.rows, check.issues));
    expect(streamed.map((r) => r.problems)).toEqual(problemsByDefinition(check.rows, check.issues));
    expect(streamed.some((r) => r.problems.includes("；"))).toBe(true);
    expect(streamed.filter((r) => r.problems !== "").length).toBeGreaterThan(10);
  });

  it("matches for an item-per-row table, where each item's issues point at its own row", () => {
    const values = [
      ["项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
      ...Array.from({ length: 30 }, (_, i) => [
        [`项目${i}`, "产出指标", "数量指标", "培训人数", "≥", i % 3 ? 200 : "**", "人"],
        [null, "产出指标", "时效指标", "资金拨付及时率", "≥", 190, "%"],
        [null, "满意度指标", "服务对象满意度指标", "参训人员满意度", null, "合格", null],
      ]).flat(),
    ];
    const check = sheetCheckOf({ name: "逐项", values });
    expect(check.table.layout).toBe("itemPerRow");
    const streamed = [...normalizedIndicators(check.rows, check.issues)];
    expect(streamed).toEqual(buildNormalizedTable(check.rows, check.issues));
    expect(streamed.map((r) => r.problems)).toEqual(problemsByDefinition(check.rows, check.issues));
    expect(new Set(streamed.map((r) => r.rowNumber)).size).toBe(90);
    expect(streamed.filter((r) => r.problems !== "").length).toBeGreaterThan(20);
  });

  it("gives each item its issues in issue order when the issues come in no particular order", () => {
    const check = sheetCheckOf(snapshot(40));
    const shuffled = [...check.issues].reverse();
    const streamed = [...normalizedIndicators(check.rows, shuffled)];
    expect(streamed.map((r) => r.problems)).toEqual(problemsByDefinition(check.rows, shuffled));
    expect(streamed.map((r) => r.problems)).not.toEqual(problemsByDefinition(check.rows, check.issues));
    expect(buildNormalizedTable(check.rows, shuffled)).toEqual(streamed);
  });

  it("gives the same problems when the rows are asked out of order, and keeps each item's issue order", () => {
    const rows = [row("S", 9, "乙", "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：知晓率，年度指标值：≥90%。"), row("S", 4, "甲", "1、产出指标：培训人数，年度指标值：≥50人。")];
    const issues: Issue[] = [
      issue("S", "E4", "vague_value", "info", 1, "甲1-a"),
      issue("S", "E4", "unit_missing", "warning", 1, "甲1-b"),
      issue("S", "E9", "too_few_indicators", "warning", undefined, "乙 cell"),
      issue("S", "E9", "vague_value", "info", 2, "乙2"),
      issue("Other", "E9", "vague_value", "info", 2, "other sheet"),
    ];
    const table = [...normalizedIndicators(rows, issues)];
    expect(table.map((r) => [r.rowNumber, r.itemNumber, r.problems])).toEqual([
      [9, 1, ""],
      [9, 2, "乙2"],
      [4, 1, "甲1-a；甲1-b"],
    ]);
    expect(buildNormalizedTable(rows, issues)).toEqual(table);
  });

  it("skips cell-level issues wherever they sit between an item's issues", () => {
    const rows = [row("S", 5, "甲", "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：知晓率，年度指标值：≥90%。")];
    const issues: Issue[] = [
      issue("S", "E5", "vague_value", "info", 2, "first"),
      issue("S", "E3", "too_few_indicators", "warning", undefined, "cell-level, another row"),
      issue("S", "E5", "unit_missing", "warning", 2, "second"),
    ];
    expect([...normalizedIndicators(rows, issues)].map((r) => r.problems)).toEqual(["", "first；second"]);
  });

  it("is lazy: nothing is made before it is asked for", () => {
    const rows = [row("S", 4, "甲", "1、产出指标：培训人数，年度指标值：≥50人。")];
    const broken = { ...rows[0]!, cell: { text: "", items: [undefined as never] } };
    const rowsWithBroken = [...rows, broken];
    const iterator = normalizedIndicators(rowsWithBroken, []);
    expect(iterator.next().value).toMatchObject({ rowNumber: 4, itemNumber: 1 });
    expect(() => iterator.next()).toThrow();
  });
});
