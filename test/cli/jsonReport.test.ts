import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { io } from "./cliIO";
import { ChunkedFileWriter, JsonOutput } from "../../src/cli/jsonOutput";
import { checkWorkbook, type WorkbookCheck } from "../../src/core/checkWorkbook";
import { jsonReportParts, jsonReportText, toJsonReport } from "../../src/core/jsonReport";
import type { Issue, Report, SheetSnapshot } from "../../src/core/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";

/**
 * The JSON report is public (README: "field names are a public contract"). It is now written
 * element by element as the check's objects are walked; these tests hold it to the value of
 * toJsonReport's object, and to the bytes the previous writer (below, verbatim) produced.
 */

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "绩效目标表-示例.xlsx");

/** The previous writer of src/cli/main.ts (recursive emit), as the reference layout. */
function previousLayout(value: unknown): string {
  let buffer = "";
  const write = (text: string) => void (buffer += text);
  const emit = (v: unknown, indent: string): void => {
    if (Array.isArray(v) && v.length > 64) {
      write("[");
      const inner = `\n${indent}  `;
      v.forEach((element, i) => {
        write(`${i ? "," : ""}${inner}${JSON.stringify(element) ?? "null"}`);
      });
      write(`\n${indent}]`);
    } else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return void write("{}");
      write("{");
      entries.forEach(([key, x], i) => {
        write(`${i ? "," : ""}\n${indent}  ${JSON.stringify(key)}: `);
        emit(x, `${indent}  `);
      });
      write(`\n${indent}}`);
    } else {
      write((JSON.stringify(v, null, 2) ?? "null").replace(/\n/g, `\n${indent}`));
    }
  };
  emit(value, "");
  return `${buffer}\n`;
}

// Strings JSON must escape, or that JSON.stringify writes in a particular way.
const NASTY = [
  '引号"里"',
  "反斜杠\\路径\\",
  "控制\u0001\u001f字符\u0000",
  "制表\t换行\n回车\r退格\b换页\f",
  "行分隔\u2028段分隔\u2029",
  "孤立\ud800代理",
  "尾\udfff",
  "反序\udc00\ud800",
  "表情😀𠀀",
  "DEL\u007f é ü ß",
  "</script>",
];
const CELLS = [
  (x: string) => `1、产出指标：培训人数${x}，年度指标值：≥**人。2、效益指标：群众知晓率，年度指标值：≥9O%。3、满意度指标：群众满意度，年度指标值：≥90%。`,
  (x: string) => `1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层${x}党建水平，合格。3、效益指标：联系群众工作指标，合格。`,
  (x: string) => `1、产出指标：项目完成时间${x}，≤30天。1、产出指标：项目完成时间${x}，≤30天。`,
  () => "",
  (x: string) => `1、产出指标：经费拨付率，年度指标值：100%${x}。`,
];

