import { HostError, type AppliedFixes, type Host, type HostRun, type Progress, type Settings } from "../app/host";
import { localTimeText } from "../app/localTime";
import { buildReport, checkSheetTables, isInTable, type SheetCheck } from "../core/check";
import { checkWorkbook, isOwnSheet } from "../core/checkWorkbook";
import { planCleaning } from "../core/clean/planCleaning";
import type { CheckOptions, Issue, Lang, SheetSnapshot } from "../core/model";
import { BACKUP_SHEET_NAME, type CellEdit } from "../core/plan";
import { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } from "../core/summary/summaryModel";
import { detectApiSupport, type ApiSupport } from "./apiSupport";
import { readBackup, type BackupEntry } from "./backup";
import { readDocumentBytes, downloadBytes, toBase64 } from "./documentFile";
import { hostError, runExcel, toHostError, type RunOptions } from "./errors";
import { previewFixEdits, unwriteEdits, writeEdits } from "./fixes";
import { writeGeneratedSheets } from "./generatedSheets";
import { applyHighlights, clearMarks } from "./highlight";
import { excelMessages, tableFailureText } from "./messages";
import { readActiveTable, readSheetByName } from "./readTable";
import { selectCell, subscribeSelection } from "./selection";
import { loadDocumentSettings, refreshDocumentSettings, saveDocumentSettings } from "./settings";
import { stripMarks } from "./stripMarks";

/**
 * The Host of the Excel add-in: the workbook open in Excel, through Office.js. Reads the table
 * around the selection, runs the same engine as the command line, and applies the results
 * (highlights, summary sheets, fixes, the cleaned workbook) as planned edits.
 */
export interface ExcelHostOptions {
  /** Cell-edit retries (defaults: 3 attempts, 700 ms apart, growing). */
  attempts?: number;
  retryDelayMs?: number;
  /** First read block, in rows (tests make it small). */
  initialBlockRows?: number;
  /** Clock for the 校验汇总 timestamp (the core has none). */
  now?: () => Date;
  /** Saves the cleaned workbook on hosts without `Excel.createWorkbook` (< ExcelApi 1.8). */
  save?: (bytes: Uint8Array, fileName: string) => void;
}

