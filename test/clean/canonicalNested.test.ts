import fc from "fast-check";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { NESTED_A, NESTED_B, NESTED_C } from "../parse/nestedCells";
import { expectEveryItemUnderItsHeading, expectFlattenedLosslessly } from "./sectionChecks";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

describe("canonicalCellText on headings numbered 1、 over sub-items numbered （1）", () => {
  it("flattens A: each sub-item under its heading's 一级, numbered 1, 2, … across the cell", () => {
    expect(expectFlattenedLosslessly(NESTED_A)).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：培训合格率，年度指标值：≥95%。3、效益指标：群众知晓率，年度指标值：≥90%。4、满意度指标：参训人员满意度，年度指标值：≥90%。",
    );
  });

  it("flattens B: the sub-items keep the 二级 they write, the items after the section their own 一级", () => {
    expect(expectFlattenedLosslessly(NESTED_B)).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、产出指标（质量指标）：培训合格率，年度指标值：≥95%。" +
        "3、效益指标（社会效益指标）：群众知晓率，年度指标值：≥90%。4、满意度指标：参训人员满意度，年度指标值：≥90%。",
    );
  });

  it("flattens C, the last sub-item's number no part of its name", () => {
    expect(expectFlattenedLosslessly(NESTED_C)).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、产出指标（质量指标）：合格率，年度指标值：≥95%。" +
        "3、效益指标（社会效益指标）：知晓率，年度指标值：≥90%。4、满意度指标：满意度，年度指标值：≥90%。",
    );
  });

  it("keeps a name that starts with a number whole", () => {
    const text = "1、产出指标：①号线站点改造数量，年度指标值：≥10个。2、效益指标：①号线客流增长率，年度指标值：≥5%。";
    expect(clean(text)).toBe(text);
  });

  describe("properties", () => {
    /** [heading number, sub-item number] pairs of different styles. */
    const numbering = fc.constantFrom(
      [(n: number) => `${n}、`, (n: number) => `（${n}）`],
      [(n: number) => `${n}、`, (n: number) => `${n}）`],
      [(n: number) => `${n}.`, (n: number) => `(${n})`],
      [(n: number) => `${n}．`, (n: number) => String.fromCharCode(0x245f + n)], // ① …
      [(n: number) => `(${n})`, (n: number) => String.fromCharCode(0x245f + n)],
    );
    const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "效果指标");
    const level2 = fc.constantFrom("", "", "数量指标：", "社会效益指标：");
    const name = fc.constantFrom("培训人数", "群众知晓率", "合格率", "服务对象满意度", "项目完成时间");
    const value = fc.constantFrom("≥100人", "≥90%", "合格", "2025年12月底前", "不少于3次", "80%以上");
    const label = fc.constantFrom("，年度指标值：", "：", "，指标值：");
    const itemEnd = fc.constantFrom("；", "。", "\n");
    const sectionEnd = fc.constantFrom("。", "\n", "；");
    const item = fc.record({ level2, name, value, label, itemEnd });
    /** Two to three headings, the first over at least two sub-items (the cell bears them out). */
    const cell = fc
      .tuple(numbering, sectionEnd, fc.array(fc.record({ level1, items: fc.array(item, { minLength: 1, maxLength: 3 }) }), { minLength: 2, maxLength: 3 }), item)
      .map(([[heading, sub], end, sections, extra]) => {
        const all = sections.map((s, k) => (k === 0 && s.items.length < 2 ? { ...s, items: [...s.items, extra] } : s));
        return all
          .map((s, k) => {
            const body = s.items.map((it, i) => `${sub(i + 1)}${it.level2}${it.name}${it.label}${it.value}${i < s.items.length - 1 ? it.itemEnd : ""}`).join("");
            return `${heading(k + 1)}${s.level1}：${body}${k < all.length - 1 ? end : ""}`;
          })
          .join("");
      });

    it("reads every sub-item under its heading's 一级, and cleans losslessly and idempotently", () => {
      fc.assert(
        fc.property(cell, (text) => {
          expectEveryItemUnderItsHeading(text);
          const cleaned = expectFlattenedLosslessly(text);
          for (const it of parseIndicatorCell(text).items) expect(cleaned).toContain(`${it.name}，年度指标值：`);
        }),
        { numRuns: 300 },
      );
    });
  });
});
