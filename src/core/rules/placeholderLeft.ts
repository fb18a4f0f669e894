import type { Rule } from "./rule";
import { emitItem } from "./finding";

/** Template placeholders in a name: two or more `*`, `X`/`x` (either width) or `×`.
 * Example: `XX项目覆盖率` → `XX`; `**培训人数` → `**`. One character class, one quantifier: linear. */
const NAME_PLACEHOLDER = /[*＊XxＸｘ×]{2,}/;

/** A template placeholder left in the value (`≥**%`, `XX个`, flagged by the parser) or in
 * the indicator's name. */
export const placeholderLeftRule: Rule = {
  codes: ["placeholder_left"],
  defaultSeverity: { placeholder_left: "error" },
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.value.placeholder) {
        emitItem(emit, row, item, "placeholder_left", { item: item.index, text: item.value.raw }, { span: item.value.span });
        continue;
      }
      const match = NAME_PLACEHOLDER.exec(item.name);
      if (match) {
        // nameSpan covers the trimmed name, so the match offset maps straight onto it.
        const start = item.nameSpan.start + match.index;
        emitItem(emit, row, item, "placeholder_left", { item: item.index, text: match[0] }, { span: { start, end: start + match[0].length } });
      }
    }
  },
};
