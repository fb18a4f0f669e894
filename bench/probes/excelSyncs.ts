import type { Highlight } from "../../src/core/plan";
import { toA1 } from "../../src/core/table/address";
import { detectApiSupport } from "../../src/excel/apiSupport";
import { applyHighlights } from "../../src/excel/highlight";
import { readActiveTable } from "../../src/excel/readTable";
import { FakeContext, FakeWorkbook, installFakeExcel } from "../../test/fakes/fakeExcel";
import { generateSheetValues, sheetShape } from "../generate";

/**
 * Excel adapter probe (`node excelSyncs.js <rows> <flagged>`): the two Office.js steps of the
 * host's check, against the Excel engineer's counting fake — read the active table
 * (readActiveTable), then colour the flagged cells (applyHighlights). Validation between them
 * is pure and makes no sync. The flagged cells are spread evenly over the data rows, errors
 * and warnings mixed, in the indicator column with a few project cells, as a check leaves them.
 * Prints the sync count and the largest request and response.
 */
async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const flagged = Number(process.argv[3] ?? 3_000);
  const shape = sheetShape("seed");
  const values = generateSheetValues({ rows });
  const wb = new FakeWorkbook("1.9");
  const ws = wb.addSheet("绩效目标表");
  ws.setRows(values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))));
  await wb.select("绩效目标表", "A1");
  const installed = installFakeExcel(wb);
  try {
    const support = detectApiSupport();
    if (!support) throw new Error("the fake reports no ExcelApi 1.7");
    const context = new FakeContext(wb) as unknown as Excel.RequestContext;
    const read = await readActiveTable(context, support);
    const readSyncs = wb.syncCount;

    const firstData = shape.headerRowNumber;
    const dataRows = read.snapshot.values.length - firstData;
    const highlights: Highlight[] = [];
    for (let i = 0; i < flagged; i++) {
      const rowIndex = firstData + Math.floor((i * dataRows) / flagged);
      // One in twenty flags the project cell (a missing name), the rest the indicator cell.
      const columnIndex = i % 20 === 19 ? 2 : shape.indicatorColumn;
      highlights.push({ sheet: "绩效目标表", cell: toA1(rowIndex, columnIndex), rowIndex, columnIndex, severity: i % 3 === 0 ? "error" : "warning" });
    }
    await applyHighlights(context, support, "绩效目标表", highlights);
    const maxRequest = Math.max(...wb.syncs.map((s) => s.requestBytes));
    const maxResponse = Math.max(...wb.syncs.map((s) => s.responseBytes));
    process.stdout.write(`${JSON.stringify({ rows, flagged, syncs: wb.syncCount, readSyncs, highlightSyncs: wb.syncCount - readSyncs, maxRequest, maxResponse })}\n`);
  } finally {
    installed.uninstall();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
