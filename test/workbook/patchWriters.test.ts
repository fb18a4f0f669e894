import fs from "fs";
import path from "path";
import zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import type { CellEdit, Highlight, SheetPlan } from "../../src/core/plan";
import { buildOutputWorkbooks } from "../../src/workbook/outputs";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { writeAnnotated, writeAnnotatedWithExcelJS } from "../../src/workbook/writeAnnotated";
import { StaleEditError, writeCleaned, writeCleanedWithExcelJS, type CleaningPlan } from "../../src/workbook/writeCleaned";
import { deflateText, patchOutputs } from "../../src/workbook/xlsx/patchPackage";
import { openArchive, rawData, Unpatchable } from "../../src/workbook/xlsx/zipArchive";
import { deflatePlanSheet, SharedStringAppender } from "../../src/workbook/xlsx/writePlanSheetXml";
import { escapeXmlText, inlineTextXml } from "../../src/workbook/xlsx/patchXml";
import { crc32, fflateCodec, type DeflatedData, type ZipCodec } from "../../src/workbook/xlsx/zipCodec";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";
import { cellMap, loadBack, mergesOf, sheet, xlsxBytes } from "./helpers";

/**
 * The zip-patching writers (src/workbook/xlsx): what they keep byte for byte, what they
 * change, that everything they write is well-formed and reads back the same as the exceljs
 * writers' output, and that whatever they cannot move with deleted rows falls back to exceljs.
 */

const TABLE = "绩效目标表";
const RAW = ["1、产出指标：培训人数，年度指标值：80%以上。", "1、效益指标：满意度，年度指标值：≥90%。", "1、产出指标：覆盖率，年度指标值：100%。"];
const CLEAN = ["1、产出指标：培训人数，年度指标值：≥80%。", "1、效益指标：满意度，年度指标值：≥90%。<&>\"", "=SUM(A1)"];

/** Title merged across, a department merged down rows 3–7, a blank row 5 and a dash row 7
 * to delete, a total formula below, a second sheet pointing into the table. No notes,
 * drawings or other things the row shift refuses. */
function table(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet(TABLE);
    ws.getCell("A1").value = "项目支出绩效目标表";
    ws.mergeCells("A1:E1");
    ws.getRow(2).values = ["主管部门", "项目名称", "绩效指标", "金额", "备注"];
    ws.getCell("A3").value = "区委组织部";
    ws.mergeCells("A3:A7");
    ws.getCell("B3").value = "项目甲";
    ws.getCell("C3").value = RAW[0];
    ws.getCell("D3").value = 10;
    ws.getCell("B4").value = "项目乙";
    ws.getCell("C4").value = RAW[1];
    ws.getCell("D4").value = 20;
    ws.getCell("B6").value = "项目丙";
    ws.getCell("C6").value = RAW[2];
    ws.getCell("D6").value = 30;
    ws.getRow(6).height = 28;
    ws.getCell("B7").value = "-----";
    ws.getCell("C7").value = "-----";
    ws.getCell("C8").value = "合计";
    ws.getCell("D8").value = { formula: "SUM(D3:D7)", result: 60 };
    ws.getCell("E9").value = { formula: "D8/3", result: 20 };
    for (const a of ["C3", "C4", "C6"]) ws.getCell(a).alignment = { wrapText: true };
    ws.getColumn(3).width = 60;
    const notes = wb.addWorksheet("说明");
    notes.getCell("A1").value = { formula: `'${TABLE}'!D8`, result: 60 };
    notes.getCell("A2").value = { formula: `SUM('${TABLE}'!D3:D6)`, result: 60 };
    extra?.(wb);
  });
}

function edit(row: number, i: number): CellEdit {
  return { sheet: TABLE, cell: `C${row}`, rowIndex: row - 1, columnIndex: 2, before: RAW[i]!, after: CLEAN[i]!, codes: [] };
}

const PLAN: CleaningPlan = { edits: [edit(3, 0), edit(4, 1), edit(6, 2)], removeRowIndexes: { [TABLE]: [4, 6] } };

const DETAIL: SheetPlan = {
  name: "指标明细",
  rows: [["行号", "项目", "原文", "空"], [3, "项目甲", RAW[0]!, ""], [4, "项目甲", RAW[0]!, null], [6, " 前后空格 ", "a\nb", "x\u0001y"]],
  columnWidths: [8, 20, 60],
  boldRows: [0],
};

const SUMMARY: SheetPlan = {
  name: "校验汇总",
  rows: [["汇总"], [{ link: { sheet: TABLE, cell: "C3" }, text: "C3" }, "错误", 1], [{ link: { sheet: "O'Brien", cell: "B2" }, text: 'say "hi"' }, "错误", 2]],
  columnWidths: [10, 20],
  boldRows: [0],
};

