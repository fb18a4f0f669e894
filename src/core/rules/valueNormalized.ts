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
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (v.kind === "empty") continue;
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
