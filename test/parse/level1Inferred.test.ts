import { parseIndicatorCell, parseItemFromParts } from "../../src/core/parse/parseCell";
import { fullCategoryWord } from "../../src/core/parse/vocabulary";

const heads = (text: string) => parseIndicatorCell(text).items.map((i) => [i.level1, i.level1Source, i.level1Raw, i.level1Span, i.level2, i.level2Source]);

describe("a 二级 written alone: its 一级 inferred", () => {
  it("gives the item the 一级 its 二级 belongs to, recorded as inferred, with no written 一级", () => {
    expect(heads("1、数量指标：检查次数，年度指标值：≥2次。2、效益指标：就业率，年度指标值：≥60%。")).toEqual([
      ["产出指标", "inferred", undefined, undefined, "数量指标", "written"],
      ["效益指标", "written", "效益指标", { start: 24, end: 28 }, undefined, "none"],
    ]);
  });

  it("reads every generation's 二级 and their short forms", () => {
    const text = "1、社会效益指标：就业率≥60%。2、可持续影响指标：长效机制，年度指标值：建立。3、服务对象满意度指标：满意度，年度指标值：≥90%。4、时效：办结时限≤5天。5、经济成本指标：人均成本≤500元。";
    expect(parseIndicatorCell(text).items.map((i) => [i.level1, i.level1Source])).toEqual([
      ["效益指标", "inferred"],
      ["效益指标", "inferred"],
      ["满意度指标", "inferred"],
      ["产出指标", "inferred"],
      ["成本指标", "inferred"],
    ]);
  });

  it("reads 成本指标 written alone as the 2021 一级, as before", () => {
    expect(heads("1、成本指标：人均成本，年度指标值：≤500元。")[0]?.slice(0, 3)).toEqual(["成本指标", "written", "成本指标"]);
  });

  it("leaves a 一级 a heading gives or the item before carries, an unknown category and an item with none as they were", () => {
    const sections = parseIndicatorCell("一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人。\n二、效益指标\n1、社会效益指标：就业率，年度指标值：≥60%。");
    expect(sections.items.map((i) => [i.level1, i.level1Source])).toEqual([
      ["产出指标", "heading"],
      ["效益指标", "heading"],
    ]);
    expect(heads("产出指标：培训人数≥100人；质量指标：合格率≥90%").map((h) => [h[0], h[1]])).toEqual([
      ["产出指标", "written"],
      ["产出指标", "heading"],
    ]);
    expect(heads("1、产出指数：培训人数，年度指标值：≥100人。2、效果指针：知晓率，年度指标值：≥90%。3、覆盖率，年度指标值：≥90%。").map((h) => [h[0], h[1]])).toEqual([
      [undefined, "written"],
      [undefined, "written"],
      [undefined, "none"],
    ]);
  });

  it("infers it on a row of the item-per-row layout whose 一级 cell is blank", () => {
    const item = parseItemFromParts({ level1: "", level2: "社会效益指标", name: "就业率", value: "≥60%", operator: "", unit: "" }, 1);
    expect([item.level1, item.level1Source, item.level1Raw]).toEqual(["效益指标", "inferred", undefined]);
  });
});

describe("fullCategoryWord", () => {
  it("writes a known category written short in full, keeping its generation, and leaves any other word", () => {
    expect(["满意度", "效果", "产出", "数量", "社会效益", "服务对象满意度", "环境效益", "成本", "产 出"].map(fullCategoryWord)).toEqual([
      "满意度指标",
      "效果指标",
      "产出指标",
      "数量指标",
      "社会效益指标",
      "服务对象满意度指标",
      "环境效益指标",
      "成本指标",
      "产出指标",
    ]);
    expect(["满意度指标", "环境效益指标", "产出指数", "培训人数"].map(fullCategoryWord)).toEqual(["满意度指标", "环境效益指标", "产出指数", "培训人数"]);
  });
});
