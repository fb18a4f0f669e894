import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { planCleaning } from "../../src/core/clean/planCleaning";
import { buildOutputWorkbooks } from "../../src/workbook/outputs";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";

const CELL = "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。";

/** Project 甲 drawn two rows tall (every column merged down A3:E4), a real blank row 6. */
async function tallRowWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效目标表");
  ws.addRow(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
  ws.addRow(["区财政局", "区财政局", "项目乙", "目标", CELL]);
  ws.addRow(["区财政局", "区财政局", "项目甲", "目标", CELL.replace("≥100人", "≥200人")]);
  ws.addRow([]);
  ws.addRow(["区财政局", "区财政局", "项目丙", "目标", CELL.replace("≥100人", "≥300人")]);
  ws.addRow([]);
  ws.addRow(["区财政局", "区财政局", "项目丁", "目标", CELL.replace("≥100人", "≥400人")]);
  for (const column of ["A", "B", "C", "D", "E"]) ws.mergeCells(`${column}3:${column}4`);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("a project drawn as a tall merged row", () => {
  it("is one data row: its continuation row is neither a blank row reported nor one deleted", async () => {
    const bytes = await tallRowWorkbook();
    const fast = readXlsx(bytes);
    expect(fast.sheets[0]?.mergedRowIndexes).toEqual([3]);
    expect(fast).toEqual(await readWorkbook(bytes));

    const check = checkWorkbook(fast.sheets, {});
    const sheet = check.checks[0]!;
    expect(sheet.table.dataRowIndexes).toEqual([1, 2, 4, 6]);
    // Only the real blank row 6 is reported and removed.
    expect(sheet.table.skipped).toEqual([{ rowIndex: 5, reason: "blank" }]);
    expect(check.report.issues.filter((i) => i.code === "row_skipped").map((i) => i.rowNumber)).toEqual([6]);
    expect(planCleaning(check.checks).removeRowIndexes).toEqual({ 绩效目标表: [5] });

    const { cleaned } = await buildOutputWorkbooks(bytes, check, { lang: "zh", generatedAt: "2026-11-25 10:00", clean: true, annotate: false, codec: nodeCodec });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(cleaned as unknown as ArrayBuffer);
    const ws = back.getWorksheet("绩效目标表")!;
    // The merged blocks are still there and 项目丁 moved up from row 7 to row 6.
    expect(ws.getCell("C4").isMerged).toBe(true);
    expect(ws.getCell("C4").master.address).toBe("C3");
    expect(ws.getCell("C6").value).toBe("项目丁");
  });
});

describe("a 主管部门 merged down over its department's rows", () => {
  it("leaves a 小计 row and a line of dashes inside the block what they are, in both readers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标表");
    ws.addRow(["主管部门", "预算单位", "项目名称", "项目金额（万元）", "绩效目标", "绩效指标"]);
    ws.addRow(["区财政局", "区财政局", "项目甲", 10, "目标", CELL]);
    ws.addRow([null, "区财政局", "项目乙", 20, "目标", CELL]);
    ws.addRow([null, "小计", null, 30]);
    ws.addRow([null, "--------", "--------", "----", "--------", "--------"]);
    ws.addRow(["区教育局", "区教育局", "项目丙", 5, "目标", CELL]);
    ws.mergeCells("A2:A5");
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fast = readXlsx(bytes);
    expect(fast.sheets[0]?.mergeCopies).toEqual(new Map([[2, [0]], [3, [0]], [4, [0]]]));
    expect(fast).toEqual(await readWorkbook(bytes));
    const check = checkWorkbook(fast.sheets, {}).checks[0]!;
    expect(check.table.dataRowIndexes).toEqual([1, 2, 5]);
    expect(check.table.skipped).toEqual([
      { rowIndex: 3, reason: "note" },
      { rowIndex: 4, reason: "dashes" },
    ]);
    // The 主管部门 copied down still names the department of the rows it covers.
    expect(check.rows.map((r) => r.department)).toEqual(["区财政局", "区财政局", "区教育局"]);
  });
});
