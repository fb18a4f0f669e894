import { HostError, type HostErrorKind } from "../../app/host";
import type { UiStrings } from "../i18n";

/** What the message bar shows: a Fluent intent, an optional bold title and one line. */
export type MessageIntent = "success" | "info" | "warning" | "error";

/** A text, or how to word it in the pane's language when it is shown: a message made just
 * before the language changes (设置已保存。 on choosing English) then reads in the new one. */
export type PaneText = string | ((t: UiStrings) => string);

export function paneText(text: PaneText, t: UiStrings): string {
  return typeof text === "function" ? text(t) : text;
}

export interface PaneMessage {
  intent: MessageIntent;
  title?: string;
  text: PaneText;
  /** Set for host failures, so tests and styles can tell them apart. */
  kind?: HostErrorKind;
}

/** How serious each host failure is for the user: things they can fix in a moment
 * (leave cell edit, select a range) warn; things that stop the work are errors. */
const INTENT: Record<HostErrorKind, MessageIntent> = {
  cellEditMode: "warning",
  protectedSheet: "error",
  protectedWorkbook: "error",
  unsupportedApi: "error",
  payloadTooLarge: "warning",
  notRange: "warning",
  readOnly: "warning",
  nameTaken: "warning",
  noTable: "warning",
  badFile: "error",
  unwritable: "error",
  cancelled: "info",
  unknown: "error",
};

export function isCancellation(e: unknown): boolean {
  return (e instanceof HostError && e.kind === "cancelled") || (e instanceof Error && e.name === "AbortError");
}

/** A failure as the user sees it: HostErrors carry their own localised text; anything else is
 * our bug, shown as one line (its message), never a stack trace. */
export function messageForError(e: unknown, t: UiStrings): PaneMessage {
  if (isCancellation(e)) return { intent: "info", text: t.checkCancelled, kind: "cancelled" };
  if (e instanceof HostError) return { intent: INTENT[e.kind], title: t.errorTitle[e.kind], text: e.message, kind: e.kind };
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: "error", title: t.errorTitle.unknown, text: t.unexpectedError(firstLine(detail)), kind: "unknown" };
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
