import type { SheetPlan } from "../../src/core/plan";
import { runExcel } from "../../src/excel/errors";
import { hyperlinkFormula, sheetOfFormula, writeGeneratedSheets } from "../../src/excel/generatedSheets";
import { setupSeed, uninstallAll, type Setup } from "./helpers";

afterEach(uninstallAll);

/** A small 校验汇总-like plan: a title, a by-rule table with a chart, an issue with a link. */
function summaryPlan(title = "校验汇总"): SheetPlan {
  return {
    name: "校验汇总",
    rows: [
      [title],
      ["规则", "级别", "数量", "代码"],
      ["缺少年度指标值标签", "警告", 7, "value_label_missing"],
      ["占位符未替换", "错误", 2, "placeholder_left"],
      ["序号", "工作表", "单元格", "说明"],
      [1, "绩效目标表", { link: { sheet: "绩效目标表", cell: "E7" }, text: "E7" }, "-5% 应为文本"],
    ],
    columnWidths: [20, 8, 8, 20],
    boldRows: [0, 1],
    chart: { title: "按规则统计", firstRowIndex: 2, lastRowIndex: 3, labelColumnIndex: 0, valueColumnIndex: 2 },
  };
}

async function write(setup: Setup, plan: SheetPlan) {
  return runExcel((context) => writeGeneratedSheets(context, setup.support, [{ plan, marker: "Summary" }], "zh"), { retryDelayMs: 0 });
}

describe("writing 校验汇总 into the workbook", () => {
  it("writes values, text as text, links as HYPERLINK formulas, bold rows and a bar chart by rule", async () => {
    const setup = setupSeed();
    expect(await write(setup, summaryPlan())).toEqual(["校验汇总"]);
    const ws = setup.wb.sheet("校验汇总");
    expect(ws.text("C3")).toBe(7);
    expect(ws.at("D6")).toMatchObject({ value: "-5% 应为文本", numberFormat: "@" });
    expect(ws.at("C6")).toMatchObject({ formula: `=HYPERLINK("#'绩效目标表'!E7","E7")`, value: "E7" });
    expect(ws.at("A1").bold).toBe(true);
    expect(ws.charts).toEqual([
      { type: "BarClustered", source: "校验汇总!C3:C4".replace("校验汇总", "'校验汇总'"), xValues: "'校验汇总'!A3:A4", title: "按规则统计", legendVisible: false },
    ]);
    expect(setup.wb.names.get("_IndicatorChecker_Summary")).toBe("='校验汇总'!$A$1");
  });

  it("replaces its own sheet on a re-run", async () => {
    const setup = setupSeed();
    await write(setup, summaryPlan("第一次"));
    await write(setup, summaryPlan("第二次"));
    expect(setup.wb.sheets.map((s) => s.name)).toEqual(["绩效目标表", "校验汇总"]);
    expect(setup.wb.sheet("校验汇总").text("A1")).toBe("第二次");
  });

  it("never overwrites a user's sheet of the same name: ours becomes 校验汇总 (2)", async () => {
    const setup = setupSeed();
    setup.wb.addSheet("校验汇总").setRows([["我自己的汇总"]]);
    expect(await write(setup, summaryPlan())).toEqual(["校验汇总 (2)"]);
    expect(await write(setup, summaryPlan("再来一次"))).toEqual(["校验汇总 (2)"]);
    expect(setup.wb.sheet("校验汇总").text("A1")).toBe("我自己的汇总");
    expect(setup.wb.sheet("校验汇总 (2)").text("A1")).toBe("再来一次");
    expect(setup.wb.sheets).toHaveLength(3);
  });

  it("reports a workbook whose structure is protected before writing (no sheet can be added)", async () => {
    const setup = setupSeed();
    setup.wb.structureProtected = true;
    await expect(write(setup, summaryPlan())).rejects.toMatchObject({ kind: "protectedWorkbook", message: expect.stringContaining("保护工作簿") });
    expect(setup.wb.sheets).toHaveLength(1);
  });

  it("reports a read-only workbook before writing", async () => {
    const setup = setupSeed("1.8");
    setup.wb.readOnly = true;
    await expect(write(setup, summaryPlan())).rejects.toMatchObject({ kind: "readOnly" });
    expect(setup.wb.sheets).toHaveLength(1);
  });
});

describe("link formulas and marking names", () => {
  it("quotes sheet names and doubles quotes inside the literals", () => {
    expect(hyperlinkFormula({ link: { sheet: `O'Neil "表"`, cell: "B2" }, text: `说"明"` })).toBe(`=HYPERLINK("#'O''Neil ""表""'!B2","说""明""")`);
    expect(hyperlinkFormula({ link: { sheet: "Sheet1", cell: "E7" }, text: "E7" })).toBe(`=HYPERLINK("#Sheet1!E7","E7")`);
  });

  it("reads the sheet a marking name points at", () => {
    expect(sheetOfFormula("='校验汇总 (2)'!$A$1")).toBe("校验汇总 (2)");
    expect(sheetOfFormula("='it''s'!$A$1")).toBe("it's");
    expect(sheetOfFormula("=Sheet1!$A$1")).toBe("Sheet1");
  });
});