const HIGHLIGHTS: Highlight[] = [
  { sheet: TABLE, cell: "C3", rowIndex: 2, columnIndex: 2, severity: "error" },
  { sheet: TABLE, cell: "C4", rowIndex: 3, columnIndex: 2, severity: "warning" },
  { sheet: TABLE, cell: "C4", rowIndex: 3, columnIndex: 2, severity: "error" },
  { sheet: TABLE, cell: "C6", rowIndex: 5, columnIndex: 2, severity: "warning" },
  // cells that do not exist yet: one in an existing row, one in a row the file lacks
  { sheet: TABLE, cell: "E4", rowIndex: 3, columnIndex: 4, severity: "warning" },
  { sheet: TABLE, cell: "B12", rowIndex: 11, columnIndex: 1, severity: "error" },
];

async function patched(bytes: Uint8Array, codec = fflateCodec) {
  return patchOutputs(bytes, { detail: DETAIL, cleaned: { plan: PLAN }, annotated: { highlights: HIGHLIGHTS, summary: SUMMARY } }, codec);
}

function ok(out: Uint8Array | Unpatchable | undefined): Uint8Array {
  if (!(out instanceof Uint8Array)) throw new Error(`not patched: ${String(out)}`);
  return out;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill && cell.fill.type === "pattern" ? cell.fill.fgColor?.argb : undefined);

/** Every XML part parses (saxes, namespaces on) and JSZip reads every entry. */
async function expectWellFormed(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(names.length).toBeGreaterThan(5);
  for (const name of names) {
    const text = await zip.file(name)!.async("string");
    const parser = new SaxesParser({ xmlns: true });
    expect(() => {
      parser.write(text).close();
    }).not.toThrow();
  }
}

describe("inlineTextXml", () => {
  it("keeps spaces at the ends (any whitespace \\s matches) and line breaks, as /^\\s|\\s$|\\n/ decided", () => {
    for (const text of ["", "a", "a b", "ab", "\u3000全角", "尾\u00a0", "\tx", "x\r", "a\nb", "\ud83d\ude00", "\ud83d", "\ufeffx", "x\u2028", "中文"]) {
      const preserve = /^\s|\s$|\n/.test(text);
      expect(inlineTextXml(text).startsWith(preserve ? '<is><t xml:space="preserve">' : "<is><t>")).toBe(true);
    }
  });
});

describe("patched cleaned workbook", () => {
  let input: Uint8Array;
  let out: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    input = await table();
    bytes = ok((await patched(input)).cleaned);
    out = await loadBack(bytes);
  });

  it("is made by the patch, is well-formed, and reads back in exceljs and JSZip", async () => {
    await expectWellFormed(bytes);
    expect(out.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "指标明细"]);
  });

  it("gives edited cells their new text as text (numFmt @), keeping the rest of their format", () => {
    const ws = sheet(out, TABLE);
    expect(ws.getCell("C3").value).toBe(CLEAN[0]);
    expect(ws.getCell("C4").value).toBe(CLEAN[1]);
    expect(ws.getCell("C5").value).toBe("=SUM(A1)");
    expect(ws.getCell("C5").type).toBe(ExcelJS.ValueType.String);
    for (const a of ["C3", "C4", "C5"]) {
      expect(ws.getCell(a).numFmt).toBe("@");
      expect(ws.getCell(a).alignment).toEqual({ wrapText: true });
    }
    expect(ws.getCell("B3").numFmt).toBeUndefined();
  });

  it("deletes the rows, moving values, heights, merges and formulas like Excel", () => {
    const ws = sheet(out, TABLE);
    expect(ws.getCell("B5").value).toBe("项目丙");
    expect(ws.getRow(5).height).toBe(28);
    expect(ws.getCell("C6").value).toBe("合计");
    expect(cellMap(ws).get("D6")).toEqual({ formula: "SUM(D3:D5)", result: 60 });
    expect(cellMap(ws).get("E7")).toEqual({ formula: "D6/3", result: 20 });
    expect(mergesOf(ws)).toEqual(["A1:E1", "A3:A5"]);
    expect(cellMap(sheet(out, "说明")).get("A1")).toEqual({ formula: `'${TABLE}'!D6`, result: 60 });
    expect(cellMap(sheet(out, "说明")).get("A2")).toEqual({ formula: `SUM('${TABLE}'!D3:D5)`, result: 60 });
    expect(ws.rowCount).toBe(7);
  });

  it("writes 指标明细: numbers, text as text, bold header, widths, control characters kept as Excel keeps them (`_x0001_`)", () => {
    const ws = sheet(out, "指标明细");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").numFmt).toBe("@");
    expect(ws.getCell("A2").value).toBe(3);
    expect(ws.getCell("C3").value).toBe(RAW[0]);
    expect(ws.getCell("C3").numFmt).toBe("@");
    expect(ws.getCell("B4").value).toBe(" 前后空格 ");
    expect(ws.getCell("C4").value).toBe("a\nb");
    expect(ws.getCell("D4").value).toBe("x\u0001y");
    expect(ws.getColumn(3).width).toBe(60);
  });

  it("reads back like the exceljs writer's output", async () => {
    const old = await loadBack(await writeCleanedWithExcelJS(input, PLAN, DETAIL));
    for (const name of [TABLE, "说明"]) expect(cellMap(sheet(out, name))).toEqual(cellMap(sheet(old, name)));
    const detailOld = cellMap(sheet(old, "指标明细"));
    for (const [k, v] of detailOld) if (v === "") detailOld.delete(k); // an empty text is written as no value
    expect(cellMap(sheet(out, "指标明细"))).toEqual(detailOld);
    expect(mergesOf(sheet(out, TABLE))).toEqual(mergesOf(sheet(old, TABLE)));
  });

  it("keeps a merged block's value when its top row goes", async () => {
    const plan: CleaningPlan = { edits: [], removeRowIndexes: { [TABLE]: [2] } };
    const result = await patchOutputs(input, { detail: DETAIL, cleaned: { plan } }, fflateCodec);
    const ws = sheet(await loadBack(ok(result.cleaned)), TABLE);
    expect(ws.getCell("A3").value).toBe("区委组织部");
    expect(mergesOf(ws)).toEqual(["A1:E1", "A3:A6"]);
    expect(ws.getCell("B3").value).toBe("项目乙");
  });

  it("refuses a stale edit through the exceljs path (StaleEditError)", async () => {
    const plan: CleaningPlan = { edits: [{ ...edit(3, 0), before: "别的文字" }], removeRowIndexes: {} };
    expect((await patchOutputs(input, { detail: DETAIL, cleaned: { plan } }, fflateCodec)).cleaned).toBeInstanceOf(Unpatchable);
    await expect(writeCleaned(input, plan, DETAIL)).rejects.toBeInstanceOf(StaleEditError);
  });
});

