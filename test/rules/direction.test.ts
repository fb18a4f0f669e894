import { negativeDirectionGeRule } from "../../src/core/rules/negativeDirectionGe";
import { positiveTargetZeroRule } from "../../src/core/rules/positiveTargetZero";
import { classifyName } from "../../src/core/rules/classify";
import { itemCodes } from "./harness";

/**
 * An indicator's direction comes from what its name counts — the head, at the end — not from
 * any word in it: a bad word before a thing done names its subject (`森林火灾预警信息发布次数`
 * counts 发布), a remedy word before a bad event names whose event it is (`防汛救援人员伤亡人数`
 * counts 伤亡).
 */

/** Things done about something bad: 正向, `≥` is right. */
const DONE_ABOUT_BAD = [
  ["森林火灾预警信息发布次数", "≥50次"],
  ["地质灾害隐患点巡查次数", "≥120次"],
  ["特种设备事故应急预案备案率", "≥95%"],
  ["火灾隐患巡查覆盖面", "≥95%"],
  ["信访事项按期办理率", "≥95%"],
  ["安全生产违法行为举报奖励", "≥20万元"],
  ["污染源自动监控设备安装数量", "≥30套"],
  ["投诉热线接听量", "≥1万件"],
  ["消防隐患宣传场次", "≥20场"],
  ["违法行为立案数量", "≥200件"],
  ["安置帮教刑满释放犯罪人员人数", "≥100人"],
  // near misses: the bad event is the object of the word acting on it, or the head is a remedy
  ["排除设备故障次数", "≥10次"],
  ["治理水土流失面积", "≥20平方公里"],
  ["防溺水安全教育覆盖面", "≥95%"],
  ["侦破刑事案件数", "≥30件"],
  ["打击犯罪次数", "≥5次"],
  ["受理群众投诉件数", "≥100件"],
  ["排查安全隐患数量", "≥50处"],
  // a remedy of the words of things done wrongly (漏登, 失访, 中断) read 反向 alone
  ["失访患者追踪率", "≥90%"],
  ["网络中断恢复率", "≥99%"],
  ["漏登人口补登率", "100%"],
  ["重点人群随访失访追踪数", "≥50人"],
  ["常见病多发病筛查人数", "≥1000人"],
] as const;

/** Counts of the bad events themselves: 反向, whatever remedy word stands before them. */
const BAD_EVENTS = [
  "防返贫监测对象返贫人数",
  "帮扶对象返贫人数",
  "食品检测不合格批次",
  "防汛救援人员伤亡人数",
  "矛盾纠纷激化引发刑事案件数",
  "学生溺水人数",
  "涉密信息泄露次数",
  "冒领抚恤金人数",
  "监测设备故障次数",
  // near misses: a thing done badly or not at all, a bad event of the remedied
  "隐患未整改数",
  "逾期发放率",
  "违规发放补贴金额",
  "安置帮教对象重新犯罪率",
  "救助站安全事故次数",
  "学生食物中毒人数",
  "签约居民失访率",
  "供电中断次数",
] as const;

