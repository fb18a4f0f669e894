import zlib from "zlib";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { planCleaning } from "../../src/core/clean/planCleaning";
import type { SheetPlan } from "../../src/core/plan";
import { detailSheetPlan } from "../../src/core/summary/summaryModel";
import { buildCleanedWorkbook, buildOutputWorkbooks } from "../../src/workbook/outputs";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { renumberedPlan, rowRenumbering } from "../../src/workbook/renumberRows";
import { writeCleaned, writeCleanedWithExcelJS } from "../../src/workbook/writeCleaned";
import { patchOutputs } from "../../src/workbook/xlsx/patchPackage";
import { deflatePlanSheet, deflateRenumberedPlanSheet, generatedStyles, SharedStringAppender } from "../../src/workbook/xlsx/writePlanSheetXml";
import { StyleBook } from "../../src/workbook/xlsx/patchStyles";
import { Unpatchable } from "../../src/workbook/xlsx/zipArchive";
import type { DeflatedData } from "../../src/workbook/xlsx/zipCodec";
import { fflateCodec } from "../../src/workbook/xlsx/zipCodec";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";
import { loadBack, sheet, xlsxBytes } from "./helpers";

/**
 * 指标明细's 行号 in the cleaned workbook name the rows where the projects are in THAT
 * workbook, past the blank and dash rows it deleted; in the annotated workbook (nothing
 * deleted) they are the original rows. Through every writer: the zip patch with both outputs
 * (one pass, two streams) or one, the exceljs fallback, and the single-output calls the
 * browser file mode and the add-in use.
 */

const HEADER = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"];
const cellText = (n: number) => `1、产出指标：培训人数${n}，年度指标值：≥${n}人。2、效益指标：满意度${n}，年度指标值：≥90%。`;

/** A table with a blank row and a dash row between projects, and one after the last. */
function fillTable(ws: ExcelJS.Worksheet, projects: number, prefix: string): void {
  ws.getCell("A1").value = "项目支出绩效目标表";
  ws.getRow(2).values = HEADER;
  let r = 3;
  for (let i = 1; i <= projects; i++) {
    ws.getRow(r++).values = ["区委组织部", "区委组织部", `${prefix}项目${i}`, "目标", cellText(i)];
    if (i % 3 === 1) r++; // a blank row
    if (i % 4 === 2) ws.getRow(r++).values = ["----------", "", "", "", ""];
  }
}

async function workbook(options: { sheets?: number; note?: boolean } = {}): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    for (let s = 0; s < (options.sheets ?? 1); s++) {
      const ws = wb.addWorksheet(s === 0 ? "绩效目标表" : `表${s + 1}`);
      // The second sheet has no rows to delete: its numbers stay.
      if (s === 0) fillTable(ws, 9, "");
      else {
        ws.getRow(1).values = HEADER;
        for (let i = 1; i <= 3; i++) ws.getRow(1 + i).values = ["部门", "单位", `乙${i}`, "目标", cellText(i)];
      }
      // A note forces the exceljs writer for the cleaned workbook.
      if (options.note && s === 0) ws.getCell("D3").note = "备注";
    }
  });
}

/** Each 指标明细 row: [sheet, 行号, 项目名称]. */
function detailRows(wb: ExcelJS.Workbook): [string, number, string][] {
  const d = sheet(wb, "指标明细");
  const withSheet = d.getCell("A1").value === "工作表";
  const out: [string, number, string][] = [];
  d.eachRow((row, i) => {
    if (i === 1) return;
    const v = (c: number) => row.getCell(c + (withSheet ? 1 : 0)).value;
    out.push([withSheet ? String(row.getCell(1).value) : wb.worksheets[0]!.name, Number(v(1)), String(v(4))]);
  });
  return out;
}

/** 行号 rows that do not hold their project in that workbook. */
function misplaced(wb: ExcelJS.Workbook): string[] {
  const rows = detailRows(wb);
  expect(rows.length).toBeGreaterThan(0);
  return rows.filter(([s, r, project]) => sheet(wb, s).getCell(r, 3).value !== project).map(([s, r, p]) => `${s}!${r} ${p}`);
}

async function check(bytes: Uint8Array) {
  return checkWorkbook((await readWorkbook(bytes)).sheets, {});
}

const options = { lang: "zh" as const, generatedAt: "2025-01-01 00:00:00" };