export function createExcelHost(options: ExcelHostOptions = {}): Host {
  const now = options.now ?? (() => new Date());
  const save = options.save ?? downloadBytes;
  let lang: Lang = "zh";
  let lastOptions: CheckOptions = {};
  /** The last check, with its issues narrowed to the rows the user selected. */
  let lastChecks: SheetCheck[] = [];
  /** Indicator cell texts as checked: fixes apply only to cells still holding them. */
  let checkedTexts = new Map<string, string>();

  const runOptions = (): RunOptions => ({
    lang,
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
  });
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runExcel(batch, runOptions());
  const support = (): ApiSupport => {
    const found = detectApiSupport();
    if (!found) throw hostError("unsupportedApi", lang);
    return found;
  };

  async function check(settings: Settings, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<HostRun> {
    lang = settings.options.lang ?? lang;
    lastOptions = settings.options;
    const api = support();
    if (signal.aborted) throw hostError("cancelled", lang);
    onProgress({ phase: "read" });
    const read = await run((context) =>
      readActiveTable(context, api, { lang, signal, onProgress, ...(options.initialBlockRows ? { initialBlockRows: options.initialBlockRows } : {}) }),
    );
    if (signal.aborted) throw hostError("cancelled", lang);

    onProgress({ phase: "check" });
    // Every table of the sheet (a sheet may hold two, one under the other).
    const outcomes = checkSheetTables(read.snapshot, settings.options);
    const first = outcomes[0];
    if (!first?.ok) throw new HostError("noTable", tableFailureText(first?.failure ?? { kind: "noHeader" }, lang));
    const fulls = outcomes.flatMap((o) => (o.ok ? [o.check] : []));
    const scope = read.scopeRowIndexes;
    // Only the header selected, or rows outside the tables: the user means the whole sheet.
    const scoped = scope !== undefined && fulls.some((full) => full.table.dataRowIndexes.some((r) => scope.has(r))) ? scope : undefined;
    const inScope = (rowIndex: number) => scoped === undefined || scoped.has(rowIndex);
    const sheetChecks: SheetCheck[] = fulls.map((full) => ({
      ...full,
      issues: full.issues.filter((i) => inScope(i.rowNumber - 1)),
      normalized: full.normalized.filter((n) => inScope(n.rowNumber - 1)),
    }));
    lastChecks = sheetChecks;
    checkedTexts = new Map(
      fulls.flatMap((full) => (full.table.layout === "cell" ? full.rows.map((r) => [key(read.sheet, r.indicatorAddress), r.cell.text] as const) : [])),
    );
    const issues = sheetChecks.flatMap((c) => c.issues);

    const failures: HostRun["failures"] = [];
    let highlighted = false;
    if (settings.highlight) {
      onProgress({ phase: "highlight" });
      try {
        await run((context) => applyHighlights(context, api, read.sheet, highlightsFor(issues), { lang, inScope, onProgress }));
        highlighted = true;
      } catch (e) {
        // The check itself succeeded and the sheet is unchanged (rolled back): keep the
        // results and say why there are no colours.
        const error = toHostError(e, lang);
        failures.push({ sheet: read.sheet, message: excelMessages(lang).highlightSkipped(error.message) });
      }
    }
    return { report: buildReport(sheetChecks), failures, highlighted };
  }

  /** The checks behind a run: the last check in memory, or the run's sheets read again. */
  async function checksFor(runResult: HostRun, api: ApiSupport): Promise<SheetCheck[]> {
    const names = runResult.report.sheets.map((s) => s.name);
    let checks = lastChecks.filter((c) => names.includes(c.sheet));
    if (checks.length < names.length) {
      const snapshots = await run(async (context) => {
        const out: SheetSnapshot[] = [];
        for (const name of new Set(names)) out.push(await readSheetByName(context, api, name, { lang }));
        return out;
      });
      checks = [...new Set(names)].flatMap((name, i) => checkSheetTables(snapshots[i] as SheetSnapshot, lastOptions).flatMap((o) => (o.ok ? [o.check] : [])));
    }
    // The pane passes the issues still open (fixed ones removed): those are what we report,
    // each with the table of its sheet it lies in.
    const bySheet = groupIssues(runResult.report.issues);
    return checks.map((c) => ({ ...c, issues: (bySheet.get(c.sheet) ?? []).filter((i) => isInTable(c.table, i.rowNumber - 1)) }));
  }

  const host: Host = {
    kind: "excel",
    check,

    async selectCell(sheet, address) {
      await selectCell(sheet, address, runOptions());
    },

    async clearMarks() {
      const api = support();
      await run((context) => clearMarks(context, api, lang));
    },

    async writeSummary(runResult) {
      const api = support();
      const checks = await checksFor(runResult, api);
      const model = buildSummary({ checks, lang, generatedAt: localTimeText(now()) });
      await run((context) =>
        writeGeneratedSheets(
          context,
          api,
          [
            { plan: summarySheetPlan(model, lang), marker: "Summary" },
            { plan: detailSheetPlan(checks, lang), marker: "Detail" },
          ],
          lang,
        ),
      );
    },

    async exportCleaned(settings) {
      lang = settings.options.lang ?? lang;
      const api = support();
      const { snapshots, marks } = await run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        // A sheet named like ours is ours only if its first row says so (a user's own table
        // called 指标明细 is cleaned too): one sync reads those first rows.
        const named = sheets.items.filter((ws) => isOwnSheet(ws.name)).map((ws) => ({ name: ws.name, head: ws.getRange("A1:AZ1").load("values") }));
        if (named.length > 0) await context.sync();
        const ours = new Set(named.filter((n) => isOwnSheet(n.name, n.head.values as SheetSnapshot["values"])).map((n) => n.name));
        const out: SheetSnapshot[] = [];
        for (const ws of sheets.items) if (!ours.has(ws.name)) out.push(await readSheetByName(context, api, ws.name, { lang }));
        const saved: BackupEntry[] = sheets.items.some((s) => s.name === BACKUP_SHEET_NAME) ? (await readBackup(context)).entries : [];
        return { snapshots: out, marks: saved };
      });
      const badFile = (e: unknown) =>
        e instanceof HostError ? e : new HostError("badFile", `${excelMessages(lang).error.badFile}${e instanceof Error ? `（${e.message}）` : ""}`);
      let unmarked: Uint8Array;
      try {
        unmarked = await stripMarks(await readDocumentBytes(), marks);
      } catch (e) {
        throw badFile(e);
      }
      // Below ExcelApi 1.13 (or where its merged areas could not be read) Office.js tells nothing
      // of merged cells: a project drawn as a tall merged row reads as a row and a blank one,
      // which the cleaner would delete with the merges. The file says which rows only continue
      // merged blocks (SheetSnapshot.mergedRowIndexes).
      const merged = await mergedRowsOf(unmarked);
      for (const snapshot of snapshots) {
        const rows = merged.get(snapshot.name);
        if (rows && rows.length > 0) snapshot.mergedRowIndexes = rows;
      }
      const checked = checkWorkbook(snapshots, settings.options);
      if (checked.checks.length === 0) {
        const failure = checked.failures[0]?.failure;
        throw new HostError("noTable", failure ? tableFailureText(failure, lang) : excelMessages(lang).error.noTable);
      }
      let bytes: Uint8Array;
      try {
        const { writeCleaned } = await import("../workbook/writeCleaned");
        bytes = await writeCleaned(unmarked, planCleaning(checked.checks), detailSheetPlan(checked.checks, lang));
      } catch (e) {
        throw badFile(e);
      }
      if (api.v1_8) {
        try {
          await Excel.createWorkbook(toBase64(bytes));
        } catch (e) {
          throw toHostError(e, lang);
        }
      } else {
        save(bytes, `${excelMessages(lang).cleanedFileName}.xlsx`);
      }
    },

    async previewFixes(issues) {
      return run((context) => previewFixEdits(context, issues, (sheet, address) => checkedTexts.get(key(sheet, address))));
    },

    async applyFixes(edits: readonly CellEdit[]): Promise<AppliedFixes> {
      const api = support();
      return { edits: await run((context) => writeEdits(context, api, edits, lang)) };
    },

    async undoFixes(applied) {
      const api = support();
      await run((context) => unwriteEdits(context, api, applied.edits, lang));
    },

    async loadSettings() {
      await refreshDocumentSettings();
      const settings = loadDocumentSettings();
      if (settings?.options.lang) lang = settings.options.lang;
      return settings;
    },

    async saveSettings(settings) {
      lang = settings.options.lang ?? lang;
      try {
        await saveDocumentSettings(settings);
      } catch (e) {
        throw toHostError(e, lang);
      }
    },

    onSelectionChanged(listener) {
      return subscribeSelection(listener);
    },
  };
  return host;
}

function key(sheet: string, address: string): string {
  return `${sheet}\u0001${address}`;
}

function groupIssues(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = out.get(issue.sheet);
    if (list) list.push(issue);
    else out.set(issue.sheet, [issue]);
  }
  return out;
}

/** By sheet name, the rows of the document that only continue merged blocks (readXlsx); none
 * when the file cannot be read that way (the writer then reports what is wrong with it). */
async function mergedRowsOf(bytes: Uint8Array): Promise<Map<string, readonly number[]>> {
  const out = new Map<string, readonly number[]>();
  try {
    const { readXlsxSheets } = await import("../workbook/xlsx/readXlsx");
    readXlsxSheets(bytes, (sheet) => {
      if (sheet.mergedRowIndexes && sheet.mergedRowIndexes.length > 0) out.set(sheet.name, sheet.mergedRowIndexes);
    });
  } catch {
    // Unreadable here: writeCleaned will say so.
  }
  return out;
}
