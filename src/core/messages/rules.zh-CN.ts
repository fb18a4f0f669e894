import type { SkipReason } from "../model";
import type { NumberingFinding, RuleCatalog } from "./params";

/**
 * 规则文案（简体中文，产品的主语言）。措辞按财政部门审核意见的习惯：指明第几项、哪个指标、
 * 原文写的是什么、应当怎么改。
 */

const SKIP_REASON: Record<SkipReason, string> = {
  title: "标题或分组行",
  blank: "空行",
  dashes: "分隔线",
  junk: "无关内容",
  repeatedHeader: "重复的表头",
  note: "注释或说明",
};

/** `第4项“培训人数”`; an item written without a name (a cell cut off after `4、满意度指标`) is
 * `第4项（未写指标名称）`, not `第4项“”`. */
function itemNamed(item: number, name: string): string {
  return name === "" ? `第${item}项（未写指标名称）` : `第${item}项“${name}”`;
}

/** Enum params come from saved reports too: an unknown key prints as written, never “undefined”. */
function lookup(table: Readonly<Record<string, string>>, key: string): string {
  return table[key] ?? key;
}

const MEASURE: Readonly<Record<string, string>> = { rate: "比率", amount: "金额", count: "数量" };

const LEVEL1_LIST = "产出指标、效益指标、满意度指标或成本指标";

