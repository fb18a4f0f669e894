import type { Direction, IndicatorItem } from "../model";
import { isShareAt } from "../parse/vocabulary";

/**
 * What an indicator measures, read from its 三级 name (and its category): the shared judgement
 * behind percent_over_100, rate_ge_100, percent_on_count, qualitative_on_quantity, the
 * satisfaction, cost and timeliness rules and the direction rules.
 *
 * The name's tail decides (Chinese compounds put the head noun last): `参加培训人次完成率` is a
 * rate although it contains 人次; `设备运营维护数量计划完成率` is a rate although it contains 数量.
 */
export type Measure = "rate" | "satisfaction" | "count" | "amount" | "other";

export type { Direction } from "../model";

export interface IndicatorClass {
  measure: Measure;
  /** The name is a ratio written as a fraction, `实际发放人数/应发放人数`, or as a share,
   * `实际改造户数占计划改造户数`: measured as a rate. */
  fraction: boolean;
  /** A 时效 indicator: 二级 时效指标 (written or inferred), `…时效`, `…及时率`, `…时限`, `完成时间` … */
  timeliness: boolean;
  /** An economic cost indicator (成本指标 / 经济成本指标, or a name ending in 成本). Social and
   * ecological costs are usually described in words, so they are not held to amounts. */
  economicCost: boolean;
  direction: Direction;
  /** Measured on a 0–100 % scale: rates, satisfaction, and 时效 indicators written as a
   * percentage (`资金拨付时效指标 ≥90%`, a rate in disguise). */
  percentScale: boolean;
}

/** Trailing words that carry no meaning for classification: `拨付完成率指标` → `拨付完成率`. */
const TRAILING_NOISE = ["指标", "%", "％"];

const WHITESPACE = /\s+/g;

/** A short trailing bracket is a unit note: `人均成本（元/人）`, `满意度（%）`, `培训人数(人次)`. */
const MAX_UNIT_NOTE = 6;

/** Words ending in 率 that are not proportions: 效率 (efficiency), 频率 (frequency) … */
const NOT_RATE = ["效率", "频率", "功率", "速率"];
/** Rates that end in a NOT_RATE word: 有效 + 率, the share of cases that responded (`治疗有效率`,
 * `康复有效率`), 无效率 and 显效率 alike, and 成功 + 率 (`纠纷调解成功率`, not the power 功率);
 * `工作效率`, `行政效率`, `发射功率` stay no rates. */
const RATES_ENDING_NOT_RATE = ["有效率", "无效率", "显效率", "成功率"];
const RATE_TAILS = ["比例", "占比", "比重", "比率", "百分比"];

const SATISFACTION_TAILS = ["满意度", "满意率"];

/** Count heads: `党代会年会制试点镇数量`, `全区远教站点数`, `举办各类培训期数`, `培训场次`. */
const COUNT_TAILS = ["数量", "场次", "人次", "频次", "批次", "班次", "名额"];
/** Words ending in 数 that are not counts: 指数 (index), 系数 (coefficient), 分数 (score) … */
const NOT_COUNT = ["指数", "系数", "分数", "倍数", "参数", "基数", "函数", "位数"];

/** `…额` is a sum of money (`水资源费征收额`, `道路建设投资额`, `资金总额`, `销售额`), unless NOT_AMOUNT
 * says otherwise; `贴息额度` too. 名额 (places) is a count (COUNT_TAILS). A 价格 is a price level watched
 * (`生活必需品价格` 基本稳定), no sum to deliver: not here (单价 is). */
const AMOUNT_TAILS = ["成本", "额", "额度", "经费", "资金", "费用", "支出", "投入", "造价", "单价", "预算"];
/** Words ending in 额 that are no sum: 份额 (a share), 足额/全额/超额 (in full, beyond: how a thing is done). */
const NOT_AMOUNT = ["份额", "足额", "全额", "超额"];

const TIMELINESS_TAILS = ["及时率", "时限", "完成时间", "时间", "期限", "周期", "工期", "时长"];

/**
 * Words of indicators that are better when lower. Example: `逾期发放率`, `安全事故发生次数`,
 * `食品安全问题发生次数`, `群众上访次数`, `数据错误率`, `审批办件超期率`, `不合格率` match;
 * `合格率` does not. A plain alternation of literals, kept as the readable
 * list; matched by NEGATIVE_WORDS (one scan, no regex engine per name).
 *
 * A thing done wrongly is written as a prefix and a one-character verb: 漏登 (missed), 迟报 (late),
 * 错发 (paid to the wrong person), 误诊, 失访 (lost to follow-up), 空报 (false alarm), 骗保. Only
 * whole words: 错峰, 多发病, 失能 are no failures (多X stands in EVENT_WORDS only, where it ends the
 * name: `优抚金多发金额`). `不中断` is a remedy.
 *
 * Sector words: 漏损 (water lost from the mains, `管网漏损率`), 成灾 (`林业有害生物成灾率`), 超限/超载
 * (`货车超限超载率`), 晚点/脱班/空驶 (`列车晚点率`, `公交车辆脱班率`, `出租车空驶率`), 积水/内涝
 * (`城市内涝积水点数量`), 重复访/越级访 (`重复访率`).
 */