function nastySheet(name: string, rows: number): SheetSnapshot {
  const values = [
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ...Array.from({ length: rows }, (_, i) => {
      const x = NASTY[i % NASTY.length]!;
      return [`部门${NASTY[(i + 3) % NASTY.length]}`, `单位${x}`, `项目${i % 9}${x}`, "目标", CELLS[i % CELLS.length]!(x)];
    }),
  ];
  return { name, values };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-json-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeWithCli(check: WorkbookCheck, file: string): string {
  const json = new JsonOutput(file, false);
  json.add(check, file);
  expect(json.finish()).toBeUndefined();
  return fs.readFileSync(file, "utf8");
}

describe("the JSON report written element by element", () => {
  it("is the previous writer's bytes, and toJsonReport's value, for the bundled sample", async () => {
    const out = path.join(tmp, "r.json");
    expect(await run(["check", SAMPLE, "--json", out], io().sink)).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const check = checkWorkbook((await readWorkbook(bytes)).sheets, { lang: "zh" }, { file: path.basename(SAMPLE) });
    const expected = toJsonReport(check.report);
    const text = fs.readFileSync(out, "utf8");
    expect(JSON.parse(text)).toEqual(expected);
    expect(text).toBe(previousLayout(expected));
  });

  it("escapes quotes, backslashes, control characters and lone surrogates as JSON.stringify does, over many rows", () => {
    const check = checkWorkbook([nastySheet("第一表", 400), nastySheet("第\"二\"表", 130)], { lang: "zh" }, { file: "奇怪的\"文件\".xlsx" });
    const expected = toJsonReport(check.report);
    expect(expected.issues.length).toBeGreaterThan(200);
    expect(expected.normalized.length).toBeGreaterThan(500);
    expect(expected.normalized.some((n) => n.problems.includes("\ud800"))).toBe(true);
    const text = writeWithCli(check, path.join(tmp, "nasty.json"));
    expect(JSON.parse(text)).toEqual(expected);
    expect(text).toBe(previousLayout(expected));
    // Written as JSON.stringify writes them: escaped lone surrogates, literal U+2028 and emoji.
    expect(text).toContain("孤立\\ud800代理");
    expect(text).toContain("反序\\udc00\\ud800");
    expect(text).toContain("行分隔\u2028段分隔\u2029");
    expect(text).toContain("表情😀𠀀");
    expect(text).toContain("控制\\u0001\\u001f字符\\u0000");
    expect(text).not.toContain("\ufffd");
  });

  it("lays out lists of up to 64 elements pretty printed and longer ones one element per line", () => {
    const issue = (i: number): Issue => ({
      code: "value_label_missing",
      severity: i % 3 ? "warning" : "error",
      params: { item: i, name: `名称"${i}"\\` },
      message: `第${i}项\n缺少`,
      sheet: "表",
      cell: `E${i + 2}`,
      rowNumber: i + 2,
      ...(i % 2 ? { item: 1 } : {}),
      ...(i % 4 === 1 ? { span: { start: i, end: i + 3 } } : {}),
      ...(i % 5 === 0 ? { fix: { description: "补上“年度指标值：”", edits: [{ span: { start: 3, end: 3 }, text: "年度指标值：" }], auto: i % 2 === 0 } } : {}),
    });
    for (const n of [0, 1, 64, 65, 200]) {
      const report: Report = { version: 1, file: "x.xlsx", sheets: [], issues: Array.from({ length: n }, (_, i) => issue(i)), counts: { error: 1, warning: 2, info: 0 }, normalized: [] };
      const expected = toJsonReport(report);
      const text = `${jsonReportText(jsonReportParts(report))}\n`;
      expect(text).toBe(previousLayout(expected));
      expect(JSON.parse(text)).toEqual(expected);
      const issueLines = text.split("\n").filter((l) => l.startsWith('    {"code"'));
      expect(issueLines).toHaveLength(n > 64 ? n : 0);
    }
  });

  it("shifts a nested report right by the indent it is given", () => {
    const check = checkWorkbook([nastySheet("表", 80)], { lang: "en" }, { file: "a.xlsx" });
    const flat = jsonReportText(jsonReportParts(check.report));
    expect(jsonReportText(jsonReportParts(check.report), "    ")).toBe(flat.replace(/\n/g, "\n    "));
  });
});

async function nastyWorkbook(file: string, rows: number): Promise<void> {
  // Only what XML can hold: no control characters or lone surrogates in a real .xlsx.
  const keep = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/g, (c) => (/[\ud800-\udbff]/.test(c) ? c : ""));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效目标表");
  for (const r of nastySheet("x", rows).values) ws.addRow(r.map((v) => (typeof v === "string" ? keep(v) : v)));
  await wb.xlsx.writeFile(file);
}