describe("stale-edit check on cells holding line breaks", () => {
  // A cell's text reaches the engine through the reader; the patch writer refuses an edit whose
  // `before` differs from the cell. CR survives XML only as `&#13;` or `_x000D_` (a literal CR
  // is read as LF). The reader decodes `_x000D_` (either case) in every string; exceljs (`exceljs`
  // where it differs) only in shared strings and rich-text runs. The check must read every form
  // as the reader does.
  const VARIANTS: { where: "shared" | "inline"; form: string; xml: string; text: string; exceljs?: string }[] = [
    { where: "shared", form: "character references", xml: "<t>a&#13;&#10;b</t>", text: "a\r\nb" },
    { where: "shared", form: "_x000D_", xml: "<t>a_x000D_\nb</t>", text: "a\r\nb" },
    { where: "shared", form: "a literal CR LF", xml: "<t>a\r\nb</t>", text: "a\nb" },
    { where: "shared", form: "_x000D_ in runs", xml: "<r><t>a_x000D_</t></r><r><t>b</t></r>", text: "a\rb" },
    { where: "inline", form: "character references", xml: "<t>a&#13;&#10;b</t>", text: "a\r\nb" },
    { where: "inline", form: "_x000D_", xml: "<t>a_x000D_\nb</t>", text: "a\r\nb", exceljs: "a_x000D_\nb" },
    { where: "inline", form: "_x000d_ (SheetJS)", xml: "<t>a_x000d_\nb</t>", text: "a\r\nb", exceljs: "a_x000d_\nb" },
    { where: "shared", form: "_x000d_ (SheetJS)", xml: "<t>a_x000d_\nb</t>", text: "a\r\nb", exceljs: "a_x000d_\nb" },
    { where: "shared", form: "an escaped underscore", xml: "<t>a_x005F_x000D_\nb</t>", text: "a_x000D_\nb" },
    { where: "inline", form: "an escaped underscore", xml: "<t>a_x005F_x000D_\nb</t>", text: "a_x000D_\nb", exceljs: "a_x005F_x000D_\nb" },
    { where: "inline", form: "a literal CR", xml: "<t>a\rb</t>", text: "a\nb" },
    { where: "inline", form: "_x000D_ in runs", xml: "<r><t>a_x000D_</t></r><r><t>b</t></r>", text: "a\rb" },
  ];

  async function withCell(where: "shared" | "inline", xml: string): Promise<Uint8Array> {
    const base = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet(TABLE);
      ws.getCell("A1").value = "PLACEHOLDER";
      ws.getCell("A2").value = "下一行";
    });
    const zip = await JSZip.loadAsync(base);
    if (where === "shared") {
      const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
      zip.file("xl/sharedStrings.xml", sst.replace(/<si>(?:(?!<\/si>).)*PLACEHOLDER(?:(?!<\/si>).)*<\/si>/, `<si>${xml}</si>`));
    } else {
      const ws = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file("xl/worksheets/sheet1.xml", ws.replace(/<c r="A1"[^>]*>.*?<\/c>/, `<c r="A1" t="inlineStr"><is>${xml}</is></c>`));
    }
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  const cleanedWith = (bytes: Uint8Array, before: string) =>
    patchOutputs(
      bytes,
      { detail: DETAIL, cleaned: { plan: { edits: [{ sheet: TABLE, cell: "A1", rowIndex: 0, columnIndex: 0, before, after: "新文字", codes: [] }], removeRowIndexes: {} } } },
      fflateCodec,
    );

  it.each(VARIANTS)("$where string, $form: read as the reader reads it, patched in place", async ({ where, xml, text, exceljs }) => {
    const bytes = await withCell(where, xml);
    expect((await readWorkbook(bytes)).sheets[0]?.values[0]?.[0]).toBe(exceljs ?? text);
    expect(readXlsx(bytes).sheets[0]?.values[0]?.[0]).toBe(text);
    const out = await cleanedWith(bytes, text);
    expect(sheet(await loadBack(ok(out.cleaned)), TABLE).getCell("A1").value).toBe("新文字");
    // The same edit planned on a text that differs only in its line break is refused.
    const other = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text.replace("\n", "\r\n");
    expect((await cleanedWith(bytes, other)).cleaned).toBeInstanceOf(Unpatchable);
    // The exceljs writer (the fallback) accepts the edit planned on the reader's text too.
    const plan = { edits: [{ sheet: TABLE, cell: "A1", rowIndex: 0, columnIndex: 0, before: text, after: "新文字", codes: [] }], removeRowIndexes: {} };
    expect(sheet(await loadBack(await writeCleanedWithExcelJS(bytes, plan, DETAIL)), TABLE).getCell("A1").value).toBe("新文字");
  });
});

