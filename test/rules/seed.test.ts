import type { RuleCode } from "../../src/core/model";
import { ALL_RULES } from "../../src/core/rules/index";
import type { RuleFinding } from "../../src/core/rules/rule";
import { defaultSeverities } from "../../src/core/rules/settings";
import { seedRows, seedTable } from "./harness";

/** Every rule over the real seed table, as the engine runs them. */
function checkSeed(): RuleFinding[] {
  const rows = seedRows();
  const findings: RuleFinding[] = [];
  const emit = (f: RuleFinding) => findings.push(f);
  for (const row of rows) for (const rule of ALL_RULES) rule.checkRow?.(row, emit);
  for (const rule of ALL_RULES) rule.checkTable?.({ sheet: "Sheet1", table: seedTable(rows), rows }, emit);
  return findings;
}

const findings = checkSeed();
const severity = defaultSeverities();
const at = (code: RuleCode) => findings.filter((f) => f.code === code).map((f) => [f.rowNumber, f.item]);
const nameOf = (f: RuleFinding) => String(f.params?.name ?? "");

describe("the seed table (35 data rows, 152 indicators)", () => {
  it("is read as the detector would hand it over", () => {
    const rows = seedRows();
    expect(rows).toHaveLength(35);
    expect(rows.reduce((n, r) => n + r.cell.items.length, 0)).toBe(152);
  });

  it("misses the 年度指标值 label on item 5 of all seven 党代表任期制 rows, and nowhere else", () => {
    expect(at("value_label_missing")).toEqual([6, 7, 8, 9, 10, 11, 42].map((row) => [row, 5]));
  });

  it("flags 拨付完成率指标 ≥100% as rate_ge_100", () => {
    const rate = findings.filter((f) => f.code === "rate_ge_100");
    expect(rate.filter((f) => nameOf(f) === "拨付完成率指标").map((f) => [f.rowNumber, f.item])).toEqual([6, 7, 8, 9, 10, 11, 42].map((row) => [row, 3]));
    // The fractions at ≥100% are rates too (rows 26, 33–38: items 3 and 4).
    expect(rate.some((f) => nameOf(f) === "实际覆盖的党（工）委数量/计划覆盖的党（工）委数量")).toBe(true);
  });

  it("flags 试点镇数量指标 ≥100% and 课程数量 ≥95% as percent_on_count, never a fraction", () => {
    const names = new Set(findings.filter((f) => f.code === "percent_on_count").map(nameOf));
    expect([...names].sort()).toEqual(["党代会年会制试点镇数量指标", "参加网络视频学习课程数量"].sort());
  });

  it("normalises 80%以上 and 不低于90% (value_normalized, info) and raises no error on them", () => {
    const normalized = findings.filter((f) => f.code === "value_normalized").map((f) => [f.rowNumber, f.item, f.params?.to]);
    expect(normalized).toEqual([
      [28, 3, "≥80%"],
      [31, 4, "≥90%"],
    ]);
    expect(severity.value_normalized).toBe("info");
    const errorsThere = findings.filter((f) => severity[f.code] === "error" && ((f.rowNumber === 28 && f.item === 3) || (f.rowNumber === 31 && f.item === 4)));
    expect(errorsThere).toEqual([]);
  });

  it("raises no error anywhere: every seed cell is parseable and categorised", () => {
    expect(findings.filter((f) => severity[f.code] === "error").map((f) => [f.rowNumber, f.item, f.code])).toEqual([]);
  });

  it("reports the satisfaction targets below 85% (rows 25 and 28) and the vague values", () => {
    expect(at("satisfaction_threshold")).toEqual([
      [25, 5],
      [28, 3],
    ]);
    expect(at("vague_value")).toEqual(expect.arrayContaining([[21, 5], [28, 1]]));
    // 效果显著 on a 满意度 item is satisfaction_not_percent's: one report, not two.
    expect(at("vague_value")).not.toContainEqual([19, 3]);
    expect(at("satisfaction_not_percent")).toContainEqual([19, 3]);
  });

  it("does not take 效率 ≥1次 or 资金拨付时效指标 ≥90% for a faulty rate", () => {
    const onRow31Item3 = findings.filter((f) => f.rowNumber === 31 && f.item === 3).map((f) => f.code);
    expect(onRow31Item3).not.toContain("percent_on_count");
    expect(onRow31Item3).not.toContain("rate_ge_100");
    expect(findings.filter((f) => nameOf(f) === "资金拨付时效指标")).toEqual([]);
  });

  it("skips the blank rows 24 and 41 and the dashes on row 43", () => {
    expect(findings.filter((f) => f.code === "row_skipped").map((f) => f.cell)).toEqual(["A24", "A41", "A43"]);
  });
});
