import { vagueValueRule } from "../../src/core/rules/vagueValue";
import { CLEAN, VILLAGE_OFFICE, seedCell } from "./cells";
import { allItemCodes, itemCodes } from "./harness";

describe("vague_value", () => {
  it("flags 效果明显 (seed row 21, item 5)", () => {
    expect(itemCodes(vagueValueRule, seedCell(21))).toEqual([[5, "vague_value"]]);
  });

  it("flags 高 (seed row 28, item 1) and 效果明显 (seed row 21, item 5)", () => {
    expect(itemCodes(vagueValueRule, seedCell(28))).toEqual([[1, "vague_value"]]);
    expect(itemCodes(vagueValueRule, seedCell(21))).toEqual([[5, "vague_value"]]);
  });

  it("leaves a vague word a warning already reports (效果显著 on a 满意度 item, seed row 19: satisfaction_not_percent)", () => {
    expect(itemCodes(vagueValueRule, seedCell(19))).toEqual([]);
    expect(allItemCodes(seedCell(19))).toContainEqual([3, "satisfaction_not_percent"]);
    const cell = "1、产出指标：政策宣传覆盖率，年度指标值：高。2、产出指标：完成时间，年度指标值：较好。3、产出指标：完成时间，年度指标值：持续提升。";
    expect(itemCodes(vagueValueRule, cell)).toEqual([[3, "vague_value"]]);
  });

  it("flags the near-synonyms of 效果明显 (成效显著, 成效明显, 作用明显)", () => {
    const cell = "1、效益指标：青少年思想引领，年度指标值：成效显著。2、效益指标：科普宣传效果，年度指标值：成效明显。3、效益指标：示范带动，年度指标值：作用明显。";
    expect(itemCodes(vagueValueRule, cell)).toEqual([
      [1, "vague_value"],
      [2, "vague_value"],
      [3, "vague_value"],
    ]);
  });

  it("accepts firm qualitative values: 是, 合格, 长期", () => {
    expect(itemCodes(vagueValueRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(vagueValueRule, CLEAN)).toEqual([]);
  });
});
