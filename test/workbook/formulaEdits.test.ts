import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { planCleaning } from "../../src/core/clean/planCleaning";
import { detailSheetPlan } from "../../src/core/summary/summaryModel";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { writeCleaned, writeCleanedWithExcelJS } from "../../src/workbook/writeCleaned";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";

const MESSY = "1、产出指标：培训人数，指标值：不少于100人。2、效益指标：知晓率，指标值：90%以上。3、满意度指标：满意度，指标值：≥90%。";

/** E2 computes its text from A10 (a formula with a cached result), E4 holds the same text typed
 * in; a blank row 3 is deleted by the cleaner, so the patch writer moves rows too. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效目标表");
  ws.addRow(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
  ws.addRow(["区财政局", "区财政局", "项目甲", "目标", null]);
  ws.addRow([]);
  ws.addRow(["区财政局", "区财政局", "项目乙", "目标", MESSY]);
  ws.getCell("E2").value = { formula: 'Sheet2!A1&""', result: MESSY };
  wb.addWorksheet("Sheet2").getCell("A1").value = MESSY;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the cleaned workbook and formula cells", () => {
  it.each([
    ["the patch writer", (bytes: Uint8Array, plan: Parameters<typeof writeCleaned>[1], detail: Parameters<typeof writeCleaned>[2]) => writeCleaned(bytes, plan, detail, nodeCodec)],
    ["the exceljs writer", writeCleanedWithExcelJS],
  ])("%s leaves a formula's cell as it is and cleans the typed one", async (_, write) => {
    const bytes = await workbook();
    const check = checkWorkbook((await readWorkbook(bytes)).sheets, {});
    const plan = planCleaning(check.checks);
    // Both cells are planned: the check sees text in each.
    expect(plan.edits.map((e) => e.cell)).toEqual(["E2", "E4"]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await write(bytes, plan, detailSheetPlan(check.checks, "zh"))) as unknown as ArrayBuffer);
    const ws = out.getWorksheet("绩效目标表")!;
    expect(ws.getCell("E2").formula).toBe('Sheet2!A1&""');
    // Row 3 went: the typed cell is on row 3 now, in canonical form.
    expect(ws.getCell("E3").value).toBe("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。");
  });
});
