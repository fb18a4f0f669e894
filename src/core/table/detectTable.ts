import type {
  CellValue,
  ColumnMap,
  ColumnRole,
  DetectedTable,
  FormFields,
  IndicatorColumn,
  SheetSnapshot,
  SkipReason,
  SkippedRow,
  TableLayout,
  TableOverride,
} from "../model";
import { cellText } from "./cellText";
import { annualPreference, categoryColumns, EXACT_HEADER_WORDS, ITEM_PER_ROW_ROLES, matchCategoryHeader, matchHeaderRole, matchShortCategoryHeader, normalizeHeader, type CategoryHeader, type HeaderMatch } from "./headerRoles";
import { isHan } from "../parse/normalizeText";

/**
 * Finds the table on a sheet: the header row, what each column means, which rows below it are
 * data and which are not (and why). Words decide, never positions (DOMAIN.md §1).
 *
 * Failures are values: an empty sheet, no header row among the first rows, a header with no
 * indicator column, or a header with an indicator column and nothing saying whose indicators
 * they are (`职能职责 | 年度主要任务 | 绩效指标`: a department-level table, no project per row).
 * The user can then name the header row and map the columns by hand through `override`.
 */
export type TableFailure =
  | { kind: "empty" }
  /** `headerRowNumber` and `words`: a row of short header-like cells naming indicator columns
   * (`一级指标`, `指标值`…) that is no header all the same — a sheet that looked like an indicator
   * table, worth telling the user about (IndicatorTableFailure). */
  | { kind: "noHeader"; headerRowNumber?: number; words?: string[] }
  /** `words`: the indicator columns the header does name (`一级指标`, `二级指标`), when any. */
  | { kind: "noIndicatorColumn"; headerRowNumber: number; words?: string[] }
  | { kind: "noProjectColumn"; headerRowNumber: number };

/** Whether a sheet failed as an indicator table: a header naming 绩效指标 and no project, or
 * header words naming indicator columns where no table could be read. A workbook's other sheets
 * (a cover, lookup lists) fail with nothing of the kind. */
export function looksLikeIndicatorTable(failure: { kind: string; words?: readonly string[] }): boolean {
  if (failure.kind === "noProjectColumn") return true;
  return (failure.kind === "noHeader" || failure.kind === "noIndicatorColumn") && failure.words !== undefined;
}

export type DetectResult = { ok: true; table: DetectedTable } | { ok: false; failure: TableFailure };

/** Headers sit near the top; scanning further would let prose rows compete. */
export const HEADER_SCAN_ROWS = 50;

export function detectTable(snapshot: SheetSnapshot, override?: TableOverride): DetectResult {
  const grid = new Grid(snapshot);
  if (grid.isEmpty()) return { ok: false, failure: { kind: "empty" } };

  const header = findHeader(grid, override);
  if (!header) {
    const lone = loneIndicatorHeader(grid);
    if (lone !== undefined) return { ok: false, failure: { kind: "noProjectColumn", headerRowNumber: lone + grid.originRow + 1 } };
    return { ok: false, failure: indicatorWordsRow(grid) ?? { kind: "noHeader" } };
  }

  const columns = applyColumnOverride(header.columns, override?.columns);
  settleIndicatorColumns(columns, header.indicatorsFromGroupRow, override?.columns);
  const layout = layoutOf(columns);
  if (!layout) {
    const words = header.localRows.flatMap((local) => indicatorWords(grid, local));
    const failure: TableFailure = { kind: "noIndicatorColumn", headerRowNumber: header.rowIndex + 1 };
    if (words.length > 0) failure.words = [...new Set(words)];
    return { ok: false, failure };
  }
  if (layout === "itemPerRow" && header.indicatorsFromGroupRow && override?.columns?.indicators === undefined) {
    // `绩效指标` spanning 一级/二级/三级/指标值 is a group title, not a column of its own.
    delete columns.indicators;
  }

  // Category columns stand as detected unless the user named the indicator column by hand.
  const indicatorColumns =
    layout === "cell" && header.categories !== undefined && override?.columns?.indicators === undefined && columns.indicators === header.categories[0]?.columnIndex
      ? header.categories
      : undefined;
  const { dataRowIndexes, skipped, nextTableRowIndex, formFields } = classifyRows(grid, header, columns, layout, override !== undefined, indicatorColumns);
  if (layout === "itemPerRow" && override?.columns?.level1 === undefined && holdsNatureOnly(grid, header, columns, dataRowIndexes)) {
    // `指标类型` saying 定量/定性: no 一级 column after all (its items then write no 一级).
    delete columns.level1;
  }
  const table: DetectedTable = { layout, headerRowIndex: header.rowIndex, columns, dataRowIndexes, skipped };
  if (indicatorColumns !== undefined) table.indicatorColumns = indicatorColumns;
  if (nextTableRowIndex !== undefined) table.nextTableRowIndex = nextTableRowIndex;
  if (formFields !== undefined) table.formFields = formFields;
  return { ok: true, table };
}

// ---------------------------------------------------------------------------------------
// The grid: sheet indexes in, trimmed cell text out.

class Grid {
  readonly rowCount: number;
  readonly originRow: number;
  readonly originColumn: number;
  /** SheetSnapshot.mergedRowIndexes (sheet rows). */
  readonly mergedRowIndexes: readonly number[];
  /** SheetSnapshot.mergeCopies (sheet rows → sheet columns). */
  readonly mergeCopies: ReadonlyMap<number, readonly number[]> | undefined;
  private readonly values: CellValue[][];

  constructor(snapshot: SheetSnapshot) {
    this.values = snapshot.values;
    this.mergedRowIndexes = snapshot.mergedRowIndexes ?? [];
    this.mergeCopies = snapshot.mergeCopies;
    this.rowCount = snapshot.values.length;
    this.originRow = snapshot.originRowIndex ?? 0;
    this.originColumn = snapshot.originColumnIndex ?? 0;
  }

  /** The row at a local (snapshot) index; ragged rows are fine. */
  row(localRow: number): readonly CellValue[] {
    return this.values[localRow] ?? [];
  }

  /** Trimmed text of the cell at a SHEET column of a local row. */
  text(localRow: number, sheetColumn: number | undefined): string {
    if (sheetColumn === undefined) return "";
    return cellText(this.row(localRow)[sheetColumn - this.originColumn]).trim();
  }

  isEmpty(): boolean {
    for (let r = 0; r < this.rowCount; r++) {
      for (const value of this.row(r)) if (cellText(value).trim() !== "") return false;
    }
    return true;
  }
}

// ---------------------------------------------------------------------------------------
// The header row

interface RowRoles {
  /** Local row index. */
  localRow: number;
  /** Role → sheet column, strongest match first, then leftmost. */
  roles: Map<ColumnRole, { columnIndex: number; strength: number }>;
  score: number;
  nonEmpty: number;
  recognized: number;
  /** Every non-empty cell is short and not a number, as header cells are (data rows hold codes,
   * amounts and long indicator texts). */
  headerShaped: boolean;
  /** Category columns the row heads (`产出指标 | 效益指标 | 满意度指标`): then its `indicators`
   * role is the first of them. */
  categories?: IndicatorColumn[];
  /** Every cell of the row naming a category, in sheet order, whether or not the row heads
   * category columns by itself (the 一级 and 二级 rows of a two-level header: levelledColumns). */
  categoryCells: CategoryCell[];
}

