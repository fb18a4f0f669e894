import type { Progress } from "../app/host";
import type { CellValue, Lang, SheetSnapshot } from "../core/model";
import type { ApiSupport } from "./apiSupport";
import { errorCode, hostError, isPayloadTooLarge } from "./errors";
import { formatCodes, shownNumberText } from "../core/table/cellText";
import { fillMerges, type MergeRange } from "../workbook/merges";

/**
 * Reading the table the user means. The selection only says which rows to report: the table
 * itself (its header above the selection included) always comes from the sheet's used range,
 * read in row blocks so neither a request nor a response grows past Excel's 5 MB limits, its
 * merged blocks filled as the file readers fill them where Excel can list them (ExcelApi 1.13).
 */

/** Excel's grid: a selection this tall is a whole column (or the whole sheet). */
const SHEET_ROWS = 1_048_576;
/** Rows per read block to start with; halved whenever Excel says the payload is too large. */
export const INITIAL_BLOCK_ROWS = 5_000;
/** Cells per block to start with, so a wide sheet starts with shorter blocks. */
const INITIAL_BLOCK_CELLS = 100_000;
/** A single row still too large means its cells themselves are huge: give up. */
const MIN_BLOCK_ROWS = 1;
/** getMergedAreasOrNullObject fails over 512 areas: a failing part is halved down to this many
 * rows, then read without its merges (hundreds of merged areas in so few rows are no table). */
const MIN_MERGE_ROWS = 16;
/** Failed merged-area syncs per sheet before the rest is read without merges, so a failure that
 * has nothing to do with the count costs a few syncs, not one per MIN_MERGE_ROWS rows. */
const MAX_MERGE_FAILURES = 16;

export interface Rect {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface TableRead {
  sheet: string;
  snapshot: SheetSnapshot;
  /** 0-based rows the user picked, inside the used range; undefined: the whole table. */
  scopeRowIndexes?: ReadonlySet<number>;
  protected: boolean;
}

export interface ReadOptions {
  lang?: Lang;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  initialBlockRows?: number;
}

/** The active sheet's table and the rows of it the selection names. Sync 1 finds the sheet,
 * its used range and the selection; then one sync per row block, and on ExcelApi 1.13 one for
 * the merged areas (a few more past 512 of them: readMergedAreas). */
export async function readActiveTable(context: Excel.RequestContext, support: ApiSupport, options: ReadOptions = {}): Promise<TableRead> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  ws.protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const areas = queueSelectedAreas(context, support);
  await context.sync();

  const selected = areas();
  if (used.isNullObject) {
    return { sheet: ws.name, snapshot: { name: ws.name, values: [] }, protected: ws.protection.protected };
  }
  const usedRect = rectOf(used);
  const snapshot = await readSnapshot(context, support, ws, ws.name, usedRect, options);
  const scope = selectionScope(selected, usedRect);
  return {
    sheet: ws.name,
    snapshot,
    ...(scope ? { scopeRowIndexes: scope } : {}),
    protected: ws.protection.protected,
  };
}

/** A whole sheet's used range, by name (export, summary without a check in memory). */
export async function readSheetByName(context: Excel.RequestContext, support: ApiSupport, sheet: string, options: ReadOptions = {}): Promise<SheetSnapshot> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { name: sheet, values: [] };
  return readSnapshot(context, support, ws, sheet, rectOf(used), options);
}

/** The values of `rect`, with merged blocks filled as the file readers fill them (fillMerges)
 * where the host can list them (ExcelApi 1.13); below it, as Range.values gives them. */
async function readSnapshot(
  context: Excel.RequestContext,
  support: ApiSupport,
  ws: Excel.Worksheet,
  name: string,
  rect: Rect,
  options: ReadOptions,
): Promise<SheetSnapshot> {
  const snapshot: SheetSnapshot = { name, values: await readBlocks(context, ws, rect, options), originRowIndex: rect.rowIndex, originColumnIndex: rect.columnIndex };
  if (support.v1_13) fillMergedAreas(snapshot, await readMergedAreas(context, ws, rect, options));
  return snapshot;
}

