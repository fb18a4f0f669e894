import fc from "fast-check";
import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import type { IndicatorItem, RuleCode } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { ALL_RULES } from "../../src/core/rules/index";
import { buildNormalizedTable } from "../../src/core/summary/normalizedTable";
import { dataRow, findingsOf } from "../rules/harness";
import { expectEveryItemUnderItsHeading, expectFlattenedLosslessly } from "../clean/sectionChecks";

/** Cells written in sections: what an audit of the first version (commit 61401e9) found. */

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));
/** Every code any rule raises on the cell, `code#item` (`code` for a cell finding). */
const codes = (text: string) => {
  const row = dataRow(text);
  return ALL_RULES.flatMap((rule) => findingsOf(rule, row).map((f) => (f.item ? `${f.code}#${f.item}` : f.code)));
};
const withoutCellLevel = (list: string[]) =>
  list.filter((c) => !(["output_or_effect_missing", "too_few_indicators", "satisfaction_or_cost_missing"] as RuleCode[]).some((code) => c.startsWith(code)));
const items = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.level1, i.level1Source, i.level2, i.level2Source, i.name, i.value.raw]);

describe("a 一级 followed by a name that starts with a number is an item's head, not a heading", () => {
  // [cell, the name as written]
  const cases: [string, string][] = [
    ["产出指标：1、2号楼维修数量，年度指标值：2栋。效益指标：带动就业，年度指标值：≥100人。", "1、2号楼维修数量"],
    ["产出指标：①号线站点改造数量，年度指标值：≥10个。效益指标：群众出行改善，年度指标值：有效提升。", "①号线站点改造数量"],
    ["产出指标：(1)班学生人数，年度指标值：≥40人。效益指标：学生成绩，年度指标值：有效提升。", "(1)班学生人数"],
    ["产出指标：1）类人员培训人数，年度指标值：≥40人。效益指标：群众出行改善，年度指标值：有效提升。", "1）类人员培训人数"],
    ["产出指标：1、2月份培训人数，年度指标值：≥40人。效益指标：群众出行改善，年度指标值：有效提升。", "1、2月份培训人数"],
    ["产出指标：1、3号线改造里程，年度指标值：≥10公里。效益指标：群众出行改善，年度指标值：有效提升。", "1、3号线改造里程"],
    ["满意度指标：1、2号楼住户满意度，年度指标值：≥90%。", "1、2号楼住户满意度"],
    ["产出指标；1、2号楼维修数量；年度指标值：2栋。", "1、2号楼维修数量"],
    ["一、产出指标：1、2号楼维修数量，年度指标值：2栋。", "1、2号楼维修数量"],
    ["一、产出指标：1、2号楼维修数量，年度指标值：2栋。二、效益指标：群众生活改善，年度指标值：有效提升。", "1、2号楼维修数量"],
    ["一、产出指标：(1)班学生人数，年度指标值：≥40人。二、效益指标：学生成绩，年度指标值：有效提升。", "(1)班学生人数"],
  ];

  it.each(cases)("reads %j with the whole name, no section and no numbering finding", (text, name) => {
    const cell = parseIndicatorCell(text);
    expect(cell.sections).toBeUndefined();
    expect(cell.items[0]).toMatchObject({ level1Source: "written", name });
    expect(codes(text).filter((c) => c.startsWith("numbering_irregular"))).toEqual([]);
  });

  it.each(cases)("cleans %j without dropping a character of the name", (text, name) => {
    const cleaned = clean(text);
    expect(cleaned).toContain(name);
    // every character of the original survives, in order (only numbering and punctuation are form)
    const letters = (s: string) => [...s].filter((ch) => /[\p{L}\p{N}]/u.test(ch) && !"一二".includes(ch));
    const rest = letters(cleaned);
    for (const ch of letters(text.replace(/^[一二]、/, ""))) {
      const at = rest.indexOf(ch);
      expect(at).toBeGreaterThanOrEqual(0);
      rest.splice(0, at + 1);
    }
  });

  it("still reads a heading run on to its first item when the cell bears the sections out", () => {
    // two headings, or a second item numbered like the first, under the heading
    for (const text of [
      "一、产出指标：1、培训人数，年度指标值：≥100人；二、效益指标：1、群众知晓率，年度指标值：≥90%",
      "产出指标：1、培训人数≥100人；2、合格率≥95%。效益指标：1、知晓率≥90%。",
      "一、产出指标：1、培训人数，年度指标值：≥100人；2、合格率，年度指标值：≥95%",
    ]) {
      const cell = parseIndicatorCell(text);
      expect(cell.sections?.length).toBeGreaterThan(0);
      expect(cell.items.every((i) => i.level1Source === "heading" && !/^\d/.test(i.name))).toBe(true);
    }
  });
});

