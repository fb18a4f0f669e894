#!/usr/bin/env node
// Measures the browser file mode's main-thread blocking on a generated 100,000-row workbook in
// Debian's Chromium (production build, served from 127.0.0.1) and prints the Long Tasks figures.
// usage: node scripts/e2e-long-tasks.js [rows=100000] [--json]
// Exit status 1 when the longest task exceeds the 200 ms budget or no progress was shown.
"use strict";
require("./ts-hook");
const path = require("path");

const BUDGET_MS = 200;

async function main() {
  const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100000);
  const asJson = process.argv.includes("--json");
  const { buildOnce } = require(path.join(__dirname, "..", "test", "build", "buildOnce.ts"));
  const { ensureWorkbook } = require(path.join(__dirname, "..", "bench", "generate.ts"));
  const { launchChromium, watchedPage } = require(path.join(__dirname, "..", "test", "e2e", "browser.ts"));
  const { serveDirectory } = require(path.join(__dirname, "..", "test", "e2e", "staticServer.ts"));
  const { measureCheck } = require(path.join(__dirname, "..", "test", "e2e", "longTasks.ts"));

  const [build, file] = await Promise.all([buildOnce(), ensureWorkbook({ rows })]);
  const server = await serveDirectory(build.dist);
  const browser = await launchChromium();
  try {
    const watched = await watchedPage(browser);
    const report = await measureCheck(watched.page, `${server.origin}/taskpane.html`, file, 10 * 60000);
    const result = { rows, budgetMs: BUDGET_MS, ...report, problems: watched.problems, foreign: watched.foreign };
    if (asJson) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`file mode, ${rows} rows: longest main-thread task ${report.longestMs} ms (budget ${BUDGET_MS} ms), ` +
        `${report.longTasks} long tasks, ${report.blockedMs} ms blocked in ${report.elapsedMs} ms, progress shown: ${report.progressShown}, ` +
        `counts ${JSON.stringify(report.counts)}`);
      for (const p of watched.problems) console.log(`  problem: ${p}`);
    }
    process.exitCode = report.longestMs <= BUDGET_MS && report.progressShown && watched.problems.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(2);
});
