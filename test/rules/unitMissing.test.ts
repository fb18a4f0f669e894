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

  it("accepts a unit written in the name's note (`培训人数（人）` `≥100`), not a note that is no unit", () => {
    const text = "1、产出指标：培训人数（人），年度指标值：≥100。2、产出指标：资助金额（万元），年度指标值：≥150。3、产出指标：培训人数（新增），年度指标值：≥100。";
    expect(itemCodes(unitMissingRule, text)).toEqual([[3, "unit_missing"]]);
  });

  it("accepts an index, a coefficient or a score without a unit", () => {
    const text = "1、产出指标：路面技术状况指数（PQI），年度指标值：≥80。2、效益指标：灌溉水有效利用系数，年度指标值：≥0.58。3、产出指标：考核分数，年度指标值：≥90。";
    expect(itemCodes(unitMissingRule, text)).toEqual([]);
  });
});
