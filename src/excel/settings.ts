import type { Settings } from "../app/host";

/**
 * Settings live in the workbook (`Office.context.document.settings`), so colleagues who open
 * the same file check with the same rules. `saveAsync` persists them with the document.
 */
export const SETTINGS_KEY = "indicatorChecker.settings";

/**
 * Re-reads the settings saved in the document. Each runtime holds its own copy, read when it
 * started: the ribbon command's runtime would otherwise check with the rules the task pane had
 * before the user changed them there. Best effort: a host without refreshAsync, or a refresh
 * that fails, leaves the copy at hand.
 */
export async function refreshDocumentSettings(): Promise<void> {
  const settings = Office.context.document.settings;
  if (typeof settings.refreshAsync !== "function") return;
  await new Promise<void>((resolve) => {
    try {
      settings.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

export function loadDocumentSettings(): Settings | undefined {
  const stored: unknown = Office.context.document.settings.get(SETTINGS_KEY);
  // Stored by us as an object; anything else (hand edits, another version) means defaults.
  if (typeof stored !== "object" || stored === null) return undefined;
  const { options, highlight } = stored as Partial<Settings>;
  if (typeof options !== "object" || options === null) return undefined;
  return { options, highlight: highlight !== false };
}

export async function saveDocumentSettings(settings: Settings): Promise<void> {
  Office.context.document.settings.set(SETTINGS_KEY, { options: settings.options, highlight: settings.highlight });
  await new Promise<void>((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(Object.assign(new Error(result.error?.message ?? "settings.saveAsync failed"), { code: String(result.error?.code ?? "") }));
    });
  });
}
