import type { Issue, Lang } from "../core/model";
import { combineFixes } from "../core/clean/applyFixEdits";
import type { CellEdit } from "../core/plan";
import { parseA1 } from "../core/table/address";
import type { ApiSupport } from "./apiSupport";
import { hostError } from "./errors";

/**
 * Auto-fixes as planned edits: preview (CellEdits from the issues' fixes and the cells' text
 * now), apply (only where the cell still holds `before`) and undo (only where it still holds
 * `after`). Text is written as text: the cell gets the `@` format first, so `=100%` or `-5%`
 * stays what the user sees and never becomes a formula or a number. A formula cell is never
 * written: its text is its result, and the formula would be lost.
 */

/** The text of the cell when it was checked, if known: a cell edited since is left alone,
 * since the issues' spans point into the checked text. */
export type CheckedText = (sheet: string, address: string) => string | undefined;

export async function previewFixEdits(context: Excel.RequestContext, issues: readonly Issue[], checkedText: CheckedText): Promise<CellEdit[]> {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!issue.fix || issue.fix.edits.length === 0) continue;
    const key = `${issue.sheet}\u0001${issue.cell}`;
    const list = byCell.get(key);
    if (list) list.push(issue);
    else byCell.set(key, [issue]);
  }
  if (byCell.size === 0) return [];
  const { texts: current } = await readTexts(
    context,
    [...byCell.values()].map((list) => ({ sheet: list[0]!.sheet, cell: list[0]!.cell })),
  );

  const out: CellEdit[] = [];
  for (const list of byCell.values()) {
    const { sheet, cell } = list[0]!;
    const text = current.get(`${sheet}\u0001${cell}`);
    if (text === undefined) continue;
    const checked = checkedText(sheet, cell);
    if (checked !== undefined && checked !== text) continue;
    // Two fixes for the same characters: the first wins, the other waits for the next check.
    const { text: after, codes } = combineFixes(text, list);
    if (after === text) continue;
    const { rowIndex, columnIndex } = parseA1(cell);
    out.push({ sheet, cell, rowIndex, columnIndex, before: text, after, codes });
  }
  return out.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.rowIndex - b.rowIndex || a.columnIndex - b.columnIndex);
}

/** Writes `after` where the cell still holds `before`; returns the edits written. */
export async function writeEdits(context: Excel.RequestContext, support: ApiSupport, edits: readonly CellEdit[], lang: Lang | undefined): Promise<CellEdit[]> {
  return replaceTexts(context, support, edits, (e) => e.before, (e) => e.after, lang);
}

/** Writes `before` back where the cell still holds `after`; returns the edits undone. */
export async function unwriteEdits(context: Excel.RequestContext, support: ApiSupport, edits: readonly CellEdit[], lang: Lang | undefined): Promise<CellEdit[]> {
  return replaceTexts(context, support, edits, (e) => e.after, (e) => e.before, lang);
}

async function replaceTexts(
  context: Excel.RequestContext,
  support: ApiSupport,
  edits: readonly CellEdit[],
  expected: (e: CellEdit) => string,
  next: (e: CellEdit) => string,
  lang: Lang | undefined,
): Promise<CellEdit[]> {
  if (edits.length === 0) return [];
  if (support.v1_8) context.workbook.load("readOnly");
  const { texts: current, sheets } = await readTexts(context, edits);
  const due = edits.filter((e) => current.get(`${e.sheet}\u0001${e.cell}`) === expected(e));
  if (due.length === 0) return [];
  if (support.v1_8 && context.workbook.readOnly) throw hostError("readOnly", lang);
  const protectedSheets = new Set(sheets.filter((s) => s.protection.protected).map((s) => s.name));
  if (due.some((e) => protectedSheets.has(e.sheet))) throw hostError("protectedSheet", lang);
  for (const e of due) {
    const range = context.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
    range.numberFormat = [["@"]];
    range.values = [[next(e)]];
  }
  await context.sync();
  return due;
}

/**
 * The texts of the cells now, keyed `sheet\u0001address`, and the sheets with their
 * protection; cells of sheets that no longer exist are absent. Two syncs: the sheets, then
 * the values (a missing sheet would fail the whole batch). Anything queued by the caller
 * rides on the first.
 */
async function readTexts(
  context: Excel.RequestContext,
  cells: readonly { sheet: string; cell: string }[],
): Promise<{ texts: Map<string, string>; sheets: Excel.Worksheet[] }> {
  const names = context.workbook.worksheets;
  names.load("items/name,items/protection/protected");
  await context.sync();
  const present = new Set(names.items.map((s) => s.name));
  const reads = cells
    .filter((c) => present.has(c.sheet))
    .map((c) => {
      const range = names.getItem(c.sheet).getRange(c.cell);
      range.load("values,formulas");
      return { key: `${c.sheet}\u0001${c.cell}`, range };
    });
  if (reads.length > 0) await context.sync();
  const out = new Map<string, string>();
  for (const { key, range } of reads) {
    const v = range.values[0]?.[0];
    // A formula's text is its result: writing over it would lose the formula, so such a cell
    // is left as if edited since (a text constant's formula is the text itself).
    const f = range.formulas[0]?.[0];
    if (typeof v === "string" && (f === undefined || f === v)) out.set(key, v);
  }
  return { texts: out, sheets: names.items };
}
