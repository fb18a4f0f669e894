import * as fs from "fs";
import * as path from "path";
import { buildAll } from "./build";
import { runChild } from "./child";
import { CACHE_DIR, ensureWorkbook } from "./generate";

/**
 * Where the time goes: runs one probe under `node --cpu-prof` and prints the functions with
 * the most self time, and the source files they sit in.
 *   node scripts/run-ts.js bench/profile.ts engine [rows]     parse + all rules
 *   node scripts/run-ts.js bench/profile.ts check [rows]      the CLI's `check`
 *   node scripts/run-ts.js bench/profile.ts outputs [rows]    the CLI's `check --clean --annotate`
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarize(profile: CpuProfile, top = 25): string {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.replace(/^file:\/\//, "").replace(`${path.join(__dirname, "..")}/`, "") : "(native)";
    const key = `${functionName || "(anonymous)"}  ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const group = file.includes("node_modules/") ? file.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, "node_modules/$1") : file;
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  const total = profile.endTime - profile.startTime;
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [`total ${(total / 1000).toFixed(0)} ms`, "", "by function (self time):", ...rows(byFunction), "", "by file:", ...rows(byFile)].join("\n");
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? "engine";
  const rows = Number(process.argv[3] ?? 100_000);
  const bundles = buildAll();
  const dir = path.join(CACHE_DIR, "prof");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const prof = ["--cpu-prof", "--cpu-prof-dir", dir];
  const out = path.join(CACHE_DIR, "out");
  fs.mkdirSync(out, { recursive: true });
  let args: string[];
  if (what === "engine") {
    if (!bundles.engine.ok) throw new Error(bundles.engine.reason);
    args = [...prof, bundles.engine.file, String(rows), "1", process.argv[4] ?? "rules"];
  } else {
    if (!bundles.cli.ok) throw new Error(bundles.cli.reason);
    const file = await ensureWorkbook({ rows });
    const extra = what === "outputs" ? ["--clean", path.join(out, "cleaned.xlsx"), "--annotate", path.join(out, "annotated.xlsx")] : [];
    args = [...prof, bundles.cli.file, "check", file, "--json", path.join(out, "report.json"), ...extra];
  }
  const run = await runChild(args, {}, path.join(out, "profile-stdout.txt"));
  process.stdout.write(`exit ${run.exitCode}, wall ${(run.wallMs / 1000).toFixed(2)} s, peak RSS ${(run.peakRssBytes / 1024 / 1024).toFixed(0)} MiB\n`);
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written: ${run.stderr.slice(0, 500)}`);
  process.stdout.write(`${summarize(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile)}\n`);
}

// Run directly (scripts/run-ts.js puts the script in argv[1]), not when imported.
if (process.argv[1] === __filename) {
  main().catch((e: unknown) => {
    process.stderr.write(`profile: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  });
}
