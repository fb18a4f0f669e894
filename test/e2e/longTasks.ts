import type { Page } from "playwright-core";
import { eventually, shownCounts, type ShownCounts } from "./browser";

/**
 * How long the page's main thread is blocked while the file mode opens and checks a big
 * workbook: Chromium's Long Tasks API (every task over 50 ms) from choosing the file until the
 * counts are on screen, and whether the progress bar (with its cancel button) was shown.
 */

export interface LongTaskReport {
  /** Longest main-thread task while opening and checking, in ms (0: none over 50 ms). */
  longestMs: number;
  longTasks: number;
  /** Sum of the long tasks, in ms. */
  blockedMs: number;
  /** From choosing the file to the counts on screen. */
  elapsedMs: number;
  progressShown: boolean;
  counts: ShownCounts;
}

/** Installed before the page's own scripts: records long tasks and the progress bar's appearance. */
const OBSERVERS = `
  window.__longTasks = [];
  window.__progressSeen = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (!window.__progressSeen && document.querySelector('[data-testid="cancel-button"]')) window.__progressSeen = true;
  }).observe(document, { subtree: true, childList: true });
`;

interface PageProbes {
  __longTasks: { start: number; duration: number }[];
  __progressSeen: boolean;
}

export async function measureCheck(page: Page, taskpaneUrl: string, file: string, timeoutMs: number): Promise<LongTaskReport> {
  await page.addInitScript(OBSERVERS);
  await page.goto(taskpaneUrl);
  await page.getByTestId("file-input").waitFor({ state: "attached" });
  // Page start-up is not what is measured: forget its tasks.
  await page.evaluate(() => {
    (window as unknown as PageProbes).__longTasks = [];
  });
  const started = Date.now();
  await page.getByTestId("file-input").setInputFiles(file);
  const counts = await eventually(
    async () => ((await page.getByTestId("count-error").count()) > 0 && (await page.getByTestId("cancel-button").count()) === 0 ? shownCounts(page) : undefined),
    (c) => c !== undefined,
    timeoutMs,
    "the counts of the big workbook",
  );
  const elapsedMs = Date.now() - started;
  const probes = await page.evaluate(() => {
    const w = window as unknown as PageProbes;
    return { tasks: w.__longTasks, progressSeen: w.__progressSeen };
  });
  const durations = probes.tasks.map((t) => t.duration);
  return {
    longestMs: Math.round(Math.max(0, ...durations)),
    longTasks: durations.length,
    blockedMs: Math.round(durations.reduce((a, b) => a + b, 0)),
    elapsedMs,
    progressShown: probes.progressSeen,
    counts: counts ?? { error: 0, warning: 0, info: 0 },
  };
}
