import type { Rule } from "./rule";
import { isPerPeriodUnit, isTimeUnit } from "../parse/valueWords";
import { classifyIndicator } from "./classify";
import { emitItem } from "./finding";

/**
 * Words that state timeliness or a period in a qualitative value. Examples: `及时`, `按时`,
 * `按期完成`, `当年完成`, `规定时限内`, `长期`, `月底前`, `2025年汛期前` (a deadline: `…前`), `暑假期间完成`,
 * `检测完成后≤30天` (a number of days), `按月发放`, `按学期发放` (a period), `即办`, `实时`, `当日办结`
 * (at once), `提前发布` (ahead of time; `提前30分钟` is a quantity of time), `按国家统一部署时间完成`,
 * `按计划时间节点推进` (a time set elsewhere), `是` (the answer to `是否按时拨付`), `季度结算`, `月度拨付`,
 * `每季度拨付`, `逐月发放`, `分季度拨付`, `一季一结` (a period and what is done in it), `日产日清`, `日清日结`,
 * `全天候保洁`, `24小时值守` (市容环卫's daily cycle and round-the-clock service).
 * Literal alternation with one anchored `是`: linear, no backtracking.
 */
const TIMELY_WORDS =
  /及时|按时|按期|准时|如期|限时|提前|按计划|时间节点|(?:部署|要求|约定|计划|安排)时间|按进度|按(?:月|季|学期|学年|年度|周|旬|日|天)|当年|当期|当日|当天|即办|即时|实时|立即|随到随办|日产日清|日清日结|日清|全天候|全时段|24小时|年内|年底|年末|月底|月末|季末|规定(?:时间|时限|期限)|时限内|期限内|[天日月年周]内|之前|以前|前完成|期间|期内|[^\d.\s]前$|\d(?:个)?(?:工作日|天|日|小时|周|月)|长期|永久|持续|^是$|(?:每|逐|分)(?:月|季|年|周|旬|日|天|学期|半年)|一(?:月|季|年|周)一|(?:月度|季度|半年度|年度|月|季)(?:结算|拨付|发放|支付|兑付|结清|清算|申报|报送|办结|核算|报账)/;

/** A 时效 indicator (`完成时间`, `…及时率`, `资金拨付时效`) whose value is neither a time, a
 * period (a frequency: `每月1次`), a time limit nor a rate: `完成时间 良好`. */
export const timelinessValueInvalidRule: Rule = {
  codes: ["timeliness_value_invalid"],
  defaultSeverity: { timeliness_value_invalid: "warning" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      const v = item.value;
      if (v.kind === "empty" || v.kind === "time" || v.placeholder || v.garbled !== undefined) continue;
      const numeric = v.kind === "quantitative" || v.kind === "range";
      // A frequency (`每月1次`, `≥2次/年`) states a period.
      if (numeric && (v.unit === undefined || v.unit === "%" || isTimeUnit(v.unit) || isPerPeriodUnit(v.unit))) continue;
      // The shared classification first: it is memoised per item, the word test is not.
      if (!classifyIndicator(item).timeliness) continue;
      if (!numeric && isTimelyText(v.text ?? v.raw)) continue;
      emitItem(emit, row, item, "timeliness_value_invalid", { item: item.index, name: item.name, value: v.raw }, { span: v.span });
    }
  },
};

/** Whether a qualitative value states timeliness or a period (TIMELY_WORDS). */
export function isTimelyText(text: string): boolean {
  return TIMELY_WORDS.test(text);
}
