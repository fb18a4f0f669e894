import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { CLEAN_FORMS_WORKER } from "../../src/cli/cleanForms";
import { run } from "../../src/cli/main";
import { io } from "./cliIO";
import { cliMessages } from "../../src/cli/messages";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { toJsonReport } from "../../src/core/jsonReport";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { ensureWorkbook } from "../../bench/generate";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "绩效目标表-示例.xlsx");
const BIN = path.join(__dirname, "..", "..", "bin", "indicator-checker.js");

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-cli-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("check on the bundled sample", () => {
  it("prints a Chinese summary, writes the JSON report and exits 0 (the sample has warnings, no errors)", async () => {
    const o = io();
    const json = path.join(tmp, "r.json");
    const code = await run(["check", SAMPLE, "--json", json], o.sink);
    expect(code).toBe(0);
    expect(o.out()).toContain("表头在第5行");
    expect(o.out()).toContain("35个项目行");
    expect(o.out()).toContain("152条指标");
    expect(o.err()).toBe("");
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.version).toBe(1);
    expect(report.file).toBe("绩效目标表-示例.xlsx");
    expect(report.sheets[0]).toMatchObject({
      name: "绩效目标表",
      headerRow: 5,
      dataRows: 35,
      indicators: 152,
      columns: { department: "A", unit: "B", project: "C", goal: "D", indicators: "E" },
    });
    const labelMissing = report.issues.filter((i: { code: string }) => i.code === "value_label_missing");
    expect(labelMissing.map((i: { cell: string; item: number; severity: string }) => [i.cell, i.item, i.severity])).toEqual(
      [6, 7, 8, 9, 10, 11, 42].map((r) => [`E${r}`, 5, "warning"]),
    );
    for (const i of report.issues) {
      expect(typeof i.row).toBe("number");
      expect(typeof i.message).toBe("string");
    }
  });

  it("speaks English with --lang en", async () => {
    const o = io();
    await run(["check", SAMPLE, "--lang", "en"], o.sink);
    expect(o.out()).toContain("header on row 5");
  });

  it("writes a cleaned workbook that re-checks with no error and no auto-fixable issue", async () => {
    const o = io();
    const cleaned = path.join(tmp, "clean.xlsx");
    const annotated = path.join(tmp, "annotated.xlsx");
    await run(["check", SAMPLE, "--clean", cleaned, "--annotate", annotated], o.sink);
    const o2 = io();
    const json = path.join(tmp, "again.json");
    const code = await run(["check", cleaned, "--json", json], o2.sink);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.sheets[0].dataRows).toBe(35);
    expect(report.sheets[0].indicators).toBe(152);
    expect(report.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
    expect(report.issues.filter((i: { autoFix?: boolean }) => i.autoFix)).toEqual([]);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["绩效目标表", "校验汇总", "指标明细"]));
  });

  it("dates the 校验汇总 sheet in local time, as the add-in and the file mode do", async () => {
    // The bin in Beijing's zone (a process's zone is its own): 生成时间 is Beijing's clock.
    const annotated = path.join(tmp, "dated.xlsx");
    const beijing = (ms: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" }).format(ms);
    const before = Date.now();
    const r = spawnSync(process.execPath, [BIN, "check", SAMPLE, "--annotate", annotated], { encoding: "utf8", env: { ...process.env, TZ: "Asia/Shanghai" } });
    const after = Date.now();
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    const rows = wb.getWorksheet("校验汇总")!.getSheetValues() as unknown[][];
    const when = rows.find((row) => Array.isArray(row) && row[1] === "生成时间")?.[2];
    expect(typeof when).toBe("string");
    expect(when! >= beijing(Math.floor(before / 1000) * 1000) && when! <= beijing(after)).toBe(true);
  });
});

