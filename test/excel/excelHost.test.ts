import ExcelJS from "exceljs";
import { HostError, type HostRun, type Settings } from "../../src/app/host";
import { BACKUP_SHEET_NAME, HIGHLIGHT_FILL } from "../../src/core/plan";
import { highlightsFor } from "../../src/core/summary/summaryModel";
import { createExcelHost, type ExcelHostOptions } from "../../src/excel/excelHost";
import { FakeWorkbook, installFakeExcel, type ApiVersion } from "../fakes/fakeExcel";
import { reopen, SEED_SHEET, setupSeed, uninstallAll, type Setup } from "./helpers";
import { fromBase64, readXlsx, xlsxOf } from "./xlsx";

afterEach(uninstallAll);

const SETTINGS: Settings = { options: { lang: "zh" }, highlight: true };
const FAST: ExcelHostOptions = { retryDelayMs: 0, now: () => new Date(2025, 0, 31, 9, 5, 0) };

function hostOf(options: ExcelHostOptions = {}) {
  return createExcelHost({ ...FAST, ...options });
}

async function check(setup: Setup, settings: Settings = SETTINGS, options: ExcelHostOptions = {}): Promise<HostRun> {
  return hostOf(options).check(settings, () => undefined, new AbortController().signal);
}

/** Every coloured cell of the sheet, as `address → colour`. */
function colouredCells(setup: Setup): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [address, cell] of Object.entries(setup.ws.dump())) if (cell.fill.color) out[address] = cell.fill.color;
  return out;
}

function expectedColours(run: HostRun): Record<string, string> {
  return Object.fromEntries(highlightsFor(run.report.issues).map((h) => [h.cell, HIGHLIGHT_FILL[h.severity]]));
}

