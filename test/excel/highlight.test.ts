import { HostError } from "../../src/app/host";
import { runExcel } from "../../src/excel/errors";
import { applyHighlights, clearMarks, type HighlightOptions } from "../../src/excel/highlight";
import { BACKUP_SHEET_NAME, type Highlight } from "../../src/core/plan";
import { reopen, setupSeed, supportOf, uninstallAll, type Setup } from "./helpers";
import type { ApiVersion } from "../fakes/fakeExcel";

afterEach(uninstallAll);

const RED = "#FFC7CE";
const YELLOW = "#FFEB9C";

function mark(cell: string, severity: Highlight["severity"]): Highlight {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { sheet: "绩效目标表", cell, rowIndex: Number(m[2]) - 1, columnIndex: m[1]!.charCodeAt(0) - 65, severity };
}

async function highlight(setup: Setup, marks: Highlight[], options: HighlightOptions = {}) {
  await runExcel((context) => applyHighlights(context, setup.support, "绩效目标表", marks, options), { retryDelayMs: 0 });
}

async function clear(setup: Setup) {
  await runExcel((context) => clearMarks(context, setup.support, "zh"), { retryDelayMs: 0 });
}

/** A seed workbook whose E7 has a patterned fill and E8 a solid green one; E6 has none. */
function decorated(api: ApiVersion = "1.9"): Setup {
  const setup = setupSeed(api);
  setup.ws.at("E7").fill = { color: "#00B0F0", pattern: "Gray25", patternColor: "#FF0000" };
  setup.ws.at("E8").fill = { color: "#92D050", pattern: "Solid", patternColor: null };
  return setup;
}

describe("highlighting flagged cells", () => {
  it("colours errors red and warnings yellow and saves the fills in a very hidden sheet", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error"), mark("E7", "warning"), mark("E8", "error")]);
    expect(setup.ws.fill("E6").color).toBe(RED);
    expect(setup.ws.fill("E7")).toMatchObject({ color: YELLOW, pattern: "Solid" });
    expect(setup.ws.fill("E8").color).toBe(RED);
    const backup = setup.wb.sheet(BACKUP_SHEET_NAME);
    expect(backup.visibility).toBe("VeryHidden");
    expect([0, 1, 2, 3].map((r) => [0, 1, 2, 3, 4].map((c) => backup.peek(r, c)?.value ?? ""))).toEqual([
      ["sheet", "address", "color", "pattern", "patternColor"],
      ["绩效目标表", "E6", "", "", ""],
      ["绩效目标表", "E7", "#00B0F0", "Gray25", "#FF0000"],
      ["绩效目标表", "E8", "#92D050", "", ""],
    ]);
  });

  it("清除标记 restores a colourless cell to no fill and a patterned cell to its pattern, after a reopen", async () => {
    const setup = decorated();
    const original = setup.wb.state();
    await highlight(setup, [mark("E6", "error"), mark("E7", "warning"), mark("E8", "error")]);
    // Saved, closed and reopened: nothing of the first session is left in memory.
    reopen(setup);
    await clear(setup);
    expect(setup.ws.fill("E6")).toEqual({ color: null, pattern: "None", patternColor: null });
    expect(setup.ws.fill("E7")).toEqual({ color: "#00B0F0", pattern: "Gray25", patternColor: "#FF0000" });
    expect(setup.wb.findSheet(BACKUP_SHEET_NAME)).toBeUndefined();
    expect(setup.wb.state()).toEqual(original);
  });

  it("never saves its own colours as the original when a sheet is checked again", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error")]);
    await highlight(setup, [mark("E6", "warning")]);
    expect(setup.ws.fill("E6").color).toBe(YELLOW);
    await clear(setup);
    expect(setup.ws.fill("E6")).toEqual({ color: null, pattern: "None", patternColor: null });
  });

  it("removes old marks of cells no longer flagged, but only in the rows checked", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error"), mark("E8", "error"), mark("E9", "warning")]);
    await highlight(setup, [mark("E9", "warning")], { inScope: (rowIndex) => rowIndex !== 5 });
    expect(setup.ws.fill("E6").color).toBe(RED); // row 6 was outside this check
    expect(setup.ws.fill("E8")).toMatchObject({ color: "#92D050" });
    await clear(setup);
    expect(setup.ws.fill("E6").color).toBeNull();
  });

  it("leaves a colour the user chose after marking when the marks are cleared", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error")]);
    setup.ws.at("E6").fill = { color: "#7030A0", pattern: "Solid", patternColor: null };
    await clear(setup);
    expect(setup.ws.fill("E6").color).toBe("#7030A0");
  });

  it("works on a 1.7 host without RangeAreas (the fake refuses 1.9 calls there)", async () => {
    const setup = decorated("1.7");
    setup.ws.at("E7").fill = { color: "#00B0F0", pattern: "Solid", patternColor: null };
    const original = setup.wb.state();
    await highlight(setup, [mark("E6", "error"), mark("E7", "warning")]);
    expect(setup.ws.fill("E7").color).toBe(YELLOW);
    await clear(setup);
    expect(setup.wb.state()).toEqual(original);
  });
});

