import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";
import { CLEAN_FORMS_WORKER, CleanFormsThread, cleanFormsHere } from "../../src/cli/cleanForms";
import { run, type CliIO } from "../../src/cli/main";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { cellsToClean, planCleaning } from "../../src/core/clean/planCleaning";
import type { CellValue, SheetSnapshot } from "../../src/core/model";
import { generateSheetValues } from "../../bench/generate";

/**
 * `--clean` works the canonical forms of a big table's cells out on a second thread. The
 * cleaned workbook must never depend on it: the forms from the thread, the forms worked out
 * here and planCleaning's own must give the same plan, cell for cell.
 */

const FIXTURES = path.join(__dirname, "..", "fixtures", "cells");

/** Every cell text of the parser's fixtures (seed, malformed, variants), one project per row,
 * with a number and a blank among them. */
function fixtureSheet(): SheetSnapshot {
  const texts = ["seed", "malformed", "variants"].flatMap((f) => (JSON.parse(fs.readFileSync(path.join(FIXTURES, `${f}.json`), "utf8")) as { text: string }[]).map((c) => c.text));
  const values: CellValue[][] = [["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]];
  texts.forEach((text, i) => values.push(["某区财政局", "某区财政局", `项目${i}`, "目标", text]));
  values.push(["某区财政局", "某区财政局", "数字项目", "目标", 42]);
  return { name: "夹具", values };
}

const sheets: SheetSnapshot[] = [{ name: "绩效目标表", values: generateSheetValues({ rows: 1500 }) }, fixtureSheet()];
const checks = checkWorkbook(sheets, { lang: "zh" }).checks;
const other = checkWorkbook([{ name: "另一表", values: generateSheetValues({ rows: 400, seed: 7 }) }], { lang: "zh" }).checks;

let tmp: string;
let workerFile: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ic-forms-"));
  // The worker as bin/indicator-checker.js builds it beside the CLI.
  workerFile = path.join(tmp, CLEAN_FORMS_WORKER);
  buildSync({ entryPoints: [path.join(__dirname, "..", "..", "src", "cli", "cleanFormsWorker.ts")], outfile: workerFile, bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", logLevel: "silent" });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("canonical forms worked out ahead (cleanCellForms)", () => {
  it("give planCleaning the same plan as its own, with and without unified names", () => {
    expect(checks).toHaveLength(2);
    expect(cellsToClean(checks).length).toBeGreaterThan(500);
    const forms = cleanFormsHere(checks);
    const plain = planCleaning(checks);
    expect(plain.edits.length).toBeGreaterThan(100);
    expect(planCleaning(checks, { forms })).toEqual(plain);
    expect(planCleaning(checks, { forms, unifyNames: true })).toEqual(planCleaning(checks, { unifyNames: true }));
  });

  it("cover every cell planCleaning rewrites, and only text cells", () => {
    const cells = cellsToClean(checks);
    expect(new Set(cells).size).toBe(cells.length);
    const edited = new Set(planCleaning(checks).edits.map((e) => `${e.sheet}!${e.cell}`));
    for (const check of checks) {
      for (const row of check.rows) {
        if (edited.has(`${check.sheet}!${row.indicatorAddress}`)) expect(cells).toContain(row.cell);
        if (typeof row.rawIndicator !== "string") expect(cells).not.toContain(row.cell);
      }
    }
  });
});

describe("CleanFormsThread", () => {
  it("works the forms out on a real worker thread, the same as here, for each workbook of a run in turn", async () => {
    const thread = new CleanFormsThread({ workerFile, minCells: 0 });
    try {
      const [a, b] = await Promise.all([thread.forms(checks), thread.forms(other)]);
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      for (const [which, forms] of [
        [checks, a],
        [other, b],
      ] as const) {
        const here = cleanFormsHere(which);
        const cells = cellsToClean(which);
        expect(cells.map((c) => forms?.get(c))).toEqual(cells.map((c) => here.get(c)));
        expect(planCleaning(which, { forms: forms! })).toEqual(planCleaning(which));
      }
      // A later workbook still gets its answer.
      expect((await thread.forms(other))?.size).toBe(cellsToClean(other).length);
    } finally {
      thread.close();
    }
  });

  it("leaves small tables, a missing worker script and a failing thread to planCleaning", async () => {
    expect(new CleanFormsThread({ workerFile }).forms(checks)).toBeUndefined();
    expect(new CleanFormsThread({ workerFile: path.join(tmp, "missing.js"), minCells: 0 }).forms(checks)).toBeUndefined();

    const broken = path.join(tmp, "broken-worker.js");
    fs.writeFileSync(broken, 'require("worker_threads").parentPort.on("message", () => { throw new Error("boom"); });');
    const thread = new CleanFormsThread({ workerFile: broken, minCells: 0 });
    try {
      await expect(thread.forms(checks)).resolves.toBeUndefined();
      expect(thread.forms(checks)).toBeUndefined();
    } finally {
      thread.close();
    }

    const wrong = path.join(tmp, "wrong-worker.js");
    fs.writeFileSync(wrong, 'const { parentPort } = require("worker_threads"); parentPort.on("message", () => parentPort.postMessage(["too short"]));');
    const answersBadly = new CleanFormsThread({ workerFile: wrong, minCells: 0 });
    try {
      await expect(answersBadly.forms(checks)).resolves.toBeUndefined();
    } finally {
      answersBadly.close();
    }
  });
});

describe("the CLI with the thread", () => {
  it("writes the same reports and cleaned workbook as on one thread, and uses the thread for the forms", async () => {
    const input = path.join(tmp, "generated.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标表");
    for (const row of generateSheetValues({ rows: 1500 })) ws.addRow(row);
    await wb.xlsx.writeFile(input);

    let answered = 0;
    class Watched extends CleanFormsThread {
      override forms(which: Parameters<CleanFormsThread["forms"]>[0]) {
        const forms = super.forms(which);
        void forms?.then((f) => void (f && answered++));
        return forms;
      }
    }
    const runWith = async (dir: string, cleanThread?: () => CleanFormsThread) => {
      fs.mkdirSync(dir);
      const out: string[] = [];
      const io: CliIO = { stdout: (t) => void out.push(t), stderr: () => undefined, stderrIsTTY: false, now: () => new Date("2026-01-02T03:04:05Z"), ...(cleanThread ? { cleanThread } : {}) };
      const code = await run(["check", input, "--json", path.join(dir, "r.json"), "--clean", path.join(dir, "c.xlsx"), "--annotate", path.join(dir, "a.xlsx")], io);
      return { code, stdout: out.join(""), files: ["r.json", "c.xlsx", "a.xlsx"].map((f) => fs.readFileSync(path.join(dir, f))) };
    };
    const threaded = await runWith(path.join(tmp, "threaded"), () => new Watched({ workerFile, minCells: 0 }));
    expect(answered).toBe(1);
    const single = await runWith(path.join(tmp, "single"));
    expect(threaded.code).toBe(single.code);
    expect(threaded.stdout).toBe(single.stdout);
    threaded.files.forEach((bytes, i) => expect(Buffer.compare(bytes, single.files[i]!)).toBe(0));

    // And the cleaned workbook is written from the thread's answer: a worker that marks every
    // form shows up in every rewritten cell.
    const marking = path.join(tmp, "marking-worker.js");
    fs.writeFileSync(marking, 'const { parentPort } = require("worker_threads"); parentPort.on("message", (texts) => parentPort.postMessage(texts.map((text) => ({ text: "【线程】" + text, canonicalItems: [true] }))));');
    await runWith(path.join(tmp, "marked"), () => new CleanFormsThread({ workerFile: marking, minCells: 0 }));
    const cleaned = new ExcelJS.Workbook();
    await cleaned.xlsx.readFile(path.join(tmp, "marked", "c.xlsx"));
    // Below the header (row 5), the indicator cells that hold text.
    const texts = cleaned.getWorksheet("绩效目标表")!.getColumn(5).values.slice(6).filter((v): v is string => typeof v === "string" && v.includes("指标"));
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.every((text) => text.startsWith("【线程】"))).toBe(true);
  });
});
