import type { SheetCheck } from "../check";
import type { DetectedTable, IndicatorItem, Issue, ParsedCell, RuleCode, SkipReason } from "../model";
import type { CellEdit } from "../plan";
import { parseA1, toA1 } from "../table/address";
import { parseIndicatorCell } from "../parse/parseCell";
import { type CanonicalCellForm, canonicalCellForm, canonicalValueText, ReadBacks } from "./canonicalCellText";
import { combineFixes } from "./applyFixEdits";
import { unifyNameEdits } from "./unifyNames";
import { valueColumnEdits } from "./valueColumns";

/**
 * The cleaned workbook, planned as data: which cells get which text, which junk rows go.
 *
 * - Indicator cells (one project per row) get their canonical text (canonicalCellText).
 * - Item-per-row tables: each value cell gets its canonical value text; where the operator or
 *   the unit has a column of its own, each of those cells gets its own part (valueColumnEdits:
 *   `大于等于` → `≥` in the operator cell, `９０` → `90` in the value cell, `％` → `%` in the unit
 *   cell), never the joined value written into one of them.
 * - Blank, dash and repeated-header rows below the header are listed for removal (never the
 *   title or the header itself), per sheet, ascending: a writer deletes from the last one up.
 * - With `unifyNames`, variant spellings of a department or unit become the most frequent one.
 */
export interface CleanPlan {
  edits: CellEdit[];
  /** 0-based sheet row indexes to delete, by sheet name, ascending. */
  removeRowIndexes: Record<string, number[]>;
}

export interface CleanOptions {
  unifyNames?: boolean;
  /** Canonical forms already worked out for some of the checks' indicator cells (cellsToClean
   * lists them, cleanCellForms works them out, in another thread if the caller likes); the
   * other cells are worked out here. Either way the plan is the same. */
  forms?: ReadonlyMap<ParsedCell, CanonicalCellForm>;
}

/** The codes canonicalisation can resolve: it relabels, renumbers, rewrites operators, writes
 * the 一级 an item left out before its 二级 and short category words in full. */
export const CANONICALISATION_CODES: readonly RuleCode[] = ["value_label_missing", "level1_missing", "category_normalized", "value_normalized", "numbering_irregular"];

/** Rows inside a table that carry nothing: removing them changes no data. */
const REMOVABLE: ReadonlySet<SkipReason> = new Set<SkipReason>(["blank", "dashes", "repeatedHeader"]);

