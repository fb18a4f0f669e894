import ExcelJS from "exceljs";

/**
 * The CLI rows' baseline, run in its own process: a bare exceljs load of the file and nothing
 * else (`node bareLoad.js FILE`). Its wall time and peak RSS are what "merely reading the file"
 * costs; the CLI is measured against them in the same run.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: bareLoad FILE");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  // Touch the result so the load cannot be skipped, and so the figure is visibly sane.
  process.stdout.write(`${JSON.stringify({ sheets: workbook.worksheets.length, rows: workbook.worksheets[0]?.rowCount ?? 0 })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
