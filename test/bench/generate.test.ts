import type { RuleCode } from "../../src/core/model";
import { generateRows, generateSheetValues, sheetShape } from "../../bench/generate";
import { createRng } from "../../bench/prng";

// The benchmark's workbooks must be the same every run (ratios compare runs) and must look
// like a review batch: the seed's layout, every written form of DOMAIN.md §2, the §3 defects.

const rows = generateRows({ rows: 3000 });
const texts = rows.map((r) => r.indicators);
const some = (re: RegExp) => texts.some((t) => re.test(t));

describe("the benchmark's table generator", () => {
  it("gives the same rows for the same seed and other rows for another seed", () => {
    expect(generateRows({ rows: 200 })).toEqual(generateRows({ rows: 200 }));
    expect(generateRows({ rows: 200, seed: 7 }).map((r) => r.indicators)).not.toEqual(generateRows({ rows: 200 }).map((r) => r.indicators));
  });

  it("draws reproducible numbers from its seeded PRNG", () => {
    const a = createRng(42);
    const b = createRng(42);
    const drawn = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(drawn);
    expect(new Set(drawn).size).toBe(5);
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("lays the sheet out like the seed: title on row 3, header on row 5, data below", () => {
    const values = generateSheetValues({ rows: 50 });
    expect(values[2]?.[0]).toBe("项目支出绩效目标表（含转移支付项目）");
    expect(values[4]).toEqual(["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]);
    expect(values.every((row) => row.length === 5)).toBe(true);
    const dataRows = values.slice(5).filter((row) => row[4] !== null && String(row[4]).includes("指标"));
    expect(dataRows.length).toBeGreaterThanOrEqual(48);
  });

  it("has an extended layout with 序号 and 项目金额 columns", () => {
    const shape = sheetShape("extended");
    const values = generateSheetValues({ rows: 20, layout: "extended" });
    expect(values[shape.headerRowNumber - 1]).toEqual(shape.header);
    expect(values[shape.headerRowNumber]?.[0]).toBe(1);
    expect(typeof values[shape.headerRowNumber]?.[4]).toBe("number");
  });

  it("writes mostly 3–8 items per cell, as real tables do", () => {
    const inRange = rows.filter((r) => r.itemCount >= 3 && r.itemCount <= 9).length;
    expect(inRange / rows.length).toBeGreaterThan(0.95);
    expect(Math.max(...rows.map((r) => r.itemCount))).toBeLessThanOrEqual(9);
  });

  it("uses every numbering style, label, 二级 form and separator of DOMAIN.md §2", () => {
    for (const re of [/(^|[。；;\n])1、/, /(^|[。；;\n])1\.产出/, /1．/, /（1）/, /\(1\)/]) expect(some(re)).toBe(true);
    for (const label of ["年度指标值：", "指标值：", "年度目标值："]) expect(texts.some((t) => t.includes(label))).toBe(true);
    expect(some(/产出指标-数量指标/)).toBe(true);
    expect(some(/产出指标（数量指标）/)).toBe(true);
    expect(some(/效果指标/)).toBe(true);
    expect(some(/指标值:/)).toBe(true);
    expect(some(/,年度/)).toBe(true);
    expect(some(/；\d/)).toBe(true);
    expect(some(/\n\d/)).toBe(true);
  });

  it("writes values with glyph, ASCII, full-width and word operators, units, ranges and times", () => {
    for (const re of [/≥\d/, />=\d/, /＞＝/, /≧/, /不低于/, /不少于/, /\d%以上/, /不超过/, /以内/, /≤\d/]) expect(some(re)).toBe(true);
    for (const re of [/％/, /[０-９]/, /\d,\d{3}人/, /\d+%[-~至]\d+%/, /元\/人/, /万元/, /人次/]) expect(some(re)).toBe(true);
    for (const re of [/\d{4}年\d+月\d+日前/, /12月底前/, /≤30天/, /2023\.07-2024\.01/]) expect(some(re)).toBe(true);
    for (const re of [/：是[。；;\n]/, /合格/, /长期/, /效果明显|效果显著|较好|有所提升/]) expect(some(re)).toBe(true);
  });

  it("plants a realistic share of defects, each where its text shows it", () => {
    const quiet: RuleCode[] = ["value_normalized", "vague_value", "satisfaction_threshold", "name_variant"];
    const defective = rows.filter((r) => r.planted.some((c) => !quiet.includes(c))).length / rows.length;
    expect(defective).toBeGreaterThan(0.2);
    expect(defective).toBeLessThan(0.5);
    for (const r of rows.filter((x) => x.planted.includes("rate_ge_100"))) expect(r.indicators).toContain("≥100%");
    for (const r of rows.filter((x) => x.planted.includes("placeholder_left"))) expect(r.indicators).toMatch(/\*\*|XX|xx|××/);
    for (const r of rows.filter((x) => x.planted.includes("indicator_cell_empty"))) expect(r.indicators).toBe("");
    for (const r of rows.filter((x) => x.planted.includes("project_name_missing"))) expect(r.project).toBe("");
  });

  it("plants every defect the rule catalogue names, given a city's batch", () => {
    const planted = new Set(generateRows({ rows: 10_000 }).flatMap((r) => r.planted));
    const expected: RuleCode[] = [
      "indicator_cell_empty",
      "category_unknown",
      "value_missing",
      "placeholder_left",
      "number_garbled",
      "percent_over_100",
      "numbering_irregular",
      "value_label_missing",
      "output_or_effect_missing",
      "too_few_indicators",
      "rate_ge_100",
      "percent_on_count",
      "qualitative_on_quantity",
      "satisfaction_not_percent",
      "cost_value_invalid",
      "positive_target_zero",
      "negative_direction_ge",
      "duplicate_indicator",
      "duplicate_project",
      "project_name_missing",
      "unit_missing",
      "timeliness_value_invalid",
      "value_normalized",
      "satisfaction_threshold",
      "vague_value",
      "name_variant",
    ];
    expect(expected.filter((c) => !planted.has(c))).toEqual([]);
  });
});
