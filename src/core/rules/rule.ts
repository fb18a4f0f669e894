import type { ValueColumns } from "../clean/valueColumns";
import type { CellValue, DetectedTable, IndicatorItem, IssueParams, ParsedCell, RuleCode, Severity, Span, TextEdit } from "../model";

/** One data row as the rules see it: the identifying columns and the parsed indicator cell. */
export interface RowContext {
  sheet: string;
  /** 0-based sheet row index and its 1-based number. */
  rowIndex: number;
  rowNumber: number;
  department: string;
  unit: string;
  project: string;
  /** A1 address of the indicator cell (or, in the item-per-row layout, of the row's value cell). */
  indicatorAddress: string;
  /** A1 address of the project-name cell, when there is a project column. */
  projectAddress?: string;
  /** The raw indicator cell value as read. */
  rawIndicator: CellValue;
  cell: ParsedCell;
  /** Every cell of the row as trimmed text, joined (for duplicate-row detection). check.ts
   * builds it on first read (see SheetRow): read it only when rowFingerprint says to, and only
   * while the rules run — checkSheet then lets the row's cells go (SheetRow.releaseCells). */
  rowKey: string;
  /** A cheap fingerprint of the row's cells, equal for equal rowKeys (see rowFingerprint):
   * rows whose fingerprints differ are not duplicates. Absent: compare rowKey. */
  rowFingerprint?: number;
  /** Item-per-row layout only: the cell and row of each item, by 0-based item position. */
  itemCells?: ItemCell[];
  /** Cell layout, a project written over several rows (see ProjectRows); absent for a project on
   * one row. */
  projectRows?: ProjectRows;
  /** Category columns (DetectedTable.indicatorColumns): the cell as its text alone reads, where
   * `cell` gives its items the column's 一级/二级 — what the cleaner rewrites (the header keeps
   * the category; the canonical text does not repeat it in every item). */
  ownCell?: ParsedCell;
}

/**
 * A project of the cell layout written over several rows: its 项目名称 merged down over them, or
 * left blank on rows whose items number on from the row above (`1、产出指标：…` on one row,
 * `2、效益指标：…` on the next). Each row keeps its own cell (and its own per-item issues); the
 * project's count, categories and numbering are read over all of them.
 */
export interface ProjectRows {
  /** Every item of the project, its rows in order (one array shared by its rows). */
  items: readonly IndicatorItem[];
  /** This is the project's first row: project-level findings are reported here. */
  first: boolean;
  /** The number of the item before this row's first, when this row numbers on from the row
   * above (`2、` after `1、`); 0 when it does not (its items count from 1). */
  numberedFrom: number;
  /**
   * Category columns (DetectedTable.indicatorColumns), where items are indexed over their sheet
   * row (`item` and 序号 are positions in the row, so numberedFrom is 0): the number before this
   * cell's first item when it numbers on from the project's cell above it in the same column
   * (`3、` under `1、2、`), from the cell to its left (`3、` right of `1、2、`), or from the item
   * before it in reading order, row by row (`4、` under the row ending in `3、`) or column by column
   * (`3、` atop a column whose left neighbour ends in `2、`), else 0 (numbering from 1 in each column
   * is as regular). numbering_irregular reads it instead of numberedFrom.
   */
  numbersOn?: number;
  /** Category columns: a later indicator cell of the same sheet row as the one before it
   * (`效益指标` right of `产出指标`). Row-level findings (the project's name, a repeated row) belong
   * to the row's first cell. */
  laterColumn?: true;
}

/** Where one item of the item-per-row layout stands. */
export interface ItemCell {
  /** The cell its issues point at: its value cell (or name cell, with no value column). */
  address: string;
  rowNumber: number;
  /** The cells its value is read from, when the table gives the operator or the unit a column of
   * its own (the value is read joined, but written back column by column). */
  columns?: ValueColumns;
  /** The cells its 一级 and 二级 were written in (its own row's, or the row above it continues:
   * a merged or blank cell), when written: findings about them point there. */
  level1?: string;
  level2?: string;
  /** Its line of cells that hold one indicator a line (a PDF's table pasted back): `index` of
   * `count`, and the value cell's trimmed text (the item's value span is in it). */
  line?: { index: number; count: number; cellText: string };
}

export interface TableContext {
  sheet: string;
  table: DetectedTable;
  rows: readonly RowContext[];
}

/** What a rule reports; the engine adds severity, sheet and message. */
export interface RuleFinding {
  code: RuleCode;
  params?: IssueParams;
  /** Defaults to the row's indicator cell. */
  cell?: string;
  rowNumber: number;
  item?: number;
  span?: Span;
  fix?: { edits: TextEdit[]; auto: boolean };
}

export type Emit = (finding: RuleFinding) => void;

export interface Rule {
  /** The codes this rule can emit (most rules emit one). */
  codes: readonly RuleCode[];
  /** Default severity per code. */
  defaultSeverity: Partial<Record<RuleCode, Severity>>;
  /** Per-row check: sees one data row. */
  checkRow?(row: RowContext, emit: Emit): void;
  /**
   * checkRow reads nothing of the row but `cell`, isItemPerRow and (item-per-row rows and rows
   * of a project written over several rows, which the engine runs one by one) itemCells and
   * projectRows, and reports through emitItem, emitSpan or emitRow without a
   * `cell` (item-per-row rows aside): rows that share one ParsedCell get the same findings but for
   * their row number, so the engine runs it once per distinct cell and copies the rest.
   */
  perCell?: boolean;
  /** Whole-table check: sees every data row (duplicates, name variants, skipped rows). */
  checkTable?(table: TableContext, emit: Emit): void;
}
