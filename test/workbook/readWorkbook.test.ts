import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { buildSampleWorkbook, SAMPLE_FILE_NAME, SAMPLE_SHEET_NAME } from "../../src/workbook/sampleWorkbook";
import { withChartSheet, xlsxBytes } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets", "samples", SAMPLE_FILE_NAME);
const SEED = fs.readFileSync(path.join(ROOT, "test", "fixtures", "files", "seed.tsv"), "utf8");

describe("the bundled sample workbook", () => {
  let values: CellValue[][];
  beforeAll(async () => {
    const data = await readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)));
    expect(data.sheets.map((s) => s.name)).toEqual([SAMPLE_SHEET_NAME]);
    values = data.sheets[0]!.values;
  });

  it("holds the seed line for line: line N is row N, tab-separated fields are columns", () => {
    const lines = SEED.split("\n");
    expect(values).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const expected = line.split("\t").map((t) => (t === "" ? null : t));
      const row = values[i]!.slice(0, Math.max(expected.length, 1));
      expect(line === "" ? values[i]!.every((v) => v === null) : row).toEqual(line === "" ? true : expected);
    });
  });

  it("has the title on row 3, the header on row 5 and the dash row on row 43", () => {
    expect(values[2]![0]).toBe("项目支出绩效目标表（含转移支付项目）");
    expect(values[4]).toEqual(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
    expect(String(values[42]![0])).toMatch(/^-+$/);
  });

  it("has 35 data rows between the header and the dash row, and both department spellings", () => {
    const data = values.slice(5, 42).filter((row) => row.some((v) => v !== null));
    expect(data).toHaveLength(35);
    const departments = new Set(data.map((row) => row[0]));
    expect(departments).toEqual(new Set(["中国共产党广州市花都区委员会组织部", "中国共产党广州市花都区委组织部"]));
  });

  it("is exactly what `npm run sample` writes today (regenerating changes no byte)", async () => {
    const built = await buildSampleWorkbook(SEED);
    expect(Buffer.from(built).equals(fs.readFileSync(SAMPLE))).toBe(true);
  });
});

describe("readWorkbook: every kind of cell value", () => {
  let values: CellValue[][];
  let info: Awaited<ReturnType<typeof readWorkbook>>["info"];
  beforeAll(async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("值");
      ws.getCell("A1").value = 42;
      ws.getCell("A2").value = new Date(Date.UTC(2025, 11, 31));
      ws.getCell("A3").value = true;
      ws.getCell("A4").value = { error: "#N/A" };
      ws.getCell("A5").value = { richText: [{ text: "1、产出指标：", font: { bold: true } }, { text: "资金拨付时效指标" }] };
      ws.getCell("A6").value = { formula: "A1*2", result: 84 };
      ws.getCell("A7").value = { formula: "A1-42", result: 0 };
      ws.getCell("A8").value = { formula: 'A5&"。"', result: "1、产出指标：资金拨付时效指标。" };
      ws.getCell("A9").value = { formula: "A1*3" };
      ws.getCell("A10").value = { text: "财政部通知", hyperlink: "https://www.mof.gov.cn/" };
      ws.getCell("A11").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A12").value = "=SUM(A1)";
      ws.getCell("A13").value = { formula: "A3", result: false };

      // A two-row header merged down, a department merged down over three projects, and a
      // title merged across: see merges.ts for what each becomes.
      ws.getCell("C1").value = "项目支出绩效目标表";
      ws.mergeCells("C1:E1");
      ws.getCell("C2").value = "主管部门";
      ws.mergeCells("C2:C3");
      ws.getCell("D3").value = "项目名称";
      ws.getCell("C4").value = "花都区委组织部";
      ws.mergeCells("C4:C6");
      ws.getCell("D4").value = "项目甲";
      ws.getCell("D5").value = "项目乙";
      ws.getCell("D6").value = "项目丙";
      // a project drawn as a tall merged row: row 21 continues row 20 and holds nothing new
      ws.getCell("C20").value = "花都区财政局";
      ws.getCell("D20").value = "项目丁";
      ws.mergeCells("C20:C21");
      ws.mergeCells("D20:D21");

      ws.getRow(5).hidden = true;
      ws.getColumn(4).hidden = true;
      wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "x";
      wb.addWorksheet("深度隐藏", { state: "veryHidden" }).getCell("A1").value = "y";
    });
    const data = await readWorkbook(bytes);
    values = data.sheets[0]!.values;
    info = data.info;
  });

  const at = (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return values[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] ?? null;
  };

  it.each<[string, string, CellValue]>([
    ["a number", "A1", 42],
    ["a boolean", "A3", true],
    ["an error value, as its text", "A4", "#N/A"],
    ["rich text, as its plain text", "A5", "1、产出指标：资金拨付时效指标"],
    ["a formula, as its cached result", "A6", 84],
    ["a formula whose cached result is 0, as 0", "A7", 0],
    ["a formula with a text result", "A8", "1、产出指标：资金拨付时效指标。"],
    ["a formula with no cached result, as its text after `=`", "A9", "=A1*3"],
    ["a hyperlink, as its display text", "A10", "财政部通知"],
    ["a formula whose result is an error, as the error text", "A11", "#DIV/0!"],
    ["text that looks like a formula, as that text", "A12", "=SUM(A1)"],
    ["a formula whose cached result is false, as false", "A13", false],
  ])("reads %s (%s)", (_, address, expected) => {
    expect(at(address)).toEqual(expected);
  });

  it("reads a date as a Date", () => {
    expect(at("A2")).toEqual(new Date(Date.UTC(2025, 11, 31)));
  });

  it("copies a block merged down into every row it covers, in its left column only", () => {
    expect([at("C4"), at("C5"), at("C6")]).toEqual(["花都区委组织部", "花都区委组织部", "花都区委组织部"]);
    expect([at("C2"), at("C3")]).toEqual(["主管部门", "主管部门"]);
  });

  it("keeps a block merged across in its top-left cell only", () => {
    expect([at("C1"), at("D1"), at("E1")]).toEqual(["项目支出绩效目标表", null, null]);
  });

  it("leaves a row that only continues merged blocks from above blank, so it is not read twice", () => {
    expect([at("C20"), at("D20")]).toEqual(["花都区财政局", "项目丁"]);
    expect(values[20]!.every((v) => v === null)).toBe(true);
  });

  it("reads hidden rows and columns like the others and lists them", () => {
    expect(at("D5")).toBe("项目乙");
    expect(info[0]).toMatchObject({ hiddenRowIndexes: [4], hiddenColumnIndexes: [3] });
  });

  it("reports each sheet's state", () => {
    expect(info.map((i) => [i.name, i.state])).toEqual([
      ["值", "visible"],
      ["隐藏", "hidden"],
      ["深度隐藏", "veryHidden"],
    ]);
  });
});

describe("readWorkbook: sheets without cells", () => {
  it("skips a chart sheet", async () => {
    const bytes = await withChartSheet(await xlsxBytes((wb) => void (wb.addWorksheet("绩效目标表").getCell("A1").value = "主管部门")), "按规则统计图");
    const data = await readWorkbook(bytes);
    expect(data.sheets.map((s) => s.name)).toEqual(["绩效目标表"]);
  });
});
