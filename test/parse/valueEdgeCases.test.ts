import { checkSheet } from "../../src/core/check";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import type { RuleCode } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";
import { RULES_ZH } from "../../src/core/messages/rules.zh-CN";

/**
 * Value and label edge cases found by an audit: a cell cut off inside a label or after an
 * operator, time units and digit dates on 时效 indicators, doubled word operators (`达到90%以上`)
 * and the `目标值：` / `指标值为` labels — each through the parser, checkSheet and the cleaner.
 */

const read = (text: string) => {
  const { span: _span, ...rest } = parseValue(text, 0);
  return rest;
};

/** The issues of one indicator cell checked as the one data row of a sheet. */
function checked(cell: string) {
  const values = [
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ["部门A", "单位A", "项目1", "目标", cell],
  ];
  const out = checkSheet({ name: "S", values });
  if (!out.ok) throw new Error("no table");
  expect(out.check.table.dataRowIndexes).toEqual([1]);
  return out.check.issues;
}

/** `severity:code#item` of one indicator cell; the cell-level codes that depend on how many
 * items a cell has are left out. */
function issues(cell: string): string[] {
  const cellLevel = new Set<RuleCode>(["satisfaction_or_cost_missing", "too_few_indicators", "output_or_effect_missing"]);
  return checked(cell)
    .filter((i) => !cellLevel.has(i.code))
    .map((i) => `${i.severity}:${i.code}${i.item ? `#${i.item}` : ""}`);
}

function issueOf(cell: string, code: RuleCode) {
  return checked(cell).find((i) => i.code === code);
}

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

const HEAD = "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：基层党建水平指标，年度指标值：合格。";

describe("a cell cut off inside the label of its last item", () => {
  it.each(["年", "年度", "年度指", "年度指标", "年度目", "年度目标", "指", "指标", "目标", "目标值"])(
    "reads …，%s at the end of the cell as no value (value_missing), not as a value",
    (fragment) => {
      const cell = `${HEAD}3、满意度指标：满意度，${fragment}`;
      const item = parseIndicatorCell(cell).items[2];
      expect(item?.value.kind).toBe("empty");
      expect(item?.name).toBe("满意度");
      expect(issues(cell)).toEqual(["error:value_missing#3"]);
      // The cleaner makes no value of the fragment: the cut item stays as the author left it.
      expect(clean(cell)).toBe(`${HEAD}3、满意度指标：满意度，${fragment}`);
    },
  );

  it("reads a label begun and no value as a missing value wherever the item ends (a stub, not a cut)", () => {
    const cell = "1、满意度指标：满意度，年度。2、产出指标：培训人数，年度指标值：≥100人。";
    expect(parseIndicatorCell(cell).items[0]?.value).toMatchObject({ kind: "empty" });
    expect(parseIndicatorCell(cell).items[0]?.name).toBe("满意度");
  });

  it("keeps a real short value at the end of the cell", () => {
    expect(parseIndicatorCell(`${HEAD}3、产出指标：完成时间，年底`).items[2]?.value).toMatchObject({ kind: "time", raw: "年底" });
    expect(parseIndicatorCell(`${HEAD}3、效益指标：群众满意，合格`).items[2]?.value).toMatchObject({ kind: "qualitative", raw: "合格" });
  });
});

describe("a value that is only an operator, or an operator and a unit", () => {
  it.each(["≥", ">=", "不低于", "≥人", "≥%", "≥ %", "不少于人次", "≤万元", "人", "%", "份", "人次"])("reads %s as no value, kept as written", (text) => {
    expect(read(text)).toMatchObject({ kind: "empty", raw: text });
  });

  it.each(["达到要求", "达到预期", "高于上年", "≥90%", "人员到位", "无"])("still reads %s as a value", (text) => {
    expect(read(text).kind).not.toBe("empty");
  });

  it.each([
    ["≥", "年度指标值：≥"],
    ["≥人", "年度指标值：≥人"],
    ["≥%", "年度指标值：≥%"],
  ])("`…年度指标值：%s` at the end of a cell is value_missing (error), and the cleaner keeps the operator", (value, written) => {
    const cell = `${HEAD}3、满意度指标：满意度，年度指标值：${value}`;
    expect(issues(cell)).toEqual(["error:value_missing#3"]);
    expect(clean(cell)).toBe(`${HEAD}3、满意度指标：满意度，${written}。`);
  });

  it("says the number is missing when an operator or unit was written", () => {
    const issue = issueOf(`${HEAD}3、产出指标：培训人数，年度指标值：≥人`, "value_missing");
    expect(issue?.params).toEqual({ item: 3, name: "培训人数", value: "≥人" });
    expect(RULES_ZH.value_missing.message(issue?.params as never)).toBe("第3项“培训人数”的指标值“≥人”缺少数值");
    const bare = issueOf(`${HEAD}3、产出指标：培训人数，年度指标值：`, "value_missing");
    expect(RULES_ZH.value_missing.message(bare?.params as never)).toBe("第3项“培训人数”缺少年度指标值");
  });

  it("takes an unlabelled operator-only tail as the (missing) value, not as part of the name", () => {
    const cell = `${HEAD}3、满意度指标：满意度，≥`;
    expect(parseIndicatorCell(cell).items[2]).toMatchObject({ name: "满意度", value: { kind: "empty", raw: "≥" } });
    expect(issues(cell)).toEqual(["error:value_missing#3"]);
    const glued = parseIndicatorCell("1、产出指标：培训人数≥人").items[0];
    expect(glued).toMatchObject({ name: "培训人数", value: { kind: "empty", raw: "≥人" } });
  });
});

describe("时效 values", () => {
  it.each(["≥40学时", "≥40课时", "≤2个季度", "≤1季度", "≤30秒", "≤3个工作日"])("accepts %s as a time limit", (value) => {
    expect(issues(`1、产出指标：培训时长，年度指标值：${value}`)).toEqual([]);
  });

  it.each(["2025.12.31前", "2025.12.31", "2025/12/31前", "2025-12-31前", "2025年12月31日之前", "12月31日以前", "2025.12前", "2025.12.31之前"])(
    "reads %s as a time value",
    (value) => {
      expect(read(value)).toMatchObject({ kind: "time", text: value });
      expect(issues(`1、产出指标：完成时限，年度指标值：${value}`)).toEqual([]);
    },
  );

  it("still reads amounts after a year-like number as amounts", () => {
    expect(read("2000.5万元")).toMatchObject({ kind: "quantitative", number: 2000.5, unit: "万元" });
    expect(read("2025.12.31万元").kind).not.toBe("time");
  });

  it("still warns on a 时效 indicator whose value is no time", () => {
    expect(issues("1、产出指标：完成时限，年度指标值：良好")).toEqual(["warning:timeliness_value_invalid#1"]);
  });
});

describe("doubled operators that say the same thing", () => {
  it.each([
    ["达到90%以上", "≥", "≥90%"],
    ["≥90%以上", "≥", "≥90%"],
    ["不低于90%以上", "≥", "≥90%"],
    ["≥90%及以上", "≥", "≥90%"],
    [">=90%以上", "≥", "≥90%"],
    ["大于等于90%", "≥", "≥90%"],
    ["不超过30万元以内", "≤", "≤30万元"],
    ["≤30天以内", "≤", "≤30天"],
    ["≤30天内", "≤", "≤30天"],
  ])("normalises %s to %s (value_normalized, and the cleaner writes it)", (value, operator, canonical) => {
    const cell = `1、产出指标：合格率，年度指标值：${value}`;
    expect(read(value)).toMatchObject({ operator });
    const issue = issueOf(cell, "value_normalized");
    expect(issue?.params).toEqual({ item: 1, from: value, to: canonical });
    expect(issue?.fix?.auto).toBe(true);
    expect(clean(cell)).toBe(`1、产出指标：合格率，年度指标值：${canonical}。`);
  });

  it.each(["≥90%以下", "≤90%以上", ">90%以上", "不超过30万元以上", "不低于90%以下"])("leaves the contradictory %s as written", (value) => {
    const cell = `1、产出指标：合格率，年度指标值：${value}`;
    expect(issueOf(cell, "value_normalized")).toBeUndefined();
    expect(clean(cell)).toContain(value);
  });
});

describe("the labels 目标值： and 指标值为", () => {
  it.each([
    ["1、产出指标：培训人数，目标值：≥100人", "目标值"],
    ["1、产出指标：培训人数，目标值:≥100人", "目标值"],
    ["1、产出指标：培训人数，指标值：≥100人", "指标值"],
    ["1、产出指标：培训人数，指标值为≥100人", "指标值"],
    ["1、产出指标：培训人数，年度指标值为≥100人", "年度指标值"],
    ["1、产出指标：培训人数，年度指标值为：≥100人", "年度指标值"],
  ])("%s has the label %s and the value ≥100人; the cleaner writes 年度指标值：", (cell, label) => {
    const item = parseIndicatorCell(cell).items[0];
    expect(item).toMatchObject({ name: "培训人数", label, value: { kind: "quantitative", operator: "≥", number: 100, unit: "人" } });
    expect(issues(cell)).toEqual([]);
    expect(clean(cell)).toBe("1、产出指标：培训人数，年度指标值：≥100人。");
  });

  it("keeps 目标值 without a colon inside a name", () => {
    expect(parseIndicatorCell("1、效益指标：完成目标值考核，年度指标值：合格").items[0]).toMatchObject({ name: "完成目标值考核", label: "年度指标值" });
  });
});

describe("values with a note or a remark", () => {
  const value = (raw: string) => {
    const item = parseIndicatorCell(`1、产出指标：培训人数，年度指标值：${raw}。`).items[0]!;
    return [item.value.kind, item.value.operator, item.value.number, item.value.unit];
  };

  it("reads an inclusive note between the number and its unit (`≥200（含）人`)", () => {
    expect(value("≥200（含）人")).toEqual(["quantitative", "≥", 200, "人"]);
    expect(value("200（含）人以上")).toEqual(["quantitative", "≥", 200, "人"]);
  });

  it("reads a value followed by a remark in words after a comma (`≥90%，以实际为准`)", () => {
    expect(value("≥90%，以实际为准")).toEqual(["quantitative", "≥", 90, "%"]);
    expect(value("90%以上,以测评结果为准")).toEqual(["quantitative", "≥", 90, "%"]);
  });

  it("reads a count per period with its operator (`每月不少于2次`, `每年≥4次`, `不少于每月2次`) as so many per period", () => {
    expect(value("每月不少于2次")).toEqual(["quantitative", "≥", 2, "次/月"]);
    expect(value("每年≥4次")).toEqual(["quantitative", "≥", 4, "次/年"]);
    expect(value("不少于每季度1次")).toEqual(["quantitative", "≥", 1, "次/季度"]);
    // Without an operator a count per period is so many (`=`); a date in each period stays a time.
    expect(value("每季度1次")).toEqual(["quantitative", "=", 1, "次/季度"]);
    expect(value("每月2场")).toEqual(["quantitative", "=", 2, "场/月"]);
    expect(value("每年12月底前")[0]).toBe("time");
    expect(value("每月15日")[0]).toBe("time");
  });

  it("keeps the remark closing a quantity as written, an inclusive `（含）` being none", () => {
    const remark = (raw: string) => parseIndicatorCell(`1、产出指标：培训人数，年度指标值：${raw}。`).items[0]!.value.remark;
    expect(remark("不少于200人（注：含线上）")).toBe("（注：含线上）");
    expect(remark("≥90%，以实际为准")).toBe("，以实际为准");
    expect(remark("100% (以批复为准)")).toBe("(以批复为准)");
    expect(remark("≥90%（不含）")).toBe("（不含）");
    expect(remark("≥90%（含）")).toBeUndefined();
    expect(remark("≥90%")).toBeUndefined();
    expect(remark("合格（以验收为准）")).toBeUndefined();
  });

  it("keeps the words opening a value glued to the name with the value (不低于, 约, 每月, 每季度不少于)", () => {
    const read = (cell: string) => parseIndicatorCell(cell).items.map((i) => [i.name, i.value.raw, i.value.operator, i.value.number, i.value.unit]);
    expect(read("1、产出指标：培训人数约100人。2、产出指标：巡查次数每月2次。3、产出指标：检查次数每季度不少于1次。4、产出指标：验收合格率约120%")).toEqual([
      ["培训人数", "约100人", "=", 100, "人"],
      ["巡查次数", "每月2次", "=", 2, "次/月"],
      ["检查次数", "每季度不少于1次", "≥", 1, "次/季度"],
      ["验收合格率", "约120%", "=", 120, "%"],
    ]);
  });

  it("reads an approximate number as the number (`约100人`, `大约5000册`, `100人左右`), kept as written by the cleaner", () => {
    expect(value("约100人")).toEqual(["quantitative", "=", 100, "人"]);
    expect(value("大约 5000册")).toEqual(["quantitative", "=", 5000, "册"]);
    expect(value("100人左右")).toEqual(["quantitative", "=", 100, "人"]);
    expect(value("约束性")[0]).toBe("qualitative");
    const cell = "1、产出指标：培训人数，年度指标值：约100人。2、产出指标：发放册数，年度指标值：5000册左右。";
    expect(canonicalCellText(parseIndicatorCell(cell))).toBe(cell);
  });

  it("leaves two numbers after a comma no one quantity (`90%，95%`)", () => {
    expect(value("90%，95%")[0]).toBe("qualitative");
  });
});

describe("a note after an item", () => {
  it("is its item's: no missing value, category or number reported for it, and no indicator counted", () => {
    for (const cell of [
      "1、产出指标：资金到位率，年度指标值：100%\n（资金下达后10日内）\n2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。",
      "1、产出指标：资金到位率，年度指标值：100%。\n（注：资金下达后10日内）\n2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。",
      "1、产出指标：资金到位率，年度指标值：100%。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。注：数据来源于统计年鉴",
    ]) {
      expect(checked(cell).map((i) => i.code)).toEqual(["satisfaction_or_cost_missing"]);
      expect(parseIndicatorCell(cell).items).toHaveLength(3);
    }
  });

  it("on a line of its own after an unlabelled value is that value's remark", () => {
    const item = parseIndicatorCell("资金到位率：100%\n（资金下达后10日内）").items[0]!;
    expect([item.name, item.value.kind, item.value.number]).toEqual(["资金到位率", "quantitative", 100]);
  });
});

describe("notes, remarks and counts per period: the edges an audit found", () => {
  const value = (raw: string) => {
    const item = parseIndicatorCell(`1、产出指标：培训人数，年度指标值：${raw}。`).items[0]!;
    return [item.value.kind, item.value.operator, item.value.number, item.value.unit];
  };

  it("takes as a remark only words that remark (`以…`, `力争…`, `含…`), not another indicator after the comma", () => {
    expect(value("≥90%，服务质量优良")[0]).toBe("qualitative");
    // A stretch target is a remark on the target (the value is ≥90%), not a second value.
    expect(value("≥90%，力争95%")).toEqual(["quantitative", "≥", 90, "%"]);
    expect(value("≥90%，95%")[0]).toBe("qualitative");
    expect(value("≥90%，含线上培训")).toEqual(["quantitative", "≥", 90, "%"]);
  });

  it("keeps a share per period a share (`每年≥120%` is over 100%)", () => {
    expect(value("每年≥120%")).toEqual(["quantitative", "≥", 120, "%"]);
    const codes = checked("1、产出指标：验收合格率，年度指标值：每年≥120%。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。").map((i) => i.code);
    expect(codes).toContain("percent_over_100");
  });

  it("reads more periods (`每年度`, `每半月`, `每学年`, `每两月`) and `（含）` after the operator", () => {
    expect(value("每年度≥4次")).toEqual(["quantitative", "≥", 4, "次/年"]);
    expect(value("每半月≥1次")).toEqual(["quantitative", "≥", 1, "次/半月"]);
    expect(value("每学年不少于2次")).toEqual(["quantitative", "≥", 2, "次/学年"]);
    expect(value("每两月≥1次")).toEqual(["quantitative", "≥", 1, "次/两月"]);
    expect(value("不少于（含）200人")).toEqual(["quantitative", "≥", 200, "人"]);
  });

  it("joins `注：` notes whatever they say, and `以实际为准` after a `；`, to the item before", () => {
    const tail = "2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。";
    for (const cell of [
      `1、产出指标：培训人数，年度指标值：≥100人。注：含线上\n${tail}`,
      `1、产出指标：培训人数，年度指标值：≥100人；以实际为准。${tail}`,
      `1、产出指标：培训人数，年度指标值：≥100人。\n注：满意度调查样本不少于200份\n${tail}`,
    ]) {
      expect(checked(cell).map((i) => i.code)).toEqual(["satisfaction_or_cost_missing"]);
    }
  });

  it("reads a known 二级's short form with a value and no name after it as the name (`满意度指标：服务对象满意度：≥90%`)", () => {
    const item = parseIndicatorCell("3、满意度指标：服务对象满意度：≥90%").items[0]!;
    expect([item.level1, item.level2, item.level2Source, item.name, item.value.raw]).toEqual(["满意度指标", "服务对象满意度指标", "inferred", "服务对象满意度", "≥90%"]);
    // A 二级 in full, or one not known, stays a 二级.
    expect(parseIndicatorCell("1、满意度指标：服务对象满意度指标：≥90%").items[0]?.name).toBe("");
  });
});