describe("lines after the last section", () => {
  const EMPTY_COST =
    "一、产出指标\n1、培训人数，年度指标值：≥100人。\n二、效益指标\n1、知晓率，年度指标值：≥90%。\n三、满意度指标\n1、群众满意度，年度指标值：≥90%。\n四、成本指标\n无";

  it("reads a heading over `无` as a heading with no items, not as an item of the section before", () => {
    const cell = parseIndicatorCell(EMPTY_COST);
    expect(cell.sections?.map((s) => [s.level1, s.itemCount, s.raw])).toEqual([
      ["产出指标", 1, "一、产出指标\n"],
      ["效益指标", 1, "二、效益指标\n"],
      ["满意度指标", 1, "三、满意度指标\n"],
      ["成本指标", 0, "四、成本指标\n无"],
    ]);
    expect(items(EMPTY_COST).map(([, level1, , , , name]) => [level1, name])).toEqual([
      ["产出指标", "培训人数"],
      ["效益指标", "知晓率"],
      ["满意度指标", "群众满意度"],
    ]);
    expect(withoutCellLevel(codes(EMPTY_COST))).toEqual([]);
  });

  it("an empty section in the middle too: `二、效益指标\\n无`", () => {
    const text = "一、产出指标\n1、培训人数，年度指标值：≥100人。\n二、效益指标\n无\n三、满意度指标\n1、群众满意度，年度指标值：≥90%。";
    expect(parseIndicatorCell(text).sections?.map((s) => [s.level1, s.itemCount])).toEqual([
      ["产出指标", 1],
      ["效益指标", 0],
      ["满意度指标", 1],
    ]);
    expect(withoutCellLevel(codes(text))).toEqual([]);
  });

  it("the cleaner invents no 一级 for an empty section: it keeps the cell as written", () => {
    expect(clean(EMPTY_COST)).toBe(EMPTY_COST);
  });

  it("a note line after the last item is that item's, and takes no heading's 一级", () => {
    const text = "一、产出指标\n1、培训人数，年度指标值：≥100人。\n二、效益指标\n1、知晓率，年度指标值：≥90%。\n（注：数据来源于统计年鉴）";
    const items = parseIndicatorCell(text).items;
    const last = items[1] as IndicatorItem;
    expect([items.length, last.name, last.level1, last.raw.endsWith("（注：数据来源于统计年鉴）")]).toEqual([2, "知晓率", "效益指标", true]);
    const cleaned = clean(text);
    expect(cleaned).toContain("（注：数据来源于统计年鉴）");
    expect(cleaned).not.toContain("效益指标：（注");
  });
});

describe("`满意度：≥90%` under a heading", () => {
  const text = "一、产出指标\n1、培训人数：≥100人\n二、效益指标\n1、知晓率：≥90%\n三、满意度指标\n1、满意度：≥90%";

  it("is the name 满意度 and its value, under the heading's 一级", () => {
    expect(items(text)[2]).toEqual([1, "满意度指标", "heading", "服务对象满意度指标", "inferred", "满意度", "≥90%"]);
  });

  it("so the cleaner flattens the cell", () => {
    expect(clean(text)).toBe("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：知晓率，年度指标值：≥90%。3、满意度指标：满意度，年度指标值：≥90%。");
  });

  it("outside sections the short 一级 stays a 一级", () => {
    expect(items("1、满意度：≥90%")[0]).toEqual([1, "满意度指标", "written", undefined, "none", "", "≥90%"]);
  });
});

