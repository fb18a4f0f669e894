import type { Operator } from "../model";
import { isDigit } from "./normalizeText";

/**
 * The words of the value grammar (DOMAIN.md §2 Values), as the parser matches them on
 * width-folded text (`＞＝` is already `>=`, `％` is `%`, `≧` is `≥`).
 */

export interface OperatorWord {
  text: string;
  operator: Operator;
}

/** Operators written before the number, longest first so `>=` wins over `>` and `不低于`
 * over `低于`. Glyph forms first, then words. */
export const PREFIX_GLYPHS: readonly OperatorWord[] = [
  { text: ">=", operator: "≥" },
  { text: "=>", operator: "≥" },
  { text: "<=", operator: "≤" },
  { text: "=<", operator: "≤" },
  { text: "≥", operator: "≥" },
  { text: "≤", operator: "≤" },
  { text: ">", operator: ">" },
  { text: "<", operator: "<" },
  { text: "=", operator: "=" },
];

export const PREFIX_WORDS: readonly OperatorWord[] = [
  { text: "大于或等于", operator: "≥" },
  { text: "小于或等于", operator: "≤" },
  { text: "大于等于", operator: "≥" },
  { text: "小于等于", operator: "≤" },
  { text: "不得少于", operator: "≥" },
  { text: "不得低于", operator: "≥" },
  { text: "不应少于", operator: "≥" },
  { text: "不应低于", operator: "≥" },
  { text: "不得超过", operator: "≤" },
  { text: "不得高于", operator: "≤" },
  { text: "不应超过", operator: "≤" },
  { text: "不低于", operator: "≥" },
  { text: "不少于", operator: "≥" },
  { text: "不小于", operator: "≥" },
  { text: "不高于", operator: "≤" },
  { text: "不超过", operator: "≤" },
  { text: "不多于", operator: "≤" },
  { text: "不大于", operator: "≤" },
  { text: "达到", operator: "≥" },
  { text: "至少", operator: "≥" },
  { text: "最少", operator: "≥" },
  { text: "至多", operator: "≤" },
  { text: "最多", operator: "≤" },
  { text: "控制在", operator: "≤" },
  { text: "超过", operator: "≥" },
  { text: "大于", operator: ">" },
  { text: "高于", operator: ">" },
  { text: "多于", operator: ">" },
  { text: "小于", operator: "<" },
  { text: "低于", operator: "<" },
  { text: "少于", operator: "<" },
  { text: "等于", operator: "=" },
];

/** Operators read only where a value starts: `达100%` is `达到100%`, but inside a name `达` ends a
 * verb (`送达`, `下达`), so a value glued to its name never starts at it (`文书送达100份`). */
export const START_WORDS: readonly OperatorWord[] = [{ text: "达", operator: "≥" }];

/** Prefixes that only say "reaches" (`达到`, `达`) or "kept at" (`控制在`): a suffix after the
 * number says which way (`达到5%以下` is `≤`, `控制在0.1%以内` is `≤`, `控制在90%以上` is `≥`); alone
 * they read as PREFIX_WORDS says (`达到90%` is `≥`, `控制在5%` is `≤`: a ceiling). */
export const WEAK_PREFIXES: ReadonlySet<string> = new Set(["达到", "达", "控制在"]);

/** Words that qualify a quantity before its operator or number without changing what it states:
 * the period or total it counts over (`全年不少于4次`, `累计≥500人次`, `年均≥3%`), a commitment
 * (`确保90%以上`, `力争达到95%`), a lead time (`提前30分钟`). At most two (`全年累计`); the value
 * keeps them as written (the cleaner writes `全年≥4次`). */
export const LEAD_WORDS: readonly string[] = ["全年", "累计", "合计", "共计", "总计", "年均", "平均", "确保", "力争", "提前"];

/** Chinese numerals read as a count before a unit (`三次`, `两个`, `不少于十二场`, `一百人`, `两千份`): the
 * digits, and the powers of HAN_POWERS after them. */
export const HAN_DIGITS: ReadonlyMap<string, number> = new Map([
  ["一", 1], ["二", 2], ["两", 2], ["三", 3], ["四", 4], ["五", 5], ["六", 6], ["七", 7], ["八", 8], ["九", 9],
]);

/** The powers of a count in Chinese numerals (`二十五`, `一百二十`, `三千零五十`: 1 to 9999; `零` stands
 * for a skipped power). `万` and `亿` are none: they are magnitudes of the unit (`三万人` is 3 万人,
 * as `3万人`). */
