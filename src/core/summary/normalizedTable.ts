import type { IndicatorItem, Issue, Lang, NormalizedIndicator } from "../model";
import type { PlanCell } from "../plan";
import { classifyIndicator } from "../rules/classify";
import type { RowContext } from "../rules/rule";
import { SUMMARY_MESSAGES } from "./messages";

/**
 * The normalized indicator table (DOMAIN.md §5): one row per indicator, whatever the layout
 * of the source table, with that item's problems beside it.
 *
 * 序号 is the item's 1-based position in its cell — what issues call 项 — not the number as
 * written, which may be missing, repeated or out of order (numbering_irregular says so).
 */
export function buildNormalizedTable(rows: readonly RowContext[], issues: readonly Issue[]): NormalizedIndicator[] {
  const problems = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.item === undefined) continue;
    const key = itemKey(issue.sheet, issue.rowNumber, issue.item);
    const list = problems.get(key) ?? [];
    list.push(issue.message);
    problems.set(key, list);
  }
  return rows.flatMap((row) =>
    row.cell.items.map((item, i): NormalizedIndicator => {
      // Item-per-row tables: each item sits on its own sheet row, and its issues point there.
      const rowNumber = row.itemCells?.[i]?.rowNumber ?? row.rowNumber;
      const value = item.value;
      return {
        rowNumber,
        department: row.department,
        unit: row.unit,
        project: row.project,
        itemNumber: item.index,
        level1: item.level1 ?? item.level1Raw ?? "",
        level2: item.level2 ?? item.level2Raw ?? "",
        level2Source: item.level2Source === "written" ? "填写" : item.level2Source === "inferred" ? "推断" : "",
        name: item.name,
        operator: value.operator ?? "",
        number: value.number ?? null,
        upper: value.upper ?? null,
        valueUnit: value.unit ?? "",
        qualitative: value.kind === "qualitative" || value.kind === "time" ? (value.text ?? value.raw).trim() : "",
        direction: directionOf(item),
        raw: item.raw.trim(),
        problems: (problems.get(itemKey(row.sheet, rowNumber, item.index)) ?? []).join("；"),
      };
    }),
  );
}

function itemKey(sheet: string, rowNumber: number, item: number): string {
  return `${sheet}\u0001${rowNumber}\u0001${item}`;
}

/**
 * 正向 when the target is a floor (`≥`, `>`), 反向 when it is a ceiling (`≤`, `<`): that is how
 * scoring reads it. A plain `=` or no operator says nothing, so the name decides: a name of
 * the less-is-better kind is 反向, anything else stays blank rather than guessed. The operator
 * wins over the name: a mismatch is reported by negative_direction_ge, not hidden here.
 */
export function directionOf(item: IndicatorItem): NormalizedIndicator["direction"] {
  const { operator, operatorSource } = item.value;
  if (operatorSource !== "implicit") {
    if (operator === "≥" || operator === ">") return "正向";
    if (operator === "≤" || operator === "<") return "反向";
  }
  return classifyIndicator(item).direction === "反向" ? "反向" : "";
}

/** Column headers of the normalized table, per language. */
export const NORMALIZED_HEADERS: Record<Lang, readonly string[]> = {
  zh: SUMMARY_MESSAGES.zh.normalizedHeaders,
  en: SUMMARY_MESSAGES.en.normalizedHeaders,
};

/** The table's data rows (no header: take NORMALIZED_HEADERS[lang]) as cells for writers.
 * Missing numbers are empty cells, not zeros; 二级来源 and 方向 are translated for `en`. */
export function normalizedRows(table: readonly NormalizedIndicator[], lang: Lang): PlanCell[][] {
  const m = SUMMARY_MESSAGES[lang];
  return table.map((r) => [
    r.rowNumber,
    r.department,
    r.unit,
    r.project,
    r.itemNumber,
    r.level1,
    r.level2,
    r.level2Source === "" ? "" : m.level2Source[r.level2Source],
    r.name,
    r.operator,
    r.number,
    r.upper,
    r.valueUnit,
    r.qualitative,
    r.direction === "" ? "" : m.direction[r.direction],
    r.raw,
    r.problems,
  ]);
}