export const NEGATIVE_TERMS =
  /发生率|发生次数|发生起数|发生数|投诉|故障|不合格|失误|差错|错误|事故|逾期|超期|超支|违规|违纪|违法|拖欠|欠薪|超标|延误|隐患|损失|损耗|流失|返工|误差|偏差|空置|闲置|辍学|死亡|伤亡|发病|犯罪|发案|退回|违约|漏报|错报|误报|返贫|致贫|不良|缺陷|污染|排放|浓度|能耗|失败|信访|上访|挪用|套取|骗取|截留|火灾|舆情|事件|疫情|失业|复吸|响应时间|等待时间|等候时间|不达标|不满意|泄露|泄密|溺水|中毒|冒领|造假|刑事案件|脱管|漏登|漏发|漏检|漏诊|漏录|漏缴|迟报|迟发|错发|错登|错录|错拨|错付|误诊|误判|失访|失联|空报|骗保|骗补|骗领|纠纷|中断|不准确|漏损|成灾|超限|超载|晚点|脱班|空驶|积水|内涝|重复访|越级访|集体访|缠访|闹访|裁员|失学|感染|近视/;

/**
 * Words that turn a negative term into something to increase: `投诉处理率`, `事故发生率下降`,
 * `隐患整改率`, `故障维修及时率`, `污染物排放达标率`, `设备故障排除率`, `闲置资产盘活率`,
 * `违法建设拆除面积`, `安全事故应急演练次数`, `投诉人满意度`, `受污染耕地安全利用率`, `化学需氧量排放量削减`
 * are positive, and so are `不合格食品下架率`, `风险隐患动态清零率`, `违法违规案件移送率`, `失联党员找回率`,
 * `服务不中断率`, `人民调解纠纷数量`, `土地承包纠纷仲裁案件数`, `积水点改造数量`. Literal alternation,
 * matched by REMEDY_WORDS.
 */
export const REMEDY_TERMS =
  /处理|处置|整改|查处|解决|办结|回复|答复|受理|下降|降低|减少|压降|控制|治理|防治|防范|防控|整治|消除|排查|排除|化解|清理|清欠|清偿|追回|挽回|收回|达标|纠正|修复|维修|结案|调处|销号|预防|避免|杜绝|查办|打击|侦破|处罚|拆除|盘活|劝返|演练|监测|检测|救援|扑救|救助|帮扶|赔偿|补偿|满意|利用|削减|减排|减量|再就业|除治|帮教|安置|下架|召回|清零|清退|追缴|收缴|取缔|拦截|阻断|销毁|移送|移交|找回|不中断|调解|仲裁|改造|追踪|追访|补登|补录|恢复|筛查|零中断|零事故|零差错|零投诉|零失误|零发生|垫付|讨回|追讨|返校|复学|入学|随访|治疗/;

/** A ratio written as `A/B`: at least two name characters on each side of the slash.
 * Example: `实际覆盖的党（工）委数量/计划覆盖的党（工）委数量` matches (`数量/计划`); a unit in a
 * name, `人均成本（元/人）`, does not (one character each side). Fixed-width: no backtracking. */
