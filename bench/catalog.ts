/**
 * What generated tables are made of: departments, units, projects, goal prose and indicator
 * templates, drawn from the seed table and the variety of DOMAIN.md §1–§3. Plain data; the
 * generator (generate.ts) decides how often each form and each defect appears.
 */

/** City or district prefixes; a department is a prefix + an organ. */
export const PLACES = [
  "广州市花都区",
  "广州市番禺区",
  "广州市白云区",
  "深圳市南山区",
  "深圳市龙岗区",
  "佛山市顺德区",
  "佛山市南海区",
  "东莞市",
  "珠海市香洲区",
  "惠州市惠城区",
  "江门市新会区",
  "汕头市龙湖区",
  "韶关市浈江区",
  "湛江市赤坎区",
  "肇庆市端州区",
  "清远市清城区",
] as const;

/** Organs; `{p}` is the place. Full names carry 委员会/人民政府 so short forms can be planted. */
export const ORGANS = [
  "中国共产党{p}委员会组织部",
  "中国共产党{p}委员会宣传部",
  "{p}财政局",
  "{p}教育局",
  "{p}卫生健康局",
  "{p}民政局",
  "{p}人力资源和社会保障局",
  "{p}住房和城乡建设局",
  "{p}交通运输局",
  "{p}农业农村局",
  "{p}文化广电旅游体育局",
  "{p}应急管理局",
  "{p}司法局",
  "{p}科学技术局",
  "{p}市场监督管理局",
  "{p}退役军人事务局",
  "{p}水务局",
  "{p}城市管理和综合执法局",
  "{p}人民政府办公室",
  "{p}发展和改革局",
] as const;

/** Subordinate units; `{p}` is the place. */
export const SUB_UNITS = [
  "{p}第一中学",
  "{p}实验小学",
  "{p}人民医院",
  "{p}疾病预防控制中心",
  "{p}社会福利院",
  "{p}公共就业服务中心",
  "{p}档案馆",
  "{p}图书馆",
  "{p}环境卫生管理所",
  "{p}农业技术推广中心",
  "{p}公路事务中心",
  "{p}应急救援指挥中心",
  "{p}法律援助处",
  "{p}园林绿化管理所",
] as const;

export const TOWNS = [
  "花东镇",
  "梯面镇",
  "狮岭镇",
  "赤坭镇",
  "花山镇",
  "炭步镇",
  "新华街",
  "秀全街",
  "新雅街",
  "石湖街",
  "大龙街",
  "沙湾街",
  "钟村街",
  "石楼镇",
  "化龙镇",
  "南村镇",
] as const;

export const PROJECT_TOPICS = [
  "党代表任期制工作",
  "区级村办公",
  "党员教育培训",
  "基层党组织建设",
  "“两新”组织党建",
  "义务教育均衡发展",
  "校舍维修改造",
  "基本公共卫生服务",
  "农村人居环境整治",
  "城乡低保救助",
  "就业创业补贴",
  "农村公路养护",
  "河涌综合整治",
  "森林防火",
  "安全生产监管",
  "法律援助",
  "科技创新扶持",
  "食品安全抽检",
  "退役军人优抚",
  "文化惠民演出",
  "全民健身设施建设",
  "智慧城管平台运维",
  "老旧小区改造",
  "生活垃圾分类",
  "干部体检",
  "组工信息宣传",
  "人才工作",
  "远程教育站点运维",
] as const;

export const PROJECT_KINDS = ["工作经费", "专项资金", "补助资金", "项目", "运维经费", "设备购置经费", "专项经费"] as const;

/** Goal prose fragments: `通过{a}，{b}，{c}。` (the 绩效目标 column is prose, never parsed). */
export const GOAL_MEANS = [
  "向各行政村投入办公经费",
  "组织开展专题培训和现场调研",
  "完善设施设备并加强日常维护",
  "落实专项资金并按时足额拨付",
  "开展政策宣传和入户走访",
  "引入第三方机构开展绩效评价",
  "建立健全长效管理机制",
  "加强党代表大会代表与基层党员、群众的经常性、制度性联系",
] as const;
export const GOAL_ENDS = [
  "保障村级党组织运行顺畅",
  "进一步巩固提升基层党组织领导核心地位",
  "提高公共服务水平和群众满意度",
  "改善辖区人居环境",
  "确保项目按期保质完成",
  "提升干部队伍整体素质",
  "推动了基层党建工作的开展",
  "切实保障困难群众基本生活",
] as const;

/** What a value means, which decides the values and the defects that fit it. */
export type ValueKind = "rate" | "negativeRate" | "count" | "amount" | "time" | "qualitative" | "satisfaction";

export interface IndicatorTemplate {
  level1: "产出指标" | "效益指标" | "满意度指标" | "成本指标";
  /** The 二级 this name belongs to (written in the cell only sometimes). */
  level2: string;
  name: string;
  kind: ValueKind;
  unit?: string;
  /** Qualitative values that fit this name. */
  qualitative?: readonly string[];
}