describe("指标明细's 行号 in the cleaned workbook", () => {
  it.each<[string, { sheets: number; note?: boolean }]>([
    ["one sheet, patched", { sheets: 1 }],
    ["two sheets (工作表 column), patched", { sheets: 2 }],
    ["one sheet, the exceljs writer (a note on the table)", { sheets: 1, note: true }],
  ])("%s: both outputs in one call", async (_, shape) => {
    const bytes = await workbook(shape);
    const checked = await check(bytes);
    const both = await buildOutputWorkbooks(bytes, checked, { ...options, clean: true, annotate: true, codec: nodeCodec });
    const patched = await patchOutputs(bytes, { detail: detailSheetPlan(checked.checks, "zh"), cleaned: { plan: planCleaning(checked.checks) } }, fflateCodec);
    expect(patched.cleaned instanceof Unpatchable).toBe(shape.note === true);
    const cleaned = await loadBack(both.cleaned!);
    const annotated = await loadBack(both.annotated!);
    expect(misplaced(cleaned)).toEqual([]);
    expect(misplaced(annotated)).toEqual([]);
    // the rows did move: the cleaned numbers are not the original ones
    expect(detailRows(cleaned)).not.toEqual(detailRows(annotated));
    expect(detailRows(cleaned).map(([, , p]) => p)).toEqual(detailRows(annotated).map(([, , p]) => p));
  });

  it("the cleaned workbook alone (command line --clean, browser file mode, add-in export)", async () => {
    const bytes = await workbook({ sheets: 2 });
    const checked = await check(bytes);
    expect(misplaced(await loadBack(await buildCleanedWorkbook(bytes, checked, options)))).toEqual([]);
    const detail = detailSheetPlan(checked.checks, "zh");
    const plan = planCleaning(checked.checks);
    expect(misplaced(await loadBack(await writeCleaned(bytes, plan, detail)))).toEqual([]);
    expect(misplaced(await loadBack(await writeCleanedWithExcelJS(bytes, plan, detail)))).toEqual([]);
  });
});

describe("one pass, two streams", () => {
  const inflate = (d: DeflatedData) => zlib.inflateRawSync(Buffer.concat(d.chunks.map((c) => Buffer.from(c)))).toString("utf8");

  it("gives the same XML as writing the plan and its renumbered copy one by one, across chunks", async () => {
    // ~4 MB of XML: several 1 MiB chunks.
    const rows: SheetPlan["rows"] = [["工作表", "行号", "项目", "原文"]];
    for (let i = 0; i < 12000; i++) rows.push([i % 7 === 0 ? "乙" : "甲", 3 + i * 2, `项目${i % 1000}`, `原文${i}，${"长".repeat(i % 200)}`]);
    const plan: SheetPlan = { name: "指标明细", rows, boldRows: [0], columnWidths: [10, 8], rowNumbers: { column: 1, sheetColumn: 0 } };
    const removed = { 甲: Array.from({ length: 1500 }, (_, k) => k * 13 + 4) };
    const renumbering = rowRenumbering(plan, removed)!;
    for (const codec of [fflateCodec, nodeCodec]) {
      const styles = generatedStyles(StyleBook.parse(MINIMAL_STYLES));
      const [a, b, c] = [new SharedStringAppender(5), new SharedStringAppender(5), new SharedStringAppender(5)];
      const both = await deflateRenumberedPlanSheet(plan, styles, codec, a, renumbering, true);
      const alone = await deflateRenumberedPlanSheet(plan, styles, codec, undefined, renumbering, false);
      const planned = inflate(await deflatePlanSheet(plan, styles, codec, b));
      const renumbered = inflate(await deflatePlanSheet(renumberedPlan(plan, removed), styles, codec, c));
      expect(inflate(both.planned!) === planned).toBe(true);
      expect(inflate(both.renumbered) === renumbered).toBe(true);
      expect(inflate(alone.renumbered) === inflate(await deflatePlanSheet(renumberedPlan(plan, removed), styles, codec))).toBe(true);
      expect(renumbered).not.toBe(planned);
      const items = async (x: SharedStringAppender) => Buffer.concat((await x.chunks()).map((y) => Buffer.from(y))).toString("utf8");
      expect(await items(a)).toBe(await items(b));
    }
  });
});

describe("renumberedPlan", () => {
  const plan: SheetPlan = {
    name: "指标明细",
    rows: [["工作表", "行号"], ["甲", 3], ["甲", 7], ["乙", 7], ["甲", 10], [null, 10]],
    rowNumbers: { column: 1, sheetColumn: 0 },
  };

  it("maps each row of a sheet that lost rows past the deleted ones above it, and leaves the rest", () => {
    // 0-based 4 and 7: rows 5 and 8 of 甲
    expect(renumberedPlan(plan, { 甲: [4, 7] }).rows).toEqual([["工作表", "行号"], ["甲", 3], ["甲", 6], ["乙", 7], ["甲", 8], [null, 10]]);
    expect(renumberedPlan(plan, {})).toBe(plan);
    expect(renumberedPlan({ ...plan, rowNumbers: { column: 1, sheet: "乙" } }, { 甲: [4] })).toEqual({ ...plan, rowNumbers: { column: 1, sheet: "乙" } });
    const single: SheetPlan = { name: "x", rows: [["行号"], [3], [9]], rowNumbers: { column: 0, sheet: "甲" } };
    expect(renumberedPlan(single, { 甲: [0, 4] }).rows).toEqual([["行号"], [2], [7]]);
  });
});

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