describe("ChunkedFileWriter", () => {
  it("writes every piece, in order, as UTF-8, across chunk boundaries and for pieces larger than a chunk", () => {
    const file = path.join(tmp, "chunks.txt");
    const pieces = [
      ...Array.from({ length: 5000 }, (_, i) => `${i},中文😀é\n`.repeat(i % 7)),
      "大".repeat(400_000),
      "x".repeat(1 << 20),
      ...Array.from({ length: 3000 }, (_, i) => `尾${i}`),
    ];
    const fd = fs.openSync(file, "w");
    const writer = new ChunkedFileWriter(fd);
    for (const p of pieces) writer.write(p);
    writer.flush();
    fs.closeSync(fd);
    expect(fs.readFileSync(file).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });

  it("writes short pieces (copied as ASCII where they are) byte for byte as UTF-8, across chunk boundaries", () => {
    const file = path.join(tmp, "short.txt");
    // ASCII, ASCII then not (the copy starts and must give way), the last ASCII unit and the
    // first beyond, lone surrogates, exactly 16 and 17 units, empty.
    const shorts = [",\n    ", '": ', "ab中", "x".repeat(15) + "é", "\u007f", "\u0080", "\ud800", "a\udc00", "y".repeat(16), "z".repeat(17), "", "1234567890123456"];
    const pieces = Array.from({ length: 300_000 }, (_, i) => shorts[(i * 7) % shorts.length]! + (i % 11 === 0 ? String(i) : ""));
    const fd = fs.openSync(file, "w");
    const writer = new ChunkedFileWriter(fd);
    for (const p of pieces) writer.write(p);
    writer.flush();
    fs.closeSync(fd);
    const expected = Buffer.from(pieces.join(""), "utf8");
    expect(expected.length).toBeGreaterThan(2 * (1 << 20));
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
  });
});

describe("--json with several inputs", () => {
  it("writes a .json of every report, each laid out as its single-file report one level in", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    await nastyWorkbook(path.join(dir, "b.xlsx"), 150);
    const all = path.join(tmp, "all.json");
    const each = path.join(tmp, "each");
    expect(await run(["check", dir, "--json", all], io().sink)).toBe(1);
    expect(await run(["check", dir, "--json", each], io().sink)).toBe(1);
    expect(fs.readdirSync(each).sort()).toEqual(["a-校验报告.json", "b-校验报告.json"]);
    const singles = ["a", "b"].map((n) => fs.readFileSync(path.join(each, `${n}-校验报告.json`), "utf8"));
    for (const [i, name] of ["a.xlsx", "b.xlsx"].entries()) {
      const check = checkWorkbook((await readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, name))))).sheets, { lang: "zh" }, { file: name });
      expect(singles[i]).toBe(previousLayout(toJsonReport(check.report)));
    }
    const text = fs.readFileSync(all, "utf8");
    const nested = singles.map((s) => `    ${s.slice(0, -1).replace(/\n/g, "\n    ")}`);
    expect(text).toBe(`{\n  "version": 1,\n  "files": [\n${nested.join(",\n")}\n  ]\n}\n`);
    expect(JSON.parse(text)).toEqual({ version: 1, files: singles.map((s) => JSON.parse(s)) });
  });

  it("when no file could be read, writes each one's failure (kind and message) and exits 2 as before", async () => {
    const bad = path.join(tmp, "bad.xlsx");
    const empty = path.join(tmp, "empty.xlsx");
    fs.writeFileSync(bad, "not a workbook");
    fs.writeFileSync(empty, "");
    const failures = [
      { version: 1, file: "bad.xlsx", failure: { kind: "notXlsx", message: expect.stringContaining("文件内容不是 Excel 工作簿") } },
      { version: 1, file: "empty.xlsx", failure: { kind: "empty", message: expect.stringContaining("0 字节") } },
    ];
    const all = path.join(tmp, "all.json");
    const each = path.join(tmp, "each");
    for (const out of [all, each]) {
      const o = io();
      expect(await run(["check", bad, empty, "--json", out], o.sink)).toBe(2);
      expect(o.err().trim().split("\n")).toHaveLength(2);
    }
    expect(JSON.parse(fs.readFileSync(all, "utf8"))).toEqual({ version: 1, files: failures });
    expect(fs.readdirSync(each).sort()).toEqual(["bad-校验报告.json", "empty-校验报告.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(each, "bad-校验报告.json"), "utf8"))).toEqual(failures[0]);
  });
});

describe("a JSON report that cannot be written", () => {
  it("prints the report, then one line naming --json's target, and exits 2", async () => {
    const blocker = path.join(tmp, "file");
    fs.writeFileSync(blocker, "");
    const out = path.join(blocker, "r.json");
    const o = io();
    expect(await run(["check", SAMPLE, "--json", out], o.sink)).toBe(2);
    expect(o.out()).toContain("表头在第5行");
    expect(o.err().trim().split("\n")).toHaveLength(1);
    expect(o.err()).toContain(`无法写出 ${out}`);
  });

  it("with several inputs, checks them all and tells once, after the totals", async () => {
    const blocker = path.join(tmp, "file");
    fs.writeFileSync(blocker, "");
    const out = path.join(blocker, "all.json");
    const o = io();
    expect(await run(["check", SAMPLE, SAMPLE, "--json", out], o.sink)).toBe(2);
    expect(o.out()).toMatch(/共 2 个文件（0 个无法读取）/);
    expect(o.err().trim().split("\n")).toHaveLength(1);
    expect(o.err()).toContain(`无法写出 ${out}`);
  });
});