export const HAN_POWERS: ReadonlyMap<string, number> = new Map([["十", 10], ["百", 100], ["千", 1000]]);

/** A percentage written in words before its number (`百分之九十`, `百分之百`, `百分之95`): the number is
 * the numerals after it, the unit `%`; the value keeps the words as written (`numberRaw` holds them). */
export const PERCENT_WORDS = "百分之";

/** Whether a value's numberRaw is a percentage in words (`百分之九十`): the cleaner writes it as written,
 * its `%` included. */
export function isPercentInWords(numberRaw: string | undefined): boolean {
  return numberRaw !== undefined && numberRaw.startsWith(PERCENT_WORDS) && numberRaw.length > PERCENT_WORDS.length;
}

/** Words after a number or its magnitude saying “and some more” (`100余人`, `3万余人`, `十余次`,
 * `200多户`): the number is the number (no operator, as with `约`), the unit is read around the word
 * (`3万余人` is 3 万人), and the value is kept as written. */
export const OVER_WORDS: ReadonlySet<string> = new Set(["余", "多"]);

/** How many Han characters may follow a quantity's unit as the words naming what it counts or
 * does (`≥10个项目`, `≥3万人参与`, `≥1亿元产值`, `100%完成`, `30天内完成`): the value's remark.
 * Longer text is no value. */
export const MAX_COUNTED_WORDS = 6;

/** Characters such words never hold: they would make the value a time (`12月底前`, `5年一次`: see
 * also TIME_MARKERS and the Chinese numerals), a frequency (`2次每年`) or a range (`3个至5个`). */
export const NOT_COUNTED_WORD_CHARS: ReadonlySet<string> = new Set([..."每前后底内至到"]);

/** Units that after a Chinese numeral name something rather than count it: a point of the
 * calendar (`十二月`, `一季度`: time values), a grade or class (`三级`, `五星`, `一类`: words) or a
 * time (`一度`, `二度`: once, a second time). */
export const HAN_NAMING_UNITS: ReadonlySet<string> = new Set(["年", "月", "日", "季度", "级", "星", "类", "度"]);

/** Operators written after the number and unit (`80%以上`, `30天以内`), longest first.
 * `内` alone only counts after a time unit (`30天内`), see TIME_UNITS. */
export const SUFFIX_WORDS: readonly OperatorWord[] = [
  { text: "及以上", operator: "≥" },
  { text: "或以上", operator: "≥" },
  { text: "及以下", operator: "≤" },
  { text: "或以下", operator: "≤" },
  { text: "以上", operator: "≥" },
  { text: "以下", operator: "≤" },
  { text: "以内", operator: "≤" },
  { text: "之内", operator: "≤" },
];

export const WITHIN_SUFFIX: OperatorWord = { text: "内", operator: "≤" };

/** Units of the domain (DOMAIN.md §2 and real tables). Longest match wins (`个工作日` over `个`);
 * a short unknown Han unit (`株`, `盏`) is read too, see parseValue. */
export const UNITS: readonly string[] = [
  "%", "‰",
  "个", "人", "人次", "万人", "万人次", "次", "期", "篇", "场", "场次", "所", "户", "万户", "台", "台次", "套", "项",
  "份", "处", "家", "条", "批", "批次", "本", "册", "万册", "件", "座", "名", "班", "班次", "门", "节", "课时", "学时",
  "类", "种", "株", "棵", "万株", "辆", "张", "间", "栋", "幅", "部", "盏", "只", "头", "支", "队", "宗", "例", "床",
  "首", "集", "轮", "组", "块", "片", "村", "镇", "个村", "个镇", "所学校", "个点", "分", "星", "级", "倍", "元", "万元",
  "亿元", "千元", "百万元", "元/人", "公里", "千米", "米", "平方米", "万平方米", "平方公里", "立方米", "亩", "万亩", "公顷",
  "吨", "万吨", "千克", "公斤", "天", "日", "工作日", "个工作日", "小时", "分钟", "秒", "周", "个月", "月", "季度", "个季度",
  "年", "km", "m", "kg", "t", "h",
  // Areas and volumes as typed with a symbol (`≥500㎡`, `≥2万m²`, `≥3000m2`, `≤350元/㎡`), kept as written;
  // a change of a rate in points (`≥5个百分点`).
  "㎡", "m²", "m2", "km²", "km2", "㎢", "m³", "m3", "㎥", "个百分点", "百分点",
  // Energy (`≥50万千瓦时`, `≤8.5千克标准煤/平方米`), freight (`≥3万标准箱`, `≥12万辆次`), land (`≥15平方千米`)
  // and environment (`≤55分贝`): units of three and more characters a generic unit does not reach.
  "千瓦时", "兆瓦时", "千瓦", "兆瓦", "度", "吨标准煤", "千克标准煤", "公斤标准煤", "吨标煤", "千克标煤", "公斤标煤",
  "标准箱", "吨公里", "人公里", "辆次", "车次", "架次", "艘次", "航次", "平方千米", "分贝", "毫克", "微克", "毫升", "升",
];

