import { HostError, type Progress } from "../../src/app/host";
import type { CellValue } from "../../src/core/model";
import type { WorkerRequest, WorkerResponse } from "../../src/workbook/check.worker";
import { createFileHost } from "../../src/workbook/fileHost";
import { labelMissing, normalized, runOf, SEED_ISSUES, SHEET } from "./fixtures";

const E6_TEXT = "1、产出指标：活动次数指标，年度指标值：≥4次。2、产出指标：出勤率指标，年度指标值：80%以上。5、效益指标：党代表基层联系群众工作指标，合格。";
const ROWS: CellValue[][] = [
  ["项目支出绩效目标表"],
  [],
  [],
  [],
  ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
  ["组织部", "组织部", "党代表任期制工作经费", "1、保障党代表活动", E6_TEXT],
];

/** Fixes of the seed issues pointed at E6_TEXT: `80%以上` → `≥80%`, the missing label added. */
const at = (s: string) => E6_TEXT.indexOf(s);
const normalizedHere = { ...normalized, fix: { ...normalized.fix!, edits: [{ span: { start: at("80%以上"), end: at("80%以上") + 5 }, text: "≥80%" }] } };
const labelHere = { ...labelMissing, fix: { ...labelMissing.fix!, edits: [{ span: { start: at("合格"), end: at("合格") }, text: "年度指标值：" }] } };

/** An engine speaking the worker protocol in memory, recording what it is asked. */
function fakeEngine() {
  const requests: WorkerRequest[] = [];
  let started = 0;
  let terminated = 0;
  /** When set, checks never answer (to test 取消). */
  let hang = false;
  /** What outputs hold (their kind's name when unset). */
  const output: { text?: string } = {};
  const start = async (onMessage: (r: WorkerResponse) => void) => {
    started++;
    let alive = true;
    const post = (r: WorkerResponse) =>
      setTimeout(() => {
        if (alive) onMessage(r);
      }, 0);
    return {
      post(request: WorkerRequest) {
        requests.push(request);
        const id = request.id;
        switch (request.type) {
          case "open":
            if (request.name.endsWith(".xls")) return post({ type: "failed", id, error: { kind: "badFile", badFile: "legacyXls" } });
            return post({ type: "done", id, result: { sheets: [{ name: SHEET, state: "visible", rowCount: ROWS.length, columnCount: 5 }] } });
          case "rows":
            // Two rows a message, copied as postMessage would: the host puts the chunks together.
            for (let s = 0; s < ROWS.length; s += 2) post({ type: "rows", id, start: s, rows: structuredClone(ROWS.slice(s, s + 2)) });
            return post({ type: "done", id, result: { rowCount: ROWS.length, columnCount: 5 } });
          case "check":
            if (hang) return undefined;
            post({ type: "progress", id, progress: { phase: "check" } });
            post({ type: "issues", id, issues: SEED_ISSUES.slice(0, 2) });
            post({ type: "issues", id, issues: SEED_ISSUES.slice(2) });
            return post({ type: "done", id, result: { run: { ...runOf([]), report: { ...runOf([]).report, counts: { error: 1, warning: 2, info: 1 } } }, failures: [] } });
          case "change":
            return post({ type: "done", id, result: null });
          case "output":
            return post({ type: "done", id, result: { bytes: new TextEncoder().encode(output.text ?? request.output).buffer as ArrayBuffer } });
        }
      },
      terminate() {
        alive = false;
        terminated++;
      },
    };
  };
  return {
    start,
    requests,
    started: () => started,
    terminated: () => terminated,
    hang: (on: boolean) => {
      hang = on;
    },
    set outputText(text: string) {
      output.text = text;
    },
  };
}

function setup() {
  const engine = fakeEngine();
  const saved: { name: string; mime: string; text: string }[] = [];
  const store = new Map<string, string>();
  const host = createFileHost({
    startEngine: engine.start,
    save: (bytes, name, mime) => saved.push({ name, mime, text: new TextDecoder().decode(bytes) }),
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    now: () => new Date(2025, 0, 31, 9, 5, 0),
  });
  return { host, engine, saved };
}

const settings = { options: { profile: "2021" as const }, highlight: true };
const never = new AbortController().signal;

async function openSeed(host: ReturnType<typeof setup>["host"]) {
  await host.openFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), "花都区绩效目标表.xlsx");
  await host.chooseSheet(SHEET);
}

