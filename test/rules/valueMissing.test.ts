import { valueMissingRule } from "../../src/core/rules/valueMissing";
import { CLEAN, PARTY_DELEGATE } from "./cells";
import { itemCodes } from "./harness";

describe("value_missing", () => {
  it("flags an item cut off after its name", () => {
    expect(itemCodes(valueMissingRule, "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、产出指标：拨付完成率指标，年度指标值：≥100%。3、效益指标：基层党建水平指标，")).toEqual([
      [3, "value_missing"],
    ]);
  });

  it("flags a label with nothing after it", () => {
    expect(itemCodes(valueMissingRule, "1、产出指标：培训人数，年度指标值：。2、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([[1, "value_missing"]]);
  });

  it("does not treat a value without label as missing (that is value_label_missing)", () => {
    expect(itemCodes(valueMissingRule, PARTY_DELEGATE)).toEqual([]);
    expect(itemCodes(valueMissingRule, CLEAN)).toEqual([]);
  });
});
