import { saveBytes } from "../app/download";
import { localTimeText } from "../app/localTime";
import { tableFailureMessage } from "../core/messages/tableFailures";
import { cellText } from "../core/table/cellText";
import { toA1, tryParseA1 } from "../core/table/address";
import { combineFixes } from "../core/clean/applyFixEdits";
import { HostError, type AppliedFixes, type Host, type HostRun, type Progress, type Settings } from "../app/host";
import type { CellValue, CheckOptions, Issue, Lang } from "../core/model";
import type { CellEdit } from "../core/plan";
import { en } from "../taskpane/i18n/en";
import type { UiStrings } from "../taskpane/i18n/strings";
import { zhCN } from "../taskpane/i18n/zh-CN";
import type {
  CellChange,
  CheckFailure,
  CheckResult,
  CheckSession,
  FileSheet,
  OpenResult,
  OutputKind,
  OutputResult,
  RowsResult,
  WorkerFailure,
  WorkerRequest,
  WorkerResponse,
} from "./check.worker";
import { badFileMessage, outputUnwritableMessage } from "./messages";

export type { FileSheet } from "./check.worker";

/**
 * The Host of the browser file mode (plain browsers, WPS users): an .xlsx opened from disk,
 * checked by the same engine as the add-in and the command line, in a Web Worker. The file
 * never leaves the browser: no upload, no network call; downloads are Blob URLs.
 * exceljs lives in the worker bundle (or, without Worker support, in a chunk loaded by
 * dynamic import()), never in the page's first paint.
 */

/** The chosen sheet's values for the preview grid (the same arrays the engine reads). */
export interface GridData {
  sheet: string;
  values: CellValue[][];
  columnCount: number;
  originRowIndex: number;
  originColumnIndex: number;
}

export interface FileHost extends Host {
  readonly kind: "file";
  /** Language of the messages the host words itself (bad file, no table). */
  setLang(lang: Lang): void;
  /** Read a workbook; resolves with its sheets. A bad file rejects with HostError("badFile"). */
  openFile(file: Blob | ArrayBuffer | Uint8Array, name: string): Promise<FileSheet[]>;
  fileName(): string | undefined;
  sheets(): readonly FileSheet[];
  /** Load a sheet's values for the grid; the next check checks it. */
  chooseSheet(name: string): Promise<void>;
  chosenSheet(): string | undefined;
  snapshot(): GridData | undefined;
  selectedCell(): { sheet: string; address: string } | undefined;
  /** Grid data, selection or fixes changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** A counter bumped on every change, for useSyncExternalStore. */
  version(): number;
  /** Each resolves with the downloaded file's name. */
  downloadCleaned(): Promise<string>;
  downloadAnnotated(): Promise<string>;
  downloadJson(): Promise<string>;
  dispose(): void;
}

/** How the page talks to the engine: a Worker, or the same session run in the page. */
interface Channel {
  post(request: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
  onProgress?: (p: Progress) => void;
  onRows?: (start: number, rows: CellValue[][]) => void;
  onIssues?: (issues: Issue[]) => void;
}

export interface FileHostOptions {
  /** Where settings persist between visits (defaults to localStorage when there is one). */
  storage?: Pick<Storage, "getItem" | "setItem">;
  /** Start the engine; defaults to the bundled Web Worker, or the in-page session. */
  startEngine?: (onMessage: (response: WorkerResponse) => void, onCrash: (message: string) => void) => Promise<Channel>;
  /** Save a download; defaults to a Blob URL clicked through an <a download>. */
  save?: (bytes: Uint8Array, fileName: string, mime: string) => void;
  now?: () => Date;
}

const SETTINGS_KEY = "indicator-checker.settings.v1";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";
const CATALOGS: Record<Lang, UiStrings> = { zh: zhCN, en };

export function createFileHost(options: FileHostOptions = {}): FileHost {
  const storage = options.storage ?? (typeof localStorage !== "undefined" ? localStorage : undefined);
  const startEngine = options.startEngine ?? defaultEngine;
  const save = options.save ?? saveBytes;
  const now = options.now ?? (() => new Date());

  let lang: Lang = "zh";
  let bytes: ArrayBuffer | undefined;
  let name: string | undefined;
  let sheetList: FileSheet[] = [];
  let grid: GridData | undefined;
  let selected: { sheet: string; address: string } | undefined;
  let version = 0;
  /** The options of the last check, so downloads describe what the user saw. */
  let lastOptions: CheckOptions = {};
  /** Cells fixed since the file was opened: replayed into a restarted engine. */
  const changes = new Map<string, CellChange>();
  /** Cells fixed since the last check: their issues' spans point into older text. */
  const changedSinceCheck = new Set<string>();
  const listeners = new Set<() => void>();
  const selectionListeners = new Set<(sheet: string, address: string) => void>();

  let channel: Promise<Channel> | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const t = () => CATALOGS[lang];
  const notify = () => {
    version++;
    for (const l of listeners) l();
  };

  function onMessage(response: WorkerResponse) {
    const p = pending.get(response.id);
    if (!p) return;
    switch (response.type) {
      case "progress":
        p.onProgress?.(response.progress);
        return;
      case "rows":
        p.onRows?.(response.start, response.rows);
        return;
      case "issues":
        p.onIssues?.(response.issues);
        return;
      case "done":
        pending.delete(response.id);
        p.resolve(response.result);
        return;
      case "failed":
        pending.delete(response.id);
        p.reject(toHostError(response.error, t()));
        return;
    }
  }

  function onCrash(message: string) {
    restart(new HostError("unknown", t().unexpectedError(message)));
  }

  /** The engine, started (and the file reloaded into it) on first use after a cancel. */
  function engine(): Promise<Channel> {
    if (!channel) {
      const starting = startEngine(onMessage, onCrash).then(async (c) => {
        if (bytes && name !== undefined) {
          await send<OpenResult>(c, { type: "open", id: nextId++, bytes: bytes.slice(0), name });
          if (changes.size > 0) await send(c, { type: "change", id: nextId++, changes: [...changes.values()] });
        }
        return c;
      });
      channel = starting;
      starting.catch(() => {
        if (channel === starting) channel = undefined;
      });
    }
    return channel;
  }

  function send<R>(c: Channel, request: WorkerRequest, handlers: Omit<Pending, "resolve" | "reject"> = {}, transfer?: Transferable[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      pending.set(request.id, { resolve: (r) => resolve(r as R), reject, ...handlers });
      c.post(request, transfer);
    });
  }

