import type { ParsedValue } from "../model";
import { canonicalValueText } from "../clean/canonicalCellText";
import type { Rule } from "./rule";
import { emitItem } from "./finding";

/**
 * A value written in a non-canonical form that means the same: word operators (`80%以上` →
 * `≥80%`, `不低于90%` → `≥90%`), operator variants (`>=`, `＞＝`, `≧` → `≥`), `％`, full-width
 * digits, thousands separators, stray spaces. The canonical text is the cleaner's own
 * (canonicalValueText), so the rule and the cleaned workbook never disagree. Auto-fix.
 */
export const valueNormalizedRule: Rule = {
  codes: ["value_normalized"],
  defaultSeverity: { value_normalized: "info" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
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
  const unit = v.unit ?? "";
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
