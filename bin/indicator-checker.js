#!/usr/bin/env node
// The command-line checker. The TypeScript sources are bundled once into dist-cli/ with esbuild
// (rebuilt when a source file is newer), so a fresh `npm ci` needs no separate build step.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const outDir = path.join(root, "dist-cli");
const out = path.join(outDir, "indicator-checker.js");
// --clean's second thread (src/cli/cleanForms.ts), built beside the CLI.
const worker = path.join(outDir, "clean-forms-worker.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const srcDir = path.join(root, "src");
  if (!fs.existsSync(srcDir)) return; // installed package: dist-cli ships prebuilt
  const built = Math.min(...[out, worker].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  if (built >= newestSource(srcDir)) return;
  require("esbuild").buildSync({
    entryPoints: { "indicator-checker": path.join(srcDir, "cli", "main.ts"), "clean-forms-worker": path.join(srcDir, "cli", "cleanFormsWorker.ts") },
    outdir: outDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: true,
    logLevel: "error",
  });
}

try {
  ensureBuilt();
} catch (e) {
  process.stderr.write(`indicator-checker: 无法构建命令行程序 / cannot build the CLI: ${e.message}\n`);
  process.exit(2);
}
require(out)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