describe("edited text holding an escape-like literal", () => {
  it("is written with `_x005F_` so it reads back as written", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet(TABLE).getCell("A1").value = "旧文字";
    });
    const after = "新_x000D_文字_x000a_";
    const edit = { sheet: TABLE, cell: "A1", rowIndex: 0, columnIndex: 0, before: "旧文字", after, codes: [] };
    const out = ok((await patchOutputs(bytes, { detail: DETAIL, cleaned: { plan: { edits: [edit], removeRowIndexes: {} } } }, fflateCodec)).cleaned);
    expect(readXlsx(out).sheets[0]?.values[0]?.[0]).toBe(after);
  });
});

describe("texts holding `_xHHHH_` literals, CRs and control characters, every writer (ST_Xstring as Excel writes it)", () => {
  const TEXTS = ["编号_x000D_说明", "a_x005F_b_x00e9_", "a\r\nb\rc", "x\u0001\u001fy\ufffe", "_x000D", "=_x0041_", "长文本".repeat(10) + "_X000d_"];
  const link = { link: { sheet: TABLE, cell: "A1" }, text: "_x0041_标签" };
  const plan: SheetPlan = { name: "指标明细", rows: [["原文"], ...TEXTS.map((t) => [t]), [link]] };
  const summary: SheetPlan = { name: "校验汇总", rows: [["汇总"], ...TEXTS.map((t) => [t, t])] };
  const edits = TEXTS.map((after, i) => ({ sheet: TABLE, cell: `A${i + 1}`, rowIndex: i, columnIndex: 0, before: `旧${i}`, after, codes: [] }));
  let input: Uint8Array;
  beforeAll(async () => {
    input = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet(TABLE);
      TEXTS.forEach((_, i) => (ws.getCell(i + 1, 1).value = `旧${i}`));
    });
  });
  const column = (bytes: Uint8Array, sheet: string) => readXlsx(bytes).sheets.find((s) => s.name === sheet)?.values.map((row) => row[0]);

  it("escapeXmlText writes them as Excel does, and the reader reads them back", () => {
    expect(escapeXmlText("编号_x000D_说明")).toBe("编号_x005F_x000D_说明");
    expect(escapeXmlText("a\r\nb<&>")).toBe("a_x000D_\nb&lt;&amp;&gt;");
    expect(escapeXmlText("\u0001\t\ufffe\ud800_x00e9_x")).toBe("_x0001_\t_xFFFE__x005F_x00e9_x");
    expect(escapeXmlText("_x000D _x00G0_ _x000D")).toBe("_x000D _x00G0_ _x000D");
  });

  it("the zip patch: 指标明细 (inline and shared strings), 校验汇总, edited cells", async () => {
    const out = await patchOutputs(input, { detail: plan, cleaned: { plan: { edits, removeRowIndexes: {} } }, annotated: { highlights: [], summary, edits } }, fflateCodec);
    for (const made of [ok(out.cleaned), ok(out.annotated)]) {
      await expectWellFormed(made);
      expect(column(made, TABLE)).toEqual(TEXTS);
      expect(column(made, "指标明细")).toEqual(["原文", ...TEXTS, link.text]);
    }
    expect(column(ok(out.annotated), "校验汇总")).toEqual(["汇总", ...TEXTS]);
    // Without a shared-string table every text is an inline string.
    const noTable = await tableWithoutSharedStrings(input);
    expect(Object.keys((await JSZip.loadAsync(noTable)).files)).not.toContain("xl/sharedStrings.xml");
    const inline = ok((await patchOutputs(noTable, { detail: plan, annotated: { highlights: [], summary } }, fflateCodec)).annotated);
    expect(column(inline, "指标明细")).toEqual(["原文", ...TEXTS, link.text]);
  });

  it("the exceljs writers (the fallback): the same texts read back", async () => {
    const cleaned = await writeCleanedWithExcelJS(input, { edits, removeRowIndexes: {} }, plan);
    const annotated = await writeAnnotatedWithExcelJS(input, [], summary, plan, edits);
    for (const made of [cleaned, annotated]) {
      expect(column(made, TABLE)).toEqual(TEXTS);
      expect(column(made, "指标明细")).toEqual(["原文", ...TEXTS, link.text]);
    }
    expect(column(annotated, "校验汇总")).toEqual(["汇总", ...TEXTS]);
  });
});

