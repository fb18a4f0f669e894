import type { WorkbookCheck } from "../core/checkWorkbook";
import type { Issue, Lang, Severity } from "../core/model";
import { cliMessages } from "./messages";

/** The human summary of one file: a line per sheet, the counts, then the issues by row. */
export function formatFileReport(file: string, check: WorkbookCheck, lang: Lang): string {
  const chunks: string[] = [];
  writeFileReport(file, check, lang, (text) => void chunks.push(text));
  return chunks.join("");
}

/** Lines per piece handed to `write`: a few hundred kilobytes of text. */
const LINES_PER_CHUNK = 4096;

/**
 * formatFileReport's text, handed to `write` in pieces of a few thousand lines: a report of
 * 100,000 rows is tens of megabytes of text, never built as one string.
 */
export function writeFileReport(file: string, check: WorkbookCheck, lang: Lang, write: (text: string) => void): void {
  const t = cliMessages(lang);
  let lines: string[] = [file];
  const push = (line: string) => {
    lines.push(line);
    if (lines.length >= LINES_PER_CHUNK) {
      write(`${lines.join("\n")}\n`);
      lines = [];
    }
  };
  for (const sheet of check.report.sheets) {
    // Category columns: `indicators=D,E,F,G`, every column holding indicators.
    const indicators = sheet.indicatorColumns?.map((c) => c.column).join(",");
    const columns = Object.entries(sheet.columns)
      .map(([role, letter]) => `${role}=${role === "indicators" && indicators ? indicators : letter}`)
      .join(", ");
    push(`  ${t.sheetLine(sheet.name, sheet.headerRow, sheet.dataRows, sheet.indicators, columns)}`);
  }
  const c = check.report.counts;
  push(`  ${t.countsLine(c.error, c.warning, c.info)}`);
  if (check.report.issues.length === 0) {
    push(`  ${t.noIssues}`);
  } else {
    const many = check.report.sheets.length > 1;
    const label = severityLabels(lang);
    let sheet: string | undefined;
    let row: number | undefined;
    for (const issue of check.report.issues) {
      if (issue.rowNumber !== row || issue.sheet !== sheet) {
        sheet = issue.sheet;
        row = issue.rowNumber;
        push("");
        push(`  ${many ? `${issue.sheet} ` : ""}${t.rowHeading(issue.rowNumber)}`);
      }
      push(`    ${issueLine(issue, label)}`);
    }
  }
  if (lines.length > 0) write(`${lines.join("\n")}\n`);
}

/** Each severity's word, padded to one width so the messages line up. */
function severityLabels(lang: Lang): Record<Severity, string> {
  const words = cliMessages(lang).severity;
  const width = lang === "zh" ? 2 : 7;
  return { error: words.error.padEnd(width), warning: words.warning.padEnd(width), info: words.info.padEnd(width) };
}

function issueLine(issue: Issue, label: Record<Severity, string>): string {
  const fix = issue.fix ? `  → ${issue.fix.description}` : "";
  return `${issue.cell.padEnd(5)} [${label[issue.severity]}] ${issue.message} (${issue.code})${fix}`;
}
