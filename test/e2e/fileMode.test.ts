import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import type { CheckOptions, Counts } from "../../src/core/model";
import { DETAIL_SHEET_NAME, SUMMARY_SHEET_NAME } from "../../src/core/plan";
import { badFileMessage } from "../../src/workbook/messages";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { BUILD_TIMEOUT_MS, buildOnce, ROOT } from "../build/buildOnce";
import { eventually, launchChromium, screenshot, SCREENSHOTS, shownCounts, watchedPage, type WatchedPage } from "./browser";
import { serveDirectory, type StaticServer } from "./staticServer";

/**
 * The browser file mode in a real Chromium, on the production build: a finance officer opens
 * the bundled sample table, reads the counts, clicks an issue to find its cell, switches to the
 * 2021 profile, downloads the cleaned workbook, and then opens a damaged file. The page must do
 * all of it without a console error, a failed request, or a request leaving this machine.
 * Steps run in order on one page; each leaves a screenshot in test-output/e2e/.
 */

const SAMPLE = path.join(ROOT, "assets", "samples", "绩效目标表-示例.xlsx");
const SHEET = "绩效目标表";

/** What the engine itself says about the sample: the page must show the same numbers. */
async function engineCounts(bytes: Uint8Array, options: CheckOptions): Promise<Counts> {
  const { sheets } = await readWorkbook(bytes);
  return checkWorkbook(sheets, options, { sheet: SHEET }).report.counts;
}

// Each step waits on a real browser on a busy 2-core machine.
jest.setTimeout(90_000);

let browser: Browser;
let server: StaticServer;
let watched: WatchedPage;
let sampleBytes: Uint8Array;
let defaultCounts: Counts;

beforeAll(async () => {
  const build = await buildOnce();
  sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE));
  defaultCounts = await engineCounts(sampleBytes, {});
  server = await serveDirectory(build.dist);
  browser = await launchChromium();
  watched = await watchedPage(browser);
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("outside Office the page opens in file mode without fetching office.js", async () => {
  const { page } = watched;
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByTestId("file-mode").waitFor();
  await page.getByTestId("file-input").waitFor({ state: "attached" });
  expect(watched.requests.filter((u) => /office(\.debug)?\.js/.test(u) || u.includes("excel-host"))).toEqual([]);
  await screenshot(page, "01-file-mode-empty");
});

test("opening the sample shows the same counts as the engine", async () => {
  const { page } = watched;
  expect(defaultCounts.error + defaultCounts.warning).toBeGreaterThan(0);
  await page.getByTestId("file-input").setInputFiles(SAMPLE);
  await eventually(() => shownCounts(page), (c) => JSON.stringify(c) === JSON.stringify(defaultCounts), 60_000, `counts ${JSON.stringify(defaultCounts)}`);
  await expect(page.getByTestId("sheet-select").inputValue()).resolves.toBe(SHEET);
  expect(await page.getByTestId("issue-item").count()).toBeGreaterThan(0);
  await screenshot(page, "02-sample-checked");
});

test("in a window as narrow as Excel's task pane the issue list stays a scrolled window", async () => {
  const { page } = watched;
  const total = defaultCounts.error + defaultCounts.warning + defaultCounts.info;
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 350, height: 700 });
  try {
    const list = page.getByTestId("issue-list");
    await eventually(() => list.boundingBox(), (box) => box !== null && box.height > 0, 10_000, "the issue list laid out");
    const box = await list.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(700);
    // Only the rows in view (and a few beyond) are drawn, never all of them.
    expect(await page.getByTestId("issue-item").count()).toBeLessThan(Math.min(total, 40));
    await screenshot(page, "02b-narrow-pane");
  } finally {
    if (wide) await page.setViewportSize(wide);
  }
});

test("clicking an issue selects its cell in the preview grid", async () => {
  const { page } = watched;
  const issue = page.getByTestId("issue-list").getByTestId("issue-item").first();
  const cell = await issue.getAttribute("data-cell");
  expect(cell).toMatch(/^[A-Z]+\d+$/);
  await issue.click();
  const gridCell = page.getByTestId("preview-grid").locator(`[data-cell="${cell}"]`);
  await gridCell.waitFor();
  await eventually(() => gridCell.getAttribute("data-selected"), (v) => v === "true", 10_000, `${cell} selected`);
  expect(await page.getByTestId("preview-grid").locator('[data-selected="true"]').count()).toBe(1);
  await screenshot(page, "03-issue-cell-selected");
});

