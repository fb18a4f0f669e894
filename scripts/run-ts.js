#!/usr/bin/env node
// Runs a TypeScript script (make-sample, fuzz, bench) without a separate build step: an
// esbuild require hook transpiles .ts/.tsx on load (type-checking is `npm run typecheck`'s job).
"use strict";
const path = require("path");
require("./ts-hook");
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/run-ts.js SCRIPT.ts [args…]");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
