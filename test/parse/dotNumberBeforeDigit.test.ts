import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";

/** Items numbered `1.`, `2.`… whose name starts with a digit (公共卫生 and 教育 tables: `65岁以上`, `0-6岁`). */

const items = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.level1, i.name, i.value.raw]);

describe("an item `N.` whose name starts with a digit", () => {
  it.each([
    ["产出指标：\n1.居民建档人数≥80万人；\n2.65岁以上老年人健康管理率≥70%；\n3.0-6岁儿童健康管理率≥90%", "；"],
    ["产出指标：\n1.居民建档人数≥80万人\n2.65岁以上老年人健康管理率≥70%\n3.0-6岁儿童健康管理率≥90%", "line break"],
  ])("reads the expected number as the marker: %j (%s)", (text) => {
    expect(items(text)).toEqual([
      [1, "产出指标", "居民建档人数", "≥80万人"],
      [2, "产出指标", "65岁以上老年人健康管理率", "≥70%"],
      [3, "产出指标", "0-6岁儿童健康管理率", "≥90%"],
    ]);
    expect(allItemCodes(text)).not.toContain("numbering_irregular");
    expect(canonicalCellText(parseIndicatorCell(text))).toContain("2、产出指标：65岁以上老年人健康管理率，年度指标值：≥70%。3、产出指标：0-6岁儿童健康管理率");
  });

  it.each([
    ["1.产出指标：高血压患者规范管理率60%\n2.65岁以上老年人健康管理率70%\n3.效益指标：知晓率90%", "a value with no operator, line break"],
    ["1.产出指标：高血压患者规范管理率60%；2.65岁以上老年人健康管理率70%；3.效益指标：知晓率90%", "a value with no operator, ；"],
  ])("reads the marker when the line's value has no operator: %j (%s)", (text) => {
    expect(items(text)).toEqual([
      [1, "产出指标", "高血压患者规范管理率", "60%"],
      [2, undefined, "65岁以上老年人健康管理率", "70%"],
      [3, "效益指标", "知晓率", "90%"],
    ]);
  });

  it("reads only the expected number so: another decimal stays a number", () => {
    // Item 1 is followed by `3.5万元`, not item 2: no marker, the decimal is the unnumbered item's value.
    const cell = parseIndicatorCell("1.培训人数≥100人；3.5万元");
    expect(cell.items.map((i) => [i.number, i.value.raw])).toEqual([
      [1, "≥100人"],
      [undefined, "3.5万元"],
    ]);
    // A line holding only a number and its unit is a value, the expected number or not.
    for (const text of ["1、培训经费，年度指标值：\n2.5万元", "1.培训经费，年度指标值：\n2.5万元", "1.培训经费：\n2.5万元"]) {
      expect(parseIndicatorCell(text).items.map((i) => [i.name, i.value.raw])).toEqual([["培训经费", "2.5万元"]]);
    }
  });
});
