import { rateGe100Rule } from "../../src/core/rules/rateGe100";
import { CLEAN, PARTY_DELEGATE, TWO_NEW, VILLAGE_OFFICE } from "./cells";
import { applyFix, dataRow, findingsOf, itemCodes } from "./harness";

describe("rate_ge_100", () => {
  it("flags 拨付完成率指标 ≥100% but not the count at ≥100% beside it", () => {
    expect(itemCodes(rateGe100Rule, PARTY_DELEGATE)).toEqual([[3, "rate_ge_100"]]);
  });

  it("flags ratios written as fractions: they are rates", () => {
    // 3: 实际覆盖的党（工）委数量/计划覆盖的党（工）委数量 ≥100%; 4: 实际发放人数/应发放人数 ≥100%.
    expect(itemCodes(rateGe100Rule, TWO_NEW)).toEqual([
      [3, "rate_ge_100"],
      [4, "rate_ge_100"],
    ]);
  });

  it("flags a 时效 indicator written as a percentage (a rate in disguise)", () => {
    expect(itemCodes(rateGe100Rule, "1、产出指标：资金拨付时效指标，年度指标值：≥100%。")).toEqual([[1, "rate_ge_100"]]);
  });

  it("flags ≥100% on a 有效率 (a share of cases, not an efficiency)", () => {
    expect(itemCodes(rateGe100Rule, "1、效益指标：残疾人康复有效率，年度指标值：≥100%。2、效益指标：行政效率，年度指标值：≥100%。")).toEqual([[1, "rate_ge_100"]]);
  });

  it("offers =100% as a fix the author must confirm", () => {
    const row = dataRow(PARTY_DELEGATE);
    const [finding] = findingsOf(rateGe100Rule, row);
    expect(finding?.fix?.auto).toBe(false);
    expect(applyFix(row.cell.text, finding!)).toContain("3、产出指标：拨付完成率指标，年度指标值：=100%。");
  });

  it("leaves =100%, 100% and a negative indicator's ≥100% alone", () => {
    expect(itemCodes(rateGe100Rule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(rateGe100Rule, "1、产出指标：远教站点开机率，年度指标值：=100%。")).toEqual([]);
    expect(itemCodes(rateGe100Rule, "1、产出指标：逾期发放率，年度指标值：≥100%。")).toEqual([]);
    expect(itemCodes(rateGe100Rule, CLEAN)).toEqual([]);
  });
});