const FRACTION = /[\p{Script=Han}A-Za-z）)]{2}\s?[/／]\s?[\p{Script=Han}A-Za-z（(]{2}/u;

/** The classification of a name alone (no category). Pure; see classifyIndicator for items. */
export interface NameClass {
  measure: Measure;
  fraction: boolean;
  timeliness: boolean;
  cost: boolean;
  direction: Direction;
}

/** The name with spaces, a trailing unit note (`（元/人）`) and trailing noise (`指标`) removed. */
/** Rates that may pass 100% (`GDP增长率 ≥120%`, `杠杆率 ≥300%`): a change or a multiple, not a
 * share of a whole. */
const UNBOUNDED_RATE_TAILS = ["增长率", "增幅", "增速", "杠杆率", "倍率", "回报率", "收益率"];

/** Whether a name is a rate that may pass 100% (UNBOUNDED_RATE_TAILS): percent_over_100 and
 * rate_ge_100 leave it alone. */
export function isUnboundedRate(name: string): boolean {
  return (namePacked(name) & NAME_UNBOUNDED) !== 0;
}

function unboundedRateHead(head: string): boolean {
  for (const tail of UNBOUNDED_RATE_TAILS) if (head.endsWith(tail)) return true;
  return false;
}

/** Whether a name measures an index, a coefficient or a score (`路面技术状况指数（PQI）`,
 * `灌溉水有效利用系数`, `考核分数`): a number without a unit is complete. */
export function isDimensionless(name: string): boolean {
  return (namePacked(name) & NAME_DIMENSIONLESS) !== 0;
}

function dimensionlessHead(head: string): boolean {
  for (const tail of NOT_COUNT) if (head.endsWith(tail)) return true;
  return false;
}

export function nameHead(name: string): string {
  let head = hasWhitespace(name) ? name.replace(WHITESPACE, "") : name;
  for (let changed = true; changed; ) {
    changed = false;
    const last = head.charCodeAt(head.length - 1);
    if (last === 0xff09 || last === 0x29) {
      // `）` or `)`
      const open = Math.max(head.lastIndexOf("（"), head.lastIndexOf("("));
      if (open > 0 && head.length - open - 2 <= MAX_UNIT_NOTE) {
        head = head.slice(0, open);
        changed = true;
      }
    }
    // Only a name ending in 标 or a percent sign carries noise: the rest skip the comparisons.
    if (last !== 0x6807 && last !== 0x25 && last !== 0xff05 && !changed) continue;
    for (const noise of TRAILING_NOISE) {
      if (head.length > noise.length && endsWithWord(head, noise)) {
        head = head.slice(0, -noise.length);
        changed = true;
      }
    }
  }
  return head;
}

/** Whether `text` holds anything `\s` matches; the common name has none and skips the regex. */
function hasWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII controls and space, NBSP, and the Unicode spaces from U+1680 on; CJK text never stops here.
    if (c <= 0x20 || c === 0xa0 || (c >= 0x1680 && c < 0x3001) || c === 0xfeff) {
      if (WHITESPACE_CHAR.test(text[i] ?? "")) return true;
    }
  }
  return false;
}

const WHITESPACE_CHAR = /\s/;

/** One bit per tail list: LAST_CHAR_LISTS[c] says which lists have a tail ending in code unit c,
 * so a name is compared only with lists that can match its last character. */
const NOT_RATE_BIT = 1;
const RATE_BIT = 2;
const SATISFACTION_BIT = 4;
const COUNT_BIT = 8;
const NOT_COUNT_BIT = 16;
const AMOUNT_BIT = 32;
const TIMELINESS_BIT = 64;

const LAST_CHAR_LISTS = new Uint8Array(0x10000);
for (const [list, bit] of [
  [NOT_RATE, NOT_RATE_BIT],
  [RATE_TAILS, RATE_BIT],
  [SATISFACTION_TAILS, SATISFACTION_BIT],
  [COUNT_TAILS, COUNT_BIT],
  [NOT_COUNT, NOT_COUNT_BIT],
  [AMOUNT_TAILS, AMOUNT_BIT],
  [NOT_AMOUNT, AMOUNT_BIT],
  [TIMELINESS_TAILS, TIMELINESS_BIT],
] as const) {
  for (const tail of list) {
    const last = tail.charCodeAt(tail.length - 1);
    LAST_CHAR_LISTS[last] = (LAST_CHAR_LISTS[last] ?? 0) | bit;
  }
}

// Names are short: the word tests below compare code units in place, which is cheaper than a
// call into the string built-ins for every name of every row.

