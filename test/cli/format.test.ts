import type { WorkbookCheck } from "../../src/core/checkWorkbook";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import type { Issue, Lang, SheetSnapshot } from "../../src/core/model";
import { formatFileReport, writeFileReport } from "../../src/cli/format";
import { cliMessages } from "../../src/cli/messages";
import { ALL_RULES } from "../../src/core/rules/index";

/** The previous text report of src/cli/format.ts, verbatim, as the reference. */
function previousFormat(file: string, check: WorkbookCheck, lang: Lang): string {
  const t = cliMessages(lang);
  const lines: string[] = [file];
  for (const sheet of check.report.sheets) {
    const columns = Object.entries(sheet.columns)
      .map(([role, letter]) => `${role}=${letter}`)
      .join(", ");
    lines.push(`  ${t.sheetLine(sheet.name, sheet.headerRow, sheet.dataRows, sheet.indicators, columns)}`);
  }
  const c = check.report.counts;
  lines.push(`  ${t.countsLine(c.error, c.warning, c.info)}`);
  if (check.report.issues.length === 0) {
    lines.push(`  ${t.noIssues}`);
    return `${lines.join("\n")}\n`;
  }
  const many = check.report.sheets.length > 1;
  let current = "";
  for (const issue of check.report.issues) {
    const key = `${issue.sheet}\u0000${issue.rowNumber}`;
    if (key !== current) {
      current = key;
      lines.push("");
      lines.push(`  ${many ? `${issue.sheet} ` : ""}${t.rowHeading(issue.rowNumber)}`);
    }
    lines.push(`    ${previousIssueLine(issue, lang)}`);
  }
  return `${lines.join("\n")}\n`;
}

function previousIssueLine(issue: Issue, lang: Lang): string {
  const t = cliMessages(lang);
  const sev = t.severity[issue.severity].padEnd(lang === "zh" ? 2 : 7);
  const fix = issue.fix ? `  → ${issue.fix.description}` : "";
  return `${issue.cell.padEnd(5)} [${sev}] ${issue.message} (${issue.code})${fix}`;
}

const CELLS = [
  "1、产出指标：培训人数，年度指标值：≥**人。2、效益指标：群众知晓率，年度指标值：≥9O%。3、满意度指标：群众满意度，年度指标值：≥90%。",
  "1、产出指标：资金拨付时效指标≥90%。2、效益指标：基层党建水平，合格。",
  "",
  "1、产出指标：经费拨付率，年度指标值：100%。2、产出指标：经费拨付率，年度指标值：≥100%。3、效益指标：培训人数，年度指标值：50%。",
];

function sheet(name: string, rows: number): SheetSnapshot {
  return {
    name,
    values: [["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"], ...Array.from({ length: rows }, (_, i) => ["区财政局", "区财政局", `项目${i}`, "目标", CELLS[i % CELLS.length]!])],
  };
}

describe("the text report", () => {
  it("is the previous text, in Chinese and English, for one sheet and for several", () => {
    for (const lang of ["zh", "en"] as const) {
      for (const sheets of [[sheet("表一", 300)], [sheet("表一", 200), sheet("表二", 150)]]) {
        const check = checkWorkbook(sheets, { lang }, { file: "x.xlsx" });
        expect(check.report.issues.length).toBeGreaterThan(100);
        expect(formatFileReport("路径/x.xlsx", check, lang)).toBe(previousFormat("路径/x.xlsx", check, lang));
      }
    }
  });

  it("says so when there is nothing to report", () => {
    const allOff = Object.fromEntries(ALL_RULES.flatMap((r) => r.codes).map((code) => [code, "off" as const]));
    const check = checkWorkbook([sheet("表一", 40)], { rules: allOff }, { file: "y.xlsx" });
    expect(check.report.issues).toEqual([]);
    expect(formatFileReport("y.xlsx", check, "zh")).toBe(previousFormat("y.xlsx", check, "zh"));
    expect(formatFileReport("y.xlsx", check, "zh")).toContain(cliMessages("zh").noIssues);
  });

  it("is handed over in whole lines, several thousand at a time, never as one string", () => {
    const check = checkWorkbook([sheet("表一", 3000)], {}, { file: "x.xlsx" });
    const pieces: string[] = [];
    writeFileReport("x.xlsx", check, "zh", (text) => void pieces.push(text));
    const whole = previousFormat("x.xlsx", check, "zh");
    expect(whole.split("\n").length).toBeGreaterThan(3 * 4096);
    expect(pieces.length).toBe(Math.ceil((whole.split("\n").length - 1) / 4096));
    for (const p of pieces) expect(p.endsWith("\n")).toBe(true);
    expect(pieces.join("")).toBe(whole);
  });
});
