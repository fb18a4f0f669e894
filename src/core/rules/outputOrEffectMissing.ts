import type { Rule } from "./rule";
import { emitRow, projectItems } from "./finding";

/** A project (its cell, or its rows: ProjectRows) with indicators but no 产出指标 item, or no
 * 效益指标 item (效果指标 reads as 效益). An item whose 一级 is misspelt but plainly one of them
 * (`产出指数`, `效果指针`, `效益指针`) counts as it (category_unknown reports the spelling, and
 * “未设置效益指标” would tell the author something untrue); one that writes only its 二级
 * (`数量指标：…`) has its 一级 inferred by the parser (level1_missing reports it left out). */
export const outputOrEffectMissingRule: Rule = {
  codes: ["output_or_effect_missing"],
  defaultSeverity: { output_or_effect_missing: "warning" },
  perCell: true,
  checkRow(row, emit) {
    const items = projectItems(row);
    if (items.length === 0) return;
    let output = false;
    let effect = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as (typeof items)[number];
      const level1 = item.level1;
      if (level1 === "产出指标") output = true;
      else if (level1 === "效益指标") effect = true;
      else if (level1 === undefined && item.level1Raw !== undefined) {
        if (item.level1Raw.startsWith("产出")) output = true;
        else if (item.level1Raw.startsWith("效益") || item.level1Raw.startsWith("效果")) effect = true;
      }
    }
    if (output && effect) return;
    emitRow(emit, row, "output_or_effect_missing", { missing: !output && !effect ? "both" : output ? "effect" : "output" });
  },
};