/** `text.endsWith(word)`. */
function endsWithWord(text: string, word: string): boolean {
  const offset = text.length - word.length;
  if (offset < 0) return false;
  for (let i = word.length - 1; i >= 0; i--) if (text.charCodeAt(offset + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** `text.includes(word)` for a short word. */
function containsWord(text: string, word: string): boolean {
  const first = word.charCodeAt(0);
  const last = text.length - word.length;
  outer: for (let i = 0; i <= last; i++) {
    if (text.charCodeAt(i) !== first) continue;
    for (let k = 1; k < word.length; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function endsWithAny(text: string, tails: readonly string[], bit: number): boolean {
  const n = text.length;
  if (n === 0 || ((LAST_CHAR_LISTS[text.charCodeAt(n - 1)] as number) & bit) === 0) return false;
  for (let i = 0; i < tails.length; i++) if (endsWithWord(text, tails[i] as string)) return true;
  return false;
}

const RATE_CHAR = 0x7387; // 率
const COUNT_CHAR = 0x6570; // 数

function isRateHead(head: string): boolean {
  if (endsWithAny(head, RATE_TAILS, RATE_BIT)) return true;
  if (head.charCodeAt(head.length - 1) !== RATE_CHAR) return false;
  if (!endsWithAny(head, NOT_RATE, NOT_RATE_BIT)) return true;
  for (const rate of RATES_ENDING_NOT_RATE) if (endsWithWord(head, rate)) return true;
  return false;
}

function isCountHead(head: string): boolean {
  if (endsWithAny(head, COUNT_TAILS, COUNT_BIT)) return true;
  return head.charCodeAt(head.length - 1) === COUNT_CHAR && !endsWithAny(head, NOT_COUNT, NOT_COUNT_BIT);
}

/** FRACTION needs a slash: most names have none and skip the Unicode-property regex. `A占B`
 * is the same ratio in words (isShareAt). */
function isFraction(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0x2f || c === 0xff0f) return FRACTION.test(head); // `/` or `／`
  }
  return isShareAt(head, 0, head.length);
}

/**
 * Whether any of a list of literal words occurs in a text: the meaning of a regular expression
 * that is a plain alternation of literals (NEGATIVE_TERMS, REMEDY_TERMS), in one scan. Words are
 * indexed by their first code unit; a character that starts none costs one table read.
 */
class WordSet {
  private readonly starts = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      const list = this.byFirst.get(first) ?? [];
      list.push(word);
      this.byFirst.set(first, list);
    }
  }

  occursIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.starts[c] === 0) continue;
      const words = this.byFirst.get(c) as string[];
      for (let k = 0; k < words.length; k++) if (text.startsWith(words[k] as string, i)) return true;
    }
    return false;
  }

  /** The words that occur at position `i` of `text` (none: an empty list, not allocated). */
  wordsAt(text: string, i: number): readonly string[] {
    if (this.starts[text.charCodeAt(i)] === 0) return NO_WORDS;
    const words = this.byFirst.get(text.charCodeAt(i)) as string[];
    let found: string[] | undefined;
    for (const word of words) if (text.startsWith(word, i)) (found ??= []).push(word);
    return found ?? NO_WORDS;
  }
}

const NO_WORDS: readonly string[] = [];

/**
 * Literal words matched where they end: which of them ends at a position of a text, the
 * longest. Words are indexed by their last code unit; names are short and memoised, so a list
 * per character is enough.
 */
class EndSet {
  private readonly byLast = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      const last = word.charCodeAt(word.length - 1);
      const list = this.byLast.get(last) ?? [];
      list.push(word);
      this.byLast.set(last, list);
    }
  }

  /** The length of the longest word ending at `end` in `text` (exclusive), 0 for none. */
  longestEndingAt(text: string, end: number): number {
    if (end <= 0) return 0;
    const words = this.byLast.get(text.charCodeAt(end - 1));
    if (words === undefined) return 0;
    let longest = 0;
    for (const word of words) {
      if (word.length > longest && word.length <= end && text.startsWith(word, end - word.length)) longest = word.length;
    }
    return longest;
  }
}

/** The literals of a `a|b|c` regular expression. */
function alternatives(pattern: RegExp): string[] {
  return pattern.source.split("|");
}

const NEGATIVE_WORDS = new WordSet(alternatives(NEGATIVE_TERMS));
const REMEDY_WORDS = new WordSet(alternatives(REMEDY_TERMS));

export function classifyName(name: string): NameClass {
  readName(name);
  return { measure: nameMeasure, fraction: nameFraction, timeliness: nameTimeliness, cost: nameCost, direction: nameDirection };
}

// readName's result (scratch: the item classifier reads it at once, without an object per name).
let nameMeasure: Measure = "other";
let nameFraction = false;
let nameTimeliness = false;
let nameCost = false;
let nameDirection: Direction = "正向";

/**
 * readName's answers by name, packed in one number (NAME_*): a table repeats a few hundred
 * names over thousands of projects, and the rules and the normalized table ask again for each
 * item. The answer depends on the name alone (the category is applied after, in
 * classifyUncached). Bounded: past NAME_MEMO_MAX distinct names the map starts over (a name
 * of more than 12 characters is a slice of its cell and keeps that text alive meanwhile).
 */
const NAME_MEMO_MAX = 4096;
/** The measures in a fixed order: a measure's index stands for it in packed answers. */
const MEASURES: readonly Measure[] = ["rate", "satisfaction", "count", "amount", "other"];
const nameMemo = new Map<string, number>();
const NAME_FRACTION = 8;
const NAME_TIMELINESS = 16;
const NAME_COST = 32;
const NAME_NEGATIVE = 64;
const NAME_UNBOUNDED = 128;
const NAME_DIMENSIONLESS = 256;
const NAME_MEASURE = 7;

