import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAll, type Built } from "./build";
import { measureFirstLoad } from "./bundleSize";
import { median, rssMethod, runChild, type ChildResult } from "./child";
import { CACHE_DIR, ensureWorkbook } from "./generate";
import { formatBytes, formatMs, formatRate, markdownTable, type BenchRow } from "./report";
import { measureExcelSyncs } from "./excelSyncs";

/**
 * `npm run bench`: builds its own deterministic workbooks (bench/generate.ts), measures the
 * rows of the issue's table, each in a child process, and prints one markdown table.
 * Every ratio is against a baseline measured in the same run, runs interleaved.
 *
 * Options: `--quick` (1,000/10,000 rows only, for trying the harness), `--reps N` (CLI runs
 * per measure on the big workbook, default 2).
 */

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(CACHE_DIR, "out");
const BIG = 100_000;
const MID = 10_000;
const SMALL = 1_000;

interface EngineResult {
  mode: string;
  rows: number;
  items: number;
  baselineMs: number[];
  subjectMs: number[];
  findings: number;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; peak RSS by ${rssMethod() === "gnu-time" ? "/usr/bin/time -f %M" : "process.resourceUsage().maxRSS (preload)"}`;
}

function unavailable(measure: string, target: string, note: string): BenchRow {
  return { measure, value: "—", baseline: "—", target, note };
}

async function engineRows(engine: Built, sizes: readonly number[]): Promise<BenchRow[]> {
  const target = "≤ 5×";
  if (!engine.ok) return [unavailable("engine: parse + all rules", target, `probe not built (${engine.reason}); the parser or rules are not in place yet`)];
  const rows: BenchRow[] = [];
  const modes: ("rules" | "checkSheet")[] = ["rules", "checkSheet"];
  for (const mode of modes) {
    for (const size of sizes) {
      if (mode === "checkSheet" && size === SMALL) continue;
      const reps = size <= SMALL ? 7 : size <= MID ? 3 : 2;
      log(`engine ${mode}, ${size} rows, ${reps} reps`);
      const run = await runChild(["--expose-gc", engine.file, String(size), String(reps), mode]);
      const label = mode === "rules" ? `engine: parse + all rules, ${size.toLocaleString("en-US")} rows` : `engine: checkSheet (whole use-case), ${size.toLocaleString("en-US")} rows`;
      if (run.exitCode !== 0) {
        rows.push(unavailable(label, target, `probe failed: ${firstLine(run.stderr)}`));
        continue;
      }
      const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as EngineResult;
      const subject = median(r.subjectMs);
      const base = median(r.baselineMs);
      const ratio = subject / base;
      rows.push({
        measure: label,
        value: `${formatMs(subject)} (${formatRate(r.items / (subject / 1000))} items)`,
        baseline: `${formatMs(base)} bare split+regex (${formatRate(r.items / (base / 1000))})`,
        ratio,
        target: mode === "rules" ? `${target}; report items/s` : `${target} (informative: the CLI's engine call)`,
        pass: ratio <= 5,
        note: `${r.items.toLocaleString("en-US")} items, ${r.findings.toLocaleString("en-US")} findings, median of ${r.subjectMs.length} (subject runs ${r.subjectMs.map((m) => m.toFixed(0)).join("/")} ms)`,
      });
    }
  }
  return rows;
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0)
      ?.slice(0, 200) ?? "no output"
  );
}

interface CliSeries {
  bare: ChildResult[];
  check: ChildResult[];
  cleanAnnotate: ChildResult[];
}

/** A CLI run past this is stopped and reported as "> limit" (keeps the bench near 10 minutes). */
const CLI_TIMEOUT_MS = 150_000;

async function cliSeries(cli: Built, bareLoad: Built, file: string, reps: number, withOutputs: boolean): Promise<CliSeries | string> {
  if (!bareLoad.ok) return `baseline probe not built: ${bareLoad.reason}`;
  if (!cli.ok) return `CLI not built: ${cli.reason}`;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const json = path.join(OUT_DIR, "report.json");
  const stdout = path.join(OUT_DIR, "cli-stdout.txt");
  const series: CliSeries = { bare: [], check: [], cleanAnnotate: [] };
  const steps: [keyof CliSeries, () => Promise<ChildResult>][] = [
    ["bare", () => runChild([bareLoad.file, file])],
    ["check", () => runChild([cli.file, "check", file, "--json", json], {}, stdout, CLI_TIMEOUT_MS)],
  ];
  if (withOutputs) {
    steps.push([
      "cleanAnnotate",
      () =>
        runChild(
          [cli.file, "check", file, "--json", json, "--clean", path.join(OUT_DIR, "cleaned.xlsx"), "--annotate", path.join(OUT_DIR, "annotated.xlsx")],
          {},
          stdout,
          CLI_TIMEOUT_MS,
        ),
    ]);
  }
  for (let i = 0; i < reps; i++) {
    // Interleaved, and the order reversed every other round, so noise hits every series.
    const order = i % 2 === 0 ? steps : [...steps].reverse();
    for (const [key, step] of order) {
      // A run that hit the time limit once would only burn the budget again.
      if (series[key].some((r) => r.timedOut)) continue;
      log(`${path.basename(file)}: ${key} (round ${i + 1}/${reps})`);
      series[key].push(await step());
    }
  }
  return series;
}

