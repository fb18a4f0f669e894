import type { Level2 } from "../model";
import type { Rule } from "./rule";
import { emitRow, projectItems } from "./finding";

/** 二级 that make an item a cost indicator: the 2021 成本 family and the pre-2021 产出-成本. */
const COST_LEVEL2: ReadonlySet<Level2> = new Set<Level2>(["成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"]);

/** A project (its cell, or its rows: ProjectRows) with indicators but no 满意度指标 item or no 成本指标 item (财预〔2021〕101号 asks for
 * both). Info by default; the 2021 profile (settings.ts) makes it a warning. One finding per row. */
export const satisfactionOrCostMissingRule: Rule = {
  codes: ["satisfaction_or_cost_missing"],
  defaultSeverity: { satisfaction_or_cost_missing: "info" },
  perCell: true,
  checkRow(row, emit) {
    const items = projectItems(row);
    if (items.length === 0) return;
    let satisfaction = false;
    let cost = false;
    for (let k = 0; k < items.length; k++) {
      const i = items[k] as (typeof items)[number];
      if (i.level1 === "满意度指标" || i.level2 === "服务对象满意度指标") satisfaction = true;
      if (i.level1 === "成本指标" || (i.level2 !== undefined && COST_LEVEL2.has(i.level2))) cost = true;
    }
    if (satisfaction && cost) return;
    emitRow(emit, row, "satisfaction_or_cost_missing", { missing: !satisfaction && !cost ? "both" : satisfaction ? "cost" : "satisfaction" });
  },
};
