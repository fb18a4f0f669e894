import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ROOT } from "../build/buildOnce";

/**
 * Debian's Chromium driven by playwright-core (test tools may not download browsers here), with
 * a watch on everything the page does that a user would not want: console errors, uncaught
 * exceptions, failed requests, and any request leaving 127.0.0.1.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];
export const SCREENSHOTS = path.join(ROOT, "test-output", "e2e");

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh (apt-get install -y chromium) / 需要 Chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests, as one line each. */
  problems: string[];
  /** Requests to any host but 127.0.0.1; they are blocked, not sent. */
  foreign: string[];
  /** Every URL requested, in order. */
  requests: string[];
}

/** How a test stands in for a foreign server: refuse the request, or answer with a script. */
export type ForeignAnswer = { fail: true } | { script: string };

/**
 * A fresh context whose requests outside 127.0.0.1 are recorded and blocked. `standIn` answers
 * chosen foreign URLs itself (the office.js CDN in the in-Office boot tests), uncounted.
 */
export async function watchedPage(browser: Browser, standIn?: (url: URL) => ForeignAnswer | undefined): Promise<WatchedPage> {
  const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, problems: [], foreign: [], requests: [] };
  const allowed = new Set<string>();
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    const answer = standIn?.(url);
    if (answer) {
      allowed.add(url.href);
      if ("script" in answer) return route.fulfill({ status: 200, contentType: "text/javascript", body: answer.script });
      return route.abort("internetdisconnected");
    }
    watched.foreign.push(url.href);
    return route.abort("blockedbyclient");
  });
  page.on("request", (r) => watched.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") watched.problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => watched.problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (!allowed.has(r.url())) watched.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) watched.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return watched;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Polls until `read` returns what `accept` wants (playwright-core has no auto-retrying expect). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 60_000, what = "condition"): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ShownCounts {
  error: number;
  warning: number;
  info: number;
}

export async function shownCounts(page: Page): Promise<ShownCounts> {
  const read = async (l: Locator) => Number((await l.innerText()).trim());
  return {
    error: await read(page.getByTestId("count-error")),
    warning: await read(page.getByTestId("count-warning")),
    info: await read(page.getByTestId("count-info")),
  };
}
