import type { WorkbookCheck } from "../core/checkWorkbook";
import type { Issue, Lang } from "../core/model";
import { cliMessages } from "./messages";

/** The human summary of one file: a line per sheet, the counts, then the issues by row. */
export function formatFileReport(file: string, check: WorkbookCheck, lang: Lang): string {
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
    lines.push(`    ${issueLine(issue, lang)}`);
  }
  return `${lines.join("\n")}\n`;
}

function issueLine(issue: Issue, lang: Lang): string {
  const t = cliMessages(lang);
  const sev = t.severity[issue.severity].padEnd(lang === "zh" ? 2 : 7);
  const fix = issue.fix ? `  → ${issue.fix.description}` : "";
  return `${issue.cell.padEnd(5)} [${sev}] ${issue.message} (${issue.code})${fix}`;
}