/** The workbook with its shared strings turned into inline strings and the table removed. */
async function tableWithoutSharedStrings(bytes: Uint8Array): Promise<Uint8Array> {
  const data = readXlsx(bytes);
  return xlsxBytes((wb) => {
    for (const s of data.sheets) {
      const ws = wb.addWorksheet(s.name);
      s.values.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = { richText: [{ text: String(v) }] })));
    }
  }).then(async (made) => {
    const zip = await JSZip.loadAsync(made);
    zip.remove("xl/sharedStrings.xml");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    let i = 0;
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<c r="([A-Z]+\d+)"([^>]*) t="s"><v>\d+<\/v><\/c>/g, (_, ref: string, rest: string) => `<c r="${ref}"${rest} t="inlineStr"><is><t>旧${i++}</t></is></c>`));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  });
}

describe("patched annotated workbook", () => {
  let input: Uint8Array;
  let bytes: Uint8Array;
  let out: ExcelJS.Workbook;
  beforeAll(async () => {
    input = await table((wb) => wb.addWorksheet("O'Brien"));
    bytes = ok((await patched(input)).annotated);
    out = await loadBack(bytes);
  });

  it("is well-formed and adds 校验汇总 and 指标明细 at the end", async () => {
    await expectWellFormed(bytes);
    expect(out.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "O'Brien", "校验汇总", "指标明细"]);
  });

  it("fills error cells FFC7CE and warning cells FFEB9C; the error wins; new cells are created", () => {
    const ws = sheet(out, TABLE);
    expect(fillOf(ws.getCell("C3"))).toBe("FFFFC7CE");
    expect(ws.getCell("C3").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(fillOf(ws.getCell("C4"))).toBe("FFFFC7CE");
    expect(fillOf(ws.getCell("C6"))).toBe("FFFFEB9C");
    expect(fillOf(ws.getCell("E4"))).toBe("FFFFEB9C");
    expect(fillOf(ws.getCell("B12"))).toBe("FFFFC7CE");
    expect(ws.getCell("C3").alignment).toEqual({ wrapText: true });
    const filled: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => (fillOf(cell) ? filled.push(cell.address) : undefined)));
    expect(filled.sort()).toEqual(["B12", "C3", "C4", "C6", "E4"]);
    expect(ws.getCell("C3").value).toBe(RAW[0]);
  });

  it("writes links as HYPERLINK formulas with cached result and link font, quotes doubled", () => {
    const ws = sheet(out, "校验汇总");
    expect(ws.getCell("A2").formula).toBe(`HYPERLINK("#'${TABLE}'!C3","C3")`);
    expect(ws.getCell("A2").result).toBe("C3");
    expect(ws.getCell("A2").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
    expect(ws.getCell("A3").formula).toBe(`HYPERLINK("#'O''Brien'!B2","say ""hi""")`);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("C2").value).toBe(1);
    expect(ws.getColumn(2).width).toBe(20);
  });

  it("sets recalculation on open", async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("reads back like the exceljs writer's output", async () => {
    const old = await loadBack(await writeAnnotatedWithExcelJS(input, HIGHLIGHTS, SUMMARY, DETAIL));
    for (const name of [TABLE, "说明", "校验汇总"]) expect(cellMap(sheet(out, name))).toEqual(cellMap(sheet(old, name)));
    const ws = sheet(out, TABLE);
    const wsOld = sheet(old, TABLE);
    for (const a of ["C3", "C4", "C6", "E4", "B12", "B3"]) expect(fillOf(ws.getCell(a))).toBe(fillOf(wsOld.getCell(a)));
  });
});

