import { vagueValueRule } from "../../src/core/rules/vagueValue";
import { CLEAN, VILLAGE_OFFICE, seedCell } from "./cells";
import { itemCodes } from "./harness";

describe("vague_value", () => {
  it("flags 效果明显 (seed row 21, item 5)", () => {
    expect(itemCodes(vagueValueRule, seedCell(21))).toEqual([[5, "vague_value"]]);
  });

  it("flags 效果显著 (seed row 19, item 3) and 高 (seed row 28, item 1)", () => {
    expect(itemCodes(vagueValueRule, seedCell(19))).toEqual([[3, "vague_value"]]);
    expect(itemCodes(vagueValueRule, seedCell(28))).toEqual([[1, "vague_value"]]);
  });

  it("accepts firm qualitative values: 是, 合格, 长期", () => {
    expect(itemCodes(vagueValueRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(vagueValueRule, CLEAN)).toEqual([]);
  });
});
