import type { IndicatorItem, ParsedValue } from "../model";
import { canonicalValueText } from "../clean/canonicalCellText";
import { valueColumnEdits, type ValueColumns } from "../clean/valueColumns";
import { writtenUnit } from "../parse/nameUnit";
import type { Emit, RowContext, Rule } from "./rule";
import { emitItem } from "./finding";

/**
 * A value written in a non-canonical form that means the same: word operators (`80%以上` →
 * `≥80%`, `不低于90%` → `≥90%`), operator variants (`>=`, `＞＝`, `≧` → `≥`), `％`, full-width
 * digits, thousands separators, stray spaces. The canonical text is the cleaner's own
 * (canonicalValueText), so the rule and the cleaned workbook never disagree. Auto-fix.
 * An item-per-row value read from several cells (an operator or unit column of its own) is
 * rewritten cell by cell as the cleaner does (valueColumnEdits): the issue points at the first
 * cell to change, and is an auto-fix of that cell when it is the only one.
 */
export const valueNormalizedRule: Rule = {
  codes: ["value_normalized"],
  defaultSeverity: { value_normalized: "info" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      const columns = row.itemCells?.[item.index - 1]?.columns;
      if (columns) {
        reportColumns(row, item, columns, emit);
        continue;
      }
      if (v.kind === "empty" || isPlainCanonical(v)) continue;
      const canonical = canonicalValueText(v);
      if (canonical === v.raw || canonical === "") continue;
      emitItem(
        emit,
        row,
        item,
        "value_normalized",
        { item: item.index, from: v.raw, to: canonical },
        { span: v.span, fix: { edits: [{ span: v.span, text: canonical }], auto: true } },
      );
    }
  },
};

function reportColumns(row: RowContext, item: IndicatorItem, columns: ValueColumns, emit: Emit): void {
  const edits = valueColumnEdits(item.value, columns);
  const first = edits[0];
  if (first === undefined) return;
  const v = item.value;
  // One cell to change: an auto-fix of that cell; several: the cleaner writes them all.
  const options = edits.length === 1 ? { cell: first.address, span: first.span, fix: { edits: [{ span: first.span, text: first.after }], auto: true } } : { cell: first.address };
  emitItem(emit, row, item, "value_normalized", { item: item.index, from: v.raw, to: canonicalValueText(v) }, options);
}

/**
 * A well-read quantity already written as canonicalValueText writes it: a glyph operator as the
 * canonical glyph (or none), ASCII digits, the unit as read, nothing else (`≥90%`, `100%`,
 * `≥1次`) — the bulk of real cells, answered without the cleaner's regex work. Anything else
 * (word operators, `>=`, full width, spaces, separators) takes the full path.
 */
function isPlainCanonical(v: ParsedValue): boolean {
  if (v.kind !== "quantitative" || v.garbled !== undefined || v.placeholder) return false;
  const numberRaw = v.numberRaw;
  if (numberRaw === undefined || !isPlainDecimal(numberRaw)) return false;
  let glyph: string;
  if (v.operatorSource === "implicit") glyph = "";
  else if (v.operatorSource === "glyph" && v.operator !== undefined && v.operatorRaw === v.operator) glyph = v.operator;
  else return false;
  const raw = v.raw;
  const unit = writtenUnit(v) ?? "";
  return (
    raw.length === glyph.length + numberRaw.length + unit.length &&
    raw.startsWith(glyph) &&
    raw.startsWith(numberRaw, glyph.length) &&
    raw.endsWith(unit)
  );
}

/** `90`, `0.5`, `1000`: ASCII digits with at most one inner dot (asciiNumber leaves it as is). */
function isPlainDecimal(text: string): boolean {
  let dot = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c !== 0x2e || dot >= 0 || i === 0 || i === text.length - 1) return false;
    dot = i;
  }
  return text.length > 0;
}
