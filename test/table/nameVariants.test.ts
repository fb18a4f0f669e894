import { clusterNames, nameParts, nameVariantRule } from "../../src/core/table/nameVariants";
import { detectTable } from "../../src/core/table/detectTable";
import { cellText } from "../../src/core/table/cellText";
import type { RowContext, RuleFinding, TableContext } from "../../src/core/rules/rule";
import type { DetectedTable, SheetSnapshot } from "../../src/core/model";
import { seedSnapshot, sheet } from "./sheets";

const FULL = "中国共产党广州市花都区委员会组织部";
const SHORT = "中国共产党广州市花都区委组织部";

/** The rule's view of a detected sheet: one RowContext per data row (the parts it reads). */
function tableContext(snapshot: SheetSnapshot): TableContext {
  const result = detectTable(snapshot);
  if (!result.ok) throw new Error(result.failure.kind);
  const table: DetectedTable = result.table;
  const text = (rowIndex: number, column: number | undefined) =>
    column === undefined ? "" : cellText(snapshot.values[rowIndex]?.[column] ?? null).trim();
  const rows = table.dataRowIndexes.map(
    (rowIndex): RowContext => ({
      sheet: snapshot.name,
      rowIndex,
      rowNumber: rowIndex + 1,
      department: text(rowIndex, table.columns.department),
      unit: text(rowIndex, table.columns.unit),
      project: text(rowIndex, table.columns.project),
      indicatorAddress: `E${rowIndex + 1}`,
      rawIndicator: null,
      cell: { text: "", items: [] },
      rowKey: "",
    }),
  );
  return { sheet: snapshot.name, table, rows };
}

function findings(ctx: TableContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  nameVariantRule.checkTable?.(ctx, (f) => out.push(f));
  return out;
}

/** (cell, value → canonical) tuples, the way a reviewer reads the findings. */
function tuples(found: RuleFinding[]): string[] {
  return found.map((f) => `${f.cell} ${f.params?.value} → ${f.params?.canonical}`);
}

describe("name_variant on the seed", () => {
  it("declares its code and an info default", () => {
    expect(nameVariantRule.codes).toEqual(["name_variant"]);
    expect(nameVariantRule.defaultSeverity).toEqual({ name_variant: "info" });
  });

  it("flags the 16 short spellings 区委组织部 against the 19 full ones, in both columns", () => {
    const found = findings(tableContext(seedSnapshot()));
    const departments = found.filter((f) => f.params?.role === "department");
    const units = found.filter((f) => f.params?.role === "unit");
    expect(departments).toHaveLength(16);
    expect(units).toHaveLength(16);
    for (const f of found) {
      expect(f.code).toBe("name_variant");
      expect(f.params).toMatchObject({ value: SHORT, canonical: FULL });
    }
    // Row 25 is the first short-spelled row of the seed; department in A, unit in B.
    expect(departments[0]).toMatchObject({ cell: "A25", rowNumber: 25 });
    expect(units[0]).toMatchObject({ cell: "B25", rowNumber: 25 });
    expect(departments.every((f) => f.cell === `A${f.rowNumber}`)).toBe(true);
  });
});

describe("name_variant on other tables", () => {
  const header = ["主管部门", "预算单位", "项目名称", "绩效指标"];

  it("points at the department column wherever it is", () => {
    const ctx = tableContext(
      sheet([
        ["项目名称", "绩效指标", "主管部门"],
        ["项目甲", "1、产出指标：…", "广州市花都区财政局"],
        ["项目乙", "1、产出指标：…", "广州市花都区财政局"],
        ["项目丙", "1、产出指标：…", "花都区 财政局"],
      ]),
    );
    expect(tuples(findings(ctx))).toEqual(["C4 花都区 财政局 → 广州市花都区财政局"]);
  });

  it("says nothing when every row spells its unit the same way", () => {
    const ctx = tableContext(
      sheet([header, [FULL, FULL, "项目甲", "…"], [FULL, "中共广州市花都区委宣传部", "项目乙", "…"]]),
    );
    expect(findings(ctx)).toEqual([]);
  });
});

