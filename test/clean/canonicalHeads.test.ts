import { checkSheet } from "../../src/core/check";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { planCleaning } from "../../src/core/clean/planCleaning";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

describe("canonicalCellText: category heads", () => {
  it("writes the 一级 a 二级 written alone belongs to, as 一级（二级）", () => {
    expect(clean("1、数量指标：检查次数，年度指标值：≥2次。2、效益指标：就业率，年度指标值：≥60%。")).toBe(
      "1、产出指标（数量指标）：检查次数，年度指标值：≥2次。2、效益指标：就业率，年度指标值：≥60%。",
    );
    expect(clean("数量指标：演出场次≥60场；满意度指标：观众满意度≥90%")).toBe(
      "1、产出指标（数量指标）：演出场次，年度指标值：≥60场。2、满意度指标：观众满意度，年度指标值：≥90%。",
    );
    expect(clean("1、社会效益指标：就业率，年度指标值：≥60%。2、时效：办结时限，年度指标值：≤5天。")).toBe(
      "1、效益指标（社会效益指标）：就业率，年度指标值：≥60%。2、产出指标（时效指标）：办结时限，年度指标值：≤5天。",
    );
  });

  it("writes a known category written short in full", () => {
    expect(clean("1、产出指标（数量）：培训人数，年度指标值：≥100人。2、满意度：学员满意度，年度指标值：≥90%。")).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、满意度指标：学员满意度，年度指标值：≥90%。",
    );
    expect(clean("1、效益指标（社会效益）：就业率，年度指标值：≥60%。2、效果：群众知晓率，年度指标值：≥90%。")).toBe(
      "1、效益指标（社会效益指标）：就业率，年度指标值：≥60%。2、效果指标：群众知晓率，年度指标值：≥90%。",
    );
  });

  it("is its own canonical form, and keeps unknown categories as written", () => {
    for (const text of ["1、数量指标：检查次数，年度指标值：≥2次。2、满意度：学员满意度≥90%", "1、产出指数：培训人数，年度指标值：≥100人。2、效果指针：知晓率，年度指标值：≥90%。"]) {
      const once = clean(text);
      expect(clean(once)).toBe(once);
    }
    expect(clean("1、产出指数：培训人数，年度指标值：≥100人。")).toBe("1、产出指数：培训人数，年度指标值：≥100人。");
  });

  it("says the cleaning resolves level1_missing", () => {
    const outcome = checkSheet({
      name: "表",
      values: [
        ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
        ["文旅局", "文旅局", "演出", "目标", "1、数量指标：演出场次，年度指标值：≥60场。2、效益指标：观众人次，年度指标值：≥1万人次。3、满意度指标：观众满意度，年度指标值：≥90%。"],
      ],
    });
    if (!outcome.ok) throw new Error("no table");
    expect(outcome.check.issues.map((i) => [i.code, i.severity])).toContainEqual(["level1_missing", "warning"]);
    expect(outcome.check.issues.map((i) => i.code)).not.toContain("category_unknown");
    const [edit] = planCleaning([outcome.check]).edits;
    expect(edit).toMatchObject({ after: "1、产出指标（数量指标）：演出场次，年度指标值：≥60场。2、效益指标：观众人次，年度指标值：≥1万人次。3、满意度指标：观众满意度，年度指标值：≥90%。", codes: ["level1_missing"] });
  });
});