describe("what the patch keeps", () => {
  /** A workbook with parts exceljs would drop: a chart, an image, a VBA project. */
  async function withForeignParts(bytes: Uint8Array, chartText = "<c:chartSpace/>"): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/charts/chart1.xml", `<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${chartText}</c:chartSpace>`);
    zip.file("xl/media/image1.png", new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)));
    zip.file("xl/vbaProject.bin", new Uint8Array(Array.from({ length: 3000 }, (_, i) => i % 256)));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it("copies every part it does not change byte for byte, compressed data included", async () => {
    const input = await withForeignParts(await table());
    const result = await patched(input);
    const original = openArchive(input);
    for (const out of [ok(result.cleaned), ok(result.annotated)]) {
      const archive = openArchive(out);
      for (const name of ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/vbaProject.bin", "xl/theme/theme1.xml", "docProps/core.xml"]) {
        const a = original.byName.get(name)!;
        const b = archive.byName.get(name)!;
        expect({ name, crc: b.crc32, raw: Buffer.from(rawData(archive, b)).equals(Buffer.from(rawData(original, a))) }).toEqual({ name, crc: a.crc32, raw: true });
      }
    }
  });

  it("handles stored entries, data descriptors and UTF-8 names in the input", async () => {
    const zip = await JSZip.loadAsync(await table());
    zip.file("customXml/说明.xml", "<x>中文</x>");
    const input = await zip.generateAsync({ type: "uint8array", compression: "STORE", streamFiles: true });
    const archive = openArchive(input);
    expect(archive.entries.some((e) => e.flags & 0x8)).toBe(true);
    const out = ok((await patched(input)).annotated);
    const back = await JSZip.loadAsync(out);
    expect(await back.file("customXml/说明.xml")!.async("string")).toBe("<x>中文</x>");
    expect(sheet(await loadBack(out), TABLE).getCell("C3").value).toBe(RAW[0]);
  });

  it("produces the same workbook with Node's zlib (chunked, in parallel) as with fflate", async () => {
    const big: SheetPlan = { name: "指标明细", rows: Array.from({ length: 30000 }, (_, i) => [i, `项目${i % 97}`, `${RAW[i % 3]}${i}`, i % 5 === 0 ? "同一" : null]) };
    const input = await table();
    const request = { detail: big, cleaned: { plan: PLAN } };
    const [a, b] = [await patchOutputs(input, request, nodeCodec), await patchOutputs(input, request, fflateCodec)];
    const wa = sheet(await loadBack(ok(a.cleaned)), "指标明细");
    const wb = sheet(await loadBack(ok(b.cleaned)), "指标明细");
    expect(wa.rowCount).toBe(30000);
    expect(cellMap(wa)).toEqual(cellMap(wb));
    expect(wa.getCell("C29999").value).toBe(`${RAW[29998 % 3]}29998`);
  });
});

describe("generated sheets over repeated runs", () => {
  it("replaces our own sheets on a second run and never touches a user's 指标明细", async () => {
    const input = await table((wb) => {
      wb.addWorksheet("指标明细").getCell("A1").value = "用户自己的明细";
    });
    const once = ok((await patched(input)).annotated);
    const twiceBytes = ok((await patched(once)).annotated);
    const twice = await loadBack(twiceBytes);
    expect(twice.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "指标明细", "校验汇总", "指标明细 (2)"]);
    expect(sheet(twice, "指标明细").getCell("A1").value).toBe("用户自己的明细");
    expect(sheet(twice, "指标明细 (2)").getCell("A1").value).toBe("行号");
    const zip = await JSZip.loadAsync(twiceBytes);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook.match(/_IndicatorChecker_Detail/g)).toHaveLength(1);
    expect(workbook.match(/_IndicatorChecker_Summary/g)).toHaveLength(1);
    const sheetParts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheetParts).toHaveLength(5);
    await expectWellFormed(twiceBytes);
  });

  it("a cleaned run over an annotated output keeps 校验汇总 and replaces 指标明细", async () => {
    const annotated = ok((await patched(await table())).annotated);
    const cleaned = await loadBack(ok((await patchOutputs(annotated, { detail: DETAIL, cleaned: { plan: PLAN } }, fflateCodec)).cleaned));
    expect(cleaned.worksheets.map((w) => w.name)).toEqual([TABLE, "说明", "校验汇总", "指标明细"]);
    // the summary's link into the table follows the moved row
    expect(sheet(cleaned, "校验汇总").getCell("A2").formula).toBe(`HYPERLINK("#'${TABLE}'!C3","C3")`);
  });
});