interface CategoryCell {
  columnIndex: number;
  header: string;
  category: CategoryHeader;
}

interface Header {
  /** Sheet index of the header row (the lower row of a two-row header). */
  rowIndex: number;
  /** Local indexes of every header row (one or two). */
  localRows: number[];
  columns: ColumnMap;
  /** The `indicators` column came from the upper row of a two-row header. */
  indicatorsFromGroupRow: boolean;
  /** The header's category columns (RowRoles.categories), when it heads some. */
  categories?: IndicatorColumn[];
}

function readRowRoles(grid: Grid, localRow: number): RowRoles {
  const roles: RowRoles["roles"] = new Map();
  let nonEmpty = 0;
  let recognized = 0;
  let headerShaped = true;
  const bareUnits: number[] = [];
  const categories: (CategoryCell & { match: HeaderMatch | undefined })[] = [];
  const shortCategories: (CategoryCell & { match: undefined })[] = [];
  const row = grid.row(localRow);
  /** The annualPreference of each role's column so far. */
  const preference = new Map<ColumnRole, number>();
  const assign = (match: HeaderMatch, columnIndex: number, normalized: string) => {
    recognized++;
    const seen = roles.get(match.role);
    // Two columns named alike (`2025年度指标值 | 中长期指标值`): the year's wins, wherever it stands.
    const annual = annualPreference(normalized);
    if (!seen || match.strength > seen.strength || (match.strength === seen.strength && annual > (preference.get(match.role) ?? 1))) {
      roles.set(match.role, { columnIndex, strength: match.strength });
      preference.set(match.role, annual);
    }
  };
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    const text = cellText(value).trim();
    if (text === "") continue;
    nonEmpty++;
    if (headerShaped && (typeof value === "number" || text.length > MAX_HEADER_CELL_LENGTH || isNumberText(text))) headerShaped = false;
    const normalized = normalizeHeader(text);
    if (normalized === BARE_UNIT) {
      recognized++;
      bareUnits.push(c + grid.originColumn);
      continue;
    }
    const match = matchHeaderRole(normalized);
    // A category (`产出指标（年度指标值）`) is decided once the row's categories are known.
    const category = matchCategoryHeader(normalized);
    if (category) categories.push({ columnIndex: c + grid.originColumn, header: text, category, match });
    else if (match) assign(match, c + grid.originColumn, normalized);
    else {
      const short = matchShortCategoryHeader(normalized);
      if (short) shortCategories.push({ columnIndex: c + grid.originColumn, header: text, category: short, match: undefined });
    }
  }
  // `产出 | 效益 | 满意度 | 成本`: short 一级 words head category columns beside other categories,
  // `产出` among them (a lone `成本` or `效益` is any other header word).
  if (shortCategories.some((c) => c.category.level1 === "产出指标") && shortCategories.length + categories.length >= 2) {
    categories.push(...shortCategories);
    categories.sort((a, b) => a.columnIndex - b.columnIndex);
  }
  for (const columnIndex of bareUnits) {
    const role = bareUnitRole(roles, columnIndex);
    if (role && !roles.has(role)) roles.set(role, { columnIndex, strength: 2 });
  }
  // Category columns name the indicator column (the first of them), unless a column is named so;
  // a category word that heads no such columns is read as any header word.
  const columns = roles.has("indicators") ? undefined : categoryColumns(categories);
  if (!columns) for (const { match, columnIndex, header } of categories) if (match) assign(match, columnIndex, normalizeHeader(header));
  if (columns) {
    recognized += columns.length;
    roles.set("indicators", { columnIndex: (columns[0] as (typeof columns)[number]).columnIndex, strength: EXACT_STRENGTH });
  }
  let score = 0;
  for (const { strength } of roles.values()) score += strength;
  const out: RowRoles = { localRow, roles, score, nonEmpty, recognized, headerShaped, categoryCells: categories };
  if (columns) out.categories = columns.map(({ columnIndex, header, category }) => indicatorColumn(columnIndex, header, category));
  return out;
}

/** Header cells are short (`资金总额（万元）`, `绩效指标（年度指标值）`); longer cells are prose or data. */
const MAX_HEADER_CELL_LENGTH = 16;

/** `101001`, `2025`, `50.5`: codes, years and amounts of a data row. */
function isNumberText(text: string): boolean {
  for (const ch of text) if ((ch < "0" || ch > "9") && ch !== "." && ch !== ",") return false;
  return true;
}

/** A header that is only `单位`: the budget unit (`部门 | 单位 | 项目名称`) or, right of an indicator
 * name or value in the one-indicator-per-row layout, the measuring unit (`三级指标 | 指标值 | 单位`). */
const BARE_UNIT = "单位";

function bareUnitRole(roles: RowRoles["roles"], columnIndex: number): ColumnRole | undefined {
  const indicator = roles.get("level3") ?? roles.get("value");
  if (indicator !== undefined && columnIndex > indicator.columnIndex) return "measureUnit";
  return "unit";
}

/**
 * A row reads as a header when it names two roles and most of its cells are header words, or,
 * in a wide export (`单位编码|单位名称|项目编码|项目名称|…|绩效目标|绩效指标`), when it names the
 * indicator column exactly and a project or unit column, and all its cells look like header cells.
 */
function isHeaderLike(row: RowRoles): boolean {
  if (row.roles.size < 2) return false;
  if (row.recognized * 2 >= row.nonEmpty) return true;
  return (
    row.headerShaped &&
    row.roles.get("indicators")?.strength === 3 &&
    (row.roles.has("project") || row.roles.has("unit"))
  );
}

function hasItemRoles(row: RowRoles): boolean {
  for (const role of row.roles.keys()) if (ITEM_PER_ROW_ROLES.has(role)) return true;
  return false;
}

/**
 * Whether `upper` is the first row of a two-row header over `lower`: a header-like row that names
 * a role the lower row lacks in a column the lower row leaves empty (cells merged down), or a
 * group row `绩效指标` alone above 一级/二级/三级/指标值. A header repeated above another adds nothing.
 */
function isGroupRowOver(upper: RowRoles, lower: RowRoles): boolean {
  if (upper.roles.has("indicators") && upper.recognized === upper.nonEmpty && hasItemRoles(lower)) return true;
  if (!isHeaderLike(upper)) return false;
  const lowerColumns = new Set<number>();
  for (const { columnIndex } of lower.roles.values()) lowerColumns.add(columnIndex);
  for (const [role, { columnIndex }] of upper.roles) {
    if (!lower.roles.has(role) && !lowerColumns.has(columnIndex)) return true;
  }
  return false;
}

/**
 * The local row of a header that names the indicator column and no project, department or unit
 * column — so too few roles to be taken for a header — beside other header-shaped words
 * (`职能职责 | 年度主要任务 | 绩效指标`, a 部门整体支出绩效目标表): the sheet's failure can then say
 * what is missing rather than that there is no header. Undefined when no row is such.
 */
function loneIndicatorHeader(grid: Grid): number | undefined {
  for (let r = 0; r < Math.min(grid.rowCount, HEADER_SCAN_ROWS); r++) {
    const row = readRowRoles(grid, r);
    if (row.nonEmpty < 2 || !row.headerShaped || !row.roles.has("indicators")) continue;
    if (!row.roles.has("project") && !row.roles.has("department") && !row.roles.has("unit")) return r;
  }
  return undefined;
}

