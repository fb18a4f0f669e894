import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";

/** Parser and cleaner defects a cleaner audit found (session 7), one block per finding. */

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));
const parts = (text: string) => parseIndicatorCell(text).items.map((i) => [i.level2 ?? "", i.name, i.label ?? "", i.value.raw]);

describe("a name beginning with a label word", () => {
  it("keeps the word in the name when no colon or value follows it", () => {
    const text = "1、产出指标：年度目标值完成情况，年度指标值：完成。2、产出指标：指标值完成率，≥90%。";
    expect(parts(text)).toEqual([
      ["", "年度目标值完成情况", "年度指标值", "完成"],
      ["", "指标值完成率", "", "≥90%"],
    ]);
    expect(allItemCodes(text)).toContainEqual([2, "value_label_missing"]);
    expect(clean(text)).toBe("1、产出指标：年度目标值完成情况，年度指标值：完成。2、产出指标：指标值完成率，年度指标值：≥90%。");
  });

  it("still reads a label glued to its value, or before a space or a separator", () => {
    expect(parts("1、产出指标：培训人数，年度指标值≥90人。2、产出指标：培训质量，年度指标值 合格。3、产出指标：培训质量，年度指标值 全面完成。")).toEqual([
      ["数量指标", "培训人数", "年度指标值", "≥90人"],
      ["", "培训质量", "年度指标值", "合格"],
      ["", "培训质量", "年度指标值", "全面完成"],
    ]);
  });
});

describe("一级, 二级 and 三级 joined alike (`产出指标-数量指标-培训人数`)", () => {
  it("reads the 二级 and the name apart, and the cleaner writes them so", () => {
    const text = "1、产出指标-数量指标-培训人数，年度指标值：≥200人。2、效益指标—社会效益指标—群众知晓率：≥90%。";
    expect(parts(text)).toEqual([
      ["数量指标", "培训人数", "年度指标值", "≥200人"],
      ["社会效益指标", "群众知晓率", "", "≥90%"],
    ]);
    expect(clean(text)).toBe("1、产出指标（数量指标）：培训人数，年度指标值：≥200人。2、效益指标（社会效益指标）：群众知晓率，年度指标值：≥90%。");
  });

  it("reads a short 二级 so too, and leaves one it does not know as written (category_unknown)", () => {
    expect(parts("1、产出指标-数量-培训人数，年度指标值：≥200人。")[0]?.slice(0, 2)).toEqual(["数量指标", "培训人数"]);
    const unknown = parseIndicatorCell("1、产出指标-其他-培训人数，年度指标值：≥200人。").items[0];
    expect([unknown?.level2, unknown?.level2Raw]).toEqual([undefined, "其他-培训人数"]);
    expect(allItemCodes("1、产出指标-其他-培训人数，年度指标值：≥200人。")).toContainEqual([1, "category_unknown"]);
  });
});

describe("a range with thousands separators", () => {
  it("is written with ASCII digits and no separators, as a single quantity is", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：2,000-3,000人。")).toBe("1、产出指标：培训人数，年度指标值：2000-3000人。");
    expect(clean("1、产出指标：培训人数，年度指标值：1，000～2，000人。")).toBe("1、产出指标：培训人数，年度指标值：1000~2000人。");
    expect(allItemCodes("1、产出指标：培训人数，年度指标值：2,000-3,000人。")).toContainEqual([1, "value_normalized"]);
  });
});

describe("two items in one, the second's number and head left out", () => {
  it("splits before the second name when a second label follows a value", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥200人，培训场次，年度指标值：≥5场。2、效益指标：知晓率，年度指标值：≥90%。";
    expect(parts(text)).toEqual([
      ["数量指标", "培训人数", "年度指标值", "≥200人"],
      // The part split off continues its item's 一级 (产出指标), under which 场次 infers 数量指标.
      ["数量指标", "培训场次", "年度指标值", "≥5场"],
      ["", "知晓率", "年度指标值", "≥90%"],
    ]);
    const codes = allItemCodes(text);
    expect(codes).not.toContainEqual([2, "category_unknown"]);
    expect(codes).toContainEqual([2, "numbering_irregular"]);
    expect(codes.map(([, code]) => code)).not.toContain("qualitative_on_quantity");
  });

  it("keeps one item when no separator stands between the value and the second label", () => {
    expect(parts("1、产出指标：培训人数，年度指标值：合格年度指标值：≥5场。")).toHaveLength(1);
  });
});

describe("a known 一级 or 二级 written with spaces inside", () => {
  it("is written without them; a qualitative value keeps its own", () => {
    expect(clean("1、效益 指标：群众知晓率，年度指标值：≥90%。2、产出指标（数量 指标）：培训人数，年度指标值：有效 提升。")).toBe(
      "1、效益指标：群众知晓率，年度指标值：≥90%。2、产出指标（数量指标）：培训人数，年度指标值：有效 提升。",
    );
  });
});

describe("a unit with no number", () => {
  it("is a missing value (value_missing), as an operator with no number is", () => {
    const text = "1、产出指标：编印宣传资料，年度指标值：份。2、产出指标：资金拨付率，年度指标值：%。3、产出指标：培训人次，年度指标值：人次。";
    expect(allItemCodes(text).filter(([, code]) => code === "value_missing" || code === "qualitative_on_quantity")).toEqual([
      [1, "value_missing"],
      [2, "value_missing"],
      [3, "value_missing"],
    ]);
    // The cleaner keeps what was written for the author to complete.
    expect(clean(text)).toContain("年度指标值：份。");
  });
});

describe("a label begun and no value (`…满意度，年度。`)", () => {
  it("is a missing value, with no label fix that would write 年度指标值：年度", () => {
    const text = "1、产出指标：培训人数，年度指标值：≥90人。2、满意度指标：参训学员满意度，年度。3、效益指标：知晓率，年度指标；4、成本指标：人均成本，年度指标值：≤500元。";
    const codes = allItemCodes(text);
    expect(codes.filter(([item]) => item === 2 || item === 3)).toEqual([
      [2, "value_missing"],
      [3, "value_missing"],
    ]);
    expect(clean(text)).not.toContain("年度指标值：年度");
  });
});

describe("vague values near DOMAIN's examples", () => {
  it.each(["较明显", "一定程度提升", "较大提升", "逐步提高", "进一步优化"])("flags %s", (value) => {
    expect(allItemCodes(`1、效益指标：群众生活条件，年度指标值：${value}。`)).toContainEqual([1, "vague_value"]);
  });

  it.each(["明显改善", "明显提升", "有效提升"])("leaves %s, a checkable statement", (value) => {
    expect(allItemCodes(`1、效益指标：群众生活条件，年度指标值：${value}。`)).not.toContainEqual([1, "vague_value"]);
  });
});
