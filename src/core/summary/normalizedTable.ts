import type { IndicatorItem, Issue, Lang, NormalizedIndicator } from "../model";
import type { PlanCell } from "../plan";
import { classifyIndicator } from "../rules/classify";
import { joinLines } from "../parse/normalizeText";
import { unitAlternative } from "../parse/parseValue";
import type { RowContext } from "../rules/rule";
import { SUMMARY_MESSAGES } from "./messages";

/**
 * The normalized indicator table (DOMAIN.md §5): one row per indicator, whatever the layout
 * of the source table, with that item's problems beside it.
 *
 * 序号 is the item's 1-based position in its cell — what issues call 项 — not the number as
 * written, which may be missing, repeated or out of order (numbering_irregular says so).
 */
export function buildNormalizedTable(rows: readonly RowContext[], issues: readonly Issue[]): NormalizedIndicator[] {
  const problems = new ItemProblems(issues);
  const table: NormalizedIndicator[] = [];
  for (const row of rows) {
    const items = row.cell.items;
    for (let i = 0; i < items.length; i++) table.push(normalizedIndicator(row, items[i]!, i, problems));
  }
  return table;
}

/**
 * The same rows as buildNormalizedTable, made one at a time: a writer that streams them out
 * (the CLI's JSON report) never holds the whole table, which for 100,000 project rows is
 * close to half a million objects.
 */
export function* normalizedIndicators(rows: readonly RowContext[], issues: readonly Issue[]): Generator<NormalizedIndicator, void, undefined> {
  const problems = new ItemProblems(issues);
  for (const row of rows) {
    const items = row.cell.items;
    for (let i = 0; i < items.length; i++) yield normalizedIndicator(row, items[i]!, i, problems);
  }
}

function normalizedIndicator(row: RowContext, item: IndicatorItem, i: number, problems: ItemProblems): NormalizedIndicator {
  // Item-per-row tables: each item sits on its own sheet row, and its issues point there.
  const rowNumber = row.itemCells?.[i]?.rowNumber ?? row.rowNumber;
  const value = item.value;
  return {
    sheet: row.sheet,
    rowNumber,
    department: row.department,
    unit: row.unit,
    project: row.project,
    // A project's later row numbering on counts on from the row above (ProjectRows).
    itemNumber: item.index + (row.projectRows?.numberedFrom ?? 0),
    level1: item.level1 ?? item.level1Raw ?? "",
    level2: item.level2 ?? item.level2Raw ?? "",
    level2Source: item.level2Source === "written" ? "填写" : item.level2Source === "inferred" ? "推断" : "",
    name: joinLines(item.name),
    operator: value.operator ?? "",
    number: value.number ?? null,
    upper: value.upper ?? null,
    // A unit's alternative in brackets (`≥1.5万台（套）`) is the unit's, as the cleaned cell keeps it.
    valueUnit: value.unit === undefined ? "" : value.unit + (unitAlternative(value) ?? ""),
    qualitative: value.kind === "qualitative" || value.kind === "time" ? (value.text ?? value.raw).trim() : "",
    direction: directionOf(item),
    raw: item.raw.trim(),
    problems: problems.of(row.sheet, rowNumber, item.index),
  };
}

/**
 * The messages of one item's issues, in issue order, joined with ；(cell-level issues, with no
 * item, are left out). The engine sorts issues by row and item and the table asks in that
 * order, so the usual answer is a walk along the issues with no index; if either order is
 * broken the issues are put in a map once and asked from there.
 */
class ItemProblems {
  private readonly issues: readonly Issue[];
  private next = 0;
  private lastRow = -Infinity;
  private lastItem = -Infinity;
  private byItem: Map<string, string[]> | undefined;

  constructor(issues: readonly Issue[]) {
    this.issues = issues;
    if (!sortedByRowAndItem(issues)) this.byItem = problemsMap(issues);
  }