function failed(runs: readonly ChildResult[]): ChildResult | undefined {
  // The CLI exits 1 when the workbook has errors (as these do): only 2 and worse are failures.
  return runs.find((r) => !r.timedOut && r.exitCode !== 0 && r.exitCode !== 1);
}

function cliRows(series: CliSeries | string, rowsLabel: string, fileSize: number): BenchRow[] {
  const wallT = "≤ 1.3×";
  const memT = "≤ 1.0× (stream)";
  const outT = "≤ 2.5×";
  if (typeof series === "string") {
    return [
      unavailable(`CLI check ${rowsLabel}, wall time`, wallT, series),
      unavailable(`CLI check ${rowsLabel}, peak memory`, memT, series),
      unavailable(`CLI check --clean --annotate ${rowsLabel}, wall time`, outT, series),
    ];
  }
  const bareWall = median(series.bare.map((r) => r.wallMs));
  const bareRss = median(series.bare.map((r) => r.peakRssBytes));
  const baseWall = `${formatMs(bareWall)} bare exceljs readFile`;
  const baseRss = `${formatBytes(bareRss)} bare exceljs readFile`;
  const rows: BenchRow[] = [];
  const add = (measure: string, runs: readonly ChildResult[], what: "wall" | "rss", target: string, limit: number, note: string) => {
    if (runs.length === 0) return;
    const bad = failed(runs);
    if (bad) {
      rows.push(unavailable(measure, target, `exit ${bad.exitCode}: ${firstLine(bad.stderr)}`));
      return;
    }
    const timedOut = runs.find((r) => r.timedOut);
    if (timedOut) {
      rows.push({
        measure,
        value: what === "wall" ? `> ${formatMs(CLI_TIMEOUT_MS)}` : "n/a (stopped)",
        baseline: what === "wall" ? baseWall : baseRss,
        ...(what === "wall" ? { ratio: CLI_TIMEOUT_MS / bareWall } : {}),
        target,
        pass: what === "wall" ? CLI_TIMEOUT_MS / bareWall <= limit : undefined,
        note: `${note}; stopped at the bench's ${formatMs(CLI_TIMEOUT_MS)} limit (ratio is a lower bound)`,
      });
      return;
    }
    const value = median(runs.map((r) => (what === "wall" ? r.wallMs : r.peakRssBytes)));
    const base = what === "wall" ? bareWall : bareRss;
    const ratio = value / base;
    rows.push({
      measure,
      value: what === "wall" ? formatMs(value) : formatBytes(value),
      baseline: what === "wall" ? baseWall : baseRss,
      ratio,
      target,
      pass: ratio <= limit,
      note: `${note}; runs ${runs.map((r) => (what === "wall" ? formatMs(r.wallMs) : formatBytes(r.peakRssBytes))).join(", ")}`,
    });
  };
  const size = `file ${formatBytes(fileSize)}`;
  add(`CLI check ${rowsLabel}, wall time`, series.check, "wall", wallT, 1.3, `${size}; JSON report written`);
  add(`CLI check ${rowsLabel}, peak memory`, series.check, "rss", memT, 1.0, "the whole CLI process");
  add(`CLI check --clean --annotate ${rowsLabel}, wall time`, series.cleanAnnotate, "wall", outT, 2.5, "both output workbooks and the JSON report written");
  add(`CLI check --clean --annotate ${rowsLabel}, peak memory`, series.cleanAnnotate, "rss", "— (informative)", Number.POSITIVE_INFINITY, "no target in the issue");
  return rows;
}

function firstLoadRows(): BenchRow[] {
  const measure = "task pane first load inside Excel: JavaScript, gzip";
  const target = "≤ 400 KB; exceljs not in it";
  const load = measureFirstLoad(path.join(ROOT, "dist"));
  if (!load) return [unavailable(measure, target, "dist/ not built (run `npm run build` first; the packaging engineer's test/build checks it too)")];
  const ok = load.totalGzipBytes <= 400 * 1000 && load.exceljsIn.length === 0;
  return [
    {
      measure,
      value: `${formatBytes(load.totalGzipBytes)} in ${load.scripts.length} script(s)`,
      baseline: "—",
      target,
      pass: ok,
      note: `${load.html}: ${load.scripts.map((s) => `${s.file} ${formatBytes(s.gzipBytes)}${s.hasExceljs ? " (has exceljs)" : ""}`).join(", ")}`,
    },
  ];
}