/** SI prefixes of a unit written in Latin letters (`km`, `mg`, `μg`, `kW`, `MWh`); `K` as typed for `k`
 * (`KW`, `Kg`). */
const LATIN_PREFIXES = "kKMGTmμµcn";

/** Symbols a Latin unit is made of, alone or after one prefix of LATIN_PREFIXES (`g`, `mg`, `kWh`,
 * `kPa`, `dB`); `t/a` and `d` are the tonne per year and the day of environmental tables. Bare
 * capitals that name grades or sizes (`4A`, `5G`, `2B`) are none. */
const LATIN_BASES: ReadonlySet<string> = new Set(["g", "t", "m", "L", "l", "W", "Wh", "V", "VA", "Hz", "s", "h", "d", "a", "J", "Pa", "dB"]);

/** Latin units that are no prefix and symbol: a minute, a container (TEU), parts per million, coal
 * equivalents, data rates, and capitals typed for lower case. */
const LATIN_WORDS: ReadonlySet<string> = new Set([
  "min", "TEU", "ppm", "ppb", "tce", "kgce", "KB", "MB", "GB", "TB", "kbps", "Mbps", "Gbps", "KG", "KM", "KWH", "kwh",
]);

/** A Latin unit is short: a longer run of letters is a word or a code. */
const MAX_LATIN_UNIT = 4;

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3bc || c === 0xb5; // A-Z a-z μ µ
}

/**
 * The end of a unit written in Latin letters at `i` (`i` when there is none): a whole run of letters
 * that is a LATIN_WORDS word or a symbol of LATIN_BASES, maybe after one prefix (`mg`, `μg`, `kW`),
 * then maybe an exponent (`m²`, `m³`, and `m2`/`m3` after a length: `km2`). The whole run or nothing:
 * `PM` or `mgx` are no unit. Examples: `mg` in `≤50mg/L`, `μg` and `m³` in `≥35μg/m³`.
 */
export function latinUnitEnd(text: string, i: number, end: number): number {
  let r = i;
  while (r < end && r - i <= MAX_LATIN_UNIT && isLatinLetter(text.charCodeAt(r))) r++;
  if (r === i || r - i > MAX_LATIN_UNIT) return i;
  const word = text.slice(i, r);
  const prefixed = word.length > 1 && LATIN_PREFIXES.includes(word.charAt(0)) && LATIN_BASES.has(word.slice(1));
  if (!prefixed && !LATIN_BASES.has(word) && !LATIN_WORDS.has(word)) return i;
  if (r < end) {
    const c = text.charCodeAt(r);
    const exponent = c === 0xb2 || c === 0xb3 || (word.endsWith("m") && (c === 0x32 || c === 0x33)); // ² ³ 2 3
    if (exponent && !(r + 1 < end && isDigit(text.charCodeAt(r + 1)))) r++;
  }
  return r;
}



/** Units of time, durations of teaching (`学时`, `课时`) included: after them `内` means `≤`
 * (`30天内`, `2个工作日内`), and a 时效 indicator may be measured in them (`≥40学时`). */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  "天", "日", "工作日", "个工作日", "小时", "分钟", "秒", "周", "个月", "月", "季度", "个季度", "年", "学时", "课时",
]);

/** Magnitudes written before a unit: `万人`, `亿元`, `千米`, `百万元`. */
export function isMagnitude(c: number): boolean {
  return c === 0x4e07 || c === 0x4ebf || c === 0x5343 || c === 0x767e; // 万 亿 千 百
}

/** How many magnitude characters (at most two: `百万`) open `unit`: 1 for `万人`, 2 for `百万元`. */
export function magnitudeLength(unit: string): number {
  let n = 0;
  while (n < unit.length && n < 2 && isMagnitude(unit.charCodeAt(n))) n++;
  return n;
}

/** Whether a unit measures time: a unit of TIME_UNITS, maybe with a magnitude (`万小时`) or per
 * something (`小时/次`, `天/件`). */