describe("the file host", () => {
  test("opens a workbook, loads the sheet in chunks and checks it", async () => {
    const { host } = setup();
    const sheets = await host.openFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), "花都区绩效目标表.xlsx");
    expect(sheets.map((s) => s.name)).toEqual([SHEET]);
    await host.chooseSheet(SHEET);
    expect(host.snapshot()?.values).toEqual(ROWS);
    const phases: Progress["phase"][] = [];
    const run = await host.check(settings, (p) => phases.push(p.phase), never);
    expect(run.report.issues).toEqual(SEED_ISSUES);
    expect(phases).toEqual(["check"]);
  });

  test("a legacy .xls is a badFile HostError with a Chinese message", async () => {
    const { host } = setup();
    const opening = host.openFile(new Uint8Array([0xd0, 0xcf]), "旧表.xls");
    await expect(opening).rejects.toBeInstanceOf(HostError);
    await expect(opening).rejects.toMatchObject({ kind: "badFile", message: "这是旧版 Excel（.xls）或 WPS（.et）格式的文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。" });
    expect(host.fileName()).toBeUndefined();
  });

  test("checking before a sheet is chosen says so", async () => {
    const { host } = setup();
    await expect(host.check(settings, () => undefined, never)).rejects.toMatchObject({ kind: "noTable" });
  });

  test("取消 terminates the engine; the next request reopens the file and replays fixes", async () => {
    const { host, engine } = setup();
    await openSeed(host);
    const preview = await host.previewFixes([normalizedHere]);
    await host.applyFixes(preview);
    engine.hang(true);
    const abort = new AbortController();
    const checking = host.check(settings, () => undefined, abort.signal);
    await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    await expect(checking).rejects.toMatchObject({ kind: "cancelled" });
    expect(engine.terminated()).toBe(1);

    engine.hang(false);
    await host.check(settings, () => undefined, never);
    expect(engine.started()).toBe(2);
    const afterRestart = engine.requests.slice(engine.requests.findIndex((r) => r.type === "check") + 1).map((r) => r.type);
    expect(afterRestart).toEqual(["open", "change", "check"]);
  });

  test("fixes of one cell are previewed together and applied only over unchanged text", async () => {
    const { host } = setup();
    await openSeed(host);
    const [edit, ...rest] = await host.previewFixes([normalizedHere, labelHere]);
    expect(rest).toEqual([]);
    expect(edit).toMatchObject({ sheet: SHEET, cell: "E6", rowIndex: 5, columnIndex: 4, before: E6_TEXT });
    expect(edit!.after).toBe(E6_TEXT.replace("80%以上", "≥80%").replace("，合格", "，年度指标值：合格"));
    expect(edit!.codes.sort()).toEqual(["value_label_missing", "value_normalized"]);

    const applied = await host.applyFixes([edit!]);
    expect(applied.edits).toHaveLength(1);
    expect(host.snapshot()?.values[5]?.[4]).toBe(edit!.after);
    // The same edit again: the cell no longer holds `before`, so it is left alone.
    expect((await host.applyFixes([edit!])).edits).toEqual([]);
    // Spans of the old text must not be applied to the new one.
    expect(await host.previewFixes([labelHere])).toEqual([]);

    await host.undoFixes(applied);
    expect(host.snapshot()?.values[5]?.[4]).toBe(E6_TEXT);
  });

  test("downloads are named after the file and built by the engine", async () => {
    const { host, saved, engine } = setup();
    await openSeed(host);
    await host.check(settings, () => undefined, never);
    expect(await host.downloadCleaned()).toBe("花都区绩效目标表-清洗后.xlsx");
    expect(await host.downloadAnnotated()).toBe("花都区绩效目标表-已标注.xlsx");
    expect(await host.downloadJson()).toBe("花都区绩效目标表-校验报告.json");
    expect(saved.map((s) => [s.name, s.text])).toEqual([
      ["花都区绩效目标表-清洗后.xlsx", "cleaned"],
      ["花都区绩效目标表-已标注.xlsx", "annotated"],
      ["花都区绩效目标表-校验报告.json", "json"],
    ]);
    expect(saved[2]?.mime).toBe("application/json");
    const output = engine.requests.find((r) => r.type === "output");
    expect(output).toMatchObject({ sheet: SHEET, options: settings.options, generatedAt: "2025-01-31 09:05:00", lang: "zh" });
  });

  test("an output that keeps an .xlsm's macros is named .xlsm", async () => {
    const { host, saved, engine } = setup();
    engine.outputText = "PK\u0003\u0004 xl/vbaProject.bin";
    await host.openFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), "宏表.xlsm");
    await host.chooseSheet(SHEET);
    await host.check(settings, () => undefined, never);
    expect(await host.downloadCleaned()).toBe("宏表-清洗后.xlsm");
    expect(saved[0]?.mime).toBe("application/vnd.ms-excel.sheet.macroEnabled.12");
    engine.outputText = "PK\u0003\u0004 xl/workbook.xml";
    expect(await host.downloadAnnotated()).toBe("宏表-已标注.xlsx");
  });

  test("selecting a cell tells the pane and the grid", async () => {
    const { host } = setup();
    await openSeed(host);
    const seen: string[] = [];
    host.onSelectionChanged?.((sheet, address) => seen.push(`${sheet}!${address}`));
    const before = host.version();
    await host.selectCell(SHEET, "E6");
    expect(seen).toEqual([`${SHEET}!E6`]);
    expect(host.selectedCell()).toEqual({ sheet: SHEET, address: "E6" });
    expect(host.version()).toBeGreaterThan(before);
  });

  test("settings persist in the browser and a damaged entry falls back to defaults", async () => {
    const { host } = setup();
    expect(await host.loadSettings()).toBeUndefined();
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
  });
});