function readName(name: string): void {
  const packed = namePacked(name);
  nameMeasure = MEASURES[packed & NAME_MEASURE] as Measure;
  nameFraction = (packed & NAME_FRACTION) !== 0;
  nameTimeliness = (packed & NAME_TIMELINESS) !== 0;
  nameCost = (packed & NAME_COST) !== 0;
  nameDirection = (packed & NAME_NEGATIVE) !== 0 ? "反向" : "正向";
}

/** The name's answers packed (NAME_*), from the memo or worked out and remembered. */
function namePacked(name: string): number {
  const memo = nameMemo.get(name);
  if (memo !== undefined) return memo;
  const head = nameHead(name);
  readNameUncached(head);
  const packed =
    MEASURES.indexOf(nameMeasure) |
    (nameFraction ? NAME_FRACTION : 0) |
    (nameTimeliness ? NAME_TIMELINESS : 0) |
    (nameCost ? NAME_COST : 0) |
    (nameDirection === "反向" ? NAME_NEGATIVE : 0) |
    (unboundedRateHead(head) ? NAME_UNBOUNDED : 0) |
    (dimensionlessHead(head) ? NAME_DIMENSIONLESS : 0);
  if (nameMemo.size >= NAME_MEMO_MAX) nameMemo.clear();
  nameMemo.set(name, packed);
  return packed;
}

/** readName's work on the name's head (nameHead), into the scratch variables. */
function readNameUncached(head: string): void {
  const fraction = isFraction(head);
  let measure: Measure = "other";
  // `群众不满意率` is a rate of something bad, no satisfaction measure.
  const dissatisfaction = containsWord(head, "不满意");
  if (!dissatisfaction && (endsWithAny(head, SATISFACTION_TAILS, SATISFACTION_BIT) || (fraction && containsWord(head, "满意")))) measure = "satisfaction";
  else if (fraction || isRateHead(head)) measure = "rate";
  else if (isCountHead(head)) measure = "count";
  else if (endsWithAny(head, AMOUNT_TAILS, AMOUNT_BIT) && !endsWithAny(head, NOT_AMOUNT, AMOUNT_BIT)) measure = "amount";
  const timeliness = containsWord(head, "时效") || endsWithAny(head, TIMELINESS_TAILS, TIMELINESS_BIT);
  // `满意度测评`, `满意度调查结果`: still a satisfaction measure when nothing else claims the name;
  // a time claims it (`满意度调查完成时间` is a 时效 indicator about the survey).
  if (measure === "other" && !timeliness && !dissatisfaction && containsWord(head, "满意度")) measure = "satisfaction";
  nameMeasure = measure;
  nameFraction = fraction;
  nameTimeliness = timeliness;
  nameCost = endsWithWord(head, "成本");
  nameDirection = directionOf(head);
}

/**
 * The direction of a name, read from what it counts: Chinese puts the head last. Its tail
 * decides first: a rate or count of something bad is 反向 whatever words stand before it
 * (`农产品检测不合格率`, `隐患整改逾期率`: the remedy word describes the subject), and a rate of
 * something done is 正向 whatever it is about (`投诉电话接通率`, `疫情报告及时率`). Then the
 * word before the measure word (headOf): a bad event is 反向 (`监测设备故障次数`, `帮扶对象返贫人数`),
 * a thing done 正向 (`森林火灾预警信息发布次数`, `违法行为立案数量`, `举报奖励`). Otherwise a negative
 * word anywhere makes it 反向 unless a remedy word turns it (`投诉处理情况`, `安置帮教刑满释放犯罪人员人数`)
 * or it names the field of the work counted (negativeCounted: `报送舆情信息数量`, `网上信访占比`).
 */
function directionOf(head: string): Direction {
  for (const tail of NEGATIVE_TAILS) if (head.endsWith(tail)) return "反向";
  for (const tail of POSITIVE_TAILS) if (head.endsWith(tail) && !head.endsWith(`不${tail}`)) return "正向";
  const end = head.length - MEASURE_ENDS.longestEndingAt(head, head.length);
  const event = EVENT_ENDS.longestEndingAt(head, end);
  if (event > 0 && !actedOn(head, end - event)) return "反向";
  const action = event > 0 ? 0 : ACTION_ENDS.longestEndingAt(head, end);
  // `隐患未整改数`, `逾期发放率`: a thing not done, or done badly, is counted; unless something is
  // done about it (`拆除违法建设面积` counts what was pulled down).
  if (action > 0) {
    const badly = BADLY_ENDS.longestEndingAt(head, end - action);
    return badly > 0 && !actedOn(head, end - action - badly) ? "反向" : "正向";
  }
  return negativeCounted(head) ? "反向" : "正向";
}

