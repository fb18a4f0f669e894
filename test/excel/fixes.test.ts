import type { Issue } from "../../src/core/model";
import { runExcel } from "../../src/excel/errors";
import { previewFixEdits, unwriteEdits, writeEdits } from "../../src/excel/fixes";
import { setupSeed, uninstallAll, type Setup } from "./helpers";

afterEach(uninstallAll);

const SHEET = "绩效目标表";

/** An issue at `cell` whose fix replaces `find` (first occurrence in the cell) by `text`. */
function fixIssue(setup: Setup, cell: string, find: string, text: string, code: Issue["code"] = "value_label_missing"): Issue {
  const raw = String(setup.ws.text(cell));
  const start = raw.indexOf(find);
  if (start < 0) throw new Error(`${find} not in ${cell}`);
  const rowNumber = Number(cell.slice(1));
  return {
    code,
    severity: "warning",
    params: {},
    message: "",
    sheet: SHEET,
    cell,
    rowNumber,
    fix: { description: "", auto: true, edits: [{ span: { start, end: start + find.length }, text }] },
  };
}

const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runExcel(batch, { retryDelayMs: 0 });

describe("fixes as planned edits", () => {
  it("previews one edit per cell with all of that cell's fixes, without changing the sheet", async () => {
    const setup = setupSeed();
    const before = setup.wb.state();
    const issues = [
      fixIssue(setup, "E6", "5、效益指标：党代表基层联系群众工作指标，合格。", "5、效益指标：党代表基层联系群众工作指标，年度指标值：合格。"),
      fixIssue(setup, "E6", "≥100%", "=100%", "rate_ge_100"),
    ];
    const edits = await run((context) => previewFixEdits(context, issues, () => undefined));
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ sheet: SHEET, cell: "E6", rowIndex: 5, columnIndex: 4, codes: ["value_label_missing", "rate_ge_100"] });
    expect(edits[0]!.after).toContain("党代表基层联系群众工作指标，年度指标值：合格。");
    expect(edits[0]!.after).toContain("2、产出指标：党代会年会制试点镇数量指标，年度指标值：=100%");
    expect(setup.wb.state()).toEqual(before);
  });

  it("skips a cell edited since the check: its fix spans point into the old text", async () => {
    const setup = setupSeed();
    const issue = fixIssue(setup, "E6", "≥100%", "=100%", "rate_ge_100");
    const checked = String(setup.ws.text("E6"));
    setup.ws.at("E6").value = `${checked}6、满意度指标：群众满意度，年度指标值：≥90%。`;
    const edits = await run((context) => previewFixEdits(context, [issue], () => checked));
    expect(edits).toEqual([]);
  });

  it("leaves a formula cell alone: its text is the formula's result", async () => {
    const setup = setupSeed();
    const result = String(setup.ws.text("E6"));
    const issue = fixIssue(setup, "E6", "≥100%", "=100%", "rate_ge_100");
    setup.ws.at("E6").formula = '=Sheet2!A1&""';
    expect(await run((context) => previewFixEdits(context, [issue], () => result))).toEqual([]);
    const written = await run((context) =>
      writeEdits(context, setup.support, [{ sheet: SHEET, cell: "E6", rowIndex: 5, columnIndex: 4, before: result, after: "x", codes: [] }], "zh"),
    );
    expect(written).toEqual([]);
    expect(setup.ws.at("E6")).toMatchObject({ formula: '=Sheet2!A1&""', value: result });
  });

  it("writes `=100%` and `-5%` as text, never as a formula or a number", async () => {
    const setup = setupSeed();
    const before = String(setup.ws.text("E7"));
    const applied = await run((context) =>
      writeEdits(context, setup.support, [{ sheet: SHEET, cell: "E7", rowIndex: 6, columnIndex: 4, before, after: "=100%", codes: [] }], "zh"),
    );
    await run((context) =>
      writeEdits(context, setup.support, [{ sheet: SHEET, cell: "E8", rowIndex: 7, columnIndex: 4, before: String(setup.ws.text("E8")), after: "-5%", codes: [] }], "zh"),
    );
    expect(applied).toHaveLength(1);
    expect(setup.ws.at("E7")).toMatchObject({ value: "=100%", numberFormat: "@" });
    expect(setup.ws.at("E7").formula).toBeUndefined();
    expect(setup.ws.at("E8")).toMatchObject({ value: "-5%" });
  });

  it("applies only where the cell still holds `before`, and undoes only where it still holds `after`", async () => {
    const setup = setupSeed();
    const e9 = String(setup.ws.text("E9"));
    const e10 = String(setup.ws.text("E10"));
    const edits = [
      { sheet: SHEET, cell: "E9", rowIndex: 8, columnIndex: 4, before: e9, after: `${e9}（已修正）`, codes: [] },
      { sheet: SHEET, cell: "E10", rowIndex: 9, columnIndex: 4, before: e10, after: `${e10}（已修正）`, codes: [] },
    ];
    setup.ws.at("E10").value = "用户刚改过的内容";
    const applied = await run((context) => writeEdits(context, setup.support, edits, "zh"));
    expect(applied.map((e) => e.cell)).toEqual(["E9"]);
    expect(setup.ws.text("E10")).toBe("用户刚改过的内容");

    // The user types over E9 after the fix: undo must not clobber it.
    setup.ws.at("E9").value = "用户又改了";
    const undone = await run((context) => unwriteEdits(context, setup.support, applied, "zh"));
    expect(undone).toEqual([]);
    expect(setup.ws.text("E9")).toBe("用户又改了");
  });

  it("undoes a fix that is still in place", async () => {
    const setup = setupSeed();
    const e9 = String(setup.ws.text("E9"));
    const edits = [{ sheet: SHEET, cell: "E9", rowIndex: 8, columnIndex: 4, before: e9, after: "新文本", codes: [] }];
    const applied = await run((context) => writeEdits(context, setup.support, edits, "zh"));
    await run((context) => unwriteEdits(context, setup.support, applied, "zh"));
    expect(setup.ws.text("E9")).toBe(e9);
  });

  it("reports a protected sheet and writes nothing", async () => {
    const setup = setupSeed();
    setup.ws.protected = true;
    const before = setup.wb.state();
    const e9 = String(setup.ws.text("E9"));
    const edits = [{ sheet: SHEET, cell: "E9", rowIndex: 8, columnIndex: 4, before: e9, after: "x", codes: [] }];
    await expect(run((context) => writeEdits(context, setup.support, edits, "zh"))).rejects.toMatchObject({ kind: "protectedSheet" });
    expect(setup.wb.state()).toEqual(before);
  });
});