/** Roles of the columns that hold or describe indicators. */
const INDICATOR_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["indicators", "level1", "level2", "level3", "value"]);

/** The header words of a row's cells naming indicator columns (`一级指标`, `指标值`), as written. */
function indicatorWords(grid: Grid, localRow: number): string[] {
  const words: string[] = [];
  for (const value of grid.row(localRow)) {
    const text = cellText(value).trim();
    if (text === "" || text.length > MAX_HEADER_CELL_LENGTH) continue;
    const role = matchHeaderRole(normalizeHeader(text))?.role;
    if (role !== undefined && INDICATOR_ROLES.has(role)) words.push(text);
  }
  return words;
}

/** A sheet with no header: the first row of short, header-shaped cells naming two or more
 * indicator columns (`一级指标 | 二级指标`), as a noHeader failure that names them. */
function indicatorWordsRow(grid: Grid): TableFailure | undefined {
  for (let r = 0; r < Math.min(grid.rowCount, HEADER_SCAN_ROWS); r++) {
    const row = readRowRoles(grid, r);
    if (!row.headerShaped || row.nonEmpty < 2) continue;
    const words = indicatorWords(grid, r);
    if (new Set(words).size >= 2) return { kind: "noHeader", headerRowNumber: r + grid.originRow + 1, words: [...new Set(words)] };
  }
  return undefined;
}

function findHeader(grid: Grid, override: TableOverride | undefined): Header | undefined {
  const scanRows = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  const chosen = override?.headerRowNumber;
  if (chosen !== undefined && Number.isInteger(chosen) && chosen >= 1) {
    // The user's row is the header; a group row right above it still lends its roles.
    const localRow = chosen - 1 - grid.originRow;
    const lower = readRowRoles(grid, localRow);
    const upper = localRow > 0 ? readRowRoles(grid, localRow - 1) : undefined;
    if (upper && upper.roles.size > 0 && isGroupRowOver(upper, lower)) return mergeHeader(grid, upper, lower);
    return (upper && levelledHeader(grid, upper, lower)) ?? singleHeader(grid, lower);
  }

  const rows: RowRoles[] = [];
  let best: RowRoles | undefined;
  for (let r = 0; r < scanRows; r++) {
    const row = readRowRoles(grid, r);
    rows.push(row);
    // Strictly greater: on a tie the upper row wins.
    if (isHeaderLike(row) && (!best || row.score > best.score)) best = row;
  }
  if (!best) return undefined;
  // Two tables on the sheet (`一、本级项目` over its header and rows, then `二、转移支付项目` and a
  // header with more columns): the first one's header, the other is the next table
  // (classifyRows). A group row right above the best is its own two-row header, not a table.
  const first = best;
  // Not a sample laid out as a small table in the instructions above the table: a first table's
  // header names about as many roles as the best (one fewer at most), under no instructions line.
  const earlier = rows.find(
    (row) =>
      row.localRow < first.localRow - 1 &&
      row.score >= first.score - EXACT_STRENGTH &&
      isHeaderLike(row) &&
      namesIndicatorColumn(row) &&
      !underInstructions(grid, row.localRow),
  );
  if (earlier) best = earlier;
  // A project form (`项目名称 | X | 主管部门 | Y | 实施单位 | Z`) above its indicator table names
  // as many roles as the table's header: the header is the row naming an indicator column.
  if (!namesIndicatorColumn(best)) {
    let named: RowRoles | undefined;
    for (const row of rows) {
      if (Math.abs(row.localRow - first.localRow) > 1 && isHeaderLike(row) && namesIndicatorColumn(row) && (!named || row.score > named.score)) named = row;
    }
    if (named) best = named;
  }

  const below = best.localRow + 1 < grid.rowCount ? (rows[best.localRow + 1] ?? readRowRoles(grid, best.localRow + 1)) : undefined;
  // The row below completes the header when it names item columns (一级/二级/三级/指标值 under
  // a group 绩效指标) or is a header row itself (an unmerged two-row header: 主管部门/预算单位/
  // 项目名称 under a group 项目基本情况, in the columns the upper row leaves empty), or heads
  // category columns under the group (`产出指标 | 效益指标 | …` under a merged `绩效指标`, its
  // other cells merged down from the row above and read as copies of it).
  const categoriesBelow = below !== undefined && heads(best, below);
  if (below && below.roles.size > 0 && (hasItemRoles(below) || isHeaderLike(below) || categoriesBelow) && (categoriesBelow || isGroupRowOver(best, below))) {
    return withSubHeaderRow(grid, withLevel2Row(grid, mergeHeader(grid, best, below)));
  }
  const above = best.localRow > 0 ? rows[best.localRow - 1] : undefined;
  if (above && above.roles.size > 0 && isGroupRowOver(above, best)) return withSubHeaderRow(grid, withLevel2Row(grid, mergeHeader(grid, above, best)));
  // The 二级 row of a two-level category header chosen (its merged-down cells copy the 一级 row's).
  const levelled = above !== undefined ? levelledHeader(grid, above, best) : undefined;
  return withSubHeaderRow(grid, levelled ?? withLevel2Row(grid, singleHeader(grid, best)));
}

/**
 * A header of category columns in two levels: a row of 一级 (`产出指标` merged over three columns,
 * `效益指标`, `满意度指标`, `成本指标`) over a row of 二级 (`数量指标 | 质量指标 | 时效指标 |
 * 社会效益指标 | …`), maybe under a group `绩效指标` (three header rows). The 二级 row, right below
 * the header, is header too when it refines the 一级 row's categories (levelledColumns); the
 * columns are then the 二级 row's, and the 一级 columns with nothing under them.
 */
function withLevel2Row(grid: Grid, header: Header): Header {
  const last = header.rowIndex - grid.originRow;
  if (header.categories === undefined || last + 1 >= grid.rowCount) return header;
  const upper = readRowRoles(grid, last);
  if (upper.categories === undefined) return header;
  return levelledHeader(grid, upper, readRowRoles(grid, last + 1), header) ?? header;
}

/** The header whose last rows are `upper`'s 一级 and `lower`'s 二级 (`header`: the header ending
 * with `upper`, by default `upper` alone), or undefined when `lower` does not refine `upper`. */
function levelledHeader(grid: Grid, upper: RowRoles, lower: RowRoles, header: Header = singleHeader(grid, upper)): Header | undefined {
  const categories = levelledColumns(grid, upper, lower);
  if (categories === undefined) return undefined;
  const columns = { ...columnsOf(lower), ...header.columns, indicators: (categories[0] as IndicatorColumn).columnIndex };
  return { ...header, rowIndex: lower.localRow + grid.originRow, localRows: [...header.localRows, lower.localRow], columns, categories };
}

/**
 * The category columns of a 一级 row over a 二级 row, or undefined when the lower row is no 二级
 * row of the upper one. A 一级 heads the columns from its own to the next written cell of its row
 * (a merged cell keeps its text in its first column); each category under it must belong to it
 * (`成本指标` under 产出指标 is its pre-2021 二级, under 成本指标 a copy merged down), and at least
 * one names a 二级 the 一级 row does not. The lower row's other cells are blank, copies of the cell
 * above (merged down) or header words, all short: a data row writes longer text somewhere.
 */