test("switching to the 2021 profile and checking again changes the counts as the engine does", async () => {
  const { page } = watched;
  const expected = await engineCounts(sampleBytes, { profile: "2021" });
  expect(expected).not.toEqual(defaultCounts);
  await page.getByTestId("settings-button").click();
  await page.getByTestId("profile-2021").check();
  await screenshot(page, "04-settings-2021");
  await page.getByTestId("save-settings").click();
  await page.getByTestId("settings-drawer").waitFor({ state: "hidden" });
  await page.getByTestId("check-button").click();
  await eventually(() => shownCounts(page), (c) => JSON.stringify(c) === JSON.stringify(expected), 60_000, `counts ${JSON.stringify(expected)}`);
  await screenshot(page, "05-counts-2021");
});

test("the cleaned workbook downloads, with its junk rows gone, 指标明细 added and fewer problems left", async () => {
  const { page } = watched;
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-cleaned").click()]);
  expect(download.suggestedFilename()).toBe("绩效目标表-示例-清洗后.xlsx");
  const saved = path.join(SCREENSHOTS, download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = new Uint8Array(fs.readFileSync(saved));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual([SHEET, DETAIL_SHEET_NAME]);
  const table = workbook.getWorksheet(SHEET);
  const texts: string[] = [];
  table?.eachRow((row) => texts.push(row.values?.toString() ?? ""));
  // The seed's row of dashes between departments is one of the junk rows the cleaner deletes.
  expect(texts.some((t) => /-{5,}/.test(t))).toBe(false);
  expect(workbook.getWorksheet(DETAIL_SHEET_NAME)?.rowCount).toBeGreaterThan(100);

  const before = defaultCounts.error + defaultCounts.warning + defaultCounts.info;
  const after = await engineCounts(bytes, {});
  expect(after.error + after.warning + after.info).toBeLessThan(before);
  await screenshot(page, "06-cleaned-downloaded");
});

test("the annotated workbook downloads, with 校验汇总 and 指标明细 added and problem cells filled", async () => {
  // The worker loads its exceljs fallback writers only on demand (outputs.ts): this is the
  // download that exercises that split in a real browser.
  const { page } = watched;
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
  expect(download.suggestedFilename()).toBe("绩效目标表-示例-已标注.xlsx");
  const saved = path.join(SCREENSHOTS, download.suggestedFilename());
  await download.saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual([SHEET, SUMMARY_SHEET_NAME, DETAIL_SHEET_NAME]);
  let filled = 0;
  workbook.getWorksheet(SHEET)?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.fill?.type === "pattern" && cell.fill.pattern === "solid") filled++;
    }),
  );
  expect(filled).toBeGreaterThan(0);
  expect(workbook.getWorksheet(SUMMARY_SHEET_NAME)?.rowCount).toBeGreaterThan(10);
});

test("the JSON report download carries the counts on screen", async () => {
  const { page } = watched;
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  const report = JSON.parse(fs.readFileSync((await download.path()) ?? "", "utf8")) as { counts: Counts };
  expect(report.counts).toEqual(await shownCounts(page));
});

test("a damaged file is refused with a plain Chinese message", async () => {
  const { page } = watched;
  // A zip's local-header magic and then nothing sensible: what a half-copied file looks like.
  const damaged = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300, 0x5a)]);
  await page.getByTestId("file-input").setInputFiles({ name: "损坏的表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: damaged });
  const bar = page.getByTestId("error-bar");
  await eventually(() => bar.getAttribute("data-intent"), (v) => v === "error", 20_000, "an error message bar");
  const text = await bar.innerText();
  const known = (["notZip", "truncated", "corrupt", "notXlsx"] as const).map((k) => badFileMessage(k, "zh"));
  expect(known.some((m) => text.includes(m))).toBe(true);
  await screenshot(page, "07-damaged-file");
});

test("nothing went wrong on the way, and nothing left 127.0.0.1", () => {
  expect(watched.problems).toEqual([]);
  expect(watched.foreign).toEqual([]);
  expect(server.misses).toEqual([]);
  expect(watched.requests.every((u) => u.startsWith(server.origin) || u.startsWith("blob:") || u.startsWith("data:"))).toBe(true);
});
