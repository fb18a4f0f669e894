import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellEdit, Highlight, SheetPlan } from "../../src/core/plan";
import { writeAnnotated } from "../../src/workbook/writeAnnotated";
import { writeCleaned, StaleEditError, type CleaningPlan } from "../../src/workbook/writeCleaned";
import { cellMap, loadBack, mergesOf, sheet, xlsxBytes } from "./helpers";

const TABLE = "绩效目标表";
const RAW_E3 = "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层党建水平指标，合格。";
const CLEAN_E3 = "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层党建水平指标，年度指标值：合格。";
const RAW_E4 = "1、产出指标：培训人数，年度指标值：80%以上。";
const CLEAN_E4 = "1、产出指标：培训人数，年度指标值：≥80%。";
const RAW_E6 = "1、满意度指标：服务对象满意度，年度指标值：≥90%。";
/** Text a spreadsheet would take for a formula or a number if written carelessly. */
const DANGEROUS = ["=SUM(A1)", "+8613800000000", "-5%", "@x"];

/**
 * A small 绩效目标表 with what a writer must keep: a title merged across, a department merged
 * down over a blank row, a dash row, a total formula below the table, a note, column widths,
 * cells sharing one style, and a second sheet whose formula points into the table.
 */
function inputWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet(TABLE);
    ws.getCell("A1").value = "项目支出绩效目标表";
    ws.mergeCells("A1:F1");
    ws.getRow(2).values = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标", "金额（万元）"];
    ws.getCell("A3").value = "中国共产党广州市花都区委组织部";
    ws.mergeCells("A3:A6");
    ws.getRow(3).getCell(2).value = "区委组织部";
    ws.getRow(3).getCell(3).value = "党代表任期制工作经费";
    ws.getCell("E3").value = RAW_E3;
    ws.getCell("F3").value = 12.5;
    ws.getRow(4).getCell(3).value = "干部培训经费";
    ws.getCell("E4").value = RAW_E4;
    ws.getCell("F4").value = 30;
    ws.getRow(6).getCell(3).value = "人才工作经费";
    ws.getCell("E6").value = RAW_E6;
    ws.getCell("F6").value = 7.5;
    ws.getCell("E6").note = "原表备注";
    ws.getRow(6).height = 30;
    ws.getRow(7).values = ["-------", "-------", "-------", "---", "--"];
    ws.getCell("E8").value = "合计";
    ws.getCell("F8").value = { formula: "SUM(F3:F7)", result: 50 };
    ws.getCell("G9").value = { formula: "F8*2", result: 100 };
    for (const a of ["E3", "E4", "E6"]) ws.getCell(a).alignment = { wrapText: true };
    ws.getColumn(1).width = 30;
    ws.getColumn(5).width = 80;

    const notes = wb.addWorksheet("说明");
    notes.getCell("A1").value = "填表说明：每个项目一行。";
    notes.getCell("A2").value = { formula: `'${TABLE}'!F8`, result: 50 };
    notes.getCell("B2").value = 3.14;
    notes.getCell("C2").value = new Date(Date.UTC(2025, 0, 1));
    notes.mergeCells("A4:B5");
    notes.getColumn(1).width = 44;
    extra?.(wb);
  });
}

function edit(cell: string, rowIndex: number, before: string, after: string): CellEdit {
  return { sheet: TABLE, cell, rowIndex, columnIndex: 4, before, after, codes: ["value_label_missing"] };
}

const DETAIL: SheetPlan = {
  name: "指标明细",
  rows: [
    ["行号", "项目名称", "原文", "问题"],
    [3, "党代表任期制工作经费", RAW_E3, "缺少“年度指标值：”"],
    ...DANGEROUS.map((text, i) => [10 + i, text, text, null]),
  ],
  columnWidths: [8, 30, 80, 40],
  boldRows: [0],
};

const SUMMARY: SheetPlan = {
  name: "校验汇总",
  rows: [
    ["绩效指标校验汇总"],
    ["单元格", "规则", "说明"],
    [{ link: { sheet: TABLE, cell: "E3" }, text: "E3" }, "value_label_missing", "缺少“年度指标值：”"],
    [{ link: { sheet: TABLE, cell: "E4" }, text: "E4" }, "value_normalized", "运算符已规范"],
    ...DANGEROUS.map((text) => [text, "vague_value", text]),
  ],
  columnWidths: [10, 24, 50],
  boldRows: [0, 1],
};

const HIGHLIGHTS: Highlight[] = [
  { sheet: TABLE, cell: "E3", rowIndex: 2, columnIndex: 4, severity: "error" },
  { sheet: TABLE, cell: "E4", rowIndex: 3, columnIndex: 4, severity: "warning" },
  // an error and a warning on one cell: the error wins
  { sheet: TABLE, cell: "C4", rowIndex: 3, columnIndex: 2, severity: "warning" },
  { sheet: TABLE, cell: "C4", rowIndex: 3, columnIndex: 2, severity: "error" },
];

