import ExcelJS from "exceljs";
import JSZip from "jszip";
import { decodeEscapes } from "../../src/workbook/xlsx/sharedStrings";
import type { WorkbookData } from "../../src/workbook/workbookData";

/** Test workbooks are built with exceljs itself, in memory. */
export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

export async function loadBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} (have: ${wb.worksheets.map((w) => w.name).join(", ")})`);
  return ws;
}

/** Every non-empty cell as `address → value` (formulas as `{formula, result}`). */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      out.set(cell.address, cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value);
    });
  });
  return out;
}

/** Merged blocks as `A6:A9` strings, sorted. */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
}

/** Adds a chart sheet (no cells, only a chart) named `name` as the first tab. */
export async function withChartSheet(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace("<sheets>", `<sheets><sheet name="${name}" sheetId="99" r:id="rId99"/>`));
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    ),
  );
  zip.file(
    "xl/chartsheets/sheet1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The exceljs reader's snapshot with `_xHHHH_` escapes decoded in every text, as ECMA-376
 * §22.4.2.4 (and readXlsx) reads them: exceljs decodes them only in shared strings and rich
 * runs, upper-case hex only, and leaves them in `t="str"` and plain inline strings. The
 * differential tests compare readXlsx with this. (Decoding twice only differs for an escaped
 * underscore, `_x005F_`, which exceljs never writes.)
 */
export function withEscapesDecoded(data: WorkbookData): WorkbookData {
  return {
    ...data,
    sheets: data.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map((v) => (typeof v === "string" ? decodeEscapes(v) : v))) })),
  };
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The workbook as the .NET Open XML SDK writes it: every part in the SpreadsheetML namespace
 * (workbook, worksheets, shared strings, styles …) with that namespace under `prefix`
 * (`<x:worksheet xmlns:x="…/main">`, `<x:c>`) instead of the default; other prefixes as they were.
 */
export async function withMainPrefix(bytes: Uint8Array, prefix = "x"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir || !name.endsWith(".xml")) continue;
    const xml = await zip.file(name)!.async("string");
    if (!xml.includes(`xmlns="${MAIN_NS}"`)) continue;
    const prefixed = xml
      .replace(`xmlns="${MAIN_NS}"`, `xmlns:${prefix}="${MAIN_NS}"`)
      // Element names without a prefix (not `<?xml`, `<!--`, `<mc:…>`) get one.
      .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
    zip.file(name, prefixed);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The package with `form` applied to its parts' texts (part name → text): a producer's forms of a
 * workbook exceljs wrote (escapes, prefixes, part names), built by editing the XML. */
export async function withPartTexts(bytes: Uint8Array, form: (files: Map<string, string>) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) files.set(name, await zip.file(name)!.async("string"));
  form(files);
  const out = new JSZip();
  for (const [name, text] of files) out.file(name, text);
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
