import { FakeContext, FakeWorkbook, installFakeExcel } from "../fakes/fakeExcel";

/** The fake must refuse what Excel refuses, or the other tests prove nothing. */
describe("the fake Excel", () => {
  const setup = () => {
    const wb = new FakeWorkbook("1.9");
    wb.addSheet("表").setRows([["a", "b"]]);
    const installed = installFakeExcel(wb);
    return { wb, ctx: new FakeContext(wb) as unknown as Excel.RequestContext, installed };
  };

  it("refuses a property that was loaded but not yet synced", async () => {
    const { ctx, installed } = setup();
    const range = ctx.workbook.worksheets.getItem("表").getRange("A1");
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([["a"]]);
    installed.uninstall();
  });

  it("turns =, + and - strings into formulas unless the cell is formatted as text", async () => {
    const { wb, ctx, installed } = setup();
    const ws = ctx.workbook.worksheets.getItem("表");
    ws.getRange("A2:C2").values = [["=100%", "-5%", "+86"]];
    const text = ws.getRange("A3:B3");
    text.numberFormat = [["@", "@"]];
    text.values = [["=100%", "-5%"]];
    await ctx.sync();
    expect(wb.sheet("表").at("A2")).toMatchObject({ formula: "=100%", value: 1 });
    expect(wb.sheet("表").at("B2")).toMatchObject({ formula: "=-5%", value: -0.05 });
    expect(wb.sheet("表").text("A3")).toBe("=100%");
    expect(wb.sheet("表").text("B3")).toBe("-5%");
    installed.uninstall();
  });

  it("rejects getRanges address lists of 8,192 characters and APIs the host lacks", async () => {
    const { wb, ctx, installed } = setup();
    const long = Array.from({ length: 1500 }, (_, i) => `E${2 * i + 10}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    ctx.workbook.worksheets.getItem("表").getRanges(long).format.fill.color = "#FFC7CE";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    wb.api = "1.8";
    ctx.workbook.worksheets.getItem("表").getRanges("A1").format.fill.color = "#FFC7CE";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    installed.uninstall();
  });

  it("reads a merged block's value in its top-left cell only, and lists merged areas on 1.13 hosts only", async () => {
    const { wb, ctx, installed } = setup();
    const sheet = wb.sheet("表").setRows([["a", "b"], ["c", "d"]]).merge("A1:A2");
    const ws = ctx.workbook.worksheets.getItem("表");
    const range = ws.getRange("A1:B2").load("values");
    await ctx.sync();
    expect(range.values).toEqual([["a", "b"], ["", "d"]]);
    // ExcelApi 1.9: the call itself fails the sync.
    ws.getRange("A1:B2").getMergedAreasOrNullObject().load("areaCount");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });

    wb.api = "1.13";
    const merged = ws.getRange("A1:B2").getMergedAreasOrNullObject();
    merged.load("areaCount");
    merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    // Only blocks whose top-left cell lies in the range (office-js#3611).
    const below = ws.getRange("A2:B2").getMergedAreasOrNullObject();
    below.load("areaCount");
    below.areas.load("items/rowIndex");
    expect(() => merged.isNullObject).toThrow(/isNullObject/);
    await ctx.sync();
    expect(merged.isNullObject).toBe(false);
    expect(merged.areas.items.map((r) => [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount])).toEqual([[0, 0, 2, 1]]);
    expect(below.isNullObject).toBe(true);
    expect(() => below.areas.items).toThrow(/null object/);

    for (let r = 0; r < 513; r++) sheet.merge(`C${r + 1}:D${r + 1}`);
    ws.getRange("A1:D513").getMergedAreasOrNullObject().load("areaCount");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    ws.getRange("C1:D512").getMergedAreasOrNullObject().load("areaCount");
    await ctx.sync();
    expect(() => sheet.merge("A2:B3")).toThrow(/overlaps/);
    installed.uninstall();
  });

  it("fails a sync whose request is over the payload limit, and writes to protected sheets", async () => {
    const { wb, ctx, installed } = setup();
    wb.requestLimit = 1000;
    ctx.workbook.worksheets.getItem("表").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["x".repeat(20)]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    wb.requestLimit = 5e6;
    wb.sheet("表").protected = true;
    ctx.workbook.worksheets.getItem("表").getRange("A1").values = [["y"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(wb.sheet("表").text("A1")).toBe("a");
    expect(wb.syncCount).toBe(2);
    installed.uninstall();
  });
});
