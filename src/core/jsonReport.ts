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
  // Built key by key, not spread: the same keys in the same order, and cheaper for the
  // hundreds of thousands of issues of a big table.
  const json: Omit<JsonIssue, "params"> & { params?: JsonIssue["params"] } = {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.rowNumber,
  };
  if (issue.item !== undefined) json.item = issue.item;
  if (issue.span) json.span = issue.span;
  if (issue.fix) {
    json.fix = issue.fix.description;
    json.fixEdits = issue.fix.edits;
    json.autoFix = issue.fix.auto;
  }
  json.params = issue.params;
  return json as JsonIssue;
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

// ---------------------------------------------------------------------------------------
// The report as JSON text, written piece by piece.

/**
 * What writeJsonReport needs: the report's parts, with the two long lists as iterables so a
 * caller can produce them one element at a time (the CLI makes the normalized rows from the
 * sheet checks as it writes them, and never holds the table).
 */
export interface JsonReportParts {
  file?: string;
  sheets: readonly SheetReport[];
  counts: Counts;
  /** Issues as the engine made them; written as toJsonIssue shapes them. */
  issues: Iterable<Issue>;
  normalized: Iterable<NormalizedIndicator>;
}

/** The parts of a whole report, for writeJsonReport. */
export function jsonReportParts(report: Report): JsonReportParts {
  return {
    ...(report.file !== undefined ? { file: report.file } : {}),
    sheets: report.sheets,
    counts: report.counts,
    issues: report.issues,
    normalized: report.normalized,
  };
}

/** Lists longer than this are written one compact element per line; shorter ones pretty printed. */
const LONG_LIST = 64;

/**
 * Writes a report's JSON text through `write`, in pieces, never as one string: the text of a
 * 100,000-row report is hundreds of megabytes. It is the JSON of toJsonReport's object — the
 * same value, keys in the same order — laid out for people and line tools: objects pretty
 * printed (two spaces), lists of more than 64 elements (issues, normalized rows) one compact
 * element per line, shorter lists pretty printed. `indent` shifts the whole text right, for a
 * report nested in another document.
 *
 * Each element is one JSON.stringify of a flat object: measured on 100,000 rows, V8's native
 * stringifier beats assembling the text in JavaScript (field by field with JSON.stringify on the
 * strings: 1.5× slower; encoding UTF-8 by hand into a byte buffer: 2× slower).
 */
export function writeJsonReport(parts: JsonReportParts, write: (text: string) => void, indent = ""): void {
  const key = `\n${indent}  `;
  write(`{${key}"version": 1`);
  if (parts.file !== undefined) write(`,${key}"file": ${JSON.stringify(parts.file)}`);
  write(`,${key}"sheets": `);
  writeJsonValue(parts.sheets, write, `${indent}  `);
  write(`,${key}"counts": `);
  writeJsonValue(parts.counts, write, `${indent}  `);
  write(`,${key}"issues": `);
  writeList(parts.issues, toJsonIssue, write, `${indent}  `);
  write(`,${key}"normalized": `);
  writeList(parts.normalized, (n) => n, write, `${indent}  `);
  write(`\n${indent}}`);
}

/** writeJsonReport's text as one string (tests, small reports). */
export function jsonReportText(parts: JsonReportParts, indent = ""): string {
  const chunks: string[] = [];
  writeJsonReport(parts, (text) => void chunks.push(text), indent);
  return chunks.join("");
}

/**
 * Any JSON value, laid out as writeJsonReport describes: objects key by key, lists of more than
 * 64 elements one compact element per line, anything else pretty printed. Keys whose value is
 * undefined are left out, as JSON.stringify leaves them out.
 */
export function writeJsonValue(value: unknown, write: (text: string) => void, indent = ""): void {
  if (Array.isArray(value) && value.length > LONG_LIST) {
    const line = `\n${indent}  `;
    write("[");
    for (let i = 0; i < value.length; i++) write(`${i ? "," : ""}${line}${JSON.stringify(value[i]) ?? "null"}`);
    write(`\n${indent}]`);
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return write("{}");
    write("{");
    entries.forEach(([k, x], i) => {
      write(`${i ? "," : ""}\n${indent}  ${JSON.stringify(k)}: `);
      writeJsonValue(x, write, `${indent}  `);
    });
    write(`\n${indent}}`);
  } else {
    write(pretty(value, indent));
  }
}

function pretty(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent === "" ? text : text.replace(NEWLINES, `\n${indent}`);
}

const NEWLINES = /\n/g;

/**
 * A list of unknown length: the first 65 elements are held to learn whether it is long; a long
 * one is then written as it comes, one compact element per line (each element's object is
 * made, written and dropped), a short one pretty printed.
 */
function writeList<T>(items: Iterable<T>, shape: (item: T) => unknown, write: (text: string) => void, indent: string): void {
  const head: T[] = [];
  const next = `,\n${indent}  `;
  let long = false;
  for (const item of items) {
    if (long) {
      write(next);
      write(JSON.stringify(shape(item)) ?? "null");
    } else if (head.push(item) > LONG_LIST) {
      long = true;
      write(`[\n${indent}  `);
      for (let i = 0; i < head.length; i++) {
        if (i) write(next);
        write(JSON.stringify(shape(head[i]!)) ?? "null");
      }
      head.length = 0;
    }
  }
  if (long) write(`\n${indent}]`);
  else write(pretty(head.map(shape), indent));
}
