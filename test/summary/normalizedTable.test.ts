import { checkSheet } from "../../src/core/check";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { buildNormalizedTable, directionOf, NORMALIZED_HEADERS, normalizedRowCells } from "../../src/core/summary/normalizedTable";
import { seedSnapshot } from "../clean/seedSheet";
import { issue, row } from "./fixtures";

const firstItem = (text: string) => {
  const item = parseIndicatorCell(text).items[0];
  if (!item) throw new Error(`no item in ${text}`);
  return item;
};

describe("buildNormalizedTable", () => {
  const cell =
    "1、产出指标：资金拨付时效指标，年度指标值：≥90%。2、效益指标：基层党建水平指标，年度指标值：合格。3、效益指标：党代表基层联系群众工作指标，合格。";
  const rows = [row("Sheet1", 6, "党代表任期制工作经费（花东镇）", cell)];
  const issues = [
    issue("Sheet1", "E6", "value_label_missing", "warning", 3, "第3项缺少“年度指标值：”"),
    issue("Sheet1", "E6", "vague_value", "info", 3, "第3项的值较笼统"),
    issue("Sheet1", "E6", "satisfaction_or_cost_missing", "info", undefined, "缺少满意度指标"),
  ];
  const table = buildNormalizedTable(rows, issues);

  it("gives one row per indicator with the project's identifying columns", () => {
    expect(table).toHaveLength(3);
    expect(table.map((r) => [r.rowNumber, r.itemNumber, r.project])).toEqual([
      [6, 1, "党代表任期制工作经费（花东镇）"],
      [6, 2, "党代表任期制工作经费（花东镇）"],
      [6, 3, "党代表任期制工作经费（花东镇）"],
    ]);
  });

  it("splits a quantitative value into operator, number and unit, and reads its direction", () => {
    expect(table[0]).toMatchObject({ level1: "产出指标", name: "资金拨付时效指标", operator: "≥", number: 90, upper: null, valueUnit: "%", qualitative: "", direction: "正向" });
  });

  it("puts a qualitative value in 定性值 with no number", () => {
    expect(table[1]).toMatchObject({ level1: "效益指标", qualitative: "合格", number: null, valueUnit: "", direction: "" });
  });

  it("joins the item's own issues with ；and leaves cell-level issues out", () => {
    expect(table[2]?.problems).toBe("第3项缺少“年度指标值：”；第3项的值较笼统");
    expect(table[0]?.problems).toBe("");
  });

  it("records an inferred 二级 as 推断", () => {
    const [inferred] = buildNormalizedTable([row("Sheet1", 7, "培训", "1、产出指标：培训人数，年度指标值：≥50人。")], []);
    expect(inferred).toMatchObject({ level2: "数量指标", level2Source: "推断" });
    const [written] = buildNormalizedTable([row("Sheet1", 8, "培训", "1、产出指标（质量指标）：考核合格率，年度指标值：≥90%。")], []);
    expect(written).toMatchObject({ level2: "质量指标", level2Source: "填写" });
  });
});

describe("buildNormalizedTable: a 二级 written alone", () => {
  it("shows the 一级 inferred from it, so the item counts under that 一级", () => {
    const table = buildNormalizedTable([row("Sheet1", 7, "演出", "1、数量指标：演出场次，年度指标值：≥60场。2、社会效益指标：观众人次，年度指标值：≥1万人次。")], []);
    expect(table.map((r) => [r.level1, r.level2, r.level2Source])).toEqual([
      ["产出指标", "数量指标", "填写"],
      ["效益指标", "社会效益指标", "填写"],
    ]);
  });
});

describe("directionOf", () => {
  it("reads ≥ and > as 正向, ≤ and < as 反向", () => {
    expect(directionOf(firstItem("1、产出指标：培训人数，年度指标值：>50人。"))).toBe("正向");
    expect(directionOf(firstItem("1、效益指标：安全事故发生率，年度指标值：≤5%。"))).toBe("反向");
    expect(directionOf(firstItem("1、产出指标：项目完成时间，年度指标值：<30天。"))).toBe("反向");
  });

  it("lets a less-is-better name decide when no operator is written", () => {
    expect(directionOf(firstItem("1、效益指标：群众投诉率，年度指标值：0%。"))).toBe("反向");
    expect(directionOf(firstItem("1、产出指标：经费拨付率，年度指标值：100%。"))).toBe("");
  });
});

describe("normalizedRowCells", () => {
  it("matches the headers column for column, empty cells for missing numbers, translated labels in English", () => {
    const table = buildNormalizedTable([row("Sheet1", 6, "培训", "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：项目持续发挥作用的期限，年度指标值：长期。")], []);
    const zh = table.map((r) => normalizedRowCells(r, "zh"));
    expect(NORMALIZED_HEADERS.zh).toHaveLength(17);
    expect(NORMALIZED_HEADERS.en).toHaveLength(17);
    for (const cells of zh) expect(cells).toHaveLength(17);
    const at = (header: string, r: number) => zh[r]?.[NORMALIZED_HEADERS.zh.indexOf(header)];
    expect(at("数值", 0)).toBe(50);
    expect(at("数值", 1)).toBeNull();
    expect(at("方向(正向/反向)", 0)).toBe("正向");
    expect(at("定性值", 1)).toBe("长期");
    expect(normalizedRowCells(table[0]!, "en")[14]).toBe("positive");
  });
});

describe("the normalized table of the seed", () => {
  it("has the 152 indicators of the 35 projects", () => {
    const outcome = checkSheet(seedSnapshot());
    if (!outcome.ok) throw new Error("seed table not found");
    const { normalized } = outcome.check;
    expect(normalized).toHaveLength(152);
    expect(new Set(normalized.map((r) => r.rowNumber)).size).toBe(35);
    expect(normalized.every((r) => r.level1 !== "" && r.name !== "")).toBe(true);
    const partyRep = normalized.find((r) => r.rowNumber === 6 && r.itemNumber === 5);
    expect(partyRep).toMatchObject({ name: "党代表基层联系群众工作指标", qualitative: "合格" });
    expect(partyRep?.problems).not.toBe("");
  });
});

describe("the normalized table's 数值 and 单位 of ratios, percentages in words and unit alternatives", () => {
  it("writes a ratio's second term as 数值 and its first term as 单位, 百分之九十 as 90 %, and keeps 万台（套） whole", () => {
    const table = buildNormalizedTable(
      [row("Sheet1", 6, "消费券", "1、效益指标：消费券杠杆率，年度指标值：≥1:5。2、产出指标：资金拨付率，年度指标值：不低于百分之九十。3、产出指标：设备采购数量，年度指标值：≥1.5万台（套）。4、产出指标：培训人数，年度指标值：≥100人（以签到为准）。")],
      [],
    );
    expect(table.map((r) => [r.operator, r.number, r.valueUnit, r.qualitative])).toEqual([
      ["≥", 5, "1:", ""],
      ["≥", 90, "%", ""],
      ["≥", 1.5, "万台（套）", ""],
      ["≥", 100, "人", ""],
    ]);
  });
});
