import type { Lang } from "../core/model";

/**
 * How the task pane page starts. The same taskpane.html serves Excel (inside Office) and the
 * browser file mode (plain browsers, WPS). office.js is injected only when the page runs inside
 * Office, judged by the marks office.js itself reads (office.debug.js `_retrieveHostInfo`,
 * OSF.OUtil.parseXdmInfo, the WebView2/WKWebView bridges); outside Office no office.js is
 * fetched at all, so file mode works offline and sends nothing to Microsoft.
 */

/** What the page can see of its surroundings: `probeWindow(window)` in the browser, plain objects in tests. */
export interface PageProbe {
  search: string;
  hash: string;
  windowName: string;
  /** sessionStorage's "hostInfoValue", which office.js keeps across reloads of the pane. */
  storedHostInfo: string | undefined;
  framed: boolean;
  /** Office on Windows (WebView2) exposes window.chrome.webview. */
  webview2: boolean;
  /** Office on Mac and iPad (WKWebView) registers the "Agave" message handler. */
  webkitAgave: boolean;
  /** Older Office on Windows (IE/EdgeHTML controls) answers window.external.GetContext(). */
  externalContext: boolean;
  navigatorLanguage: string | undefined;
}

/** Which mark said "inside Office"; tests and the boot log name it. */
export type OfficeSignal = "hostInfoQuery" | "hostInfoWindowName" | "hostInfoStored" | "xdmInfo" | "webview2" | "webkitAgave" | "externalContext";

export type StartMode = { mode: "office"; signal: OfficeSignal; hostLocale: string | undefined } | { mode: "file" };

