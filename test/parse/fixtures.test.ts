import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { describeCell, fixtureFiles, loadFixtures } from "./fixtures";

/** The seed table: tab separated, line N = sheet row N, header on row 5, indicators in column E. */
const SEED = readFileSync(join(__dirname, "../fixtures/files/seed.tsv"), "utf8").split(/\r?\n/);
const seedCell = (rowNumber: number) => SEED[rowNumber - 1]?.split("\t")[4] ?? "";
/** The seed's 35 data rows: 6–42 without the blank rows 24 and 41. */
const SEED_DATA_ROWS = Array.from({ length: 37 }, (_, i) => i + 6).filter((r) => r !== 24 && r !== 41);

describe("golden indicator cells (test/fixtures/cells)", () => {
  it("has fixture files", () => {
    expect(fixtureFiles()).toEqual(expect.arrayContaining(["seed.json", "variants.json", "malformed.json"]));
  });

  for (const file of fixtureFiles()) {
    describe(file, () => {
      for (const fixture of loadFixtures(file)) {
        const title = fixture.note ?? (fixture.rows ? `seed rows ${fixture.rows.join(", ")}` : fixture.text.slice(0, 40));
        it(title, () => {
          const expected = { ...(fixture.leading !== undefined ? { leading: fixture.leading } : {}), items: fixture.items };
          expect(describeCell(parseIndicatorCell(fixture.text))).toEqual(expected);
        });
      }
    });
  }
});

describe("the seed table", () => {
  const fixtures = loadFixtures("seed.json");

  it("has a fixture for every distinct indicator cell of its data rows, with the rows it appears on", () => {
    const rowsOf = new Map<string, number[]>();
    for (const row of SEED_DATA_ROWS) rowsOf.set(seedCell(row), [...(rowsOf.get(seedCell(row)) ?? []), row]);
    expect(fixtures.map((f) => [f.text, f.rows])).toEqual([...rowsOf]);
  });

  it("reads 152 indicators over its 35 data rows", () => {
    expect(SEED_DATA_ROWS).toHaveLength(35);
    const count = SEED_DATA_ROWS.reduce((n, row) => n + parseIndicatorCell(seedCell(row)).items.length, 0);
    expect(count).toBe(152);
  });
});
