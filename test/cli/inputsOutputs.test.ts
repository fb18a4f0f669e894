import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { run } from "../../src/cli/main";
import { io } from "./cliIO";
import { collectInputs } from "../../src/cli/inputs";

/**
 * Which files a run reads and where each one's outputs go: every input its own outputs and its
 * own name in the JSON (sub-folders mirrored), failures and skipped files told in the JSON and
 * the summary, macro-enabled workbooks written as Excel can open them.
 */

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "绩效目标表-示例.xlsx");

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-io-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A small table of its own (2 project rows), unlike the 35-row sample. */
async function smallWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效目标表");
  ws.addRow(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
  for (const i of [1, 2]) ws.addRow(["区卫健委", "区卫健委", `项目${i}`, "目标", "1、产出指标：培训人数，年度指标值：≥200人次。"]);
  await wb.xlsx.writeFile(file);
}

/** Every file under a folder, relative, `/`-separated, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

type JsonEntry = { file: string; sheets?: { dataRows: number }[]; failure?: { kind: string; message: string } };

describe("one set of outputs per input", () => {
  it("mirrors same-named files' sub-folders under the output folders, and names them apart in the JSON", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(path.join(dir, "教育局"), { recursive: true });
    fs.mkdirSync(path.join(dir, "卫健委"));
    fs.copyFileSync(SAMPLE, path.join(dir, "教育局", "绩效目标表.xlsx"));
    await smallWorkbook(path.join(dir, "卫健委", "绩效目标表.xlsx"));
    const o = io();
    const [clean, annotate, all, each] = ["清洗", "标注", "汇总.json", "各报告"].map((n) => path.join(tmp, n)) as [string, string, string, string];
    expect(await run(["check", dir, "--clean", clean, "--annotate", annotate, "--json", all], o.sink)).toBe(0);
    expect(filesUnder(clean)).toEqual(["卫健委/绩效目标表-清洗后.xlsx", "教育局/绩效目标表-清洗后.xlsx"]);
    expect(filesUnder(annotate)).toEqual(["卫健委/绩效目标表-已标注.xlsx", "教育局/绩效目标表-已标注.xlsx"]);
    const files = (JSON.parse(fs.readFileSync(all, "utf8")) as { files: JsonEntry[] }).files;
    expect(files.map((f) => [f.file, f.sheets?.[0]?.dataRows])).toEqual([
      ["卫健委/绩效目标表.xlsx", 2],
      ["教育局/绩效目标表.xlsx", 35],
    ]);
    // Each cleaned workbook is its own input's.
    for (const [sub, rows] of [["卫健委", 2], ["教育局", 35]] as const) {
      const again = path.join(tmp, `${sub}.json`);
      await run(["check", path.join(clean, sub, "绩效目标表-清洗后.xlsx"), "--json", again], io().sink);
      expect(JSON.parse(fs.readFileSync(again, "utf8")).sheets[0].dataRows).toBe(rows);
    }
    expect(await run(["check", dir, "--json", each], io().sink)).toBe(0);
    expect(filesUnder(each)).toEqual(["卫健委/绩效目标表-校验报告.json", "教育局/绩效目标表-校验报告.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(each, "卫健委", "绩效目标表-校验报告.json"), "utf8")).file).toBe("卫健委/绩效目标表.xlsx");
  });

  it("numbers the outputs of A.xlsm beside A.xlsx, says so, and never writes one over the other", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "A.xlsx"));
    fs.writeFileSync(path.join(dir, "A.xlsm"), macroWorkbook(fs.readFileSync(SAMPLE)));
    const o = io();
    const each = path.join(tmp, "each");
    const clean = path.join(tmp, "clean");
    expect(await run(["check", dir, "--json", each, "--clean", clean], o.sink)).toBe(0);
    expect(filesUnder(each)).toEqual(["A (2)-校验报告.json", "A-校验报告.json"]);
    expect(filesUnder(clean)).toEqual(["A (2)-清洗后.xlsx", "A-清洗后.xlsm"]);
    expect(o.err()).toContain(`${path.join(dir, "A.xlsx")} 的输出与同一次检查中另一个文件的输出同名，改用“A (2)”命名`);
    const names = ["A-校验报告.json", "A (2)-校验报告.json"].map((f) => JSON.parse(fs.readFileSync(path.join(each, f), "utf8")).file);
    expect(names).toEqual(["A.xlsm", "A.xlsx"]);
  });

  it("names two same-named files given from different folders by the paths given", async () => {
    for (const d of ["d1", "d2"]) fs.mkdirSync(path.join(tmp, d));
    fs.copyFileSync(SAMPLE, path.join(tmp, "d1", "x.xlsx"));
    await smallWorkbook(path.join(tmp, "d2", "x.xlsx"));
    const all = path.join(tmp, "all.json");
    const clean = path.join(tmp, "clean");
    const inputs = [path.join(tmp, "d1", "x.xlsx"), path.join(tmp, "d2", "x.xlsx")];
    expect(await run(["check", ...inputs, "--json", all, "--clean", clean], io().sink)).toBe(0);
    const files = (JSON.parse(fs.readFileSync(all, "utf8")) as { files: JsonEntry[] }).files;
    expect(files.map((f) => f.file)).toEqual(inputs.map((p) => p.split(path.sep).join("/")));
    expect(filesUnder(clean)).toEqual(["x (2)-清洗后.xlsx", "x-清洗后.xlsx"]);
  });

  it("refuses --clean and --annotate naming the same file for one input", async () => {
    const o = io();
    const same = path.join(tmp, "out.xlsx");
    expect(await run(["check", SAMPLE, "--clean", same, "--annotate", same], o.sink)).toBe(2);
    expect(o.err()).toContain("--clean 与 --annotate 不能写到同一个文件");
    expect(fs.existsSync(same)).toBe(false);
  });

  it("names a single input's outputs as before: the file named, or <name>-清洗后.xlsx in a folder", async () => {
    const out = path.join(tmp, "out") + path.sep;
    expect(await run(["check", SAMPLE, "--clean", out, "--annotate", path.join(tmp, "mine.xlsx")], io().sink)).toBe(0);
    expect(filesUnder(tmp)).toEqual(["mine.xlsx", "out/绩效目标表-示例-清洗后.xlsx"]);
  });

  it("collects a folder's workbooks, skipping lock and hidden files quietly and other files by kind", () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(path.join(dir, "子", ".hidden"), { recursive: true });
    for (const f of ["a.xlsx", "子/b.XLSM", "子/c.xls", "d.et", "~$a.xlsx", ".DS_Store", "子/.hidden/e.xlsx", "导出.csv", "表.ods", "说明.pdf"]) fs.writeFileSync(path.join(dir, f), "x");
    const { files, skipped } = collectInputs([dir]);
    expect(files.map((f) => [f.name, f.stem])).toEqual([
      ["a.xlsx", "a"],
      ["d.et", "d"],
      ["子/b.XLSM", "子/b"],
      ["子/c.xls", "子/c"],
    ]);
    expect(Object.fromEntries(skipped.map((s) => [s.name, s.kind]))).toEqual({ "导出.csv": "textTable", "说明.pdf": "notWorkbook", "表.ods": "otherSpreadsheet" });
  });
});

describe("a folder run tells of every file it could not check", () => {
  async function badFolder(): Promise<string> {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "好表.xlsx"));
    fs.writeFileSync(path.join(dir, "空文件.xlsx"), "");
    fs.writeFileSync(path.join(dir, "截断.xlsx"), fs.readFileSync(SAMPLE).subarray(0, 3000));
    fs.writeFileSync(path.join(dir, "导出.csv"), "\ufeff主管部门,预算单位,项目名称,绩效目标,绩效指标\n");
    return dir;
  }

  it("lists unreadable files in the combined JSON with a kind and the message, skipped ones after, and exits 2", async () => {
    const dir = await badFolder();
    const all = path.join(tmp, "汇总.json");
    const o = io();
    expect(await run(["check", dir, "--json", all], o.sink)).toBe(2);
    const report = JSON.parse(fs.readFileSync(all, "utf8")) as { files: JsonEntry[]; skipped: unknown[] };
    expect(report.files.map((f) => [f.file, f.failure?.kind])).toEqual([
      ["好表.xlsx", undefined],
      ["截断.xlsx", "truncated"],
      ["空文件.xlsx", "empty"],
    ]);
    expect(report.files[1]).toEqual({ version: 1, file: "截断.xlsx", failure: { kind: "truncated", message: "文件不完整，可能下载或复制时中断，请重新获取文件。" } });
    expect(report.files[2]?.failure?.message).toContain("0 字节");
    expect(report.skipped).toEqual([{ file: "导出.csv", kind: "textTable", message: expect.stringContaining("另存为 .xlsx") }]);
    expect(o.out()).toContain(`已跳过 ${path.join(dir, "导出.csv")}：CSV 等文本文件不是工作簿`);
    expect(o.out()).toMatch(/共 3 个文件（2 个无法读取）：错误 0，警告 \d+，提示 \d+；另跳过 1 个不是工作簿的文件/);
  });

  it("writes a failure report per unreadable file into a --json folder", async () => {
    const dir = await badFolder();
    const each = path.join(tmp, "each");
    expect(await run(["check", dir, "--json", each], io().sink)).toBe(2);
    expect(filesUnder(each)).toEqual(["好表-校验报告.json", "截断-校验报告.json", "空文件-校验报告.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(each, "空文件-校验报告.json"), "utf8"))).toMatchObject({ file: "空文件.xlsx", failure: { kind: "empty" } });
  });

  it("says a file of 0 bytes is empty, not that it may be incomplete", async () => {
    const empty = path.join(tmp, "空.xlsx");
    fs.writeFileSync(empty, "");
    const o = io();
    expect(await run(["check", empty], o.sink)).toBe(2);
    expect(o.err()).toContain("空.xlsx：无法读取（文件是空的（0 字节）");
    expect(o.err()).not.toContain("不完整");
  });

  it("lists the skipped files even when a folder holds no workbook", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "导出.csv"), "a,b\n");
    const o = io();
    expect(await run(["check", dir], o.sink)).toBe(2);
    expect(o.err()).toContain("文件夹中没有 .xlsx 文件");
    expect(o.out()).toContain("已跳过");
  });
});

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

/** An .xlsm as Excel writes one: the VBA project (and its signature) as parts of their own. */
function macroWorkbook(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const types = strFromU8(parts["[Content_Types].xml"]!)
    .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO_MAIN)
    .replace(
      "</Types>",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/vbaProjectSignature.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>',
    );
  parts["[Content_Types].xml"] = strToU8(types);
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(parts["xl/_rels/workbook.xml.rels"]!).replace("</Relationships>", `<Relationship Id="rId99" Type="${VBA_REL}" Target="vbaProject.bin"/></Relationships>`),
  );
  parts["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  parts["xl/vbaProjectSignature.bin"] = new Uint8Array([1, 2, 3]);
  parts["xl/_rels/vbaProject.bin.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" Target="vbaProjectSignature.bin"/></Relationships>',
  );
  return zipSync(parts);
}

