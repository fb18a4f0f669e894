import { detectTable } from "../../src/core/table/detectTable";
import type { DetectedTable } from "../../src/core/model";
import { seedSnapshot } from "./sheets";

function seedTable(): DetectedTable {
  const result = detectTable(seedSnapshot());
  if (!result.ok) throw new Error(`the seed table was not found: ${result.failure.kind}`);
  return result.table;
}

describe("the seed table (项目支出绩效目标表, 35 projects)", () => {
  it("has its header on row 5", () => {
    expect(seedTable().headerRowIndex).toBe(4);
  });

  it("maps 主管部门 A, 预算单位 B, 项目名称 C, 绩效目标 D, 绩效指标 E in the cell layout", () => {
    const table = seedTable();
    expect(table.layout).toBe("cell");
    expect(table.columns).toEqual({ department: 0, unit: 1, project: 2, goal: 3, indicators: 4 });
  });

  it("finds 35 data rows: rows 6–23, 25–40 and 42", () => {
    const rowNumbers = seedTable().dataRowIndexes.map((i) => i + 1);
    expect(rowNumbers).toHaveLength(35);
    const expected = [
      ...Array.from({ length: 18 }, (_, i) => 6 + i),
      ...Array.from({ length: 16 }, (_, i) => 25 + i),
      42,
    ];
    expect(rowNumbers).toEqual(expected);
  });

  it("skips the title and blank rows above the header, the blank rows inside and the dash row below", () => {
    const skipped = seedTable().skipped.map((s) => [s.rowIndex + 1, s.reason]);
    expect(skipped).toEqual([
      [1, "blank"],
      [2, "blank"],
      [3, "title"],
      [4, "blank"],
      [24, "blank"],
      [41, "blank"],
      [43, "dashes"],
    ]);
  });

  it("reads the 绩效目标 column, whose cells hold numbered lists, as the goal, never as indicators", () => {
    const snapshot = seedSnapshot();
    const goalOfRow25 = snapshot.values[24]?.[3];
    expect(String(goalOfRow25)).toMatch(/^1、/);
    expect(seedTable().columns.goal).toBe(3);
    expect(seedTable().columns.indicators).toBe(4);
  });
});