describe("sub-headings （一）数量指标 under a section", () => {
  const text =
    "一、产出指标\n（一）数量指标\n1、培训人数，年度指标值：≥100人。\n（二）质量指标\n1、合格率，年度指标值：≥95%。\n二、效益指标\n（一）社会效益指标\n1、知晓率，年度指标值：≥90%。";

  it("are read as sub-headings whose 二级 the items under them take, as written", () => {
    const cell = parseIndicatorCell(text);
    expect(items(text)).toEqual([
      [1, "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [1, "产出指标", "heading", "质量指标", "written", "合格率", "≥95%"],
      [1, "效益指标", "heading", "社会效益指标", "written", "知晓率", "≥90%"],
    ]);
    expect(cell.sections?.map((s) => [s.level1, s.firstItem, s.itemCount, s.subsections?.map((u) => [u.number, u.numberingStyle, u.level2, u.firstItem, u.itemCount, u.raw])])).toEqual([
      [
        "产出指标",
        1,
        2,
        [
          [1, "parenHanzi", "数量指标", 1, 1, "（一）数量指标\n"],
          [2, "parenHanzi", "质量指标", 2, 1, "（二）质量指标\n"],
        ],
      ],
      ["效益指标", 3, 1, [[1, "parenHanzi", "社会效益指标", 3, 1, "（一）社会效益指标\n"]]],
    ]);
    for (const u of cell.sections?.flatMap((s) => s.subsections ?? []) ?? []) expect(text.slice(u.level2Span.start, u.level2Span.end)).toBe(u.level2Raw);
    expect(withoutCellLevel(codes(text))).toEqual([]);
  });

  it("show as 二级 填写 in the normalized table", () => {
    const row = dataRow(text);
    expect(buildNormalizedTable([row], []).map((r) => [r.level1, r.level2, r.level2Source, r.name])).toEqual([
      ["产出指标", "数量指标", "填写", "培训人数"],
      ["产出指标", "质量指标", "填写", "合格率"],
      ["效益指标", "社会效益指标", "填写", "知晓率"],
    ]);
  });

  it("are written into the items by the cleaner", () => {
    expect(clean(text)).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、产出指标（质量指标）：合格率，年度指标值：≥95%。3、效益指标（社会效益指标）：知晓率，年度指标值：≥90%。",
    );
  });

  it("have their numbers checked per section, and the items' per sub-heading", () => {
    const skipped = "一、产出指标\n（一）数量指标\n1、培训人数，年度指标值：≥100人。\n（三）质量指标\n1、合格率，年度指标值：≥95%。\n2、达标率，年度指标值：≥95%。";
    expect(codes(skipped).filter((c) => c.startsWith("numbering_irregular"))).toEqual(["numbering_irregular"]);
  });

  it("an item that writes its own 二级 keeps it", () => {
    expect(items("一、产出指标\n（一）数量指标\n1、时效指标：完成时间，年度指标值：2025年12月底前。\n2、培训人数，年度指标值：≥100人。")).toEqual([
      [1, "产出指标", "heading", "时效指标", "written", "完成时间", "2025年12月底前"],
      [2, "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
    ]);
  });
});

describe("a heading that carries its 二级", () => {
  it.each([
    "一、产出指标（数量指标）\n1、培训人数，年度指标值：≥100人。\n二、效益指标（社会效益指标）\n1、知晓率，年度指标值：≥90%。",
    "一、产出指标-数量指标\n1、培训人数，年度指标值：≥100人。\n二、效益指标-社会效益指标\n1、知晓率，年度指标值：≥90%。",
    "一、产出指标（数量指标）：\n1、培训人数，年度指标值：≥100人。\n二、效益指标（社会效益指标）：\n1、知晓率，年度指标值：≥90%。",
  ])("is a heading whose items take both levels: %j", (text) => {
    const cell = parseIndicatorCell(text);
    expect(cell.sections?.map((s) => [s.level1, s.level2, text.slice((s.level2Span ?? s.span).start, (s.level2Span ?? s.span).end)])).toEqual([
      ["产出指标", "数量指标", "数量指标"],
      ["效益指标", "社会效益指标", "社会效益指标"],
    ]);
    expect(items(text)).toEqual([
      [1, "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [1, "效益指标", "heading", "社会效益指标", "written", "知晓率", "≥90%"],
    ]);
    expect(withoutCellLevel(codes(text))).toEqual([]);
    expect(clean(text)).toBe("1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、效益指标（社会效益指标）：知晓率，年度指标值：≥90%。");
  });
});

describe("unnumbered items under a heading", () => {
  const text = "一、产出指标\n数量指标：培训人数，年度指标值：≥100人。\n质量指标：合格率，年度指标值：≥95%。\n二、效益指标\n社会效益指标：知晓率，年度指标值：≥90%。";

  it("are the items of that section, with the 二级 they write", () => {
    expect(items(text)).toEqual([
      [undefined, "产出指标", "heading", "数量指标", "written", "培训人数", "≥100人"],
      [undefined, "产出指标", "heading", "质量指标", "written", "合格率", "≥95%"],
      [undefined, "效益指标", "heading", "社会效益指标", "written", "知晓率", "≥90%"],
    ]);
    expect(withoutCellLevel(codes(text))).toEqual([]);
  });

  it("are all numbered in the flattened cell, which re-checks clean", () => {
    const cleaned = clean(text);
    expect(cleaned).toBe("1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、产出指标（质量指标）：合格率，年度指标值：≥95%。3、效益指标（社会效益指标）：知晓率，年度指标值：≥90%。");
    expect(withoutCellLevel(codes(cleaned))).toEqual([]);
  });

  it("a heading with a separator over them too (`产出指标：` then a 二级 on the next line)", () => {
    expect(clean("产出指标：\n数量指标：培训人数，年度指标值：≥100人。\n效益指标：\n社会效益指标：知晓率，年度指标值：≥90%。")).toBe(
      "1、产出指标（数量指标）：培训人数，年度指标值：≥100人。2、效益指标（社会效益指标）：知晓率，年度指标值：≥90%。",
    );
  });

  it("a heading with a separator over unnumbered `名称：值` lines: every line is under it", () => {
    const lines = "产出指标：\n培训人数：≥100人\n资金拨付率：≥90%\n效益指标：\n群众知晓率：≥85%\n满意度指标：\n群众满意度：≥90%";
    expect(items(lines).map(([, level1, source, , , name]) => [level1, source, name])).toEqual([
      ["产出指标", "heading", "培训人数"],
      ["产出指标", "heading", "资金拨付率"],
      ["效益指标", "heading", "群众知晓率"],
      ["满意度指标", "heading", "群众满意度"],
    ]);
    expect(codes(lines)).not.toContain("category_unknown");
    // One line under it reads as before: the heading is that item's head.
    expect(items("产出指标：\n群众生活水平")).toEqual([[undefined, "产出指标", "written", undefined, "none", "群众生活水平", ""]]);
  });

  it("unnumbered items with the 一级 written once: the items after it continue it, up to another 一级", () => {
    const run = "产出指标：培训人数≥100人；资金拨付率≥90%；效益指标：群众知晓率≥85%；带动就业≥50人；满意度指标：群众满意度≥90%。";
    expect(items(run).map(([, level1, source, , , name]) => [level1, source, name])).toEqual([
      ["产出指标", "written", "培训人数"],
      ["产出指标", "heading", "资金拨付率"],
      ["效益指标", "written", "群众知晓率"],
      ["效益指标", "heading", "带动就业"],
      ["满意度指标", "written", "群众满意度"],
    ]);
    expect(codes(run)).not.toContain("category_unknown");
    expect(clean(run)).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：资金拨付率，年度指标值：≥90%。3、效益指标：群众知晓率，年度指标值：≥85%。" +
        "4、效益指标：带动就业，年度指标值：≥50人。5、满意度指标：群众满意度，年度指标值：≥90%。",
    );
    // An item of another 一级 (its 二级 or its name says so) does not: its 一级 is missing, or, when
    // it writes a 二级 alone, inferred from that 二级 (level1_missing), never carried.
    expect(items("产出指标：培训人数≥100人；社会效益指标：知晓率≥85%")[1]?.slice(1, 3)).toEqual(["效益指标", "inferred"]);
    expect(items("产出指标：培训人数≥100人；群众满意度≥90%")[1]?.[2]).toBe("none");
    // Numbered items each write their own; so do unnumbered ones whose author writes a 一级 on each
    // (the same on two items in a row): one without it left it out.
    expect(items("1、产出指标：培训人数≥100人。2、资金拨付率≥90%。")[1]?.[2]).toBe("none");
    expect(items("产出指标：培训人数≥100人。资金拨付率≥90%。产出指标：合格率≥95%。效益指标：知晓率≥85%。")[1]?.[2]).toBe("none");
  });

  it("a heading's 二级 that no item takes (each writes its own) keeps the whole cell as written", () => {
    const own = "一、产出指标（数量指标）\n1、时效指标：完成时间，年度指标值：2025年12月底前。\n二、效益指标\n1、知晓率，年度指标值：≥90%。";
    expect(clean(own)).toBe(own);
  });

  it("a flattened cell is never half renumbered: an item the cleaner keeps verbatim keeps the whole cell", () => {
    // the last item is cut off after its 一级: kept verbatim, its `2、` would follow a renumbered `3、`
    const cut = "一、产出指标\n1、培训人数，年度指标值：≥100人\n2、合格率，年度指标值：≥95%\n二、效益指标\n1、知晓率，年度指标值：≥90%\n2、满意度指标";
    expect(clean(cut)).toBe(cut);
  });
});

describe("properties of sectioned cells", () => {
  const HANZI = "一二三四";
  const headingNumber = fc.constantFrom(
    (n: number) => `${HANZI[n - 1]}、`,
    (n: number) => `（${HANZI[n - 1]}）`,
    () => "",
  );
  const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "效果指标");
  /** The 二级 a heading carries: none, in brackets, after a dash. */
  const headingLevel2 = fc.constantFrom("", "", "（数量指标）", "-社会效益指标");
  const headingEnd = fc.constantFrom("\n", "：\n", "。");
  const subNumber = fc.constantFrom(
    (n: number) => `（${HANZI[n - 1]}）`,
    () => "",
  );
  const subLevel2 = fc.constantFrom("数量指标", "质量指标", "时效指标", "社会效益指标");
  const itemNumber = fc.constantFrom(
    (n: number) => `${n}、`,
    (n: number) => `(${n})`,
    (n: number) => String.fromCharCode(0x245f + n), // ① …
  );
  const name = fc.constantFrom("培训人数", "群众知晓率", "合格率", "服务对象满意度", "项目完成时间", "人均培训成本", "满意度");
  const value = fc.constantFrom("≥100人", "≥90%", "合格", "2025年12月底前", "不少于3次", "80%以上", "");
  const label = fc.constantFrom("年度指标值：", "指标值：", "");
  const itemEnd = fc.constantFrom("\n", "。", "；\n");
  const item = fc.record({ name, value, label, itemEnd, level2: fc.constantFrom("", "", "时效指标：") });
  const items = fc.array(item, { minLength: 1, maxLength: 3 });
  /** An item's text: `name，label：value`, or `name：value` without a label; an unnumbered one
   * always with its 二级 and label. One without a labelled value ends with `。`: a line break after
   * it would join the next line when that line starts no item (`数量指标：`). */
  const itemText = (it: { name: string; value: string; label: string; itemEnd: string; level2: string }, number: string, level2: string, last: boolean) => {
    const unnumbered = number === "";
    const labelled = unnumbered || it.label !== "" || it.value === "";
    const body = labelled ? `${it.name}，${it.label || "年度指标值："}${it.value}` : `${it.name}：${it.value}`;
    const end = last ? "" : unnumbered || !labelled || it.value === "" ? "。" : it.itemEnd;
    return `${number}${unnumbered ? level2 : it.level2}${body}${end}`;
  };
  const section = fc.record({ level1, headingLevel2, items, subs: fc.array(fc.record({ level2: subLevel2, items }), { minLength: 0, maxLength: 2 }), unnumbered: fc.boolean() });
  const sectioned = fc
    .tuple(headingNumber, headingEnd, itemNumber, subNumber, fc.array(section, { minLength: 1, maxLength: 3 }))
    .map(([number, end, itemNo, subNumbering, sections]) => {
      // `（一）数量指标` under `（一）产出指标` would be numbered like its heading: no sub-heading then
      const subNo = number(1).startsWith("（") ? () => "" : subNumbering;
      const parts: string[] = [];
      sections.forEach((s, k) => {
        const lastSection = k === sections.length - 1;
        // Sub-headings and unnumbered items (which write a 二级) only under a heading without a 二级,
        // whose items write none (else the heading's 二级 would survive in no item: see below).
        const subs = s.headingLevel2 === "" ? s.subs : [];
        parts.push(`${number(k + 1)}${s.level1}${s.headingLevel2}${end}`);
        if (subs.length === 0) {
          const unnumbered = s.unnumbered && s.headingLevel2 === "";
          s.items.forEach((it, i) => {
            const own = s.headingLevel2 === "" ? it : { ...it, level2: "" };
            parts.push(itemText(own, unnumbered ? "" : itemNo(i + 1), unnumbered ? "数量指标：" : "", lastSection && i === s.items.length - 1));
          });
          return;
        }
        subs.forEach((sub, j) => {
          parts.push(`${subNo(j + 1)}${sub.level2}${subNo(j + 1) === "" ? "：" : ""}\n`);
          sub.items.forEach((it, i) => parts.push(itemText({ ...it, level2: "" }, itemNo(i + 1), "", lastSection && j === subs.length - 1 && i === sub.items.length - 1)));
        });
      });
      return parts.join("");
    });

  it("every item takes its heading's 一级; headings, sub-headings and items are in order, each its own span", () => {
    fc.assert(
      fc.property(sectioned, (text) => {
        expectEveryItemUnderItsHeading(text);
        const cell = parseIndicatorCell(text);
        const pieces = [...cell.items, ...(cell.sections ?? []), ...(cell.sections ?? []).flatMap((s) => s.subsections ?? [])].map((p) => [p.span.start, p.span.end, p.raw] as const);
        pieces.sort((a, b) => a[0] - b[0]);
        for (const [start, end, raw] of pieces) expect(text.slice(start, end)).toBe(raw);
        for (let k = 1; k < pieces.length; k++) expect((pieces[k] as readonly [number, number, string])[0]).toBeGreaterThanOrEqual((pieces[k - 1] as readonly [number, number, string])[1]);
      }),
      { numRuns: 400 },
    );
  });

  it("cleaning is lossless and idempotent: every name, value and category survives, numbered 1, 2, …", () => {
    fc.assert(
      fc.property(sectioned, (text) => {
        const cleaned = expectFlattenedLosslessly(text);
        for (const it of parseIndicatorCell(text).items) expect(cleaned).toContain(`${it.name}，年度指标值：`);
      }),
      { numRuns: 400 },
    );
  });
});