  of(sheet: string, rowNumber: number, item: number): string {
    // Asked out of order (or with a NaN): the walk cannot go back, the map answers from here on.
    if (!this.byItem && !(rowNumber > this.lastRow || (rowNumber === this.lastRow && item > this.lastItem))) this.byItem = problemsMap(this.issues);
    if (this.byItem) return this.byItem.get(itemKey(sheet, rowNumber, item))?.join("；") ?? "";
    this.lastRow = rowNumber;
    this.lastItem = item;
    const issues = this.issues;
    let j = this.next;
    // Item issues before this item, and cell-level ones, are passed over for good: the asking order rises.
    while (j < issues.length) {
      const issue = issues[j]!;
      if (issue.item !== undefined && (issue.rowNumber > rowNumber || (issue.rowNumber === rowNumber && issue.item >= item))) break;
      j++;
    }
    let found: string | undefined;
    let more: string[] | undefined;
    for (; j < issues.length; j++) {
      const issue = issues[j]!;
      if (issue.item === undefined) continue;
      if (issue.rowNumber !== rowNumber || issue.item !== item) break;
      if (issue.sheet !== sheet) continue;
      if (found === undefined) found = issue.message;
      else (more ??= [found]).push(issue.message);
    }
    this.next = j;
    return more ? more.join("；") : (found ?? "");
  }
}

/** Whether the item issues come in rising (row, item) order, as the engine sorts them (a NaN
 * anywhere says no: the walk needs numbers that compare). */
function sortedByRowAndItem(issues: readonly Issue[]): boolean {
  let row = -Infinity;
  let item = -Infinity;
  for (const issue of issues) {
    if (issue.item === undefined) continue;
    if (!(issue.rowNumber > row || (issue.rowNumber === row && issue.item >= item))) return false;
    row = issue.rowNumber;
    item = issue.item;
  }
  return true;
}

function problemsMap(issues: readonly Issue[]): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.item === undefined) continue;
    const key = itemKey(issue.sheet, issue.rowNumber, issue.item);
    const list = problems.get(key);
    if (list) list.push(issue.message);
    else problems.set(key, [issue.message]);
  }
  return problems;
}

function itemKey(sheet: string, rowNumber: number, item: number): string {
  return `${sheet}\u0001${rowNumber}\u0001${item}`;
}

/**
 * The direction the author wrote (a `指标方向` column) when there is one. Else 正向 when the target
 * is a floor (`≥`, `>`), 反向 when it is a ceiling (`≤`, `<`): that is how scoring reads it. A
 * plain `=` or no operator says nothing, so the name decides: a name of the less-is-better kind
 * is 反向, anything else stays blank rather than guessed. What is written wins over the operator,
 * and the operator over the name: a mismatch is reported by negative_direction_ge, not hidden here.
 */
export function directionOf(item: IndicatorItem): NormalizedIndicator["direction"] {
  if (item.direction !== undefined) return item.direction;
  const { operator, operatorSource } = item.value;
  if (operatorSource !== "implicit") {
    if (operator === "≥" || operator === ">") return "正向";
    if (operator === "≤" || operator === "<") return "反向";
  }
  return classifyIndicator(item).direction === "反向" ? "反向" : "";
}

/** Column headers of the normalized table, per language. */
export const NORMALIZED_HEADERS: Record<Lang, readonly string[]> = {
  zh: SUMMARY_MESSAGES.zh.normalizedHeaders,
  en: SUMMARY_MESSAGES.en.normalizedHeaders,
};

/** One row of the table (no header: take NORMALIZED_HEADERS[lang]) as cells for writers.
 * Missing numbers are empty cells, not zeros; 二级来源 and 方向 are translated for `en`. */
export function normalizedRowCells(r: NormalizedIndicator, lang: Lang): PlanCell[] {
  const m = SUMMARY_MESSAGES[lang];
  return [
    r.rowNumber,
    r.department,
    r.unit,
    r.project,
    r.itemNumber,
    r.level1,
    r.level2,
    r.level2Source === "" ? "" : m.level2Source[r.level2Source],
    r.name,
    r.operator,
    r.number,
    r.upper,
    r.valueUnit,
    r.qualitative,
    r.direction === "" ? "" : m.direction[r.direction],
    r.raw,
    r.problems,
  ];
}
