import type { IndicatorItem, Level1, Level2, Span } from "../model";
import type { Rule } from "./rule";
import { cellPlaceholder } from "./cellPlaceholder";
import { emitItem, emitRow, isItemPerRow } from "./finding";

/** The 二级 each 一级 admits (DOMAIN.md §2, both generations: 成本指标 under 产出 is pre-2021). */
const LEVEL2_OF: Record<Level1, ReadonlySet<Level2>> = {
  产出指标: new Set<Level2>(["数量指标", "质量指标", "时效指标", "成本指标"]),
  效益指标: new Set<Level2>(["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
  满意度指标: new Set<Level2>(["服务对象满意度指标"]),
  成本指标: new Set<Level2>(["经济成本指标", "社会成本指标", "生态环境成本指标"]),
};

/**
 * An item whose 一级 is missing or unknown (`产出指数`, `效果指针`), whose written 二级 is
 * unknown, or whose written 二级 belongs to another 一级 (`产出指标（社会效益指标）`). A known 二级
 * written alone (`数量指标：培训人数…`) says its 一级 (level1Source `inferred`): level1_missing's.
 * A cell with text the parser found no item in (`详见附件`) is reported here too, as a whole
 * (kind `noItems`, no item number); a blank or placeholder-only cell is indicator_cell_empty's.
 */
export const categoryUnknownRule: Rule = {
  codes: ["category_unknown"],
  defaultSeverity: { category_unknown: "error" },
  perCell: true,
  checkRow(row, emit) {
    if (row.cell.items.length === 0) {
      const text = row.cell.text.trim();
      if (text !== "" && cellPlaceholder(text) === undefined) emitRow(emit, row, "category_unknown", { kind: "noItems", written: quoted(text), level1: "" });
      return;
    }
    for (const item of row.cell.items) {
      if (item.level1 === undefined) {
        const written = item.level1Raw ?? "";
        const span = item.level1Span ?? wholeNameSpan(item);
        // Item-per-row: a wrong 一级 is shown in the cell that holds it, not at the value.
        const cell = written ? row.itemCells?.[item.index - 1]?.level1 : undefined;
        emitItem(emit, row, item, "category_unknown", { item: item.index, kind: written ? "level1" : "missing", written, level1: "" }, cell ? { span, cell } : { span });
        continue;
      }
      if (item.level2Source !== "written") continue;
      if (item.level2 !== undefined && LEVEL2_OF[item.level1].has(item.level2)) continue;
      const level2Raw = item.level2Raw ?? "";
      const span = isItemPerRow(row) ? undefined : spanInItem(item, level2Raw);
      const cell = row.itemCells?.[item.index - 1]?.level2;
      const options = span ? { span } : cell ? { cell } : {};
      if (item.level2 === undefined) {
        emitItem(emit, row, item, "category_unknown", { item: item.index, kind: "level2", written: level2Raw, level1: item.level1 }, options);
      } else {
        emitItem(emit, row, item, "category_unknown", { item: item.index, kind: "mismatch", written: level2Raw || item.level2, level1: item.level1 }, options);
      }
    }
  },
};

/** How much of an unreadable cell a message quotes. */
const QUOTE_MAX = 20;

function quoted(text: string): string {
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX)}…`;
}

function wholeNameSpan(item: IndicatorItem): Span {
  return item.nameSpan.end > item.nameSpan.start ? item.nameSpan : item.span;
}

/** Where `text` sits inside the item's raw text, as a cell span. */
function spanInItem(item: IndicatorItem, text: string): Span | undefined {
  if (!text) return undefined;
  const at = item.raw.indexOf(text);
  return at < 0 ? undefined : { start: item.span.start + at, end: item.span.start + at + text.length };
}