export function isTimeUnit(unit: string): boolean {
  if (TIME_UNITS.has(unit)) return true;
  const start = magnitudeLength(unit);
  let end = start;
  while (end < unit.length && unit.charAt(end) !== "/" && unit.charAt(end) !== "·") end++;
  return (start > 0 || end < unit.length) && TIME_UNITS.has(unit.slice(start, end));
}

/** Periods written `每…` before a count, and the unit each gives (`每季` is a quarter too). */
export const PERIODS: readonly (readonly [string, string])[] = [
  ["每半年", "半年"],
  ["每半月", "半月"],
  ["每季度", "季度"],
  ["每学期", "学期"],
  ["每学年", "学年"],
  ["每年度", "年"],
  ["每两年", "两年"],
  ["每两月", "两月"],
  ["每年", "年"],
  ["每旬", "旬"],
  ["每季", "季度"],
  ["每月", "月"],
  ["每周", "周"],
  ["每天", "天"],
  ["每日", "日"],
];

const PER_PERIOD: ReadonlySet<string> = new Set([...PERIODS.map(([, unit]) => unit), "季"]);

/** Whether a unit is a count per period, a frequency: `次/月` (read from `每月2次`), `次/年`, `场/季度`. */
export function isPerPeriodUnit(unit: string): boolean {
  const slash = unit.lastIndexOf("/");
  return slash > 0 && PER_PERIOD.has(unit.slice(slash + 1));
}

/** Separators of a range (`90%-95%`, `90%~95%`, `90%至95%`, `90%到95%`, `90%—95%`). */
export const RANGE_SEPARATORS: ReadonlySet<string> = new Set(["-", "~", "至", "到", "—", "–", "−"]);

/** Qualitative values of real tables (DOMAIN.md §2) that are values, not names: an unlabelled
 * item's last comma part is taken as its value when it is one of these (or very short). `无` is
 * one: as a value it says “none happen” (`安全责任事故，年度指标值：无`), see VALUE_NONE_WORDS. */
export const QUALITATIVE_WORDS: ReadonlySet<string> = new Set([
  "是", "否", "合格", "不合格", "良好", "优良", "优秀", "较好", "好", "达标", "完成", "已完成", "按时完成", "全部完成",
  "按期完成", "及时", "按时", "按期", "长期", "中长期", "持续", "有效", "高", "较高", "提高", "提升", "改善", "增强",
  "明显", "显著", "达成年度指标", "达成预期指标", "有效提升", "明显改善", "明显提升", "稳步提升", "逐步提升", "效果明显",
  "效果显著", "有所提升", "进一步提升", "有所提高", "进一步提高", "有所改善", "满意", "基本满意", "符合要求", "达到要求",
  "达到预期", "达到预期目标", "符合标准", "无", "正常", "正常运行", "稳定", "保持稳定",
  "得到保障", "得到有效保障", "得到落实", "落实到位", "保障到位",
]);

/** Whom a service is for after `为` (`为民服务`, `为企业办实事`, `为老服务`): with them `为` begins a
 * name, never a label's `为` before a value (`，年度指标值为民服务` is no label). */
export const SERVED_WORDS: readonly string[] = ["民", "人", "群众", "企", "农", "老", "残", "侨", "军", "基层", "师生", "学生", "患者"];

/** Legal but weak values a reviewer sends back (DOMAIN.md §3 vague_value): they name no
 * target one could check. Matched on the whole value, so `明显改善` (a legitimate,
 * checkable statement in the guidance) is not vague while `明显` alone is. */
export const VAGUE_WORDS: ReadonlySet<string> = new Set([
  "效果明显", "效果显著", "效果较好", "效果良好", "较好", "好", "高", "较高", "有所提升", "进一步提升", "有所提高",
  "进一步提高", "有所改善", "进一步改善", "有所增强", "进一步增强", "进一步加强", "明显", "显著", "提升", "提高",
  "改善", "增强", "加强", "逐步提升", "不断提升", "持续提升", "大幅提升", "一般",
  "较明显", "较显著", "一定程度提升", "一定程度提高", "有一定提升", "有一定提高", "较大提升", "较大提高", "逐步提高",
  "不断提高", "持续提高", "大幅提高", "进一步优化", "有所优化", "有所好转",
  "成效明显", "成效显著", "成效较好", "效果较明显", "作用明显", "作用显著",
  // The same weak forms of the other changes a value states (a burden eased, a life enriched): the
  // bare verb, `有所…`, `进一步…` (`有效减轻`, `明显降低` stay checkable statements, like `明显改善`).
  "减轻", "有所减轻", "进一步减轻", "降低", "有所降低", "进一步降低", "减少", "有所减少", "进一步减少",
  "下降", "有所下降", "进一步下降", "缓解", "有所缓解", "进一步缓解", "丰富", "有所丰富", "进一步丰富", "更加丰富",
  "完善", "有所完善", "进一步完善", "优化", "好转",
]);

