import { HostError, type HostErrorKind } from "../app/host";
import type { Lang } from "../core/model";
import { excelMessages } from "./messages";

/**
 * Office.js failures as the few kinds the task pane knows. Excel reports them as
 * `OfficeExtension.Error` with a string `code`; anything we do not recognise stays `unknown`
 * with Excel's own message, never swallowed.
 */
const KIND_OF_CODE: Readonly<Record<string, HostErrorKind>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "protectedSheet",
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  InvalidSelection: "notRange",
  ApiNotFound: "unsupportedApi",
};

export function errorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function hostError(kind: HostErrorKind, lang: Lang | undefined): HostError {
  return new HostError(kind, excelMessages(lang).error[kind]);
}

export function toHostError(e: unknown, lang: Lang | undefined): HostError {
  if (e instanceof HostError) return e;
  const kind = KIND_OF_CODE[errorCode(e) ?? ""];
  if (kind) return hostError(kind, lang);
  const detail = e instanceof Error ? e.message : String(e);
  return new HostError("unknown", excelMessages(lang).unexpected(detail.split("\n", 1)[0] ?? ""));
}

export interface RunOptions {
  lang?: Lang;
  /** Attempts while Excel stays in cell-edit mode (the user is typing in a cell). */
  attempts?: number;
  /** Wait between attempts, in ms (tests pass 0). */
  retryDelayMs?: number;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_RETRY_DELAY_MS = 700;

/**
 * `Excel.run` for user-triggered work: `delayForCellEdit` asks Excel to wait for the user to
 * leave the cell (ExcelApi 1.11, ignored by older hosts), and older hosts that fail with
 * `InvalidOperationInCellEditMode` get a few bounded retries before the user is told.
 * Every failure leaves as a HostError. The batch must be safe to run again from the start.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  const delay = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      if (errorCode(e) !== "InvalidOperationInCellEditMode" || attempt >= attempts) throw toHostError(e, options.lang);
      await sleep(delay * attempt);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