/** 3,000 flagged cells on every other row: several chunks of painting. */
function manyMarks(): Highlight[] {
  return Array.from({ length: 3000 }, (_, i) => mark(`E${100 + 2 * i}`, i % 3 === 0 ? "warning" : "error"));
}

describe("an interrupted highlight", () => {
  it.each(["1.9", "1.7"] as const)("is rolled back to the fills before it on a %s host", async (api) => {
    const setup = decorated(api);
    const original = setup.wb.state();
    // The second painting request of the run fails, after the first chunk was coloured.
    setup.wb.faults.push({ match: (op) => op.kind === "fill", code: "GeneralException", skip: api === "1.9" ? 1 : 1500 });
    const failure = await highlight(setup, manyMarks()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect(setup.wb.state()).toEqual(original);
  });

  it("keeps the fills saved by an earlier run when a later run is rolled back", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error")]);
    const marked = setup.wb.state();
    setup.wb.faults.push({ match: (op) => op.kind === "fill", code: "GeneralException", skip: 1 });
    await expect(highlight(setup, [mark("E6", "error"), ...manyMarks()])).rejects.toBeInstanceOf(HostError);
    expect(setup.wb.state()).toEqual(marked);
    await clear(setup);
    expect(setup.ws.fill("E6").color).toBeNull();
  });
});

describe("highlighting where Excel refuses writes", () => {
  it("reports a protected sheet before writing anything", async () => {
    const setup = decorated();
    setup.ws.protected = true;
    const original = setup.wb.state();
    await expect(highlight(setup, [mark("E6", "error")])).rejects.toMatchObject({ kind: "protectedSheet" });
    expect(setup.wb.state()).toEqual(original);
  });

  it("reports a workbook whose structure is protected before writing anything (no backup sheet can be added)", async () => {
    const setup = decorated();
    setup.wb.structureProtected = true;
    const original = setup.wb.state();
    await expect(highlight(setup, [mark("E6", "error")])).rejects.toMatchObject({ kind: "protectedWorkbook" });
    expect(setup.wb.state()).toEqual(original);
  });

  it("clears the marks of a workbook protected after marking, emptying the backup it cannot delete", async () => {
    const setup = decorated();
    await highlight(setup, [mark("E6", "error"), mark("E7", "warning")]);
    setup.wb.structureProtected = true;
    await clear(setup);
    expect(setup.ws.fill("E6")).toEqual({ color: null, pattern: "None", patternColor: null });
    expect(setup.ws.fill("E7")).toEqual({ color: "#00B0F0", pattern: "Gray25", patternColor: "#FF0000" });
    const backup = setup.wb.sheet(BACKUP_SHEET_NAME);
    expect([0, 1, 2].map((r) => backup.peek(r, 1)?.value ?? "")).toEqual(["address", "", ""]);
    // Checked again later, nothing is left flagged: the emptied backup is emptied again, not deleted.
    await highlight(setup, []);
    expect(setup.wb.findSheet(BACKUP_SHEET_NAME)).toBeDefined();
  });

  it("reports a read-only workbook (ExcelApi 1.8)", async () => {
    const setup = decorated("1.8");
    setup.wb.readOnly = true;
    const original = setup.wb.state();
    await expect(highlight(setup, [mark("E6", "error")])).rejects.toMatchObject({ kind: "readOnly" });
    expect(setup.wb.state()).toEqual(original);
  });

  it("keeps every RangeAreas address list under Excel's 8,192-character limit in few syncs", async () => {
    const setup = decorated();
    await highlight(setup, manyMarks());
    expect(setup.ws.fill("E6098").color).toBe(RED);
    expect(setup.ws.fill("E100").color).toBe(YELLOW);
    // One sync to read the fills, then one per address chunk (the backup rides on the first).
    expect(setup.wb.syncCount).toBeLessThanOrEqual(6);
    expect(supportOf("1.9").v1_9).toBe(true);
  });
});