/** Words that open a value stated as a phrase (`达到国家C级标准`, `无重大事故`, `按规定标准`,
 * `符合国家标准`, `实现全覆盖`, `全部完成`, `满足群众需求`): an unlabelled item's last comma part opened
 * by one of them is its value (see parseValue's isValuePhrase). `确保` only before a result
 * (`确保不发生群体性事件`, `确保按期完成`): `确保资金使用效益` after a task is the aim restated, no target
 * (the item stays without a value). */
export const VALUE_PHRASE_OPENERS: readonly string[] = ["达到", "无", "按", "符合", "实现", "全部", "满足"];

/** `确保` before an opener or a result (`确保不发生群体性事件`, `确保零事故`, `确保完成`) opens a value
 * phrase (VALUE_PHRASE_OPENERS' doc). */
export const ENSURE_WORD = "确保";
export const ENSURED_RESULTS: readonly string[] = ["不", "零", "完成"];

/** Nouns opened by `无` that name a thing, not its absence: `无障碍通道建设` is a name. */
export const NONE_COMPOUNDS: readonly string[] = ["无障碍", "无人", "无线", "无害", "无偿", "无公害", "无纸", "无菌", "无证", "无烟", "无缝", "无感"];

/** The last characters and words of an indicator's name (a measure: `…率`, `…数量`, `…人次`,
 * `…时限`, `…情况`): a phrase ending in one names what is measured, not the value (`按期完成率`,
 * `无障碍设施改造数量`, `按时完成情况`). */
export const MEASURE_NAME_ENDS: readonly string[] = ["率", "数", "量", "额", "度", "比", "例", "重", "次", "时间", "时限", "期限", "日期", "指标", "面积", "长度", "规模", "情况"];

/** Qualitative words that, glued to the end of a name with no separator, are more likely the
 * end of the name than its value: a bare verb (`服务能力提升`, `项目完成`), `持续` (`可持续`),
 * `满意` (`办人民满意`). Their qualified forms (`有效提升`, `按时完成`) are values. */
export const NAME_TAIL_WORDS: ReadonlySet<string> = new Set([
  "提升", "提高", "改善", "增强", "加强", "完成", "持续", "满意", "减轻", "降低", "减少", "下降", "缓解", "丰富",
  "完善", "优化", "好转",
]);

/** Characters a time value is made of (`2025年12月31日前`, `每年12月底前`, `第2、3季度`,
 * `年底前完成`), digits and spaces aside. */
export const TIME_CHARS: ReadonlySet<string> = new Set([
  ..."年月日号底前后之以末初内中上下旬每季度周第至到止截-~—–./、当次全半完成份起",
]);

/** A time value names a point or period: one of these must appear. */
export const TIME_MARKERS: ReadonlySet<string> = new Set([..."年月日号季周旬"]);

/** Filler characters typed where there is nothing to say (folded: `－` `／` `＿` are ASCII here):
 * a text of them alone (`—`, `/`, `-`, `——`, `……`) is a placeholder, not a value or a cell. */
export const FILLER_CHARS: ReadonlySet<number> = new Set([
  0x2d, 0x2014, 0x2013, 0x2015, 0x2500, 0x2501, 0x2010, 0x2011, 0x2212, 0x5f, 0x3d, 0x2f, 0x5c, 0x2e, 0x3002, 0x2026, 0xb7, 0x22ef, 0x7e,
]);

/** Words meaning “none” typed instead of a value or a cell's indicators, upper-cased, without
 * spaces or a final full stop. */
export const NONE_WORDS: ReadonlySet<string> = new Set([
  "无", "暂无", "没有", "空", "空白", "略", "不适用", "不涉及", "待定", "待补充", "NA", "N/A", "N.A", "NULL", "NONE", "NIL",
]);

/** NONE_WORDS that are a value of their own where a value stands: `无` (`没有`) for an indicator
 * counted down to zero (事故, 投诉, 违规). Only a whole indicator cell of them is a placeholder. */
export const VALUE_NONE_WORDS: ReadonlySet<string> = new Set(["无", "没有"]);

/** Excel's error values as text (`#N/A`, `#DIV/0!` …), upper-cased: a host may hand them as text. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
]);
