import { buildReport, checkSheetTables, type SheetCheck, type SheetOutcome } from "./check";
import type { CheckOptions, Report, SheetSnapshot } from "./model";
import { BACKUP_SHEET_NAME, DETAIL_SHEET_NAME, SUMMARY_SHEET_NAME } from "./plan";
import { SUMMARY_MESSAGES } from "./summary/messages";
import { looksLikeIndicatorTable, type TableFailure } from "./table/detectTable";
import { isInstructionsSheet } from "./instructionsSheet";

export { isInstructionsSheet };

/**
 * A whole workbook: every sheet with a recognisable table is checked. Sheets without one
 * (lookup lists, a cover) are passed over quietly as long as one sheet has a table; an
 * instructions sheet (填报说明, 填写示例) is passed over unless named, and said so; the sheets
 * this tool writes itself are never checked.
 */
/** Why a sheet (or the workbook) could not be checked. `instructionsSheet`: passed over as
 * instructions or a filled-in sample (isInstructionsSheet), not as a failure of its table. */
export type CheckFailure = TableFailure | { kind: "sheetNotFound" } | { kind: "noSheets" } | { kind: "instructionsSheet" };

/** A sheet's outcome in a workbook: its tables' checks, or why it was passed over. */
export type WorkbookSheetOutcome = SheetOutcome | { ok: false; sheet: string; failure: { kind: "instructionsSheet" } };

export interface WorkbookCheck {
  checks: SheetCheck[];
  /** Sheets that were asked for (or were the only candidates) and could not be checked. */
  failures: { sheet: string; failure: CheckFailure }[];
  report: Report;
}

const OWN_SHEETS = new Set([SUMMARY_SHEET_NAME, DETAIL_SHEET_NAME, BACKUP_SHEET_NAME]);

/**
 * Whether a sheet is one this tool wrote, never to be checked: named as ours (`校验汇总 (2)` too,
 * when a user sheet held the plain name) and, when its values are at hand, holding what ours
 * hold — a user's own table called 指标明细 or 校验汇总 is the user's, and is checked. Without
 * values (a host deciding which sheets to read at all) the name decides.
 */
export function isOwnSheet(name: string, values?: SheetSnapshot["values"]): boolean {
  const base = name.replace(/ \(\d+\)$/, "");
  if (!OWN_SHEETS.has(base)) return false;
  if (values === undefined || base === BACKUP_SHEET_NAME) return true;
  const first = values[0] ?? [];
  const has = (text: string) => first.some((v) => typeof v === "string" && v.trim() === text);
  return Object.values(SUMMARY_MESSAGES).some((m) =>
    base === SUMMARY_SHEET_NAME ? has(m.title) : has(m.normalizedHeaders[0] as string) && has(m.normalizedHeaders[15] as string),
  );
}

export function checkWorkbook(
  sheets: readonly SheetSnapshot[],
  options: CheckOptions = {},
  select: { file?: string; sheet?: string } = {},
): WorkbookCheck {
  const workbook = new WorkbookSheets(options, select);
  for (const sheet of sheets) workbook.add(sheet);
  return workbook.finish();
}

/**
 * A workbook checked sheet by sheet (the CLI's streaming reader adds each sheet as it arrives,
 * so no sheet's values outlive its check): the tables of every wanted sheet; an instructions
 * sheet (isInstructionsSheet) passed over unless the user named it — and checked after all when
 * no other sheet has a table (a workbook whose one table sits on a sheet named `样表`): only
 * those sheets are kept until `finish`.
 */
export class WorkbookSheets {
  private readonly outcomes: WorkbookSheetOutcome[] = [];
  private readonly passedOver: SheetSnapshot[] = [];

  constructor(
    private readonly options: CheckOptions,
    private readonly select: { file?: string; sheet?: string },
  ) {}

  add(snapshot: SheetSnapshot): void {
    if (!isWanted(snapshot, this.select.sheet)) return;
    if (this.select.sheet === undefined && isInstructionsSheet(snapshot.name)) {
      this.passedOver.push(snapshot);
      this.outcomes.push({ ok: false, sheet: snapshot.name, failure: { kind: "instructionsSheet" } });
      return;
    }
    this.outcomes.push(...checkSheetTables(snapshot, this.options));
  }

  finish(): WorkbookCheck {
    let outcomes = this.outcomes;
    if (this.passedOver.length > 0 && !outcomes.some((o) => o.ok)) {
      const rechecked = this.passedOver.flatMap((s) => checkSheetTables(s, this.options));
      if (rechecked.some((o) => o.ok)) outcomes = [...outcomes.filter((o) => o.ok || o.failure.kind !== "instructionsSheet"), ...rechecked];
    }
    this.passedOver.length = 0;
    return assembleWorkbookCheck(outcomes, this.select);
  }
}

/** Whether a sheet is checked: the named one, or every sheet but ours. */
export function isWanted(snapshot: SheetSnapshot, sheet: string | undefined): boolean {
  return sheet !== undefined ? snapshot.name === sheet : !isOwnSheet(snapshot.name, snapshot.values);
}

/** The workbook result from sheets already checked one by one (the CLI's streaming reader
 * checks each sheet as it arrives, so no sheet's values outlive its check). */
export function assembleWorkbookCheck(outcomes: readonly WorkbookSheetOutcome[], select: { file?: string; sheet?: string } = {}): WorkbookCheck {
  const checks: SheetCheck[] = [];
  const failures: WorkbookCheck["failures"] = [];
  if (select.sheet !== undefined && outcomes.length === 0) failures.push({ sheet: select.sheet, failure: { kind: "sheetNotFound" } });
  if (select.sheet === undefined && outcomes.length === 0) failures.push({ sheet: "", failure: { kind: "noSheets" } });
  for (const outcome of outcomes) {
    if (outcome.ok) checks.push(outcome.check);
    else failures.push({ sheet: outcome.sheet, failure: outcome.failure });
  }
  // With no sheet named, sheets without a table only matter when no sheet had one; a sheet
  // passed over as instructions is always told (the user may have meant it).
  // The sheets' own failures come first: a host telling one reason tells why a table failed.
  // So is a sheet that looked like an indicator table (a header naming 一级指标, 二级指标 …)
  // and could not be read as one: its rows would otherwise go unchecked without a word.
  const passedOver = failures.filter((f) => f.failure.kind === "instructionsSheet" || looksLikeIndicatorTable(f.failure));
  const failed = failures.filter((f) => f.failure.kind !== "instructionsSheet");
  const reported = select.sheet === undefined && checks.length > 0 ? passedOver : [...failed, ...failures.filter((f) => f.failure.kind === "instructionsSheet")];
  return { checks, failures: reported, report: buildReport(checks, select.file) };
}
