import * as path from "path";
import { buildSync } from "esbuild";
import { CLEAN_FORMS_WORKER } from "../src/cli/cleanForms";
import { CACHE_DIR } from "./generate";

/**
 * Every child the benchmark runs is bundled once, up front, into plain JavaScript with the
 * options bin/indicator-checker.js uses for the CLI (node20, cjs, packages external). So no
 * child transpiles TypeScript while it is timed, subject and baseline start alike, and the
 * CLI cannot rebuild itself mid-run because a colleague saved a file.
 */
export type Built = { ok: true; file: string } | { ok: false; reason: string };

const ROOT = path.join(__dirname, "..");
export const BIN_DIR = path.join(CACHE_DIR, "bin");

function bundle(entry: string, name: string, footer?: string): Built {
  const file = path.join(BIN_DIR, `${name}.js`);
  try {
    buildSync({
      entryPoints: [path.join(ROOT, entry)],
      outfile: file,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      logLevel: "silent",
      ...(footer ? { footer: { js: footer } } : {}),
    });
    return { ok: true, file };
  } catch (e) {
    const errors = (e as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
    const first = errors?.[0];
    return { ok: false, reason: first ? `${first.location?.file ?? entry}: ${first.text}` : (e as Error).message };
  }
}

export interface Bundles {
  cli: Built;
  engine: Built;
  bareLoad: Built;
  excelSyncs: Built;
}

/** `main`, once `helper` (a file it loads) is built too. */
function both(main: Built, helper: Built): Built {
  return helper.ok ? main : helper;
}

export function buildAll(): Bundles {
  return {
    // Same as bin/indicator-checker.js: run(argv), exit code from its promise.
    cli: both(
      bundle("src/cli/main.ts", "cli", "module.exports.run(process.argv.slice(2)).then((code) => { process.exitCode = code; });"),
      // --clean's second thread, found beside the CLI (src/cli/cleanForms.ts).
      bundle("src/cli/cleanFormsWorker.ts", path.basename(CLEAN_FORMS_WORKER, ".js")),
    ),
    engine: bundle("bench/probes/engine.ts", "engine"),
    bareLoad: bundle("bench/probes/bareLoad.ts", "bareLoad"),
    excelSyncs: bundle("bench/probes/excelSyncs.ts", "excelSyncs"),
  };
}