/** `?_host_Info=Excel$Win32$16.01$zh-CN$…`: value up to the next & or #, as office.js reads it. */
const HOST_INFO_QUERY = /[?&]_host_Info=([^&#]*)/;
/** `#…&_xdm_Info=…` in the fragment: Office on the web's cross-frame channel. */
const XDM_INFO_HASH = /&_xdm_Info=/;

function jsonWindowName(name: string): Record<string, unknown> | undefined {
  if (!name.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(name);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The host info string (`Excel$Win32$16.01$zh-CN$…`, or with `|`) wherever office.js would find it. */
function hostInfoOf(probe: PageProbe): { value: string; signal: OfficeSignal } | undefined {
  const query = HOST_INFO_QUERY.exec(probe.search)?.[1];
  if (query) return { value: safeDecode(query), signal: "hostInfoQuery" };
  const fromName = nonEmptyString(jsonWindowName(probe.windowName)?.["hostInfo"]);
  if (fromName) return { value: safeDecode(fromName), signal: "hostInfoWindowName" };
  if (probe.storedHostInfo) return { value: safeDecode(probe.storedHostInfo), signal: "hostInfoStored" };
  return undefined;
}

/** The fourth field of the host info is Office's UI locale ("zh-CN"). */
function hostLocaleOf(hostInfo: string): string | undefined {
  const fields = hostInfo.includes("$") ? hostInfo.split("$") : hostInfo.split("|");
  return nonEmptyString(fields[3]);
}

/**
 * Inside Office or not. A parent frame alone does not count: Office on the web always passes
 * `_host_Info`/`_xdm_Info`, and a plain page embedded in an intranet portal must stay in file mode
 * (office.js itself blanks a framed page that has no host info).
 */
export function detectStart(probe: PageProbe): StartMode {
  const hostInfo = hostInfoOf(probe);
  if (hostInfo) return { mode: "office", signal: hostInfo.signal, hostLocale: hostLocaleOf(hostInfo.value) };
  const windowName = jsonWindowName(probe.windowName);
  const xdm = XDM_INFO_HASH.test(probe.hash) || nonEmptyString(windowName?.["xdmInfo"]) !== undefined;
  if (xdm) return { mode: "office", signal: "xdmInfo", hostLocale: undefined };
  if (probe.webview2) return { mode: "office", signal: "webview2", hostLocale: undefined };
  if (probe.webkitAgave) return { mode: "office", signal: "webkitAgave", hostLocale: undefined };
  if (probe.externalContext) return { mode: "office", signal: "externalContext", hostLocale: undefined };
  return { mode: "file" };
}

interface BridgeWindow {
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: { Agave?: unknown } };
  external?: { GetContext?: unknown };
}

/** Reads the marks off a real window; every access guarded (sandboxed frames throw on storage). */
export function probeWindow(w: Window): PageProbe {
  const bridges = w as unknown as BridgeWindow;
  let storedHostInfo: string | undefined;
  try {
    storedHostInfo = w.sessionStorage.getItem("hostInfoValue") ?? undefined;
  } catch {
    storedHostInfo = undefined;
  }
  let framed: boolean;
  try {
    framed = w.parent !== w;
  } catch {
    framed = true;
  }
  let externalContext = false;
  try {
    externalContext = typeof bridges.external?.GetContext !== "undefined";
  } catch {
    externalContext = false;
  }
  return {
    search: w.location.search,
    hash: w.location.hash,
    windowName: w.name,
    storedHostInfo,
    framed,
    webview2: bridges.chrome?.webview !== undefined,
    webkitAgave: bridges.webkit?.messageHandlers?.Agave !== undefined,
    externalContext,
    navigatorLanguage: w.navigator.language,
  };
}

/** zh, zh-CN, zh-Hans-CN, zh-TW → zh; anything else → en; unknown → zh (our users are Chinese). */
export function langOf(locale: string | undefined): Lang {
  if (locale === undefined || locale === "") return "zh";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** `#RRGGBB` or `#RGB` → whether the colour is dark (relative luminance below one half). */
export function isDarkColor(color: string | undefined): boolean {
  // "#1f1f1f" → [1f,1f,1f]; "#222" → [22,22,22]
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color?.trim() ?? "")?.[1];
  if (hex === undefined) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.5;
}

// ---- loading office.js ----------------------------------------------------------------

export type BootProblem = "officeJsFailed" | "officeJsTimeout" | "hostSilent" | "pageFailed";

/** The page's own messages, shown before React (and the UI catalogs) have loaded. */
export const BOOT_MESSAGES: Record<Lang, Record<BootProblem, string>> = {
  zh: {
    officeJsFailed:
      "无法加载 office.js（Office 加载项的脚本库）。请检查能否访问 appsforoffice.microsoft.com；内网环境请让管理员以 OFFICE_JS=self 重新构建，改从本站点加载 office.js。",
    officeJsTimeout:
      "10 秒内未能加载 office.js（Office 加载项的脚本库），网络可能过慢或被拦截。请检查网络后关闭并重新打开校验面板；内网环境请让管理员以 OFFICE_JS=self 重新构建。",
    hostSilent: "office.js 已加载，但 Excel 在 10 秒内没有应答。请关闭并重新打开校验面板；如果仍然如此，请重启 Excel。",
    pageFailed: "校验面板的页面文件加载失败，可能是网络中断或站点正在更新。请刷新页面或重新打开校验面板。",
  },
  en: {
    officeJsFailed:
      "office.js (the Office add-in library) could not be loaded. Check that appsforoffice.microsoft.com is reachable; on an intranet, ask the administrator to rebuild with OFFICE_JS=self to serve office.js from this site.",
    officeJsTimeout:
      "office.js (the Office add-in library) did not load within 10 seconds; the network may be slow or blocked. Check the network, then close and reopen the pane; on an intranet, ask the administrator to rebuild with OFFICE_JS=self.",
    hostSilent: "office.js has loaded, but Excel did not answer within 10 seconds. Close and reopen the pane; if this keeps happening, restart Excel.",
    pageFailed: "The pane's page files failed to load; the network may have dropped or the site is being updated. Refresh the page or reopen the pane.",
  },
};

export class BootError extends Error {
  constructor(readonly problem: BootProblem) {
    super(problem);
    this.name = "BootError";
  }
}

/** What the pane needs from Office once it is ready. */
export interface OfficeReady {
  lang: Lang;
  dark: boolean;
}

/** The slice of office.js the bootstrap uses. */
export interface OfficeLike {
  onReady(): Promise<unknown>;
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

export interface OfficeLoadOptions {
  /** Defaults to 10 s: the pane then explains why it is still blank. */
  timeoutMs?: number;
  /** Called once when the timeout passes without Office answering; loading goes on regardless. */
  onSlow?: (problem: BootProblem) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const OFFICE_READY_TIMEOUT_MS = 10_000;

/**
 * Injects office.js and waits for Office.onReady. A failed download rejects at once; a silent
 * one calls `onSlow` after the timeout and keeps waiting, so a slow host still ends up ready.
 */
export function loadOfficeJs(doc: Document, url: string, getOffice: () => OfficeLike | undefined, options: OfficeLoadOptions = {}): Promise<OfficeReady> {
  const timeoutMs = options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  return new Promise<OfficeReady>((resolve, reject) => {
    let scriptLoaded = false;
    let settled = false;
    const timer = setTimer(() => {
      if (!settled) options.onSlow?.(scriptLoaded ? "hostSilent" : "officeJsTimeout");
    }, timeoutMs);
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimer(timer);
      outcome();
    };
    const script = doc.createElement("script");
    script.src = url;
    script.addEventListener("error", () => settle(() => reject(new BootError("officeJsFailed"))));
    script.addEventListener("load", () => {
      scriptLoaded = true;
      const office = getOffice();
      if (!office) {
        settle(() => reject(new BootError("officeJsFailed")));
        return;
      }
      office.onReady().then(
        () =>
          settle(() =>
            resolve({
              lang: langOf(office.context?.displayLanguage),
              dark: isDarkColor(office.context?.officeTheme?.bodyBackgroundColor),
            }),
          ),
        () => settle(() => reject(new BootError("hostSilent"))),
      );
    });
    doc.head.appendChild(script);
  });
}

/** The office.js URL the build wrote into the page (see webpack.config.js, OFFICE_JS). */
export function officeJsUrlOf(doc: Document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[name="indicator-checker:office-js"]')?.content || undefined;
}

/** Replaces the page's loading line with a problem, in plain text, announced to screen readers. */
export function showBootProblem(doc: Document, problem: BootProblem, lang: Lang): void {
  const container = doc.getElementById("container") ?? doc.body;
  let box = doc.getElementById("boot-status");
  if (!box) {
    box = doc.createElement("p");
    box.id = "boot-status";
    container.appendChild(box);
  }
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "boot-error");
  box.setAttribute("data-problem", problem);
  box.textContent = BOOT_MESSAGES[lang][problem];
  // CSSOM properties, which the page's CSP allows (a style="" attribute would not be).
  box.style.margin = "16px";
  box.style.fontFamily = "'Microsoft YaHei UI', 'Segoe UI', sans-serif";
  box.style.lineHeight = "1.6";
}

export function clearBootStatus(doc: Document): void {
  doc.getElementById("boot-status")?.remove();
}
