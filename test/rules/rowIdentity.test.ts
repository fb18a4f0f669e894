import { checkSheet } from "../../src/core/check";
import type { CellValue } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { rowFingerprint, rowKeyOf, SheetRow } from "../../src/core/rowContext";
import { duplicateProjectRule } from "../../src/core/rules/duplicateProject";
import type { RowContext, RuleFinding } from "../../src/core/rules/rule";
import { PARTY_DELEGATE, VILLAGE_OFFICE } from "./cells";
import { seedTable } from "./harness";

function sheetRow(rowNumber: number, cells: CellValue[]): SheetRow {
  const indicators = typeof cells[4] === "string" ? cells[4] : "";
  return new SheetRow(
    {
      sheet: "Sheet1",
      rowIndex: rowNumber - 1,
      rowNumber,
      department: String(cells[0] ?? ""),
      unit: String(cells[1] ?? ""),
      project: String(cells[2] ?? ""),
      indicatorAddress: `E${rowNumber}`,
      projectAddress: `C${rowNumber}`,
      rawIndicator: cells[4] ?? null,
      cell: parseIndicatorCell(indicators),
      itemCells: undefined,
    },
    cells,
  );
}

function duplicates(rows: RowContext[]): [string, number][] {
  const out: RuleFinding[] = [];
  duplicateProjectRule.checkTable?.({ sheet: "Sheet1", table: seedTable(rows), rows }, (f) => out.push(f));
  return out.map((f) => [f.cell ?? "", Number(f.params?.firstRow)]);
}

const DEPT = "中共广州市花都区委组织部";

describe("SheetRow: a row's identity, keyed on demand", () => {
  it("keys a row as its trimmed cells joined by U+0001, as before", () => {
    const cells: CellValue[] = [` ${DEPT} `, DEPT, "项目", null, 12.5, true, "  "];
    const row = sheetRow(6, cells);
    expect(row.rowKey).toBe([DEPT, DEPT, "项目", "", "12.5", "TRUE", ""].join("\u0001"));
    expect(rowKeyOf(cells)).toBe(row.rowKey);
  });

  it("gives equal fingerprints to rows whose cells read the same (spaces, numbers as text)", () => {
    expect(rowFingerprint([" a ", 3, null, "x\n"])).toBe(rowFingerprint(["a", "3", "", "x"]));
    expect(rowFingerprint(["a", "b"])).not.toBe(rowFingerprint(["a", "c"]));
    expect(rowFingerprint(["项目（花东镇）"])).not.toBe(rowFingerprint(["项目（炭步镇）"]));
  });

  it("finds duplicates among SheetRows, pointing back at the first, and leaves blank rows alone", () => {
    const a: CellValue[] = [DEPT, DEPT, "党代表任期制工作经费（花东镇）", "", PARTY_DELEGATE];
    const b: CellValue[] = [DEPT, DEPT, "区级村办公经费（本部）", "", VILLAGE_OFFICE];
    const rows = [sheetRow(6, a), sheetRow(7, b), sheetRow(8, [...a]), sheetRow(9, ["", "", "", "", ""]), sheetRow(10, [null, null]), sheetRow(11, [...a]), sheetRow(12, [...b])];
    expect(duplicates(rows)).toEqual([
      ["C8", 6],
      ["C11", 6],
      ["C12", 7],
    ]);
  });

  it("lets its cells go once released: a key made before stays, a key asked for after is an error", () => {
    const keyed = sheetRow(6, [DEPT, DEPT, "项目"]);
    const key = keyed.rowKey;
    keyed.releaseCells();
    expect(keyed.rowKey).toBe(key);
    const unkeyed = sheetRow(7, [DEPT, DEPT, "项目"]);
    unkeyed.releaseCells();
    expect(() => unkeyed.rowKey).toThrow(/row 7: rowKey read after the check/);
  });

  it("checkSheet finds duplicate rows before it releases the rows' cells", () => {
    const row = [DEPT, DEPT, "党代表任期制工作经费（花东镇）", "", PARTY_DELEGATE];
    const other = [DEPT, DEPT, "区级村办公经费（本部）", "", VILLAGE_OFFICE];
    const outcome = checkSheet({ name: "Sheet1", values: [["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"], row, [...row], other] });
    if (!outcome.ok) throw new Error("no table");
    expect(outcome.check.issues.filter((i) => i.code === "duplicate_project").map((i) => i.cell)).toEqual(["C3"]);
    // The row nobody needed to key (its fingerprint is its own) no longer holds its cells.
    expect(() => outcome.check.rows[2]?.rowKey).toThrow(/rowKey read after the check/);
  });

  it("agrees with the plain key comparison when fingerprints collide but rows differ", () => {
    // Same lengths and the same first, middle and last characters: one fingerprint, two keys.
    const a = sheetRow(6, [DEPT, "项目乙丙", "x"]);
    const b = sheetRow(7, [DEPT, "项甲乙丙", "x"]);
    expect(a.rowFingerprint).toBe(b.rowFingerprint);
    expect(a.rowKey).not.toBe(b.rowKey);
    expect(duplicates([a, b, sheetRow(8, [DEPT, "项甲乙丙", "x"])])).toEqual([["C8", 7]]);
  });

  it("keys only rows whose fingerprint repeats", () => {
    const rows = [sheetRow(6, [DEPT, "甲"]), sheetRow(7, [DEPT, "乙"]), sheetRow(8, [DEPT, "甲"])];
    duplicates(rows);
    const keyed = rows.map((r) => (r as unknown as { key?: string }).key !== undefined);
    expect(keyed).toEqual([true, false, true]);
  });
});
