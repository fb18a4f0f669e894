/**
 * @jest-environment jsdom
 */
import {
  BOOT_MESSAGES,
  BootError,
  detectStart,
  isDarkColor,
  langOf,
  loadOfficeJs,
  officeJsUrlOf,
  type OfficeLike,
  type PageProbe,
  showBootProblem,
} from "../../src/taskpane/bootstrap";

/** How taskpane.html decides between Excel and the file mode, and how it loads office.js. */

const plainBrowser: PageProbe = {
  search: "",
  hash: "",
  windowName: "",
  storedHostInfo: undefined,
  framed: false,
  webview2: false,
  webkitAgave: false,
  externalContext: false,
  navigatorLanguage: "zh-CN",
};

describe("inside Office or in a plain browser", () => {
  test("a plain browser tab is file mode", () => {
    expect(detectStart(plainBrowser)).toEqual({ mode: "file" });
  });

  test("Excel on Windows passes _host_Info in the query, with its UI locale", () => {
    const probe = { ...plainBrowser, search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" };
    expect(detectStart(probe)).toEqual({ mode: "office", signal: "hostInfoQuery", hostLocale: "zh-CN" });
  });

  test("the |-separated, URL-encoded form is read too", () => {
    const probe = { ...plainBrowser, search: "?et=&_host_Info=Excel%7CWeb%7C16.00%7Cen-US%7Cabc%7C%7C%7C0&x=1" };
    expect(detectStart(probe)).toEqual({ mode: "office", signal: "hostInfoQuery", hostLocale: "en-US" });
  });

  test("Office keeps the host info in window.name or sessionStorage when the pane reloads without its query", () => {
    expect(detectStart({ ...plainBrowser, windowName: JSON.stringify({ hostInfo: "Excel$Mac$16.00$zh-CN" }) })).toMatchObject({ signal: "hostInfoWindowName", hostLocale: "zh-CN" });
    expect(detectStart({ ...plainBrowser, storedHostInfo: "Excel$Win32$16.01$en-GB" })).toMatchObject({ signal: "hostInfoStored", hostLocale: "en-GB" });
  });

  test("Office on the web's _xdm_Info channel, and the desktop bridges, each mean Office", () => {
    expect(detectStart({ ...plainBrowser, hash: "#abc&_xdm_Info=xyz" })).toMatchObject({ mode: "office", signal: "xdmInfo" });
    expect(detectStart({ ...plainBrowser, windowName: '{"xdmInfo":"a|b"}' })).toMatchObject({ signal: "xdmInfo" });
    expect(detectStart({ ...plainBrowser, webview2: true })).toMatchObject({ signal: "webview2" });
    expect(detectStart({ ...plainBrowser, webkitAgave: true })).toMatchObject({ signal: "webkitAgave" });
    expect(detectStart({ ...plainBrowser, externalContext: true })).toMatchObject({ signal: "externalContext" });
  });

  test("a page framed by an intranet portal, or with an unrelated window.name, stays in file mode", () => {
    expect(detectStart({ ...plainBrowser, framed: true })).toEqual({ mode: "file" });
    expect(detectStart({ ...plainBrowser, windowName: "report-window" })).toEqual({ mode: "file" });
    expect(detectStart({ ...plainBrowser, windowName: "{not json" })).toEqual({ mode: "file" });
    expect(detectStart({ ...plainBrowser, search: "?_host_Info=" })).toEqual({ mode: "file" });
  });
});

describe("language and theme", () => {
  test("Chinese locales give zh, others en; no locale at all gives zh", () => {
    expect(["zh-CN", "zh", "zh-Hans-CN", "ZH-tw"].map(langOf)).toEqual(["zh", "zh", "zh", "zh"]);
    expect(["en-US", "fr-FR"].map(langOf)).toEqual(["en", "en"]);
    expect(langOf(undefined)).toBe("zh");
  });

  test("Office's dark and black themes are dark; white and colorful are light", () => {
    expect(isDarkColor("#262626")).toBe(true); // dark gray
    expect(isDarkColor("#000000")).toBe(true); // black
    expect(isDarkColor("#FFFFFF")).toBe(false); // white
    expect(isDarkColor("#e6e6e6")).toBe(false); // colorful
    expect(isDarkColor("#222")).toBe(true);
    expect(isDarkColor(undefined)).toBe(false);
    expect(isDarkColor("rgb(0,0,0)")).toBe(false);
  });
});

describe("loading office.js", () => {
  const URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

  function manualTimer() {
    const timers: (() => void)[] = [];
    return {
      setTimer: (fn: () => void) => timers.push(fn),
      clearTimer: () => undefined,
      fire: () => timers.forEach((fn) => fn()),
    };
  }

  function injectedScript(): HTMLScriptElement {
    const script = document.head.querySelector<HTMLScriptElement>(`script[src="${URL}"]`);
    if (!script) throw new Error("office.js was not injected");
    return script;
  }

  afterEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  test("resolves with Office's language and theme once Office.onReady answers", async () => {
    const office: OfficeLike = { onReady: () => Promise.resolve({}), context: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#262626" } } };
    const ready = loadOfficeJs(document, URL, () => office);
    injectedScript().dispatchEvent(new Event("load"));
    await expect(ready).resolves.toEqual({ lang: "zh", dark: true });
  });

  test("a failed download rejects at once, as officeJsFailed", async () => {
    const ready = loadOfficeJs(document, URL, () => undefined);
    injectedScript().dispatchEvent(new Event("error"));
    await expect(ready).rejects.toEqual(new BootError("officeJsFailed"));
  });

  test("a download still pending after the timeout is reported as officeJsTimeout", () => {
    const timer = manualTimer();
    const slow: string[] = [];
    void loadOfficeJs(document, URL, () => undefined, { ...timer, onSlow: (p) => slow.push(p) });
    timer.fire();
    expect(slow).toEqual(["officeJsTimeout"]);
  });

  test("a host that never answers is reported as hostSilent, and a late answer still starts the pane", async () => {
    const timer = manualTimer();
    const slow: string[] = [];
    let answer: (v: unknown) => void = () => undefined;
    const office: OfficeLike = { onReady: () => new Promise((r) => (answer = r)), context: { displayLanguage: "en-US" } };
    const ready = loadOfficeJs(document, URL, () => office, { ...timer, onSlow: (p) => slow.push(p) });
    injectedScript().dispatchEvent(new Event("load"));
    timer.fire();
    expect(slow).toEqual(["hostSilent"]);
    answer({});
    await expect(ready).resolves.toEqual({ lang: "en", dark: false });
  });

  test("the page says why, in Chinese, in an alert that replaces the loading line", () => {
    document.body.innerHTML = '<div id="container"><p id="boot-status" role="status">正在加载…</p></div>';
    showBootProblem(document, "hostSilent", "zh");
    const box = document.getElementById("boot-status");
    expect(box?.getAttribute("role")).toBe("alert");
    expect(box?.textContent).toBe(BOOT_MESSAGES.zh.hostSilent);
    expect(box?.textContent).toContain("Excel 在 10 秒内没有应答");
  });

  test("the office.js URL comes from the page's meta tag", () => {
    document.head.innerHTML = `<meta name="indicator-checker:office-js" content="office-js/office.js">`;
    expect(officeJsUrlOf(document)).toBe("office-js/office.js");
    document.head.innerHTML = "";
    expect(officeJsUrlOf(document)).toBeUndefined();
  });
});

test("every boot message exists in both languages", () => {
  expect(Object.keys(BOOT_MESSAGES.en).sort()).toEqual(Object.keys(BOOT_MESSAGES.zh).sort());
  for (const text of [...Object.values(BOOT_MESSAGES.zh), ...Object.values(BOOT_MESSAGES.en)]) expect(text.length).toBeGreaterThan(20);
});
