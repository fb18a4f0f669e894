import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { nameNoteUnit } from "../../src/core/parse/nameUnit";
import { parseIndicatorCell, parseItemFromParts } from "../../src/core/parse/parseCell";
import { buildNormalizedTable } from "../../src/core/summary/normalizedTable";
import { valueNormalizedRule } from "../../src/core/rules/valueNormalized";
import { allItemCodes, dataRow, itemCodes } from "../rules/harness";

/** A unit written in the name's bracket note (`培训人数（人）` `≥100`) is the unit of a number the
 * value writes without one: every rule and the normalized table see it; the cleaner keeps the
 * value as written. */

describe("nameNoteUnit", () => {
  it.each([
    ["培训人数（人）", "人"],
    ["资助金额（万元）", "万元"],
    ["群众满意度（%）", "%"],
    ["疫苗接种率（％）", "%"],
    ["人均成本（元/人）", "元/人"],
    ["巡查频次（次/年）", "次/年"],
    ["参训人次(万人次)", "万人次"],
    ["新建道路长度（ 公里 ）", "公里"],
  ])("%s → %s", (name, unit) => {
    expect(nameNoteUnit(name)).toBe(unit);
  });

  it.each(["培训人数（新增）", "资金（省级）", "完成率（2025年）", "培训人数", "（%）远教站点开机率", "（人）", "覆盖率（含线上、线下）"])("%s writes none", (name) => {
    expect(nameNoteUnit(name)).toBeUndefined();
  });
});

describe("the item's unit from its name's note", () => {
  it("fills the unit of a number written without one, the value's text as written", () => {
    const [count, amount] = parseIndicatorCell("1、产出指标：培训人数（人），年度指标值：≥100。2、产出指标：资助金额（万元），年度指标值：100-150。").items;
    expect(count?.value).toMatchObject({ kind: "quantitative", raw: "≥100", number: 100, unit: "人", unitInName: true });
    expect(amount?.value).toMatchObject({ kind: "range", raw: "100-150", unit: "万元", unitInName: true });
  });

  it("keeps the value's own unit, and leaves words, times, garbled numbers and placeholders alone", () => {
    const items = parseIndicatorCell(
      "1、产出指标：培训人数（人），年度指标值：≥100人次。2、产出指标：培训人数（人），年度指标值：较多。3、产出指标：完成时间（月），年度指标值：12月底前。4、产出指标：培训人数（人），年度指标值：≥1O0。5、产出指标：培训人数（人），年度指标值：≥**。",
    ).items;
    expect(items.map((i) => [i.value.unit, i.value.unitInName])).toEqual([
      ["人次", undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it("reads it in the one-indicator-per-row layout when there is no unit column", () => {
    const item = parseItemFromParts({ level1: "产出指标", level2: "数量指标", name: "培训人数（人）", value: "≥100", operator: "", unit: "" }, 1);
    expect(item.value).toMatchObject({ raw: "≥100", unit: "人", unitInName: true });
    const column = parseItemFromParts({ level1: "产出指标", level2: "数量指标", name: "培训人数（人）", value: "100", operator: "≥", unit: "人次" }, 1);
    expect(column.value).toMatchObject({ unit: "人次", unitInName: undefined });
  });

  it("counts for the rules: no unit_missing, and the rate rules see the percent", () => {
    const cell =
      "1、产出指标：培训人数（人），年度指标值：≥100。2、产出指标：资助金额（万元），年度指标值：≥150。3、满意度指标：群众满意度（%），年度指标值：≥80。4、产出指标：疫苗接种率（%），年度指标值：≥120。5、产出指标：开设课程数量，年度指标值：220。";
    const codes = allItemCodes(cell);
    expect(codes.filter(([, code]) => code === "unit_missing")).toEqual([[5, "unit_missing"]]);
    expect(codes).toContainEqual([3, "satisfaction_threshold"]);
    expect(codes).toContainEqual([4, "percent_over_100"]);
  });

  it("fills the normalized table's unit", () => {
    const rows = buildNormalizedTable([dataRow("1、产出指标：培训人数（人），年度指标值：≥100。")], []);
    expect(rows.map((r) => [r.name, r.operator, r.number, r.valueUnit])).toEqual([["培训人数（人）", "≥", 100, "人"]]);
  });

  it("is not written into the value by the cleaner: the value stays as written, its operator normalised", () => {
    expect(canonicalCellText(parseIndicatorCell("1、产出指标：培训人数（人），指标值：不少于１００"))).toBe("1、产出指标：培训人数（人），年度指标值：≥100。");
    const canonical = "1、产出指标：培训人数（人），年度指标值：≥100。";
    expect(canonicalCellText(parseIndicatorCell(canonical))).toBe(canonical);
    expect(itemCodes(valueNormalizedRule, canonical)).toEqual([]);
  });
});
