import { categoryNormalization } from "../clean/categoryNormalization";
import type { Rule } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

/**
 * A known 一级 or 二级 written short or with spaces inside (`满意度：`, `产出指标（数量）：`,
 * `效益 指标：`): it reads as the category, and the cleaner writes it in full (`满意度指标：`,
 * `产出指标（数量指标）：`). Auto-fix, each word where it stands (categoryNormalization). The
 * item-per-row layout's category cells are not rewritten: no finding there.
 */
export const categoryNormalizedRule: Rule = {
  codes: ["category_normalized"],
  defaultSeverity: { category_normalized: "info" },
  perCell: true,
  checkRow(row, emit) {
    if (isItemPerRow(row)) return;
    const text = row.cell.text;
    for (const item of row.cell.items) {
      for (const edit of categoryNormalization(item, text)) {
        emitItem(emit, row, item, "category_normalized", { item: item.index, from: edit.from, to: edit.text }, { span: edit.span, fix: { edits: [{ span: edit.span, text: edit.text }], auto: true } });
      }
    }
  },
};
