import type { WorkbookCheck } from "../core/checkWorkbook";
import type { Lang } from "../core/model";
import { planCleaning } from "../core/clean/planCleaning";
import { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } from "../core/summary/summaryModel";
import { writeAnnotated } from "./writeAnnotated";
import { writeCleaned } from "./writeCleaned";

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
}

export async function buildCleanedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions): Promise<Uint8Array> {
  const plan = planCleaning(check.checks, { unifyNames: options.unifyNames ?? false });
  return writeCleaned(bytes, plan, detailSheetPlan(check.checks, options.lang));
}

export async function buildAnnotatedWorkbook(bytes: Uint8Array, check: WorkbookCheck, options: OutputOptions): Promise<Uint8Array> {
  const summary = buildSummary({
    checks: check.checks,
    lang: options.lang,
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
  });
  return writeAnnotated(bytes, highlightsFor(check.report.issues), summarySheetPlan(summary, options.lang), detailSheetPlan(check.checks, options.lang));
}