/**
 * Whether a negative word of the name is what it counts (directionOf's last reading). A remedy
 * word anywhere turns it (`投诉处理情况`). A field of work (TOPIC_WORDS) is only the topic when the
 * name also names a thing done about it, before or after (`报送舆情信息数量`, `污染源普查企业数量`,
 * `信访代理员人数`; not one done badly, `未录入`), or the channel it comes by (`网上信访占比`); alone
 * it is counted (`群体性信访事件数`, `污染物排放量`, `碳排放强度`). Any other negative word is counted.
 */
function negativeCounted(head: string): boolean {
  if (!NEGATIVE_WORDS.occursIn(head) || REMEDY_WORDS.occursIn(head)) return false;
  let workDone: boolean | undefined;
  for (let i = 0; i < head.length; i++) {
    for (const word of NEGATIVE_WORDS.wordsAt(head, i)) {
      if (!TOPICS.has(word)) return true;
      if (CHANNEL_ENDS.longestEndingAt(head, i) > 0) continue;
      workDone ??= doneCleanly(head);
      if (!workDone) return true;
    }
  }
  return false;
}

/** Whether the name holds a thing done (ACTION_WORDS) not said to be done badly (BADLY_WORDS). */
function doneCleanly(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    if (ACTIONS.wordsAt(head, i).length > 0 && BADLY_ENDS.longestEndingAt(head, i) === 0) return true;
  }
  return false;
}

/**
 * Negative words that also name a department's field of work, done about and counted by it:
 * 信访 (petitions), 舆情 (public opinion), 污染/排放 (pollution, emissions), 疫情, 投诉, 隐患, 纠纷,
 * 事件, 事故, 火灾. Read by negativeCounted.
 */
export const TOPIC_WORDS: readonly string[] = ["信访", "上访", "舆情", "污染", "排放", "疫情", "投诉", "隐患", "纠纷", "事件", "事故", "火灾"];

/** Channels a field's cases come by: `网上信访占比`, `网上信访量` count the online share, a thing to raise. */
export const CHANNEL_WORDS: readonly string[] = ["网上", "线上", "在线"];

/**
 * Words a count, amount or rate ends in: what it counts stands before them (`巡查次数` counts
 * 巡查, `返贫人数` counts 返贫). 件数 is left out: `刑事案件数` counts 刑事案件, not 刑事案.
 */
export const MEASURE_WORDS: readonly string[] = [
  "人次", "人数", "次数", "场次", "批次", "班次", "频次", "户数", "起数", "个数", "例数", "宗数", "家数", "数量", "总量",
  "总数", "覆盖面", "金额", "总额", "面积", "率", "量", "数", "额",
];

/**
 * Bad events that are counted when they stand last: `防汛救援人员伤亡人数`, `食品检测不合格批次`,
 * `涉密信息泄露次数` are 反向 although 救援, 检测 stand before. Words naming a thing a remedy
 * is often done to and counted by (隐患 `排查安全隐患数量`, 投诉 `受理群众投诉件数`, 案件) are not
 * here: they are left to the words anywhere.
 */
export const EVENT_WORDS: readonly string[] = [
  "伤亡", "死亡", "溺水", "中毒", "返贫", "致贫", "泄露", "泄密", "故障", "不合格", "不达标", "失误", "差错", "事故",
  "火灾", "犯罪", "脱管", "失控", "发生", "发案", "受伤", "遇难", "失踪", "逾期", "超期", "延误", "流失", "辍学",
  "失业", "发病", "复发", "复吸", "返工", "超标", "超支", "失败", "造假", "冒领", "挪用", "违约", "损坏", "丢失", "被盗",
  // things done wrongly (NEGATIVE_TERMS): `普查漏登户数`, `预警漏发次数`, `优抚金多发金额`, `传染病迟报例数`
  "漏登", "漏发", "漏检", "漏诊", "漏报", "漏录", "迟报", "迟发", "错发", "错报", "错登", "错拨", "误报", "误诊", "误判",
  "多发", "多领", "多拨", "多付", "失访", "失联", "空报",
  // sector words (NEGATIVE_TERMS): `供水管网漏损量`, `有害生物成灾面积`, `城市内涝积水点数量`, `越级访人次`
  "漏损", "成灾", "超限", "超载", "晚点", "脱班", "空驶", "积水", "积水点", "内涝", "内涝点", "重复访", "越级访", "集体访",
];

/**
 * Whether a bad event ending at `end` is the object of a word acting on it, not the thing
 * counted: a COUNTER_WORDS word before it (`治理水土流失面积`, `打击犯罪次数`, `排除故障次数`) or
 * `防` right before it (`防返贫`, `预防溺水`). `防汛救援人员伤亡人数`: 防汛 is no 防 of 伤亡.
 */