describe("falls back to exceljs for what a row shift cannot move", () => {
  const cases: [string, (wb: ExcelJS.Workbook) => void][] = [
    ["a note", (wb) => void (wb.getWorksheet(TABLE)!.getCell("B6").note = "备注")],
    // (conditional formats and validations of the sheet itself are moved: rowDeletionRules.test.ts)
    ["another sheet's validation pointing into the table", (wb) => void (wb.getWorksheet("说明")!.getCell("B1").dataValidation = { type: "list", formulae: [`'${TABLE}'!$B$3:$B$6`], allowBlank: true })],
    ["an auto filter", (wb) => void (wb.getWorksheet(TABLE)!.autoFilter = "A2:E8")],
    ["a hyperlink", (wb) => void (wb.getWorksheet(TABLE)!.getCell("E6").value = { text: "链接", hyperlink: "https://example.com" })],
    ["a shared formula", (wb) => {
      const ws = wb.getWorksheet(TABLE)!;
      ws.getCell("E3").value = { formula: "D3*2", result: 20, shareType: "shared", ref: "E3:E6" } as ExcelJS.CellFormulaValue;
      ws.getCell("E4").value = { sharedFormula: "E3", result: 40 } as ExcelJS.CellSharedFormulaValue;
    }],
    ["a frozen pane below the first deleted row", (wb) => void (wb.getWorksheet(TABLE)!.views = [{ state: "frozen", ySplit: 6 }])],
  ];

  it.each(cases)("%s", async (_, extra) => {
    const input = await table(extra);
    const result = await patchOutputs(input, { detail: DETAIL, cleaned: { plan: PLAN } }, fflateCodec);
    expect(result.cleaned).toBeInstanceOf(Unpatchable);
    const out = await loadBack(await writeCleaned(input, PLAN, DETAIL));
    expect(sheet(out, TABLE).getCell("C3").value).toBe(CLEAN[0]);
    expect(sheet(out, TABLE).getCell("B5").value).toBe("项目丙");
    // the same file without deletions needs no row shift: patched
    const noDelete = await patchOutputs(input, { detail: DETAIL, cleaned: { plan: { ...PLAN, removeRowIndexes: {} } } }, fflateCodec);
    expect(noDelete.cleaned).toBeInstanceOf(Uint8Array);
  });

  it("a chart pointing at the sheet losing rows", async () => {
    const zip = await JSZip.loadAsync(await table());
    zip.file("xl/charts/chart1.xml", `<c:chartSpace xmlns:c="x"><c:f>'${TABLE}'!$D$3:$D$6</c:f></c:chartSpace>`);
    const input = await zip.generateAsync({ type: "uint8array" });
    const result = await patchOutputs(input, { detail: DETAIL, cleaned: { plan: PLAN }, annotated: { highlights: HIGHLIGHTS, summary: SUMMARY } }, fflateCodec);
    expect(result.cleaned).toBeInstanceOf(Unpatchable);
    expect(result.annotated).toBeInstanceOf(Uint8Array);
  });

  it("not a zip at all: the exceljs path reports it", async () => {
    await expect(writeAnnotated(new Uint8Array([1, 2, 3]), [], SUMMARY, DETAIL)).rejects.toMatchObject({ name: "BadWorkbookError" });
  });
});

describe("both outputs in one call, against the exceljs writers, on the bundled sample", () => {
  it("reads back the same cell values and styles", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../assets/samples/绩效目标表-示例.xlsx")));
    const check = checkWorkbook((await readWorkbook(bytes)).sheets, {});
    const options = { lang: "zh" as const, file: "示例.xlsx", generatedAt: "2025-01-01 00:00:00" };
    const both = await buildOutputWorkbooks(bytes, check, { ...options, clean: true, annotate: true, codec: nodeCodec });
    const { buildAnnotatedWorkbook, buildCleanedWorkbook } = await import("../../src/workbook/outputs");
    const newOnes = [await loadBack(both.cleaned!), await loadBack(both.annotated!)];
    // the single-output functions give the same bytes' content
    const single = [await loadBack(await buildCleanedWorkbook(bytes, check, options)), await loadBack(await buildAnnotatedWorkbook(bytes, check, options))];
    const { planCleaning } = await import("../../src/core/clean/planCleaning");
    const { buildSummary, detailSheetPlan, highlightsFor, summarySheetPlan } = await import("../../src/core/summary/summaryModel");
    const detail = detailSheetPlan(check.checks, "zh");
    const old = [
      await loadBack(await writeCleanedWithExcelJS(bytes, planCleaning(check.checks, { unifyNames: false }), detail)),
      await loadBack(
        await writeAnnotatedWithExcelJS(bytes, highlightsFor(check.report.issues), summarySheetPlan(buildSummary({ checks: check.checks, ...options }), "zh"), detail),
      ),
    ];
    const view = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => {
        const cells: Record<string, unknown> = {};
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const value = cell.type === ExcelJS.ValueType.Formula ? { f: cell.formula, r: cell.result } : cell.value;
            if (value === "" || value === null) return;
            cells[cell.address] = [value, cell.numFmt ?? null, fillOf(cell) ?? null, cell.font?.bold ?? null, cell.font?.underline ?? null];
          }),
        );
        return { name: ws.name, cells, merges: mergesOf(ws), rows: ws.rowCount };
      });
    for (let i = 0; i < 2; i++) {
      expect(view(newOnes[i]!)).toEqual(view(old[i]!));
      expect(view(single[i]!)).toEqual(view(old[i]!));
    }
  });
});

