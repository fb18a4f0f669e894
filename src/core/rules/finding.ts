import type { IndicatorItem, IssueParams, RuleCode, Span, TextEdit } from "../model";
import type { RuleParams } from "../messages/params";
import type { Emit, RowContext, RuleFinding } from "./rule";

/**
 * Typed emit helpers: a rule can only attach the params its code's messages read
 * (messages/params.ts), so a renamed param fails to compile instead of printing blanks.
 */
export interface ItemFindingOptions {
  span?: Span;
  fix?: { edits: TextEdit[]; auto: boolean };
  /** The cell the finding is about, when not the item's own (see RowContext.itemCells). */
  cell?: string;
}

/** A finding about one item of a row's indicator cell. */
export function emitItem<C extends RuleCode>(
  emit: Emit,
  row: RowContext,
  item: IndicatorItem,
  code: C,
  params: RuleParams[C],
  options?: ItemFindingOptions,
): void {
  const finding: RuleFinding = { code, params: params as unknown as IssueParams, rowNumber: row.rowNumber, item: item.index };
  if (options?.span) finding.span = options.span;
  if (options?.fix) finding.fix = options.fix;
  if (options?.cell !== undefined) finding.cell = options.cell;
  emit(finding);
}

/** A finding about a whole row (its indicator cell unless `cell` says otherwise). */
export function emitRow<C extends RuleCode>(emit: Emit, row: RowContext, code: C, params: RuleParams[C], cell?: string): void {
  const finding: RuleFinding = { code, params: params as unknown as IssueParams, rowNumber: row.rowNumber };
  if (cell !== undefined) finding.cell = cell;
  emit(finding);
}

/** A finding about a span of a row's indicator cell that belongs to no item (a section
 * heading's number): the cell is the row's indicator cell, as with emitRow. */
export function emitSpan<C extends RuleCode>(emit: Emit, row: RowContext, code: C, params: RuleParams[C], span: Span | undefined): void {
  const finding: RuleFinding = { code, params: params as unknown as IssueParams, rowNumber: row.rowNumber };
  if (span) finding.span = span;
  emit(finding);
}

/** A finding at an arbitrary row and cell (table-level rules). */
export function emitAt<C extends RuleCode>(emit: Emit, rowNumber: number, cell: string, code: C, params: RuleParams[C]): void {
  emit({ code, params: params as unknown as IssueParams, rowNumber, cell });
}

/** Whether the row is an item-per-row group: no free-text cell, so no labels, numbering or
 * cell-text edits. */
export function isItemPerRow(row: RowContext): boolean {
  return row.itemCells !== undefined;
}

/** A later indicator cell of a sheet row (category columns, ProjectRows.laterColumn): the row's
 * own findings (its project name, a repeat of the row) are its first cell's. */
export function isLaterColumn(row: RowContext): boolean {
  return row.projectRows?.laterColumn === true;
}

/** The items a project-level rule reads on this row: the whole project's on its first row when it
 * is written over several rows (ProjectRows), none on its later rows (the first row reports), else
 * the row's own. */
export function projectItems(row: RowContext): readonly IndicatorItem[] {
  const rows = row.projectRows;
  if (rows === undefined) return row.cell.items;
  return rows.first ? rows.items : [];
}

/** The value as the message quotes it: what the user typed. */
export function valueText(item: IndicatorItem): string {
  return item.value.raw;
}

/** Whether the value has a usable number (not garbled, not a placeholder): the numeric rules
 * stay quiet on values the error rules already flag. */
export function hasCleanNumber(item: IndicatorItem): item is IndicatorItem & { value: { number: number } } {
  const v = item.value;
  return (v.kind === "quantitative" || v.kind === "range") && v.number !== undefined && v.garbled === undefined && !v.placeholder;
}
