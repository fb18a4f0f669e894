import { cellText } from "../core/table/cellText";
import type { CheckFailure } from "../core/checkWorkbook";
import { toA1 } from "../core/table/address";
import type { HostRun, Progress } from "../app/host";
import { checkWorkbook, type WorkbookCheck } from "../core/checkWorkbook";
import { planCleaning } from "../core/clean/planCleaning";
import { toJsonReport } from "../core/jsonReport";
import type { CellValue, CheckOptions, Issue, Lang, Report, SheetSnapshot } from "../core/model";
import type { CellEdit } from "../core/plan";
import { detailSheetPlan } from "../core/summary/summaryModel";
import { buildAnnotatedWorkbook } from "./outputs";
import type { BadFileKind } from "./messages";
import { BadWorkbookError, type SheetState, type WorkbookData } from "./workbookData";
import { readXlsx } from "./xlsx/readXlsx";
import { writeCleaned } from "./writeCleaned";

/**
 * The browser file mode's engine, off the UI thread: it holds the workbook, reads it with
 * exceljs, runs the same use-cases as the command line and builds the same downloads.
 * Big answers (rows, issues) go back in chunks so no single message blocks the page long.
 * Cancel = the page terminates this worker. Without Worker support (tests, old browsers) the
 * file host runs the same session in the page (createCheckSession).
 */

export interface FileSheet {
  name: string;
  state: SheetState;
  rowCount: number;
  columnCount: number;
}

/** A cell the user fixed in the page: its new text. */
export interface CellChange {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  text: string;
}

export type OutputKind = "cleaned" | "annotated" | "json";

export type WorkerRequest =
  | { type: "open"; id: number; bytes: ArrayBuffer; name: string }
  | { type: "rows"; id: number; sheet: string }
  | { type: "check"; id: number; sheet: string; options: CheckOptions }
  | { type: "change"; id: number; changes: CellChange[] }
  | { type: "output"; id: number; output: OutputKind; lang: Lang; generatedAt: string; sheet: string; options: CheckOptions };

/** Why a check found nothing to check (the core's failure); the page words it. */
export type { CheckFailure };

export type WorkerFailure =
  | { kind: "badFile"; badFile: BadFileKind }
  | { kind: "noTable"; failure: CheckFailure }
  /** An export no writer can make: the file reads, but exceljs (the patch's fallback) cannot load it. */
  | { kind: "unwritable" }
  | { kind: "unknown"; message: string };

export interface OpenResult {
  sheets: FileSheet[];
}
export interface RowsResult {
  rowCount: number;
  columnCount: number;
}
/** The run without its issues (they came in `issues` chunks) and without the normalized
 * table, which only the JSON download needs and which stays here. */
export interface CheckResult {
  run: HostRun;
  failures: { sheet: string; failure: CheckFailure }[];
}
export interface OutputResult {
  bytes: ArrayBuffer;
}

export type WorkerResponse =
  | { type: "progress"; id: number; progress: Progress }
  | { type: "rows"; id: number; start: number; rows: CellValue[][] }
  | { type: "issues"; id: number; issues: Issue[] }
  | { type: "done"; id: number; result: OpenResult | RowsResult | CheckResult | OutputResult | null }
  | { type: "failed"; id: number; error: WorkerFailure };

export type Post = (response: WorkerResponse, transfer?: Transferable[]) => void;

/** Rows and issues per message: each structured clone stays a few milliseconds. */
export const ROW_CHUNK = 2000;
/** An issue (params, message, fix) clones slower than a row: a smaller chunk keeps each
 * message's deserialisation on the page well under a frame or two. */
export const ISSUE_CHUNK = 1000;
/** Issue chunks per progress message. */
const PROGRESS_EVERY = 20;

export interface CheckSession {
  handle(request: WorkerRequest): Promise<void>;
}

