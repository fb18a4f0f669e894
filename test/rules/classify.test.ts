import { classifyIndicator, classifyName, indicatorKey } from "../../src/core/rules/classify";
import { PARTY_DELEGATE, TWO_NEW } from "./cells";
import { dataRow } from "./harness";

describe("classifyName: what the name measures", () => {
  it.each([
    ["拨付完成率指标", "rate"],
    ["参加培训人次完成率", "rate"],
    ["设备运营维护数量计划完成率", "rate"],
    ["实际覆盖的党（工）委数量/计划覆盖的党（工）委数量", "rate"],
    ["实际发放人数/应发放人数", "rate"],
    ["贫困户占比", "rate"],
    ["党代会年会制试点镇数量指标", "count"],
    ["参加网络视频学习课程数量", "count"],
    ["全区远教站点数", "count"],
    ["举办各类培训期数", "count"],
    ["培训场次", "count"],
    ["服务群体满意率", "satisfaction"],
    ["参加培训学员满意度", "satisfaction"],
    ["“一报告两评议”满意度", "satisfaction"],
    ["人均培训成本", "amount"],
    ["人均成本（元/人）", "amount"],
    ["参训学员满意度（%）", "satisfaction"],
    ["项目经费", "amount"],
    ["加强人才队伍建设效率", "other"],
    // 有效 + 率: a share of cases; 工作效率, 审批效率 are efficiencies
    ["残疾人康复有效率", "rate"],
    ["治疗总有效率", "rate"],
    ["药物显效率", "rate"],
    ["审批效率", "other"],
    ["纠纷调解成功率", "rate"],
    ["发射功率", "other"],
    ["行政效率", "other"],
    // a time about a survey is no satisfaction measure; the survey's result is one
    ["满意度调查完成时间", "other"],
    ["满意度调查结果", "satisfaction"],
    ["满意度测评", "satisfaction"],
    ["空气质量指数", "other"],
    ["资金拨付时效指标", "other"],
    ["经费是否按照实际村数拨付", "other"],
    ["提升全区组工信息工作质量", "other"],
    // a name ending in 额 is an amount, unless the 额 is places, a share or an adverb
    ["水资源费征收额", "amount"],
    ["道路建设投资额", "amount"],
    ["项目资金总额", "amount"],
    ["农产品销售额", "amount"],
    ["贷款贴息额度", "amount"],
    ["招生名额", "count"],
    ["市场份额", "other"],
    ["补助资金足额", "other"],
  ])("%s → %s", (name, measure) => {
    expect(classifyName(name).measure).toBe(measure);
  });

  it.each([
    ["资金拨付时效指标", true],
    ["资金拨付及时率", true],
    ["问题办结时限", true],
    ["项目完成时间", true],
    ["项目持续发挥作用的期限", true],
    ["经费是否按时拨付", false],
    ["拨付完成率指标", false],
  ])("%s is a 时效 name: %s", (name, timeliness) => {
    expect(classifyName(name).timeliness).toBe(timeliness);
  });

  it.each([
    ["逾期发放率", "反向"],
    ["事故发生率", "反向"],
    ["安全事故发生次数", "反向"],
    ["群众投诉率", "反向"],
    ["设备故障率", "反向"],
    ["验收不合格率", "反向"],
    ["项目超支率", "反向"],
    ["验收合格率", "正向"],
    ["投诉处理率", "正向"],
    ["事故发生率下降", "正向"],
    ["安全隐患整改率", "正向"],
    ["故障维修及时率", "正向"],
    ["拨付完成率指标", "正向"],
  ])("%s is %s", (name, direction) => {
    expect(classifyName(name).direction).toBe(direction);
  });
});

describe("classifyIndicator: the name refined by the category and the value", () => {
  it("reads 资金拨付时效指标 ≥90% as a percentage-scale 时效 indicator", () => {
    const item = dataRow(PARTY_DELEGATE).cell.items[0]!;
    expect(classifyIndicator(item)).toMatchObject({ timeliness: true, percentScale: true, direction: "正向" });
  });

  it("reads a count at ≥100% as a count, not a percentage scale", () => {
    const item = dataRow(PARTY_DELEGATE).cell.items[1]!;
    expect(classifyIndicator(item)).toMatchObject({ measure: "count", percentScale: false });
  });

  it("reads a fraction as a rate", () => {
    const item = dataRow(TWO_NEW).cell.items[2]!;
    expect(classifyIndicator(item)).toMatchObject({ measure: "rate", fraction: true, percentScale: true });
  });

  it("reads an item filed under 满意度指标 as satisfaction when its name says nothing else", () => {
    const item = dataRow("1、满意度指标：让患病干部感受到党组织的关心和关怀，年度指标值：效果显著。").cell.items[0]!;
    expect(classifyIndicator(item).measure).toBe("satisfaction");
  });

  it("treats an economic 成本指标 as a cost, a 生态环境成本指标 not", () => {
    const [economic, ecological] = dataRow("1、成本指标：人均成本，年度指标值：合格。2、成本指标（生态环境成本指标）：对周边环境的影响，年度指标值：无。").cell.items;
    expect(classifyIndicator(economic!).economicCost).toBe(true);
    expect(classifyIndicator(ecological!).economicCost).toBe(false);
  });
});

describe("indicatorKey", () => {
  it("ignores width, spaces and a trailing 指标", () => {
    expect(indicatorKey("拨付完成率指标")).toBe(indicatorKey(" 拨付完成率 "));
    expect(indicatorKey("（%）远教站点开机率")).not.toBe(indicatorKey("远教站点开机率"));
  });
});