/** The file mode's Long Tasks figures, as scripts/e2e-long-tasks.js prints them with --json. */
interface LongTaskResult {
  rows: number;
  budgetMs: number;
  longestMs: number;
  longTasks: number;
  blockedMs: number;
  elapsedMs: number;
  progressShown: boolean;
  counts: { error: number; warning: number; info: number };
  problems: string[];
  /** Requests that tried to leave 127.0.0.1 (blocked). */
  foreign: string[];
}

/** The issue's budget for the longest main-thread task. */
const LONG_TASK_BUDGET_MS = 200;

/** A long-task run stopped past this (production build included) is reported as not measured. */
const LONG_TASK_TIMEOUT_MS = 600_000;

/**
 * The task pane's file mode in Debian's Chromium, checking the 100,000-row workbook: the longest
 * main-thread task (Long Tasks API) while it reads and checks, and whether progress was shown.
 * Runs scripts/e2e-long-tasks.js (the e2e suite's measurement, on the production build it makes
 * first when dist/ is stale) in its own process.
 */
async function longTaskRow(rows: number): Promise<BenchRow> {
  const measure = `task pane in Chromium (file mode): longest main-thread block, ${rows.toLocaleString("en")} rows`;
  const target = `≤ ${LONG_TASK_BUDGET_MS} ms, with progress shown`;
  const run = await runChild([path.join(ROOT, "scripts", "e2e-long-tasks.js"), String(rows), "--json"], {}, undefined, LONG_TASK_TIMEOUT_MS);
  if (run.timedOut) return unavailable(measure, target, `stopped at the bench's ${formatMs(LONG_TASK_TIMEOUT_MS)} limit`);
  let result: LongTaskResult;
  try {
    result = JSON.parse(run.stdout) as LongTaskResult;
  } catch {
    return unavailable(measure, target, `scripts/e2e-long-tasks.js exit ${run.exitCode}: ${firstLine(run.stderr || run.stdout)}`);
  }
  const found = result.counts.error + result.counts.warning + result.counts.info;
  return {
    measure,
    value: `${result.longestMs} ms longest task`,
    baseline: "—",
    target,
    pass: result.longestMs <= LONG_TASK_BUDGET_MS && result.progressShown && result.problems.length === 0 && result.foreign.length === 0,
    note:
      `${result.longTasks} tasks over 50 ms, ${formatMs(result.blockedMs)} blocked in ${formatMs(result.elapsedMs)}; progress shown: ${result.progressShown ? "yes" : "no"}; ` +
      `${found.toLocaleString("en")} issues shown` +
      (result.problems.length > 0 ? `; page problems: ${result.problems.join(" / ")}` : "") +
      (result.foreign.length > 0 ? `; requests off this machine: ${result.foreign.join(" / ")}` : ""),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const repsAt = args.indexOf("--reps");
  const reps = repsAt >= 0 ? Math.max(1, Number(args[repsAt + 1] ?? 2)) : 2;
  const started = Date.now();
  const lines: string[] = [`Machine: ${machine()}`];

  log("building probes and the CLI bundle");
  const bundles = buildAll();

  const sizes = quick ? [SMALL, MID] : [SMALL, MID, BIG];
  const files = new Map<number, string>();
  for (const size of sizes) {
    const t = Date.now();
    files.set(size, await ensureWorkbook({ rows: size, ...(size === MID ? { layout: "extended" as const } : {}) }));
    const took = Date.now() - t;
    if (took > 1000) log(`generated ${size} rows in ${formatMs(took)}`);
  }

  const rows: BenchRow[] = [];
  rows.push(...(await engineRows(bundles.engine, sizes)));

  const midFile = files.get(MID)!;
  rows.push(...cliRows(await cliSeries(bundles.cli, bundles.bareLoad, midFile, 3, true), "10,000 rows", fs.statSync(midFile).size));
  const bigFile = files.get(BIG);
  if (bigFile) rows.push(...cliRows(await cliSeries(bundles.cli, bundles.bareLoad, bigFile, reps, true), "100,000 rows", fs.statSync(bigFile).size));

  rows.push(...(await measureExcelSyncs(bundles.excelSyncs)));
  // Builds dist/ when it is stale, which the first-load row then reads.
  log(`file mode in Chromium, ${(quick ? MID : BIG).toLocaleString("en")} rows`);
  rows.push(await longTaskRow(quick ? MID : BIG));
  rows.push(...firstLoadRows());

  lines.push(`Workbooks: ${[...files.values()].map((f) => `${path.relative(ROOT, f)} (${formatBytes(fs.statSync(f).size)})`).join(", ")}`);
  lines.push("", markdownTable(rows), "", `Bench took ${formatMs(Date.now() - started)}.`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 2;
});
