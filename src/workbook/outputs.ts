import type { WorkbookCheck } from "../core/checkWorkbook";
import type { Lang } from "../core/model";
import { planCleaning } from "../core/clean/planCleaning";
import { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } from "../core/summary/summaryModel";
import type { SheetPlan } from "../core/plan";
import { writeAnnotated, writeAnnotatedWithExcelJS } from "./writeAnnotated";
import { tryPatch, writeCleaned, writeCleanedWithExcelJS, type CleaningPlan } from "./writeCleaned";
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

export async function buildCleanedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions): Promise<Uint8Array> {
  return writeCleaned(bytes, cleaningPlan(check, options), detailSheetPlan(check.checks, options.lang), options.codec);
}

export async function buildAnnotatedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions): Promise<Uint8Array> {
  return writeAnnotated(bytes, highlightsFor(check.report.issues), summaryPlan(check, options), detailSheetPlan(check.checks, options.lang), options.codec);
}

/**
 * Both workbooks in one call: the 指标明细 sheet they share (at 100,000 rows, ~460,000 rows of
 * XML) is built and compressed once and goes into both zips. Each output that the zip patch
 * cannot make falls back to its exceljs writer on its own.
 */
export async function buildOutputWorkbooks(
  bytes: Uint8Array,
  check: WorkbookCheck,
  options: OutputOptions & { clean: boolean; annotate: boolean },
): Promise<{ cleaned?: Uint8Array; annotated?: Uint8Array }> {
  const detail = detailSheetPlan(check.checks, options.lang);
  const plan = options.clean ? cleaningPlan(check, options) : undefined;
  const annotated = options.annotate ? { highlights: highlightsFor(check.report.issues), summary: summaryPlan(check, options) } : undefined;
  const patched = await tryPatch(bytes, { detail, ...(plan ? { cleaned: { plan } } : {}), ...(annotated ? { annotated } : {}) }, options.codec ?? fflateCodec);
  const out: { cleaned?: Uint8Array; annotated?: Uint8Array } = {};
  if (plan) out.cleaned = patched?.cleaned instanceof Uint8Array ? patched.cleaned : await writeCleanedWithExcelJS(bytes, plan, detail);
  if (annotated) {
    out.annotated =
      patched?.annotated instanceof Uint8Array ? patched.annotated : await writeAnnotatedWithExcelJS(bytes, annotated.highlights, annotated.summary, detail);
  }
  return out;
}

function cleaningPlan(check: WorkbookCheck, options: OutputOptions): CleaningPlan {
  return planCleaning(check.checks, { unifyNames: options.unifyNames ?? false });
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
