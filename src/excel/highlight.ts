import type { Progress } from "../app/host";
import type { Lang } from "../core/model";
import { BACKUP_SHEET_NAME, HIGHLIGHT_FILL, type Highlight } from "../core/plan";
import { parseA1, toA1 } from "../core/table/address";
import type { ApiSupport } from "./apiSupport";
import { backupKey, backupWrites, deleteBackupSheet, emptyBackupSheet, NO_BACKUP, readBackup, type BackupEntry, type BackupState } from "./backup";
import { hostError, toHostError } from "./errors";
import { groupByFill, paintSteps, queueFillReads, sameFill, type CellRef, type FillState, type PaintGroup } from "./fills";

/**
 * Colouring flagged cells and taking the colours away again. Every cell's own fill is saved
 * to the backup sheet before we touch it; a run that fails half-way is rolled back, so the
 * sheet is either fully marked or as it was.
 */

const OUR_COLOURS = new Set(Object.values(HIGHLIGHT_FILL).map((c) => c.toUpperCase()));

function isOurs(fill: FillState | undefined): boolean {
  return fill !== undefined && fill.color !== null && !fill.pattern && OUR_COLOURS.has(fill.color.toUpperCase());
}

export interface HighlightOptions {
  lang?: Lang;
  /** Rows whose old marks may be removed (the rows this check covered); all when absent. */
  inScope?: (rowIndex: number) => boolean;
  onProgress?: (p: Progress) => void;
}

type Step = (context: Excel.RequestContext, ws: Excel.Worksheet) => void;

/**
 * Marks `highlights` (all on `sheet`) and removes our marks from cells in scope that are no
 * longer flagged. Syncs: 1 (protection, sheets, current fills) + 1 when a backup exists + 1
 * when old marks go + one per paint chunk (the backup write rides on the first).
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheet: string,
  highlights: readonly Highlight[],
  options: HighlightOptions = {},
): Promise<void> {
  const { lang } = options;
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.protection.load("protected");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  if (support.v1_8) context.workbook.load("readOnly");
  // A protected structure lets no sheet be added or deleted (Workbook.protection, ExcelApi 1.7).
  const structure = context.workbook.protection;
  structure.load("protected");
  const readFills = queueFillReads(ws, highlights, support);
  await context.sync();
  if (support.v1_8 && context.workbook.readOnly) throw hostError("readOnly", lang);
  if (ws.protection.protected) throw hostError("protectedSheet", lang);
  const locked = structure.protected;
  const before: Map<string, FillState> = readFills();

  const backupExists = sheets.items.some((s) => s.name === BACKUP_SHEET_NAME);
  // The original fills are saved on a backup sheet before any cell is painted: none can be added.
  if (locked && !backupExists && highlights.length > 0) throw hostError("protectedWorkbook", lang);
  const backup: BackupState = backupExists ? await readBackup(context) : NO_BACKUP;
  const saved = new Map(backup.entries.map((e) => [backupKey(e.sheet, e.address), e]));
  const flagged = new Set(highlights.map((h) => h.cell));
  const staleCandidates = backup.entries.filter(
    (e) => e.sheet === sheet && !flagged.has(e.address) && (options.inScope?.(parseA1(e.address).rowIndex) ?? true),
  );
  if (staleCandidates.length > 0) {
    const readStale = queueFillReads(ws, staleCandidates.map((e) => parseA1(e.address)), support);
    await context.sync();
    for (const [address, fill] of readStale()) before.set(address, fill);
  }
  // A cell the user recoloured since we marked it keeps the user's colour; its entry goes.
  const stale = staleCandidates.filter((e) => isOurs(before.get(e.address)));

  // Our own colours are never saved as "the original": a cell already marked keeps its entry.
  const added: BackupEntry[] = highlights
    .filter((h) => !saved.has(backupKey(sheet, h.cell)))
    .map((h) => ({ sheet, address: h.cell, fill: before.get(h.cell) ?? { color: null } }));
  const staleKeys = new Set(staleCandidates.map((e) => backupKey(e.sheet, e.address)));
  const during = [...backup.entries, ...added];
  const after = during.filter((e) => !staleKeys.has(backupKey(e.sheet, e.address)));

  const marks: PaintGroup[] = (["error", "warning"] as const).map((severity) => ({
    fill: { color: HIGHLIGHT_FILL[severity] },
    cells: highlights.filter((h) => h.severity === severity && !sameFill(before.get(h.cell) ?? { color: null }, { color: HIGHLIGHT_FILL[severity] })),
  }));
  const restores = groupByFill(stale.map((e) => ({ cell: parseA1(e.address), fill: e.fill })));

  const steps: Step[] = [];
  const firstWrites = added.length > 0 ? backupWrites(backup, during) : [];
  for (const write of firstWrites) steps.push((ctx) => write(ctx));
  for (const paint of paintSteps([...marks.filter((g) => g.cells.length > 0), ...restores], support)) steps.push((_ctx, w) => paint(w));
  if (staleKeys.size > 0) {
    const afterState: BackupState = firstWrites.length > 0 ? { exists: true, rowCount: during.length + 1, entries: during } : backup;
    for (const write of backupWrites(afterState, after, locked)) steps.push((ctx) => write(ctx));
  }
  // The first backup part and the first paint share a sync: nothing is painted unsaved.
  const merged = firstWrites.length === 1 && steps.length > 1 ? [mergeSteps(steps[0]!, steps[1]!), ...steps.slice(2)] : steps;

  const touched: CellRef[] = [...highlights, ...stale.map((e) => parseA1(e.address))];
  try {
    await runSteps(context, ws, merged, support, options.onProgress);
  } catch (e) {
    await rollBack(context, ws, support, touched, before, backup, firstWrites.length > 0 || staleKeys.size > 0).catch(() => undefined);
    throw toHostError(e, lang);
  }
}

/**
 * 清除标记: every cell in the backup gets its saved fill again, where it still shows our
 * colour (a cell the user recoloured since keeps it); then the backup sheet goes. The backup
 * is deleted only after the last cell is restored, so an interrupted clear can simply be
 * run again.
 */