describe("direction from the head of the name", () => {
  it.each(DONE_ABOUT_BAD)("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、产出指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });

  it.each(BAD_EVENTS)("%s is 反向: 0 is its natural target, ≥1 is the wrong way round", (name) => {
    expect(classifyName(name).direction).toBe("反向");
    expect(itemCodes(positiveTargetZeroRule, `1、效益指标：${name}，年度指标值：0。`)).toEqual([]);
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：≥1。`)).toEqual([[1, "negative_direction_ge"]]);
  });

  it("keeps the earlier readings (受污染耕地安全利用率 正向, 检测不合格率 反向, 接通率, 报告及时率, 不满意率)", () => {
    for (const name of ["受污染耕地安全利用率", "投诉电话接通率", "传染病疫情报告及时率", "设备故障排除率", "事故发生率下降", "违法建设拆除面积", "除治病死树"]) {
      expect([name, classifyName(name).direction]).toEqual([name, "正向"]);
    }
    for (const name of ["农产品检测不合格率", "隐患整改逾期率", "群众不满意率", "群众上访次数", "有效投诉次数", "资金挪用金额", "安全事故发生次数"]) {
      expect([name, classifyName(name).direction]).toEqual([name, "反向"]);
    }
    expect(classifyName("群众不满意率").measure).toBe("rate");
  });
});

/**
 * A thing done wrongly, written as a prefix and a one-character verb (漏登 missed, 迟报 late,
 * 错发 paid wrongly, 多发 overpaid, 失访 lost to follow-up, 空报 false alarm) or a bad event of
 * a department's own field (骗保, 纠纷, 中断): less is better.
 */
const DONE_WRONGLY = [
  ["普查对象漏登率", "1%"],
  ["传染病报告迟报率", "2%"],
  ["签约居民失访率", "5%"],
  ["暴雨预警空报率", "10%"],
  ["门诊误诊率", "1%"],
  ["欺诈骗保案件数", "2件"],
  ["学生资助资金错发人数", "1人"],
  ["预警漏发次数", "1次"],
  ["优抚金多发金额", "1元"],
  ["医疗纠纷", "1起"],
  ["普查漏登户数", "1户"],
  ["传染病迟报例数", "1例"],
  ["城区供水中断次数", "1次"],
  ["数据不准确率", "1%"],
] as const;

/** Words that look alike but count something done or someone served: 正向. */
const LOOK_ALIKE_DONE = [
  ["常见病多发病诊疗人数", "≥500人"],
  ["错峰用电户数", "≥100户"],
  ["失业保险参保人数", "≥2000人"],
  ["失能老人护理人数", "≥50人"],
  ["地质灾害多发区巡查次数", "≥12次"],
  ["医疗纠纷调解率", "≥90%"],
  ["排查化解矛盾纠纷数量", "≥100件"],
  ["打击欺诈骗保案件查处数", "≥10件"],
  ["失联党员找回率", "≥90%"],
  ["政务服务不中断率", "≥99%"],
  ["人民调解纠纷数量", "≥200件"],
  ["土地承包纠纷仲裁案件数", "≥20件"],
  ["医疗纠纷人民调解成功率", "≥90%"],
  // a remedy or a measure of how well it is done, about something bad
  ["不合格食品下架率", "≥95%"],
  ["故障预警准确率", "≥85%"],
  ["风险隐患动态清零率", "≥95%"],
  ["违法违规案件移送率", "≥95%"],
  ["问题产品召回率", "≥95%"],
  ["不合格产品检出率", "≥90%"],
] as const;

describe("direction of things done wrongly and their look-alikes", () => {
  it.each(DONE_WRONGLY)("%s is 反向: 0 is its natural target, ≥%s the wrong way round", (name, amount) => {
    expect(classifyName(name).direction).toBe("反向");
    expect(itemCodes(positiveTargetZeroRule, `1、效益指标：${name}，年度指标值：0${amount.replace(/^\d+/, "")}。`)).toEqual([]);
    expect(itemCodes(negativeDirectionGeRule, `1、产出指标：${name}，年度指标值：≥${amount}。`)).toEqual([[1, "negative_direction_ge"]]);
  });

  it.each(LOOK_ALIKE_DONE)("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、产出指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });
});

/**
 * A department's field (信访, 舆情, 污染, 排放 …) named before a thing done or beside a channel is the
 * topic of the work counted, not the bad event: `报送舆情信息数量` counts reports, `污染源普查企业数量`
 * surveyed firms, `网上信访占比` the share taken online. Still counted when nothing is done about it.
 */
const TOPIC_OF_WORK = [
  ["网上信访占比", "≥80%"],
  ["报送舆情信息数量", "≥200条"],
  ["督查督办信访事项数量", "≥200件"],
  ["网络舆情研判报告期数", "≥12期"],
  ["污染源普查企业数量", "≥500家"],
  ["碳排放清单编制数量", "≥1份"],
  ["信访事项登记录入数量", "≥1000件"],
  ["信访代理员人数", "≥50人"],
  ["信访信息系统使用率", "≥95%"],
  ["网上信访办理效率", "提高"],
  ["信访秩序", "持续好转"],
  ["上报疫情信息条数", "≥100条"],
  ["投诉举报信息录入率", "≥95%"],
] as const;

/** The field itself counted, or a thing done about it badly: 反向. */
const TOPIC_COUNTED = [
  "信访案件发生数",
  "群体性信访事件数",
  "重复信访率",
  "污染物排放量",
  "碳排放强度",
  "舆情事件数",
  "信访总量",
  "重污染天数",
  "网络舆情事件数",
  "信访事项未录入数量",
  "超标准使用公务接待经费金额",
  "公务经费超标准使用金额",
] as const;

describe("a field named before a thing done is its topic", () => {
  it.each(TOPIC_OF_WORK)("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、产出指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });

  it.each(TOPIC_COUNTED)("%s is 反向: ≥1 is the wrong way round", (name) => {
    expect(classifyName(name).direction).toBe("反向");
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：≥1。`)).toEqual([[1, "negative_direction_ge"]]);
  });
});