describe("checking the table around the selection", () => {
  it("checks the seed table, colours exactly the flagged cells and asks Excel to wait for cell edits", async () => {
    const setup = setupSeed();
    await setup.wb.select(SEED_SHEET, "B10");
    const run = await check(setup);
    expect(run.highlighted).toBe(true);
    expect(run.failures).toEqual([]);
    expect(run.report.sheets[0]).toMatchObject({ name: SEED_SHEET, headerRow: 5 });
    // Every 党代表任期制 row lacks the 年度指标值 label on item 5 (DOMAIN.md).
    expect(run.report.issues.filter((i) => i.code === "value_label_missing").map((i) => i.cell)).toEqual(
      expect.arrayContaining(["E6", "E7", "E8", "E9", "E10", "E11"]),
    );
    expect(colouredCells(setup)).toEqual(expectedColours(run));
    expect(setup.wb.runOptions).toContainEqual({ delayForCellEdit: true });
  });

  it("checks and colours every category column of a table whose indicators stand under 产出指标 | 效益指标 | 满意度指标", async () => {
    const wb = new FakeWorkbook("1.9");
    const ws = wb.addSheet("分类列").setRows([
      ["项目名称", "绩效目标", "产出指标", "效益指标", "满意度指标"],
      ["项目甲", "目标", "培训人次，年度指标值：≥200人次", "知晓率：≥90%", "满意度，年度指标值：≥**%"],
    ]);
    const installed = installFakeExcel(wb);
    try {
      await wb.select("分类列", "A2");
      const run = await hostOf().check(SETTINGS, () => undefined, new AbortController().signal);
      expect(run.report.sheets[0]?.indicatorColumns?.map((c) => c.column)).toEqual(["C", "D", "E"]);
      expect(run.report.issues.map((i) => `${i.cell} ${i.code} ${i.item ?? ""}`)).toEqual([
        "C2 satisfaction_or_cost_missing ",
        "D2 value_label_missing 2",
        "E2 placeholder_left 3",
      ]);
      expect(ws.at("D2").fill.color).toBe(HIGHLIGHT_FILL.warning);
      expect(ws.at("E2").fill.color).toBe(HIGHLIGHT_FILL.error);
      expect(colouredCells({ wb, ws } as unknown as Setup)).toEqual(expectedColours(run));
      await hostOf().writeSummary(run);
      const detail = wb.sheet("指标明细");
      // One line per item, numbered over the row, each with its column's 一级.
      expect([detail.text("E2"), detail.text("F2"), detail.text("E3"), detail.text("F3"), detail.text("E4"), detail.text("F4")]).toEqual([1, "产出指标", 2, "效益指标", 3, "满意度指标"]);
    } finally {
      installed.uninstall();
    }
  });

  it("checks and colours both tables of a sheet holding two with different columns", async () => {
    const wb = new FakeWorkbook("1.9");
    const bad = "1、产出指数：培训人次，年度指标值：≥**人。";
    const ws = wb.addSheet("两张表").setRows([
      ["一、本级项目"],
      ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
      ["某局", "某局", "本级项目", "目标", bad],
      [],
      ["二、转移支付项目"],
      ["序号", "主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
      ["1", "某局", "某中心", "转移支付项目", "目标", bad],
    ]);
    const installed = installFakeExcel(wb);
    try {
      await wb.select("两张表", "A1");
      const run = await hostOf().check(SETTINGS, () => undefined, new AbortController().signal);
      expect(run.report.sheets.map((s) => s.headerRow)).toEqual([2, 6]);
      expect([...new Set(run.report.issues.filter((i) => i.severity === "error").map((i) => i.cell))]).toEqual(["E3", "F7"]);
      expect(ws.at("E3").fill.color).toBe(HIGHLIGHT_FILL.error);
      expect(ws.at("F7").fill.color).toBe(HIGHLIGHT_FILL.error);
      // The summary reads the checks in memory: each table's issues once.
      await hostOf().writeSummary(run);
      const detail = wb.sheet("指标明细");
      expect([detail.text("A1"), detail.text("A2"), detail.text("A3"), detail.text("A4")]).toEqual(["行号", 3, 7, ""]);
      const issueRows = Object.values(wb.sheet("校验汇总").dump()).filter((c) => c.formula?.startsWith("=HYPERLINK"));
      expect(issueRows).toHaveLength(run.report.issues.length);
    } finally {
      installed.uninstall();
    }
  });

  it("reports and colours only the selected rows, reading the header above them", async () => {
    const setup = setupSeed();
    await setup.wb.select(SEED_SHEET, "A12:E14");
    const run = await check(setup);
    expect(run.report.issues.length).toBeGreaterThan(0);
    expect(new Set(run.report.issues.map((i) => i.rowNumber))).toEqual(new Set([12, 13, 14].filter((r) => run.report.issues.some((i) => i.rowNumber === r))));
    expect(run.report.issues.every((i) => i.rowNumber >= 12 && i.rowNumber <= 14)).toBe(true);
    expect(colouredCells(setup)).toEqual(expectedColours(run));
  });

  it("checks the whole table when only the header row is selected", async () => {
    const setup = setupSeed();
    await setup.wb.select(SEED_SHEET, "A5:E5");
    const whole = await check(setup);
    expect(new Set(whole.report.issues.map((i) => i.rowNumber)).size).toBeGreaterThan(10);
  });

  it("keeps the results but says why when the sheet is protected, leaving it unchanged", async () => {
    const setup = setupSeed();
    setup.ws.protected = true;
    const before = setup.wb.state();
    const run = await check(setup);
    expect(run.highlighted).toBe(false);
    expect(run.report.issues.length).toBeGreaterThan(0);
    expect(run.failures[0]?.message).toContain("工作表受保护");
    expect(setup.wb.state()).toEqual(before);
  });

  it("says there is no table on a sheet without one", async () => {
    const setup = setupSeed();
    setup.wb.addSheet("说明").setRows([["填表说明"], ["请按要求填写"]]);
    await setup.wb.select("说明", "A1");
    await expect(check(setup)).rejects.toMatchObject({ kind: "noTable" });
  });
});

describe("every failure becomes one HostError kind and leaves the workbook as it was", () => {
  async function failure(setup: Setup, options: ExcelHostOptions = {}): Promise<unknown> {
    const before = setup.wb.state();
    const error = await check(setup, SETTINGS, options).catch((e: unknown) => e);
    expect(setup.wb.state()).toEqual(before);
    return error;
  }

  it("retries while Excel is in cell-edit mode, then tells the user", async () => {
    const setup = setupSeed();
    setup.wb.cellEditFailures = 2;
    expect((await check(setup, SETTINGS, { attempts: 3 })).highlighted).toBe(true);
    const other = setupSeed();
    other.wb.cellEditFailures = 10;
    const error = await failure(other, { attempts: 3 });
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: "cellEditMode" });
    expect((error as Error).message).toContain("单元格编辑");
  });

  it.each([
    ["unsupportedApi", (s: Setup) => void (s.wb.api = "1.6" as ApiVersion)],
    ["payloadTooLarge", (s: Setup) => void (s.wb.responseLimit = 100)],
    ["notRange", (s: Setup) => s.wb.selectChart()],
  ])("%s", async (kind, arrange) => {
    const setup = setupSeed();
    arrange(setup);
    expect(await failure(setup)).toMatchObject({ kind });
  });

  it("readOnly, when writing the summary", async () => {
    const setup = setupSeed("1.8");
    const host = hostOf();
    const run = await host.check({ ...SETTINGS, highlight: false }, () => undefined, new AbortController().signal);
    setup.wb.readOnly = true;
    const before = setup.wb.state();
    await expect(host.writeSummary(run)).rejects.toMatchObject({ kind: "readOnly" });
    expect(setup.wb.state()).toEqual(before);
  });

  it("protectedSheet, when applying fixes", async () => {
    const setup = setupSeed();
    const host = hostOf();
    const run = await host.check({ ...SETTINGS, highlight: false }, () => undefined, new AbortController().signal);
    const edits = await host.previewFixes(run.report.issues);
    expect(edits.length).toBeGreaterThan(0);
    setup.ws.protected = true;
    const before = setup.wb.state();
    await expect(host.applyFixes(edits)).rejects.toMatchObject({ kind: "protectedSheet" });
    expect(setup.wb.state()).toEqual(before);
  });
});

