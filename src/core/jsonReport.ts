import type { Issue, Report, SheetReport, Span, TextEdit, NormalizedIndicator, Counts } from "./model";

/**
 * The JSON report: a public contract shared by the command line (`--json`) and the browser
 * file mode's download. Field names are fixed (`row`, `item`, `fix`); add, never rename.
 */
export interface JsonIssue {
  code: string;
  severity: Issue["severity"];
  message: string;
  sheet: string;
  cell: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based item position in the cell. */
  item?: number;
  span?: Span;
  /** What the fix does, in words. */
  fix?: string;
  fixEdits?: TextEdit[];
  autoFix?: boolean;
  params: Issue["params"];
}

export interface JsonReport {
  version: 1;
  file?: string;
  sheets: SheetReport[];
  counts: Counts;
  issues: JsonIssue[];
  normalized: NormalizedIndicator[];
}

export function toJsonIssue(issue: Issue): JsonIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.rowNumber,
    ...(issue.item !== undefined ? { item: issue.item } : {}),
    ...(issue.span ? { span: issue.span } : {}),
    ...(issue.fix ? { fix: issue.fix.description, fixEdits: issue.fix.edits, autoFix: issue.fix.auto } : {}),
    params: issue.params,
  };
}

export function toJsonReport(report: Report): JsonReport {
  return {
    version: 1,
    ...(report.file !== undefined ? { file: report.file } : {}),
    sheets: report.sheets,
    counts: report.counts,
    issues: report.issues.map(toJsonIssue),
    normalized: report.normalized,
  };
}
