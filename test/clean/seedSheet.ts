import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetSnapshot } from "../../src/core/model";

/** The real seed table (a copy of shared/seed/000_8ede51cd7174a0aa.txt: tab separated, line N
 * is sheet row N, header on row 5). */
export const SEED_PATH = join(__dirname, "fixtures/seed.txt");

export function seedLines(): string[] {
  return readFileSync(SEED_PATH, "utf8").replace(/\r?\n$/, "").split(/\r?\n/);
}

/** The seed as a host would hand it to the core: row N of the sheet is `values[N - 1]`. */
export function seedSnapshot(name = "Sheet1"): SheetSnapshot {
  const lines = seedLines();
  const width = Math.max(...lines.map((l) => l.split("\t").length));
  const values = lines.map((line) => {
    const cells = line.split("\t");
    return Array.from({ length: width }, (_, c) => (cells[c] === undefined || cells[c] === "" ? null : cells[c]!));
  });
  return { name, values };
}

/** The indicator cell (column E) of a 1-based sheet row of the seed. */
export function seedIndicatorCell(rowNumber: number): string {
  const line = seedLines()[rowNumber - 1];
  if (line === undefined) throw new Error(`the seed has no row ${rowNumber}`);
  return line.split("\t")[4] ?? "";
}