function levelledColumns(grid: Grid, upper: RowRoles, lower: RowRoles): IndicatorColumn[] | undefined {
  if (upper.categoryCells.length === 0 || lower.categoryCells.length === 0 || !lower.headerShaped) return undefined;
  const upperRow = grid.row(upper.localRow);
  const lowerRow = grid.row(lower.localRow);
  const uppers = new Map(upper.categoryCells.map((c) => [c.columnIndex, c]));
  const lowers = new Map(lower.categoryCells.map((c) => [c.columnIndex, c]));
  const out: IndicatorColumn[] = [];
  const headed = new Set<CategoryCell>();
  let owner: CategoryCell | undefined;
  let refines = false;
  for (let c = 0; c < Math.max(upperRow.length, lowerRow.length); c++) {
    const columnIndex = c + grid.originColumn;
    const above = cellText(upperRow[c]).trim();
    if (above !== "") owner = uppers.get(columnIndex);
    const cell = lowers.get(columnIndex);
    if (cell === undefined) {
      const text = cellText(lowerRow[c]).trim();
      if (text !== "" && text !== above && matchHeaderRole(normalizeHeader(text)) === undefined) return undefined;
      continue;
    }
    const category = owner !== undefined ? underLevel1(owner.category, cell.category) : undefined;
    if (owner === undefined || category === undefined) return undefined;
    headed.add(owner);
    if (category.level2 !== undefined && category.level2 !== owner.category.level2) refines = true;
    out.push(indicatorColumn(columnIndex, cell.header, category));
  }
  if (!refines) return undefined;
  // A 一级 with no 二级 under it (`满意度指标` over a blank cell) heads its own column.
  for (const cell of upper.categoryCells) if (!headed.has(cell)) out.push(indicatorColumn(cell.columnIndex, cell.header, cell.category));
  return out.sort((a, b) => a.columnIndex - b.columnIndex);
}

/** The category of a 二级 row's cell under the 一级 `level1` heads, undefined when it is none of
 * that 一级's. */
function underLevel1(level1: CategoryHeader, cell: CategoryHeader): CategoryHeader | undefined {
  if (cell.cost && cell.level2 === undefined) {
    // `成本指标`: under 产出指标 its pre-2021 二级, under 成本指标 the 一级 merged down.
    if (level1.level1 === "产出指标") return { level1: "产出指标", level2: "成本指标" };
    return level1.level1 === "成本指标" ? level1 : undefined;
  }
  if (cell.level1 !== level1.level1) return undefined;
  return cell.level2 !== undefined ? cell : level1;
}

function indicatorColumn(columnIndex: number, header: string, category: CategoryHeader): IndicatorColumn {
  return category.level2 !== undefined ? { columnIndex, header, level1: category.level1, level2: category.level2 } : { columnIndex, header, level1: category.level1 };
}

/**
 * Whether `lower` heads category columns under `upper`'s group `绩效指标` (merged across them, its
 * text in the first), in a table of the cell layout (`产出指标 | 成本指标` under `一级指标 | 二级指标`
 * is an item-per-row data row; under `绩效目标 | 绩效指标`, a data row).
 */
function heads(upper: RowRoles, lower: RowRoles): boolean {
  const categories = lower.categories;
  if (categories === undefined || upper.categories !== undefined || hasItemRoles(upper)) return false;
  return upper.roles.get("indicators")?.columnIndex === (categories[0] as IndicatorColumn).columnIndex;
}

/**
 * The lower row of a two-row header whose words we do not know (`绩效目标` over `中长期目标 |
 * 年度目标`) is header too: a row right below the header whose key columns are empty or repeat
 * the header's words (cells merged down read as copies), at least one of them a copy, with words
 * of its own elsewhere, and whose cells all look like header cells. The columns stay those of the
 * header above, but for a role the row names again in words of its own under the header's cell
 * (`指标值` merged over `年度指标值 | 中长期指标值`, or `中长期指标值 | 年度指标值`): its column is
 * the one the row names best (an exact word, `年度指标值`, over a contained one).
 */
function withSubHeaderRow(grid: Grid, header: Header): Header {
  const last = header.rowIndex - grid.originRow;
  const localRow = last + 1;
  if (localRow >= grid.rowCount) return header;
  const row = readRowRoles(grid, localRow);
  if (row.nonEmpty === 0 || !row.headerShaped) return header;
  let copies = 0;
  /** Roles the row names again in words of its own: `指标值` merged over `年度指标值 | 中长期指标值`. */
  const refined: ColumnRole[] = [];
  for (const role of SUB_HEADER_KEY_ROLES) {
    const column = header.columns[role];
    if (column === undefined) continue;
    const text = grid.text(localRow, column);
    if (text === "") continue;
    if (text === grid.text(last, column)) copies++;
    else if (matchHeaderRole(normalizeHeader(text))?.role === role) refined.push(role);
    else return header;
  }
  if (copies === 0 || !hasOwnWords(grid, localRow, last)) return header;
  const out: Header = { ...header, rowIndex: header.rowIndex + 1, localRows: [...header.localRows, localRow] };
  if (refined.length > 0) {
    // The role's column is the one the lower row names best (`年度指标值` over `中长期指标值`,
    // wherever it stands under the merged cell).
    out.columns = { ...header.columns };
    for (const role of refined) {
      const named = row.roles.get(role);
      if (named !== undefined) out.columns[role] = named.columnIndex;
    }
  }
  return out;
}

/** Some non-empty cell of `localRow` differs from the cell above (a header printed twice has none). */
function hasOwnWords(grid: Grid, localRow: number, above: number): boolean {
  const row = grid.row(localRow);
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]).trim();
    if (text !== "" && text !== grid.text(above, c + grid.originColumn)) return true;
  }
  return false;
}

/** Columns whose text on a data row is the row's own: never a copy of the header's words. */
const SUB_HEADER_KEY_ROLES: readonly ColumnRole[] = ["department", "unit", "project", "indicators", "level1", "level2", "level3", "value"];

function columnsOf(row: RowRoles): ColumnMap {
  const columns: ColumnMap = {};
  for (const [role, { columnIndex }] of row.roles) columns[role] = columnIndex;
  return columns;
}

function singleHeader(grid: Grid, row: RowRoles): Header {
  const header: Header = {
    rowIndex: row.localRow + grid.originRow,
    localRows: [row.localRow],
    columns: columnsOf(row),
    indicatorsFromGroupRow: false,
  };
  if (row.categories) header.categories = row.categories;
  return header;
}

/** Two header rows: the lower row's roles win; the upper row fills roles and columns the lower
 * row leaves empty (cells merged down from the upper row read as empty below). */
function mergeHeader(grid: Grid, upper: RowRoles, lower: RowRoles): Header {
  const columns = columnsOf(lower);
  const used = new Set(Object.values(columns));
  let indicatorsFromGroupRow = false;
  for (const [role, { columnIndex }] of upper.roles) {
    if (columns[role] !== undefined) continue;
    if (used.has(columnIndex) && role !== "indicators") continue;
    columns[role] = columnIndex;
    used.add(columnIndex);
    if (role === "indicators") indicatorsFromGroupRow = true;
  }
  const header: Header = {
    rowIndex: lower.localRow + grid.originRow,
    localRows: [upper.localRow, lower.localRow],
    columns,
    indicatorsFromGroupRow,
  };
  // Category columns under a group `绩效指标` (or, rarely, over the lower row's other words).
  const categories = lower.categories ?? upper.categories;
  if (categories && columns.indicators === categories[0]?.columnIndex) header.categories = categories;
  return header;
}

