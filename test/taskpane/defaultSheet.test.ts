import { defaultSheet } from "../../src/taskpane/hooks/useFileMode";

describe("the sheet the file mode opens first", () => {
  it("is the first visible sheet that is no instructions sheet (the command line passes over the same)", () => {
    const sheets = [
      { name: "填报说明", state: "visible" as const, rowCount: 20, columnCount: 6 },
      { name: "隐藏", state: "hidden" as const, rowCount: 3, columnCount: 5 },
      { name: "医保局", state: "visible" as const, rowCount: 4, columnCount: 7 },
    ];
    expect(defaultSheet(sheets)).toBe("医保局");
  });

  it("is the first visible sheet when every visible sheet is instructions", () => {
    expect(defaultSheet([{ name: "填表说明", state: "visible", rowCount: 3, columnCount: 1 }])).toBe("填表说明");
    expect(defaultSheet([])).toBeUndefined();
  });
});
