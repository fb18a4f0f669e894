import * as fs from "fs";
import * as path from "path";
import type { Built } from "./build";
import { runChild } from "./child";
import { formatBytes, type BenchRow } from "./report";

/**
 * The Excel adapter's round trips: `context.sync()` calls to read and highlight 10,000 /
 * 15,000 / 20,000 rows with 3,000 flagged cells, counted through the Excel engineer's fake
 * (test/fakes/fakeExcel.ts; probe: probes/excelSyncs.ts), and the largest request it saw.
 * Target: ≤ 10 syncs at 10,000 rows, at most +1 per further 5,000 rows, no body over 5 MB.
 */
const ROOT = path.join(__dirname, "..");
const FAKE = path.join(ROOT, "test", "fakes", "fakeExcel.ts");
const FIVE_MB = 5 * 1024 * 1024;

interface SyncResult {
  rows: number;
  flagged: number;
  syncs: number;
  readSyncs: number;
  highlightSyncs: number;
  maxRequest: number;
  maxResponse: number;
}

export async function measureExcelSyncs(probe: Built): Promise<BenchRow[]> {
  const measure = (rows: number) => `Excel adapter: context.sync() calls, ${rows.toLocaleString("en-US")} rows, 3,000 flagged cells`;
  const target = (rows: number, base?: number) =>
    rows === 10_000 ? "≤ 10; no request over 5 MB" : `≤ ${base === undefined ? "10k count" : base} + ${(rows - 10_000) / 5_000}; no request over 5 MB`;
  if (!fs.existsSync(FAKE) || !probe.ok) {
    const why = !fs.existsSync(FAKE) ? "test/fakes/fakeExcel.ts (the counting fake) does not exist yet" : `probe not built: ${(probe as { reason: string }).reason}`;
    return [{ measure: measure(10_000), value: "—", baseline: "—", target: target(10_000), note: `not measured: ${why}` }];
  }
  const rows: BenchRow[] = [];
  let base: number | undefined;
  for (const size of [10_000, 15_000, 20_000]) {
    const run = await runChild([probe.file, String(size), "3000"]);
    if (run.exitCode !== 0) {
      rows.push({ measure: measure(size), value: "—", baseline: "—", target: target(size, base), note: `probe failed: ${run.stderr.split("\n").find((l) => l.trim())?.slice(0, 200) ?? ""}` });
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as SyncResult;
    if (size === 10_000) base = r.syncs;
    const limit = size === 10_000 ? 10 : (base ?? 10) + (size - 10_000) / 5_000;
    rows.push({
      measure: measure(size),
      value: `${r.syncs} syncs (read ${r.readSyncs}, highlight ${r.highlightSyncs})`,
      baseline: "—",
      target: target(size, base),
      pass: r.syncs <= limit && r.maxRequest <= FIVE_MB && r.maxResponse <= FIVE_MB,
      note: `largest request ${formatBytes(r.maxRequest)}, largest response ${formatBytes(r.maxResponse)} (fake's estimate)`,
    });
  }
  return rows;
}
