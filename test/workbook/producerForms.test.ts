import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { buildOutputWorkbooks } from "../../src/workbook/outputs";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { patchOutputs } from "../../src/workbook/xlsx/patchPackage";
import { unprefixMain } from "../../src/workbook/xlsx/patchXml";
import { Unpatchable } from "../../src/workbook/xlsx/zipArchive";
import { fflateCodec } from "../../src/workbook/xlsx/zipCodec";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";
import { loadBack, withMainPrefix, withPartTexts, xlsxBytes } from "./helpers";
import { HostError } from "../../src/app/host";
import { createCheckSession } from "../../src/workbook/check.worker";
import { createFileHost, inPageChannel } from "../../src/workbook/fileHost";

/**
 * .xlsx forms that producers other than Excel write (POI/xlsxwriter streaming, .NET Open XML
 * SDK, SheetJS, hand-made), which the reader accepts: the output writers must make both
 * workbooks from them, or, where one truly cannot be written, still make the other and say why.
 */

const TABLE = "表";
const HEADER = ["项目名称", "绩效指标", "备注"];
// Item 2 lacks its label: the cleaner edits B2; row 3 is dashes: the cleaner deletes it.
const RAW = "1、产出指标：培训人数，年度指标值：≥80人。2、效益指标：党建水平，合格。3、满意度指标：服务对象满意度，年度指标值：≥90%。";
const ROWS = [HEADER, ["项目甲", RAW, "甲"], ["-----", "-----", "-----"], ["项目乙", RAW, "乙"]];

/** The table as exceljs writes it (shared strings, every cell with `r`), then `form` applied
 * to its zip entries (name → text). */
async function tableIn(form: (files: Map<string, string>) => void, extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const base = await xlsxBytes((wb) => {
    const ws = wb.addWorksheet(TABLE);
    ROWS.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    extra?.(wb);
  });
  return withPartTexts(base, form);
}


function rewrite(files: Map<string, string>, name: string, change: (xml: string) => string): void {
  const xml = files.get(name);
  if (xml === undefined) throw new Error(`no ${name}`);
  files.set(name, change(xml));
}

const SHEET = "xl/worksheets/sheet1.xml";

/** Reads, checks and makes both outputs as the command line does. */
async function outputs(bytes: Uint8Array) {
  const check = checkWorkbook(readXlsx(bytes).sheets, {});
  return buildOutputWorkbooks(bytes, check, { lang: "zh", generatedAt: "2026-01-01 00:00", clean: true, annotate: true, codec: nodeCodec });
}

function valuesOf(bytes: Uint8Array | undefined, sheet = TABLE): unknown[][] {
  if (!bytes) throw new Error("no output");
  const data = readXlsx(bytes);
  const i = data.sheets.findIndex((s) => s.name === sheet);
  return (data.sheets[i]?.values ?? []).map((row) => [...row]);
}

async function expectBothWritten(bytes: Uint8Array): Promise<void> {
  const out = await outputs(bytes);
  expect(out.failed).toBeUndefined();
  const cleaned = valuesOf(out.cleaned);
  // B2 and B3 (row 4 moved up) edited, the dash row gone, everything else as it was.
  expect(cleaned.map((row) => row[0])).toEqual(["项目名称", "项目甲", "项目乙"]);
  expect(cleaned.map((row) => row[2])).toEqual(["备注", "甲", "乙"]);
  expect(cleaned[1]?.[1]).toContain("2、效益指标：党建水平，年度指标值：合格。");
  expect(cleaned[2]?.[1]).toBe(cleaned[1]?.[1]);
  expect(valuesOf(out.annotated)).toEqual(ROWS);
  // The patch made them, not the exceljs fallback (which cannot read these forms).
  const patched = await patchOutputs(bytes, { detail: { name: "指标明细", rows: [["x"]] }, annotated: { highlights: [], summary: { name: "校验汇总", rows: [["x"]] } } }, fflateCodec);
  expect(patched.annotated).toBeInstanceOf(Uint8Array);
}