/** Standard less-is-better indicators of water, forestry, transport and 信访 work. */
const SECTOR_NEGATIVES = [
  ["管网漏损率", "12%"],
  ["供水管网漏损量", "100万立方米"],
  ["林业有害生物成灾率", "3‰"],
  ["货车超限超载率", "3%"],
  ["超限超载车辆数", "10辆"],
  ["公交车辆脱班率", "2%"],
  ["列车晚点率", "5%"],
  ["出租车空驶率", "30%"],
  ["城市内涝积水点数量", "10个"],
  ["重复访率", "5%"],
  ["越级访人次", "3人次"],
] as const;

/** Their remedies and look-alikes: 正向. */
const SECTOR_REMEDIES = [
  ["超载治理", "≥95%"],
  ["治理超限超载车辆数", "≥500辆"],
  ["管网漏损控制率", "≥90%"],
  ["积水点改造数量", "≥10个"],
  ["消除内涝积水点数量", "≥10个"],
  ["林业有害生物防治率", "≥90%"],
  ["重复访化解率", "≥90%"],
  ["公交车辆准点率", "≥95%"],
] as const;

describe("direction of sector words (漏损, 成灾, 超限超载, 晚点, 脱班, 积水, 重复访)", () => {
  it.each(SECTOR_NEGATIVES)("%s is 反向: ≥%s is the wrong way round", (name, amount) => {
    expect(classifyName(name).direction).toBe("反向");
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：≥${amount}。`)).toEqual([[1, "negative_direction_ge"]]);
  });

  it.each(SECTOR_REMEDIES)("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });
});

/** Less-is-better indicators of 卫健, 教育 and 人社 tables (eleventh round's audit). */
const HEALTH_AND_LABOUR_NEGATIVES = [
  ["艾滋病母婴传播率", "2%"],
  ["传染病传播率", "1%"],
  ["医院感染发生例数", "3例"],
  ["医院感染例数", "3例"],
  ["儿童青少年近视率", "50%"],
  ["成人吸烟率", "20%"],
  ["因贫失学率", "1%"],
  ["失学儿童人数", "10人"],
  ["企业裁员率", "5%"],
  ["心衰患者再入院率", "10%"],
  ["政府负债率", "60%"],
] as const;

/** Their remedies and look-alikes: 正向. */
const HEALTH_AND_LABOUR_REMEDIES = [
  ["垫付欠薪人数", "≥200人"],
  ["为农民工讨回欠薪金额", "≥500万元"],
  ["医院感染防控培训次数", "≥4次"],
  ["学生近视筛查人数", "≥5000人"],
  ["失学儿童劝返率", "100%"],
  ["健康教育知识传播率", "≥80%"],
  ["政策信息传播率", "≥90%"],
  ["失学儿童返校率", "≥95%"],
  ["失学儿童入学率", "≥95%"],
  ["艾滋病感染者随访率", "≥90%"],
  ["感染者抗病毒治疗比例", "≥90%"],
] as const;

describe("direction of health and labour words (传播率, 感染, 近视, 吸烟率, 失学, 裁员, 再入院率, 负债率)", () => {
  it.each(HEALTH_AND_LABOUR_NEGATIVES)("%s is 反向: ≥%s is the wrong way round", (name, amount) => {
    expect(classifyName(name).direction).toBe("反向");
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：≥${amount}。`)).toEqual([[1, "negative_direction_ge"]]);
  });

  it.each(HEALTH_AND_LABOUR_REMEDIES)("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、效益指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });

  it("reads `失学率 ≥0%` as the wrong way round, not as a positive target of zero", () => {
    const text = "1、效益指标：因贫失学率，年度指标值：≥0%。";
    expect(itemCodes(negativeDirectionGeRule, text)).toEqual([[1, "negative_direction_ge"]]);
    expect(itemCodes(positiveTargetZeroRule, text)).toEqual([]);
  });
});

describe("a thing done badly with something done about it (城管/住建)", () => {
  it.each([
    ["拆除违法建设面积", "≥30万平方米"],
    ["拆除违法建设宗数", "≥100宗"],
    ["取缔违规经营点数量", "≥20个"],
  ])("%s is 正向: %s raises no negative_direction_ge", (name, value) => {
    expect(classifyName(name).direction).toBe("正向");
    expect(itemCodes(negativeDirectionGeRule, `1、产出指标：${name}，年度指标值：${value}。`)).toEqual([]);
  });

  it.each(["新增违法建设宗数", "违规发放金额", "隐患未整改数"])("%s is still 反向", (name) => {
    expect(classifyName(name).direction).toBe("反向");
  });
});