function actedOn(head: string, start: number): boolean {
  if (start > 0 && head.charCodeAt(start - 1) === 0x9632) return true; // 防
  return start > 1 && COUNTERS.occursIn(head.slice(0, start));
}

/** Words acting on a bad event (actedOn). */
export const COUNTER_WORDS: readonly string[] = [
  "防止", "处理", "处置", "查处", "打击", "侦破", "排除", "消除", "化解", "整治", "治理", "减少", "降低", "控制",
  "遏制", "避免", "杜绝", "纠正", "修复", "维修", "处罚", "扑救", "扑灭", "救治", "清理", "解决", "追回", "拆除", "取缔",
];

/**
 * Things done, counted when they stand last: 正向 whatever they are done about
 * (`地质灾害隐患点巡查次数`, `特种设备事故应急预案备案率`, `投诉热线接听量`, `安全生产违法行为举报奖励`).
 * The remedy words count too (`设备故障排除率`, `事故发生率下降`).
 */
export const ACTION_WORDS: readonly string[] = [
  ...alternatives(REMEDY_TERMS),
  "发布", "巡查", "检查", "督查", "核查", "抽查", "抽检", "检验", "巡检", "巡逻", "宣传", "培训", "教育", "立案", "办理",
  "接听", "接警", "出警", "安装", "备案", "登记", "奖励", "走访", "调解", "完成", "覆盖", "发放", "配备", "开展", "举办",
  "执法", "诊疗", "治疗", "诊治",
  // work on information and cases: `报送舆情信息数量`, `信访事项登记录入数量`, `碳排放清单编制数量`,
  // `网络舆情研判报告期数`, `督查督办信访事项数量`, `信访信息系统使用率`, `信访代理员人数`
  "报送", "上报", "录入", "编制", "编写", "普查", "调查", "研判", "分析", "评估", "统计", "采集", "审核", "核实", "督办",
  "交办", "转办", "使用", "代理", "建设", "征收",
];

/** Words before a thing done that say it was not done, or done badly: the count is of a
 * failure (`隐患未整改数`, `群众不满意`, `逾期发放率`, `违规发放金额`, `经费超标准使用金额`). */
export const BADLY_WORDS: readonly string[] = ["未", "不", "没", "漏", "逾期", "超期", "延期", "超时", "延迟", "滞后", "违规", "违法", "虚假", "重复", "错误", "超标", "超标准", "超范围"];

const MEASURE_ENDS = new EndSet(MEASURE_WORDS);
const EVENT_ENDS = new EndSet(EVENT_WORDS);
const COUNTERS = new WordSet(COUNTER_WORDS);
const ACTION_ENDS = new EndSet(ACTION_WORDS);
const BADLY_ENDS = new EndSet(BADLY_WORDS);
const ACTIONS = new WordSet(ACTION_WORDS);
const TOPICS: ReadonlySet<string> = new Set(TOPIC_WORDS);
const CHANNEL_ENDS = new EndSet(CHANNEL_WORDS);

/** Tails naming a share or count of something bad: 反向 whatever stands before them. */
export const NEGATIVE_TAILS: readonly string[] = [
  "不合格率", "不达标率", "不满意率", "不及格率", "故障率", "返工率", "返修率", "超期率", "逾期率", "延期率", "超时率",
  "死亡率", "病死率", "发生率", "发病率", "投诉率", "事故率", "差错率", "错误率", "失误率", "漏种率", "漏检率", "漏报率",
  "误报率", "坏账率", "不良率", "流失率", "辍学率", "空置率", "闲置率", "损失率", "损耗率", "违约率", "返贫率", "失业率",
  "发案率", "复发率", "再犯率", "超支率", "漏登率", "漏发率", "漏诊率", "漏录率", "迟报率", "迟发率", "错发率", "错报率",
  "误诊率", "误判率", "失访率", "失联率", "空报率", "漏损率", "成灾率", "超限率", "超载率", "晚点率", "脱班率", "空驶率",
  "重复访率", "越级访率", "母婴传播率", "病传播率", "传染率", "感染率", "患病率", "致残率", "近视率", "肥胖率", "吸烟率", "失学率", "退学率",
  "裁员率", "再入院率", "负债率",
];