const fillOf = (cell: ExcelJS.Cell) => (cell.fill && cell.fill.type === "pattern" ? cell.fill.fgColor?.argb : undefined);

describe("writeCleaned", () => {
  let input: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = await inputWorkbook();
    const plan: CleaningPlan = {
      edits: [edit("E3", 2, RAW_E3, CLEAN_E3), edit("E4", 3, RAW_E4, CLEAN_E4)],
      // the blank row 5 inside the department block and the dash row 7
      removeRowIndexes: { [TABLE]: [4, 6] },
    };
    input = await loadBack(bytes);
    output = await loadBack(await writeCleaned(bytes, plan, DETAIL));
  });

  it("gives the edited cells their new text, as text", () => {
    const ws = sheet(output, TABLE);
    expect(ws.getCell("E3").value).toBe(CLEAN_E3);
    expect(ws.getCell("E4").value).toBe(CLEAN_E4);
    expect(ws.getCell("E3").numFmt).toBe("@");
    expect(ws.getCell("E3").alignment).toEqual({ wrapText: true });
  });

  it("removes the listed rows and moves everything below up with its note and height", () => {
    const ws = sheet(output, TABLE);
    expect(ws.getRow(5).getCell(3).value).toBe("人才工作经费");
    expect(ws.getCell("E5").value).toBe(RAW_E6);
    expect(ws.getCell("E5").note).toBe("原表备注");
    expect(ws.getRow(5).height).toBe(30);
    expect(ws.getCell("E6").value).toBe("合计");
    expect(ws.rowCount).toBe(7);
    const texts = [...cellMap(ws).values()].filter((v) => typeof v === "string");
    expect(texts.some((t) => /^-+$/.test(t as string))).toBe(false);
  });

  it("rewrites formulas to follow their rows, on the table and on other sheets", () => {
    expect(cellMap(sheet(output, TABLE)).get("F6")).toEqual({ formula: "SUM(F3:F5)", result: 50 });
    expect(cellMap(sheet(output, TABLE)).get("G7")).toEqual({ formula: "F6*2", result: 100 });
    expect(cellMap(sheet(output, "说明")).get("A2")).toEqual({ formula: `'${TABLE}'!F6`, result: 50 });
  });

  it("keeps merges sane: the title block stays, the department block shrinks by the removed row", () => {
    expect(mergesOf(sheet(output, TABLE))).toEqual(["A1:F1", "A3:A5"]);
    expect(sheet(output, TABLE).getCell("A5").master.address).toBe("A3");
  });

  it("keeps every other sheet cell for cell, with its merges and column widths", () => {
    const before = cellMap(sheet(input, "说明"));
    const after = cellMap(sheet(output, "说明"));
    before.delete("A2"); // the formula into the table, checked above
    after.delete("A2");
    expect(after).toEqual(before);
    expect(mergesOf(sheet(output, "说明"))).toEqual(["A4:B5"]);
    expect(sheet(output, "说明").getColumn(1).width).toBe(44);
  });

  it("keeps the table's column widths and adds no highlight fills", () => {
    const ws = sheet(output, TABLE);
    expect([ws.getColumn(1).width, ws.getColumn(5).width]).toEqual([30, 80]);
    ws.eachRow((row) => row.eachCell((cell) => expect(fillOf(cell)).toBeUndefined()));
  });

  it("adds the 指标明细 sheet from its plan", () => {
    const ws = sheet(output, "指标明细");
    expect(ws.getCell("A1").value).toBe("行号");
    expect(ws.getCell("A2").value).toBe(3);
    expect(ws.getCell("C2").value).toBe(RAW_E3);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBe(80);
    expect(output.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "指标明细"]);
  });

  it("refuses an edit planned from other text than the cell holds (plan and file do not match)", async () => {
    const bytes = await inputWorkbook();
    const plan: CleaningPlan = { edits: [edit("E3", 2, "别的文字", CLEAN_E3)], removeRowIndexes: {} };
    await expect(writeCleaned(bytes, plan, DETAIL)).rejects.toBeInstanceOf(StaleEditError);
  });
});