describe("marks, fixes, summary, export and settings through the host", () => {
  it("clears the marks of a check after the workbook was reopened", async () => {
    const setup = setupSeed();
    setup.ws.at("E6").fill = { color: "#00B0F0", pattern: "Gray25", patternColor: "#FF0000" };
    const before = setup.wb.state();
    await check(setup);
    expect(setup.ws.fill("E6").color).not.toBe("#00B0F0");
    reopen(setup);
    await hostOf().clearMarks();
    expect(setup.wb.state()).toEqual(before);
  });

  it("previews, applies and undoes the auto-fixes; a cell changed in between is skipped", async () => {
    const setup = setupSeed();
    const host = hostOf();
    const run = await host.check({ ...SETTINGS, highlight: false }, () => undefined, new AbortController().signal);
    const edits = await host.previewFixes(run.report.issues);
    const e6 = edits.find((e) => e.cell === "E6")!;
    expect(e6.after).toContain("党代表基层联系群众工作指标，年度指标值：合格。");
    setup.ws.at("E7").value = "用户刚改过";
    const applied = await host.applyFixes(edits);
    expect(applied.edits.map((e) => e.cell)).not.toContain("E7");
    expect(setup.ws.text("E6")).toBe(e6.after);
    expect(setup.ws.at("E6").numberFormat).toBe("@");
    // Fixes of the same issues cannot apply twice: the cell no longer holds the checked text.
    expect((await host.previewFixes(run.report.issues)).map((e) => e.cell)).not.toContain("E6");
    await host.undoFixes(applied);
    expect(setup.ws.text("E6")).toBe(e6.before);
    expect(setup.ws.text("E7")).toBe("用户刚改过");
  });

  it("writes 校验汇总 and 指标明细, and replaces its own sheets on a re-run", async () => {
    const setup = setupSeed();
    const host = hostOf();
    const run = await host.check(SETTINGS, () => undefined, new AbortController().signal);
    await host.writeSummary(run);
    await host.writeSummary(run);
    expect(setup.wb.sheets.map((s) => s.name)).toEqual([SEED_SHEET, BACKUP_SHEET_NAME, "校验汇总", "指标明细"]);
    expect(setup.wb.sheet("校验汇总").charts).toHaveLength(1);
    expect(setup.wb.sheet("指标明细").text("A1")).toBe("行号");
    const links = Object.values(setup.wb.sheet("校验汇总").dump()).filter((c) => c.formula?.startsWith("=HYPERLINK"));
    expect(links).toHaveLength(run.report.issues.length);
  });

  it("opens the cleaned workbook with Excel.createWorkbook on 1.8+, without our marks, the open one unchanged", async () => {
    const setup = setupSeed("1.8");
    await check(setup);
    setup.wb.fileBytes = await xlsxOf(setup.wb);
    const before = setup.wb.state();
    await hostOf().exportCleaned(SETTINGS);
    expect(setup.wb.state()).toEqual(before);
    expect(setup.wb.fileHandlesOpen).toBe(0);
    const cleaned = await readXlsx(fromBase64(setup.wb.createdWorkbooks[0]!));
    expect(cleaned.getWorksheet(BACKUP_SHEET_NAME)).toBeUndefined();
    const e6 = cleaned.getWorksheet(SEED_SHEET)!.getCell("E6");
    expect(String(e6.value)).toContain("党代表基层联系群众工作指标，年度指标值：合格。");
    const fill = e6.fill as { fgColor?: { argb?: string } } | undefined;
    expect(fill?.fgColor?.argb ?? "").not.toMatch(/FFC7CE|FFEB9C/);
    expect(cleaned.getWorksheet("指标明细")).toBeDefined();
  });

  it("keeps a project drawn as a tall merged row in the cleaned workbook (Office.js reads its second row blank)", async () => {
    const setup = setupSeed("1.8");
    // The first blank row inside the table becomes the lower half of the project above it.
    let blank = 7;
    while (["A", "B", "C", "D", "E"].some((c) => String(setup.ws.text(`${c}${blank}`) ?? "") !== "")) blank++;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxOf(setup.wb)) as unknown as ArrayBuffer);
    for (const c of ["A", "B", "C", "D", "E"]) book.getWorksheet(SEED_SHEET)!.mergeCells(`${c}${blank - 1}:${c}${blank}`);
    setup.wb.fileBytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    await hostOf().exportCleaned(SETTINGS);
    const cleaned = (await readXlsx(fromBase64(setup.wb.createdWorkbooks[0]!))).getWorksheet(SEED_SHEET)!;
    expect(cleaned.getCell(`C${blank}`).isMerged).toBe(true);
    expect(cleaned.getCell(`C${blank}`).master.address).toBe(`C${blank - 1}`);
  });

  it("cleans a user's own table named 指标明细 in the export, and passes over the 指标明细 it wrote itself", async () => {
    const setup = setupSeed("1.8");
    const theirs = setup.wb.addSheet("指标明细");
    const rows = [
      ["项目名称", "一级指标", "三级指标", "指标值"],
      ["项目乙", "产出指标", "培训人次", "不少于200人次"],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => (theirs.at(`${"ABCD"[c]}${r + 1}`).value = v)));
    const run = await check(setup);
    await hostOf().writeSummary(run);
    expect(setup.wb.sheet("指标明细 (2)").text("A1")).toBe("行号");
    setup.wb.fileBytes = await xlsxOf(setup.wb);
    await hostOf().exportCleaned(SETTINGS);
    const cleaned = await readXlsx(fromBase64(setup.wb.createdWorkbooks[0]!));
    expect(cleaned.getWorksheet("指标明细")!.getCell("D2").value).toBe("≥200人次");
    // Ours was not read as a table: its rows are the seed's, none of them cleaned as data.
    expect(cleaned.getWorksheet("指标明细 (2)")!.getCell("A1").value).toBe("行号");
  });

  it("downloads the cleaned workbook on a 1.7 host", async () => {
    const setup = setupSeed("1.7");
    setup.wb.fileBytes = await xlsxOf(setup.wb);
    const saved: { bytes: Uint8Array; name: string }[] = [];
    await hostOf({ save: (bytes, name) => saved.push({ bytes, name }) }).exportCleaned(SETTINGS);
    expect(setup.wb.createdWorkbooks).toEqual([]);
    expect(saved.map((s) => s.name)).toEqual(["清洗后.xlsx"]);
    expect((await readXlsx(saved[0]!.bytes)).getWorksheet(SEED_SHEET)).toBeDefined();
  });

  it("keeps settings in the document, so they survive a reopen", async () => {
    const setup = setupSeed();
    const settings: Settings = { options: { lang: "en", profile: "2021", rules: { vague_value: "off" } }, highlight: false };
    await hostOf().saveSettings(settings);
    reopen(setup);
    expect(await hostOf().loadSettings()).toEqual(settings);
  });

  it("selects a cell and reports the user's selection changes", async () => {
    const setup = setupSeed();
    setup.wb.addSheet("其他");
    const host = hostOf();
    await host.selectCell(SEED_SHEET, "E12");
    expect(setup.wb.active).toBe(SEED_SHEET);
    expect(setup.wb.selection).toEqual({ sheet: SEED_SHEET, areas: ["E12"] });
    const seen: string[] = [];
    const unsubscribe = host.onSelectionChanged!((sheet, address) => seen.push(`${sheet}!${address}`));
    await new Promise((r) => setTimeout(r, 0));
    await setup.wb.select(SEED_SHEET, "C9");
    await new Promise((r) => setTimeout(r, 0));
    unsubscribe();
    await new Promise((r) => setTimeout(r, 0));
    await setup.wb.select(SEED_SHEET, "C10");
    expect(seen).toEqual([`${SEED_SHEET}!C9`]);
  });
});

