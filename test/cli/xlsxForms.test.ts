import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { io } from "./cliIO";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { loadWorkbook } from "../../src/workbook/readWorkbook";
import { BadWorkbookError } from "../../src/workbook/workbookData";
import type { CellValue } from "../../src/core/model";
import { withMainPrefix, withPartTexts } from "../workbook/helpers";

/**
 * What a check run writes back, end to end through the command line, for texts and part forms
 * the writers once changed or refused: a literal `_xHHHH_` and a carriage return in a cell,
 * prefixed SpreadsheetML (.NET Open XML SDK exports), a workbook part not at xl/workbook.xml.
 */

const TABLE = "绩效目标表";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-forms-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A small table (exceljs, shared strings), then `form` applied to its zip entries' texts. */
async function table(rows: string[][], form: (files: Map<string, string>) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TABLE);
  ws.addRow(["主管部门", "项目名称", "绩效指标"]);
  for (const row of rows) ws.addRow(row);
  return withPartTexts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), form);
}

/** Runs `check FILE --clean --annotate --json` and returns the outputs read back. */
async function checkWithOutputs(bytes: Uint8Array, name = "表.xlsx") {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  const [clean, annotate, json] = ["c.xlsx", "a.xlsx", "r.json"].map((n) => path.join(tmp, n)) as [string, string, string];
  const o = io();
  const code = await run(["check", file, "--clean", clean, "--annotate", annotate, "--json", json], o.sink);
  return { code, err: o.err(), cleanedBytes: fs.readFileSync(clean), annotatedBytes: fs.readFileSync(annotate), cleaned: readXlsx(fs.readFileSync(clean)), annotated: readXlsx(fs.readFileSync(annotate)) };
}

