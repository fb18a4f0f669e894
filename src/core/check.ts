import type {
  CellValue,
  CheckOptions,
  Counts,
  DetectedTable,
  Fix,
  IndicatorColumn,
  IndicatorItem,
  Issue,
  IssueParams,
  Lang,
  NormalizedIndicator,
  ParsedCell,
  Report,
  RuleCode,
  SheetReport,
  Severity,
  SheetSnapshot,
  Span,
  TextEdit,
} from "./model";
import type { ColumnCell, ValueColumns } from "./clean/valueColumns";
import { ValueTable } from "./parse/intern";
import { parseIndicatorCell, parseItemFromParts, type ItemParts } from "./parse/parseCell";
import { canonicalLevel1, canonicalLevel2, inferLevel2, level2BelongsTo } from "./parse/vocabulary";
import { foldWidth } from "./parse/normalizeText";
import { looksLikeValue, readValue } from "./parse/parseValue";
import { ALL_RULES } from "./rules/index";
import type { ItemCell, RowContext, RuleFinding } from "./rules/rule";
import { resolveSeverities } from "./rules/settings";
import { cellPlaceholder } from "./rules/cellPlaceholder";
import { detectTable, type TableFailure } from "./table/detectTable";
import { sameOrganisation, withoutCode } from "./table/nameVariants";
import { cellText } from "./table/cellText";
import { toA1, columnLetter } from "./table/address";
import { formatFix, formatIssue } from "./messages/index";
import { SheetRow } from "./rowContext";
import { buildNormalizedTable } from "./summary/normalizedTable";

/**
 * The one use-case every host calls: a sheet snapshot in, the table found, every indicator
 * cell parsed, every rule run, the issues and the normalized indicator table out.
 * The task pane, the ribbon command, the command line and the browser file mode all go
 * through here, so they never disagree.
 */
export interface SheetCheck {
  sheet: string;
  table: DetectedTable;
  rows: RowContext[];
  issues: Issue[];
  report: SheetReport;
  normalized: NormalizedIndicator[];
}

export type SheetOutcome = { ok: true; check: SheetCheck } | { ok: false; sheet: string; failure: TableFailure };

export function checkSheet(snapshot: SheetSnapshot, options: CheckOptions = {}): SheetOutcome {
  const detected = detectTable(snapshot, options.table);
  if (!detected.ok) return { ok: false, sheet: snapshot.name, failure: detected.failure };
  const table = detected.table;
  const rows = buildRows(snapshot, table);
  const issues = runRules(snapshot.name, table, rows, options);
  for (const row of rows) row.releaseCells();
  const report: SheetReport = {
    name: snapshot.name,
    layout: table.layout,
    headerRow: table.headerRowIndex + 1,
    dataRows: table.layout === "cell" ? table.dataRowIndexes.length : rows.length,
    indicators: rows.reduce((n, r) => n + r.cell.items.length, 0),
    columns: Object.fromEntries(Object.entries(table.columns).map(([role, c]) => [role, columnLetter(c as number)])),
    skippedRows: table.skipped.map((s) => ({ row: s.rowIndex + 1, reason: s.reason })),
  };
  if (table.indicatorColumns) report.indicatorColumns = table.indicatorColumns.map((c) => ({ column: columnLetter(c.columnIndex), header: c.header }));
  // The normalized table is made on first use: the CLI's JSON report streams it from rows and
  // issues (normalizedIndicators) and never needs the array.
  let normalized: NormalizedIndicator[] | undefined;
  const check: SheetCheck = {
    sheet: snapshot.name,
    table,
    rows,
    issues,
    report,
    get normalized() {
      return (normalized ??= buildNormalizedTable(rows, issues));
    },
  };
  return { ok: true, check };
}

/**
 * Every table of a sheet, each checked as checkSheet checks one: a sheet may hold two tables
 * with different columns one under the other (`一、本级项目…`, `二、转移支付项目…`). Each table
 * after the first is checked on the rows from its header down (the same sheet, the same row
 * numbers). With the table named by hand (options.table) the sheet has that one table.
 */
export function checkSheetTables(snapshot: SheetSnapshot, options: CheckOptions = {}): SheetOutcome[] {
  const outcomes: SheetOutcome[] = [checkSheet(snapshot, options)];
  const origin = snapshot.originRowIndex ?? 0;
  for (let last = outcomes[0]; last?.ok === true && last.check.table.nextTableRowIndex !== undefined; ) {
    const from = last.check.table.nextTableRowIndex;
    if (from <= last.check.table.headerRowIndex) break;
    const rest: SheetSnapshot = { ...snapshot, values: snapshot.values.slice(from - origin), originRowIndex: from };
    if (snapshot.mergedRowIndexes) rest.mergedRowIndexes = snapshot.mergedRowIndexes.filter((r) => r >= from);
    last = checkSheet(rest, options);
    // A header that names no usable table after all: the first table's check stands alone.
    if (!last.ok) break;
    // Header words under a table with no rows of their own (a header row printed at the end).
    if (last.check.table.dataRowIndexes.length > 0) outcomes.push(last);
  }
  return outcomes;
}

/** Whether a sheet row lies in a table, from its header down to the next table of its sheet:
 * every issue of a table's check does. */
export function isInTable(table: DetectedTable, rowIndex: number): boolean {
  return rowIndex >= table.headerRowIndex && (table.nextTableRowIndex === undefined || rowIndex < table.nextTableRowIndex);
}