/** Tails naming a share of something done or reached: 正向 whatever it is about (unless `不…`). */
export const POSITIVE_TAILS: readonly string[] = [
  "及时率", "覆盖率", "完成率", "接通率", "知晓率", "到位率", "执行率", "达标率", "合格率", "参保率", "抓获率", "破案率",
  "缴存率", "筛查率", "报告率", "报送率", "办结率", "结案率", "处置率", "处理率", "整改率", "响应率", "利用率", "治理率",
  "普及率", "受理率", "回复率", "满意度", "满意率", "检测率", "巡查率", "参保人数", "培训人数", "就业人数", "抓获人数",
  // how well a thing is done: `故障预警准确率`, `不合格产品检出率`
  "准确率", "正确率", "精准率", "检出率", "准点率",
  // how well a field's work goes or how it stands: `网上信访办理效率`, `信访秩序`, `污染防治成效`
  "效率", "效能", "成效", "效果", "能力", "质量", "秩序", "形势", "态势",
];

const ECONOMIC_COST_LEVEL2 = new Set(["成本指标", "经济成本指标"]);

/** Memo of the items of the cell being checked, by item position: the rules run row by row and
 * ask about the same items one after another, so an identity check replaces a WeakMap lookup. */
const MEMO_SLOTS = 64;
const memoItems: (IndicatorItem | undefined)[] = new Array<IndicatorItem | undefined>(MEMO_SLOTS).fill(undefined);
const memoClasses: (IndicatorClass | undefined)[] = new Array<IndicatorClass | undefined>(MEMO_SLOTS).fill(undefined);

/** The item's classification: its name, refined by its category. Memoised per item, since
 * many rules ask about the same item. */
export function classifyIndicator(item: IndicatorItem): IndicatorClass {
  const slot = item.index & (MEMO_SLOTS - 1);
  if (memoItems[slot] === item) {
    const cached = memoClasses[slot];
    if (cached) return cached;
  }
  const result = classifyUncached(item);
  memoItems[slot] = item;
  memoClasses[slot] = result;
  return result;
}

function classifyUncached(item: IndicatorItem): IndicatorClass {
  readName(item.name);
  let measure = nameMeasure;
  // An item filed under 满意度 whose name claims nothing else (a time claims it: `服务对象满意度调查
  // 完成时间`) is a satisfaction measure.
  if (measure === "other" && !nameTimeliness && (item.level1 === "满意度指标" || item.level2 === "服务对象满意度指标")) measure = "satisfaction";
  const timeliness = nameTimeliness || item.level2 === "时效指标";
  const costCategory =
    (item.level1 === "成本指标" && (item.level2 === undefined || item.level2 === "经济成本指标")) ||
    (item.level2 !== undefined && ECONOMIC_COST_LEVEL2.has(item.level2));
  const economicCost = costCategory || (nameCost && item.level1 !== "效益指标");
  const percentValue = item.value.unit === "%";
  const percentScale = measure === "rate" || measure === "satisfaction" || (timeliness && percentValue);
  // A direction the author wrote wins over the one the name suggests.
  return classOf(measure, nameFraction, timeliness, economicCost, item.direction ?? nameDirection, percentScale);
}

/**
 * Every possible classification, built once and frozen (5 measures × 2⁵ flags = 160): an
 * item's classification is one of these shared records, not an object per item.
 */
const CLASSES: readonly IndicatorClass[] = (() => {
  const out: IndicatorClass[] = [];
  for (const measure of MEASURES) {
    for (let bits = 0; bits < 32; bits++) {
      out.push(
        Object.freeze({
          measure,
          fraction: (bits & 16) !== 0,
          timeliness: (bits & 8) !== 0,
          economicCost: (bits & 4) !== 0,
          direction: (bits & 2) !== 0 ? ("反向" as const) : ("正向" as const),
          percentScale: (bits & 1) !== 0,
        }),
      );
    }
  }
  return out;
})();

function classOf(measure: Measure, fraction: boolean, timeliness: boolean, economicCost: boolean, direction: Direction, percentScale: boolean): IndicatorClass {
  const bits = (fraction ? 16 : 0) | (timeliness ? 8 : 0) | (economicCost ? 4 : 0) | (direction === "反向" ? 2 : 0) | (percentScale ? 1 : 0);
  return CLASSES[MEASURES.indexOf(measure) * 32 + bits] as IndicatorClass;
}

/** indicatorKey's answers by name, bounded as nameMemo is. */
const keyMemo = new Map<string, string>();

/** Key for comparing two names: spaces, width and the trailing `指标` do not make a new indicator. */
export function indicatorKey(name: string): string {
  let key = keyMemo.get(name);
  if (key === undefined) {
    key = nameHead(isNfkcStable(name) ? name : name.normalize("NFKC"));
    if (keyMemo.size >= NAME_MEMO_MAX) keyMemo.clear();
    keyMemo.set(name, key);
  }
  return key;
}

/** Printable ASCII and the CJK unified ideographs have no compatibility decomposition and do
 * not compose with each other: a name made of them only is its own NFKC form. */
function isNfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}