/** The user's mapping replaces what was detected, role by role. A column the user gives a role
 * loses the role it was detected with; a role set to `undefined` is removed. */
function applyColumnOverride(detected: ColumnMap, override: ColumnMap | undefined): ColumnMap {
  if (!override) return { ...detected };
  const columns: ColumnMap = {};
  const overridden = new Set<number>();
  for (const value of Object.values(override)) if (value !== undefined) overridden.add(value);
  for (const [role, column] of Object.entries(detected) as [ColumnRole, number][]) {
    if (!overridden.has(column)) columns[role] = column;
  }
  for (const [role, column] of Object.entries(override) as [ColumnRole, number | undefined][]) {
    if (column === undefined) delete columns[role];
    else columns[role] = column;
  }
  return columns;
}

/**
 * Header words that name a different column in each layout. Without a 一级 or 三级 column there is
 * no item-per-row table, so a `value` column (`绩效指标值`, `年度绩效指标及目标值`) or a lone name
 * column (`指标内容`) is the cell layout's indicator column. With 一级 and 指标值 columns, a
 * `绩效指标` column between them and no 三级 column is the 三级 name column; with a 二级 column and no
 * 指标值 column, a `绩效指标` column right of them is the 三级 column holding name and value. Roles
 * the user mapped stay as mapped.
 */
function settleIndicatorColumns(columns: ColumnMap, indicatorsFromGroupRow: boolean, override: ColumnMap | undefined): void {
  const mapped = (role: ColumnRole): boolean => override !== undefined && role in override;
  if (columns.indicators === undefined && columns.level1 === undefined && !mapped("indicators")) {
    if (columns.value !== undefined && columns.level3 === undefined && !mapped("value")) {
      columns.indicators = columns.value;
      delete columns.value;
    } else if (columns.level3 !== undefined && columns.value === undefined && !mapped("level3")) {
      columns.indicators = columns.level3;
      delete columns.level3;
    }
    return;
  }
  const { indicators, level1, level2, value } = columns;
  if (indicators === undefined || columns.level3 !== undefined || indicatorsFromGroupRow || mapped("indicators") || mapped("level3")) return;
  if (value === undefined) {
    // `一级指标 | 二级指标 | 绩效指标` holding `培训人数≥100人`: each row one indicator, its name and
    // value in the 三级 column (a 二级 column says so; with a 一级 column alone the indicator
    // column may hold a numbered list per 一级, the cell layout's).
    if (level2 !== undefined && indicators > Math.max(level1 ?? level2, level2) && !mapped("value")) {
      columns.level3 = indicators;
      delete columns.indicators;
    }
    return;
  }
  if (level1 === undefined) return;
  if (indicators > Math.max(level1, level2 ?? level1) && indicators < value) {
    columns.level3 = indicators;
    delete columns.indicators;
  }
}

/** What a `指标类型` column holds when it is no 一级: whether the indicator is 定量 or 定性. */
const NATURE_WORDS = new Set(["定量", "定性", "定量指标", "定性指标"]);

/**
 * Whether the level1 column is a `指标类型`/`指标类别` (headerRoles' weak words) whose data cells
 * all say 定量 or 定性: the indicator's nature, not its 一级. A 三级 column must remain, so the
 * table is still one indicator per row without it.
 */
function holdsNatureOnly(grid: Grid, header: Header, columns: ColumnMap, dataRowIndexes: readonly number[]): boolean {
  const column = columns.level1;
  if (column === undefined || columns.level3 === undefined) return false;
  const named = header.localRows.some((local) => matchHeaderRole(normalizeHeader(grid.text(local, column)))?.strength === 2);
  if (!named) return false;
  let seen = 0;
  for (const rowIndex of dataRowIndexes) {
    const text = grid.text(rowIndex - grid.originRow, column);
    if (text === "") continue;
    if (!NATURE_WORDS.has(text)) return false;
    seen++;
  }
  return seen > 0;
}

function layoutOf(columns: ColumnMap): TableLayout | undefined {
  if ((columns.level1 !== undefined || columns.level3 !== undefined) && columns.value !== undefined) return "itemPerRow";
  // No 指标值 column: the 三级 cell holds the name and the value (`培训人数≥100人`).
  if (columns.level3 !== undefined && (columns.level1 !== undefined || columns.level2 !== undefined)) return "itemPerRow";
  if (columns.indicators !== undefined) return "cell";
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Rows

/** Characters of separator lines: `-------------------`, `———`, `＿＿`, `====`, `═══`, `～～～`,
 * `******`, `……`, `·····`. */
const DASH_CHARS = new Set(["-", "—", "－", "_", "=", "＿", "＝", "–", "─", "━", "‐", "‑", "―", "═", "～", "~", "*", "＊", "…", "·", "・", "⋯"]);

function isDashes(text: string): boolean {
  for (const ch of text) if (!DASH_CHARS.has(ch) && ch !== " " && ch !== "\u3000") return false;
  return true;
}

/** Text that carries something: not blank, not a separator. */
function meaningful(text: string): boolean {
  return text !== "" && !isDashes(text);
}

/** Footer and remark lines: `注：…`, `填报说明`, `合计`, `制表人：…`, `以下空白`. */
const NOTE_PREFIXES = [
  "说明：",
  "说明:",
  "填报说明",
  "填表说明",
  "备注：",
  "备注:",
  "合计",
  "总计",
  "小计",
  "以下空白",
  "以下无",
  "制表人",
  "制表日期",
  "制表单位",
  "填表人",
  "填报人",
  "填报日期",
  "填表日期",
  "报送日期",
  "编制日期",
  "填报单位",
  "编制单位",
  "报送单位",
  "审核人",
  "经办人",
  "负责人",
  "单位负责人",
  "财务负责人",
  "联系人",
  "联系电话",
];
/** What may follow a leading `注`: `注：`, `注:`, `注1.`, `注①`, `注 `. */
const AFTER_NOTE_MARK = new Set(["：", ":", "1", "①", "一", "、", " ", "\u3000", "．", "."]);

/** Totals: `合计`, `合　计`, `小计：` — compared without spaces. */
const TOTAL_WORDS = ["合计", "总计", "小计"];

/** Signature and date labels before a colon: `部门负责人：`, `审核：`, `填报日期：`, `联系电话：`. */
const LABEL_ENDINGS = ["负责人", "填表人", "填报人", "制表人", "审核人", "经办人", "联系人", "领导", "日期", "电话", "审核", "复核", "签字", "盖章", "盖章）", "盖章)", "签字）", "签字)"];

/** A seal or signature mark of its own: `（单位盖章）`, `（盖章）`, `单位（公章）`, `（签字）`. */
function isSealText(text: string): boolean {
  return text.length <= 12 && (text.includes("盖章") || text.includes("公章") || text.includes("签字") || text.includes("签章"));
}
/** A label is a few characters: `财务负责人`; a colon further on belongs to prose or data. */
const MAX_LABEL_LENGTH = 8;

/** Spaces of every width removed (`合　计` → `合计`); the same string when it has none. */
function withoutSpaces(text: string): string {
  let spaced = false;
  for (const ch of text) if (SPACES.has(ch)) { spaced = true; break; }
  if (!spaced) return text;
  let out = "";
  for (const ch of text) if (!SPACES.has(ch)) out += ch;
  return out;
}
const SPACES = new Set([" ", "\t", "\n", "\r", "\u3000", "\u00a0"]);

/** `注：…` and the instructions headings under which every row is a note. */
function isNoteHeading(text: string): boolean {
  if (text.startsWith("注")) return text.length === 1 || AFTER_NOTE_MARK.has(text[1] ?? "");
  return text.startsWith("说明：") || text.startsWith("说明:") || text.startsWith("填报说明") || text.startsWith("填表说明");
}

/** A total word beginning `text` as a word of its own: `合计`, `合计：`, `合计(3项)`, but not the
 * start of a name (`合计划生育服务站`, `总计量检定所`, `小计划救灾物资`). */
function isTotalText(text: string): boolean {
  for (const word of TOTAL_WORDS) if (text.startsWith(word) && !isHan(text.charCodeAt(word.length))) return true;
  return false;
}

/** A cell naming a total: `小计`, `合计：`, `区委宣传部小计` (spaces removed). */
function isTotalCell(text: string): boolean {
  if (text === "" || text.length > MAX_TOTAL_CELL_LENGTH) return false;
  if (isTotalText(text)) return true;
  for (const word of TOTAL_WORDS) if (text.endsWith(word)) return true;
  return false;
}

/** A department's name and `小计`; longer texts are names that happen to end so. */
const MAX_TOTAL_CELL_LENGTH = 24;

function isLabelText(text: string): boolean {
  let colon = text.indexOf("：");
  if (colon < 0) colon = text.indexOf(":");
  if (colon <= 0 || colon > MAX_LABEL_LENGTH) return false;
  const label = text.slice(0, colon);
  for (const ending of LABEL_ENDINGS) if (label.endsWith(ending)) return true;
  return false;
}

/** Note and footer words at the start of `text` (without spaces). */
function isNoteText(text: string): boolean {
  if (isNoteHeading(text) || isSealText(text) || isTotalText(text)) return true;
  for (const prefix of NOTE_PREFIXES) if (text.startsWith(prefix) && !TOTAL_WORDS.includes(prefix)) return true;
  return false;
}

const CHINESE_NUMERALS = new Set(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]);

