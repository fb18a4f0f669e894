import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { buildOutputWorkbooks } from "../../src/workbook/outputs";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { patchOutputs } from "../../src/workbook/xlsx/patchPackage";
import { fflateCodec } from "../../src/workbook/xlsx/zipCodec";
import { nodeCodec } from "../../src/workbook/xlsx/zipCodec.node";
import { xlsxBytes } from "./helpers";
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
async function tableIn(form: (files: Map<string, string>) => void): Promise<Uint8Array> {
  const base = await xlsxBytes((wb) => {
    const ws = wb.addWorksheet(TABLE);
    ROWS.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  });
  const zip = await JSZip.loadAsync(base);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) files.set(name, await zip.file(name)!.async("string"));
  form(files);
  const out = new JSZip();
  for (const [name, text] of files) out.file(name, text);
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
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
