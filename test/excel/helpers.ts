import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiSupport } from "../../src/excel/apiSupport";
import { FakeContext, FakeWorkbook, installFakeExcel, type ApiVersion, type FakeSheet, type Installed } from "../fakes/fakeExcel";

/** The seed table (test/fixtures/files/seed.tsv): line N is sheet row N, header on row 5. */
export const SEED_SHEET = "绩效目标表";

export function seedRows(): string[][] {
  const text = readFileSync(join(__dirname, "../fixtures/files/seed.tsv"), "utf8");
  return text.replace(/\r?\n$/, "").split(/\r?\n/).map((line) => (line === "" ? [] : line.split("\t")));
}

export function supportOf(api: ApiVersion): ApiSupport {
  const has = (version: ApiVersion) => new FakeWorkbook(api).supports(version);
  return { v1_8: has("1.8"), v1_9: has("1.9"), v1_13: has("1.13") };
}

export interface Setup {
  wb: FakeWorkbook;
  ws: FakeSheet;
  installed: Installed;
  support: ApiSupport;
  /** A fresh request context on the same workbook (what a new Excel.run gets). */
  context(): Excel.RequestContext;
}

const installs: Installed[] = [];

/** A workbook holding the seed table on its only sheet, installed as the Excel/Office globals. */
export function setupSeed(api: ApiVersion = "1.9"): Setup {
  const wb = new FakeWorkbook(api);
  const ws = wb.addSheet(SEED_SHEET).setRows(seedRows());
  const installed = installFakeExcel(wb);
  installs.push(installed);
  return { wb, ws, installed, support: supportOf(api), context: () => new FakeContext(wb) as unknown as Excel.RequestContext };
}

/** Re-installs the globals on the same workbook: Excel closed and reopened the file. */
export function reopen(setup: Setup): void {
  setup.installed.uninstall();
  setup.installed = installFakeExcel(setup.wb);
  installs.push(setup.installed);
}

export function uninstallAll(): void {
  while (installs.length > 0) installs.pop()?.uninstall();
}

/** Runs `batch` in a context the way Excel.run does, failing on unsynced requests. */
export async function inContext<T>(setup: Setup, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}