/** Queues the selection's areas for the coming sync; the returned function reads them after
 * it. 1.9 hosts report every area of a Ctrl-selection, older ones the single range. A chart
 * or shape selection fails that sync with InvalidSelection. */
function queueSelectedAreas(context: Excel.RequestContext, support: ApiSupport): () => Rect[] {
  if (support.v1_9) {
    const ranges = context.workbook.getSelectedRanges();
    ranges.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    return () => ranges.areas.items.map(rectOf);
  }
  const range = context.workbook.getSelectedRange();
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  return () => [rectOf(range)];
}

function rectOf(r: Excel.Range): Rect {
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount };
}

/**
 * Which rows to report. A single selected cell, a whole column or the whole sheet mean "the
 * table around it" (undefined); Ctrl-clicked cells name their rows; otherwise the selected rows that lie in the used range. A
 * selection wholly outside the used range also means the whole table.
 */
export function selectionScope(areas: readonly Rect[], used: Rect): Set<number> | undefined {
  if (areas.length === 0) return undefined;
  const only = areas.length === 1 ? areas[0] : undefined;
  if (only && only.rowCount === 1 && only.columnCount === 1) return undefined;
  if (areas.some((a) => a.rowCount >= SHEET_ROWS)) return undefined;
  const first = used.rowIndex;
  const last = used.rowIndex + used.rowCount - 1;
  const rows = new Set<number>();
  for (const a of areas) {
    for (let r = Math.max(a.rowIndex, first); r <= Math.min(a.rowIndex + a.rowCount - 1, last); r++) rows.add(r);
  }
  return rows.size > 0 ? rows : undefined;
}

/** Values and number formats, one sync per block; Excel's 5 MB limits shrink the block. */
async function readBlocks(context: Excel.RequestContext, ws: Excel.Worksheet, rect: Rect, options: ReadOptions): Promise<CellValue[][]> {
  const out: CellValue[][] = [];
  let blockRows = Math.max(
    MIN_BLOCK_ROWS,
    Math.min(options.initialBlockRows ?? INITIAL_BLOCK_ROWS, Math.floor(INITIAL_BLOCK_CELLS / Math.max(1, rect.columnCount))),
  );
  let done = 0;
  while (done < rect.rowCount) {
    if (options.signal?.aborted) throw hostError("cancelled", options.lang);
    const n = Math.min(blockRows, rect.rowCount - done);
    const block = ws.getRangeByIndexes(rect.rowIndex + done, rect.columnIndex, n, rect.columnCount);
    block.load("values,numberFormat");
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadTooLarge(e) && blockRows > MIN_BLOCK_ROWS) {
        blockRows = Math.max(MIN_BLOCK_ROWS, Math.floor(blockRows / 2));
        continue;
      }
      throw e;
    }
    const values = block.values;
    const formats = block.numberFormat;
    for (let r = 0; r < values.length; r++) {
      const row = values[r] ?? [];
      const fmt = formats[r] ?? [];
      out.push(row.map((v, c) => cellValueOf(v, fmt[c])));
    }
    done += n;
    options.onProgress?.({ phase: "read", fraction: done / rect.rowCount });
  }
  return out;
}

/**
 * The merged areas whose top-left cell lies in `rect` (what getMergedAreasOrNullObject lists), in
 * sheet coordinates: one sync for the whole range when it works. Excel fails the call past 512
 * areas, so a failing part is halved and tried again, and the size that worked is used for the
 * next parts: all the rest in one sync the first time (a tall merged table costs a few syncs,
 * not one per 512 areas), one part per sync after that batch failed. A part of MIN_MERGE_ROWS
 * that still fails is left without merges (its rows read as Range.values gives them), and so is
 * everything left after MAX_MERGE_FAILURES failed syncs. Merges never fail the read: only
 * cell-edit mode and cancelling do, as they would any other sync.
 */