  /** Cancel: stop the engine mid-work. The next request starts a fresh one. */
  function restart(reason: HostError) {
    const old = channel;
    channel = undefined;
    void old?.then((c) => c.terminate(), () => undefined);
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(reason);
    }
  }

  async function request<R>(make: (id: number) => WorkerRequest, handlers: Omit<Pending, "resolve" | "reject"> = {}, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) throw new HostError("cancelled", t().checkCancelled);
    const c = await engine();
    const onAbort = () => restart(new HostError("cancelled", t().checkCancelled));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await send<R>(c, make(nextId++), handlers);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  function requireSheet(): string {
    if (!grid) throw new HostError("noTable", t().noFileOpen);
    return grid.sheet;
  }

  function cellValue(rowIndex: number, columnIndex: number): CellValue {
    if (!grid) return null;
    return grid.values[rowIndex - grid.originRowIndex]?.[columnIndex - grid.originColumnIndex] ?? null;
  }

  function setCell(rowIndex: number, columnIndex: number, text: string) {
    if (!grid) return;
    const r = rowIndex - grid.originRowIndex;
    while (grid.values.length <= r) grid.values.push([]);
    const row = grid.values[r];
    if (row) row[columnIndex - grid.originColumnIndex] = text;
    grid.columnCount = Math.max(grid.columnCount, columnIndex - grid.originColumnIndex + 1);
  }

  async function pushChanges(list: CellChange[]) {
    for (const c of list) {
      changes.set(`${c.sheet}\u0001${c.rowIndex},${c.columnIndex}`, c);
      changedSinceCheck.add(`${c.sheet}\u0001${toA1(c.rowIndex, c.columnIndex)}`);
    }
    notify();
    await request((id) => ({ type: "change", id, changes: list }));
  }

  async function download(output: OutputKind, suffix: string, extension: string, mime: string): Promise<string> {
    const sheet = requireSheet();
    const result = await request<OutputResult>((id) => ({ type: "output", id, output, lang, generatedAt: localTimeText(now()), sheet, options: lastOptions }));
    const bytes = new Uint8Array(result.bytes);
    // An .xlsm's outputs keep its macros: named .xlsx, Excel would refuse to open them.
    const macros = extension === ".xlsx" && hasVbaProject(bytes);
    const fileName = `${baseName(name ?? "workbook")}-${suffix}${macros ? ".xlsm" : extension}`;
    save(bytes, fileName, macros ? XLSM_MIME : mime);
    return fileName;
  }

  const host: FileHost = {
    kind: "file",

    setLang(next) {
      lang = next;
    },

    async openFile(file, fileName) {
      const buffer = file instanceof ArrayBuffer ? file : file instanceof Uint8Array ? copyBuffer(file) : await readBlob(file);
      // A new file: forget the old one, its fixes and its engine state.
      restart(new HostError("cancelled", t().checkCancelled));
      bytes = buffer;
      name = fileName;
      sheetList = [];
      grid = undefined;
      selected = undefined;
      changes.clear();
      changedSinceCheck.clear();
      notify();
      try {
        // engine() opens the file in a fresh engine; its answer carries the sheets.
        const c = await startEngine(onMessage, onCrash);
        channel = Promise.resolve(c);
        const opened = await send<OpenResult>(c, { type: "open", id: nextId++, bytes: buffer.slice(0), name: fileName });
        sheetList = opened.sheets;
      } catch (e) {
        bytes = undefined;
        name = undefined;
        restart(new HostError("cancelled", t().checkCancelled));
        throw e;
      }
      notify();
      return sheetList;
    },

    fileName: () => name,
    sheets: () => sheetList,
    chosenSheet: () => grid?.sheet,
    snapshot: () => grid,
    selectedCell: () => selected,
    version: () => version,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async chooseSheet(sheet) {
      const values: CellValue[][] = [];
      const result = await request<RowsResult>((id) => ({ type: "rows", id, sheet }), {
        onRows: (start, rows) => {
          for (let i = 0; i < rows.length; i++) values[start + i] = rows[i] ?? [];
        },
      });
      grid = { sheet, values, columnCount: result.columnCount, originRowIndex: 0, originColumnIndex: 0 };
      selected = undefined;
      changedSinceCheck.clear();
      notify();
    },

    async check(settings: Settings, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<HostRun> {
      const sheet = requireSheet();
      if (settings.options.lang) lang = settings.options.lang;
      lastOptions = settings.options;
      const issues: Issue[] = [];
      const result = await request<CheckResult>(
        (id) => ({ type: "check", id, sheet, options: settings.options }),
        { onProgress, onIssues: (chunk) => issues.push(...chunk) },
        signal,
      );
      changedSinceCheck.clear();
      const failures = result.failures.map((f) => ({ sheet: f.sheet, message: failureText(f.failure, f.sheet, t()) }));
      const run: HostRun = { ...result.run, report: { ...result.run.report, issues }, failures };
      notify();
      return run;
    },

    async selectCell(sheet, address) {
      selected = { sheet, address };
      for (const l of selectionListeners) l(sheet, address);
      notify();
    },

    onSelectionChanged(listener) {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },

    // The grid colours flagged cells from the issues; there is no fill to remove in the file.
    async clearMarks() {},

    async writeSummary(_run: HostRun) {
      await download("annotated", "已标注", ".xlsx", XLSX_MIME);
    },

    async exportCleaned(_settings: Settings) {
      await download("cleaned", "清洗后", ".xlsx", XLSX_MIME);
    },

    downloadCleaned: () => download("cleaned", "清洗后", ".xlsx", XLSX_MIME),
    downloadAnnotated: () => download("annotated", "已标注", ".xlsx", XLSX_MIME),
    downloadJson: () => download("json", "校验报告", ".json", "application/json"),

    async previewFixes(issues) {
      return previewEdits(issues, grid, changedSinceCheck, cellValue);
    },

    async applyFixes(edits) {
      const applied: CellEdit[] = [];
      for (const edit of edits) {
        if (edit.sheet !== grid?.sheet) continue;
        // The user's text wins: a cell that changed since the preview is left alone.
        if (cellText(cellValue(edit.rowIndex, edit.columnIndex)) !== edit.before) continue;
        setCell(edit.rowIndex, edit.columnIndex, edit.after);
        applied.push(edit);
      }
      if (applied.length > 0) await pushChanges(applied.map((e) => ({ sheet: e.sheet, rowIndex: e.rowIndex, columnIndex: e.columnIndex, text: e.after })));
      return { edits: applied };
    },

    async undoFixes(applied: AppliedFixes) {
      const undone: CellChange[] = [];
      for (const edit of applied.edits) {
        if (edit.sheet !== grid?.sheet) continue;
        if (cellText(cellValue(edit.rowIndex, edit.columnIndex)) !== edit.after) continue;
        setCell(edit.rowIndex, edit.columnIndex, edit.before);
        undone.push({ sheet: edit.sheet, rowIndex: edit.rowIndex, columnIndex: edit.columnIndex, text: edit.before });
      }
      if (undone.length > 0) await pushChanges(undone);
    },

    async loadSettings() {
      const text = storage?.getItem(SETTINGS_KEY);
      if (!text) return undefined;
      try {
        const parsed = JSON.parse(text) as Partial<Settings>;
        if (typeof parsed !== "object" || parsed === null || typeof parsed.options !== "object") return undefined;
        return { options: parsed.options ?? {}, highlight: parsed.highlight !== false };
      } catch {
        // A hand-edited or truncated entry: start from the defaults.
        return undefined;
      }
    },

    async saveSettings(settings) {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    },

    dispose() {
      restart(new HostError("cancelled", t().checkCancelled));
      listeners.clear();
      selectionListeners.clear();
    },
  };
  return host;
}

