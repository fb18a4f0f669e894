import { HostError } from "../../src/app/host";
import { runExcel } from "../../src/excel/errors";
import { cellValueOf, isDateFormat, readActiveTable } from "../../src/excel/readTable";
import { SEED_SHEET, setupSeed, uninstallAll, type Setup } from "./helpers";

afterEach(uninstallAll);

async function read(setup: Setup, ...areas: string[]) {
  await setup.wb.select(SEED_SHEET, ...areas);
  return runExcel((context) => readActiveTable(context, setup.support), { retryDelayMs: 0 });
}

/** Sheet rows (1-based) of a scope, for assertions that read like the sheet. */
function rowNumbers(scope: ReadonlySet<number> | undefined): number[] | undefined {
  return scope && [...scope].map((r) => r + 1).sort((a, b) => a - b);
}

describe("reading the table around the selection", () => {
  it("reads the whole used range from the title down, with the header, for a single cell", async () => {
    const setup = setupSeed();
    const table = await read(setup, "E10");
    expect(table.scopeRowIndexes).toBeUndefined();
    expect(table.snapshot.originRowIndex).toBe(2); // the title on row 3
    expect(table.snapshot.values).toHaveLength(41); // rows 3 … 43
    expect(table.snapshot.values[2]).toEqual(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
  });

  it("reports only the selected rows of a row range, a selection below the header included", async () => {
    const setup = setupSeed();
    const table = await read(setup, "A12:E14");
    expect(rowNumbers(table.scopeRowIndexes)).toEqual([12, 13, 14]);
    // The header on row 5 was not selected but is read.
    expect(table.snapshot.values[2]?.[4]).toBe("绩效指标");
  });

  it("joins the rows of every area of a multi-area selection (ExcelApi 1.9)", async () => {
    const setup = setupSeed("1.9");
    const table = await read(setup, "E8:E9", "C20");
    expect(rowNumbers(table.scopeRowIndexes)).toEqual([8, 9, 20]);
    const cells = await read(setup, "E8", "E12");
    expect(rowNumbers(cells.scopeRowIndexes)).toEqual([8, 12]);
  });

  it("reads a whole column or the whole sheet as the table around it, not a million rows", async () => {
    const setup = setupSeed();
    for (const area of ["E:E", "A1:XFD1048576"]) {
      const table = await read(setup, area);
      expect(table.scopeRowIndexes).toBeUndefined();
      expect(table.snapshot.values).toHaveLength(41);
    }
  });

  it("treats rows wholly outside the used range as the whole table", async () => {
    const setup = setupSeed();
    const table = await read(setup, "A100:C120");
    expect(table.scopeRowIndexes).toBeUndefined();
  });

  it("uses getSelectedRange on a 1.7 host (the fake refuses 1.9 APIs there)", async () => {
    const setup = setupSeed("1.7");
    const table = await read(setup, "B7:E9");
    expect(rowNumbers(table.scopeRowIndexes)).toEqual([7, 8, 9]);
  });

  it("reads in one sync for the selection and one per block of rows", async () => {
    const setup = setupSeed();
    await read(setup, "E10");
    expect(setup.wb.syncCount).toBe(2);
  });

  it("shrinks the block when the response is too large, and gives up only on a single row", async () => {
    const setup = setupSeed();
    setup.wb.responseLimit = 8_000;
    const table = await read(setup, "E10");
    expect(table.snapshot.values).toHaveLength(41);
    expect(table.snapshot.values[40]?.[2]).toBe(setup.ws.text("C43"));
    setup.wb.responseLimit = 100;
    await expect(read(setup, "E10")).rejects.toMatchObject({ kind: "payloadTooLarge" });
  });

  it("says a chart is selected instead of failing obscurely", async () => {
    const setup = setupSeed();
    setup.wb.selectChart();
    const failure = await runExcel((context) => readActiveTable(context, setup.support), { retryDelayMs: 0 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ kind: "notRange" });
  });
});

describe("cell values as the core wants them", () => {
  it("turns date-formatted serials into UTC dates and leaves other numbers alone", () => {
    expect(cellValueOf(45292, "yyyy-mm-dd")).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(cellValueOf(45292, 'yyyy"年"m"月"d"日"')).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(cellValueOf(12, "General")).toBe(12);
    expect(cellValueOf(0.9, "0.00")).toBe(0.9);
    expect(cellValueOf("", "General")).toBeNull();
  });

  it("reads a number shown as a percentage as the text the user sees, every digit kept", () => {
    // An item-per-row 指标值 of 0.95 formatted 0% is “95%” to the user, not a unitless 0.95.
    expect(cellValueOf(0.95, "0%")).toBe("95%");
    expect(cellValueOf(0.955, "0%")).toBe("95.5%");
    expect(cellValueOf(0.07, "0.00%")).toBe("7%");
    expect(cellValueOf(-0.1, "0.0%;[Red]-0.0%")).toBe("-10%");
    expect(cellValueOf("≥95%", "0%")).toBe("≥95%");
  });

  it("reads a number with printed words or signs around it as the text the user sees", () => {
    // `0"%"` and `0\%` print a sign after the number: 95 shows as 95%.
    expect(cellValueOf(95, '0"%"')).toBe("95%");
    expect(cellValueOf(95, "0\\%")).toBe("95%");
    expect(cellValueOf(0.9, '"≥"0%')).toBe("≥90%");
    expect(cellValueOf(200, '0"人次"')).toBe("200人次");
    expect(cellValueOf(1500000, '#,##0"元"')).toBe("1500000元");
    expect(cellValueOf(12.5, '[$-804]0.0"万元";[Red]"-"0.0"万元"')).toBe("12.5万元");
    expect(cellValueOf(-3, '0"天";"提前"0"天"')).toBe("提前3天");
    // Plain codes, a currency sign, scientific and fractions stay numbers.
    // Chinese currency and accounting formats: the sign quoted or not, the amount stays a number.
    expect(cellValueOf(2800000, '"¥"#,##0.00;"¥"\\-#,##0.00')).toBe(2800000);
    expect(cellValueOf(0, '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ')).toBe(0);
    expect(cellValueOf(12, '_ "￥"* #,##0.00_ ;_ "￥"* \\-#,##0.00_ ;_ "￥"* "-"??_ ;_ @_ ')).toBe(12);
    for (const format of ["0.00", "#,##0", "#,##0.00_);(#,##0.00)", "¥#,##0.00", "[$¥-804]#,##0.00", "0.00E+00", "# ?/?", "@"]) {
      expect([format, cellValueOf(1234.5, format)]).toEqual([format, 1234.5]);
    }
  });

  it("does not mistake colour sections or quoted words for date codes", () => {
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(isDateFormat('0"天"')).toBe(false);
    expect(isDateFormat("#,##0")).toBe(false);
    expect(isDateFormat("h:mm")).toBe(true);
  });
});