export function planCleaning(checks: readonly SheetCheck[], options: CleanOptions = {}): CleanPlan {
  const edits: CellEdit[] = [];
  const removeRowIndexes: Record<string, number[]> = {};
  for (const check of checks) {
    edits.push(...(check.table.layout === "cell" ? cellLayoutEdits(check, options.forms) : itemPerRowEdits(check)));
    const remove = rowsToRemove(check.table);
    // A sheet holding two tables has two checks: their rows to remove are one list.
    const earlier = removeRowIndexes[check.sheet];
    if (remove.length > 0) removeRowIndexes[check.sheet] = earlier ? [...new Set([...earlier, ...remove])].sort((a, b) => a - b) : remove;
  }
  if (options.unifyNames) edits.push(...unifyNameEdits(checks));
  const sheetOrder = new Map(checks.map((c, i) => [c.sheet, i]));
  edits.sort(
    (a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.rowIndex - b.rowIndex || a.columnIndex - b.columnIndex,
  );
  return { edits, removeRowIndexes };
}

export function rowsToRemove(table: DetectedTable): number[] {
  const rows = table.skipped.filter((s) => s.rowIndex > table.headerRowIndex && REMOVABLE.has(s.reason)).map((s) => s.rowIndex);
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** The distinct indicator cells planCleaning rewrites (cell layout, text cells), in table order. */
export function cellsToClean(checks: readonly SheetCheck[]): ParsedCell[] {
  const cells = new Set<ParsedCell>();
  for (const check of checks) {
    if (check.table.layout !== "cell" || check.table.columns.indicators === undefined) continue;
    for (const row of check.rows) {
      if (!isCleanedText(row)) continue;
      // A cell the checker read otherwise than its text alone reads (textCell) is cleaned by
      // planCleaning itself: cleanCellForms reads texts afresh.
      const cell = textCell(row);
      if (cell === (row.ownCell ?? row.cell)) cells.add(cell);
    }
  }
  return [...cells];
}

// Numbers, dates and booleans hold no items; only text cells are rewritten.
function isCleanedText(row: SheetCheck["rows"][number]): boolean {
  // A project's later row numbering on from the row above (`2、效益指标：…`), or a category
  // column's cell from the one left of it, is kept as written: the canonical form numbers a cell from 1.
  const rows = row.projectRows;
  return typeof row.rawIndicator === "string" && !(rows !== undefined && (rows.numberedFrom > 0 || (rows.numbersOn ?? 0) > 0));
}

/**
 * The cell the cleaner rewrites: its items as the checker read them, less the category a
 * category column's header gave them (RowContext.ownCell: the header keeps the category, the
 * canonical text does not repeat it in every item). Where the checker read a short category word
 * as the item's name (`效益：有效提升` under 效益指标: name `效益`, value `有效提升`), the cleaner
 * writes that reading (`1、效益，年度指标值：有效提升。`), not the text's own (一级 `效益` over the
 * name `有效提升` and no value), or the cleaned cell would gain a value_missing the original did
 * not have; and a 二级 written alone (`数量指标：…`) gets no 一级 inferred: the header gives it.
 * The same object for the same row reading, so each is cleaned once.
 */
function textCell(row: SheetCheck["rows"][number]): ParsedCell {
  const own = row.ownCell;
  if (own === undefined) return row.cell;
  let cell = READINGS.get(row.cell);
  if (cell === undefined) {
    cell = asRead(own, row.cell);
    READINGS.set(row.cell, cell);
  }
  return cell;
}

/** textCell's cells by the checker's cell (shared by the rows of one column with the same text). */
const READINGS = new WeakMap<ParsedCell, ParsedCell>();

/** `own` with the items the checker renamed (another name than the text's own) as it read them,
 * without the column's category; `own` itself when it renamed none. */
function asRead(own: ParsedCell, read: ParsedCell): ParsedCell {
  let items: IndicatorItem[] | undefined;
  for (let i = 0; i < own.items.length; i++) {
    const written = own.items[i] as IndicatorItem;
    const item = read.items[i];
    if (item === undefined) continue;
    if (item.nameSpan.start === written.nameSpan.start && item.nameSpan.end === written.nameSpan.end) {
      // `数量指标：…` under 产出指标: the header writes the 一级 the text alone would infer.
      if (written.level1Source === "inferred" && item.level1Source === "heading") (items ??= [...own.items])[i] = withoutInferredLevel1(written);
      continue;
    }
    (items ??= [...own.items])[i] = withoutColumnCategory(item, written.index);
  }
  return items ? { ...own, items } : own;
}

/** An item of a category column's text whose 一级 its text alone infers from its 二级, as the
 * checker read it: the column's header gives the 一级, which the cleaned text does not repeat. */
function withoutInferredLevel1(item: IndicatorItem): IndicatorItem {
  const out: IndicatorItem = { ...item, level1Source: "none" };
  delete out.level1;
  return out;
}

/** A renamed item without the 一级 and 二级 its column gave it (a renamed item writes neither:
 * its category word is its name), indexed in its own cell. */
function withoutColumnCategory(item: IndicatorItem, index: number): IndicatorItem {
  const out: IndicatorItem = { ...item, index, level1Source: "none", level2Source: "none" };
  delete out.level1;
  delete out.level1Raw;
  delete out.level1Span;
  delete out.level2;
  delete out.level2Raw;
  return out;
}

/**
 * The canonical form of each cell text, read afresh (what canonicalCellForm gives of the parsed
 * cell: the form depends on the text alone), `undefined` where the cleaner leaves the text as it
 * is. Plain data, so it can be worked out in another thread and posted back.
 */
export function cleanCellForms(texts: readonly string[]): (CanonicalCellForm | undefined)[] {
  const readBacks = new ReadBacks();
  return texts.map((text) => {
    const form = canonicalCellForm(parseIndicatorCell(text), readBacks);
    return form.text !== text && form.canonicalItems ? form : undefined;
  });
}

function cellLayoutEdits(check: SheetCheck, known: ReadonlyMap<ParsedCell, CanonicalCellForm> | undefined): CellEdit[] {
  if (check.table.columns.indicators === undefined) return [];
  const edits: CellEdit[] = [];
  const byCell = issuesByCell(check.issues, CANONICALISATION_CODES);
  const readBacks = new ReadBacks();
  // Rows with the same indicator text share one parsed cell (check.ts), and its form depends
  // on nothing else: each cell is cleaned once. Only the codes depend on the row's issues.
  const forms = new Map<ParsedCell, CanonicalCellForm>();
  for (const row of check.rows) {
    if (typeof row.rawIndicator !== "string") continue;
    const cell = textCell(row);
    const before = cell.text;
    const issues = byCell.get(row.indicatorAddress) ?? [];
    // Category columns: the row's indicator cells stand in several columns.
    const columnIndex = check.table.indicatorColumns ? parseA1(row.indicatorAddress).columnIndex : check.table.columns.indicators;
    if (isCleanedText(row)) {
      let form = known?.get(cell) ?? forms.get(cell);
      if (!form) {
        form = canonicalCellForm(cell, readBacks);
        forms.set(cell, form);
      }
      const after = form.text;
      if (form.canonicalItems) {
        // A category column's items are indexed on over the row's cells left of it (inColumn).
        const offset = (row.cell.items[0]?.index ?? 1) - 1;
        if (after !== before) edits.push({ sheet: check.sheet, cell: row.indicatorAddress, rowIndex: row.rowIndex, columnIndex, before, after, codes: resolvedCodes(issues, form, offset) });
        continue;
      }
    }
    // Kept as written (a heading over nothing, a note between items, a project's later row
    // numbering on): the auto-fixes still apply, each in its place.
    const fixed = withAutoFixes(before, issues);
    if (fixed) edits.push({ sheet: check.sheet, cell: row.indicatorAddress, rowIndex: row.rowIndex, columnIndex, before, after: fixed.text, codes: fixed.codes });
  }
  return edits;
}

/** The cell text with the auto-fixes of its canonicalisation issues applied (`不少于200人` →
 * `≥200人`, a missing `年度指标值：` put in), and their codes; undefined when none went in. */
function withAutoFixes(text: string, issues: readonly Issue[]): { text: string; codes: RuleCode[] } | undefined {
  const fixed = combineFixes(
    text,
    issues.filter((issue) => issue.fix?.auto === true),
  );
  if (fixed.text === text) return undefined;
  return { text: fixed.text, codes: CANONICALISATION_CODES.filter((code) => fixed.codes.includes(code)) };
}

/** The canonicalisation codes of `issues` that no longer hold after cleaning: an item issue is
 * resolved when that item is canonical in the cleaned text, or was kept as written with that code
 * settled (CanonicalCellForm.keptItemCodes; issue items less `offset` are its positions), a cell
 * issue when every item is. */
function resolvedCodes(issues: readonly Issue[], form: CanonicalCellForm, offset: number): RuleCode[] {
  const canonical = form.canonicalItems ?? [];
  const settles = (position: number, code: RuleCode) => canonical[position] === true || form.keptItemCodes?.[position]?.includes(code) === true;
  const codes = new Set<RuleCode>();
  for (const issue of issues) {
    if (!CANONICALISATION_CODES.includes(issue.code)) continue;
    const resolved = issue.item !== undefined ? settles(issue.item - 1 - offset, issue.code) : canonical.length > 0 && canonical.every((_, i) => settles(i, issue.code));
    if (resolved) codes.add(issue.code);
  }
  return CANONICALISATION_CODES.filter((code) => codes.has(code));
}

function itemPerRowEdits(check: SheetCheck): CellEdit[] {
  const { columns } = check.table;
  if (columns.value === undefined) return [];
  const columnIndex = columns.value;
  const edits: CellEdit[] = [];
  const byCell = issuesByCell(check.issues, ["value_normalized"]);
  const normalizedAt = (cell: string) => (byCell.get(cell) ?? []).some((issue) => issue.code === "value_normalized");
  /** Cells holding one indicator a line: each line's canonical value, written into the cell's text. */
  const lined = new Map<string, { rowNumber: number; text: string; edits: { start: number; end: number; text: string }[] }>();
  for (const row of check.rows) {
    row.cell.items.forEach((item, i) => {
      const itemCell = row.itemCells?.[i];
      const rowNumber = itemCell?.rowNumber ?? row.rowNumber;
      if (itemCell?.line) {
        const after = canonicalValueText(item.value);
        const cell = lined.get(itemCell.address) ?? { rowNumber, text: itemCell.line.cellText, edits: [] };
        lined.set(itemCell.address, cell);
        if (after !== "" && after !== item.value.raw) cell.edits.push({ ...item.value.span, text: after });
        return;
      }
      if (itemCell?.columns) {
        // The operator or the unit in a column of its own: each cell gets its own canonical text.
        const columnEdits = valueColumnEdits(item.value, itemCell.columns);
        const codes: RuleCode[] = columnEdits.some((e) => normalizedAt(e.address)) ? ["value_normalized"] : [];
        for (const e of columnEdits) {
          const at = parseA1(e.address);
          edits.push({ sheet: check.sheet, cell: e.address, rowIndex: at.rowIndex, columnIndex: at.columnIndex, before: e.before, after: e.after, codes });
        }
        return;
      }
      const before = item.value.raw;
      const after = canonicalValueText(item.value);
      if (after === before) return;
      const cell = toA1(rowNumber - 1, columnIndex);
      edits.push({ sheet: check.sheet, cell, rowIndex: rowNumber - 1, columnIndex, before, after, codes: normalizedAt(cell) ? ["value_normalized"] : [] });
    });
  }
  for (const [cell, { rowNumber, text, edits: lines }] of lined) {
    if (lines.length === 0) continue;
    let after = text;
    for (const e of [...lines].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
    edits.push({ sheet: check.sheet, cell, rowIndex: rowNumber - 1, columnIndex, before: text, after, codes: normalizedAt(cell) ? ["value_normalized"] : [] });
  }
  return edits;
}

/** Issues grouped by cell once per sheet: looking them up per edited row would be quadratic.
 * Only the issues of `codes`, the ones the caller reads: a smaller Map is a faster one. */
function issuesByCell(issues: readonly Issue[], codes: readonly RuleCode[]): Map<string, Issue[]> {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!codes.includes(issue.code)) continue;
    const list = byCell.get(issue.cell);
    if (list) list.push(issue);
    else byCell.set(issue.cell, [issue]);
  }
  return byCell;
}

