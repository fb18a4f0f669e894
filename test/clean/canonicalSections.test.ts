import fc from "fast-check";
import { canonicalCellForm, canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { checkSheet } from "../../src/core/check";
import { planCleaning } from "../../src/core/clean/planCleaning";
import { expectEveryItemUnderItsHeading, expectFlattenedLosslessly } from "./sectionChecks";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));


describe("canonicalCellText flattens a cell written in sections", () => {
  it("writes each heading's 一级 into its items, keeps their 二级, drops the headings and numbers 1, 2, … across the cell", () => {
    const text =
      "一、产出指标\n1、数量指标：培训人数，年度指标值：≥100人\n2、时效指标：完成时间，年度指标值：2025年12月底前\n" +
      "二、效益指标\n1、社会效益指标：群众知晓率，年度指标值：≥90%\n" +
      "三、满意度指标\n1、服务对象满意度指标：群众满意度，年度指标值：≥90%";
    expect(clean(text)).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。" +
        "2、产出指标（时效指标）：完成时间，年度指标值：2025年12月底前。" +
        "3、效益指标（社会效益指标）：群众知晓率，年度指标值：≥90%。" +
        "4、满意度指标（服务对象满意度指标）：群众满意度，年度指标值：≥90%。",
    );
  });

  it.each([
    "（一）产出指标\n1、培训人数，年度指标值：≥100人\n（二）效益指标\n1、群众知晓率，年度指标值：≥90%",
    "一、产出指标：1、培训人数，年度指标值：≥100人；二、效益指标：1、群众知晓率，年度指标值：≥90%",
    "产出指标；\n(1)培训人数，年度指标值：≥100人\n效益指标；\n(1)群众知晓率，年度指标值：≥90%",
    "一、产出指标。1.培训人数，年度指标值：≥100人。二、效益指标。1.群众知晓率，年度指标值：≥90%。",
  ])("writes an inferred 二级 nowhere: %j", (text) => {
    expect(clean(text)).toBe("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：群众知晓率，年度指标值：≥90%。");
  });

  it("keeps a title before the sections, and the older 效果指标 of a heading, as written", () => {
    expect(clean("绩效指标：\n一、产出指标\n1、培训人数，年度指标值：≥100人\n二、效果指标\n1、群众知晓率，年度指标值：≥90%")).toBe(
      "绩效指标：\n1、产出指标：培训人数，年度指标值：≥100人。2、效果指标：群众知晓率，年度指标值：≥90%。",
    );
  });

  it("keeps the cell as written when a heading's 一级 would survive in no item", () => {
    // every item under 效果指标 writes its own 一级: flattening would drop the heading's word
    const text = "一、产出指标\n1、培训人数，年度指标值：≥100人\n二、效果指标\n1、效益指标：群众知晓率，年度指标值：≥90%";
    expect(clean(text)).toBe(text);
  });

  it("marks every cleaned item canonical, so numbering_irregular and the rest count as resolved", () => {
    const text = "一、产出指标\n1、培训人数，年度指标值：≥100人\n3、培训期数，年度指标值：≥2期\n三、效益指标\n1、群众知晓率，年度指标值：≥90%";
    const form = canonicalCellForm(parseIndicatorCell(text));
    expect(form.canonicalItems).toEqual([true, true, true]);
  });

  describe("properties", () => {
    const headingNumber = fc.constantFrom(
      (n: number) => `${"一二三四"[n - 1]}、`,
      (n: number) => `（${"一二三四"[n - 1]}）`,
      (n: number) => `(${"一二三四"[n - 1]})`,
      () => "",
    );
    const headingEnd = fc.constantFrom("\n", "：\n", "；\n", "。", "：", "；");
    const itemNumber = fc.constantFrom(
      (n: number) => `${n}、`,
      (n: number) => `${n}.`,
      (n: number) => `（${n}）`,
      (n: number) => String.fromCharCode(0x2473 + n), // ⑴ …
      (n: number) => String.fromCharCode(0x245f + n), // ① …
    );
    const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "效果指标");
    const level2 = fc.constantFrom("", "", "数量指标：", "社会效益指标：", "时效指标：");
    const name = fc.constantFrom("培训人数", "群众知晓率", "服务对象满意度", "项目完成时间", "人均培训成本", "基层党建水平指标");
    const value = fc.constantFrom("≥100人", "≥90%", "合格", "2025年12月底前", "不少于3次", "80%以上", "达到5%以下", "");
    const label = fc.constantFrom("年度指标值：", "指标值：", "目标值：");
    const itemEnd = fc.constantFrom("\n", "；\n", "。", "；");
    const item = fc.record({ level2, name, value, label, itemEnd });
    const section = fc.record({ level1, items: fc.array(item, { minLength: 1, maxLength: 3 }) });
    const sectioned = fc
      .tuple(headingNumber, headingEnd, itemNumber, fc.array(section, { minLength: 1, maxLength: 4 }))
      .map(([number, end, itemNo, sections]) => {
        // A heading runs on to its first item on the same line (`一、产出指标：1、…`) only when the
        // cell bears the sections out (two headings, or two items under it): a lone
        // `产出指标：(1)班学生人数…` is an item's head and name.
        const runOn = !end.includes("\n") && end !== "。";
        const borneOut = sections.length > 1 || (sections[0]?.items.length ?? 0) > 1;
        const headingEnd = runOn && !borneOut ? `${end}\n` : end;
        return sections
          .map(
            (s, k) =>
              `${number(k + 1)}${s.level1}${headingEnd}` +
              s.items.map((it, i) => `${itemNo(i + 1)}${it.level2}${it.name}，${it.label}${it.value}${i === s.items.length - 1 && k === sections.length - 1 ? "" : it.itemEnd}`).join(""),
          )
          .join("");
      });

    it("reads every heading as a section and gives every item its heading's 一级", () => {
      fc.assert(
        fc.property(sectioned, (text) => expectEveryItemUnderItsHeading(text)),
        { numRuns: 400 },
      );
    });

    it("is lossless and idempotent: the cleaned cell has no sections and the same items, each canonical, numbered 1, 2, …", () => {
      fc.assert(
        fc.property(sectioned, (text) => void expectFlattenedLosslessly(text)),
        { numRuns: 400 },
      );
    });
  });
});

describe("a cell the cleaner keeps as written (a heading over nothing)", () => {
  it("still gets its auto-fixes, each in its place", () => {
    const text = "一、产出指标\n1、培训人数，年度指标值：不少于200人\n2、合格率，年度指标值：≥95％\n3、培训天数，3天\n四、成本指标\n无";
    const outcome = checkSheet({ name: "表", values: [["项目名称", "绩效指标"], ["项目甲", text]] });
    if (!outcome.ok) throw new Error("no table");
    const edits = planCleaning([outcome.check]).edits;
    expect(edits.map((e) => [e.cell, e.after, e.codes])).toEqual([
      ["B2", "一、产出指标\n1、培训人数，年度指标值：≥200人\n2、合格率，年度指标值：≥95%\n3、培训天数，年度指标值：3天\n四、成本指标\n无", ["value_label_missing", "value_normalized"]],
    ]);
  });
});
