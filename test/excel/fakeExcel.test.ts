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