function values(data: ReturnType<typeof readXlsx>, sheet: string): CellValue[][] {
  const s = data.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet} (have ${data.sheets.map((x) => x.name).join(", ")})`);
  return s.values.map((row) => [...row]);
}

const texts = (rows: CellValue[][]) => rows.flat().filter((v): v is string => typeof v === "string");

describe("texts holding `_xHHHH_` literals and carriage returns (ST_Xstring, ECMA-376 §22.9.2.19)", () => {
  // In the file: `_x005F_x000D_` (an escaped `_`: the text is the literal `_x000D_`) and
  // `_x000D_` before a line feed (Excel's CR LF). The reader decodes both.
  const RAW = "1、产出指标：培训人数（编号LITERAL说明），年度指标值：80人以上。CRLF2、效益指标：群众满意度（含CR回访），年度指标值：≥90%。";
  const TEXT = RAW.replace("LITERAL", "_x000D_").replace("CRLF", "\r\n").replace("CR", "\r");
  const escaped = (files: Map<string, string>) => {
    const sst = files.get("xl/sharedStrings.xml")!;
    files.set("xl/sharedStrings.xml", sst.replace("LITERAL", "_x005F_x000D_").replace("CRLF", "_x000D_\n").replace("CR", "_x000D_"));
  };

  it("come back as they were read in 指标明细, 校验汇总 and the cleaned cell", async () => {
    const bytes = await table([["区卫健委", "项目甲", RAW]], escaped);
    expect(values(readXlsx(bytes), TABLE)[1]?.[2]).toBe(TEXT);
    const out = await checkWithOutputs(bytes, "编号_x000D_表.xlsx");
    expect(out.err).not.toMatch(/无法|失败/);
    for (const data of [out.cleaned, out.annotated]) {
      const detail = values(data, "指标明细");
      const at = (name: string) => detail[0]!.indexOf(name);
      // 三级指标 and 原文 of each item, as the reader read them (a line break inside a name is no part of 三级指标).
      expect(detail.slice(1).map((row) => [row[at("三级指标")], row[at("原文")]])).toEqual([
        ["培训人数（编号_x000D_说明）", "1、产出指标：培训人数（编号_x000D_说明），年度指标值：80人以上。"],
        ["群众满意度（含回访）", "2、效益指标：群众满意度（含\r回访），年度指标值：≥90%。"],
      ]);
    }
    expect(texts(values(out.annotated, "校验汇总"))).toContain("编号_x000D_表.xlsx");
    // The annotated table is the original; the cleaned cell keeps the literal (the name's line break it joins).
    expect(values(out.annotated, TABLE)[1]?.[2]).toBe(TEXT);
    expect(values(out.cleaned, TABLE)[1]?.[2]).toBe("1、产出指标：培训人数（编号_x000D_说明），年度指标值：≥80人。2、效益指标：群众满意度（含回访），年度指标值：≥90%。");
    // As Excel writes them: the literal's `_` escaped, the CR (in 原文) as `_x000D_`.
    for (const [made, sheet] of [[out.annotatedBytes, "指标明细"], [out.cleanedBytes, "指标明细"]] as const) {
      const xml = (await sheetXml(made, sheet)) + (await partXml(made, "xl/sharedStrings.xml"));
      expect(xml).toContain("编号_x005F_x000D_说明");
      expect(xml).toContain("含_x000D_回访");
    }
    const cleanedXml = (await sheetXml(out.cleanedBytes, TABLE)) + (await partXml(out.cleanedBytes, "xl/sharedStrings.xml"));
    expect(cleanedXml).toContain("编号_x005F_x000D_说明");
  });
});

describe("prefixed SpreadsheetML (`<x:worksheet>`, `<x:sst>`, `<x:c>`: .NET Open XML SDK exports)", () => {
  const ROWS = [
    ["区卫健委", "项目甲", "1、产出指标：培训人数，年度指标值：80人以上。2、效益指标：群众满意度，年度指标值：≥90%。"],
    ["-----", "-----", "-----"],
    ["区卫健委", "项目乙", "1、产出指标：培训场次，年度指标值：≥4场。"],
  ];

  it.each(["x", "s"])("is cleaned and annotated, both outputs reading back in exceljs and the reader (prefix %s)", async (prefix) => {
    const plain = await table(ROWS);
    const bytes = await withMainPrefix(plain, prefix);
    expect(await sheetXml(bytes, TABLE)).toContain(`<${prefix}:sheetData>`);
    const reference = await checkWithOutputs(plain, "plain.xlsx");
    const out = await checkWithOutputs(bytes);
    expect(out.err).toBe(reference.err);
    expect(out.code).toBe(reference.code);
    // The same workbooks as from the unprefixed file (the dash row deleted, 80人以上 → ≥80人).
    for (const sheet of [TABLE, "指标明细"]) expect(values(out.cleaned, sheet)).toEqual(values(reference.cleaned, sheet));
    for (const sheet of [TABLE, "校验汇总", "指标明细"]) {
      const strip = (rows: CellValue[][]) => rows.map((row) => row.map((v) => (typeof v === "string" ? v.replace("plain.xlsx", "表.xlsx") : v)));
      expect(values(out.annotated, sheet)).toEqual(strip(values(reference.annotated, sheet)));
    }
    expect(values(out.cleaned, TABLE).map((row) => row[1])).toEqual(["项目名称", "项目甲", "项目乙"]);
    for (const made of [out.cleanedBytes, out.annotatedBytes]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(made as unknown as ArrayBuffer);
      expect(wb.getWorksheet(TABLE)?.getCell("B2").value).toBe("项目甲");
      expect(wb.getWorksheet("指标明细")?.getCell("A1").value).toBe("行号");
    }
    // The annotated table's flagged cell is filled (in the part we wrote, unprefixed).
    expect(await sheetXml(out.annotatedBytes, TABLE)).toMatch(/<c r="C2"[^>]*\ss="\d+"/);
  });
});

describe("a workbook part not at xl/workbook.xml (found through _rels/.rels, as Excel finds it)", () => {
  const ROWS = [
    ["区卫健委", "项目甲", "1、产出指标：培训人数，年度指标值：80人以上。"],
    ["-----", "-----", "-----"],
    ["区卫健委", "项目乙", "1、产出指标：培训场次，年度指标值：≥4场。"],
  ];
  /** Every part under `from` moved to `to` (names and references), the workbook part renamed
   * `book`: the root relationships, content types and part names follow. */
  const moved = (to: string, book: string) => (files: Map<string, string>) => {
    const rename = (name: string) => name.replace(/^xl\//, to).replace(/(^|\/)workbook\.xml/, `$1${book}`);
    for (const [name, text] of [...files]) {
      files.delete(name);
      files.set(rename(name), text.replace(/\/xl\/[\w/.]+/g, (m) => `/${rename(m.slice(1))}`).replace('Target="xl/workbook.xml"', `Target="${rename("xl/workbook.xml")}"`));
    }
  };

  it.each([
    ["xl/workbook2.xml", "xl/", "workbook2.xml"],
    ["a folder of its own, book/main.xml", "book/", "main.xml"],
  ])("is read and gets both outputs: %s", async (_, to, book) => {
    const bytes = await table(ROWS, moved(to, book));
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(names).toContain(`${to}${book}`);
    expect(names).not.toContain("xl/workbook.xml");
    const reference = await checkWithOutputs(await table(ROWS), "plain.xlsx");
    const out = await checkWithOutputs(bytes, "plain.xlsx");
    expect(out.err).toBe(reference.err);
    expect(out.code).toBe(reference.code);
    for (const sheet of [TABLE, "指标明细"]) expect(values(out.cleaned, sheet)).toEqual(values(reference.cleaned, sheet));
    for (const sheet of [TABLE, "校验汇总", "指标明细"]) expect(values(out.annotated, sheet)).toEqual(values(reference.annotated, sheet));
    expect(values(out.cleaned, TABLE).map((row) => row[1])).toEqual(["项目名称", "项目甲", "项目乙"]);
    // exceljs (the writers' fallback) looks only at xl/workbook.xml: it says it cannot load the
    // file rather than write an empty workbook (an output it is needed for is "unwritable").
    await expect(loadWorkbook(bytes)).rejects.toBeInstanceOf(BadWorkbookError);
  });

  it("a package whose root relationships name no workbook (a .docx's document) is no workbook", async () => {
    const bytes = await table(ROWS, (files) => {
      files.set("_rels/.rels", files.get("_rels/.rels")!.replace('Target="xl/workbook.xml"', 'Target="word/document.xml"'));
      files.set("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      for (const name of [...files.keys()]) {
        if (!name.startsWith("xl/")) continue;
        files.set(name.replace(/^xl\//, "data/"), files.get(name)!);
        files.delete(name);
      }
    });
    const file = path.join(tmp, "文档.xlsx");
    fs.writeFileSync(file, bytes);
    const o = io();
    expect(await run(["check", file], o.sink)).toBe(2);
    expect(o.err()).toContain("文件内容不是 Excel 工作簿");
  });
});

async function partXml(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async("string");
}

/** A sheet's XML, found through the workbook part and its relationships. */
async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const tag = (workbook.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []).find((t) => t.includes(`name="${sheet}"`)) ?? "";
  const rid = /r:id="(\w+)"/.exec(tag)?.[1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const part = (target?.[1] ?? target?.[2] ?? "").replace(/^\/?(xl\/)?/, "xl/");
  return zip.file(part)!.async("string");
}