describe("writeAnnotated", () => {
  let output: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeAnnotated(await inputWorkbook(), HIGHLIGHTS, SUMMARY, DETAIL);
    output = await loadBack(bytes);
  });

  it("fills error cells FFC7CE and warning cells FFEB9C, solid, and nothing else", () => {
    const ws = sheet(output, TABLE);
    expect(fillOf(ws.getCell("E3"))).toBe("FFFFC7CE");
    expect(ws.getCell("E3").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(fillOf(ws.getCell("E4"))).toBe("FFFFEB9C");
    expect(fillOf(ws.getCell("C4"))).toBe("FFFFC7CE");
    // E6 shared E3's style in the input: colouring E3 must not colour it
    const filled: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => (fillOf(cell) ? filled.push(cell.address) : undefined)));
    expect(filled.sort()).toEqual(["C4", "E3", "E4"]);
  });

  it("keeps the table's values as they were", () => {
    expect(sheet(output, TABLE).getCell("E3").value).toBe(RAW_E3);
    expect(cellMap(sheet(output, TABLE)).get("F8")).toEqual({ formula: "SUM(F3:F7)", result: 50 });
  });

  it("adds 校验汇总 with cell links as HYPERLINK formulas, bold rows and widths", () => {
    const ws = sheet(output, "校验汇总");
    expect(ws.getCell("A3").formula).toBe(`HYPERLINK("#'${TABLE}'!E3","E3")`);
    expect(ws.getCell("A3").result).toBe("E3");
    expect(ws.getCell("A4").formula).toBe(`HYPERLINK("#'${TABLE}'!E4","E4")`);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
    expect(ws.getColumn(3).width).toBe(50);
    expect(output.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "校验汇总", "指标明细"]);
  });

  it("escapes quotes in sheet names and link texts", async () => {
    const plan: SheetPlan = { name: "校验汇总", rows: [[{ link: { sheet: "O'Brien", cell: "B2" }, text: 'say "hi"' }]] };
    const out = await loadBack(await writeAnnotated(await inputWorkbook((wb) => wb.addWorksheet("O'Brien")), [], plan, DETAIL));
    expect(sheet(out, "校验汇总").getCell("A1").formula).toBe(`HYPERLINK("#'O''Brien'!B2","say ""hi""")`);
  });
});

describe("sheet names already taken", () => {
  it("never overwrites a user's own 校验汇总; ours becomes 校验汇总 (2), and a rerun replaces only ours", async () => {
    const input = await inputWorkbook((wb) => {
      wb.addWorksheet("校验汇总").getCell("A1").value = "用户自己的汇总";
    });
    const once = await writeAnnotated(input, HIGHLIGHTS, SUMMARY, DETAIL);
    const twice = await loadBack(await writeAnnotated(once, HIGHLIGHTS, SUMMARY, DETAIL));
    expect(twice.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "校验汇总", "校验汇总 (2)", "指标明细"]);
    expect(sheet(twice, "校验汇总").getCell("A1").value).toBe("用户自己的汇总");
    expect(sheet(twice, "校验汇总 (2)").getCell("A1").value).toBe("绩效指标校验汇总");
  });
});

describe("text that looks like a formula or a number stays text through every writer", () => {
  async function sheetXml(bytes: Uint8Array): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"));
    return (await Promise.all(parts.map((n) => zip.file(n)!.async("string")))).join("\n");
  }

  function expectText(ws: ExcelJS.Worksheet, address: string, text: string) {
    const cell = ws.getCell(address);
    expect({ address, type: cell.type, value: cell.value, numFmt: cell.numFmt }).toEqual({ address, type: ExcelJS.ValueType.String, value: text, numFmt: "@" });
  }

  it("writeCleaned: in edited cells and in 指标明细", async () => {
    const edits = DANGEROUS.map((text, i) => edit(`E${3 + i}`, 2 + i, [RAW_E3, RAW_E4, "", RAW_E6][i]!, text)).filter((e) => e.before !== "");
    const bytes = await writeCleaned(await inputWorkbook(), { edits, removeRowIndexes: {} }, DETAIL);
    const out = await loadBack(bytes);
    expectText(sheet(out, TABLE), "E3", "=SUM(A1)");
    expectText(sheet(out, TABLE), "E4", "+8613800000000");
    expectText(sheet(out, TABLE), "E6", "@x");
    DANGEROUS.forEach((text, i) => expectText(sheet(out, "指标明细"), `B${3 + i}`, text));
    expect(await sheetXml(bytes)).not.toMatch(/<f>(SUM\(A1\)|x)<\/f>/);
  });

  it("writeAnnotated: in 校验汇总 and 指标明细", async () => {
    const bytes = await writeAnnotated(await inputWorkbook(), HIGHLIGHTS, SUMMARY, DETAIL);
    const out = await loadBack(bytes);
    DANGEROUS.forEach((text, i) => {
      expectText(sheet(out, "校验汇总"), `A${5 + i}`, text);
      expectText(sheet(out, "指标明细"), `C${3 + i}`, text);
    });
    const formulas = (await sheetXml(bytes)).match(/<f>[^<]*<\/f>/g) ?? [];
    expect(formulas.every((f) => f.startsWith("<f>HYPERLINK(") || f.includes("SUM(F3:F7)") || f.includes("F8"))).toBe(true);
  });
});
