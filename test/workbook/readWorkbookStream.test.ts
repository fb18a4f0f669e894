import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SheetSnapshot } from "../../src/core/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { streamSheets, type StreamedSheetInfo } from "../../src/workbook/readWorkbookStream.node";
import { SAMPLE_FILE_NAME } from "../../src/workbook/sampleWorkbook";
import { withChartSheet, xlsxBytes } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "stream-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function streamAll(file: string): Promise<[SheetSnapshot, StreamedSheetInfo][]> {
  const out: [SheetSnapshot, StreamedSheetInfo][] = [];
  await streamSheets(file, (sheet, info) => {
    out.push([sheet, info]);
  });
  return out;
}

describe("streamSheets", () => {
  it("reads the bundled sample exactly like readWorkbook", async () => {
    const file = path.resolve(__dirname, "../../assets/samples", SAMPLE_FILE_NAME);
    const streamed = await streamAll(file);
    const loaded = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
    expect(streamed.map(([s]) => s)).toEqual(loaded.sheets);
  });

  it("gives the same values as readWorkbook for every value kind, merges and sheet state, in tab order", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("绩效目标表");
      ws.getRow(2).values = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标", "日期", "金额"];
      ws.getCell("A3").value = "花都区委组织部";
      ws.mergeCells("A3:A5");
      ["项目甲", "项目乙", "项目丙"].forEach((p, i) => {
        ws.getCell(`C${3 + i}`).value = p;
        ws.getCell(`E${3 + i}`).value = { richText: [{ text: `${i + 1}、产出指标：`, font: { bold: true } }, { text: "培训人数，年度指标值：≥80人。" }] };
        ws.getCell(`F${3 + i}`).value = new Date(Date.UTC(2025, i, 1));
        ws.getCell(`G${3 + i}`).value = 10 * (i + 1);
      });
      ws.getCell("G6").value = { formula: "SUM(G3:G5)", result: 60 };
      ws.getCell("G7").value = { formula: "G6-60", result: 0 };
      ws.getCell("G8").value = { formula: 'IF(G6>0,"有","无")', result: "有" };
      ws.getCell("B9").value = true;
      ws.getCell("C9").value = { text: "链接", hyperlink: "https://example.org" };
      ws.getCell("D9").value = { error: "#N/A" };
      wb.addWorksheet("隐藏", { state: "hidden" }).getCell("B2").value = "隐藏表";
      wb.addWorksheet("说明").getCell("A1").value = "=不是公式";
    });
    const file = path.join(dir, "kinds.xlsx");
    fs.writeFileSync(file, bytes);
    const streamed = await streamAll(file);
    const loaded = await readWorkbook(bytes);
    expect(streamed.map(([s]) => s)).toEqual(loaded.sheets);
    expect(streamed.map(([, i]) => [i.index, i.name, i.state])).toEqual([
      [0, "绩效目标表", "visible"],
      [1, "隐藏", "hidden"],
      [2, "说明", "visible"],
    ]);
    expect(streamed[0]![0].values[4]![0]).toBe("花都区委组织部");
  });

  it("skips a chart sheet without holding back the sheets after it", async () => {
    const plain = await xlsxBytes((wb) => {
      wb.addWorksheet("绩效目标表").getCell("A1").value = "主管部门";
      wb.addWorksheet("说明").getCell("A1").value = "说明";
    });
    const file = path.join(dir, "chart.xlsx");
    fs.writeFileSync(file, await withChartSheet(plain, "图表"));
    expect((await streamAll(file)).map(([s, i]) => [i.index, s.name])).toEqual([
      [0, "绩效目标表"],
      [1, "说明"],
    ]);
  });

  it("reads a 20,000-row sheet", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("大表");
      ws.addRow(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
      for (let i = 0; i < 20000; i++) ws.addRow(["部门", `单位${i % 50}`, `项目${i}`, "目标", `1、产出指标：指标${i}，年度指标值：≥${i % 100}%。`]);
    });
    const file = path.join(dir, "big.xlsx");
    fs.writeFileSync(file, bytes);
    const [[sheet]] = (await streamAll(file)) as [[SheetSnapshot, StreamedSheetInfo]];
    expect(sheet.values).toHaveLength(20001);
    expect(sheet.values[20000]).toEqual(["部门", "单位49", "项目19999", "目标", "1、产出指标：指标19999，年度指标值：≥99%。"]);
  });
});