async function workbookWith(file: string, indicatorCells: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效目标表");
  ws.addRow(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
  indicatorCells.forEach((text, i) => ws.addRow(["区财政局", "区财政局", `项目${i + 1}`, "目标", text]));
  await wb.xlsx.writeFile(file);
}

describe("exit status and one-line reasons", () => {
  it("exits 1 when errors are found: an empty indicator cell, a placeholder, a garbled number", async () => {
    const file = path.join(tmp, "errors.xlsx");
    await workbookWith(file, [
      "",
      "1、产出指标：培训人数，年度指标值：≥**人。2、效益指标：群众知晓率，年度指标值：≥9O%。3、满意度指标：群众满意度，年度指标值：≥90%。",
    ]);
    const o = io();
    const json = path.join(tmp, "e.json");
    expect(await run(["check", file, "--json", json], o.sink)).toBe(1);
    const codes = JSON.parse(fs.readFileSync(json, "utf8")).issues.map((i: { cell: string; code: string }) => [i.cell, i.code]);
    expect(codes).toEqual(expect.arrayContaining([["E2", "indicator_cell_empty"], ["E3", "placeholder_left"], ["E3", "number_garbled"]]));
    expect(o.out()).toContain("错误");
  });

  it("passes over an instructions sheet with a sample table, and says how to check it", async () => {
    const file = path.join(tmp, "notes.xlsx");
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet("填报说明");
    notes.addRow(["二、填写示例"]);
    notes.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]);
    notes.addRow(["产出指标", "数量指标", "XX培训人数", "≥", "**", "人次"]);
    const ws = wb.addWorksheet("医保局");
    ws.addRow(["项目名称", "一级指标", "三级指标", "指标值"]);
    ws.addRow(["医疗救助资金", "产出指标", "医疗救助人次", "≥12000人次"]);
    await wb.xlsx.writeFile(file);
    const o = io();
    expect(await run(["check", file], o.sink)).toBe(0);
    expect(o.out()).not.toContain("占位符");
    expect(o.err()).toContain("工作表“填报说明”：从名称看是填报说明或填写示例");
    expect(o.err()).toContain("--sheet 填报说明");
    const named = io();
    expect(await run(["check", file, "--sheet", "填报说明"], named.sink)).toBe(1);
    expect(named.out()).toContain("placeholder_left");
  });

  it("checks a workbook's one table on a sheet named like a sample, and quotes a sheet name with spaces", async () => {
    const file = path.join(tmp, "sample-only.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标表（样表）");
    ws.addRow(["项目名称", "一级指标", "三级指标", "指标值"]);
    ws.addRow(["医疗救助资金", "产出指标", "医疗救助人次", "≥12000人次"]);
    const notes = wb.addWorksheet("填报说明 (2)");
    notes.addRow(["项目名称", "一级指标", "三级指标", "指标值"]);
    notes.addRow(["XX项目", "产出指标", "XX人次", "≥**人次"]);
    await wb.xlsx.writeFile(file);
    const o = io();
    // Both sheets look like instructions: neither is passed over, both are checked.
    expect(await run(["check", file], o.sink)).toBe(1);
    expect(o.out()).toContain("绩效目标表（样表）");
    expect(cliMessages("zh").instructionsSheetHint("填报说明 (2)")).toBe('用 --sheet "填报说明 (2)" 指定。');
    expect(cliMessages("en").instructionsSheetHint("填报说明")).toBe(" Use --sheet 填报说明.");
  });

  it("says what a department-level table lacks rather than that it has no header", async () => {
    const file = path.join(tmp, "dept.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("部门整体");
    ws.addRow(["部门整体支出绩效目标表"]);
    ws.addRow(["职能职责", "年度主要任务", "绩效指标"]);
    ws.addRow(["负责全区医疗保障工作", "推进医保支付方式改革", "DRG付费医疗机构覆盖率≥90%"]);
    await wb.xlsx.writeFile(file);
    const o = io();
    expect(await run(["check", file], o.sink)).toBe(2);
    expect(o.err()).toContain("工作表“部门整体”：第 2 行像是表头，有“绩效指标”列，却没有“项目名称”列");
  });

  it("says which indicator columns a sheet names when they are not enough to read indicators from, beside a checked sheet too", async () => {
    const file = path.join(tmp, "levels.xlsx");
    const wb = new ExcelJS.Workbook();
    const levels = wb.addWorksheet("指标表");
    levels.addRow(["项目名称", "一级指标", "二级指标"]);
    levels.addRow(["培训经费", "产出指标", "数量指标"]);
    await wb.xlsx.writeFile(file);
    const alone = io();
    expect(await run(["check", file], alone.sink)).toBe(2);
    expect(alone.err()).toContain("工作表“指标表”：第 1 行像是表头，找到一级指标、二级指标列，但没有可读出指标的列");
    const table = wb.addWorksheet("项目表");
    table.addRow(["项目名称", "绩效指标"]);
    table.addRow(["培训经费", "1、产出指标：培训人次，年度指标值：≥200人次。2、效益指标：知晓率，年度指标值：≥90%。"]);
    await wb.xlsx.writeFile(file);
    const beside = io();
    await run(["check", file], beside.sink);
    expect(beside.err()).toContain("工作表“指标表”：第 1 行像是表头，找到一级指标、二级指标列");
  });

  it("exits 2 on bad usage, without a stack trace", async () => {
    for (const argv of [[], ["lint", "x.xlsx"], ["check"], ["check", "--bogus", "x"], ["check", "x.xlsx", "--lang", "fr"], ["check", "x.xlsx", "--json"]]) {
      const o = io();
      expect(await run(argv, o.sink)).toBe(2);
      expect(o.err().trim().split("\n")).toHaveLength(1);
      expect(o.err()).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    }
  });

  it("exits 2 for a missing file and for a file that is not a workbook, and goes on with the others", async () => {
    const notZip = path.join(tmp, "notes.xlsx");
    fs.writeFileSync(notZip, "这不是工作簿");
    const o = io();
    const code = await run(["check", notZip, SAMPLE], o.sink);
    expect(code).toBe(2);
    expect(o.err()).toContain("notes.xlsx");
    expect(o.out()).toContain("绩效目标表-示例.xlsx");
    expect(o.out()).toMatch(/共 2 个文件（1 个无法读取）/);
  });

  it("checks every workbook of a folder and writes one cleaned workbook per file", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, "b.xlsx"));
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), "lock file");
    const o = io();
    const code = await run(["check", dir, "--clean", path.join(tmp, "cleaned"), "--json", path.join(tmp, "all.json")], o.sink);
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(tmp, "cleaned")).sort()).toEqual(["a-清洗后.xlsx", "b-清洗后.xlsx"]);
    const all = JSON.parse(fs.readFileSync(path.join(tmp, "all.json"), "utf8"));
    expect(all.files).toHaveLength(2);
  });

  it("tells of an old .xls or WPS .et in a folder by name, whatever its extension, and checks the rest", async () => {
    const dir = path.join(tmp, "in");
    fs.mkdirSync(dir);
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    // A compound file (OLE2) as .xls and .et are: the magic number is enough for the sniff.
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    fs.writeFileSync(path.join(dir, "b.et"), cfb);
    fs.writeFileSync(path.join(dir, "c.csv"), "主管部门,预算单位\n");
    const o = io();
    expect(await run(["check", dir], o.sink)).toBe(2);
    expect(o.err()).toContain("b.et：无法读取（这是旧版 Excel（.xls）或 WPS（.et）格式的文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。）");
    // The .csv is no workbook: passed over, and said so in the summary (the exit status is the .et's).
    expect(o.err()).not.toContain("c.csv");
    expect(o.out()).toContain(`已跳过 ${path.join(dir, "c.csv")}：CSV 等文本文件不是工作簿`);
    const csv = io();
    expect(await run(["check", path.join(dir, "c.csv")], csv.sink)).toBe(2);
    expect(csv.err()).toContain("文件内容不是 Excel 工作簿（.xlsx），可能是网页、CSV 或其他格式");
    expect(csv.err()).not.toContain("扩展名");
  });

  it("rejects an unknown rule code in --rules and honours a valid one", async () => {
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ rules: { no_such_rule: "off" } }));
    const o = io();
    expect(await run(["check", SAMPLE, "--rules", bad], o.sink)).toBe(2);
    expect(o.err()).toContain("no_such_rule");

    const good = path.join(tmp, "good.json");
    fs.writeFileSync(good, JSON.stringify({ rules: { value_label_missing: "off" } }));
    const json = path.join(tmp, "r.json");
    await run(["check", SAMPLE, "--rules", good, "--json", json], io().sink);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.issues.some((i: { code: string }) => i.code === "value_label_missing")).toBe(false);
  });

  it("reads with the fast reader and reports exactly what the exceljs reader's snapshots give", async () => {
    const json = path.join(tmp, "fast.json");
    const r = spawnSync(process.execPath, [BIN, "check", SAMPLE, "--json", json], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const viaExcelJS = checkWorkbook((await readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)))).sheets, { lang: "zh" }, { file: path.basename(SAMPLE) });
    const expected = JSON.parse(JSON.stringify(toJsonReport(viaExcelJS.report)));
    const got = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(got).toEqual(expected);
    expect(got.normalized).toHaveLength(152);
  });

  it("loads exceljs only for a file the zip patch cannot write", async () => {
    // exceljs costs every run ~0.4 s and ~25 MB to load; the CLI reads with the fast reader and
    // writes by patching, so it needs exceljs only for a file the patch refuses (a note in a
    // sheet losing rows, say), and then loads it.
    const run = (input: string, out: string) => {
      const args = ["check", input, "--clean", path.join(out, "c.xlsx"), "--annotate", path.join(out, "a.xlsx")];
      const code = [
        `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...${JSON.stringify(args)}];`,
        `process.on("exit", () => process.stdout.write("\\nexceljs loaded: " + Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(k))));`,
        `require(${JSON.stringify(BIN)});`,
      ].join("\n");
      const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
      expect(fs.existsSync(path.join(out, "c.xlsx")) && fs.existsSync(path.join(out, "a.xlsx"))).toBe(true);
      return r.stdout;
    };
    fs.mkdirSync(path.join(tmp, "patched"));
    expect(run(SAMPLE, path.join(tmp, "patched"))).toContain("\nexceljs loaded: false");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.worksheets[0]!.getCell("A1").note = "批注";
    const noted = path.join(tmp, "noted.xlsx");
    await wb.xlsx.writeFile(noted);
    fs.mkdirSync(path.join(tmp, "fallback"));
    expect(run(noted, path.join(tmp, "fallback"))).toContain("\nexceljs loaded: true");
  });

  it("cleans a big table with the worker built beside the bin, to the same workbook as on one thread", async () => {
    // 30,000 rows, ~21,000 distinct indicator cells: past the size at which --clean takes a
    // second thread (src/cli/cleanForms.ts). The bin runs with Worker watched.
    const input = await ensureWorkbook({ rows: 30_000 });
    const threaded = path.join(tmp, "big-threaded.xlsx");
    const code = [
      'const wt = require("worker_threads"); const W = wt.Worker; const made = [];',
      "wt.Worker = class extends W { constructor(file, options) { made.push(String(file)); super(file, options); } };",
      'process.on("exit", () => process.stdout.write("\\nworkers: " + JSON.stringify(made)));',
      `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, "check", ${JSON.stringify(input)}, "--clean", ${JSON.stringify(threaded)}];`,
      `require(${JSON.stringify(BIN)});`,
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(r.status).toBe(1);
    const workers = JSON.parse(r.stdout.slice(r.stdout.lastIndexOf("\nworkers: ") + 10)) as string[];
    expect(workers.map((f) => path.basename(f))).toContain(CLEAN_FORMS_WORKER);
    // Under jest the CLI has no worker script beside it and works the forms out itself.
    const single = path.join(tmp, "big-single.xlsx");
    await run(["check", input, "--clean", single], io().sink);
    expect(Buffer.compare(fs.readFileSync(threaded), fs.readFileSync(single))).toBe(0);
  }, 120_000);

  it("the bin runs as a real process with the documented exit status", () => {
    const r = spawnSync(process.execPath, [BIN, "check", path.join(tmp, "missing.xlsx")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing.xlsx");
    const help = execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(help).toContain("退出码");
    // Built with it: --clean's second thread (src/cli/cleanForms.ts) is looked for beside the CLI.
    expect(fs.existsSync(path.join(path.dirname(BIN), "..", "dist-cli", CLEAN_FORMS_WORKER))).toBe(true);
  });
});
