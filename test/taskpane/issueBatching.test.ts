import ExcelJS from "exceljs";
import { generateSheetValues } from "../../bench/generate";
import type { Issue } from "../../src/core/model";
import { indexIssues, indexIssuesInSlices } from "../../src/taskpane/model/issueIndex";
import { groupIssueRows, IssueRows } from "../../src/taskpane/model/issueRows";
import { createCheckSession, ISSUE_CHUNK, type WorkerResponse } from "../../src/workbook/check.worker";
import { createFileHost, inPageChannel } from "../../src/workbook/fileHost";
import { categoryUnknown, countsOf, labelMissing, normalized, percentOnCount, SEED_ISSUES, SHEET } from "./fixtures";

/**
 * A big table's ~3 issues a row must reach the page in modest messages and be indexed a slice
 * per task: one task holding them all is what froze the page for most of a second.
 */

/** The seed's four issues repeated on `rows` sheet rows (7, 8, …), sorted as the engine sorts. */
function manyIssues(rows: number): Issue[] {
  const out: Issue[] = [];
  for (let r = 0; r < rows; r++) {
    const rowNumber = 7 + r;
    for (const issue of SEED_ISSUES) out.push({ ...issue, cell: `E${rowNumber}`, rowNumber });
  }
  return out;
}

async function xlsxOf(values: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(SHEET);
  for (const row of values) ws.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("a big result reaches the page in batches", () => {
  test("the file host gets a generated table's issues in messages of at most ISSUE_CHUNK, and the index counts them all", async () => {
    const bytes = await xlsxOf(generateSheetValues({ rows: 1200, seed: 7 }));
    const batches: number[] = [];
    const host = createFileHost({
      storage: { getItem: () => null, setItem: () => undefined },
      startEngine: async (onMessage: (r: WorkerResponse) => void) =>
        inPageChannel(createCheckSession, (response) => {
          if (response.type === "issues") batches.push(response.issues.length);
          onMessage(response);
        }),
    });
    const sheets = await host.openFile(bytes, "花都区绩效目标表.xlsx");
    await host.chooseSheet(sheets[0]?.name ?? "");
    const run = await host.check({ options: {}, highlight: true }, () => undefined, new AbortController().signal);

    const total = run.report.issues.length;
    expect(total).toBeGreaterThan(2 * ISSUE_CHUNK);
    expect(batches.length).toBe(Math.ceil(total / ISSUE_CHUNK));
    expect(Math.max(...batches)).toBeLessThanOrEqual(ISSUE_CHUNK);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(total);

    const index = await indexIssuesInSlices(run.report.issues, { sliceSize: 500 });
    expect(index.counts).toEqual(run.report.counts);
    expect(index.ruleOptions.reduce((n, o) => n + o.count, 0)).toBe(total);
    host.dispose();
  }, 60_000);

  test("30,000 issues are indexed 1,000 a task, with progress, to the same counts, cells and rows as at once", async () => {
    const issues = manyIssues(7500);
    let pauses = 0;
    const fractions: number[] = [];
    const index = await indexIssuesInSlices(issues, {
      sliceSize: 1000,
      onProgress: (f) => fractions.push(f),
      yieldToPage: async () => {
        pauses++;
      },
    });
    expect(pauses).toBe(30);
    expect(fractions[0]).toBeCloseTo(1 / 30);
    expect(fractions[fractions.length - 1]).toBe(1);

    expect(index.counts).toEqual(countsOf(issues));
    expect(index.counts).toEqual({ error: 7500, warning: 15000, info: 7500 });
    expect(index.ruleOptions).toEqual(indexIssues(issues).ruleOptions);
    // Each row's cell holds an error, two warnings and an info: the error colours it.
    expect(index.flags.get(SHEET)?.get("E7")).toBe("error");
    expect(index.byCell.get(`${SHEET}\u0001E7`)).toHaveLength(4);
    expect(index.autoFixable).toHaveLength(15000);
    expect(index.rows.length).toBe(7500 + 30000);
    expect(index.rows.at(0)).toMatchObject({ kind: "group", rowNumber: 7, count: 4 });
    expect(index.rows.at(37499)).toMatchObject({ kind: "issue", issue: issues[29999] });
  });

  test("a cell's worst severity colours it: an error beats the warnings of the same cell", () => {
    const e6error = { ...categoryUnknown, cell: "E6", rowNumber: 6 };
    const index = indexIssues([labelMissing, normalized, e6error, percentOnCount]);
    expect(index.flags.get(SHEET)?.get("E6")).toBe("error");
    expect(index.flags.get(SHEET)?.get("E8")).toBe("warning");
  });

  test("取消 between slices stops the indexing", async () => {
    const abort = new AbortController();
    const indexing = indexIssuesInSlices(manyIssues(3000), {
      sliceSize: 1000,
      signal: abort.signal,
      yieldToPage: async () => abort.abort(),
    });
    await expect(indexing).rejects.toMatchObject({ name: "AbortError" });
  });

  test("the indexed list rows are the grouped rows, made only when asked for", () => {
    const issues = manyIssues(50);
    const rows = IssueRows.of(issues);
    expect(Array.from({ length: rows.length }, (_, i) => rows.at(i))).toEqual(groupIssueRows(issues));
    const e9 = issues.find((i) => i.cell === "E9" && i.code === "category_unknown")!;
    expect(rows.at(rows.indexOfIssue(e9))).toMatchObject({ kind: "issue", issue: e9 });
    expect(rows.isIssue(0)).toBe(false);
    expect(rows.at(rows.length)).toBeUndefined();
  });
});

describe("the annotated download after fixes", () => {
  test("holds the texts the check read: the user's fixes, with no fill left for what they fixed", async () => {
    const before = "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：知晓率，≥90%。3、满意度指标：学员满意度，年度指标值：≥90%。4、成本指标：人均培训成本，年度指标值：≤500元。";
    const bytes = await xlsxOf([
      ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
      ["区委组织部", "区委组织部", "干部培训", "提升能力", before],
    ]);
    const saved: Uint8Array[] = [];
    const host = createFileHost({
      storage: { getItem: () => null, setItem: () => undefined },
      save: (data) => void saved.push(data),
      startEngine: async (onMessage: (r: WorkerResponse) => void) => inPageChannel(createCheckSession, onMessage),
    });
    await host.openFile(bytes, "培训表.xlsx");
    await host.chooseSheet(SHEET);
    const run = await host.check({ options: {}, highlight: true }, () => undefined, new AbortController().signal);
    const label = run.report.issues.filter((i) => i.code === "value_label_missing");
    expect(label.map((i) => i.cell)).toEqual(["E2"]);
    await host.applyFixes(await host.previewFixes(label));
    const after = await host.check({ options: {}, highlight: true }, () => undefined, new AbortController().signal);
    expect(after.report.counts.warning).toBe(0);

    await host.downloadAnnotated();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0] as unknown as ArrayBuffer);
    const e2 = workbook.getWorksheet(SHEET)?.getCell("E2");
    expect(e2?.value).toBe(before.replace("知晓率，≥90%", "知晓率，年度指标值：≥90%"));
    expect((e2?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    host.dispose();
  }, 60_000);
});
