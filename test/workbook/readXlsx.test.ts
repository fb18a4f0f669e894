import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, zipSync, type Zippable } from "fflate";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { BadWorkbookError } from "../../src/workbook/workbookData";
import { readXlsx, readXlsxSheets } from "../../src/workbook/xlsx/readXlsx";
import { inflateWithZlib } from "../../src/workbook/xlsx/inflate.node";
import { SAMPLE_FILE_NAME } from "../../src/workbook/sampleWorkbook";
import { writeWorkbook } from "../../bench/generate";
import { withChartSheet, withEscapesDecoded, xlsxBytes } from "./helpers";
import { checkSheet } from "../../src/core/check";

/** Both inflaters (fflate for the browser, zlib for the CLI) must read the same. */
async function expectSameAsExceljs(bytes: Uint8Array): Promise<void> {
  const expected = withEscapesDecoded(await readWorkbook(bytes));
  expect(readXlsx(bytes)).toEqual(expected);
  expect(readXlsx(bytes, { inflate: inflateWithZlib })).toEqual(expected);
}

async function buffer(build: (wb: ExcelJS.Workbook) => void, options?: Partial<ExcelJS.XlsxWriteOptions>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer(options)) as ArrayBuffer);
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-xlsx-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("readXlsx gives the exceljs reader's snapshots", () => {
  it("for the bundled sample", async () => {
    await expectSameAsExceljs(new Uint8Array(fs.readFileSync(path.resolve(__dirname, "../../assets/samples", SAMPLE_FILE_NAME))));
  });

  it.each(["seed", "extended"] as const)("for a bench-generated %s workbook", async (layout) => {
    const file = path.join(dir, `bench-${layout}.xlsx`);
    await writeWorkbook(file, { rows: 400, seed: 7, layout });
    await expectSameAsExceljs(new Uint8Array(fs.readFileSync(file)));
  });

  /** Every kind of value, formulas, merges, hidden rows and columns, sheet states. */
  const everything = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("值");
    ws.getCell("A1").value = 42;
    ws.getCell("A2").value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell("A3").value = true;
    ws.getCell("A4").value = { error: "#N/A" };
    ws.getCell("A5").value = { richText: [{ text: "1、产出指标：", font: { bold: true } }, { text: "资金拨付_x000D_时效指标" }] };
    ws.getCell("A6").value = { formula: "A1*2", result: 84 };
    ws.getCell("A7").value = { formula: "A1-42", result: 0 };
    ws.getCell("A8").value = { formula: 'A5&"。"', result: "1、产出&指标<>\"'" };
    ws.getCell("A9").value = { formula: "A1*3" };
    ws.getCell("A10").value = { text: "财政部通知", hyperlink: "https://www.mof.gov.cn/" };
    ws.getCell("A11").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A12").value = "=SUM(A1)";
    ws.getCell("A13").value = { formula: "A3", result: false };
    ws.getCell("A14").value = "  leading and trailing spaces\nand a newline\r\nand CRLF\ttab  ";
    ws.getCell("A15").value = "&amp; &lt; <tag> \"quoted\" 'single' _x0041_ _x00e9_";
    ws.getCell("A16").value = { formula: "TODAY()", result: new Date(Date.UTC(2024, 1, 29, 13, 45, 30)) };
    ws.getCell("A16").numFmt = "yyyy-mm-dd hh:mm:ss";
    ws.getCell("A17").value = 45000.5;
    ws.getCell("A17").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("A18").value = 0.25;
    ws.getCell("A18").numFmt = "0.00%";
    ws.getCell("A19").value = "😀 emoji and 中文 and \u0007 bell";
    ws.getCell("A20").value = "";
    ws.getCell("A21").value = { text: "12", hyperlink: "https://example.org/12" };
    ws.getCell("B21").value = 12;
    ws.getCell("A22").value = { formula: "B21", result: 12 };
    ws.getCell("A22").value = { text: { richText: [{ text: "富" }, { text: "文本" }] } as unknown as string, hyperlink: "https://example.org/rich" };
    ws.getCell("A23").value = { formula: "A18*2", result: 0.5 };
    ws.getCell("A23").numFmt = "0%";
    ws.getCell("A24").value = 0.955;
    ws.getCell("A24").numFmt = "0%";
    ws.getCell("A25").value = 7;
    ws.getCell("A25").numFmt = '0"%"';
    ws.getCell("F1").value = -0.1;
    ws.getCell("F2").value = 1e21;
    ws.getCell("F3").value = 123456789012345680000;

    ws.getCell("C1").value = "项目支出绩效目标表";
    ws.mergeCells("C1:E1");
    ws.getCell("C2").value = "主管部门";
    ws.mergeCells("C2:C3");
    ws.getCell("D3").value = "项目名称";
    ws.getCell("C4").value = "花都区委组织部";
    ws.mergeCells("C4:C6");
    ws.getCell("D4").value = "项目甲";
    ws.getCell("D5").value = "项目乙";
    ws.getCell("D6").value = "项目丙";
    ws.getCell("C20").value = "花都区财政局";
    ws.getCell("D20").value = "项目丁";
    ws.mergeCells("C20:C21");
    ws.mergeCells("D20:D21");
    ws.mergeCells("G30:H40");

    ws.getRow(5).hidden = true;
    ws.getRow(45).hidden = true;
    ws.getColumn(4).hidden = true;
    ws.getColumn(30).hidden = true;
    ws.getCell("E50").style = { font: { bold: true } };

    const shared = wb.addWorksheet("公式");
    shared.getCell("A1").value = 1;
    shared.getCell("A2").value = 2;
    shared.getCell("A3").value = 3;
    shared.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
    shared.fillFormula("C1:C3", "A1+$A$1");
    wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "x";
    wb.addWorksheet("深度隐藏", { state: "veryHidden" }).getCell("A1").value = "y";
    wb.addWorksheet("名字 with & < > \" ' 和空格").getCell("B2").value = "名字";
    wb.addWorksheet("空表");
  };

  it("reads a number shown as a percentage as its text, every digit kept", async () => {
    const bytes = await buffer(everything);
    const values = (await readWorkbook(bytes)).sheets[0]?.values ?? [];
    // 0.25 in 0.00%, a formula's 0.5 in 0%, 0.955 in 0% (Excel shows 96%), 7 with a printed "%".
    expect([values[17]?.[0], values[22]?.[0], values[23]?.[0], values[24]?.[0]]).toEqual(["25%", "50%", "95.5%", "7%"]);
    expect(readXlsx(bytes).sheets[0]?.values.slice(17, 25).map((row) => row[0])).toEqual(values.slice(17, 25).map((row) => row[0]));
  });

  it("checks an item-per-row table whose 指标值 are percentage-formatted numbers as the user sees them", async () => {
    const bytes = await buffer((wb) => {
      const ws = wb.addWorksheet("逐项");
      ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]);
      ws.addRow(["项目一", "产出指标", "质量指标", "验收合格率", 0.95]);
      ws.addRow(["项目一", "满意度指标", "服务对象满意度指标", "群众满意度", 0.9]);
      ws.getCell("E2").numFmt = "0%";
      ws.getCell("E3").numFmt = "0%";
    });
    const outcome = checkSheet(readXlsx(bytes).sheets[0]!);
    if (!outcome.ok) throw new Error("no table");
    // Read as bare 0.95 and 0.9, both were “quantities without a unit” and 0.9 no percentage.
    expect(outcome.check.issues.map((i) => i.code)).not.toContain("unit_missing");
    expect(outcome.check.issues.map((i) => i.code)).not.toContain("satisfaction_not_percent");
    expect(outcome.check.normalized.map((n) => [n.number, n.valueUnit, n.raw])).toEqual([
      [95, "%", "95%"],
      [90, "%", "90%"],
    ]);
  });

  it("reads numbers with printed words or signs around them as the user sees them (item-per-row)", async () => {
    const bytes = await buffer((wb) => {
      const ws = wb.addWorksheet("逐项");
      ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]);
      ws.addRow(["项目一", "产出指标", "数量指标", "培训人次", 200]);
      ws.addRow(["项目一", "产出指标", "质量指标", "验收合格率", 0.9]);
      ws.addRow(["项目一", "成本指标", "经济成本指标", "项目总成本", 1500000]);
      ws.getCell("E2").numFmt = '0"人次"';
      ws.getCell("E3").numFmt = '"≥"0%';
      ws.getCell("E4").numFmt = '#,##0"元"';
    });
    for (const sheet of [readXlsx(bytes).sheets[0]!, (await readWorkbook(bytes)).sheets[0]!]) {
      const outcome = checkSheet(sheet);
      if (!outcome.ok) throw new Error("no table");
      expect(outcome.check.issues.map((i) => i.code)).not.toContain("unit_missing");
      expect(outcome.check.normalized.map((n) => [n.operator, n.number, n.valueUnit])).toEqual([
        ["=", 200, "人次"],
        ["≥", 90, "%"],
        ["=", 1500000, "元"],
      ]);
    }
  });

  it("for every kind of value, with shared strings", async () => {
    await expectSameAsExceljs(await buffer(everything));
  });

  it("for every kind of value, without shared strings (t=\"str\" and inline rich text)", async () => {
    await expectSameAsExceljs(await buffer(everything, { useSharedStrings: false }));
  });

  it("for the 1904 date system", async () => {
    const bytes = await buffer((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("日期");
      ws.getCell("A1").value = new Date(Date.UTC(2025, 0, 1));
      ws.getCell("A2").value = { formula: "A1+1", result: new Date(Date.UTC(2025, 0, 2)) };
    });
    await expectSameAsExceljs(bytes);
    expect(readXlsx(bytes).sheets[0]!.values[0]![0]).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it("skipping a chart sheet", async () => {
    const plain = await xlsxBytes((wb) => {
      wb.addWorksheet("绩效目标表").getCell("A1").value = "主管部门";
      wb.addWorksheet("说明").getCell("A1").value = "说明";
    });
    const bytes = await withChartSheet(plain, "图表");
    await expectSameAsExceljs(bytes);
    expect(readXlsx(bytes).sheets.map((s) => s.name)).toEqual(["绩效目标表", "说明"]);
  });

  it("for a workbook without worksheets", async () => {
    const bytes = await xlsxBytes(() => undefined);
    await expectSameAsExceljs(bytes);
    expect(readXlsx(bytes).sheets).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Hand-made parts: what exceljs never writes but Excel, WPS, LibreOffice or scripts may.

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;

interface Parts {
  workbook?: string;
  rels?: string;
  sheets?: string[];
  sharedStrings?: string;
  styles?: string;
  extra?: Record<string, string>;
}

function handMade(parts: Parts): Uint8Array {
  const sheets = parts.sheets ?? [];
  const files: Zippable = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "xl/workbook.xml": strToU8(
      parts.workbook ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
          .map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      parts.rels ??
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join("")}</Relationships>`,
    ),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  if (parts.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = strToU8(parts.sharedStrings);
  if (parts.styles !== undefined) files["xl/styles.xml"] = strToU8(parts.styles);
  for (const [name, text] of Object.entries(parts.extra ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}

const sheetXml = (sheetData: string, after = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

function valuesOf(bytes: Uint8Array): CellValue[][] {
  const data = readXlsx(bytes);
  const zlib = readXlsx(bytes, { inflate: inflateWithZlib });
  expect(zlib).toEqual(data);
  return data.sheets[0]!.values;
}

describe("readXlsx on parts exceljs never writes", () => {
  it("reads elements and attributes with any namespace prefix (x:c, strict namespaces)", () => {
    const strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const bytes = handMade({
      workbook: `<x:workbook xmlns:x="${strictMain}" xmlns:rel="${strictRel}"><x:sheets><x:sheet name="严格" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${strictRel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${strictRel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      sheets: [`<x:worksheet xmlns:x="${strictMain}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`],
      sharedStrings: `<x:sst xmlns:x="${strictMain}"><x:si><x:t>主管部门</x:t></x:si></x:sst>`,
    });
    const data = readXlsx(bytes);
    expect(data.sheets.map((s) => s.name)).toEqual(["严格"]);
    expect(data.sheets[0]!.values).toEqual([["主管部门", 2.5]]);
  });

  it("places rows and cells without `r` after the previous one", () => {
    const values = valuesOf(
      handMade({
        sheets: [sheetXml(`<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>`)],
      }),
    );
    expect(values).toEqual([
      ["a", 1, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 2, 3],
      [4, null, null, null],
    ]);
  });

  it("reads attributes in any order and with either quote", () => {
    const values = valuesOf(handMade({ sheets: [sheetXml(`<row r='1'><c t='inlineStr' r='B1'><is><t>乙</t></is></c><c t="b" r = "C1" ><v>1</v></c></row>`)] }));
    expect(values).toEqual([[null, "乙", true]]);
  });

  it("decodes entities, character references and CDATA in text", () => {
    const values = valuesOf(
      handMade({
        sheets: [
          sheetXml(
            `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> &amp;&lt;&gt;&quot;&apos;&#123;&#x1F600;&#x4E2D; </t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<b>不是标签</b> & ]]>尾</t></is></c><c r="C1" t="inlineStr"><is><t>行一\r\n行二\r行三</t></is></c></row>`,
          ),
        ],
      }),
    );
    expect(values).toEqual([[" &<>\"'{😀中 ", "<b>不是标签</b> & 尾", "行一\n行二\n行三"]]);
  });

  it("joins rich text runs and ignores phonetic runs, in shared and inline strings", () => {
    const values = valuesOf(
      handMade({
        sheets: [
          sheetXml(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>1、</t></r><r><t>产出_x000D_指标</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c><c r="C1" t="s"><v>1</v></c></row>`,
          ),
        ],
        sharedStrings: `<sst xmlns="${MAIN_NS}"><si><r><t>数量</t></r><r><rPr><i/></rPr><t xml:space="preserve">指标 </t></r><rPh sb="0" eb="2"><t>すうりょう</t></rPh><phoneticPr fontId="1"/></si><si><t>_x0041__x000a_b</t></si></sst>`,
      }),
    );
    expect(values).toEqual([["数量指标 ", "1、产出\r指标", "A\nb"]]);
  });

  it("decodes _xHHHH_ escapes in every string: t=\"str\", inline, shared, either case (SheetJS writes _x000d_)", () => {
    // ECMA-376 §22.4.2.4; `_x005F_` is an escaped `_`. exceljs decodes only upper case, only in
    // shared strings and runs: `100%_x000d_` read as a qualitative value, items glued by `_x000A_`.
    const values = valuesOf(
      handMade({
        sheets: [
          sheetXml(
            `<row r="1"><c r="A1" t="str"><v xml:space="preserve">100%_x000d_\n2、</v></c><c r="B1" t="inlineStr"><is><t>90%_x000D__x000A_2、</t></is></c>` +
              `<c r="C1" t="s"><v>0</v></c><c r="D1" t="str"><f>A1</f><v>a_x000d_</v></c><c r="E1" t="inlineStr"><is><t>_x005F_x000D_</t></is></c></row>`,
          ),
        ],
        sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>≥1期_x000d__x000a_</t></si></sst>`,
      }),
    );
    expect(values).toEqual([["100%\r\n2、", "90%\r\n2、", "≥1期\r\n", "a\r", "_x000D_"]]);
  });

  it("resolves absolute relationship targets and a leading slash in part names", () => {
    const bytes = handMade({
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="/xl/worksheets/data.xml"/></Relationships>`,
      workbook: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="绝对" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      extra: { "xl/worksheets/data.xml": sheetXml(`<row r="1"><c r="A1"><v>7</v></c></row>`) },
    });
    expect(readXlsx(bytes).sheets).toEqual([{ name: "绝对", values: [[7]], originRowIndex: 0, originColumnIndex: 0 }]);
  });

  it("reads dates from built-in and custom date formats, and numbers from other formats", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts><cellXfs count="5"><xf numFmtId="14"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/></cellXfs></styleSheet>`;
    const values = valuesOf(
      handMade({
        styles,
        sheets: [sheetXml(`<row r="1"><c r="A1" s="0"><v>45658</v></c><c r="B1" s="1"><v>45658</v></c><c r="C1" s="2"><v>45658.75</v></c><c r="D1" s="3"><v>45658</v></c><c r="E1" s="4"><v>45658</v></c></row>`)],
      }),
    );
    expect(values).toEqual([[45658, new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 0, 1, 18)), 45658, 45658]]);
  });

  it("reads numbers in built-in and custom percentage formats as their text, and a printed % after the number", () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%;[Red]\\-0.0%"/><numFmt numFmtId="165" formatCode="[Red]0\\%"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const values = valuesOf(
      handMade({
        styles,
        sheets: [sheetXml(`<row r="1"><c r="A1" s="0"><v>0.9</v></c><c r="B1" s="1"><v>0.9</v></c><c r="C1" s="2"><v>1.2</v></c><c r="D1" s="3"><v>-0.07</v></c><c r="E1" s="4"><v>95</v></c><c r="F1" s="1" t="str"><f>"a"</f><v>a</v></c></row>`)],
      }),
    );
    // `[Red]0\%`: 95 shows as 95% (a printed sign, no percentage: not 9500%).
    expect(values).toEqual([[0.9, "90%", "120%", "-7%", "95%", "a"]]);
  });

  it("lists hidden rows and columns and applies merges from the part", () => {
    const bytes = handMade({
      sheets: [
        `<worksheet xmlns="${MAIN_NS}"><cols><col min="2" max="3" hidden="true"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="2" hidden="1"><c r="A2"><v>9</v></c><c r="B2"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells></worksheet>`,
      ],
    });
    const data = readXlsx(bytes);
    expect(data.sheets[0]!.values).toEqual([
      ["部门", 1, 2],
      ["部门", 3, null],
      [null, null, null],
    ]);
    expect(data.info[0]).toEqual({ name: "S1", state: "visible", hiddenRowIndexes: [1], hiddenColumnIndexes: [1, 2], merges: [{ top: 0, left: 0, bottom: 2, right: 0 }] });
  });

  it("reads a UTF-16 part with a byte-order mark and skips comments, processing instructions and a DOCTYPE", () => {
    const xml = sheetXml(`<!-- 注释 --><row r="1"><?pi data?><c r="A1" t="inlineStr"><is><t>十六位</t></is></c></row>`);
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const zip = zipSync({
      "xl/workbook.xml": strToU8(`<!DOCTYPE workbook [ <!ELEMENT workbook ANY> ]><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="U" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/worksheets/sheet1.xml": utf16,
    });
    expect(valuesOf(zip)).toEqual([["十六位"]]);
  });

  it("calls back sheet by sheet in tab order", () => {
    const bytes = handMade({ sheets: [sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`), sheetXml(`<row r="1"><c r="A1"><v>2</v></c></row>`)] });
    const seen: [string, CellValue][] = [];
    readXlsxSheets(bytes, (sheet, info) => seen.push([info.name, sheet.values[0]![0]!]));
    expect(seen).toEqual([
      ["S1", 1],
      ["S2", 2],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Damaged files fail like the exceljs reader: the sniffed kind, else "corrupt".

async function kindOf(bytes: Uint8Array): Promise<string> {
  try {
    readXlsx(bytes);
    return "read";
  } catch (e) {
    if (e instanceof BadWorkbookError) return e.kind;
    throw e;
  }
}

describe("readXlsx on damaged files", () => {
  const good = () => handMade({ sheets: [sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)], sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>x</t></si></sst>` });

  it.each<[string, string, () => Uint8Array]>([
    ["an empty file", "truncated", () => new Uint8Array(0)],
    ["a file cut in half", "truncated", () => good().slice(0, 200)],
    ["not a zip", "notZip", () => strToU8("\u0001\u0002 binary garbage")],
    ["a zip without xl/workbook.xml", "notXlsx", () => zipSync({ "word/document.xml": strToU8("<w/>") })],
    ["a sheet that is not XML", "corrupt", () => handMade({ sheets: ["<<<"] })],
    ["a sheet whose XML stops half-way", "corrupt", () => handMade({ sheets: [sheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").slice(0, 150)] })],
    ["mismatched end tags", "corrupt", () => handMade({ sheets: [sheetXml(`<row r="1"><c r="A1"><v>1</c></v></row>`)] })],
    ["an undefined entity", "corrupt", () => handMade({ sheets: [sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`)] })],
    ["a shared string that does not exist", "corrupt", () => handMade({ sheets: [sheetXml(`<row r="1"><c r="A1" t="s"><v>5</v></c></row>`)], sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>x</t></si></sst>` })],
    ["a workbook.xml that is not XML", "corrupt", () => handMade({ workbook: "<<<" })],
  ])("%s → %s", async (_, kind, make) => {
    expect(await kindOf(make())).toBe(kind);
  });

  it("reports damaged deflate data in a part as corrupt", async () => {
    const bytes = good();
    // Overwrite the middle of the sheet part's compressed data.
    const name = strToU8("xl/worksheets/sheet1.xml");
    let at = -1;
    for (let i = 0; i < bytes.length - name.length; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && name.every((b, j) => bytes[i + 30 + j] === b)) at = i;
    }
    expect(at).toBeGreaterThanOrEqual(0);
    const start = at + 30 + name.length + (bytes[at + 28]! | (bytes[at + 29]! << 8));
    const damaged = bytes.slice();
    for (let i = start; i < start + 40; i++) damaged[i] = 0xff;
    expect(await kindOf(damaged)).toBe("corrupt");
  });

  it("reports a part whose size differs from the directory's as corrupt", async () => {
    const bytes = good();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const damaged = bytes.slice();
    const out = new DataView(damaged.buffer);
    for (let p = 0; p + 4 <= bytes.length; p++) if (view.getUint32(p, true) === 0x02014b50) out.setUint32(p + 24, view.getUint32(p + 24, true) + 5, true);
    expect(await kindOf(damaged)).toBe("corrupt");
  });

  it("agrees with the exceljs reader on a zip that looks like a workbook but is not one", async () => {
    const fake = zipSync({ "[Content_Types].xml": strToU8("not xml at all <<<"), "xl/workbook.xml": strToU8("<<<") });
    expect(await kindOf(fake)).toBe("corrupt");
    await expect(readWorkbook(fake)).rejects.toMatchObject({ kind: "corrupt" });
  });
});
