import { valueNormalizedRule } from "../../src/core/rules/valueNormalized";
import { CIVIL_SERVANT, CLEAN, TALENT, VILLAGE_OFFICE } from "./cells";
import { applyFix, dataRow, findingsOf, itemCodes } from "./harness";

const normalised = (text: string) => findingsOf(valueNormalizedRule, dataRow(text)).map((f) => [f.item, f.params?.from, f.params?.to]);

describe("value_normalized", () => {
  it("turns 80%以上 into ≥80% (seed row 28, item 3)", () => {
    expect(normalised(CIVIL_SERVANT)).toEqual([[3, "80%以上", "≥80%"]]);
  });

  it("turns 不低于90% into ≥90% (seed row 31, item 4)", () => {
    expect(normalised(TALENT)).toEqual([[4, "不低于90%", "≥90%"]]);
  });

  it("folds operator variants, full-width digits and ％", () => {
    expect(normalised("1、产出指标：远教站点开机率，年度指标值：＞＝９５％。2、产出指标：培训人数，年度指标值：>=200人。")).toEqual([
      [1, "＞＝９５％", "≥95%"],
      [2, ">=200人", "≥200人"],
    ]);
  });

  it("auto-fixes in place, leaving the rest of the cell as written", () => {
    const row = dataRow(CIVIL_SERVANT);
    const [finding] = findingsOf(valueNormalizedRule, row);
    expect(finding?.fix?.auto).toBe(true);
    expect(applyFix(row.cell.text, finding!)).toBe(CIVIL_SERVANT.replace("80%以上", "≥80%"));
  });

  it("keeps canonical, qualitative and implicit values as they are (100% stays 100%)", () => {
    expect(itemCodes(valueNormalizedRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(valueNormalizedRule, CLEAN)).toEqual([]);
  });
});