export function createCheckSession(post: Post): CheckSession {
  let bytes: Uint8Array | undefined;
  let fileName = "";
  let data: WorkbookData | undefined;
  /** The text each changed cell held in the file, by sheet then `row,column`. */
  const originals = new Map<string, Map<string, string>>();
  let last: { check: WorkbookCheck; sheet: string; options: CheckOptions; stale: boolean } | undefined;

  const requireData = (): WorkbookData => {
    if (!data) throw new Error("no workbook is open in the check worker");
    return data;
  };
  const sheetByName = (name: string): SheetSnapshot | undefined => requireData().sheets.find((s) => s.name === name);

  function runCheck(sheet: string, options: CheckOptions): WorkbookCheck {
    const check = checkWorkbook(requireData().sheets, options, { file: fileName, sheet });
    last = { check, sheet, options, stale: false };
    return check;
  }

  async function open(id: number, buffer: ArrayBuffer, name: string) {
    bytes = new Uint8Array(buffer);
    fileName = name;
    originals.clear();
    last = undefined;
    post({ type: "progress", id, progress: { phase: "read" } });
    // The fast reader (fflate + one scan per part): the same snapshots as exceljs's load,
    // at a fraction of its time and memory.
    data = readXlsx(bytes);
    if (data.sheets.length === 0) throw new BadWorkbookError("noSheets");
    const sheets: FileSheet[] = data.sheets.map((s, i) => ({
      name: s.name,
      state: data?.info[i]?.state ?? "visible",
      rowCount: s.values.length,
      columnCount: s.values.reduce((n, r) => Math.max(n, r.length), 0),
    }));
    post({ type: "done", id, result: { sheets } });
  }

  function rows(id: number, name: string) {
    const sheet = sheetByName(name);
    if (!sheet) return post({ type: "failed", id, error: { kind: "noTable", failure: { kind: "sheetNotFound" } } });
    for (let start = 0; start < sheet.values.length; start += ROW_CHUNK) {
      post({ type: "rows", id, start, rows: sheet.values.slice(start, start + ROW_CHUNK) });
    }
    const columnCount = sheet.values.reduce((n, r) => Math.max(n, r.length), 0);
    post({ type: "done", id, result: { rowCount: sheet.values.length, columnCount } });
  }

  function check(id: number, sheet: string, options: CheckOptions) {
    post({ type: "progress", id, progress: { phase: "check" } });
    const result = runCheck(sheet, options);
    if (result.checks.length === 0) {
      const failure = result.failures[0]?.failure ?? { kind: "noHeader" };
      return post({ type: "failed", id, error: { kind: "noTable", failure } });
    }
    const issues = result.report.issues;
    for (let start = 0; start < issues.length; start += ISSUE_CHUNK) {
      // Every progress message re-renders the pane: one per ~20,000 issues is enough.
      if (start % (ISSUE_CHUNK * PROGRESS_EVERY) === 0) post({ type: "progress", id, progress: { phase: "write", fraction: start / issues.length } });
      post({ type: "issues", id, issues: issues.slice(start, start + ISSUE_CHUNK) });
    }
    // Field by field, not a spread: the report's normalized table is built on first read
    // (core/check.ts buildReport), and the pane does not need it.
    const { version, file, sheets, counts } = result.report;
    const report: Report = { version, ...(file !== undefined ? { file } : {}), sheets, issues: [], counts, normalized: [] };
    const run: HostRun = { report, failures: [], highlighted: true };
    const failures = result.failures.map((f) => ({ sheet: f.sheet, failure: f.failure }));
    post({ type: "done", id, result: { run, failures } });
  }

  function change(id: number, changes: readonly CellChange[]) {
    for (const c of changes) {
      const sheet = sheetByName(c.sheet);
      if (!sheet) continue;
      const r = c.rowIndex - (sheet.originRowIndex ?? 0);
      const col = c.columnIndex - (sheet.originColumnIndex ?? 0);
      while (sheet.values.length <= r) sheet.values.push([]);
      const row = sheet.values[r];
      if (!row) continue;
      const byCell = originals.get(c.sheet) ?? new Map<string, string>();
      const key = `${c.rowIndex},${c.columnIndex}`;
      if (!byCell.has(key)) byCell.set(key, cellText(row[col] ?? null));
      originals.set(c.sheet, byCell);
      row[col] = c.text;
    }
    if (last) last.stale = true;
    post({ type: "done", id, result: null });
  }

  /** The cleaner plans from the cells as the user left them; the file still holds the
   * original texts, so each planned edit's `before` is the original, and cells the user
   * fixed that need no further cleaning still get the user's text. */
  function composeCleaning(check: WorkbookCheck) {
    const plan = planCleaning(check.checks);
    const planned = new Set(plan.edits.map((e) => `${e.sheet}\u0001${e.rowIndex},${e.columnIndex}`));
    const edits: CellEdit[] = plan.edits.map((e) => {
      const original = originals.get(e.sheet)?.get(`${e.rowIndex},${e.columnIndex}`);
      return original !== undefined ? { ...e, before: original } : e;
    });
    for (const e of userEdits()) if (!planned.has(`${e.sheet}\u0001${e.rowIndex},${e.columnIndex}`)) edits.push(e);
    return { edits, removeRowIndexes: plan.removeRowIndexes };
  }

  /** The cells the user changed (fixes applied in the pane), original text to text now. */
  function userEdits(): CellEdit[] {
    const edits: CellEdit[] = [];
    for (const [sheetName, byCell] of originals) {
      const sheet = sheetByName(sheetName);
      if (!sheet) continue;
      for (const [key, before] of byCell) {
        const [rowIndex = 0, columnIndex = 0] = key.split(",").map(Number);
        const after = cellText(sheet.values[rowIndex - (sheet.originRowIndex ?? 0)]?.[columnIndex - (sheet.originColumnIndex ?? 0)] ?? null);
        if (after !== before) edits.push({ sheet: sheetName, cell: toA1(rowIndex, columnIndex), rowIndex, columnIndex, before, after, codes: [] });
      }
    }
    return edits;
  }

  async function output(id: number, kind: OutputKind, lang: Lang, generatedAt: string, sheet: string, options: CheckOptions) {
    if (!bytes) throw new Error("no workbook is open in the check worker");
    post({ type: "progress", id, progress: { phase: "export" } });
    // Fixes applied since the check (or a restarted worker): outputs describe the cells as
    // they are now.
    const check = last && !last.stale && last.sheet === sheet ? last.check : runCheck(sheet, options);
    if (check.checks.length === 0) {
      return post({ type: "failed", id, error: { kind: "noTable", failure: check.failures[0]?.failure ?? { kind: "noHeader" } } });
    }
    let out: Uint8Array;
    try {
      switch (kind) {
        case "cleaned":
          out = await writeCleaned(bytes, composeCleaning(check), detailSheetPlan(check.checks, lang));
          break;
        case "annotated":
          // The texts the check read, fills and all: the user's fixes are in it too.
          out = await buildAnnotatedWorkbook(bytes, check, { lang, file: fileName, generatedAt }, userEdits());
          break;
        case "json":
          out = new TextEncoder().encode(`${JSON.stringify(toJsonReport(check.report), null, 2)}\n`);
          break;
      }
    } catch (e) {
      // The file was read (our reader takes forms exceljs does not): the writers' fallback
      // could not load it, which is no damage to the file.
      if (e instanceof BadWorkbookError) return post({ type: "failed", id, error: { kind: "unwritable" } });
      throw e;
    }
    const buffer = out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
    post({ type: "done", id, result: { bytes: buffer } }, [buffer]);
  }

  return {
    async handle(request) {
      try {
        switch (request.type) {
          case "open":
            return await open(request.id, request.bytes, request.name);
          case "rows":
            return rows(request.id, request.sheet);
          case "check":
            return check(request.id, request.sheet, request.options);
          case "change":
            return change(request.id, request.changes);
          case "output":
            return await output(request.id, request.output, request.lang, request.generatedAt, request.sheet, request.options);
        }
      } catch (e) {
        post({ type: "failed", id: request.id, error: toFailure(e) });
      }
    },
  };
}

function toFailure(e: unknown): WorkerFailure {
  if (e instanceof BadWorkbookError) return { kind: "badFile", badFile: e.kind };
  // exceljs and JSZip say "encrypted" or "password" for protected parts they cannot read.
  const message = e instanceof Error ? e.message : String(e);
  if (/encrypt|password/i.test(message)) return { kind: "badFile", badFile: "encrypted" };
  return { kind: "unknown", message: message.split("\n", 1)[0] ?? message };
}



// ---------------------------------------------------------------------------------------
// Inside a dedicated worker: wire the session to the page. (Imported in the page as the
// fallback, this block does nothing: there is no WorkerGlobalScope there.)

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = globalThis as unknown as { WorkerGlobalScope?: unknown };
if (typeof scope.WorkerGlobalScope !== "undefined") {
  const worker = globalThis as unknown as WorkerScope;
  const session = createCheckSession((response, transfer) => worker.postMessage(response, transfer ?? []));
  worker.addEventListener("message", (event) => void session.handle(event.data));
}