// ---------------------------------------------------------------------------------------

/** The edits the fixes of `issues` make to the chosen sheet's cells, one per cell: all of a
 * cell's fixes applied together (their spans all point into the checked text). A fix whose
 * span overlaps an earlier one of the same cell is left for the next check. */
export function previewEdits(
  issues: readonly Issue[],
  grid: GridData | undefined,
  changedSinceCheck: ReadonlySet<string>,
  cellValue: (rowIndex: number, columnIndex: number) => CellValue,
): CellEdit[] {
  if (!grid) return [];
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!issue.fix || issue.sheet !== grid.sheet || changedSinceCheck.has(`${issue.sheet}\u0001${issue.cell}`)) continue;
    const list = byCell.get(issue.cell) ?? [];
    list.push(issue);
    byCell.set(issue.cell, list);
  }
  const out: CellEdit[] = [];
  for (const [cell, cellIssues] of byCell) {
    const at = tryParseA1(cell);
    if (!at) continue;
    const value = cellValue(at.rowIndex, at.columnIndex);
    if (typeof value !== "string") continue;
    const { text: after, codes } = combineFixes(value, cellIssues);
    if (after !== value) out.push({ sheet: grid.sheet, cell, rowIndex: at.rowIndex, columnIndex: at.columnIndex, before: value, after, codes });
  }
  return out.sort((a, b) => a.rowIndex - b.rowIndex || a.columnIndex - b.columnIndex);
}

