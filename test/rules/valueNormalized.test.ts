import { checkSheet } from "../../src/core/check";
import { applyFixEdits } from "../../src/core/clean/applyFixEdits";
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

  it("rewrites the quantity before a remark, the remark kept, and fixes it in place", () => {
    const text = "1、产出指标：培训人数，年度指标值：不少于200人（注：含线上）。2、效益指标：知晓率，年度指标值：≥90%，以实际为准。";
    expect(normalised(text)).toEqual([[1, "不少于200人（注：含线上）", "≥200人（注：含线上）"]]);
    const row = dataRow(text);
    expect(applyFix(row.cell.text, findingsOf(valueNormalizedRule, row)[0]!)).toBe(text.replace("不少于200人", "≥200人"));
  });

  it("keeps canonical, qualitative and implicit values as they are (100% stays 100%)", () => {
    expect(itemCodes(valueNormalizedRule, VILLAGE_OFFICE)).toEqual([]);
    expect(itemCodes(valueNormalizedRule, CLEAN)).toEqual([]);
  });

  describe("a value read from its own operator, value and unit columns", () => {
    const rows = [
      ["项目名称", "一级指标", "三级指标", "计算符号", "指标值", "计量单位"],
      ["培训项目", "产出指标", "培训人数", "大于等于", 200, "人"],
      ["", "产出指标", "考核合格率", "≥", "９５", "％"],
      ["", "效益指标", "群众知晓率", "≥", 90, "%"],
    ];
    const issues = () => {
      const outcome = checkSheet({ name: "明细", values: rows });
      if (!outcome.ok) throw new Error("no table");
      return outcome.check.issues.filter((i) => i.code === "value_normalized");
    };

    it("points at the one cell to change and fixes that cell alone", () => {
      const [operator] = issues();
      expect([operator?.cell, operator?.params]).toEqual(["D2", { item: 1, from: "大于等于200人", to: "≥200人" }]);
      expect(operator?.fix?.auto).toBe(true);
      expect(applyFixEdits("大于等于", operator!.fix!.edits)).toBe("≥");
    });

    it("with two cells to change, points at the first and leaves both to the cleaner (no one-cell fix)", () => {
      const both = issues()[1];
      expect([both?.cell, both?.params]).toEqual(["E3", { item: 2, from: "≥９５％", to: "≥95%" }]);
      expect(both?.fix).toBeUndefined();
    });

    it("says nothing of a value already canonical in every cell", () => {
      expect(issues().map((i) => i.cell)).toEqual(["D2", "E3"]);
    });
  });

  it("reads 以上/以下/以内 in the operator column as the operator, and writes its glyph there", () => {
    const outcome = checkSheet({
      name: "明细",
      values: [
        ["项目名称", "一级指标", "三级指标", "计算符号", "指标值", "计量单位"],
        ["培训项目", "产出指标", "考核合格率", "以上", 80, "%"],
        ["", "效益指标", "投诉率", "以下", 5, "%"],
        ["", "产出指标", "办结时限", "以内", 30, "天"],
      ],
    });
    if (!outcome.ok) throw new Error("no table");
    expect(outcome.check.normalized.map((n) => [n.operator, n.number, n.valueUnit, n.direction])).toEqual([
      ["≥", 80, "%", "正向"],
      ["≤", 5, "%", "反向"],
      ["≤", 30, "天", "反向"],
    ]);
    const fixes = outcome.check.issues.filter((i) => i.code === "value_normalized");
    expect(fixes.map((i) => [i.cell, i.fix?.edits.map((e) => e.text)])).toEqual([
      ["D2", ["≥"]],
      ["D3", ["≤"]],
      ["D4", ["≤"]],
    ]);
  });
});