export async function clearMarks(context: Excel.RequestContext, support: ApiSupport, lang: Lang | undefined): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  if (support.v1_8) context.workbook.load("readOnly");
  const structure = context.workbook.protection;
  structure.load("protected");
  await context.sync();
  if (!sheets.items.some((s) => s.name === BACKUP_SHEET_NAME)) return;
  if (support.v1_8 && context.workbook.readOnly) throw hostError("readOnly", lang);
  const backup = await readBackup(context);
  // A protected structure keeps the (very hidden) backup sheet: it is emptied instead.
  const removeBackup = structure.protected ? () => emptyBackupSheet(sheets, backup.rowCount) : () => deleteBackupSheet(sheets);

  const bySheet = new Map<string, BackupEntry[]>();
  for (const entry of backup.entries) {
    const list = bySheet.get(entry.sheet) ?? [];
    list.push(entry);
    bySheet.set(entry.sheet, list);
  }
  const present = new Map(sheets.items.map((s) => [s.name, s]));
  // Sheets deleted or renamed since: nothing of theirs can be restored.
  const targets = [...bySheet].filter(([name]) => present.has(name));
  if (targets.some(([name]) => present.get(name)?.protection.protected)) throw hostError("protectedSheet", lang);

  const reads = targets.map(([name, entries]) => ({
    name,
    entries,
    read: queueFillReads(sheets.getItem(name), entries.map((e) => parseA1(e.address)), support),
  }));
  if (reads.length > 0) await context.sync();

  const plan: { ws: Excel.Worksheet; step: (ws: Excel.Worksheet) => void }[] = [];
  for (const { name, entries, read } of reads) {
    const now = read();
    const groups = groupByFill(entries.filter((e) => isOurs(now.get(e.address))).map((e) => ({ cell: parseA1(e.address), fill: e.fill })));
    const ws = sheets.getItem(name);
    for (const step of paintSteps(groups, support)) plan.push({ ws, step });
  }
  for (let i = 0; i < plan.length; i++) {
    const { ws, step } = plan[i]!;
    if (support.v1_9) context.application.suspendScreenUpdatingUntilNextSync();
    step(ws);
    if (i === plan.length - 1) removeBackup();
    await context.sync();
  }
  if (plan.length === 0) {
    removeBackup();
    await context.sync();
  }
}

function mergeSteps(a: Step, b: Step): Step {
  return (ctx, ws) => {
    a(ctx, ws);
    b(ctx, ws);
  };
}

async function runSteps(context: Excel.RequestContext, ws: Excel.Worksheet, steps: readonly Step[], support: ApiSupport, onProgress?: (p: Progress) => void): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    // Lasts until the next sync only, so it is asked for again on every chunk.
    if (support.v1_9) context.application.suspendScreenUpdatingUntilNextSync();
    steps[i]!(context, ws);
    await context.sync();
    onProgress?.({ phase: "highlight", fraction: (i + 1) / steps.length });
  }
}

/** Puts every touched cell back to the fill it had when this run started, and the backup
 * sheet back to what it held. */
async function rollBack(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  support: ApiSupport,
  touched: readonly CellRef[],
  before: ReadonlyMap<string, FillState>,
  backup: BackupState,
  backupChanged: boolean,
): Promise<void> {
  const groups = groupByFill(touched.map((cell) => ({ cell, fill: before.get(toA1(cell.rowIndex, cell.columnIndex)) ?? { color: null } })));
  for (const paint of paintSteps(groups, support)) {
    paint(ws);
    await context.sync();
  }
  if (!backupChanged) return;
  // The backup now may hold anything between `backup` and the run's target: rewrite it whole.
  const names = context.workbook.worksheets;
  names.load("items/name");
  await context.sync();
  const exists = names.items.some((s) => s.name === BACKUP_SHEET_NAME);
  const state: BackupState = exists ? { ...(await readBackup(context)), entries: [] } : NO_BACKUP;
  for (const write of backupWrites(state, backup.entries)) {
    write(context);
    await context.sync();
  }
}
