import { LEVEL1_NAMES, LEVEL2_OF_LEVEL1, canonicalLevel1, canonicalLevel2, inferLevel2, level2BelongsTo } from "../../src/core/parse/vocabulary";

describe("the 一级/二级 framework", () => {
  it("lists both generations: 成本指标 as a 二级 of 产出 (pre-2021) and as a 一级 (2021)", () => {
    expect(LEVEL1_NAMES).toEqual(["产出指标", "效益指标", "满意度指标", "成本指标"]);
    expect(level2BelongsTo("产出指标", "成本指标")).toBe(true);
    expect(LEVEL2_OF_LEVEL1.成本指标).toEqual(["经济成本指标", "社会成本指标", "生态环境成本指标"]);
  });

  it.each([
    ["产出指标", "产出指标"],
    ["效益指标", "效益指标"],
    ["效果指标", "效益指标"],
    ["满意度指标", "满意度指标"],
    ["成本指标", "成本指标"],
    [" 产出 指标 ", "产出指标"],
    ["满意度", "满意度指标"],
  ])("reads the 一级 %s as %s", (raw, level1) => {
    expect(canonicalLevel1(raw)).toBe(level1);
  });

  it.each(["产出指数", "效果指针", "绩效指标", ""])("knows no 一级 %s", (raw) => {
    expect(canonicalLevel1(raw)).toBeUndefined();
  });

  it.each([
    ["数量指标", "数量指标"],
    ["环境效益指标", "生态效益指标"],
    ["社会公众或服务对象满意度指标", "服务对象满意度指标"],
    ["可持续影响", "可持续影响指标"],
    ["经济成本指标", "经济成本指标"],
  ])("reads the 二级 %s as %s", (raw, level2) => {
    expect(canonicalLevel2(raw)).toBe(level2);
  });

  it("knows no 二级 数额指标", () => {
    expect(canonicalLevel2("数额指标")).toBeUndefined();
  });
});

describe("inferLevel2", () => {
  it.each([
    ["产出指标", "资金拨付及时率", "时效指标"],
    ["产出指标", "资金拨付时效指标", "时效指标"],
    ["产出指标", "审批时限", "时效指标"],
    ["产出指标", "项目完成时间", "时效指标"],
    ["产出指标", "党代会年会制试点镇数量指标", "数量指标"],
    ["产出指标", "培训人数", "数量指标"],
    ["产出指标", "开展现场调研次数", "数量指标"],
    ["产出指标", "项目占地补偿人数", "数量指标"],
    ["产出指标", "举办各类培训期数", "数量指标"],
    ["产出指标", "验收合格率", "质量指标"],
    ["产出指标", "水质达标率（%）", "质量指标"],
    ["满意度指标", "参加培训学员满意度", "服务对象满意度指标"],
  ] as const)("under %s infers from %s the 二级 %s", (level1, name, level2) => {
    expect(inferLevel2(level1, name)).toBe(level2);
  });

  it.each([
    ["产出指标", "拨付完成率指标", "完成率 could be 数量 or 质量"],
    ["产出指标", "实际发放人数/应发放人数", "a ratio of counts is a rate"],
    ["产出指标", "实际改造户数占计划改造户数", "A占B is a ratio of counts as A/B is"],
    ["产出指标", "实际资助人数占应资助人数", "A占B is a ratio of counts as A/B is"],
    ["产出指标", "参加培训人次完成率", "the head noun is 完成率"],
    ["效益指标", "群众满意度", "服务对象满意度指标 is no 二级 of 效益指标"],
    ["效益指标", "培训人数", "数量指标 is no 二级 of 效益指标"],
    ["效益指标", "基层党建水平指标", "nothing in the name"],
    [undefined, "培训人数", "no 一级"],
  ] as const)("under %s infers nothing from %s (%s)", (level1, name, _why) => {
    expect(inferLevel2(level1, name)).toBeUndefined();
  });
});
