import type { Severity } from "../core/model";
import { readDialogUrl } from "./dialogModel";
import { DIALOG_STRINGS } from "./messages";

/**
 * The ribbon command's result dialog (dialog.html): counts after 一键校验, or why it could not
 * run. Plain DOM, no React: it must appear at once. Text goes in through textContent only (the
 * message arrives in the URL). OK tells the command page to close it (messageParent "close").
 */

/** The two calls this page makes; looked up at run time, as the page may be opened without office.js in tests. */
interface DialogOffice {
  onReady(): Promise<unknown>;
  context: { ui: { messageParent(message: string): void } };
}
const office = (): DialogOffice | undefined => (globalThis as { Office?: DialogOffice }).Office;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function render(): void {
  const content = readDialogUrl(window.location.search);
  const t = DIALOG_STRINGS[content.lang];
  document.documentElement.lang = content.lang === "zh" ? "zh-CN" : "en";
  const root = document.getElementById("dialog");
  if (!root) return;
  root.replaceChildren();
  root.appendChild(element("h1", "title", content.kind === "done" ? t.doneTitle : t.failedTitle));
  if (content.kind === "done") {
    const counts = element("div", "counts");
    for (const severity of ["error", "warning", "info"] as const satisfies readonly Severity[]) {
      const box = element("div", `count ${severity}`);
      box.setAttribute("data-testid", `dialog-count-${severity}`);
      box.appendChild(element("span", "number", String(content.counts[severity])));
      box.appendChild(element("span", "label", t[severity]));
      counts.appendChild(box);
    }
    root.appendChild(counts);
    if (content.message) root.appendChild(element("p", "message", content.message));
    if (content.highlighted) root.appendChild(element("p", "note", t.highlighted));
    root.appendChild(element("p", "note", t.openPane));
  } else {
    const message = element("p", "message failed", content.message);
    message.setAttribute("role", "alert");
    root.appendChild(message);
  }
  const ok = element("button", "ok", t.ok);
  ok.type = "button";
  ok.addEventListener("click", () => {
    const host = office();
    if (host) host.context.ui.messageParent("close");
    else window.close();
  });
  root.appendChild(ok);
  ok.focus();
}

render();
// messageParent works only once Office has initialised the page.
void office()?.onReady();
