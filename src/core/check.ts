import type {
  CellValue,
  CheckOptions,
  Counts,
  DetectedTable,
  Issue,
  NormalizedIndicator,
  ParsedCell,
  Report,
  RuleCode,
  SheetReport,
  SheetSnapshot,
} from "./model";
import { parseIndicatorCell, parseItemFromParts } from "./parse/parseCell";
import { ALL_RULES } from "./rules/index";
import type { RowContext, RuleFinding } from "./rules/rule";
import { resolveSeverities } from "./rules/settings";
import { detectTable, type TableFailure } from "./table/detectTable";
import { cellText } from "./table/cellText";
import { toA1, columnLetter } from "./table/address";
import { formatFix, formatIssue } from "./messages/index";
import { SheetRow } from "./rowContext";
import { buildNormalizedTable } from "./summary/normalizedTable";

/**
 * The one use-case every host calls: a sheet snapshot in, the table found, every indicator
 * cell parsed, every rule run, the issues and the normalized indicator table out.
 * The task pane, the ribbon command, the command line and the browser file mode all go
 * through here, so they never disagree.
 */
export interface SheetCheck {
  sheet: string;
  table: DetectedTable;
  rows: RowContext[];
  issues: Issue[];
  report: SheetReport;
  normalized: NormalizedIndicator[];
}

export type SheetOutcome = { ok: true; check: SheetCheck } | { ok: false; sheet: string; failure: TableFailure };

export function checkSheet(snapshot: SheetSnapshot, options: CheckOptions = {}): SheetOutcome {
  const detected = detectTable(snapshot, options.table);
  if (!detected.ok) return { ok: false, sheet: snapshot.name, failure: detected.failure };
  const table = detected.table;
  const rows = buildRows(snapshot, table);
  const issues = runRules(snapshot.name, table, rows, options);
  const report: SheetReport = {
    name: snapshot.name,
    layout: table.layout,
    headerRow: table.headerRowIndex + 1,
    dataRows: table.layout === "cell" ? table.dataRowIndexes.length : rows.length,
    indicators: rows.reduce((n, r) => n + r.cell.items.length, 0),
    columns: Object.fromEntries(Object.entries(table.columns).map(([role, c]) => [role, columnLetter(c as number)])),
    skippedRows: table.skipped.map((s) => ({ row: s.rowIndex + 1, reason: s.reason })),
  };
  // The normalized table is made on first use: the CLI's JSON report streams it from rows and
  // issues (normalizedIndicators) and never needs the array.
  let normalized: NormalizedIndicator[] | undefined;
  const check: SheetCheck = {
    sheet: snapshot.name,
    table,
    rows,
    issues,
    report,
    get normalized() {
      return (normalized ??= buildNormalizedTable(rows, issues));
    },
  };
  return { ok: true, check };
}

/** Several sheets (or files) into one report. Sheets that failed are returned beside it. */
export function buildReport(checks: readonly SheetCheck[], file?: string): Report {
  const issues = checks.flatMap((c) => c.issues);
  let normalized: NormalizedIndicator[] | undefined;
  return {
    version: 1,
    ...(file !== undefined ? { file } : {}),
    sheets: checks.map((c) => c.report),
    issues,
    counts: countIssues(issues),
    get normalized() {
      return (normalized ??= checks.flatMap((c) => c.normalized));
    },
  };
}

