import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { clean, codes } from "./valueCells";

/** Qualitative values of the eleventh round's audit (卫健, 人社/科技/退役军人, 文旅/民政/残联 tables). */

const named = (text: string) => parseIndicatorCell(text).items.map((i) => [i.name, i.value.kind, i.value.raw]);

describe("an unlabelled item's last comma part stating a value as a phrase is its value", () => {
  const cases: [string, string, string][] = [
    ["1、产出指标：病媒密度控制水平，达到国家C级标准。", "病媒密度控制水平", "达到国家C级标准"],
    ["1、产出指标：安全生产，无重大事故。", "安全生产", "无重大事故"],
    ["1、产出指标：项目建设，符合国家标准。", "项目建设", "符合国家标准"],
    ["1、产出指标：公共文化服务，实现全覆盖。", "公共文化服务", "实现全覆盖"],
    ["1、产出指标：污水处理，达到省级标准。", "污水处理", "达到省级标准"],
    ["1、产出指标：活动组织，无安全事故。", "活动组织", "无安全事故"],
    ["1、产出指标：困难群众救助，应救尽救全覆盖。", "困难群众救助", "应救尽救全覆盖"],
    ["1.补助标准：按规定标准", "补助标准", "按规定标准"],
    // `确保` before a result (not before the aim restated, below).
    ["1、效益指标：社会稳定，确保不发生群体性事件。", "社会稳定", "确保不发生群体性事件"],
    ["1、产出指标：项目建设，确保按期完成。", "项目建设", "确保按期完成"],
    ["1、产出指标：安全生产，确保零事故。", "安全生产", "确保零事故"],
  ];
  it.each(cases)("%s", (text, name, value) => {
    expect(named(text)).toEqual([[name, "qualitative", value]]);
    const found = codes(text);
    expect(found).toContain("value_label_missing");
    expect(found).not.toContain("value_missing");
  });

  it("under a section heading (退役军人事务局's table)", () => {
    const text = "一、产出指标\n1.补助退役士兵人数：≥150人\n2.补助标准：按规定标准\n3.补助资金拨付及时率：100%\n二、效益指标\n1.退役士兵安置率：≥100%";
    expect(named(text)[1]).toEqual(["补助标准", "qualitative", "按规定标准"]);
    expect(codes(text)).not.toContain("value_missing");
  });

  it("the cleaner puts the label before the value, not an empty one after it", () => {
    expect(clean("1、产出指标：病媒密度控制水平，达到国家C级标准。2、产出指标：安全生产，无重大事故。")).toBe(
      "1、产出指标：病媒密度控制水平，年度指标值：达到国家C级标准。2、产出指标：安全生产，年度指标值：无重大事故。",
    );
  });

  it("a name opened by such a word, or ending like a measure, stays a name", () => {
    for (const text of [
      "1、产出指标：道路改造，无障碍设施改造数量。",
      "1、产出指标：道路改造，无障碍通道建设。",
      "1、产出指标：工程建设，按期完成率。",
      "1、产出指标：就业服务，实现就业人数。",
      "1、产出指标：资金管理，全部资金拨付额。",
      "1、产出指标：培训工作，按时完成情况。",
      // The aim restated after a task is no target.
      "1、效益指标：按要求完成年度工作任务，确保资金使用效益。",
    ]) {
      expect(named(text)[0]?.[1]).toBe("empty");
      expect(codes(text)).toContain("value_missing");
    }
  });

  it("prose is no indicator for it (nothing numbers it or names a category)", () => {
    expect(parseIndicatorCell("按要求完成年度工作任务，确保资金使用效益。").items).toEqual([]);
  });
});

describe("a known qualitative value glued to the end of an unlabelled item's name is its value", () => {
  const cases: [string, string, string][] = [
    ["1、效益指标：全民阅读氛围有效提升。", "全民阅读氛围", "有效提升"],
    ["1、效益指标：群众文化参与度明显提高。", "群众文化参与度", "明显提高"],
    ["可持续影响指标：总分馆体系持续运行长期", "总分馆体系持续运行", "长期"],
    ["社会效益指标：地方文化传承有效加强", "地方文化传承", "有效加强"],
    ["1、效益指标：城乡环境卫生面貌明显改善。", "城乡环境卫生面貌", "明显改善"],
    ["1、效益指标：基层治理能力得到有效提升。", "基层治理能力", "得到有效提升"],
    ["1、效益指标：群众就医负担明显减轻。", "群众就医负担", "明显减轻"],
    ["1、效益指标：项目实施效果明显。", "项目实施", "效果明显"],
    ["5、效益指标：困难群众基本生活得到保障；", "困难群众基本生活", "得到保障"],
  ];
  it.each(cases)("%s", (text, name, value) => {
    expect(named(text)).toEqual([[name, "qualitative", value]]);
    const found = codes(text);
    expect(found).toContain("value_label_missing");
    expect(found).not.toContain("value_missing");
  });

  it("in the 文旅 table's run of 二级-headed items", () => {
    const text = "数量指标：年接待读者人次≥50万人次；质量指标：图书外借率≥60%；社会效益指标：全民阅读氛围有效提升；满意度指标：读者满意度≥95%";
    expect(named(text)[2]).toEqual(["全民阅读氛围", "qualitative", "有效提升"]);
    expect(clean("1、效益指标：全民阅读氛围有效提升。")).toBe("1、效益指标：全民阅读氛围，年度指标值：有效提升。");
  });

  it("a name with such a word inside, or that is the word, or ends in a bare verb, stays a name", () => {
    for (const text of [
      "1、产出指标：有效提升率。",
      "1、产出指标：达标率。",
      "1、产出指标：按期完成率。",
      "1、产出指标：无障碍设施改造数量。",
      "1、效益指标：有效提升。",
      "1、效益指标：服务能力提升。",
      "1、效益指标：生态环境可持续。",
      "1、产出指标：项目是否按时完成。",
    ]) {
      expect(named(text)[0]?.[1]).toBe("empty");
    }
  });

  it("an item of two clauses keeps its last clause in the name (seed, label removed)", () => {
    expect(named("1、效益指标：“两新”组织党建水平得到提升，凝聚力和战斗力得到加强。")).toEqual([
      ["“两新”组织党建水平得到提升，凝聚力和战斗力得到加强", "empty", ""],
    ]);
  });

  it("a prose line among the items stays prose", () => {
    const items = parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥100人。\n群众获得感明显提升").items;
    expect(items.map((i) => [i.name, i.value.raw])).toEqual([
      ["培训人数", "≥100人"],
      ["群众获得感明显提升", ""],
    ]);
  });
});

describe("vague values: the weak forms of every stated change", () => {
  it.each(["减轻", "有所减轻", "进一步减轻", "降低", "有所下降", "丰富", "有所丰富", "有所改善", "改善", "提高", "有所缓解"])("%s is vague", (value) => {
    expect(codes(`1、效益指标：群众负担，年度指标值：${value}。`)).toContain("vague_value");
  });

  it.each(["有效减轻", "明显减轻", "明显降低", "有效缓解", "明显改善", "有效提升"])("%s is a checkable statement", (value) => {
    expect(codes(`1、效益指标：群众负担，年度指标值：${value}。`)).not.toContain("vague_value");
  });
});
