import { labelInsertion, VALUE_LABEL } from "../clean/labelInsertion";
import type { Rule } from "./rule";
import { emitItem, isItemPerRow } from "./finding";

export { VALUE_LABEL };

/**
 * An item whose value is not introduced by `年度指标值：` (`5、效益指标：党代表基层联系群众
 * 工作指标，合格。` — every 党代表任期制 row of the seed). Auto-fix: insert the label before the
 * value (with a `，` when nothing separates it from the name); a colon right after the name
 * (`培训人数：≥100人`) becomes `，年度指标值：` rather than stand before the label. The span is the
 * empty position where the label belongs. Item-per-row tables have no labels; an item with no name
 * is indicator_name_missing's, a bare value (no category, no name) category_unknown's.
 */
export const valueLabelMissingRule: Rule = {
  codes: ["value_label_missing"],
  defaultSeverity: { value_label_missing: "warning" },
  perCell: true,
  checkRow(row, emit) {
    if (isItemPerRow(row)) return;
    const text = row.cell.text;
    for (const item of row.cell.items) {
      // No name (`1、产出指标：≥100人`, a bare `≥90%` under a category column): indicator_name_missing
      // or category_unknown says what is missing; a label would only dress up the gap.
      const edit = labelInsertion(item, text);
      if (edit === undefined) continue;
      const at = item.value.span.start;
      emitItem(
        emit,
        row,
        item,
        "value_label_missing",
        { item: item.index, name: item.name, value: item.value.raw },
        { span: { start: at, end: at }, fix: { edits: [edit], auto: true } },
      );
    }
  },
};
