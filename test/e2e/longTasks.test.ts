import type { Browser } from "playwright-core";
import { ensureWorkbook } from "../../bench/generate";
import { BUILD_TIMEOUT_MS, buildOnce } from "../build/buildOnce";
import { launchChromium, watchedPage } from "./browser";
import { measureCheck } from "./longTasks";
import { serveDirectory, type StaticServer } from "./staticServer";

/**
 * A 100,000-row table checked in the browser file mode must keep the page responsive: the
 * reading and checking run in the Web Worker, the page shows progress with a cancel button,
 * and no main-thread task may block input for more than 200 ms.
 * `node scripts/e2e-long-tasks.js` prints the same figures outside jest.
 */

const ROWS = 100_000;
const LONGEST_TASK_BUDGET_MS = 200;

let browser: Browser;
let server: StaticServer;
let workbook: string;

beforeAll(async () => {
  const [build, file] = await Promise.all([buildOnce(), ensureWorkbook({ rows: ROWS })]);
  workbook = file;
  server = await serveDirectory(build.dist);
  browser = await launchChromium();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test(`checking ${ROWS.toLocaleString("en")} rows shows progress and never blocks the page over ${LONGEST_TASK_BUDGET_MS} ms`, async () => {
  const watched = await watchedPage(browser);
  const report = await measureCheck(watched.page, `${server.origin}/taskpane.html`, workbook, 150_000);
  expect(report.counts.error + report.counts.warning + report.counts.info).toBeGreaterThan(ROWS);
  expect(report.progressShown).toBe(true);
  expect(watched.problems).toEqual([]);
  expect(watched.foreign).toEqual([]);
  // A task's length is a timing: jest runs other suites beside this one on the same two cores, and
  // one task over the budget can be theirs. Over it, the check is measured once more on a fresh page
  // and the shorter longest task counts; a page that blocks too long blocks both times. (`npm run
  // bench` measures it alone.)
  let longestMs = report.longestMs;
  if (longestMs > LONGEST_TASK_BUDGET_MS) {
    const again = await watchedPage(browser);
    longestMs = Math.min(longestMs, (await measureCheck(again.page, `${server.origin}/taskpane.html`, workbook, 150_000)).longestMs);
    expect(again.problems).toEqual([]);
  }
  expect(longestMs).toBeLessThanOrEqual(LONGEST_TASK_BUDGET_MS);
}, 360_000);
