import fc from "fast-check";
import { canonicalCellText, canonicalValueText, isCanonicalItem } from "../../src/core/clean/canonicalCellText";
import type { IndicatorItem } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

// ---------------------------------------------------------------------------------------
// Indicator cells generated from the grammar of DOMAIN.md §2, well- and ill-formed.

const numbering = fc.constantFrom(
  (n: number) => `${n}、`,
  (n: number) => `${n}.`,
  (n: number) => `${n}．`,
  (n: number) => `（${n}）`,
  (n: number) => `(${n})`,
);

const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "效果指标");
const level2Form = fc.constantFrom(
  (l1: string) => l1,
  (l1: string) => `${l1}-${l1 === "产出指标" ? "数量指标" : l1 === "满意度指标" ? "服务对象满意度指标" : "社会效益指标"}`,
  (l1: string) => `${l1}（${l1 === "产出指标" ? "时效指标" : l1 === "成本指标" ? "经济成本指标" : "可持续影响指标"}）`,
);
const colon = fc.constantFrom("：", ":");
const name = fc.constantFrom(
  "资金拨付时效指标",
  "党代会年会制试点镇数量指标",
  "基层党建水平指标",
  "开展现场调研次数",
  "参训组工信息员覆盖率",
  "服务对象满意度",
  "项目持续发挥作用的期限",
  "设备采购经济性",
  "人均培训成本",
  "项目完成时间",
);
const separator = fc.constantFrom("，", ",");
const label = fc.constantFrom("年度指标值：", "指标值：", "年度目标值：", "年度指标值:", "");
const number = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 0, max: 100 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.constant("1,000"),
);
const unit = fc.constantFrom("%", "％", "个", "次", "人", "人次", "期", "篇", "万元", "天", "");
const quantitative = fc
  .tuple(
    fc.constantFrom("", "≥", "≤", ">", "<", "=", ">=", "<=", "≧", "＞＝", "不低于", "不少于", "达到", "不超过", "大于", "小于"),
    number,
    unit,
    fc.constantFrom("", "", "", "以上", "以内"),
    fc.constantFrom("", " "),
  )
  .map(([op, n, u, postfix, space]) => (postfix ? `${n}${u}${postfix}` : `${op}${space}${n}${space}${u}`));
const value = fc.oneof(
  { weight: 5, arbitrary: quantitative },
  { weight: 2, arbitrary: fc.constantFrom("合格", "是", "长期", "良好", "效果明显", "有效提升", "及时", "低于全区干部平均年龄") },
  { weight: 1, arbitrary: fc.constantFrom("2025年12月31日前", "12月底前", "每年12月底前") },
  { weight: 1, arbitrary: fc.constantFrom("90%-95%", "90%~95%", "90%至95%") },
  { weight: 1, arbitrary: fc.constant("") },
);
const terminator = fc.constantFrom("。", "；", ";", "\n");

const item = fc.record({ numbering, level1, level2Form, colon, name, separator, label, value, terminator });

/** A whole cell: 1 to 6 items, numbered 1, 2, … in one style or a mix. */
const grammarCell = fc.array(item, { minLength: 1, maxLength: 6 }).map((items) =>
  items
    .map(
      (it, i) =>
        `${it.numbering(i + 1)}${it.level2Form(it.level1)}${it.colon}${it.name}${it.label ? `${it.separator}${it.label}` : it.value ? it.separator : ""}${it.value}${it.terminator}`,
    )
    .join(""),
);

/** A grammar cell with an item the cleaner keeps as written among the others (its name after its
 * value, `产出指标：年度指标值：不低于90％（资金拨付率）`), numbered in any style, or not at all. */