describe("the writers' fast paths", () => {
  const STYLES = { text: 1, boldText: 2, bold: 3, link: 4, boldLink: 5 };
  const inflated = (d: DeflatedData) => new Uint8Array(zlib.inflateRawSync(Buffer.concat(d.chunks)));

  it("writes numbers, row numbers and shared-string indexes digit for digit as String() does", async () => {
    const numbers = [0, -0, 7, 10, 99, 100, 123456789, 2147483647, 2147483648, 9007199254740991, 1e21, -5, 1.5, 0.1 + 0.2, 1e-7];
    // Rows far enough down for row numbers of several lengths.
    const rows: SheetPlan["rows"] = Array.from({ length: 1300 }, () => []);
    numbers.forEach((n, i) => (rows[i * 86] = [n, "短", `长的一段文字，出现两次，第${i}段。`.repeat(2)]));
    numbers.forEach((n, i) => (rows[i * 86 + 1] = [n, "短", `长的一段文字，出现两次，第${i}段。`.repeat(2)]));
    rows[1299] = [1];
    for (const codec of [fflateCodec, nodeCodec]) {
      const appender = new SharedStringAppender(1234567);
      const xml = new TextDecoder().decode(inflated(await deflatePlanSheet({ name: "x", rows }, STYLES, codec, appender)));
      const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?: t="(\w+)")?><v>([^<]*)<\/v><\/c>/g)];
      const numberCells = cells.filter((m) => m[1] === "A").map((m) => [m[2], m[4]]);
      const expected = rows.flatMap((r, i) => (typeof r[0] === "number" ? [[String(i + 1), String(r[0])]] : []));
      expect(numberCells).toEqual(expected);
      expect(new Set(cells.filter((m) => m[3] === "s").map((m) => Number(m[4])).filter((n) => n < 1234567))).toEqual(new Set());
      expect(xml).toContain('<row r="1300"><c r="A1300"><v>1</v></c></row>');
      // One short item, one per repeated long text; the indexes follow the table's items.
      expect(appender.added).toBe(1 + numbers.length);
    }
  });

  it("nodeCodec and fflateCodec only release a chunk once they no longer read it", async () => {
    const text = Array.from({ length: 60000 }, (_, i) => `<row r="${i}"><c><v>${(i * 7919) % 100003}</v></c></row>`).join("");
    const all = new TextEncoder().encode(text);
    const piece = 256 * 1024;
    for (const codec of [nodeCodec, fflateCodec] as ZipCodec[]) {
      const d = codec.deflater();
      let released = 0;
      for (let i = 0; i < all.length; i += piece) {
        // Each chunk is a copy that is scribbled over as soon as it is released.
        const chunk = all.slice(i, i + piece);
        await d.write(chunk, () => {
          chunk.fill(0x21);
          released++;
        });
      }
      const data = await d.end();
      expect(released).toBe(Math.ceil(all.length / piece));
      expect(data.size).toBe(all.length);
      expect(data.crc32).toBe(crc32(all));
      expect(Buffer.compare(inflated(data), all)).toBe(0);
    }
  });

  it("encodes a long part in pieces without cutting a surrogate pair, as one TextEncoder call would", async () => {
    const piece = Math.floor((1 << 20) / 3);
    // A pair across the first cut, a lone surrogate at the second, three-byte characters after.
    const text = `${"a".repeat(piece - 1)}😀${"中".repeat(piece - 3)}\ud800${"é".repeat(piece)}😀`;
    for (const codec of [nodeCodec, fflateCodec] as ZipCodec[]) {
      const data = await deflateText(codec, text);
      expect(Buffer.compare(inflated(data), new TextEncoder().encode(text))).toBe(0);
    }
  });

  it("nodeCodec inflates a whole part whatever size the directory claims", async () => {
    const all = new TextEncoder().encode("<sst>".padEnd(300000, "数据x"));
    const raw = zlib.deflateRawSync(all);
    for (const size of [all.length, 0, 10, all.length - 1, all.length * 3]) {
      expect(Buffer.compare(await nodeCodec.inflate(raw, size), all)).toBe(0);
    }
  });
});
