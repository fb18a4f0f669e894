import ExcelJS from "exceljs";
import { removeRows } from "../../src/workbook/removeRows";
import { loadBack, mergesOf, xlsxBytes } from "./helpers";

/** Column A: a department merged over rows 2–5; column C: one project per row. */
async function table(): Promise<ExcelJS.Worksheet> {
  const bytes = await xlsxBytes((wb) => {
    const ws = wb.addWorksheet("绩效目标表");
    ws.getRow(1).values = ["主管部门", "预算单位", "项目名称"];
    ws.getCell("A2").value = "花都区委组织部";
    ws.mergeCells("A2:A5");
    ["项目甲", "项目乙", "项目丙", "项目丁", "-----", ""].forEach((p, i) => {
      if (p) ws.getCell(`C${2 + i}`).value = p;
    });
    ws.getRow(4).hidden = true;
    ws.getCell("B8").value = "合计";
    ws.mergeCells("B8:C9");
  });
  return (await loadBack(bytes)).getWorksheet("绩效目标表")!;
}

const column = (ws: ExcelJS.Worksheet, letter: string) =>
  Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(`${letter}${i + 1}`).value ?? null);

describe("removeRows", () => {
  it("keeps a merged block's value when its top row goes, and shrinks the block", async () => {
    const ws = await table();
    removeRows(ws, [1]); // row 2, the top of A2:A5
    expect(mergesOf(ws)).toEqual(["A2:A4", "B7:C8"]);
    expect(ws.getCell("A2").value).toBe("花都区委组织部");
    expect(column(ws, "C").slice(0, 6)).toEqual(["项目名称", "项目乙", "项目丙", "项目丁", "-----", null]);
    expect(ws.getCell("B7").value).toBe("合计");
  });

  it("moves the hidden flag with its row", async () => {
    const ws = await table();
    removeRows(ws, [1]);
    expect([ws.getRow(3).hidden, ws.getRow(4).hidden]).toEqual([true, false]);
  });

  it("drops a merged block made only of removed rows, and removes trailing rows entirely", async () => {
    const ws = await table();
    removeRows(ws, [5, 7, 8]); // the dash row and the whole 合计 block
    expect(mergesOf(ws)).toEqual(["A2:A5"]);
    expect(ws.rowCount).toBe(6);
    expect(column(ws, "C")).toEqual(["项目名称", "项目甲", "项目乙", "项目丙", "项目丁", null]);
  });

  it("does nothing for an empty list", async () => {
    const ws = await table();
    removeRows(ws, []);
    expect(mergesOf(ws)).toEqual(["A2:A5", "B8:C9"]);
    expect(ws.rowCount).toBe(9);
  });
});
