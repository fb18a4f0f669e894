import type { Rule } from "./rule";
import { classifyIndicator } from "./classify";
import { emitItem, hasCleanNumber } from "./finding";

/** A percentage on a count (`党代会年会制试点镇数量指标 ≥100%`, `参加网络视频学习课程数量
 * ≥95%`). A ratio of counts written as a fraction (`实际覆盖的…数量/计划覆盖的…数量`) is a
 * rate, and classify says so. */
export const percentOnCountRule: Rule = {
  codes: ["percent_on_count"],
  defaultSeverity: { percent_on_count: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (!hasCleanNumber(item) || item.value.unit !== "%") continue;
      if (classifyIndicator(item).measure !== "count") continue;
      emitItem(emit, row, item, "percent_on_count", { item: item.index, name: item.name, value: item.value.raw }, { span: item.value.span });
    }
  },
};
