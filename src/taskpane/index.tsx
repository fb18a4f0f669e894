import { FluentProvider, makeStaticStyles, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/model";
import {
  BootError,
  type BootProblem,
  clearBootStatus,
  detectStart,
  langOf,
  loadOfficeJs,
  type OfficeLike,
  officeJsUrlOf,
  probeWindow,
  showBootProblem,
} from "./bootstrap";

/**
 * Entry of taskpane.html. Inside Office: office.js, then the Excel host and <App>; outside:
 * the file host and <FileModeApp>. Each side's modules load by import(), so file mode fetches
 * no Office code and Excel fetches neither exceljs nor the file-mode UI.
 */

// A CSP-safe page reset (Griffel inserts it through CSSOM): no margin, so 100vh layouts fit.
const usePageStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0, height: "100%" },
});

function Page({ dark, children }: { dark: boolean; children: ReactNode }) {
  usePageStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}

function mount(node: ReactNode, dark: boolean): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  clearBootStatus(document);
  container.replaceChildren();
  createRoot(container).render(
    <StrictMode>
      <Page dark={dark}>{node}</Page>
    </StrictMode>,
  );
}

async function startInOffice(officeJsUrl: string, bootLang: Lang): Promise<void> {
  const office = await loadOfficeJs(document, officeJsUrl, () => (globalThis as { Office?: OfficeLike }).Office, {
    onSlow: (problem) => showBootProblem(document, problem, bootLang),
  });
  const [{ createExcelHost }, { App }] = await Promise.all([
    import(/* webpackChunkName: "excel-host" */ "../excel/excelHost"),
    import(/* webpackChunkName: "excel-pane" */ "./components/App"),
  ]);
  mount(<App host={createExcelHost()} lang={office.lang} />, office.dark);
}

async function startFileMode(lang: Lang): Promise<void> {
  const [{ createFileHost }, { FileModeApp }] = await Promise.all([
    import(/* webpackChunkName: "file-host" */ "../workbook/fileHost"),
    import(/* webpackChunkName: "file-pane" */ "./components/FileModeApp"),
  ]);
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  mount(<FileModeApp host={createFileHost()} lang={lang} />, dark);
}

async function main(): Promise<void> {
  const probe = probeWindow(window);
  const start = detectStart(probe);
  const bootLang = langOf(start.mode === "office" ? (start.hostLocale ?? probe.navigatorLanguage) : probe.navigatorLanguage);
  try {
    if (start.mode === "office") {
      const url = officeJsUrlOf(document);
      if (url === undefined) throw new BootError("officeJsFailed");
      await startInOffice(url, bootLang);
    } else {
      await startFileMode(bootLang);
    }
  } catch (e) {
    // A failed office.js or chunk download: say so on the page rather than stay blank.
    const problem: BootProblem = e instanceof BootError ? e.problem : "pageFailed";
    showBootProblem(document, problem, bootLang);
    throw e;
  }
}

void main();