async function readMergedAreas(context: Excel.RequestContext, ws: Excel.Worksheet, rect: Rect, options: ReadOptions): Promise<Rect[]> {
  const found = new Map<string, Rect>();
  const queue = (done: number, rowCount: number) => {
    const merged = ws.getRangeByIndexes(rect.rowIndex + done, rect.columnIndex, rowCount, rect.columnCount).getMergedAreasOrNullObject();
    merged.load("areaCount");
    merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    return { rowCount, merged };
  };
  let partRows = rect.rowCount;
  let failures = 0;
  let done = 0;
  let succeeded = false;
  let batched = false;
  while (done < rect.rowCount && failures < MAX_MERGE_FAILURES) {
    if (options.signal?.aborted) throw hostError("cancelled", options.lang);
    const batch: boolean = succeeded && !batched;
    batched ||= batch;
    const parts = [queue(done, Math.min(partRows, rect.rowCount - done))];
    for (let next = done + partRows; batch && next < rect.rowCount; next += partRows) parts.push(queue(next, Math.min(partRows, rect.rowCount - next)));
    try {
      await context.sync();
    } catch (e) {
      // runExcel runs the whole read again once the user leaves the cell.
      if (errorCode(e) === "InvalidOperationInCellEditMode") throw e;
      // The host lacks the call after all: no smaller part will do better.
      if (errorCode(e) === "ApiNotFound") break;
      failures++;
      // A failed batch: its parts go one per sync from here, at the same size.
      if (parts.length > 1) continue;
      const n = parts[0]?.rowCount ?? 0;
      if (n > MIN_MERGE_ROWS) {
        partRows = Math.ceil(n / 2);
      } else {
        done += n;
        partRows = rect.rowCount - done;
      }
      continue;
    }
    for (const { rowCount, merged } of parts) {
      // Keyed by the top-left cell: parts never list an area twice, but a host listing every
      // area that touches a part (not only those starting in it) must not either.
      if (!merged.isNullObject) for (const area of merged.areas.items) found.set(`${area.rowIndex},${area.columnIndex}`, rectOf(area));
      done += rowCount;
    }
    succeeded = true;
  }
  return [...found.values()];
}

/** Fills the snapshot's merged blocks as readXlsx/readWorkbook do: fillMerges on the values
 * (snapshot-local indexes), mergedRowIndexes and mergeCopies in sheet indexes. */
function fillMergedAreas(snapshot: SheetSnapshot, areas: readonly Rect[]): void {
  const top = snapshot.originRowIndex ?? 0;
  const left = snapshot.originColumnIndex ?? 0;
  const merges: MergeRange[] = areas
    .map((a) => ({ top: a.rowIndex - top, left: a.columnIndex - left, bottom: a.rowIndex - top + a.rowCount - 1, right: a.columnIndex - left + a.columnCount - 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const copies = new Map<number, readonly number[]>();
  const continued = fillMerges(snapshot.values, merges, copies);
  if (continued.length > 0) snapshot.mergedRowIndexes = continued.map((r) => r + top);
  if (copies.size > 0) snapshot.mergeCopies = new Map([...copies].map(([r, columns]) => [r + top, columns.map((c) => c + left)]));
}

/** Excel's day 25569 is 1970-01-01; its serials count days (1900 system). */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/** An Office.js value as the core wants it: empty → null, a number shown as a date → a UTC
 * Date (so no time zone shifts the day), a number shown as a percentage or with printed words
 * → its text (`95%`, `≥90%`, `200人次`: cellText.ts shownNumberText), anything else as it came. */
export function cellValueOf(value: unknown, numberFormat: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (typeof numberFormat !== "string") return value;
    if (isDateFormat(numberFormat)) return new Date(Math.round((value - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
    return shownNumberText(value, numberFormat) ?? value;
  }
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** Date and time codes left after the literals are gone: y, m, d, h, s (either case). */
const DATE_CODES = /[ymdhs]/i;

export function isDateFormat(format: string): boolean {
  if (format === "General" || format === "@" || format === "") return false;
  return DATE_CODES.test(formatCodes(format).replace(/General/gi, ""));
}
