import ExcelJS from "exceljs";
import JSZip from "jszip";
import { restyle, writeTextCell } from "./sheetWriting";

/**
 * The bundled sample workbook (assets/samples/绩效目标表-示例.xlsx), built from the seed table
 * exactly as it is: line N → row N, tab → next column, blank lines → blank rows, the title
 * row, the dash row and both department spellings kept. Deterministic: fixed document dates
 * and zip timestamps, so regenerating it changes no bytes.
 */
export const SAMPLE_SHEET_NAME = "绩效目标表";
export const SAMPLE_FILE_NAME = "绩效目标表-示例.xlsx";
/** 2025-01-01 00:00 UTC: any fixed instant will do. */
export const SAMPLE_DATE = new Date(Date.UTC(2025, 0, 1));

/** 1-based header row of the seed. */
const HEADER_ROW = 5;
/** 主管部门, 预算单位, 项目名称, 绩效目标, 绩效指标: the long prose columns get room and wrap. */
const COLUMN_WIDTHS = [34, 34, 36, 60, 90];
const WRAP_COLUMNS = [4, 5];

export async function buildSampleWorkbook(seedText: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效指标校验助手";
  workbook.lastModifiedBy = "绩效指标校验助手";
  workbook.created = SAMPLE_DATE;
  workbook.modified = SAMPLE_DATE;
  const ws = workbook.addWorksheet(SAMPLE_SHEET_NAME);
  COLUMN_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });

  // A trailing newline would otherwise read as one more (blank) row.
  const lines = seedText.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    line.split("\t").forEach((text, c) => {
      if (text === "") return;
      const cell = row.getCell(c + 1);
      writeTextCell(cell, text);
      if (WRAP_COLUMNS.includes(c + 1)) restyle(cell, { alignment: { wrapText: true, vertical: "top" } });
      else restyle(cell, { alignment: { vertical: "top" } });
      if (i + 1 === HEADER_ROW) restyle(cell, { font: { bold: true } });
    });
  });
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];

  const written = await workbook.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(written as ArrayBuffer));
}

/** JSZip stamps every entry with the current time; re-pack with the fixed date. */
async function fixZipDates(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const repacked = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    repacked.file(name, await entry.async("uint8array"), { date: SAMPLE_DATE, createFolders: false });
  }
  return repacked.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
