import { level1Insertion } from "../clean/level1Insertion";
import { fullCategoryWord } from "../parse/vocabulary";
import type { Rule } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

/**
 * An item that writes a known 二级 and leaves its 一级 out (`1、数量指标：检查次数，年度指标值：≥2次。`,
 * `社会效益指标：就业率≥60%`): the parser gives it the 一级 that 二级 belongs to (level1Source
 * `inferred`), so it is read and counted, but a reviewer sends it back: the 一级 must be written.
 * Auto-fix: `数量指标` → `产出指标（数量指标）`, the head the cleaner writes (level1Insertion). In
 * the item-per-row layout the finding points at the 二级 cell, with no fix (the 一级 cell is blank), or at
 * the 一级 cell when that holds the 二级 (`一级指标=数量指标`).
 * A 一级 a category column's header or a section heading gives is written: no finding; a heading that
 * writes a 二级 alone (`数量指标：` over items, CellSection.level1Inferred) is reported once, at the heading.
 */
export const level1MissingRule: Rule = {
  codes: ["level1_missing"],
  defaultSeverity: { level1_missing: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.level1Source !== "inferred" || item.level1 === undefined) continue;
      const written = item.level2Raw ?? item.level2 ?? "";
      const params = { item: item.index, written, level1: item.level1, level2: fullCategoryWord(written) };
      if (isItemPerRow(row)) {
        // A written 一级 cell of an item whose 一级 is inferred holds its 二级 (`数量指标`): point there.
        const cells = row.itemCells?.[item.index - 1];
        const cell = cells?.level1 ?? cells?.level2;
        emitItem(emit, row, item, "level1_missing", params, cell !== undefined ? { cell } : {});
        continue;
      }
      const edit = level1Insertion(item, row.cell.text);
      emitItem(emit, row, item, "level1_missing", params, edit ? { span: edit.span, fix: { edits: [edit], auto: true } } : {});
    }
    if (isItemPerRow(row)) return;
    // A section headed by a 二级 alone (`数量指标：\n1.检查次数…`): its 一级 left out once, at the
    // heading; reported on its first item, the fix writing the heading in full.
    for (const section of row.cell.sections ?? []) {
      const item = section.level1Inferred === true && section.itemCount > 0 ? row.cell.items[section.firstItem - 1] : undefined;
      if (item === undefined || section.level2Raw === undefined || section.level2Span === undefined) continue;
      const written = section.level2Raw;
      const level2 = fullCategoryWord(written);
      const params = { item: item.index, written, level1: section.level1, level2 };
      const span = section.level2Span;
      emitItem(emit, row, item, "level1_missing", params, { span, fix: { edits: [{ span, text: `${section.level1}（${level2}）` }], auto: true } });
    }
  },
};
