import { rangeA1, toA1 } from "../core/table/address";
import type { ApiSupport } from "./apiSupport";

/**
 * Cell fills: reading what a cell has, and painting many cells with few syncs. Used both to
 * colour flagged cells and to give cells back the fill they had before.
 */

/** A cell's fill. `color: null` is "no fill" (Excel reports it as white with pattern None). */
export interface FillState {
  color: string | null;
  /** ExcelApi 1.9 only; absent (or `Solid`) means a plain colour. */
  pattern?: string;
  patternColor?: string;
}

export interface CellRef {
  rowIndex: number;
  columnIndex: number;
}

/** Excel 1.7/1.8 cannot tell "no fill" from a white fill: both read as #FFFFFF. We restore
 * white as no fill, which looks the same except for the gridlines. */
const WHITE = "#FFFFFF";

/** The longest address list one `getRanges` call takes (Excel rejects 8,192 characters). */
export const MAX_AREAS_ADDRESS = 8_000;
/** Ranges painted per sync on hosts without RangeAreas (each is a few small requests). */
export const RANGES_PER_SYNC = 1_000;
/** Rows of one column merged into a single getCellProperties read when the gap is this small. */
const READ_GAP = 8;

/**
 * Queues the reads of the fills of `cells` (one sheet); the returned function gives them after
 * the sync, keyed by A1 address. 1.9: `getCellProperties` over runs of nearby rows of a
 * column (colour, pattern, pattern colour in one request); 1.7/1.8: `format.fill.color` of
 * each cell (a multi-cell range reports null when its cells differ).
 */
export function queueFillReads(ws: Excel.Worksheet, cells: readonly CellRef[], support: ApiSupport): () => Map<string, FillState> {
  if (support.v1_9) {
    const reads = columnRuns(cells, READ_GAP).map((run) => {
      const range = ws.getRangeByIndexes(run.firstRowIndex, run.columnIndex, run.lastRowIndex - run.firstRowIndex + 1, 1);
      return { run, props: range.getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } }) };
    });
    return () => {
      const out = new Map<string, FillState>();
      for (const { run, props } of reads) {
        props.value.forEach((row, i) => {
          const fill = row[0]?.format?.fill;
          out.set(toA1(run.firstRowIndex + i, run.columnIndex), fillStateOf(fill?.color, fill?.pattern, fill?.patternColor));
        });
      }
      return out;
    };
  }
  const reads = cells.map((cell) => {
    const range = ws.getRangeByIndexes(cell.rowIndex, cell.columnIndex, 1, 1);
    range.format.fill.load("color");
    return { cell, range };
  });
  return () => new Map(reads.map(({ cell, range }) => [toA1(cell.rowIndex, cell.columnIndex), fillStateOf(range.format.fill.color)]));
}

export function fillStateOf(color: string | undefined | null, pattern?: string | null, patternColor?: string | null): FillState {
  if (!color || pattern === "None") return { color: null };
  // No pattern known (1.7/1.8): white is what "no fill" reads as.
  if (pattern === undefined || pattern === null) return color.toUpperCase() === WHITE ? { color: null } : { color };
  if (pattern === "Solid") return { color };
  return { color, pattern, ...(patternColor ? { patternColor } : {}) };
}

export function sameFill(a: FillState, b: FillState): boolean {
  return (a.color ?? "").toUpperCase() === (b.color ?? "").toUpperCase() && (a.pattern ?? "") === (b.pattern ?? "") && (a.patternColor ?? "") === (b.patternColor ?? "");
}

/** One fill for many cells. */
export interface PaintGroup {
  fill: FillState;
  cells: readonly CellRef[];
}

/** One sync's worth of painting. */
export type PaintStep = (ws: Excel.Worksheet) => void;

/**
 * Splits painting into steps of one sync each. 1.9: a `getRanges` per fill with the cells'
 * addresses (vertical runs merged, `E6:E9`), each list under Excel's 8,192-character limit;
 * 1.7/1.8: `format.fill` per run, RANGES_PER_SYNC runs per step.
 */
export function paintSteps(groups: readonly PaintGroup[], support: ApiSupport): PaintStep[] {
  const steps: PaintStep[] = [];
  if (support.v1_9) {
    for (const group of groups) {
      for (const address of addressChunks(runAddresses(group.cells), MAX_AREAS_ADDRESS)) {
        steps.push((ws) => applyFill(ws.getRanges(address).format.fill, group.fill));
      }
    }
    return steps;
  }
  const all = groups.flatMap((g) => runAddresses(g.cells).map((address) => ({ address, fill: g.fill })));
  for (let i = 0; i < all.length; i += RANGES_PER_SYNC) {
    const slice = all.slice(i, i + RANGES_PER_SYNC);
    steps.push((ws) => {
      for (const { address, fill } of slice) applyFill(ws.getRange(address).format.fill, fill);
    });
  }
  return steps;
}

/** Sets a fill; no colour means no fill at all (`clear()`), not white. */
export function applyFill(target: Excel.RangeFill, fill: FillState): void {
  if (fill.color === null) {
    target.clear();
    return;
  }
  target.color = fill.color;
  if (fill.pattern) target.pattern = fill.pattern as Excel.FillPattern;
  if (fill.patternColor) target.patternColor = fill.patternColor;
}

/** Groups cells by the fill they should get, in first-seen order. */
export function groupByFill(entries: Iterable<{ cell: CellRef; fill: FillState }>): PaintGroup[] {
  const groups = new Map<string, { fill: FillState; cells: CellRef[] }>();
  for (const { cell, fill } of entries) {
    const key = `${fill.color ?? ""}\u0001${fill.pattern ?? ""}\u0001${fill.patternColor ?? ""}`;
    const group = groups.get(key) ?? { fill, cells: [] };
    group.cells.push(cell);
    groups.set(key, group);
  }
  return [...groups.values()];
}

interface ColumnRun {
  columnIndex: number;
  firstRowIndex: number;
  lastRowIndex: number;
}

/** Cells of each column as runs of rows, joined across gaps of at most `gap` rows. */
function columnRuns(cells: readonly CellRef[], gap: number): ColumnRun[] {
  const byColumn = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byColumn.get(c.columnIndex) ?? [];
    rows.push(c.rowIndex);
    byColumn.set(c.columnIndex, rows);
  }
  const runs: ColumnRun[] = [];
  for (const [columnIndex, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let run: ColumnRun | undefined;
    for (const r of sorted) {
      if (run && r - run.lastRowIndex <= gap + 1) run.lastRowIndex = r;
      else {
        run = { columnIndex, firstRowIndex: r, lastRowIndex: r };
        runs.push(run);
      }
    }
  }
  return runs;
}

/** Adjacent cells of a column as one address: E6, E7, E8, E10 → `E6:E8`, `E10`. */
export function runAddresses(cells: readonly CellRef[]): string[] {
  return columnRuns(cells, 0).map((r) =>
    r.firstRowIndex === r.lastRowIndex ? toA1(r.firstRowIndex, r.columnIndex) : rangeA1(r.firstRowIndex, r.columnIndex, r.lastRowIndex, r.columnIndex),
  );
}

/** Comma-joined address lists, each at most `limit` characters. */
export function addressChunks(addresses: readonly string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 1 + a.length > limit) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