describe("output workbooks of forms other producers write", () => {
  it("cells and rows without `r` (POI and xlsxwriter streaming): positions follow the previous one", async () => {
    await expectBothWritten(await tableIn((files) => rewrite(files, SHEET, (xml) => xml.replace(/(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"/g, "$1"))));
  });

  it("a worksheet relationship whose target differs in case from the zip entry (Sheet1.xml)", async () => {
    await expectBothWritten(await tableIn((files) => rewrite(files, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("worksheets/sheet1.xml", "worksheets/Sheet1.xml"))));
  });

  it("a shared string in CDATA that the cleaner edits", async () => {
    await expectBothWritten(await tableIn((files) => rewrite(files, "xl/sharedStrings.xml", (xml) => xml.replace(`<t>${RAW}</t>`, `<t><![CDATA[${RAW}]]></t>`))));
  });

  it("a byte-order mark on sharedStrings.xml (.NET XmlWriter): the table grows without stray bytes", async () => {
    const bytes = await tableIn((files) => rewrite(files, "xl/sharedStrings.xml", (xml) => `\ufeff${xml}`));
    await expectBothWritten(bytes);
    const out = await outputs(bytes);
    for (const made of [out.cleaned!, out.annotated!]) {
      const sst = await (await JSZip.loadAsync(made)).file("xl/sharedStrings.xml")!.async("string");
      expect(sst).toMatch(/<sst [^>]*><si>/);
      // The generated sheets' shared strings read back.
      expect(valuesOf(made, "指标明细")[0]?.length).toBeGreaterThan(3);
    }
  });

  it("a part name that differs only in case from a generated one is not reused (Sheet2.xml exists)", async () => {
    const bytes = await tableIn((files) => {
      files.set("xl/worksheets/Sheet2.xml", files.get(SHEET)!);
      files.delete(SHEET);
      rewrite(files, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("worksheets/sheet1.xml", "worksheets/Sheet2.xml"));
      rewrite(files, "[Content_Types].xml", (xml) => xml.replace("/xl/worksheets/sheet1.xml", "/xl/worksheets/Sheet2.xml"));
    });
    const out = await outputs(bytes);
    for (const made of [out.cleaned!, out.annotated!]) {
      const names = Object.keys((await JSZip.loadAsync(made)).files).map((n) => n.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
    expect(valuesOf(out.annotated)).toEqual(ROWS);
  });

  it.each(["x", "ss"])("prefixed SpreadsheetML (`<%s:worksheet>`, the .NET Open XML SDK's form) in every part", async (prefix) => {
    // 引用 points into the table (its formula moves with the deleted row), 说明 does not (copied).
    const bytes = await withMainPrefix(
      await tableIn(
        () => undefined,
        (wb) => {
          wb.addWorksheet("引用").getCell("A1").value = { formula: `${TABLE}!A4`, result: "项目乙" };
          wb.addWorksheet("说明").getCell("A1").value = "填表说明";
        },
      ),
      prefix,
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file(SHEET)!.async("string")).toContain(`<${prefix}:c `);
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain(`<${prefix}:sst `);
    await expectBothWritten(bytes);
    const out = await outputs(bytes);
    for (const made of [out.cleaned!, out.annotated!]) {
      // exceljs (which reads nothing of a prefixed part) reads the parts we wrote.
      const wb = await loadBack(made);
      expect(wb.getWorksheet(TABLE)?.getCell("A1").value).toBe("项目名称");
      expect(wb.getWorksheet("说明")?.getCell("A1").value).toBe("填表说明");
      expect(valuesOf(made, "说明")).toEqual([["填表说明"]]);
      expect(wb.getWorksheet("指标明细")?.getCell("A1").value).toBeTruthy();
      expect(valuesOf(made, "指标明细").length).toBeGreaterThan(3);
    }
    expect(valuesOf(out.annotated, "校验汇总").length).toBeGreaterThan(1);
    // The cleaned copy lost row 3: the formula into row 4 follows it.
    expect((await loadBack(out.cleaned!)).getWorksheet("引用")?.getCell("A1").formula).toBe(`${TABLE}!A3`);
  });

  it("an output neither the patch nor exceljs can write: the other is still made, and the failure says which kind", async () => {
    // Cells without `r` (exceljs cannot load them) and a chart on the table: the cleaned copy,
    // losing a row the chart points at, cannot be patched; the annotated one can.
    const bytes = await tableIn((files) => {
      rewrite(files, SHEET, (xml) => xml.replace(/(<c\b[^>]*?) r="[A-Z]*\d+"/g, "$1"));
      files.set("xl/charts/chart1.xml", `<c:chartSpace xmlns:c="x"><c:f>'${TABLE}'!$B$2:$B$4</c:f></c:chartSpace>`);
    });
    const out = await outputs(bytes);
    expect(out.cleaned).toBeUndefined();
    expect(out.failed?.cleaned?.kind).toBe("unwritable");
    expect(valuesOf(out.annotated)).toEqual(ROWS);
  });

  it("the file mode says the same in words, and still downloads the other output", async () => {
    const bytes = await tableIn((files) => {
      rewrite(files, SHEET, (xml) => xml.replace(/(<c\b[^>]*?) r="[A-Z]*\d+"/g, "$1"));
      files.set("xl/charts/chart1.xml", `<c:chartSpace xmlns:c="x"><c:f>'${TABLE}'!$B$2:$B$4</c:f></c:chartSpace>`);
    });
    const saved: string[] = [];
    const host = createFileHost({
      storage: { getItem: () => null, setItem: () => undefined },
      startEngine: async (onMessage) => inPageChannel(createCheckSession, onMessage),
      save: (_bytes, fileName) => void saved.push(fileName),
    });
    await host.openFile(bytes, "导出表.xlsx");
    await host.chooseSheet(TABLE);
    await host.check({ options: {}, highlight: true }, () => undefined, new AbortController().signal);
    const failure = await host.downloadCleaned().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).kind).toBe("unwritable");
    expect((failure as HostError).message).toContain("原文件由 Excel 以外的程序生成");
    expect(await host.downloadAnnotated()).toBe("导出表-已标注.xlsx");
    expect(saved).toEqual(["导出表-已标注.xlsx"]);
    host.dispose();
  });
});

describe("unprefixMain: a prefixed SpreadsheetML part in the form the patchers read", () => {
  const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  it("unprefixes the main namespace's elements only, leaving text, CDATA, comments and other prefixes", () => {
    const xml = `<?xml version="1.0"?><!-- <x:c> --><x:worksheet xmlns:x="${NS}" xmlns:r="r-ns"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;x:t&gt;<![CDATA[<x:c>]]></x:t></x:is></x:c></x:row></x:sheetData><x:extLst><x14:ext xmlns:x14="x14-ns"><x:f/></x14:ext></x:extLst><x:hyperlink r:id="rId1"/></x:worksheet >`;
    expect(unprefixMain(xml)).toBe(
      `<?xml version="1.0"?><!-- <x:c> --><worksheet xmlns:x="${NS}" xmlns:r="r-ns" xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;x:t&gt;<![CDATA[<x:c>]]></t></is></c></row></sheetData><extLst><x14:ext xmlns:x14="x14-ns"><f/></x14:ext></extLst><hyperlink r:id="rId1"/></worksheet >`,
    );
  });

  it("leaves a part in the usual form, or another namespace's, as it is", () => {
    for (const xml of [`<worksheet xmlns="${NS}"><sheetData/></worksheet>`, `<c:chartSpace xmlns:c="chart-ns"><c:f>x</c:f></c:chartSpace>`, `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"/>`]) {
      expect(unprefixMain(xml)).toBe(xml);
    }
  });

  it("keeps elements already in the default namespace when it is the same one", () => {
    expect(unprefixMain(`<x:sst xmlns:x="${NS}" xmlns="${NS}"><si><x:t>a</x:t></si></x:sst>`)).toBe(`<sst xmlns:x="${NS}" xmlns="${NS}"><si><t>a</t></si></sst>`);
  });

  it("refuses what the rewrite could change: another default namespace, unprefixed elements, declarations further in", () => {
    for (const xml of [
      `<x:worksheet xmlns:x="${NS}" xmlns="other"><x:sheetData/></x:worksheet>`,
      `<x:worksheet xmlns:x="${NS}"><sheetData/></x:worksheet>`,
      `<x:worksheet xmlns:x="${NS}"><x:extLst><ext xmlns="other"><x:f/></ext></x:extLst></x:worksheet>`,
      `<x:worksheet xmlns:x="${NS}"><y:extLst xmlns:y="y"><y:a xmlns:x="other"><x:f/></y:a></y:extLst></x:worksheet>`,
    ]) {
      expect(() => unprefixMain(xml)).toThrow(Unpatchable);
    }
  });
});