const t = (
  level1: IndicatorTemplate["level1"],
  level2: string,
  kind: ValueKind,
  names: readonly string[],
  extra: { unit?: readonly string[]; qualitative?: readonly string[] } = {},
): IndicatorTemplate[] =>
  names.map((name, i) => ({
    level1,
    level2,
    name,
    kind,
    ...(extra.unit ? { unit: extra.unit[i % extra.unit.length]! } : {}),
    ...(extra.qualitative ? { qualitative: extra.qualitative } : {}),
  }));

export const TEMPLATES: readonly IndicatorTemplate[] = [
  ...t(
    "产出指标",
    "数量指标",
    "count",
    ["举办各类培训期数", "开展现场调研次数", "参加培训人数", "慰问困难党员户数", "购置办公设备数量", "发放宣传资料数量", "新建改造道路里程", "新增绿化面积", "开设课程数量", "覆盖村（社区）数量", "开展专项检查场次", "撰写调研报告篇数", "资助学生人次", "实施项目个数", "维修校舍处数", "采购教学设备套数", "新建幼儿园数量", "全区远教站点数"],
    { unit: ["期", "次", "人", "户", "台", "份", "公里", "平方米", "个", "个", "场", "篇", "人次", "项", "处", "套", "所", "个"] },
  ),
  ...t("产出指标", "质量指标", "rate", ["验收合格率", "设备完好率", "培训考核合格率", "档案归档率", "资金使用合规率", "问题整改达标率", "系统正常运行率", "监测数据准确率", "远教站点开机率", "参训组工信息员覆盖率"]),
  ...t("产出指标", "质量指标", "negativeRate", ["验收不合格率", "资金拨付差错率", "设备故障率"]),
  ...t("产出指标", "质量指标", "qualitative", ["经费是否按照实际村数拨付", "选任的干部政治素质", "培训课程质量"], { qualitative: ["是", "合格", "良好", "优良"] }),
  ...t("产出指标", "时效指标", "rate", ["资金拨付及时率", "项目按时完成率", "补助发放及时率"]),
  ...t("产出指标", "时效指标", "time", ["项目完成时间", "资金拨付时限", "培训完成时限", "设备采购完成时间"]),
  ...t("产出指标", "时效指标", "qualitative", ["经费是否按时拨付", "通讯录等相关资料及时发放"], { qualitative: ["是", "及时", "完成"] }),
  ...t("产出指标", "成本指标", "amount", ["项目总成本", "人均培训成本", "设备购置单价"], { unit: ["万元", "元/人", "元"] }),
  ...t("效益指标", "社会效益指标", "qualitative", ["基层党建水平", "党建工作保障进一步强化", "群众获得感", "公共服务水平", "宣传党的路线方针政策"], { qualitative: ["合格", "良好", "有效提升", "明显改善", "达成年度指标"] }),
  ...t("效益指标", "社会效益指标", "rate", ["政策知晓率", "网络视频教学的覆盖率", "困难群众救助覆盖率"]),
  ...t("效益指标", "社会效益指标", "negativeRate", ["安全事故发生率", "群众投诉率", "逾期发放率"]),
  ...t("效益指标", "经济效益指标", "count", ["带动就业人数", "扶持企业数量"], { unit: ["人", "户"] }),
  ...t("效益指标", "经济效益指标", "qualitative", ["促进农民增收", "降低企业经营成本"], { qualitative: ["有效提升", "明显改善", "达成年度指标"] }),
  ...t("效益指标", "生态效益指标", "rate", ["生活垃圾无害化处理率", "空气质量优良天数比例", "污水集中处理率"]),
  ...t("效益指标", "生态效益指标", "qualitative", ["河涌水质", "村容村貌"], { qualitative: ["明显改善", "有效提升", "良好"] }),
  ...t("效益指标", "可持续影响指标", "qualitative", ["项目持续发挥作用的期限", "长效管理机制"], { qualitative: ["长期", "是", "完成"] }),
  ...t("满意度指标", "服务对象满意度指标", "satisfaction", ["服务对象满意度", "群众满意度", "参训学员满意度", "企业满意度", "学生家长满意度", "社会公众满意度"]),
  ...t("成本指标", "经济成本指标", "amount", ["项目预算控制数", "人均补助标准", "单位面积改造成本"], { unit: ["万元", "元/人", "元"] }),
  ...t("成本指标", "经济成本指标", "rate", ["成本控制率"]),
];

/** Vague but legal qualitative values (DOMAIN.md §2). */
export const VAGUE = ["效果明显", "效果显著", "较好", "高", "有所提升"] as const;

/** Malformed 一级 spellings reviewers see (`产出指数`, `效果指针`). */
export const BAD_LEVEL1 = ["产出指数", "效果指针", "产出指票", "效应指标", "满意指标"] as const;
