import { unitMissingRule } from "../../src/core/rules/unitMissing";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { itemCodes } from "./harness";

describe("unit_missing", () => {
  it("flags 开设课程数量 220", () => {
    expect(itemCodes(unitMissingRule, "1、产出指标：开设课程数量，年度指标值：220。2、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([[1, "unit_missing"]]);
  });

  it("flags a rate without its percent sign", () => {
    expect(itemCodes(unitMissingRule, "1、产出指标：远教站点开机率，年度指标值：≥95。")).toEqual([[1, "unit_missing"]]);
  });

  it("accepts values with units and qualitative values", () => {
    expect(itemCodes(unitMissingRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(unitMissingRule, CLEAN)).toEqual([]);
  });
});
