import ExcelJS from "exceljs";
import type { FakeWorkbook } from "../fakes/fakeExcel";

/** What Office.context.document.getFileAsync would hand out for the fake workbook: its
 * values, text formats, fills, merged blocks and sheet states as an .xlsx. */
export async function xlsxOf(wb: FakeWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name, { state: sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible" });
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      const target = ws.getCell(r + 1, c + 1);
      if (cell.formula) target.value = { formula: cell.formula.slice(1), result: cell.value as string } as ExcelJS.CellFormulaValue;
      else if (cell.value !== "") target.value = cell.value;
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      if (cell.fill.color) target.fill = { type: "pattern", pattern: cell.fill.pattern === "Gray25" ? "lightGray" : "solid", fgColor: { argb: `FF${cell.fill.color.slice(1)}` } };
    }
    for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  const out = await book.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

export function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}
