import { categoryNormalization, sectionCategoryNormalization } from "../clean/categoryNormalization";
import type { Rule } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

/**
 * A known 一级 or 二级 written short or with spaces inside (`满意度：`, `产出指标（数量）：`,
 * `效益 指标：`), in an item or a section heading (`一、产出`): it reads as the category, and the
 * cleaner writes it in full (`满意度指标：`, `产出指标（数量指标）：`). Auto-fix, each word where it stands (categoryNormalization). The
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
    // A section heading's short word (`一、产出`, `（一）数量`): reported at the heading, on its first item.
    for (const section of row.cell.sections ?? []) {
      const item = section.itemCount > 0 ? row.cell.items[section.firstItem - 1] : undefined;
      if (item === undefined) continue;
      for (const edit of sectionCategoryNormalization(section, text)) {
        emitItem(emit, row, item, "category_normalized", { item: item.index, from: edit.from, to: edit.text }, { span: edit.span, fix: { edits: [{ span: edit.span, text: edit.text }], auto: true } });
      }
    }
  },
};
