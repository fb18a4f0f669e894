import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CACHE_DIR } from "./generate";

/**
 * Runs one measurement in its own process, so that its peak memory is its own and a leak or
 * a warm JIT in one probe cannot flatter the next. Wall time is taken by the parent around the
 * whole child (Node start-up and module loading included, for subject and baseline alike).
 */
export interface ChildResult {
  wallMs: number;
  /** Peak resident set size of the child, in bytes. */
  peakRssBytes: number;
  exitCode: number;
  /** The child ran past its time limit and was killed (its figures are lower bounds). */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
let childCount = 0;

/** `/usr/bin/time -f %M` when the Debian `time` package is there; else a preload that makes
 * the child write `process.resourceUsage().maxRSS` at exit. */
export function rssMethod(): "gnu-time" | "preload" {
  return fs.existsSync(GNU_TIME) ? "gnu-time" : "preload";
}

/** `stdoutTo`: a file that takes the child's stdout (the CLI prints every issue; a user would
 * redirect it, and holding 30 MB of it in the parent would only add noise). */
export async function runChild(args: readonly string[], env: NodeJS.ProcessEnv = {}, stdoutTo?: string, timeoutMs = 0): Promise<ChildResult> {
  const stamp = `${process.pid}-${++childCount}`;
  const rssFile = path.join(os.tmpdir(), `bench-rss-${stamp}.txt`);
  const method = rssMethod();
  const command = method === "gnu-time" ? GNU_TIME : process.execPath;
  const argv = method === "gnu-time" ? ["-f", "%M", "-o", rssFile, process.execPath, ...args] : [...args];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (method === "preload") {
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ""} --require ${JSON.stringify(preloadPath())}`.trim();
    childEnv.BENCH_MAXRSS_FILE = rssFile;
  }
  const outFd = stdoutTo !== undefined ? fs.openSync(stdoutTo, "w") : undefined;
  const started = process.hrtime.bigint();
  // Its own process group, so a timeout can end /usr/bin/time and the node under it together.
  const child = spawn(command, argv, { env: childEnv, stdio: ["ignore", outFd ?? "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
        }, timeoutMs)
      : undefined;
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
  if (timer) clearTimeout(timer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (outFd !== undefined) fs.closeSync(outFd);
  let peakRssBytes = Number.NaN;
  try {
    const text = fs.readFileSync(rssFile, "utf8").trim();
    // GNU time writes kilobytes (a `Command exited with non-zero status` line may come first);
    // the preload writes what resourceUsage() gives, which is kilobytes too.
    const kb = Number(text.split("\n").pop());
    peakRssBytes = kb * 1024;
    fs.rmSync(rssFile, { force: true });
  } catch {
    // no figure: reported as NaN
  }
  return { wallMs, peakRssBytes, exitCode, timedOut, stdout, stderr };
}

function preloadPath(): string {
  const file = path.join(CACHE_DIR, "bin", "maxrss-preload.js");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      [
        '"use strict";',
        "// Written by bench/child.ts: records this process's peak RSS (KiB) when it exits.",
        "process.on('exit', () => {",
        "  const file = process.env.BENCH_MAXRSS_FILE;",
        "  if (file) require('fs').writeFileSync(file, String(process.resourceUsage().maxRSS));",
        "});",
        "",
      ].join("\n"),
    );
  }
  return file;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
