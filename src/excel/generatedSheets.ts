import type { Lang } from "../core/model";
import type { CellLink, PlanCell, SheetPlan } from "../core/plan";
import { quoteSheetName } from "../core/table/address";
import type { ApiSupport } from "./apiSupport";
import { hostError } from "./errors";

/**
 * Writing 校验汇总 and 指标明细 into the open workbook from the core's sheet plans. Our sheets
 * are marked by workbook names (`_IndicatorChecker_Summary` → `'校验汇总'!$A$1`, the same
 * marks the .xlsx writer uses), so a re-run replaces them while a user's sheet of the same
 * name is never touched: ours then becomes `校验汇总 (2)`.
 */

export interface GeneratedSheet {
  plan: SheetPlan;
  /** `Summary` or `Detail`: the suffix of the marking name. */
  marker: string;
}

const MARKER_PREFIX = "_IndicatorChecker_";
/** Rows per values request: a few thousand rows of issue text stay well under 5 MB. */
export const SHEET_ROWS_PER_WRITE = 2_000;
/** Points per character of the plans' column widths (Calibri 11: 8.43 characters ≈ 48 pt). */
const POINTS_PER_CHAR = 5.7;
/** Excel refuses string literals longer than 255 characters inside a formula. */
const MAX_FORMULA_STRING = 255;

/** Returns the names the sheets were written under. */
export async function writeGeneratedSheets(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheets: readonly GeneratedSheet[],
  lang: Lang | undefined,
): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (support.v1_8) context.workbook.load("readOnly");
  const structure = context.workbook.protection;
  structure.load("protected");
  const marks = sheets.map((s) => {
    const item = context.workbook.names.getItemOrNullObject(MARKER_PREFIX + s.marker);
    item.load("formula");
    return item;
  });
  await context.sync();
  if (support.v1_8 && context.workbook.readOnly) throw hostError("readOnly", lang);
  // 校验汇总 and 指标明细 are sheets of their own: a protected structure takes none.
  if (structure.protected) throw hostError("protectedWorkbook", lang);

  const taken = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const mark = marks[i]!;
    if (!mark.isNullObject) {
      const ours = sheetOfFormula(String(mark.formula));
      if (ours !== undefined && taken.has(ours.toLowerCase())) {
        worksheets.getItem(ours).delete();
        taken.delete(ours.toLowerCase());
      }
      mark.delete();
    }
    let name = s.plan.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.plan.name} (${n})`;
    taken.add(name.toLowerCase());
    names.push(name);
  });

  for (let i = 0; i < sheets.length; i++) {
    const { plan, marker } = sheets[i]!;
    const ws = worksheets.add(names[i]!);
    context.workbook.names.add(MARKER_PREFIX + marker, ws.getRange("A1"));
    await writePlan(context, ws, plan);
  }
  return names;
}

async function writePlan(context: Excel.RequestContext, ws: Excel.Worksheet, plan: SheetPlan): Promise<void> {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  for (let start = 0; start < Math.max(1, plan.rows.length); start += SHEET_ROWS_PER_WRITE) {
    const rows = plan.rows.slice(start, start + SHEET_ROWS_PER_WRITE);
    if (rows.length > 0) {
      const padded = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      const range = ws.getRangeByIndexes(start, 0, padded.length, width);
      // Strings as text (`@`) so user text like `=x` or `-5%` stays text; links are formulas.
      range.numberFormat = padded.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
      range.values = padded.map((r) => r.map(constantOf));
      padded.forEach((r, i) =>
        r.forEach((v, c) => {
          if (isLink(v)) ws.getRangeByIndexes(start + i, c, 1, 1).formulas = [[hyperlinkFormula(v)]];
        }),
      );
    }
    if (start === 0) {
      for (const r of plan.boldRows ?? []) ws.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
      (plan.columnWidths ?? []).forEach((w, c) => {
        ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHAR);
      });
    }
    await context.sync();
  }
  if (plan.chart) {
    const { firstRowIndex, lastRowIndex, labelColumnIndex, valueColumnIndex, title } = plan.chart;
    const count = lastRowIndex - firstRowIndex + 1;
    const chart = ws.charts.add("BarClustered", ws.getRangeByIndexes(firstRowIndex, valueColumnIndex, count, 1), "Columns");
    chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(firstRowIndex, labelColumnIndex, count, 1));
    chart.title.text = title;
    chart.legend.visible = false;
    // Beside the tables, not over them.
    chart.setPosition(ws.getRangeByIndexes(0, width + 1, 1, 1));
    await context.sync();
  }
}

function isLink(v: PlanCell): v is CellLink {
  return typeof v === "object" && v !== null;
}

/** `null` in a values array leaves the cell alone: the link cells get their formula next. */
function constantOf(v: PlanCell): string | number | null {
  if (isLink(v)) return null;
  return v ?? "";
}

/** `=HYPERLINK("#'绩效目标表'!E7","E7")`: `"` doubled inside both literals. */
export function hyperlinkFormula(link: CellLink): string {
  const location = `#${quoteSheetName(link.link.sheet)}!${link.link.cell}`;
  return `=HYPERLINK(${stringLiteral(location)},${stringLiteral(link.text.slice(0, MAX_FORMULA_STRING))})`;
}

function stringLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The sheet a marking name points at: `='校验汇总'!$A$1` → `校验汇总`, `=Sheet1!$A$1` →
 * `Sheet1`. A quoted name is `'` … `'` with inner quotes doubled (`'it''s'`); either branch
 * is a single character class, so matching is linear.
 */
const NAME_TARGET = /^=?(?:'((?:[^']|'')*)'|([^!']*))!/;

export function sheetOfFormula(formula: string): string | undefined {
  const m = NAME_TARGET.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
