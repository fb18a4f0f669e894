import { runExcel, type RunOptions } from "./errors";

/** Moving to a cell and following the user's selection. */

export async function selectCell(sheet: string, address: string, options: RunOptions): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  }, options);
}

/** `'绩效目标表'!E7` → [`绩效目标表`, `E7`]; the last `!` splits, as a quoted name may hold one. */
export function splitQualified(address: string): { sheet: string; address: string } {
  const bang = address.lastIndexOf("!");
  if (bang === -1) return { sheet: "", address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, address: address.slice(bang + 1) };
}

/**
 * Calls `listener` with the active cell after every selection change. The workbook-level event
 * (ExcelApi 1.2) also fires on sheets added later; its arguments carry no address, so the
 * active cell (1.7) is read in a small run. Failures of that read are dropped: the next
 * selection change reads again, and nothing the user asked for depends on it.
 */
export function subscribeSelection(listener: (sheet: string, address: string) => void): () => void {
  let removed = false;
  const registration = Excel.run(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => {
      if (removed) return;
      const cell = await Excel.run(async (ctx) => {
        const active = ctx.workbook.getActiveCell();
        active.load("address");
        await ctx.sync();
        return active.address;
      }).catch(() => undefined);
      if (cell !== undefined && !removed) {
        const at = splitQualified(cell);
        listener(at.sheet, at.address);
      }
    });
    await context.sync();
    return handler;
  });
  return () => {
    removed = true;
    void registration
      .then((handler) =>
        Excel.run(handler.context, async (context) => {
          handler.remove();
          await context.sync();
        }),
      )
      .catch(() => undefined);
  };
}