describe("clustering spellings of one organisation", () => {
  it("joins the full name and the 委员会 → 委 short form, the full name being the canonical spelling", () => {
    const names = [...Array<string>(19).fill(FULL), ...Array<string>(16).fill(SHORT)];
    expect(clusterNames(names)).toEqual([{ canonical: FULL, variants: [SHORT] }]);
  });

  it("prefers the most frequent spelling, and the longer one on a tie", () => {
    expect(clusterNames([SHORT, SHORT, FULL])).toEqual([{ canonical: SHORT, variants: [FULL] }]);
    expect(clusterNames([SHORT, FULL])).toEqual([{ canonical: FULL, variants: [SHORT] }]);
  });

  it.each([
    ["中共 and 中国共产党", "中共广州市花都区委组织部", FULL],
    ["with and without the city prefix", "花都区委组织部", "广州市花都区委组织部"],
    ["人民政府 and 政府", "广州市花都区人民政府办公室", "花都区政府办"],
    ["full-width letters and spaces", "花都区 ＡＢＣ 中心", "花都区ABC中心"],
    ["an abbreviation whose characters all appear in the full name", "花都区人社局", "广州市花都区人力资源和社会保障局"],
    ["a province, city and district chain and its district alone", "广东省广州市花都区财政局", "花都区财政局"],
    ["人民代表大会常务委员会 and 人大常委会", "广州市花都区人民代表大会常务委员会办公室", "花都区人大常委会办公室"],
    ["a town's 人民政府 and 政府", "花都区花山镇人民政府", "花山镇政府"],
    ["住房和城乡建设局 and 住房城乡建设局 (城乡 is no township)", "广州市花都区住房和城乡建设局", "广州市花都区住房城乡建设局"],
    ["住房城乡建设局 with and without the city prefix", "花都区住房城乡建设局", "广州市花都区住房和城乡建设局"],
    ["a township ending in 城乡 and its short form", "某某县古城乡人民政府", "古城乡政府"],
    ["共青团's committee, full and short, with and without the city", "共青团广州市花都区委员会", "共青团花都区委"],
    ["中国共产主义青年团 and 共青团", "中国共产主义青年团广州市花都区委员会", "共青团花都区委"],
    ["妇女联合会 and 妇联", "广州市花都区妇女联合会", "花都区妇联"],
    ["残疾人联合会 and 残联", "花都区残疾人联合会", "广州市花都区残联"],
    ["a name with its code in brackets (主管部门及代码) and without", "广州市花都区教育局（101）", "花都区教育局"],
    ["a name with its code in brackets before it and without", "[101001]广州市花都区教育局", "广州市花都区教育局"],
  ])("joins %s", (_, a, b) => {
    expect(clusterNames([a, b])).toHaveLength(1);
  });

  it.each([
    ["different departments of one committee", FULL, "中国共产党广州市花都区委员会宣传部"],
    ["the same bureau of two districts", "广州市花都区财政局", "广州市白云区财政局"],
    ["a district's party organisation department and the city's", "中共花都区委组织部", "中共广州市委组织部"],
    ["a bureau and its office", "花都区财政局", "花都区财政局办公室"],
    ["two streets of one district", "花都区新华街道办事处", "花都区秀全街道办事处"],
    ["a bureau whose name ends another's", "花都区体育局", "花都区文化广电旅游体育局"],
    ["a named bureau and the same bureau without any place", "财政局", "花都区财政局"],
    ["the committee and its department", "中共花都区委", "中共花都区委组织部"],
    ["住房和城乡建设局 of two districts", "广州市花都区住房和城乡建设局", "广州市白云区住房城乡建设局"],
    ["the 共青团 committee and the party committee", "共青团花都区委", "中共花都区委"],
    ["the 共青团 committees of two districts", "共青团花都区委", "共青团白云区委"],
  ])("keeps apart %s", (_, a, b) => {
    expect(clusterNames([a, b])).toEqual([]);
  });

  it("keeps the code in the spelling it shows (广州市花都区教育局（101）)", () => {
    expect(clusterNames(["广州市花都区教育局（101）", "广州市花都区教育局（101）", "广州市花都区教育局"])).toEqual([
      { canonical: "广州市花都区教育局（101）", variants: ["广州市花都区教育局"] },
    ]);
  });

  it("ignores empty names and returns no single-spelling cluster", () => {
    expect(clusterNames(["", "  ", FULL, FULL])).toEqual([]);
  });

  it("splits a name into its divisions and the organisation", () => {
    expect(nameParts(FULL)).toEqual({ divisions: ["广州市", "花都区"], rest: "委组织部" });
    expect(nameParts("广州市城市管理和综合执法局")).toEqual({ divisions: ["广州市"], rest: "城市管理和综合执法局" });
    expect(nameParts("花都区市场监督管理局")).toEqual({ divisions: ["花都区"], rest: "市场监督管理局" });
    expect(nameParts("花都区住房和城乡建设局")).toEqual({ divisions: ["花都区"], rest: "住房和城乡建设局" });
    expect(nameParts("花都区古城乡人民政府")).toEqual({ divisions: ["花都区", "古城乡"], rest: "政府" });
    expect(nameParts("共青团广州市花都区委员会")).toEqual({ divisions: ["广州市", "花都区"], rest: "共青团委" });
  });
});
