import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { IndicatorItem, ParsedCell } from "../../src/core/model";

/**
 * The golden cells of test/fixtures/cells/*.json: real cell texts with the items a reviewer
 * reads in them. An item lists every field that has a value; a field left out must be absent.
 */
export interface CellFixture {
  note?: string;
  /** Seed fixtures: the 1-based sheet rows whose indicator cell is this text. */
  rows?: number[];
  text: string;
  leading?: string;
  items: ExpectedItem[];
}

export interface ExpectedItem {
  index: number;
  number?: number;
  numberingStyle: IndicatorItem["numberingStyle"];
  level1Raw?: string;
  level1?: string;
  level2?: string;
  level2Source: IndicatorItem["level2Source"];
  level2Raw?: string;
  name: string;
  label?: string;
  value: Record<string, unknown>;
  terminator?: string;
}

export const FIXTURE_DIR = join(__dirname, "../fixtures/cells");

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function loadFixtures(file: string): CellFixture[] {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, file), "utf8")) as CellFixture[];
}

const VALUE_FIELDS = ["kind", "raw", "operator", "operatorSource", "number", "upper", "unit", "text", "placeholder", "garbled", "vague"] as const;

/** The fields a fixture states, read from a parsed item (absent fields left out). */
export function describeItem(item: IndicatorItem): ExpectedItem {
  const value: Record<string, unknown> = {};
  for (const field of VALUE_FIELDS) if (item.value[field] !== undefined) value[field] = item.value[field];
  const out: ExpectedItem = { index: item.index, numberingStyle: item.numberingStyle, level2Source: item.level2Source, name: item.name, value };
  if (item.number !== undefined) out.number = item.number;
  if (item.level1Raw !== undefined) out.level1Raw = item.level1Raw;
  if (item.level1 !== undefined) out.level1 = item.level1;
  if (item.level2 !== undefined) out.level2 = item.level2;
  if (item.level2Raw !== undefined) out.level2Raw = item.level2Raw;
  if (item.label !== undefined) out.label = item.label;
  if (item.terminator !== undefined) out.terminator = item.terminator;
  return out;
}

export function describeCell(cell: ParsedCell): { leading?: string; items: ExpectedItem[] } {
  return { ...(cell.leading ? { leading: cell.leading.text } : {}), items: cell.items.map(describeItem) };
}
