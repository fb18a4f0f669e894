import type { HostRun, Settings } from "../../src/app/host";
import { buildReport, checkSheetTables } from "../../src/core/check";
import type { Report, SheetSnapshot } from "../../src/core/model";
import { runExcel } from "../../src/excel/errors";
import { createExcelHost } from "../../src/excel/excelHost";
import { readActiveTable, type TableRead } from "../../src/excel/readTable";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { FakeWorkbook, installFakeExcel, type ApiVersion, type Scalar } from "../fakes/fakeExcel";
import { supportOf } from "./helpers";
import { xlsxOf } from "./xlsx";

/**
 * Merged cells on ExcelApi 1.13: Range.values gives a merged block's value in its top-left cell
 * only, so the reader lists the merged areas and fills them as the file readers do. The check in
 * Excel must then say what the command line and the browser file mode say of the same table.
 */

const SHEET = "绩效目标表";
const SETTINGS: Settings = { options: { lang: "zh" }, highlight: true };
const installs: { uninstall(): void }[] = [];
afterEach(() => {
  while (installs.length > 0) installs.pop()?.uninstall();
});

const cell = (people: number) =>
  `1、产出指标：培训人数，年度指标值：≥${people}人。2、效益指标：政策知晓率，年度指标值：≥90%。3、满意度指标：参训人员满意度，年度指标值：≥90%。`;

/**
 * 区财政局 writes its 主管部门 and 预算单位 once, merged down over its three projects (A3:B6);
 * 项目乙 is merged over two rows (C4:D5), its indicators written in both; 项目丁 is drawn as a
 * tall merged row (A7:E8); the title is merged across the table (A1:E1).
 */
function mergedWorkbook(api: ApiVersion): FakeWorkbook {
  const wb = new FakeWorkbook(api);
  const ws = wb.addSheet(SHEET);
  const rows: (Scalar | null)[][] = [
    ["项目支出绩效目标表"],
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ["区财政局", "区财政局", "项目甲", "目标甲", cell(100)],
    [null, null, "项目乙", "目标乙", "1、产出指标：培训人数，年度指标值：≥200人。2、效益指标：政策知晓率，年度指标值：≥90%。"],
    [null, null, null, null, "1、满意度指标：参训人员满意度，年度指标值：≥90%。2、成本指标：培训成本，年度指标值：≤5万元。"],
    [null, null, "项目丙", "目标丙", cell(300)],
    ["区教育局", "区教育局", "项目丁", "目标丁", cell(400)],
    [],
    ["区教育局", "区教育局", "项目戊", "目标戊", cell(500)],
  ];
  ws.setRows(rows);
  for (const block of ["A1:E1", "A3:A6", "B3:B6", "C4:C5", "D4:D5", "A7:A8", "B7:B8", "C7:C8", "D7:D8", "E7:E8"]) ws.merge(block);
  wb.selection = { sheet: SHEET, areas: ["A1"] };
  installs.push(installFakeExcel(wb));
  return wb;
}

/** `projects` projects drawn over two rows each (项目名称 and 绩效目标 merged, an indicator cell
 * on each row), under departments of 50 projects whose 主管部门/预算单位 are merged down. */
