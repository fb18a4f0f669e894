import type { WorkbookCheck } from "../core/checkWorkbook";
import type { CanonicalCellForm } from "../core/clean/canonicalCellText";
import type { Lang, ParsedCell } from "../core/model";
import { planCleaning } from "../core/clean/planCleaning";
import { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } from "../core/summary/summaryModel";
import type { CellEdit, SheetPlan } from "../core/plan";
import type { CleaningPlan } from "./writeCleaned";
import { BadWorkbookError } from "./workbookData";
import { tryPatch } from "./xlsx/patchPackage";
import { fflateCodec, type ZipCodec } from "./xlsx/zipCodec";

/**
 * The two workbooks a check produces, shared by the command line and the browser file mode:
 * the cleaned one to send on, and the annotated one (fills + 校验汇总 + 指标明细) that mirrors
 * what the add-in does inside Excel.
 */
export interface OutputOptions {
  lang: Lang;
  file?: string;
  unifyNames?: boolean;
  /** Shown on the summary sheet; the core has no clock. */
  generatedAt?: string;
  /** Compression for the patched zips: `nodeCodec` (xlsx/zipCodec.node.ts) on the command
   * line, fflate (the default) in the browser. */
  codec?: ZipCodec;
}

// The exceljs writers (./writeCleaned, ./writeAnnotated) are loaded by import() when a file
// needs them: most files are patched, and loading exceljs costs the command line ~0.4 s and
// ~25 MB on every run.

export async function buildCleanedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions): Promise<Uint8Array> {
  const { writeCleaned } = await import("./writeCleaned");
  return writeCleaned(bytes, cleaningPlan(check, options), detailSheetPlan(check.checks, options.lang), options.codec);
}

export async function buildAnnotatedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions, edits: readonly CellEdit[] = []): Promise<Uint8Array> {
  const { writeAnnotated } = await import("./writeAnnotated");
  return writeAnnotated(bytes, highlightsFor(check.report.issues), summaryPlan(check, options), detailSheetPlan(check.checks, options.lang), options.codec, edits);
}

/**
 * Both workbooks in one call: the 指标明细 sheet (at 100,000 rows, ~460,000 rows of XML) is
 * built once for both zips: compressed once when they agree, written in one pass as two
 * streams when the cleaned copy lost rows (its 行号 then name the rows' new numbers). Each
 * output that the zip patch cannot make falls back to its exceljs writer on its own.
 */
export async function buildOutputWorkbooks(
  bytes: Uint8Array,
  check: WorkbookCheck,
  options: OutputOptions & {
    clean: boolean;
    annotate: boolean;
    /** Canonical forms being worked out elsewhere (planCleaning's `forms`): awaited after the
     * other sheets' plans are made, so both threads work meanwhile. */
    cleanForms?: Promise<ReadonlyMap<ParsedCell, CanonicalCellForm> | undefined>;
  },
): Promise<OutputWorkbooks> {
  const detail = detailSheetPlan(check.checks, options.lang);
  const annotated = options.annotate ? { highlights: highlightsFor(check.report.issues), summary: summaryPlan(check, options) } : undefined;
  const plan = options.clean ? cleaningPlan(check, options, await options.cleanForms) : undefined;
  const patched = await tryPatch(bytes, { detail, ...(plan ? { cleaned: { plan } } : {}), ...(annotated ? { annotated } : {}) }, options.codec ?? fflateCodec);
  const out: OutputWorkbooks = {};
  const failed: NonNullable<OutputWorkbooks["failed"]> = {};
  // Each output on its own: the one the exceljs writer cannot make does not lose the other.
  if (plan) {
    if (patched?.cleaned instanceof Uint8Array) out.cleaned = patched.cleaned;
    else {
      const made = await orFailure(async () => (await import("./writeCleaned")).writeCleanedWithExcelJS(bytes, plan, detail));
      if (made instanceof Uint8Array) out.cleaned = made;
      else failed.cleaned = made;
    }
  }
  if (annotated) {
    if (patched?.annotated instanceof Uint8Array) out.annotated = patched.annotated;
    else {
      const made = await orFailure(async () => (await import("./writeAnnotated")).writeAnnotatedWithExcelJS(bytes, annotated.highlights, annotated.summary, detail));
      if (made instanceof Uint8Array) out.annotated = made;
      else failed.annotated = made;
    }
  }
  if (failed.cleaned || failed.annotated) out.failed = failed;
  return out;
}

/**
 * Why an output workbook could not be made: `unwritable`, a file the reader reads but neither
 * the zip patch nor exceljs can write back (exceljs fails to load it: forms other producers
 * write); `internal`, anything else (our bug). `detail` is for a developer, never the message.
 */
export interface OutputFailure {
  kind: "unwritable" | "internal";
  detail: string;
}

export interface OutputWorkbooks {
  cleaned?: Uint8Array;
  annotated?: Uint8Array;
  /** The outputs asked for that could not be made. */
  failed?: { cleaned?: OutputFailure; annotated?: OutputFailure };
}

async function orFailure(make: () => Promise<Uint8Array>): Promise<Uint8Array | OutputFailure> {
  try {
    return await make();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { kind: e instanceof BadWorkbookError ? "unwritable" : "internal", detail };
  }
}

function cleaningPlan(check: WorkbookCheck, options: OutputOptions, forms?: ReadonlyMap<ParsedCell, CanonicalCellForm>): CleaningPlan {
  return planCleaning(check.checks, { unifyNames: options.unifyNames ?? false, ...(forms ? { forms } : {}) });
}

function summaryPlan(check: WorkbookCheck, options: OutputOptions): SheetPlan {
  const summary = buildSummary({
    checks: check.checks,
    lang: options.lang,
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
  });
  return summarySheetPlan(summary, options.lang);
}
