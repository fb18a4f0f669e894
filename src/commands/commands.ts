import { HostError } from "../app/host";
import type { Lang } from "../core/model";
import { excelMessages } from "../excel/messages";
import { OneClickFailure, runOneClickCheck, type OneClickResult } from "../excel/oneClick";

/**
 * Ribbon commands. `oneClickCheck` checks the active sheet's table, colours the flagged cells
 * and shows the counts in a small dialog (dialog.html, same origin as this page). The event
 * is completed when the dialog closes, or at once when it cannot open: Office keeps the
 * command "running" until then, and some hosts close the dialog on `completed()`.
 */

export const DIALOG_PAGE = "dialog.html";

/** `dialog.html?e=1&w=2&i=3&h=1&lang=zh&m=…` for a result, `…?kind=protectedSheet&m=…` for a failure. */
export function dialogUrl(base: string, outcome: { result: OneClickResult } | { error: HostError; lang: Lang }): string {
  const url = new URL(DIALOG_PAGE, base);
  if ("result" in outcome) {
    const { counts, message, highlighted, lang } = outcome.result;
    url.searchParams.set("e", String(counts.error));
    url.searchParams.set("w", String(counts.warning));
    url.searchParams.set("i", String(counts.info));
    url.searchParams.set("h", highlighted ? "1" : "0");
    url.searchParams.set("lang", lang);
    url.searchParams.set("m", message);
  } else {
    url.searchParams.set("kind", outcome.error.kind);
    url.searchParams.set("lang", outcome.lang);
    url.searchParams.set("m", outcome.error.message);
  }
  return url.toString();
}

export async function oneClickCheck(event: Office.AddinCommands.Event): Promise<void> {
  let url: string;
  try {
    url = dialogUrl(window.location.href, { result: await runOneClickCheck() });
  } catch (e) {
    // The dialog speaks the language the failure is worded in (runOneClickCheck's).
    const failure = e instanceof OneClickFailure ? e : new OneClickFailure(new HostError("unknown", excelMessages("zh").unexpected(String(e))), "zh");
    url = dialogUrl(window.location.href, { error: failure.error, lang: failure.lang });
  }
  showDialog(url, () => event.completed());
}

function showDialog(url: string, done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  try {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        finish();
        return;
      }
      const dialog = result.value;
      // The page posts "close" from its OK button; the ✕ raises DialogEventReceived.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        finish();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
    });
  } catch {
    // displayDialogAsync itself missing (very old hosts): nothing more to show.
    finish();
  }
}

void Office.onReady(() => {
  // Manifests with <FunctionName>oneClickCheck</FunctionName>: the shared runtime looks the
  // handler up through associate(); older hosts call a global function of that name.
  Office.actions?.associate("oneClickCheck", oneClickCheck);
});
(globalThis as { oneClickCheck?: typeof oneClickCheck }).oneClickCheck = oneClickCheck;
