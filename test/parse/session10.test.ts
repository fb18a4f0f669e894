import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";
import { expectEveryItemUnderItsHeading, expectFlattenedLosslessly } from "../clean/sectionChecks";

/** Parser defects found in the tenth round, one block per finding. */

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));
const heads = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.level1, i.name, i.value.raw]);

describe("a 一级 heading run on to an item numbering on from the items before it", () => {
  const cases: [string, (number | string)[][]][] = [
    [
      "产出指标：1、培训人数，年度指标值：≥100人；2、培训合格率，年度指标值：≥95%；效益指标：3、群众知晓率，年度指标值：≥90%；满意度指标：4、学员满意度，年度指标值：≥90%。",
      [
        [1, "产出指标", "培训人数", "≥100人"],
        [2, "产出指标", "培训合格率", "≥95%"],
        [3, "效益指标", "群众知晓率", "≥90%"],
        [4, "满意度指标", "学员满意度", "≥90%"],
      ],
    ],
    [
      "一、产出指标：1、培训人数≥100人；2、合格率≥95%；3、完成率100%；二、效益指标：4、知晓率≥90%；三、满意度指标：5、满意度≥90%",
      [
        [1, "产出指标", "培训人数", "≥100人"],
        [2, "产出指标", "合格率", "≥95%"],
        [3, "产出指标", "完成率", "100%"],
        [4, "效益指标", "知晓率", "≥90%"],
        [5, "满意度指标", "满意度", "≥90%"],
      ],
    ],
    [
      "产出指标：1、培训人数≥100人；效益指标：2、知晓率≥90%",
      [
        [1, "产出指标", "培训人数", "≥100人"],
        [2, "效益指标", "知晓率", "≥90%"],
      ],
    ],
  ];

  it.each(cases)("reads %j item by item under its headings", (text, expected) => {
    expect(heads(text)).toEqual(expected);
    expectEveryItemUnderItsHeading(text);
    expect(allItemCodes(text).filter(([, code]) => code === "numbering_irregular" || code === "category_unknown")).toEqual([]);
  });

  it.each(cases)("cleans %j without the item numbers in the names", (text) => {
    const cleaned = expectFlattenedLosslessly(text);
    expect(cleaned).not.toMatch(/[：:]\d、/);
  });

  it("still keeps a number that does not number on as part of the name", () => {
    // item 1 then `3、…` under a heading: no continuation, and `1、2号楼` stays a name
    expect(heads("产出指标：1、培训人数≥100人；效益指标：3、4号楼改造完成率≥90%")[1]).toEqual([undefined, "效益指标", "3、4号楼改造完成率", "≥90%"]);
    expect(clean("产出指标：1、2号楼维修数量，年度指标值：2栋。效益指标：带动就业，年度指标值：≥100人。")).toContain("1、2号楼维修数量");
  });
});

describe("two unnumbered indicators apart by spaces only", () => {
  it("reads each as a name and its value, the 一级 written once going on", () => {
    const text = "产出指标：培训人数≥100人 培训合格率≥95% 效益指标：群众知晓率≥90% 满意度指标：学员满意度≥90%";
    expect(heads(text)).toEqual([
      [undefined, "产出指标", "培训人数", "≥100人"],
      [undefined, "产出指标", "培训合格率", "≥95%"],
      [undefined, "效益指标", "群众知晓率", "≥90%"],
      [undefined, "满意度指标", "学员满意度", "≥90%"],
    ]);
    expect(clean(text)).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：培训合格率，年度指标值：≥95%。3、效益指标：群众知晓率，年度指标值：≥90%。4、满意度指标：学员满意度，年度指标值：≥90%。",
    );
    expect(heads("培训人数≥100人  培训合格率≥95%").map((i) => i[2])).toEqual(["培训人数", "培训合格率"]);
  });

  it("keeps a remark or a part of the target after the spaces with the value", () => {
    for (const text of ["产出指标：培训人数≥100人 其中骨干教师≥20人", "产出指标：培训人数≥100人 力争≥120人", "产出指标：资金拨付率≥90% （以实际为准）"]) {
      expect(parseIndicatorCell(text).items).toHaveLength(1);
    }
  });
});

describe("space-separated items (second audit)", () => {
  it("splits when the value stands after a space of its own, or is glued to its name without an operator", () => {
    expect(heads("产出指标：培训人数 ≥100人 合格率 ≥95%")).toEqual([
      [undefined, "产出指标", "培训人数", "≥100人"],
      [undefined, "产出指标", "合格率", "≥95%"],
    ]);
    expect(heads("培训人数≥100人 合格率95% 及时率100%").map((i) => [i[2], i[3]])).toEqual([
      ["培训人数", "≥100人"],
      ["合格率", "95%"],
      ["及时率", "100%"],
    ]);
  });

  it("carries each line's 一级 (and its written 二级 where the name says none) to the items split off on that line", () => {
    const text = "产出指标（数量指标）：培训人数≥100人 培训场次≥5场\n产出指标（质量指标）：合格率≥95% 优良率≥80%\n效益指标（社会效益指标）：就业率≥80% 带动就业人数≥50人";
    const cell = parseIndicatorCell(text);
    expect(cell.items.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "培训人数"],
      ["产出指标", "数量指标", "培训场次"],
      ["产出指标", "质量指标", "合格率"],
      ["产出指标", "质量指标", "优良率"],
      ["效益指标", "社会效益指标", "就业率"],
      ["效益指标", "社会效益指标", "带动就业人数"],
    ]);
    expect(allItemCodes(text).filter(([, code]) => code === "category_unknown")).toEqual([]);
  });

  it("lets a count or a rate go on under 效益 after a `；`, and a 满意度 name still says its own 一级", () => {
    expect(heads("效益指标：就业率≥80%；受益群众人数≥500人").map((i) => i[1])).toEqual(["效益指标", "效益指标"]);
    expect(heads("产出指标：培训人数≥100人；效益指标：就业率≥80%；群众满意度≥90%").map((i) => i[1])).toEqual(["产出指标", "效益指标", undefined]);
  });
});
