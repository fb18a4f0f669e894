import type { Browser } from "playwright-core";
import { BOOT_MESSAGES } from "../../src/taskpane/bootstrap";
import { BUILD_TIMEOUT_MS, buildOnce } from "../build/buildOnce";
import { eventually, launchChromium, screenshot, watchedPage, type ForeignAnswer } from "./browser";
import { serveDirectory, type StaticServer } from "./staticServer";

/**
 * The task pane as Excel opens it (`?_host_Info=Excel$Win32$…`), with the office.js CDN stood
 * in for: the page must inject office.js, and when Office cannot be reached it must say why in
 * Chinese instead of staying blank, without loading the Excel host or the file mode.
 */

const AS_EXCEL = "taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const CDN = "appsforoffice.microsoft.com";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const build = await buildOnce();
  server = await serveDirectory(build.dist);
  browser = await launchChromium();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAsExcel(answer: ForeignAnswer) {
  const watched = await watchedPage(browser, (url) => (url.hostname === CDN ? answer : undefined));
  await watched.page.goto(`${server.origin}/${AS_EXCEL}`);
  return watched;
}

test("office.js unreachable: the pane says so at once, in Chinese", async () => {
  const watched = await openAsExcel({ fail: true });
  const alert = watched.page.getByTestId("boot-error");
  await alert.waitFor();
  expect(await alert.getAttribute("data-problem")).toBe("officeJsFailed");
  expect(await alert.innerText()).toBe(BOOT_MESSAGES.zh.officeJsFailed);
  expect(watched.requests.some((u) => u === `https://${CDN}/lib/1/hosted/office.js`)).toBe(true);
  // Neither the Excel host nor the file mode was fetched.
  expect(watched.requests.filter((u) => /excel-host|excel-pane|file-host|file-pane|exceljs/.test(u))).toEqual([]);
  expect(watched.foreign).toEqual([]);
  await screenshot(watched.page, "10-office-js-unreachable");
  await watched.context.close();
});

test("Office silent for 10 s: the pane says the host did not answer", async () => {
  // An office.js whose onReady never settles: a host that loaded the page and then hung.
  const watched = await openAsExcel({ script: "window.Office = { onReady: function () { return new Promise(function () {}); } };" });
  const alert = watched.page.getByTestId("boot-error");
  await eventually(() => alert.getAttribute("data-problem").catch(() => null), (p) => p === "hostSilent", 15_000, "the hostSilent message");
  expect(await alert.innerText()).toBe(BOOT_MESSAGES.zh.hostSilent);
  expect(watched.problems).toEqual([]);
  expect(watched.foreign).toEqual([]);
  await screenshot(watched.page, "11-office-host-silent");
  await watched.context.close();
}, 30_000);

test("the ribbon's result dialog shows the counts and the message, and OK asks Office to close it", async () => {
  // A stand-in office.js recording what the page tells its parent.
  const fakeOffice =
    "window.__sent = []; window.Office = { onReady: function () { return Promise.resolve({}); }, context: { ui: { messageParent: function (m) { window.__sent.push(m); } } } };";
  const watched = await watchedPage(browser, (url) => (url.hostname === CDN ? { script: fakeOffice } : undefined));
  const message = "发现 1 个错误、2 个警告 <b>不是标记</b>";
  await watched.page.goto(`${server.origin}/dialog.html?e=1&w=2&i=3&h=1&lang=zh&m=${encodeURIComponent(message)}`);
  await expect(watched.page.getByTestId("dialog-count-warning").innerText()).resolves.toContain("2");
  await expect(watched.page.locator(".message").innerText()).resolves.toBe(message);
  expect(await watched.page.locator("b").count()).toBe(0);
  await screenshot(watched.page, "12-ribbon-dialog");
  await watched.page.getByRole("button", { name: "确定" }).click();
  await expect(watched.page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).resolves.toEqual(["close"]);
  expect(watched.problems).toEqual([]);
  expect(watched.foreign).toEqual([]);
  await watched.context.close();
});