const cellWithKeptItem = fc
  .tuple(
    fc.array(item, { minLength: 1, maxLength: 4 }),
    fc.nat(),
    fc.option(numbering, { nil: undefined }),
    level1,
    fc.constantFrom("资金拨付率", "参训组工信息员覆盖率", "服务对象满意度"),
    fc.constantFrom("≥90%", "不低于90％", "90%以上", "＞＝９０％", "100%"),
    terminator,
  )
  .map(([items, at, keptNumbering, l1, keptName, keptValue, keptEnd]) => {
    const k = at % (items.length + 1);
    const parts = items.map(
      (it, i) =>
        `${it.numbering(i + 1 + (i >= k ? 1 : 0))}${it.level2Form(it.level1)}${it.colon}${it.name}${it.label ? `${it.separator}${it.label}` : it.value ? it.separator : ""}${it.value}${it.terminator}`,
    );
    parts.splice(k, 0, `${keptNumbering ? keptNumbering(k + 1) : ""}${l1}：年度指标值：${keptValue}（${keptName}）${keptEnd}`);
    return parts.join("");
  });

/** Strings made of the grammar's own fragments: closer to real damage than random code points. */
const fragmentSoup = fc
  .array(
    fc.constantFrom("1、", "2.", "（3）", "产出指标", "效益", "指标", "：", ":", "，", ",", "年度指标值", "≥", "不低于", "90", "％", "%", "以上", "次", "合格", "。", "；", "\n", " ", "**", "-", "至", "（", "）"),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

/** What must not change when a cell is cleaned (DOMAIN.md §4: nothing of the text is dropped). */
function essentials(it: IndicatorItem) {
  return {
    level1: it.level1,
    level1Raw: it.level1Raw,
    name: it.name,
    kind: it.value.kind,
    operator: it.value.operator,
    number: it.value.number,
    upper: it.value.upper,
    unit: it.value.unit,
    text: it.value.kind === "qualitative" || it.value.kind === "time" ? it.value.text : undefined,
  };
}

describe("canonicalCellText properties", () => {
  it("is idempotent on cells built from the grammar", () => {
    fc.assert(
      fc.property(grammarCell, (cell) => {
        const once = clean(cell);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent on arbitrary strings and on fragment soup", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 40 }), fragmentSoup), (text) => {
        const once = clean(text);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("is lossless: re-parsing the cleaned cell gives the same items, field by field", () => {
    fc.assert(
      fc.property(grammarCell, (cell) => {
        const before = parseIndicatorCell(cell).items;
        const after = parseIndicatorCell(clean(cell)).items;
        expect(after.map(essentials)).toEqual(before.map(essentials));
      }),
      { numRuns: 500 },
    );
  });

  it("brings every item of a grammar cell into canonical form (the safety net stays unused)", () => {
    fc.assert(
      fc.property(grammarCell, (cell) => {
        const cleaned = clean(cell);
        const items = parseIndicatorCell(cleaned).items;
        expect(items.map((item) => isCanonicalItem(item, cleaned))).toEqual(items.map(() => true));
        expect(items.map((item) => item.number)).toEqual(items.map((_, i) => i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("fits an item kept as written among rewritten ones: numbered 1、2、… throughout, its value normalised, idempotent, lossless", () => {
    fc.assert(
      fc.property(cellWithKeptItem, (cell) => {
        const cleaned = clean(cell);
        expect(clean(cleaned)).toBe(cleaned);
        const before = parseIndicatorCell(cell).items;
        const after = parseIndicatorCell(cleaned).items;
        expect(after.map(essentials)).toEqual(before.map(essentials));
        if (cleaned === cell) return;
        expect(after.map((it) => [it.number, it.numberingStyle])).toEqual(after.map((_, i) => [i + 1, "dun"]));
        for (const it of after) if (it.value.kind !== "empty") expect(canonicalValueText(it.value)).toBe(it.value.raw);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a missing value missing", () => {
    fc.assert(
      fc.property(grammarCell, fc.nat(), (cell, pick) => {
        const items = parseIndicatorCell(cell).items;
        const after = parseIndicatorCell(clean(cell)).items;
        if (items.length === 0) return;
        const i = pick % items.length;
        expect(after[i]?.value.kind === "empty").toBe(items[i]?.value.kind === "empty");
      }),
      { numRuns: 300 },
    );
  });
});
