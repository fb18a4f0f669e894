import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { parseIndicatorCell } from "../src/core/parse/parseCell";
import { ALL_RULES } from "../src/core/rules/index";
import type { RowContext, RuleFinding } from "../src/core/rules/rule";
import { toA1 } from "../src/core/table/address";

/**
 * Engine micro-benchmark: the indicator parser and the per-row rules on realistic cells, side
 * by side with the issue's baseline, in one process, rounds interleaved, medians reported.
 *
 *   node scripts/run-ts.js bench/engine-micro.ts [cells=200000] [rounds=5] [--only=base,parse,rules] [--unbundled]
 *
 * It first bundles itself with esbuild (as bench/build.ts bundles the probes and the CLI) and
 * runs the bundle in a child: the require hook's per-file CommonJS turns every call to an
 * imported function into a getter call, which would bill the parser for the module system.
 * `--unbundled` measures in place (for profiling the hooked sources).
 *
 * Cells: column 5 of the seed table (test/fixtures/files/seed.tsv) and every cell of
 * test/fixtures/cells/*.json, repeated in order up to `cells`.
 * (a) base:  `text.split('。')` and one regex test per part (the issue's "bare pass");
 * (b) parse: parseIndicatorCell alone;
 * (c) rules: parse + every rule's checkRow over a RowContext built like check.ts buildRows,
 *     findings emitted into a no-op.
 */

const ROOT = process.env.ENGINE_MICRO_ROOT ?? path.join(__dirname, "..");

/** The bare pass's one test per item: `1、产出指标：培训人数，年度指标值：≥50人` matches.
 * `.+` runs are separated by literal marks; on a miss the engine gives up in linear time. */
const BARE_ITEM = /^\d+、(产出|效益|满意度|成本)指标[：:].+[，,]年度指标值[：:].+$/;

function seedCells(): string[] {
  const tsv = fs.readFileSync(path.join(ROOT, "test/fixtures/files/seed.tsv"), "utf8");
  const lines = tsv.split(/\r?\n/);
  // Header on sheet row 5; data rows follow.
  return lines
    .slice(5)
    .map((line) => line.split("\t")[4] ?? "")
    .filter((text) => text.trim() !== "");
}

function fixtureCells(): string[] {
  const dir = path.join(ROOT, "test/fixtures/cells");
  const out: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const cases = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { text?: unknown }[];
    for (const c of cases) if (typeof c.text === "string") out.push(c.text);
  }
  return out;
}

function barePass(texts: readonly string[]): number {
  let hits = 0;
  for (let i = 0; i < texts.length; i++) {
    const parts = (texts[i] as string).split("。");
    for (let k = 0; k < parts.length; k++) if (BARE_ITEM.test(parts[k] as string)) hits++;
  }
  return hits;
}

function parseOnly(texts: readonly string[]): number {
  let items = 0;
  for (let i = 0; i < texts.length; i++) items += parseIndicatorCell(texts[i] as string).items.length;
  return items;
}

const INDICATOR_COLUMN = 4;
const PROJECT_COLUMN = 2;
const rowRules = ALL_RULES.filter((rule) => rule.checkRow !== undefined);

/** A RowContext as check.ts buildRows makes one (cell layout), the cell parsed fresh. */
function rowContext(text: string, i: number): RowContext {
  const rowIndex = 5 + i;
  return {
    sheet: "绩效目标表",
    rowIndex,
    rowNumber: rowIndex + 1,
    department: "中共某某区委组织部",
    unit: "中共某某区委组织部",
    project: `党建工作经费${i % 97}`,
    indicatorAddress: toA1(rowIndex, INDICATOR_COLUMN),
    projectAddress: toA1(rowIndex, PROJECT_COLUMN),
    rawIndicator: text,
    cell: parseIndicatorCell(text),
    rowKey: `中共某某区委组织部\u0001中共某某区委组织部\u0001党建工作经费${i % 97}\u0001\u0001${text}`,
  };
}

function parseAndRules(texts: readonly string[]): number {
  let findings = 0;
  const emit = (_f: RuleFinding): void => void findings++;
  for (let i = 0; i < texts.length; i++) {
    const row = rowContext(texts[i] as string, i);
    for (let r = 0; r < rowRules.length; r++) rowRules[r]?.checkRow?.(row, emit);
  }
  return findings;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function main(): void {
  const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
  const wanted = Number(positional[0] ?? 200_000);
  const rounds = Number(positional[1] ?? 5);
  const distinct = [...seedCells(), ...fixtureCells()];
  const texts: string[] = [];
  // Fresh string objects per repeat would be closer to cells read from a file; a slice-copy
  // defeats V8 sharing flattened strings between repeats without changing the text.
  for (let i = 0; texts.length < wanted; i++) texts.push((" " + (distinct[i % distinct.length] as string)).slice(1));
  const items = parseOnly(texts);
  const parts = texts.reduce((n, t) => n + t.split("。").length, 0);

  const subjects: Record<string, (t: readonly string[]) => number> = { base: barePass, parse: parseOnly, rules: parseAndRules };
  const names = Object.keys(subjects).filter((n) => !only || only.includes(n));
  // Warm-up, so the JIT has seen every path before the clock runs.
  const warm = texts.slice(0, 5000);
  for (let w = 0; w < 3; w++) for (const n of names) subjects[n]?.(warm);

  const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const outs: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    // Rotate the order so a slow moment does not always land on the same subject.
    const order = names.map((_, k) => names[(k + r) % names.length] as string);
    for (const n of order) {
      const start = performance.now();
      outs[n] = subjects[n]?.(texts) ?? 0;
      ms[n]?.push(performance.now() - start);
    }
  }

  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`cells ${texts.length} (${distinct.length} distinct), items ${items}, '。' parts ${parts}, rounds ${rounds}, Node ${process.version}`);
  const base = ms.base ? median(ms.base) : undefined;
  for (const n of names) {
    const m = median(ms[n] ?? []);
    const ratio = base ? ` ratio ${(m / base).toFixed(2)}×` : "";
    const runs = (ms[n] ?? []).map((x) => x.toFixed(0)).join(" ");
    out(
      `${n.padEnd(6)} median ${m.toFixed(1)} ms  ${((m * 1000) / texts.length).toFixed(2)} µs/cell  ${((items / m) * 1000 / 1e6).toFixed(2)} M items/s${ratio}  [${runs}]  out=${outs[n]}`,
    );
  }
}

/** Bundles this file and runs the bundle with the same arguments; false when already bundled. */
function relaunchBundled(): boolean {
  if (process.env.ENGINE_MICRO_ROOT !== undefined || process.argv.includes("--unbundled")) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require("esbuild") as typeof import("esbuild");
  const outfile = path.join(os.tmpdir(), `engine-micro-${process.pid}.js`);
  buildSync({ entryPoints: [__filename], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", logLevel: "silent" });
  const run = spawnSync(process.execPath, [...process.execArgv, outfile, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ENGINE_MICRO_ROOT: path.join(__dirname, "..") },
  });
  fs.rmSync(outfile, { force: true });
  process.exitCode = run.status ?? 1;
  return true;
}

if (!relaunchBundled()) main();