function manyMergesWorkbook(api: ApiVersion, projects: number): FakeWorkbook {
  const wb = new FakeWorkbook(api);
  const ws = wb.addSheet(SHEET);
  ws.setRows([["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]]);
  for (let p = 0; p < projects; p++) {
    const row = 1 + 2 * p;
    const department = `第${Math.floor(p / 50) + 1}局`;
    const head = p % 50 === 0 ? [department, department] : [null, null];
    ws.setRows(
      [
        [...head, `项目${p + 1}`, `目标${p + 1}`, "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：政策知晓率，年度指标值：≥90%。"],
        [null, null, null, null, "1、满意度指标：参训人员满意度，年度指标值：≥90%。"],
      ],
      row,
    );
    ws.merge(`C${row + 1}:C${row + 2}`).merge(`D${row + 1}:D${row + 2}`);
    if (p % 50 === 0) {
      const last = Math.min(projects, p + 50) * 2 + 1;
      ws.merge(`A${row + 1}:A${last}`).merge(`B${row + 1}:B${last}`);
    }
  }
  wb.selection = { sheet: SHEET, areas: ["A1"] };
  installs.push(installFakeExcel(wb));
  return wb;
}

async function hostCheck(): Promise<HostRun> {
  return createExcelHost({ retryDelayMs: 0 }).check(SETTINGS, () => undefined, new AbortController().signal);
}

async function readTable(wb: FakeWorkbook): Promise<TableRead> {
  return runExcel((context) => readActiveTable(context, supportOf(wb.api)), { retryDelayMs: 0 });
}

/** The sheet as the command line and the browser file mode read it (readWorkbook, fillMerges). */
async function fileSnapshot(wb: FakeWorkbook): Promise<SheetSnapshot> {
  const data = await readWorkbook(await xlsxOf(wb));
  return data.sheets[0]!;
}

/** What the file modes report of the sheet: every table of it checked, as the host checks them. */
function fileReport(snapshot: SheetSnapshot): Report {
  return buildReport(checkSheetTables(snapshot, SETTINGS.options).flatMap((o) => (o.ok ? [o.check] : [])));
}

/** The snapshot moved to sheet row 0, column 0, as the file readers give it. */
function atOrigin(read: SheetSnapshot): Pick<SheetSnapshot, "values" | "mergedRowIndexes" | "mergeCopies"> {
  const top = read.originRowIndex ?? 0;
  const left = read.originColumnIndex ?? 0;
  const values = [...Array.from({ length: top }, () => []), ...read.values.map((row) => [...Array.from({ length: left }, () => null), ...row])];
  return { values, ...(read.mergedRowIndexes ? { mergedRowIndexes: read.mergedRowIndexes } : {}), ...(read.mergeCopies ? { mergeCopies: read.mergeCopies } : {}) };
}

describe("a table with merged 主管部门, 预算单位 and project cells", () => {
  it("is checked on a 1.13 host exactly as the file modes check it", async () => {
    const wb = mergedWorkbook("1.13");
    const run = await hostCheck();
    const expected = fileReport(await fileSnapshot(wb));
    expect(run.report.issues).toEqual(expected.issues);
    expect(run.report.normalized).toEqual(expected.normalized);
    expect(run.report.sheets).toEqual(expected.sheets);
    // No blank-row notice for the tall row's lower half, every row under its 主管部门 and
    // 预算单位, and 项目乙's indicators from both of its rows under its name.
    expect(run.report.issues.filter((i) => ["row_skipped", "project_name_missing", "too_few_indicators"].includes(i.code))).toEqual([]);
    expect(new Set(run.report.normalized.map((n) => `${n.rowNumber} ${n.department} ${n.unit} ${n.project}`))).toEqual(
      new Set(["3 区财政局 区财政局 项目甲", "4 区财政局 区财政局 项目乙", "5 区财政局 区财政局 项目乙", "6 区财政局 区财政局 项目丙", "7 区教育局 区教育局 项目丁", "9 区教育局 区教育局 项目戊"]),
    );
  });

  it("reads the snapshot the file readers read, in one more sync", async () => {
    const wb = mergedWorkbook("1.13");
    const read = await readTable(wb);
    const file = await fileSnapshot(wb);
    expect(read.snapshot.mergedRowIndexes).toEqual([7]);
    expect(read.snapshot.mergeCopies).toEqual(new Map([[3, [0, 1]], [4, [0, 1, 2, 3]], [5, [0, 1]]]));
    expect(atOrigin(read.snapshot)).toEqual({ values: file.values, mergedRowIndexes: file.mergedRowIndexes, mergeCopies: file.mergeCopies });
    // The selection and used range, the values, the merged areas.
    expect(wb.syncCount).toBe(3);
  });

  it("is read as before on a 1.9 host: the merged cells blank, the tall row's lower half a blank row", async () => {
    const wb = mergedWorkbook("1.9");
    const read = await readTable(wb);
    expect(read.snapshot.mergedRowIndexes).toBeUndefined();
    expect(read.snapshot.mergeCopies).toBeUndefined();
    expect(read.snapshot.values[3]).toEqual([null, null, "项目乙", "目标乙", expect.stringContaining("1、产出指标")]);
    expect(wb.syncCount).toBe(2);

    const run = await hostCheck();
    // 第8行是空行; 项目乙's second row is a project without a name, with too few indicators.
    expect(run.report.issues.filter((i) => i.code === "row_skipped").map((i) => i.rowNumber)).toEqual([8]);
    expect(run.report.issues.filter((i) => i.code === "project_name_missing").map((i) => i.cell)).toEqual(["C5"]);
    expect(run.report.normalized.filter((n) => n.rowNumber >= 4 && n.rowNumber <= 6).every((n) => n.department === "" && n.unit === "")).toBe(true);
    expect(run.report.issues).not.toEqual(fileReport(await fileSnapshot(wb)).issues);
  });

  it("writes the 主管部门 and 预算单位 of every row into 指标明细 on a 1.13 host, read again by sheet name", async () => {
    const wb = mergedWorkbook("1.13");
    const run = await hostCheck();
    // A new host has no check in memory: it reads the sheet again (readSheetByName).
    await createExcelHost({ retryDelayMs: 0, now: () => new Date(2025, 0, 31) }).writeSummary(run);
    const detail = wb.sheet("指标明细");
    const column = (title: string) => ["A", "B", "C", "D", "E", "F"].find((c) => detail.text(`${c}1`) === title)!;
    const [row, department, unit] = [column("行号"), column("主管部门"), column("预算单位")];
    const lines: string[] = [];
    for (let r = 2; detail.text(`${row}${r}`) !== ""; r++) lines.push(`${detail.text(`${row}${r}`)} ${detail.text(`${department}${r}`)} ${detail.text(`${unit}${r}`)}`);
    expect(lines.length).toBe(run.report.normalized.length);
    expect(lines.filter((l) => l.startsWith("5 ") || l.startsWith("6 "))).toEqual(expect.arrayContaining(["5 区财政局 区财政局", "6 区财政局 区财政局"]));
    expect(lines.every((l) => /^\d+ 区(财政|教育)局 区(财政|教育)局$/.test(l))).toBe(true);
  });
});

describe("reading merged areas never fails the read", () => {
  it("splits the rows in halves when Excel refuses more than 512 merged areas", async () => {
    const wb = manyMergesWorkbook("1.13", 400); // 800 project merges in 801 rows
    const read = await readTable(wb);
    const file = await fileSnapshot(wb);
    expect(atOrigin(read.snapshot)).toEqual({ values: file.values, mergedRowIndexes: file.mergedRowIndexes, mergeCopies: file.mergeCopies });
    // Selection, values, the whole range refused, then each half.
    expect(wb.syncCount).toBe(5);
    const run = await hostCheck();
    const expected = fileReport(file);
    expect(run.report.issues).toEqual(expected.issues);
    expect(run.report.normalized).toEqual(expected.normalized);
  });

  it("reads the rest in one sync once a part size works, and part by part if that sync fails", async () => {
    const wb = manyMergesWorkbook("1.13", 900); // 1,836 merged areas in 1,801 rows
    const file = await fileSnapshot(wb);
    const read = await readTable(wb);
    expect(atOrigin(read.snapshot)).toEqual({ values: file.values, mergedRowIndexes: file.mergedRowIndexes, mergeCopies: file.mergeCopies });
    // Selection, values, 1,801 and 901 rows refused, 451 rows read (462 areas at most), the
    // other three parts of 451 rows in one sync.
    expect(wb.syncCount).toBe(6);

    const again = manyMergesWorkbook("1.13", 900);
    // The sync carrying the three parts fails (a denser stretch in one of them): one by one.
    again.faults.push({ match: (op) => op.kind === "load:mergedAreas" && again.syncCount === 6, code: "GeneralException", times: Number.POSITIVE_INFINITY });
    const slow = await readTable(again);
    expect(atOrigin(slow.snapshot)).toEqual({ values: file.values, mergedRowIndexes: file.mergedRowIndexes, mergeCopies: file.mergeCopies });
    expect(again.syncCount).toBe(9);
  });

  it("keeps today's reading where the merged areas cannot be read at all, in a bounded number of syncs", async () => {
    const old = await readTable(manyMergesWorkbook("1.9", 400));
    const wb = manyMergesWorkbook("1.13", 400);
    wb.faults.push({ match: (op) => op.kind === "load:mergedAreas", code: "GeneralException", times: Number.POSITIVE_INFINITY });
    const read = await readTable(wb);
    expect(read.snapshot).toEqual(old.snapshot);
    // Selection, values, then 16 refused merged-area syncs at most.
    expect(wb.syncCount).toBe(2 + 16);

    const small = mergedWorkbook("1.13");
    small.faults.push({ match: (op) => op.kind === "load:mergedAreas", code: "GeneralException", times: Number.POSITIVE_INFINITY });
    const smallRead = await readTable(small);
    expect(smallRead.snapshot.mergedRowIndexes).toBeUndefined();
    // Nine rows are under the smallest part: one refusal and the read goes on without merges.
    expect(small.syncCount).toBe(3);
  });

  it("runs the whole read again when Excel is in cell-edit mode during the merged areas", async () => {
    const wb = mergedWorkbook("1.13");
    wb.faults.push({ match: (op) => op.kind === "load:mergedAreas", code: "InvalidOperationInCellEditMode", times: 1 });
    const read = await readTable(wb);
    expect(read.snapshot.mergedRowIndexes).toEqual([7]);
    expect(wb.syncCount).toBe(6);
  });
});