/** Section headings between blocks: `一、本级项目`, `十二．…`, `（一）XX中心`, `(二)…`. `text` without spaces. */
function isSectionHeading(text: string): boolean {
  let i = 0;
  const bracketed = text[0] === "（" || text[0] === "(";
  if (bracketed) i = 1;
  const start = i;
  while (i < text.length && CHINESE_NUMERALS.has(text[i] ?? "")) i++;
  if (i === start || i - start > 3) return false;
  const mark = text[i];
  if (bracketed) return mark === "）" || mark === ")";
  return mark === "、" || mark === "．" || mark === ".";
}

/** Column-number rows printed under headers: `1 2 3 4 5`, `栏次 甲 乙 1 2`. */
const COLUMN_NUMBER_WORDS = new Set(["栏次", "甲", "乙", "丙", "丁", "戊", "己", "庚"]);

function isColumnNumberText(value: CellValue | undefined, text: string): boolean {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 100;
  if (COLUMN_NUMBER_WORDS.has(text)) return true;
  if (text.length === 0 || text.length > 3) return false;
  for (const ch of text) if (ch < "0" || ch > "9") return false;
  return true;
}

/** The score of one role named by its exact word (headerRoles' strength 3). */
const EXACT_STRENGTH = 3;

/** Whether a row lies under an instructions line (`填报说明`, `说明：`, `注：`) with nothing but
 * instructions in between: a sample table there is no table of the sheet. */
function underInstructions(grid: Grid, localRow: number): boolean {
  for (let r = 0; r < localRow; r++) {
    const first = withoutSpaces(firstTextOf(grid.row(r)));
    if (first !== "" && isNoteHeading(first)) return true;
  }
  return false;
}

function firstTextOf(row: readonly CellValue[]): string {
  for (const value of row) {
    const text = cellText(value).trim();
    if (text !== "") return text;
  }
  return "";
}

/** Whether a header-like row names a table's indicator column, in either layout. */
function namesIndicatorColumn(row: RowRoles): boolean {
  const columns = columnsOf(row);
  settleIndicatorColumns(columns, false, undefined);
  return layoutOf(columns) !== undefined;
}

/** A header-like row naming an indicator column among the data rows: another table's header
 * (`other`: its columns are not this table's), or this header printed again in other words
 * (`same`: `绩效指标（年度指标值）` over the column headed `绩效指标`); undefined for neither. */
function headerAgain(grid: Grid, localRow: number, columns: ColumnMap): "other" | "same" | undefined {
  const row = readRowRoles(grid, localRow);
  if (!isHeaderLike(row) || !namesIndicatorColumn(row)) return undefined;
  const other = columnsOf(row);
  settleIndicatorColumns(other, false, undefined);
  for (const role of OTHER_TABLE_ROLES) if (other[role] !== columns[role]) return "other";
  return "same";
}

const OTHER_TABLE_ROLES: readonly ColumnRole[] = ["department", "unit", "project", "indicators", "level1", "level3", "value"];