describe("performance", () => {
  /** `rows` data rows under a header on row 1; every `flagEvery`-th indicator cell keeps a
   * template placeholder (an error). */
  function bigSheet(rows: number, flagged: number, api: ApiVersion): FakeWorkbook {
    const wb = new FakeWorkbook(api);
    const ws = wb.addSheet("大表");
    ws.setRows([["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]]);
    const step = rows / flagged;
    const data = Array.from({ length: rows }, (_, i) => {
      const bad = Math.floor(i % step) === 0 && Math.floor(i / step) < flagged;
      const value = bad ? "≥**%" : "≥95%";
      return [
        "某区教育局",
        "某区第一中学",
        `校舍维修项目${i + 1}`,
        "完成校舍维修，改善办学条件。",
        `1、产出指标：维修面积，年度指标值：≥${1000 + i}平方米。2、产出指标：验收合格率，年度指标值：${value}。3、效益指标：师生安全保障水平，年度指标值：有效提升。4、满意度指标：师生满意度，年度指标值：≥90%。5、成本指标：维修成本，年度指标值：≤${200 + i}万元。`,
      ];
    });
    ws.setRows(data, 1, 0);
    wb.selection = { sheet: "大表", areas: ["E2"] };
    return wb;
  }

  async function syncsFor(rows: number, api: ApiVersion = "1.9"): Promise<{ syncs: number; flagged: number; wb: FakeWorkbook }> {
    const wb = bigSheet(rows, 3000, api);
    const installed = installFakeExcel(wb);
    try {
      const run = await createExcelHost(FAST).check(SETTINGS, () => undefined, new AbortController().signal);
      expect(run.highlighted).toBe(true);
      return { syncs: wb.syncCount, flagged: highlightsFor(run.report.issues).length, wb };
    } finally {
      installed.uninstall();
    }
  }

  it("reads, checks and highlights 10,000 rows with 3,000 flagged cells in at most 10 syncs, +1 per 5,000 rows", async () => {
    const ten = await syncsFor(10_000);
    expect(ten.flagged).toBeGreaterThanOrEqual(3000);
    expect(ten.syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...ten.wb.syncs.map((s) => s.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    const fifteen = await syncsFor(15_000);
    expect(fifteen.syncs).toBeLessThanOrEqual(ten.syncs + 1);
  });

  it("reads the merged areas on a 1.13 host in one more sync, still within the budget (9 at 10,000 rows)", async () => {
    const ten = await syncsFor(10_000, "1.13");
    const before = await syncsFor(10_000, "1.9");
    expect(ten.syncs).toBe(before.syncs + 1);
    expect(ten.syncs).toBeLessThanOrEqual(10);
    const fifteen = await syncsFor(15_000, "1.13");
    expect(fifteen.syncs).toBeLessThanOrEqual(ten.syncs + 1);
  });
});