function mainType(parts: Record<string, Uint8Array>): string | undefined {
  return /PartName="\/xl\/workbook\.xml" ContentType="([^"]+)"/.exec(strFromU8(parts["[Content_Types].xml"]!))?.[1];
}

describe("a macro-enabled workbook (.xlsm)", () => {
  it("gets .xlsm outputs in an output folder, macros kept", async () => {
    const input = path.join(tmp, "宏表.xlsm");
    fs.writeFileSync(input, macroWorkbook(fs.readFileSync(SAMPLE)));
    const out = path.join(tmp, "out") + path.sep;
    const o = io();
    expect(await run(["check", input, "--clean", out, "--annotate", out], o.sink)).toBe(0);
    expect(filesUnder(out)).toEqual(["宏表-已标注.xlsm", "宏表-清洗后.xlsm"]);
    for (const f of filesUnder(out)) {
      const parts = unzipSync(fs.readFileSync(path.join(out, f)));
      expect(mainType(parts)).toBe(MACRO_MAIN);
      expect(parts["xl/vbaProject.bin"]).toEqual(unzipSync(fs.readFileSync(input))["xl/vbaProject.bin"]);
      expect(strFromU8(parts["xl/_rels/workbook.xml.rels"]!)).toContain(VBA_REL);
    }
    expect(o.err()).toContain("已写出清洗后的工作簿：");
    expect(o.err()).toContain("宏表-清洗后.xlsm");
  });

  it("keeps the macros in an output named .xlsm", async () => {
    const input = path.join(tmp, "宏表.xlsm");
    fs.writeFileSync(input, macroWorkbook(fs.readFileSync(SAMPLE)));
    const out = path.join(tmp, "清洗.xlsm");
    expect(await run(["check", input, "--clean", out], io().sink)).toBe(0);
    const parts = unzipSync(fs.readFileSync(out));
    expect(mainType(parts)).toBe(MACRO_MAIN);
    expect(parts["xl/vbaProject.bin"]).toBeDefined();
  });

  it("becomes a real .xlsx, macros taken out and the user told, in an output named .xlsx", async () => {
    const input = path.join(tmp, "宏表.xlsm");
    fs.writeFileSync(input, macroWorkbook(fs.readFileSync(SAMPLE)));
    const out = path.join(tmp, "清洗.xlsx");
    const annotated = path.join(tmp, "标注.xlsx");
    const o = io();
    expect(await run(["check", input, "--clean", out, "--annotate", annotated], o.sink)).toBe(0);
    expect(o.err()).toContain(`宏表.xlsm 含宏；${out} 按所给的 .xlsx 文件名存为不含宏的工作簿，宏已去掉（要保留宏，请把输出文件命名为 .xlsm）`);
    for (const f of [out, annotated]) {
      const parts = unzipSync(fs.readFileSync(f));
      expect(mainType(parts)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
      expect(Object.keys(parts).filter((p) => /vba/i.test(p))).toEqual([]);
      expect(strFromU8(parts["[Content_Types].xml"]!)).not.toMatch(/vba|macroEnabled/i);
      expect(strFromU8(parts["xl/_rels/workbook.xml.rels"]!)).not.toContain("vbaProject");
    }
    // Still the cleaned workbook: it reads, and re-checks with the sample's rows.
    const again = path.join(tmp, "again.json");
    expect(await run(["check", out, "--json", again], io().sink)).toBe(0);
    expect(JSON.parse(fs.readFileSync(again, "utf8")).sheets[0].dataRows).toBe(35);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["校验汇总", "指标明细"]));
  });

  it("names an output rebuilt without its macros .xlsx, and says the macros are gone", async () => {
    // A note on a row the cleaner deletes: the zip patch refuses, exceljs rebuilds the workbook
    // (without the VBA project, typed as a plain .xlsx).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.worksheets[0]!.getCell("A1").note = "批注";
    const noted = path.join(tmp, "noted.xlsx");
    await wb.xlsx.writeFile(noted);
    const input = path.join(tmp, "批注宏表.xlsm");
    fs.writeFileSync(input, macroWorkbook(fs.readFileSync(noted)));
    const out = path.join(tmp, "out") + path.sep;
    const o = io();
    expect(await run(["check", input, "--clean", out], o.sink)).toBe(0);
    expect(filesUnder(out)).toEqual(["批注宏表-清洗后.xlsx"]);
    expect(mainType(unzipSync(fs.readFileSync(path.join(out, "批注宏表-清洗后.xlsx"))))).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect(o.err()).toContain("批注宏表.xlsm 含宏，但");
    expect(o.err()).toContain("没有保留宏");
  });
});