function classifyRows(
  grid: Grid,
  header: Header,
  columns: ColumnMap,
  layout: TableLayout,
  overridden: boolean,
  categories: readonly IndicatorColumn[] | undefined,
): { dataRowIndexes: number[]; skipped: SkippedRow[]; nextTableRowIndex?: number; formFields?: FormFields } {
  const skipped: SkippedRow[] = [];
  const dataRowIndexes: number[] = [];
  const headerLocals = new Set(header.localRows);
  const firstHeaderLocal = Math.min(...header.localRows);
  const headerLocal = header.rowIndex - grid.originRow;

  // Above the header: titles and blank rows (the upper row of a two-row header is header),
  // and a project form's fields (`项目名称 | X`) for a table with no column of its own for them.
  let formFields: FormFields | undefined;
  for (let r = 0; r < Math.min(firstHeaderLocal, grid.rowCount); r++) {
    if (headerLocals.has(r)) continue;
    const reason = aboveHeaderReason(grid.row(r));
    skipped.push({ rowIndex: r + grid.originRow, reason });
    if (reason === "title") formFields = readFormFields(grid, r, columns, formFields, underInstructions(grid, r));
  }

  // Category columns: a row with indicators in any of them is a project's.
  const cellColumns = categories !== undefined ? categories.map((c) => c.columnIndex) : [columns.indicators];
  const keyColumns = [...new Set([...keyColumnsOf(columns, layout), ...(categories !== undefined ? (cellColumns as number[]) : [])])];
  const valueColumns = layout === "cell" ? [...cellColumns, columns.project] : [columns.value, columns.level3, columns.project];
  const indicatorColumns = layout === "cell" ? cellColumns : [columns.value, columns.level3];
  // Beside a total word, an item-per-row row names an indicator (`合计 | | | | 2个项目` names none).
  const namedColumns = layout === "cell" ? cellColumns : [columns.level3 ?? columns.value];
  const projectColumns = keyColumns.filter((c) => c !== columns.department && c !== columns.unit);
  if (columns.goal !== undefined) projectColumns.push(columns.goal);
  // Header texts per sheet column, to recognise a header printed again after a page break.
  const headerTexts = header.localRows.map((local) => grid.row(local).map((v) => cellText(v).trim()));

  // Rows that only continue merged blocks from above: part of the row above, neither data nor
  // a blank row to report or delete.
  const continued = new Set(grid.mergedRowIndexes);
  let pendingBlanks: number[] = [];
  // Below a `注：` or `填报说明` row every row is a note (`1.绩效指标按…填写；`) until a data row.
  let inNotes = false;
  /** The 序号 of the last data row, when a whole number. */
  let lastSerial: number | undefined;
  for (let r = Math.max(headerLocal + 1, 0); r < grid.rowCount; r++) {
    const row = grid.row(r);
    let nonEmpty = 0;
    let allDashes = true;
    let allColumnNumbers = true;
    let firstText = "";
    let firstColumn = 0;
    const headerMatches = headerTexts.map(() => 0);
    /** Cells that are whole header words: two or more may make another table's header. */
    let headerWords = 0;
    // A merged 主管部门 copied down into a 小计 or dashes row is not that row's own word.
    const copies = grid.mergeCopies?.get(r + grid.originRow);
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      const text = cellText(value).trim();
      if (text === "" || (copies !== undefined && copies.includes(c + grid.originColumn))) continue;
      nonEmpty++;
      if (typeof value === "string" && text.length <= MAX_HEADER_CELL_LENGTH && EXACT_HEADER_WORDS.has(text)) headerWords++;
      if (firstText === "") {
        firstText = text;
        firstColumn = c + grid.originColumn;
      }
      if (allDashes && !isDashes(text)) allDashes = false;
      if (allColumnNumbers && !isColumnNumberText(value, text)) allColumnNumbers = false;
      for (let h = 0; h < headerTexts.length; h++) {
        if (headerTexts[h]?.[c] === text) headerMatches[h] = (headerMatches[h] ?? 0) + 1;
      }
    }
    const sheetRow = r + grid.originRow;
    if (nonEmpty === 0) {
      if (!continued.has(sheetRow)) pendingBlanks.push(sheetRow);
      continue;
    }
    const again = headerWords >= 2 ? headerAgain(grid, r, columns) : undefined;
    if (again === "other" && !overridden) {
      // The sheet's next table: this one ends here (blank rows before it are its trailing ones).
      skipped.sort((a, b) => a.rowIndex - b.rowIndex);
      return { dataRowIndexes, skipped, nextTableRowIndex: upperHeaderRow(grid, r) + grid.originRow, ...(formFields ? { formFields } : {}) };
    }
    if (again === "same") {
      skipped.push({ rowIndex: sheetRow, reason: "repeatedHeader" });
      continue;
    }
    const compactFirst = withoutSpaces(firstText);
    const reason = skipReason(grid, r, {
      nonEmpty,
      allDashes,
      allColumnNumbers,
      firstText: compactFirst,
      firstColumn,
      headerMatches: Math.max(...headerMatches),
      keyColumns,
      valueColumns,
      indicatorColumns,
      namedColumns,
      projectColumns,
      hasProjectColumn: columns.project !== undefined,
      inNotes,
    });
    if (reason && !(reason === "title" && numberedInSequence(grid, r, columns, lastSerial))) {
      if (reason === "note" && isNoteHeading(compactFirst)) inNotes = true;
      skipped.push({ rowIndex: sheetRow, reason });
      continue;
    }
    inNotes = false;
    // Blank rows count only between data rows: trailing ones at the sheet's end are not news.
    for (const blank of pendingBlanks) skipped.push({ rowIndex: blank, reason: "blank" });
    pendingBlanks = [];
    dataRowIndexes.push(sheetRow);
    lastSerial = serialNumber(grid, r, columns.serial);
  }
  skipped.sort((a, b) => a.rowIndex - b.rowIndex);
  return { dataRowIndexes, skipped, ...(formFields ? { formFields } : {}) };
}

/** The first row of the header at `localRow`: the row above when it is that header's group row. */
function upperHeaderRow(grid: Grid, localRow: number): number {
  if (localRow === 0) return localRow;
  const upper = readRowRoles(grid, localRow - 1);
  return upper.roles.size > 0 && isGroupRowOver(upper, readRowRoles(grid, localRow)) ? localRow - 1 : localRow;
}

/**
 * The fields of a project form: `项目名称 | X`, `主管部门 | Y`, `实施单位 | Z` side by side or
 * one under another, each a header word and its value in the next filled cell right of it (a
 * label merged over two columns leaves the cell beside it empty), or both in one cell
 * (`项目名称：X`); only for roles the table has no column for. A 项目名称 with no value (blank,
 * or how to fill it in) is a field with no text, at the label: the project's name is missing —
 * unless the row stands under instructions (`填报说明` over `项目名称 | 填写项目全称`), which
 * describe the fields rather than fill them.
 */
function readFormFields(grid: Grid, localRow: number, columns: ColumnMap, fields: FormFields | undefined, inInstructions: boolean): FormFields | undefined {
  const row = grid.row(localRow);
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]).trim();
    if (text === "") continue;
    const label = formLabel(text);
    if (label === undefined) continue;
    const { role } = label;
    if (columns[role] !== undefined || (fields?.[role]?.text ?? "") !== "") continue;
    let value = label.value;
    let valueColumn = c;
    if (value === "") {
      // The next filled cell, unless it is another label (`项目名称 | | 主管部门 | Y`).
      let next = c + 1;
      while (next < row.length && cellText(row[next]).trim() === "") next++;
      const after = next < row.length ? cellText(row[next]).trim() : "";
      if (after !== "" && matchHeaderRole(normalizeHeader(after)) === undefined && formLabel(after) === undefined) {
        value = after;
        valueColumn = next;
        c = next;
      }
    }
    if (isInstruction(value)) value = "";
    if (value === "" && (role !== "project" || inInstructions)) continue;
    (fields ??= {})[role] = { rowIndex: localRow + grid.originRow, columnIndex: valueColumn + grid.originColumn, text: value };
  }
  return fields;
}

/** A form label naming a project, department or unit: `项目名称`, `主管部门：`, or a label and its
 * value in one cell (`项目名称：全民健身赛事活动经费`: `value` is what follows the colon). */
function formLabel(text: string): { role: "project" | "department" | "unit"; value: string } | undefined {
  let colon = text.indexOf("：");
  if (colon < 0) colon = text.indexOf(":");
  const head = colon > 0 ? text.slice(0, colon) : text;
  if (head.length > MAX_HEADER_CELL_LENGTH) return undefined;
  const role = matchHeaderRole(normalizeHeader(head))?.role;
  if (role !== "project" && role !== "department" && role !== "unit") return undefined;
  return { role, value: colon > 0 ? text.slice(colon + 1).trim() : "" };
}

/** `填写预算系统中的项目全称`, `请按…填写`: how to fill a field, not its value. */
function isInstruction(text: string): boolean {
  return text.startsWith("请") || text.includes("填写") || text.includes("填报") || text.startsWith("按");
}

