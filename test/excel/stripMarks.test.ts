import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { BACKUP_SHEET_NAME } from "../../src/core/plan";
import { stripMarks } from "../../src/excel/stripMarks";

/**
 * The add-in's export takes the open workbook's bytes, which carry our marks and the backup
 * sheet: they come off by patching the file, so parts exceljs would drop (charts, shapes) stay.
 */

const CHART = "xl/charts/chart1.xml";

async function markedWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("绩效目标表");
  ws.getCell("E6").value = "1、产出指标：培训人数，年度指标值：≥100人。";
  ws.getCell("E7").value = "1、产出指标：培训人数，年度指标值：≥200人。";
  ws.getCell("E6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  ws.getCell("E7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
  ws.getCell("E6").font = { bold: true };
  const backup = workbook.addWorksheet(BACKUP_SHEET_NAME, { state: "veryHidden" });
  backup.addRow(["sheet", "address", "color", "pattern", "patternColor"]);
  backup.addRow(["绩效目标表", "E6", "", "", ""]);
  backup.addRow(["绩效目标表", "E7", "#00B0F0", "Gray25", "#FF0000"]);
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // A part exceljs does not keep (a chart), as a user's workbook may hold.
  const parts = unzipSync(bytes);
  parts[CHART] = strToU8('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  return zipSync(parts);
}

describe("stripMarks", () => {
  it("gives the saved fills back and drops the backup sheet, keeping every other part", async () => {
    const out = await stripMarks(await markedWorkbook(), [
      { sheet: "绩效目标表", address: "E6", fill: { color: null } },
      { sheet: "绩效目标表", address: "E7", fill: { color: "#00B0F0", pattern: "Gray25", patternColor: "#FF0000" } },
    ]);
    expect(Object.keys(unzipSync(out))).toContain(CHART);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["绩效目标表"]);
    const ws = workbook.getWorksheet("绩效目标表")!;
    expect((ws.getCell("E6").fill as ExcelJS.FillPattern).pattern).toBe("none");
    expect(ws.getCell("E6").font?.bold).toBe(true);
    expect(ws.getCell("E7").fill).toMatchObject({ pattern: "lightGray", fgColor: { argb: "FFFF0000" }, bgColor: { argb: "FF00B0F0" } });
    expect(ws.getCell("E6").value).toBe("1、产出指标：培训人数，年度指标值：≥100人。");
  });

  it("leaves a workbook without marks as it is", async () => {
    const bytes = await markedWorkbook();
    expect(await stripMarks(bytes, [])).toBe(bytes);
  });
});
