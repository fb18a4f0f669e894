import { placeholderLeftRule } from "../../src/core/rules/placeholderLeft";
import { CLEAN, TWO_NEW } from "./cells";
import { dataRow, findingsOf, itemCodes, spanText } from "./harness";

describe("placeholder_left", () => {
  it("flags ≥**% and XX个 left from the template", () => {
    expect(itemCodes(placeholderLeftRule, "1、产出指标：培训人数，年度指标值：XX个。2、效益指标：群众知晓率，年度指标值：≥**%。3、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [1, "placeholder_left"],
      [2, "placeholder_left"],
    ]);
  });

  it("flags a placeholder in the name and points at it", () => {
    const row = dataRow("1、产出指标：XX项目完成率，年度指标值：100%。");
    const findings = findingsOf(placeholderLeftRule, row);
    expect(findings.map((f) => [f.item, f.code])).toEqual([[1, "placeholder_left"]]);
    expect(spanText(row, findings[0]!)).toBe("XX");
  });

  it("stays quiet on filled-in cells", () => {
    expect(itemCodes(placeholderLeftRule, CLEAN)).toEqual([]);
    expect(itemCodes(placeholderLeftRule, TWO_NEW)).toEqual([]);
  });
});