function aboveHeaderReason(row: readonly CellValue[]): SkipReason {
  let nonEmpty = 0;
  let allDashes = true;
  for (const value of row) {
    const text = cellText(value).trim();
    if (text === "") continue;
    nonEmpty++;
    if (!isDashes(text)) allDashes = false;
  }
  if (nonEmpty === 0) return "blank";
  return allDashes ? "dashes" : "title";
}

/** Columns whose text makes a row a data row. */
function keyColumnsOf(columns: ColumnMap, layout: TableLayout): number[] {
  const roles: ColumnRole[] =
    layout === "cell"
      ? ["project", "indicators", "department", "unit"]
      : ["project", "level1", "level2", "level3", "value", "department", "unit"];
  const out: number[] = [];
  for (const role of roles) {
    const column = columns[role];
    if (column !== undefined) out.push(column);
  }
  return out;
}

interface RowFacts {
  nonEmpty: number;
  allDashes: boolean;
  allColumnNumbers: boolean;
  /** The row's first non-empty text, without spaces. */
  firstText: string;
  /** Its sheet column. */
  firstColumn: number;
  headerMatches: number;
  keyColumns: readonly number[];
  valueColumns: readonly (number | undefined)[];
  /** The indicator column (cell layout) or the name and value columns (item-per-row). */
  indicatorColumns: readonly (number | undefined)[];
  /** The columns whose text makes a row beside a total word an indicator's: the indicator column
   * (cell layout) or the name column (item-per-row; a count in the value column is the total's). */
  namedColumns: readonly (number | undefined)[];
  /** The columns a project's row writes besides its organisation: project, goal, indicators
   * (item-per-row: the 一级/二级/三级/指标值 columns). */
  projectColumns: readonly number[];
  /** The table has a 项目名称 column (or a project form above it). */
  hasProjectColumn: boolean;
  /** A `注：` row came above, with no data row since. */
  inNotes: boolean;
}

/** Why a non-blank row below the header is not a data row, or undefined when it is one. */
function skipReason(grid: Grid, localRow: number, facts: RowFacts): SkipReason | undefined {
  if (facts.allDashes) return "dashes";
  if (facts.headerMatches >= 2 && facts.headerMatches * 5 >= facts.nonEmpty * 3) return "repeatedHeader";
  const hasIndicators = facts.indicatorColumns.some((c) => meaningful(grid.text(localRow, c)));
  // Under a `注：` row, a row writing two key columns (a project's name and unit, its indicators)
  // is data again (`注：以下为上级转移支付项目` over projects).
  if (facts.inNotes && countMeaningful(grid, localRow, facts.keyColumns) < 2) return "note";
  const first = facts.firstText;
  // A label in the indicator column may be an indicator (`完成日期：…`); elsewhere it signs the table.
  const label = !facts.indicatorColumns.includes(facts.firstColumn) && isLabelText(first);
  if (isNoteText(first) || label) {
    const hasValues = facts.valueColumns.some((c) => meaningful(grid.text(localRow, c)));
    if (facts.nonEmpty === 1 || !hasValues) return "note";
    // `合计 | | 2个项目`: a count or an amount beside the total, no indicators.
    if (isTotalText(first) && !facts.namedColumns.some((c) => meaningful(grid.text(localRow, c)))) return "note";
    // `单位负责人：李四 | 填表人：张三 | 联系电话：12345678`
    if (everyCellIsNote(grid.row(localRow))) return "note";
  }
  // `区委组织部 | | 小计 | 120`, `区委宣传部 小计`: a total of a group, with no indicators.
  if (!hasIndicators && facts.keyColumns.some((c) => isTotalCell(withoutSpaces(grid.text(localRow, c))))) return "note";
  // `一 | 区委组织部 | | | 120`, `二、区委宣传部 | | | 80`: a department's or unit's group heading
  // over its projects — no project, goal or indicator of its own. Only in a table with a project
  // column: where the unit is the row (`单位名称 | 绩效指标`), a unit without indicators is a data
  // row whose indicator cell is empty.
  if (facts.hasProjectColumn && !hasIndicators && !facts.projectColumns.some((c) => meaningful(grid.text(localRow, c)))) {
    if (facts.keyColumns.some((c) => meaningful(grid.text(localRow, c))) || isSectionHeading(first)) return "title";
  }
  // A section heading stands alone (`一、本级项目`); beside a 绩效目标 it is a project's name
  // (`一、二级公路大中修工程`).
  if (facts.nonEmpty === 1 && isSectionHeading(first) && keyColumnsOnlyRepeat(grid, localRow, facts.keyColumns, first)) return "title";
  if (facts.allColumnNumbers && facts.nonEmpty >= 3) return "junk";
  for (const column of facts.keyColumns) if (meaningful(grid.text(localRow, column))) return undefined;
  return "junk";
}

/** A row's 序号 when it is a whole number (`2`, not `一` or `（1）`), its own or a merged block's. */
function serialNumber(grid: Grid, localRow: number, column: number | undefined): number | undefined {
  const text = grid.text(localRow, column);
  return /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}

/**
 * Whether a row that reads as a group heading (`2 | 某区科技局 | | 40 | |`: no project, goal or
 * indicator) is a project's row with its name and indicators missing: it gives an amount, and is
 * numbered in the run of data rows — its own 序号 follows the last data row's (`2` after `1`) and
 * the next numbered row's follows it, or none comes. Not a heading numbered `一`/`二`, nor a unit's
 * group numbered apart from its projects, nor one with no amount (`2 | 区委宣传部`).
 */
function numberedInSequence(grid: Grid, localRow: number, columns: ColumnMap, last: number | undefined): boolean {
  const column = columns.serial;
  if (column === undefined || last === undefined || !meaningful(grid.text(localRow, columns.amount))) return false;
  const copies = (r: number) => grid.mergeCopies?.get(r + grid.originRow)?.includes(column) === true;
  const own = copies(localRow) ? undefined : serialNumber(grid, localRow, column);
  if (own === undefined || own !== last + 1) return false;
  for (let r = localRow + 1; r < grid.rowCount; r++) {
    if (copies(r) || grid.text(r, column) === "") continue;
    return serialNumber(grid, r, column) === own + 1;
  }
  return true;
}

function countMeaningful(grid: Grid, localRow: number, columns: readonly number[]): number {
  let count = 0;
  for (const column of columns) if (meaningful(grid.text(localRow, column))) count++;
  return count;
}

/** Every cell is a note or a signature label, or the name or date filled in after a label that
 * ends in its colon (`单位负责人： | 张三 | 财务负责人： | 李四`). */
function everyCellIsNote(row: readonly CellValue[]): boolean {
  let afterLabel = false;
  for (const value of row) {
    const text = withoutSpaces(cellText(value).trim());
    if (text === "") continue;
    if (isNoteText(text) || isLabelText(text)) {
      afterLabel = text.endsWith("：") || text.endsWith(":");
      continue;
    }
    if (!afterLabel) return false;
    afterLabel = false;
  }
  return true;
}

/** The key columns hold nothing but the heading itself: `一、本级项目` written in the first of them. */
function keyColumnsOnlyRepeat(grid: Grid, localRow: number, keyColumns: readonly number[], heading: string): boolean {
  for (const column of keyColumns) {
    const text = grid.text(localRow, column);
    if (meaningful(text) && withoutSpaces(text) !== heading) return false;
  }
  return true;
}
