import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import type { CanonicalCellForm } from "../core/clean/canonicalCellText";
import { cellsToClean, cleanCellForms } from "../core/clean/planCleaning";
import type { SheetCheck } from "../core/check";
import type { ParsedCell } from "../core/model";

/** The worker's bundle, built beside the CLI's (bin/indicator-checker.js, bench/build.ts). */
export const CLEAN_FORMS_WORKER = "clean-forms-worker.js";

/** Below this many distinct cells the thread costs more than it saves: measured on the bench
 * tables (2 cores), 7,000 cells were as fast either way, 70,000 saved 3 s of 21. */
const THREAD_FROM_CELLS = 20_000;

/** The forms of the cells cellsToClean lists, for planCleaning's `forms`. */
export type CleanForms = ReadonlyMap<ParsedCell, CanonicalCellForm>;

/**
 * `--clean`'s canonical forms, worked out on a second thread while this one writes the reports:
 * canonicalising every distinct indicator cell is a sixth of the work of `--clean --annotate`
 * on a big table, and depends on the cell texts alone (cleanCellForms). The thread starts with
 * the first table big enough and serves every later one of the run in turn.
 *
 * The cleaned workbook never depends on the thread: `forms` answers undefined when it is not
 * worth a thread (a small table), when there is no worker script (the sources run under a
 * TypeScript loader, as in the tests) or when the thread fails, and planCleaning then works the
 * forms out itself, to the same plan.
 */
export class CleanFormsThread {
  private worker: Worker | undefined;
  private failed = false;
  /** Answers in the order asked: the worker answers each message in turn. */
  private readonly waiting: ((forms: unknown) => void)[] = [];

  constructor(private readonly options: { workerFile?: string; minCells?: number } = {}) {}

  /** The forms of `checks`' cells, worked out on the thread; undefined: work them out here. */
  forms(checks: readonly SheetCheck[]): Promise<CleanForms | undefined> | undefined {
    if (this.failed) return undefined;
    const cells = cellsToClean(checks);
    if (cells.length === 0 || cells.length < (this.options.minCells ?? THREAD_FROM_CELLS)) return undefined;
    const worker = this.worker ?? this.start();
    if (!worker) return undefined;
    return new Promise<CleanForms | undefined>((resolve) => {
      this.waiting.push((forms) => resolve(Array.isArray(forms) && forms.length === cells.length ? formsByCell(cells, forms as (CanonicalCellForm | undefined)[]) : undefined));
      // Waited on: the process stays up until the answer comes.
      worker.ref();
      worker.postMessage(cells.map((cell) => cell.text));
    }).finally(() => {
      if (this.waiting.length === 0) this.worker?.unref();
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker | undefined {
    const file = this.options.workerFile ?? path.join(__dirname, CLEAN_FORMS_WORKER);
    if (!fs.existsSync(file)) {
      this.failed = true;
      return undefined;
    }
    try {
      const worker = new Worker(file);
      worker.on("message", (forms: unknown) => this.waiting.shift()?.(forms));
      worker.on("error", () => this.fail());
      worker.once("exit", () => this.fail());
      this.worker = worker;
      return worker;
    } catch {
      this.fail();
      return undefined;
    }
  }

  private fail(): void {
    this.failed = true;
    this.worker = undefined;
    for (const answer of this.waiting.splice(0)) answer(undefined);
  }
}

/** The forms the thread works out, worked out on this one (tests compare the two). */
export function cleanFormsHere(checks: readonly SheetCheck[]): CleanForms {
  const cells = cellsToClean(checks);
  return formsByCell(
    cells,
    cleanCellForms(cells.map((cell) => cell.text)),
  );
}

/** A cell the cleaner leaves as it is gets its own text as its form (no edit). */
function formsByCell(cells: readonly ParsedCell[], forms: readonly (CanonicalCellForm | undefined)[]): Map<ParsedCell, CanonicalCellForm> {
  const byCell = new Map<ParsedCell, CanonicalCellForm>();
  cells.forEach((cell, i) => byCell.set(cell, forms[i] ?? { text: cell.text }));
  return byCell;
}