export const RULES_ZH: RuleCatalog = {
  indicator_cell_empty: {
    title: "绩效指标为空",
    explain:
      "每个项目都必须设置绩效指标。指标为空的项目无法审核绩效目标，年中无法监控、年终无法评价，审核时会直接退回。",
    message: (p) => {
      const empty = p.project ? `项目“${p.project}”的绩效指标为空` : "绩效指标为空";
      return p.placeholder ? `${empty}（只填了“${p.placeholder}”）` : empty;
    },
    fix: () => "按“序号、一级指标：指标名称，年度指标值：指标值。”的格式补填绩效指标",
  },
  category_unknown: {
    title: "指标类别缺失或不规范",
    explain:
      "绩效指标须按财政部的指标体系归入一级、二级指标。类别缺失或写错（如“产出指数”“效果指针”）的指标无法归类统计，导入系统和审核时都会出错。",
    message: (p) => {
      switch (p.kind) {
        case "missing":
          return `第${p.item}项未写明一级指标（${LEVEL1_LIST}）`;
        case "level2Only":
          return `第${p.item}项只写了二级指标“${p.written}”，未写明一级指标（应为${p.level1}）`;
        case "level1":
          return `第${p.item}项的一级指标“${p.written}”不规范，应为${LEVEL1_LIST}`;
        case "level2":
          return `第${p.item}项的二级指标“${p.written}”不规范`;
        case "mismatch":
          return `第${p.item}项的二级指标“${p.written}”不属于${p.level1}`;
        case "noItems":
          return `绩效指标“${p.written}”中没有可识别的指标，未写明一级指标（${LEVEL1_LIST}）`;
      }
    },
    fix: (p) =>
      p.kind === "level2" || p.kind === "mismatch"
        ? `改为${p.level1 || "对应一级指标"}下的规范二级指标名称`
        : p.kind === "level2Only"
          ? `在二级指标前写明一级指标，如“${p.level1}（${p.written}）：”`
          : p.kind === "noItems"
          ? "按“序号、一级指标：指标名称，年度指标值：指标值。”的格式填写绩效指标"
          : `写明规范的一级指标名称（${LEVEL1_LIST}）`,
  },
  value_missing: {
    title: "缺少指标值",
    explain:
      "没有指标值就无法衡量指标是否完成，年终评价无从打分。常见于漏填，或单元格内容过长被截断。",
    message: (p) =>
      p.placeholder
        ? `${itemNamed(p.item, p.name)}缺少年度指标值（只填了“${p.value}”）`
        : p.value
          ? `${itemNamed(p.item, p.name)}的指标值“${p.value}”缺少数值`
          : `${itemNamed(p.item, p.name)}缺少年度指标值`,
    fix: () => "补填年度指标值：定量指标写明比较符号、数值和计量单位，定性指标写明达成标准",
  },
  placeholder_left: {
    title: "模板占位符未替换",
    explain: "“**”“XX”等是填报模板中的占位符，保留下来说明该指标照抄了模板，没有按项目实际填写。",
    message: (p) => `第${p.item}项仍保留模板占位符“${p.text}”`,
    fix: () => "将占位符替换为项目实际的指标值",
  },
  number_garbled: {
    title: "数值书写错误",
    explain:
      "指标值中的数字写错（如字母O误作数字0、“%%”、汉字与数字混写），系统无法识别，审核人员也无法确认目标值。",
    message: (p) => `第${p.item}项指标值“${p.value}”中的“${p.garbled}”不是有效数字`,
    fix: () => "改正数字：用阿拉伯数字书写，去掉多余的符号",
  },
  percent_over_100: {
    title: "比率超过100%",
    explain: "完成率、覆盖率、满意度等比率类指标的取值不可能超过100%，目标值超过100%说明填写有误。",
    message: (p) => `${itemNamed(p.item, p.name)}为比率类指标，指标值“${p.value}”超过100%`,
    fix: () => "核实并改正指标值，比率类指标不超过100%",
  },
  numbering_irregular: {
    title: "序号不规范",
    explain: "指标序号跳号、重号或写法不一，往往意味着漏填、多填或复制粘贴出错，也不便审核时逐项对照。",
    message: (p) => {
      // A section heading's number (`二、效益指标`) or an item's. Params are read leniently (an
      // absent one reads as empty text), so presence is tested by value, not with `in`.
      const q = p as NumberingFinding & { item?: number; heading?: number; title?: string };
      const heading = Boolean(q.heading);
      const who = heading ? `第${q.heading}个标题“${q.title}”` : `第${q.item}项`;
      switch (p.kind) {
        case "gap":
          return `${who}的序号为“${p.written}”，中间有跳号（应为${p.expected}）`;
        case "duplicate": {
          const first = !q.first ? "前面的序号" : heading ? `第${q.first}个标题` : `第${q.first}项`;
          return `${who}的序号“${p.written}”与${first}重复（应为${p.expected}）`;
        }
        case "backward": {
          const previous = !q.previous ? "前面的序号" : `前面的“${q.previous}”`;
          return `${who}的序号“${p.written}”小于${previous}，顺序颠倒（应为${p.expected}）`;
        }
        case "notFromOne":
          return heading ? `标题序号未从1开始：${who}的序号为“${p.written}”` : `序号未从1开始：${who}的序号为“${p.written}”`;
        case "mixedStyle":
          return `${who}的序号“${p.written}”与其他${heading ? "标题" : "各项"}写法不一致`;
        case "unnumbered":
          return `${who}缺少序号`;
      }
    },
    fix: () => "序号统一写作“1、2、3、……”，从1开始依次编号",
  },
  indicator_name_missing: {
    title: "缺少指标名称",
    explain:
      "每项指标都要写明三级指标名称（衡量什么），只有类别和指标值的指标无法判断考核内容，审核时会被退回。",
    message: (p) => (p.value ? `第${p.item}项只有指标值“${p.value}”，缺少指标名称` : `第${p.item}项缺少指标名称`),
    fix: () => "在指标值前写明指标名称，如“产出指标：培训人数，年度指标值：≥100人”",
  },
  value_label_missing: {
    title: "缺少“年度指标值：”标签",
    explain:
      "每项指标应写成“指标名称，年度指标值：指标值”。缺少标签时，指标名称与指标值的分界不清，导入系统时可能把指标值并入名称。",
    message: (p) => `第${p.item}项缺少“年度指标值：”标签`,
    fix: (p) => (p.value ? `在“${p.value}”前补上“年度指标值：”` : "补上“年度指标值：”标签"),
  },
  level1_missing: {
    title: "只写了二级指标，未写一级指标",
    explain:
      "每项指标都要写明一级指标。只写二级指标（如“数量指标：检查次数”）时，一级指标虽可由二级指标推定，但不符合填报格式，审核时会被退回；规范写法为“产出指标（数量指标）：检查次数”。",
    message: (p) => `第${p.item}项只写了二级指标“${p.written}”，未写明一级指标（应为${p.level1}）`,
    fix: (p) => `将“${p.written}”改为“${p.level1}（${p.level2}）”`,
  },
  output_or_effect_missing: {
    title: "缺少产出或效益指标",
    explain:
      "产出指标反映项目提供了什么，效益指标反映项目带来了什么变化，二者是绩效目标的核心，缺一不可。",
    message: (p) =>
      p.missing === "both" ? "未设置产出指标和效益指标" : p.missing === "output" ? "未设置产出指标" : "未设置效益指标",
    fix: (p) =>
      p.missing === "both" ? "补充设置产出指标和效益指标" : p.missing === "output" ? "补充设置产出指标" : "补充设置效益指标",
  },
  too_few_indicators: {
    title: "指标数量过少",
    explain: "少于3项指标难以全面反映项目的产出和效益，审核时通常要求细化补充。",
    message: (p) => `仅设置了${p.count}项绩效指标，少于3项`,
    fix: () => "补充设置绩效指标，全面反映项目的产出和效益",
  },
  rate_ge_100: {
    title: "比率指标设为“≥100%”",
    explain:
      "比率最高只能达到100%，“≥100%”实际上只有恰好100%才能完成，写法不严谨；审核意见通常要求改为“=100%”或设定合理的目标值。",
    message: (p) => `${itemNamed(p.item, p.name)}为比率类指标，“${p.value}”只有恰好达到100%才算完成，宜写为“=100%”`,
    fix: (p) => `将“${p.value}”改为“=100%”`,
  },
  percent_on_count: {
    title: "数量指标使用百分比",
    explain:
      "数量指标考核的是个数、人数、次数等绝对数，用百分比作目标值无法判断完成了多少，应写明具体数量和计量单位。",
    message: (p) => `${itemNamed(p.item, p.name)}是数量指标，指标值却为百分比“${p.value}”`,
    fix: () => "改为具体数量和计量单位（如“≥5个”），或把指标名称改为比率（如“……完成率”）",
  },
  qualitative_on_quantity: {
    title: "定量指标使用定性值",
    explain: "比率、金额、数量类指标应当量化考核；用“及时”“合格”等定性表述作目标值，年终无法按实际值计算得分。",
    message: (p) => `${itemNamed(p.item, p.name)}是${lookup(MEASURE, p.measure)}类指标，指标值却为定性表述“${p.value}”`,
    fix: () => "改为定量的指标值：比较符号、数值和计量单位（如“≥95%”）",
  },
  satisfaction_not_percent: {
    title: "满意度未用百分比",
    explain: "满意度通过问卷调查测算，目标值应为百分比（如“≥90%”）；“高”“良好”等表述无法与调查结果比较。",
    message: (p) => `${itemNamed(p.item, p.name)}为满意度指标，指标值“${p.value}”不是百分比`,
    fix: () => "改为百分比形式，如“≥90%”",
  },
  cost_value_invalid: {
    title: "成本指标值不规范",
    explain: "经济成本指标考核的是花了多少钱，目标值应为金额、单位成本或成本控制率，不能用“合格”等定性表述。",
    message: (p) => `${itemNamed(p.item, p.name)}为成本指标，指标值“${p.value}”不是金额、单位成本或控制率`,
    fix: () => "改为金额（如“≤50万元”）、单位成本（如“≤200元/人”）或成本控制率（如“≤100%”）",
  },
  positive_target_zero: {
    title: "正向指标目标值为0",
    explain: "正向指标的目标值为0（如“≥0个”），意味着项目什么都不做也能完成，失去了考核意义。",
    message: (p) => `${itemNamed(p.item, p.name)}的目标值“${p.value}”为0，不做任何产出也能完成`,
    fix: () => "改为项目实际要达到的数值",
  },
  negative_direction_ge: {
    title: "反向指标使用“≥”",
    explain:
      "发生率、投诉率、故障率、逾期、差错等指标越低越好，属于反向指标，应使用“≤”或“<”；写成“≥”会把越差的结果评为越好。",
    message: (p) => `${itemNamed(p.item, p.name)}是越低越好的反向指标，指标值“${p.value}”却使用了“≥”或“>”`,
    fix: () => "改用“≤”或“<”，如“≤5%”",
  },
  duplicate_indicator: {
    title: "指标重复",
    explain: "同一项目中重复设置同一指标，既不能增加信息，又会在评价时重复计分。",
    message: (p) => `${itemNamed(p.item, p.name)}与第${p.first}项重复`,
    fix: () => "删除重复的指标，或改为其他能反映项目绩效的指标",
  },
  duplicate_project: {
    title: "项目重复",
    explain: "两行内容（序号除外）完全相同，通常是重复粘贴所致，会导致项目和资金重复统计。",
    message: (p) => `项目“${p.project}”与第${p.firstRow}行重复（除序号和单位编码外各列完全相同）`,
    fix: () => "删除重复的行，或核实是否本应是不同的项目",
  },
  project_name_missing: {
    title: "项目名称为空",
    explain: "绩效目标必须对应到具体项目，缺少项目名称的行无法与预算项目对应。",
    message: (p) => `第${p.row}行填有内容，但项目名称为空`,
    fix: () => "补填项目名称",
  },
  unit_missing: {
    title: "缺少计量单位",
    explain: "定量指标值只有数值没有单位（如“220”），无法判断是个、人、次还是万元，考核时容易产生歧义。",
    message: (p) => `${itemNamed(p.item, p.name)}的指标值“${p.value}”缺少计量单位`,
    fix: () => "补上计量单位，如“%”“个”“人次”“万元”",
  },
  timeliness_value_invalid: {
    title: "时效指标值不规范",
    explain: "时效指标考核的是按时完成情况，目标值应为完成时间、时限或及时率；“良好”“合格”等表述无法判断是否按时。",
    message: (p) => `${itemNamed(p.item, p.name)}为时效指标，指标值“${p.value}”不是时间、时限或比率`,
    fix: () => "改为完成时间（如“2025年12月31日前”）、时限（如“≤30天”）或及时率（如“≥95%”）",
  },
  category_normalized: {
    title: "指标类别写法可规范",
    explain:
      "“满意度”“产出指标（数量）”等简写能看出所属类别，但与规范的指标名称不一致，不便统计和导入，统一写全为“满意度指标”“产出指标（数量指标）”。",
    message: (p) => `第${p.item}项的指标类别“${p.from}”可规范为“${p.to}”`,
    fix: (p) => `将“${p.from}”改为“${p.to}”`,
  },
  value_normalized: {
    title: "指标值写法可规范",
    explain:
      "“80%以上”“不低于90%”“＞＝”“％”、全角数字和多余空格含义不变，但写法不统一，不便统计和导入，统一为“≥80%”这样的规范写法。",
    message: (p) => `第${p.item}项的指标值“${p.from}”可规范为“${p.to}”`,
    fix: (p) => `将“${p.from}”改为“${p.to}”`,
  },
  satisfaction_threshold: {
    title: "满意度目标偏低或为100%",
    explain:
      "满意度目标一般不低于85%；目标过低缺乏挑战性，而“100%”几乎不可能实现，都会在审核中被要求调整。",
    message: (p) =>
      p.kind === "low"
        ? `${itemNamed(p.item, p.name)}的满意度目标“${p.value}”低于85%`
        : `${itemNamed(p.item, p.name)}的满意度目标“${p.value}”为100%，难以实现`,
    fix: (p) => (p.kind === "low" ? "满意度目标一般不低于85%，请核实" : "满意度目标一般设为“≥90%”或“≥95%”"),
  },
  vague_value: {
    title: "指标值表述模糊",
    explain: "“效果明显”“较好”“有所提升”等表述无法衡量，年终评价时难以判断是否完成。",
    message: (p) => `${itemNamed(p.item, p.name)}的指标值“${p.value}”表述模糊，难以考核`,
    fix: () => "改为可衡量的表述：具体数值，或明确的完成标准（如“达到省级验收标准”）",
  },
  satisfaction_or_cost_missing: {
    title: "缺少满意度或成本指标",
    explain:
      "财预〔2021〕101号要求绩效指标包括成本指标和满意度指标：成本指标反映花了多少钱，满意度指标反映服务对象的认可程度。",
    message: (p) =>
      p.missing === "both" ? "未设置满意度指标和成本指标" : p.missing === "satisfaction" ? "未设置满意度指标" : "未设置成本指标",
    fix: (p) =>
      p.missing === "both"
        ? "补充满意度指标（如“服务对象满意度≥90%”）和成本指标（如“项目总成本≤预算金额”）"
        : p.missing === "satisfaction"
          ? "补充满意度指标，如“服务对象满意度≥90%”"
          : "补充成本指标，如“项目总成本≤预算金额”",
  },
  name_variant: {
    title: "单位名称写法不一",
    explain:
      "同一部门或单位在表中有全称、简称等多种写法（如“区委员会”与“区委”），按单位汇总时会被拆成几家。",
    message: (p) => `${p.role === "department" ? "主管部门" : "预算单位"}“${p.value}”与“${p.canonical}”应为同一单位，写法不一致`,
    fix: (p) => `统一写为“${p.canonical}”`,
  },
  row_skipped: {
    title: "已跳过非数据行",
    explain: "标题行、空行、分隔线等不是项目数据，校验时跳过；整理表格时可删除表内多余的空行和分隔线。",
    message: (p) => `第${p.row}行是${lookup(SKIP_REASON, p.reason)}，未作为数据行校验`,
    fix: (p) => (p.reason === "title" ? "无需处理" : "如无用处，可删除该行"),
  },
};