export function countIssues(issues: readonly Issue[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

// ---------------------------------------------------------------------------------------

function valueAt(snapshot: SheetSnapshot, rowIndex: number, columnIndex: number | undefined): CellValue {
  if (columnIndex === undefined) return null;
  const r = rowIndex - (snapshot.originRowIndex ?? 0);
  const c = columnIndex - (snapshot.originColumnIndex ?? 0);
  return snapshot.values[r]?.[c] ?? null;
}

/** Every cell of a sheet row, as read: the row's identity for duplicate_project (SheetRow). */
function rowCells(snapshot: SheetSnapshot, rowIndex: number): readonly CellValue[] {
  return snapshot.values[rowIndex - (snapshot.originRowIndex ?? 0)] ?? [];
}

function buildRows(snapshot: SheetSnapshot, table: DetectedTable): SheetRow[] {
  const cols = table.columns;
  // Tables repeat whole indicator cells (one project per town, the same template per unit):
  // each distinct text is parsed once. Parsed cells are read-only from here on.
  const parsed = new Map<string, ParsedCell>();
  const parse = (text: string): ParsedCell => {
    let cell = parsed.get(text);
    if (!cell) {
      cell = parseIndicatorCell(text);
      parsed.set(text, cell);
    }
    return cell;
  };
  const text = (rowIndex: number, col: number | undefined) => cellText(valueAt(snapshot, rowIndex, col)).trim();
  if (table.layout === "cell") {
    return table.dataRowIndexes.map((rowIndex) => {
      const raw = valueAt(snapshot, rowIndex, cols.indicators);
      return new SheetRow(
        {
          sheet: snapshot.name,
          rowIndex,
          rowNumber: rowIndex + 1,
          department: text(rowIndex, cols.department),
          unit: text(rowIndex, cols.unit),
          project: text(rowIndex, cols.project),
          indicatorAddress: toA1(rowIndex, cols.indicators ?? 0),
          projectAddress: cols.project !== undefined ? toA1(rowIndex, cols.project) : undefined,
          rawIndicator: raw,
          cell: parse(cellText(raw)),
          itemCells: undefined,
        },
        rowCells(snapshot, rowIndex),
      );
    });
  }
  // One indicator per row: consecutive rows of one project form one logical indicator cell.
  // A row with a blank project continues the project above (merged or left-blank cells).
  const groups: SheetRow[] = [];
  let current: SheetRow | undefined;
  let currentProject = "";
  for (const rowIndex of table.dataRowIndexes) {
    const project = text(rowIndex, cols.project) || currentProject;
    if (!current || project !== currentProject) {
      currentProject = project;
      current = new SheetRow(
        {
          sheet: snapshot.name,
          rowIndex,
          rowNumber: rowIndex + 1,
          department: text(rowIndex, cols.department),
          unit: text(rowIndex, cols.unit),
          project,
          indicatorAddress: toA1(rowIndex, cols.value ?? cols.level3 ?? 0),
          projectAddress: cols.project !== undefined ? toA1(rowIndex, cols.project) : undefined,
          rawIndicator: null,
          cell: { text: "", items: [], leading: undefined },
          itemCells: [],
        },
        rowCells(snapshot, rowIndex),
      );
      groups.push(current);
    }
    const item = parseItemFromParts(
      {
        level1: text(rowIndex, cols.level1),
        level2: text(rowIndex, cols.level2),
        name: text(rowIndex, cols.level3),
        value: text(rowIndex, cols.value),
        operator: text(rowIndex, cols.operator),
        unit: text(rowIndex, cols.measureUnit),
      },
      current.cell.items.length + 1,
    );
    current.cell.items.push(item);
    current.itemCells?.push({ address: toA1(rowIndex, cols.value ?? cols.level3 ?? 0), rowNumber: rowIndex + 1 });
  }
  return groups;
}

function runRules(sheet: string, table: DetectedTable, rows: readonly RowContext[], options: CheckOptions): Issue[] {
  const severities = resolveSeverities(options);
  const lang = options.lang ?? "zh";
  const issues: Issue[] = [];
  const rowByNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  const emit = (f: RuleFinding) => {
    const severity = severities[f.code];
    if (severity === "off") return;
    const params = f.params ?? {};
    const row = rowByNumber.get(f.rowNumber);
    // In the item-per-row layout an item's issue points at that item's own row.
    const itemCell = f.item !== undefined ? row?.itemCells?.[f.item - 1] : undefined;
    const issue: Issue = {
      code: f.code,
      severity,
      params,
      message: formatIssue(f.code, params, lang),
      sheet,
      cell: f.cell ?? itemCell?.address ?? row?.indicatorAddress ?? toA1(f.rowNumber - 1, 0),
      rowNumber: itemCell?.rowNumber ?? f.rowNumber,
    };
    // Optional fields only when present (no spread of temporary objects per finding).
    if (f.item !== undefined) issue.item = f.item;
    if (f.span) issue.span = f.span;
    if (f.fix) issue.fix = { edits: f.fix.edits, auto: f.fix.auto, description: formatFix(f.code, params, lang) };
    issues.push(issue);
  };
  const enabled = ALL_RULES.filter((rule) => rule.codes.some((code: RuleCode) => severities[code] !== "off"));
  for (const row of rows) {
    for (const rule of enabled) rule.checkRow?.(row, emit);
  }
  const ctx = { sheet, table, rows };
  for (const rule of enabled) rule.checkTable?.(ctx, emit);
  return sortIssues(issues);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      a.rowNumber - b.rowNumber ||
      (a.item ?? 0) - (b.item ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