/** Several sheets (or files) into one report. Sheets that failed are returned beside it. */
export function buildReport(checks: readonly SheetCheck[], file?: string): Report {
  const issues = checks.flatMap((c) => c.issues);
  let normalized: NormalizedIndicator[] | undefined;
  return {
    version: 1,
    ...(file !== undefined ? { file } : {}),
    sheets: checks.map((c) => c.report),
    issues,
    counts: countIssues(issues),
    get normalized() {
      return (normalized ??= checks.flatMap((c) => c.normalized));
    },
  };
}

export function countIssues(issues: readonly Issue[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

// ---------------------------------------------------------------------------------------

function valueAt(snapshot: SheetSnapshot, rowIndex: number, columnIndex: number | undefined): CellValue {
  if (columnIndex === undefined) return null;
  const r = rowIndex - (snapshot.originRowIndex ?? 0);
  const c = columnIndex - (snapshot.originColumnIndex ?? 0);
  return snapshot.values[r]?.[c] ?? null;
}

/** Every cell of a sheet row, as read: the row's identity for duplicate_project (SheetRow) — but
 * a department's or unit's name without its code (`广州市花都区教育局（101）`: withoutCode), so a
 * row pasted again with or without the code is the same project. */
function rowCells(snapshot: SheetSnapshot, rowIndex: number, columns: DetectedTable["columns"]): readonly CellValue[] {
  const cells = snapshot.values[rowIndex - (snapshot.originRowIndex ?? 0)] ?? [];
  let out: CellValue[] | undefined;
  for (const column of [columns.department, columns.unit]) {
    if (column === undefined) continue;
    const c = column - (snapshot.originColumnIndex ?? 0);
    const value = cells[c];
    if (typeof value !== "string") continue;
    const name = withoutCode(value);
    if (name === value) continue;
    out ??= [...cells];
    out[c] = name;
  }
  return out ?? cells;
}

/**
 * Whether a cell-layout row goes on with the project of the data row above it (ProjectRows): the
 * rows touch (or only merged continuation rows lie between), both have items, and this row's
 * 项目名称 is a copy of a merged block from above, or blank with its first item numbered on from
 * the last item above (`2、` after `1、`: a blank name with items from `1、` is a project whose
 * name is missing). The number before its first item when it numbers on, else 0; undefined when
 * it starts a project of its own. `before`: a cell it may number on from besides the row above's
 * last (category columns: the project's cell above in the same column, where each column may
 * number on down its own rows; the row above's last cell is the item before it in reading order).
 * `blankContinues`: a blank 项目名称 goes on with the project above whatever the numbering (a 一级
 * column, one row per 一级: each row's items may number from 1).
 */
function continuesProject(
  snapshot: SheetSnapshot,
  columns: DetectedTable["columns"],
  rowIndex: number,
  project: string,
  cell: ParsedCell,
  previous: SheetRow,
  merged: ReadonlySet<number>,
  before: ParsedCell = previous.cell,
  blankContinues = false,
): number | undefined {
  const projectColumn = columns.project;
  if (projectColumn === undefined || cell.items.length === 0 || (before.items.length === 0 && previous.cell.items.length === 0)) return undefined;
  for (let r = previous.rowIndex + 1; r < rowIndex; r++) if (!merged.has(r)) return undefined;
  const carry = numbersOn(before, cell) || numbersOn(previous.cell, cell);
  const copied = snapshot.mergeCopies?.get(rowIndex)?.includes(projectColumn) === true;
  if (!copied && !(project === "" && (carry > 0 || blankContinues))) return undefined;
  // Another unit or department on this row: another project, even under a name merged over both.
  if (writesOther(previous.unit, ownText(snapshot, rowIndex, columns.unit)) || writesOther(previous.department, ownText(snapshot, rowIndex, columns.department))) return undefined;
  return carry;
}

/** Whether a cell is a copy of a merged block from above (SheetSnapshot.mergeCopies). */
function isMergeCopy(snapshot: SheetSnapshot, rowIndex: number, columnIndex: number | undefined): boolean {
  return columnIndex !== undefined && snapshot.mergeCopies?.get(rowIndex)?.includes(columnIndex) === true;
}

/**
 * Whether an item-per-row data row whose 项目名称 is blank starts a project of its own, its name
 * missing, rather than going on with the project above: the project's name was a merged block that
 * ended on the data row above (`previousRowIndex`), and this row says it begins another project —
 * it starts the 一级 over (writes a 一级 its project already has, not the one above: `产出指标` after
 * `满意度指标`), or writes its unit, department or 序号 in a cell of its own where the row above had
 * the merged block's copy. A blank name under a name written on the first row only (no merges), or
 * a row that goes on with the 一级 above, continues the project.
 */
function startsNamelessProject(
  snapshot: SheetSnapshot,
  columns: DetectedTable["columns"],
  rowIndex: number,
  previousRowIndex: number,
  items: readonly IndicatorItem[],
  level1Above: string,
): boolean {
  const project = columns.project;
  if (project === undefined || isMergeCopy(snapshot, rowIndex, project) || !isMergeCopy(snapshot, previousRowIndex, project)) return false;
  if (cellText(valueAt(snapshot, rowIndex, project)).trim() !== "") return false;
  const level1 = canonicalLevel1(ownText(snapshot, rowIndex, columns.level1));
  if (level1 !== undefined && level1 !== canonicalLevel1(level1Above) && items.some((item) => item.level1 === level1)) return true;
  return [columns.unit, columns.department, columns.serial].some(
    (c) => c !== undefined && ownText(snapshot, rowIndex, c) !== "" && isMergeCopy(snapshot, previousRowIndex, c),
  );
}

/** A cell's trimmed text, "" when it is a copy of a merged block from above (SheetSnapshot.mergeCopies). */
function ownText(snapshot: SheetSnapshot, rowIndex: number, columnIndex: number | undefined): string {
  if (columnIndex === undefined || snapshot.mergeCopies?.get(rowIndex)?.includes(columnIndex) === true) return "";
  return cellText(valueAt(snapshot, rowIndex, columnIndex)).trim();
}

/** Whether a row writes another organisation than its group's (a blank continues the group's,
 * and so does another spelling of the same one: `花都区委组织部` under `中国共产党广州市花都区委员会
 * 组织部`). */
function writesOther(group: string, written: string): boolean {
  return written !== "" && group !== "" && written !== group && !sameOrganisation(group, written);
}

/** The category a row's 一级 (and 二级) cells give its indicator cell (at `columnIndex`), as a
 * category column's header does; undefined when the 一级 is blank or no known one. */
function rowColumn(level1Text: string, level2Text: string, columnIndex: number): IndicatorColumn | undefined {
  const level1 = canonicalLevel1(level1Text);
  if (level1 === undefined) return undefined;
  const level2 = canonicalLevel2(level2Text);
  return level2 !== undefined && level2BelongsTo(level1, level2) ? { columnIndex, header: level1Text, level1, level2 } : { columnIndex, header: level1Text, level1 };
}

/** The category columns of a row that hold indicators (not blank, not a placeholder such as `无`
 * or `/` in a column the project has nothing for), in sheet order; when none does, the first
 * that holds anything, or the first column: the row's empty indicator cell is reported there. */
function filledColumns(snapshot: SheetSnapshot, rowIndex: number, columns: readonly IndicatorColumn[]): IndicatorColumn[] {
  const texts = columns.map((c) => cellText(valueAt(snapshot, rowIndex, c.columnIndex)).trim());
  const filled = columns.filter((_, k) => texts[k] !== "" && cellPlaceholder(texts[k] as string) === undefined);
  if (filled.length > 0) return filled;
  const written = texts.findIndex((t) => t !== "");
  return columns.slice(Math.max(written, 0), Math.max(written, 0) + 1);
}

/**
 * A cell of a category column as the rules read it: its items that write no 一级 take the
 * column's (level1Source `heading`, the header being the column's heading), and its 二级 when
 * the header names one and the item writes none (else the 二级 is inferred under the column's
 * 一级); an item writing its own category keeps it, unless that word is its name
 * (categoryWordAsName). Item indexes count on from `offset`, the items of the row's cells left
 * of it, so an issue's (row, item) names one item of the row. Shared per column, offset and
 * text, as parsed cells are shared per text.
 */
function inColumn(own: ParsedCell, column: IndicatorColumn, offset: number, memo: Map<string, ParsedCell>): ParsedCell {
  const phrase = own.items.length === 0 ? own.text.trim() : "";
  if (own.items.length === 0 && (phrase === "" || cellPlaceholder(phrase) !== undefined)) return own;
  const key = `${column.columnIndex}\u0001${offset}\u0001${own.text}`;
  let cell = memo.get(key);
  if (cell === undefined) {
    // A lone phrase (`社会效益明显`) under a category header is one indicator of that category,
    // its value missing: the header says what it is, where a cell of its own says nothing.
    const written = phrase !== "" ? [phraseItem(own.text)] : own.items;
    const items = written.map((written) => {
      const item = categoryWordAsName(written, own.text) ?? written;
      const out: IndicatorItem = { ...item, index: item.index + offset };
      // A 一级 inferred from the item's 二级 gives way to the column's, which the author wrote.
      if (item.level1Source === "written" || item.level1Source === "heading") return out;
      out.level1 = column.level1;
      out.level1Raw = column.header;
      out.level1Source = "heading";
      if (item.level2Source === "written") return out;
      const level2 = column.level2 ?? inferLevel2(column.level1, item.name);
      if (level2 === undefined) {
        delete out.level2;
        out.level2Source = "none";
      } else {
        out.level2 = level2;
        out.level2Source = column.level2 !== undefined ? "written" : "inferred";
      }
      return out;
    });
    cell = { ...own, items };
    memo.set(key, cell);
  }
  return cell;
}

/** The whole text of a cell as one item's name, with no value (after a head that writes its
 * category, `产出指标-数量指标-培训人数`, as a 三级 column's text is read). */
function phraseItem(text: string): IndicatorItem {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const item = parseItemFromParts({ level1: "", level2: "", name: text.slice(start, end), value: "", operator: "", unit: "" }, 1);
  item.raw = text;
  item.span = { start: 0, end: text.length };
  item.nameSpan = { start: end - item.name.length, end };
  item.value = { ...item.value, span: { start: end, end } };
  return item;
}

/**
 * An item of a category column whose category word is its name: the word (a short form, without
 * `指标`) stands before `：` with no name after it (`满意度：≥90%`, `服务对象满意度：≥90%`), or with
 * only a value after it that the parser took for a name (`社会效益：明显提升`). The column gives
 * the category, so the word names the indicator. Undefined for any other item.
 */
function categoryWordAsName(item: IndicatorItem, text: string): IndicatorItem | undefined {
  const level1 = item.level1Source === "written" && item.level2Source !== "written";
  const level2 = item.level2Source === "written" && (item.level1Source === "none" || item.level1Source === "inferred");
  if (!level1 && !level2) return undefined;
  const word = (level1 ? item.level1Raw : item.level2Raw)?.trim() ?? "";
  if (word === "" || word.endsWith("指标")) return undefined;
  const start = level1 ? (item.level1Span?.start ?? -1) : text.indexOf(word, item.span.start);
  if (start < 0 || start >= item.span.end) return undefined;
  let value = item.value;
  if (item.name !== "") {
    // `社会效益：明显提升`: no value read, and the "name" reads as one.
    if (item.value.kind !== "empty" || item.value.raw !== "" || item.label !== undefined) return undefined;
    const folded = foldWidth(text);
    value = readValue(text, folded, item.nameSpan.start, item.nameSpan.end);
    if (!looksLikeValue(value, folded)) return undefined;
  } else if (item.value.kind === "empty") {
    return undefined;
  }
  const renamed: IndicatorItem = { ...item, name: word, nameSpan: { start, end: start + word.length }, value, level1Source: "none", level2Source: "none" };
  delete renamed.level1;
  delete renamed.level1Raw;
  delete renamed.level1Span;
  delete renamed.level2;
  delete renamed.level2Raw;
  return renamed;
}

/**
 * A project's category columns numbered column by column (`1、` and, on the row below, `2、` under
 * 产出指标, then `3、` under 效益指标 on the first row): a column's first cell numbers on from the
 * last cell of the column left of it, which may stand on a later row, so this is settled once the
 * project's rows are read. `last`: each column's last cell; `first`: each column's first row.
 */
function numberColumnsOn(last: ReadonlyMap<number, ParsedCell>, first: ReadonlyMap<number, SheetRow>): void {
  let left: ParsedCell | undefined;
  for (const columnIndex of [...last.keys()].sort((a, b) => a - b)) {
    const row = first.get(columnIndex);
    const rows = row?.projectRows;
    if (left !== undefined && row !== undefined && rows !== undefined && !rows.first && !((rows.numbersOn ?? 0) > 0)) {
      const on = numbersOn(left, row.cell);
      if (on > 0) rows.numbersOn = on;
    }
    left = last.get(columnIndex);
  }
}

/** The number before `cell`'s first item when it numbers on from the last item of `before`
 * (`3、` after `2、`), else 0. */
function numbersOn(before: ParsedCell, cell: ParsedCell): number {
  const first = cell.items[0]?.number;
  const last = before.items[before.items.length - 1]?.number;
  return first !== undefined && last !== undefined && first === last + 1 && first > 1 ? last : 0;
}

/** The cells an item-per-row value is read from, each with its text as read (untrimmed). */
function valueColumns(snapshot: SheetSnapshot, rowIndex: number, value: number, operator: number | undefined, unit: number | undefined): ValueColumns {
  const cell = (columnIndex: number): ColumnCell => ({ address: toA1(rowIndex, columnIndex), text: cellText(valueAt(snapshot, rowIndex, columnIndex)) });
  const columns: ValueColumns = { value: cell(value) };
  if (operator !== undefined) columns.operator = cell(operator);
  if (unit !== undefined) columns.unit = cell(unit);
  return columns;
}

function buildRows(snapshot: SheetSnapshot, table: DetectedTable): SheetRow[] {
  const cols = table.columns;
  // Tables repeat whole indicator cells (one project per town, the same template per unit):
  // each distinct text is parsed once. Parsed cells are read-only from here on.
  const parsed = new Map<string, ParsedCell>();
  const values = new ValueTable();
  const parse = (text: string): ParsedCell => {
    let cell = parsed.get(text);
    if (!cell) {
      cell = parseIndicatorCell(text, values);
      parsed.set(text, cell);
    }
    return cell;
  };
  const text = (rowIndex: number, col: number | undefined) => cellText(valueAt(snapshot, rowIndex, col)).trim();
  // The 序号 cell is no part of a row's identity (SheetRow): as an index into rowCells.
  const serial = cols.serial !== undefined ? cols.serial - (snapshot.originColumnIndex ?? 0) : -1;
  if (table.layout === "cell") {
    const rows: SheetRow[] = [];
    const merged = new Set(snapshot.mergedRowIndexes ?? []);
    // `项目名称 | X`, `主管部门 | Y`, `单位名称 | Z` above a table with no column for them: every
    // row's, as in the item-per-row layout (detectTable reads them only for roles without a column).
    const form = table.formFields;
    const categories = table.indicatorColumns;
    const categorised = new Map<string, ParsedCell>();
    // A 一级 column beside the indicator column (`项目名称 | 一级指标 | 绩效指标`, one row per 一级,
    // its items numbered in the cell): each row's items that write no 一级 take the row's, as a
    // category column's take its header's; the rows of one project (its name blank or merged
    // down) are one project.
    const rowCategories = categories === undefined && cols.level1 !== undefined && cols.indicators !== undefined;
    const byLevel1 = new Map<string, Map<string, ParsedCell>>();
    let rowLevel1 = "";
    /** Category columns: the current project's last cell in each column, and its first row there. */
    const above = new Map<number, ParsedCell>();
    const firstInColumn = new Map<number, SheetRow>();
    let previous: SheetRow | undefined;
    for (const rowIndex of table.dataRowIndexes) {
      const project = cols.project !== undefined ? text(rowIndex, cols.project) : (form?.project?.text ?? "");
      // One indicator cell, or the row's filled category columns (the first one when all are blank).
      const parts = categories !== undefined ? filledColumns(snapshot, rowIndex, categories) : [undefined];
      let offset = 0;
      for (let k = 0; k < parts.length; k++) {
        const column = parts[k];
        const columnIndex = column?.columnIndex ?? cols.indicators;
        const raw = valueAt(snapshot, rowIndex, columnIndex);
        const own = parse(cellText(raw));
        const upper = column !== undefined ? above.get(column.columnIndex) : undefined;
        // A row's later category cells go on with its first; its first, maybe with the row above.
        const numberedFrom = k > 0 ? 0 : previous !== undefined ? continuesProject(snapshot, cols, rowIndex, project, own, previous, merged, upper, rowCategories) : undefined;
        let cell = column !== undefined ? inColumn(own, column, offset, categorised) : own;
        if (rowCategories) {
          // A blank (or merged-down) 一级 goes on with the one above in the project.
          const written = ownText(snapshot, rowIndex, cols.level1);
          rowLevel1 = written !== "" ? written : numberedFrom !== undefined ? rowLevel1 : text(rowIndex, cols.level1);
          const heading = rowColumn(rowLevel1, text(rowIndex, cols.level2), columnIndex ?? 0);
          if (heading !== undefined) {
            const key = `${heading.header}\u0001${heading.level2 ?? ""}`;
            let memo = byLevel1.get(key);
            if (memo === undefined) byLevel1.set(key, (memo = new Map()));
            cell = inColumn(own, heading, 0, memo);
          }
        }
        if (k === 0 && numberedFrom === undefined) {
          numberColumnsOn(above, firstInColumn);
          above.clear();
          firstInColumn.clear();
        }
        const head = numberedFrom !== undefined ? previous : undefined;
        const row = new SheetRow(
          {
            sheet: snapshot.name,
            rowIndex,
            rowNumber: rowIndex + 1,
            department: text(rowIndex, cols.department) || (head?.department ?? form?.department?.text ?? ""),
            unit: text(rowIndex, cols.unit) || (head?.unit ?? form?.unit?.text ?? ""),
            project: project || (head?.project ?? ""),
            indicatorAddress: toA1(rowIndex, columnIndex ?? 0),
            projectAddress: cols.project !== undefined ? toA1(rowIndex, cols.project) : form?.project ? toA1(form.project.rowIndex, form.project.columnIndex) : undefined,
            rawIndicator: raw,
            cell,
            itemCells: undefined,
          },
          rowCells(snapshot, rowIndex, cols),
          serial,
        );
        if (cell !== own) row.ownCell = own;
        if (head !== undefined && numberedFrom !== undefined) {
          // The project's items, one array its rows share, grown row by row (cell by cell).
          const items = (head.projectRows?.items as IndicatorItem[] | undefined) ?? [...head.cell.items];
          head.projectRows ??= { items, first: true, numberedFrom: 0 };
          items.push(...cell.items);
          if (column === undefined) row.projectRows = { items, first: false, numberedFrom };
          else {
            // Items are indexed over the row: numbering goes on from the cell above or to the left.
            const on = k === 0 ? numberedFrom : (upper !== undefined ? numbersOn(upper, cell) : 0) || numbersOn(head.cell, cell);
            row.projectRows = { items, first: false, numberedFrom: 0, numbersOn: on };
            if (k > 0) row.projectRows.laterColumn = true;
          }
        }
        if (column !== undefined) {
          above.set(column.columnIndex, cell);
          if (!firstInColumn.has(column.columnIndex)) firstInColumn.set(column.columnIndex, row);
        }
        rows.push(row);
        previous = row;
        offset += cell.items.length;
      }
    }
    numberColumnsOn(above, firstInColumn);
    return rows;
  }
  // One indicator per row: consecutive rows of one project form one logical indicator cell.
  // A row with a blank project continues the project above (merged or left-blank cells); one
  // that writes another department or unit starts a project of its own even under the same
  // name (`业务工作经费` of 甲中心, then of 乙中心).
  const groups: SheetRow[] = [];
  /** The operator or the unit has a column of its own: values are read joined from several cells. */
  const split = cols.operator !== undefined || cols.measureUnit !== undefined;
  let current: SheetRow | undefined;
  let currentProject = "";
  /** The 一级 and 二级 of the item above, as written or continued, and the cells they stand in. */
  let groupLevel1 = "";
  let groupLevel2 = "";
  let level1Address: string | undefined;
  let level2Address: string | undefined;
  // A project form above the table (`项目名称 | X`) names the project of a table with no
  // project column, and its department and unit.
  const form = table.formFields;
  let previousRowIndex: number | undefined;
  for (const rowIndex of table.dataRowIndexes) {
    const nameless = current !== undefined && previousRowIndex !== undefined && startsNamelessProject(snapshot, cols, rowIndex, previousRowIndex, current.cell.items, groupLevel1);
    previousRowIndex = rowIndex;
    const project = nameless ? "" : text(rowIndex, cols.project) || currentProject || (form?.project?.text ?? "");
    if (!current || nameless || project !== currentProject || writesOther(current.unit, text(rowIndex, cols.unit)) || writesOther(current.department, text(rowIndex, cols.department))) {
      currentProject = project;
      current = new SheetRow(
        {
          sheet: snapshot.name,
          rowIndex,
          rowNumber: rowIndex + 1,
          department: text(rowIndex, cols.department) || (form?.department?.text ?? ""),
          unit: text(rowIndex, cols.unit) || (form?.unit?.text ?? ""),
          project,
          indicatorAddress: toA1(rowIndex, cols.value ?? cols.level3 ?? 0),
          projectAddress:
            cols.project !== undefined ? toA1(rowIndex, cols.project) : form?.project ? toA1(form.project.rowIndex, form.project.columnIndex) : undefined,
          rawIndicator: null,
          cell: { text: "", items: [], leading: undefined },
          itemCells: [],
        },
        rowCells(snapshot, rowIndex, cols),
        serial,
      );
      groups.push(current);
    }
    // 一级 and 二级 are written once over the rows they group (merged cells, or left blank): a
    // row that leaves its 一级 blank continues the one above in its project, and its 二级 too
    // when that is blank as well. A row that writes its 一级 and no 二级 has none written.
    // A cell merged down from above (SheetSnapshot.mergeCopies) is written once, as a blank is.
    // A PDF's table pasted back (public disclosures): the row's 一级/二级/三级/指标值 cells hold
    // one indicator a line, aligned (`产出指标\n效益指标` beside `≥3000人次\n有效提升`).
    const lines = alignedLines(snapshot, rowIndex, cols);
    if (lines !== undefined) {
      const address = toA1(rowIndex, cols.value ?? 0);
      lines.forEach((line, k) => {
        let level1 = line.level1;
        let level2 = line.level2;
        if (level1 === "" && current !== undefined && current.cell.items.length > 0) {
          level1 = groupLevel1;
          if (level2 === "") level2 = groupLevel2;
        }
        groupLevel1 = level1;
        groupLevel2 = level2;
        const read = parseItemFromParts({ level1, level2, name: line.name, value: line.value, operator: "", unit: "", direction: "" }, (current?.cell.items.length ?? 0) + 1);
        // Spans in the value cell's text, so fixes and marks land on this line.
        const shift = (span: Span): Span => ({ start: span.start + line.valueStart, end: span.end + line.valueStart });
        const item: IndicatorItem = { ...read, span: shift(read.span), value: { ...read.value, span: shift(read.value.span) } };
        current?.cell.items.push(item);
        const itemCell: ItemCell = { address, rowNumber: rowIndex + 1, line: { index: k, count: lines.length, cellText: lines.cellText } };
        if (line.level1 !== "" && cols.level1 !== undefined) itemCell.level1 = toA1(rowIndex, cols.level1);
        if (line.level2 !== "" && cols.level2 !== undefined) itemCell.level2 = toA1(rowIndex, cols.level2);
        current?.itemCells?.push(itemCell);
      });
      continue;
    }
    let level1 = ownText(snapshot, rowIndex, cols.level1);
    let level2 = ownText(snapshot, rowIndex, cols.level2);
    const ownLevel2 = level2 !== "";
    if (level1 === "" && current.cell.items.length > 0) {
      level1 = groupLevel1;
      if (level2 === "") level2 = groupLevel2;
    } else {
      if (level1 === "") level1 = text(rowIndex, cols.level1);
      if (level2 === "") level2 = text(rowIndex, cols.level2);
      level1Address = level1 !== "" && cols.level1 !== undefined ? toA1(rowIndex, cols.level1) : undefined;
    }
    if (ownLevel2 && cols.level2 !== undefined) level2Address = toA1(rowIndex, cols.level2);
    else if (level2 === "") level2Address = undefined;
    groupLevel1 = level1;
    groupLevel2 = level2;
    const name = text(rowIndex, cols.level3);
    const item = parseItemFromParts(
      {
        level1,
        level2,
        name,
        value: text(rowIndex, cols.value),
        operator: text(rowIndex, cols.operator),
        unit: text(rowIndex, cols.measureUnit),
        direction: text(rowIndex, cols.direction),
      },
      current.cell.items.length + 1,
    );
    // No 指标值 column: the 三级 cell holds the name and the value (`培训人数≥100人`), maybe several
    // items (`1.培训人数≥100人；2.培训合格率≥95%`), read as an indicator cell is; the columns' 一级
    // and 二级 go to the items that write none. Spans stay the cell's, so fixes apply there.
    const own = cols.value === undefined && name !== "" ? parse(cellText(valueAt(snapshot, rowIndex, cols.level3))) : undefined;
    const first = current.cell.items.length + 1;
    const items =
      own !== undefined && own.items.length > 0
        ? own.items.map((written, k) => withRowLevels(written, { level1, level2, name: written.name, value: "", operator: "", unit: "", direction: text(rowIndex, cols.direction) }, first + k))
        : [item];
    const address = toA1(rowIndex, cols.value ?? cols.level3 ?? 0);
    for (const read of items) {
      current.cell.items.push(read);
      const itemCell: ItemCell =
        split && cols.value !== undefined
          ? { address, rowNumber: rowIndex + 1, columns: valueColumns(snapshot, rowIndex, cols.value, cols.operator, cols.measureUnit) }
          : { address, rowNumber: rowIndex + 1 };
      if (level1Address !== undefined) itemCell.level1 = level1Address;
      if (level2Address !== undefined) itemCell.level2 = level2Address;
      current.itemCells?.push(itemCell);
    }
  }
  return groups;
}

/** One indicator of a row whose cells hold one a line (alignedLines): its line of each cell, and
 * where its value's line starts in the value cell's trimmed text. */
interface AlignedLine {
  level1: string;
  level2: string;
  name: string;
  value: string;
  valueStart: number;
}

/**
 * The indicators of an item-per-row row whose 三级 and 指标值 cells each hold two or more lines, as
 * many in each, and whose 一级 and 二级 cells hold as many lines or are blank (`产出指标\n产出指标\n
 * 效益指标` beside `≥3000人次\n≥95%\n有效提升`): a table converted from a PDF, one indicator a line.
 * Undefined for any other row, and where the operator, unit or direction has a cell of its own on
 * the row (its value is read joined from several cells). `cellText`: the value cell's trimmed text.
 */
function alignedLines(snapshot: SheetSnapshot, rowIndex: number, columns: DetectedTable["columns"]): (AlignedLine[] & { cellText: string }) | undefined {
  if (columns.value === undefined || columns.level3 === undefined) return undefined;
  const own = (column: number | undefined) => (column === undefined ? "" : cellText(valueAt(snapshot, rowIndex, column)).trim());
  const valueText = own(columns.value);
  if (!valueText.includes("\n")) return undefined;
  if ([columns.operator, columns.measureUnit, columns.direction].some((c) => own(c) !== "")) return undefined;
  const split = (text: string) => text.split("\n");
  const values = split(valueText);
  const count = values.length;
  const names = split(own(columns.level3));
  if (names.length !== count) return undefined;
  const level1Text = ownText(snapshot, rowIndex, columns.level1);
  const level2Text = ownText(snapshot, rowIndex, columns.level2);
  const level1 = level1Text === "" ? undefined : split(level1Text);
  const level2 = level2Text === "" ? undefined : split(level2Text);
  if ((level1 !== undefined && level1.length !== count) || (level2 !== undefined && level2.length !== count)) return undefined;
  const out: AlignedLine[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    const raw = values[k] as string;
    const value = raw.trim();
    out.push({
      level1: level1?.[k]?.trim() ?? "",
      level2: level2?.[k]?.trim() ?? "",
      name: (names[k] as string).trim(),
      value,
      valueStart: at + (raw.length - raw.trimStart().length),
    });
    at += raw.length + 1;
  }
  return Object.assign(out, { cellText: valueText });
}

/**
 * An item read from a 三级 cell that holds its value too, with the 一级 and 二级 its row's columns
 * give (`columns`: theirs, and the item's name) where it writes none of its own; indexed `index`
 * in its project.
 */
function withRowLevels(item: IndicatorItem, columns: ItemParts, index: number): IndicatorItem {
  const out: IndicatorItem = { ...item, index };
  const row = parseItemFromParts(columns, index);
  if (out.direction === undefined && row.direction !== undefined) out.direction = row.direction;
  if (item.level1Source !== "none") return out;
  out.level1Source = row.level1Source;
  if (row.level1 !== undefined) out.level1 = row.level1;
  if (row.level1Raw !== undefined) out.level1Raw = row.level1Raw;
  if (item.level2Source === "written") return out;
  delete out.level2;
  delete out.level2Raw;
  out.level2Source = row.level2Source;
  if (row.level2 !== undefined) out.level2 = row.level2;
  if (row.level2Raw !== undefined) out.level2Raw = row.level2Raw;
  return out;
}

function runRules(sheet: string, table: DetectedTable, rows: readonly RowContext[], options: CheckOptions): Issue[] {
  const severities = resolveSeverities(options);
  const lang = options.lang ?? "zh";
  const issues: Issue[] = [];
  // A sheet row's first RowContext: category columns give a row one per indicator cell.
  const rowByNumber = new Map<number, RowContext>();
  for (const r of rows) if (!rowByNumber.has(r.rowNumber)) rowByNumber.set(r.rowNumber, r);
  const texts = new TextMemo(lang);
  /** The row whose checkRow runs: its findings are its own (its cell, its carry). */
  let current: RowContext | undefined;
  const emit = (f: RuleFinding) => {
    const severity = severities[f.code];
    if (severity === "off") return;
    const row = current?.rowNumber === f.rowNumber ? current : rowByNumber.get(f.rowNumber);
    let params = f.params ?? {};
    // A project's later row numbering on (`2、…` under `1、…`): its messages count the items as
    // the author numbered them, over the project (the issue's `item` stays the cell position).
    const carry = row?.projectRows?.numberedFrom ?? 0;
    if (carry > 0 && typeof params.item === "number") params = { ...params, item: params.item + carry };
    // In the item-per-row layout an item's issue points at that item's own row.
    const itemCell = f.item !== undefined ? row?.itemCells?.[f.item - 1] : undefined;
    const leaf = texts.leaf(f.code, params);
    const shared = texts.params(leaf, params);
    issues.push(
      newIssue(
        f.code,
        severity,
        shared,
        texts.text(leaf, MESSAGE, f.code, params),
        sheet,
        f.cell ?? itemCell?.address ?? row?.indicatorAddress ?? toA1(f.rowNumber - 1, 0),
        itemCell?.rowNumber ?? f.rowNumber,
        f.item,
        f.span,
        f.fix ? texts.fix(leaf, f.code, shared, f.fix) : undefined,
      ),
    );
  };
  const enabled = ALL_RULES.filter((rule) => rule.codes.some((code: RuleCode) => severities[code] !== "off"));
  // Per-cell rules run first, so a row's per-cell issues are one run of `issues` that a later
  // row with the same ParsedCell copies. The order of rules within a row does not show: the
  // sort below orders a row's issues by item, severity and code, and every code belongs to one
  // rule, whose own order is kept.
  const perCell = enabled.filter((rule) => rule.perCell === true && rule.checkRow !== undefined);
  const perRow = enabled.filter((rule) => rule.perCell !== true && rule.checkRow !== undefined);
  /** The first row of each cell: where its per-cell issues start in `issues`, and how many. */
  const firstIssues = new Map<ParsedCell, { start: number; count: number }>();
  for (const row of rows) {
    current = row;
    // Item-per-row groups own their cells and point issues at item rows, and the rows of a
    // project written over several rows read the whole project: always run.
    const shared = row.itemCells === undefined && row.projectRows === undefined;
    const first = shared ? firstIssues.get(row.cell) : undefined;
    if (first) {
      for (let i = first.start, end = first.start + first.count; i < end; i++) issues.push(moveIssue(issues[i] as Issue, row));
    } else {
      const start = issues.length;
      for (const rule of perCell) rule.checkRow?.(row, emit);
      if (shared) firstIssues.set(row.cell, { start, count: issues.length - start });
    }
    for (const rule of perRow) rule.checkRow?.(row, emit);
  }
  current = undefined;
  const ctx = { sheet, table, rows };
  for (const rule of enabled) rule.checkTable?.(ctx, emit);
  return sortIssues(issues);
}

/** A per-cell issue of one row as the same cell's issue in another row (cell layout: the
 * row's indicator cell). Params, span and fix are shared: issues are read-only data. */
function moveIssue(issue: Issue, row: RowContext): Issue {
  const { code, severity, params, message, sheet, item, span, fix } = issue;
  return newIssue(code, severity, params, message, sheet, row.indicatorAddress, row.rowNumber, item, span, fix);
}

/**
 * An issue with its optional fields only when present, in the model's key order. One literal
 * per combination: a literal gets exactly its own fields in the object, where fields added
 * afterwards would each issue need a separate property store.
 */
function newIssue(
  code: RuleCode,
  severity: Severity,
  params: IssueParams,
  message: string,
  sheet: string,
  cell: string,
  rowNumber: number,
  item: number | undefined,
  span: Span | undefined,
  fix: Fix | undefined,
): Issue {
  if (item !== undefined) {
    if (span) {
      return fix
        ? { code, severity, params, message, sheet, cell, rowNumber, item, span, fix }
        : { code, severity, params, message, sheet, cell, rowNumber, item, span };
    }
    return fix ? { code, severity, params, message, sheet, cell, rowNumber, item, fix } : { code, severity, params, message, sheet, cell, rowNumber, item };
  }
  if (span) return fix ? { code, severity, params, message, sheet, cell, rowNumber, span, fix } : { code, severity, params, message, sheet, cell, rowNumber, span };
  return fix ? { code, severity, params, message, sheet, cell, rowNumber, fix } : { code, severity, params, message, sheet, cell, rowNumber };
}

/** A node of TextMemo's tree: param names and values lead on; at a leaf, MESSAGE and FIX hold
 * texts, PARAMS the first params object of that path, FIXES the fixes made there. */
type MemoNode = Map<unknown, MemoNode | string | IssueParams | Fix[]>;
const MESSAGE = Symbol("message");
const FIX = Symbol("fix");
const PARAMS = Symbol("params");
const FIXES = Symbol("fixes");

/** Fixes kept per leaf for sharing: a finding recurs at a handful of places of its texts. */
const FIXES_PER_LEAF = 16;

/**
 * The messages and fix descriptions of one check, formatted once per distinct code and params:
 * a sheet repeats the same findings (one template per unit, 满意度 missing in most rows), and
 * one string then serves all their issues. The params are looked up as a path through a tree
 * (code, then each param's name and value in order) rather than joined into one key: names and
 * values are mostly the parser's shared strings (parse/intern.ts), whose hashes are computed
 * once, so a lookup costs less than formatting. Map keys compare as SameValueZero, so 0 and
 * -0 share a text: no message can tell them apart.
 */
class TextMemo {
  private readonly root: MemoNode = new Map();

  constructor(private readonly lang: Lang) {}

  /** The message of `leaf` (the node of `code` and `params`), or with FIX its fix description. */
  text(leaf: MemoNode, kind: typeof MESSAGE | typeof FIX, code: RuleCode, params: IssueParams): string {
    let text = leaf.get(kind) as string | undefined;
    if (text === undefined) {
      text = kind === MESSAGE ? formatIssue(code, params, this.lang) : formatFix(code, params, this.lang);
      leaf.set(kind, text);
    }
    return text;
  }

  /** The first params object seen on `leaf`'s path: the same names, in the same order, with the
   * same values (so the same JSON), one object kept for all the issues that carry them. */
  params(leaf: MemoNode, params: IssueParams): IssueParams {
    const known = leaf.get(PARAMS) as IssueParams | undefined;
    if (known !== undefined) return known;
    leaf.set(PARAMS, params);
    return params;
  }

  /** The finding's fix, shared with an earlier fix on `leaf` whose edits are the same (span and
   * text) and as safe: issues are read-only data, and a table repeats its findings. */
  fix(leaf: MemoNode, code: RuleCode, params: IssueParams, fix: { edits: TextEdit[]; auto: boolean }): Fix {
    // Where the first edit starts tells most of a leaf's fixes apart before a full comparison.
    const at = fix.edits[0]?.span.start;
    const known = leaf.get(FIXES) as Fix[] | undefined;
    if (known) {
      for (const other of known) if (other.edits[0]?.span.start === at && other.auto === fix.auto && sameEdits(other.edits, fix.edits)) return other;
    }
    const made: Fix = { edits: fix.edits, auto: fix.auto, description: this.text(leaf, FIX, code, params) };
    if (!known) leaf.set(FIXES, [made]);
    else if (known.length < FIXES_PER_LEAF) known.push(made);
    return made;
  }

  /** The node of `code` and `params` (each name, then its value, in the params' own order). */
  leaf(code: RuleCode, params: IssueParams): MemoNode {
    let node = this.child(this.root, code);
    for (const name in params) node = this.child(this.child(node, name), params[name]);
    return node;
  }

  private child(node: MemoNode, key: unknown): MemoNode {
    let next = node.get(key) as MemoNode | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(key, next);
    }
    return next;
  }
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as TextEdit;
    const y = b[i] as TextEdit;
    if (x.text !== y.text || x.span.start !== y.span.start || x.span.end !== y.span.end) return false;
  }
  return true;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      a.rowNumber - b.rowNumber ||
      (a.item ?? 0) - (b.item ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
