import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * One production build shared by the build tests and the Chromium end-to-end tests: built into
 * test-output/build/dist (the developer's dist/ is left alone) the first time a suite asks, and
 * reused while no source, asset, manifest or config file changed. Suites running in parallel
 * jest workers wait on a lock directory instead of building twice.
 */

export const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "test-output", "build");
export const DIST = path.join(OUT, "dist");
const CHUNKS_FILE = path.join(OUT, "chunks.json");
const STAMP_FILE = path.join(OUT, "stamp.txt");
const LOG_FILE = path.join(OUT, "webpack.log");
const LOCK_DIR = path.join(OUT, "lock");
/** The deployment URL the shared build is made for: its manifest must carry it. */
export const TEST_ADDIN_URL = "https://intranet.example/indicator/";
/** A build on a busy 2-core machine takes about a minute; a lock older than this is stale. */
const STALE_LOCK_MS = 6 * 60_000;
export const BUILD_TIMEOUT_MS = 5 * 60_000;

export interface ChunkInfo {
  names: string[];
  files: string[];
  initial: boolean;
  moduleCount: number;
  exceljsModules: number;
  workerModules: number;
}

export interface ChunkGraph {
  entrypoints: Record<string, { files: string[] }>;
  chunks: ChunkInfo[];
}

export interface Build {
  dist: string;
  chunks: ChunkGraph;
}

const BUILD_ENV = { ADDIN_URL: TEST_ADDIN_URL, OFFICE_JS: "cdn", BUILD_STATS_FILE: CHUNKS_FILE };

function* filesUnder(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** Names, sizes and modification times of everything the build reads, and its settings. */
function fingerprint(): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(BUILD_ENV));
  const inputs = [...filesUnder(path.join(ROOT, "src")), ...filesUnder(path.join(ROOT, "assets"))];
  for (const f of ["manifest.xml", "webpack.config.js", "package-lock.json", "tsconfig.json"]) inputs.push(path.join(ROOT, f));
  for (const file of inputs.sort()) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${path.relative(ROOT, file)}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\n`);
  }
  return hash.digest("hex");
}

function upToDate(stamp: string): boolean {
  return fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, "utf8") === stamp && fs.existsSync(path.join(DIST, "taskpane.html"));
}

function runWebpack(): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(LOG_FILE, "w");
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", DIST], {
      cwd: ROOT,
      env: { ...process.env, ...BUILD_ENV },
      stdio: ["ignore", log, log],
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      fs.closeSync(log);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-40).join("\n");
        reject(new Error(`webpack --mode production failed (exit ${code}); see ${LOG_FILE}:\n${tail}`));
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
}

let cached: Promise<Build> | undefined;

/** The shared production build (see above); rejects with webpack's output when it fails. */
export function buildOnce(): Promise<Build> {
  cached ??= (async () => {
    fs.mkdirSync(OUT, { recursive: true });
    await acquireLock();
    try {
      const stamp = fingerprint();
      if (!upToDate(stamp)) {
        fs.rmSync(STAMP_FILE, { force: true });
        await runWebpack();
        fs.writeFileSync(STAMP_FILE, stamp);
      }
    } finally {
      fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    }
    return { dist: DIST, chunks: JSON.parse(fs.readFileSync(CHUNKS_FILE, "utf8")) as ChunkGraph };
  })();
  return cached;
}
