import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetSnapshot } from "../../src/core/model";

/** The real seed table (a copy of shared/seed/000_8ede51cd7174a0aa.txt): tab separated, line N
 * is sheet row N, header on row 5, 35 data rows. */
export function seedSnapshot(name = "绩效目标表"): SheetSnapshot {
  const lines = readFileSync(join(__dirname, "fixtures/seed.txt"), "utf8").split("\n");
  // Line N of the file is sheet row N; empty fields are empty cells, as a host reads them.
  return { name, values: lines.map((line) => line.split("\t").map((cell) => (cell === "" ? null : cell))) };
}

/** A sheet from rows written as arrays; `""` and `null` are both empty cells. */
export function sheet(rows: CellValue[][], origin?: { row: number; column: number }): SheetSnapshot {
  return {
    name: "Sheet1",
    values: rows,
    ...(origin ? { originRowIndex: origin.row, originColumnIndex: origin.column } : {}),
  };
}