function toHostError(error: WorkerFailure, t: UiStrings): HostError {
  switch (error.kind) {
    case "badFile":
      return new HostError("badFile", badFileMessage(error.badFile, t === en ? "en" : "zh"));
    case "noTable":
      return new HostError("noTable", failureText(error.failure, "", t));
    case "unwritable":
      return new HostError("unwritable", `${outputUnwritableMessage(t === en ? "en" : "zh")}${t === en ? "." : "。"}`);
    case "unknown":
      return new HostError("unknown", t.unexpectedError(error.message));
  }
}

/** The core's wording, plus where the pane lets the user fix it. */
function failureText(failure: CheckFailure, sheet: string, t: UiStrings): string {
  const text = tableFailureMessage(failure, t === en ? "en" : "zh", sheet);
  return failure.kind === "noHeader" || failure.kind === "noIndicatorColumn" || failure.kind === "noProjectColumn" ? `${text}${t.tableSettingsHint}` : text;
}

/** `预算表.xlsx` → `预算表`; the downloads are named `预算表-清洗后.xlsx` like the CLI's. */
function baseName(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm|xls|json)$/i, "");
}


/** The zip entry name of a workbook's VBA project, as bytes. */
const VBA_PROJECT = new TextEncoder().encode("xl/vbaProject.bin");

/** Whether a workbook package holds a VBA project (its entry name appears in the zip): the
 * outputs are the input's parts patched, so an .xlsm's keep its macros and its content type. */
function hasVbaProject(bytes: Uint8Array): boolean {
  const first = VBA_PROJECT[0] as number;
  const last = bytes.length - VBA_PROJECT.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < VBA_PROJECT.length; k++) if (bytes[i + k] !== VBA_PROJECT[k]) continue outer;
    return true;
  }
  return false;
}

function copyBuffer(view: Uint8Array): ArrayBuffer {
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}

function readBlob(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === "function") return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(blob);
  });
}


/** The bundled worker (see startCheckWorker.ts); without Worker support the same session
 * runs in the page. Both load by import(), so exceljs never weighs on the first paint. */
async function defaultEngine(onMessage: (response: WorkerResponse) => void, onCrash: (message: string) => void): Promise<Channel> {
  if (typeof Worker !== "undefined") {
    const { startCheckWorker } = await import("../taskpane/workers/startCheckWorker");
    const worker = startCheckWorker();
    worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => onMessage(event.data));
    // The worker died (out of memory on a huge file, a script that failed to load).
    worker.addEventListener("error", (event: ErrorEvent) => onCrash(event.message || "worker error"));
    return { post: (request, transfer) => worker.postMessage(request, transfer ?? []), terminate: () => worker.terminate() };
  }
  const { createCheckSession } = await import("./check.worker");
  return inPageChannel(createCheckSession, onMessage);
}

/** The session in the page: answers are delivered one task at a time, like a worker's. */
export function inPageChannel(
  create: (post: (response: WorkerResponse) => void) => CheckSession,
  onMessage: (response: WorkerResponse) => void,
): Channel {
  let alive = true;
  // Copied both ways, as postMessage copies: the page's rows and the session's must not be one
  // array, or a fix the page writes would reach the session before its `change` does (and the
  // session would take the fixed text for the file's).
  const session = create((response) => {
    const copy = structuredClone(response);
    setTimeout(() => {
      if (alive) onMessage(copy);
    }, 0);
  });
  return {
    post: (request) => void session.handle(structuredClone(request)),
    terminate: () => {
      alive = false;
    },
  };
}
