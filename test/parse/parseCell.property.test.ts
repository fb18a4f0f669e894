import fc from "fast-check";
import type { ParsedCell, Span } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";

/** Fragments of the indicator grammar: closer to real damage than random code points. */
const FRAGMENTS = [
  "1、", "2、", "3.", "（4）", "(5)", "12、", "产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "产出指数",
  "数量指标", "（", "）", "-", "—", "指标", "：", ":", "，", ",", "；", ";", "。", "\n", "\r\n", " ", "　", "年度指标值",
  "指标值", "年度目标值", "值", "≥", "≤", ">=", "＞＝", "=", "不低于", "以上", "以内", "90", "９０", "1,000", "1.5", "..",
  "%", "％", "%%", "个", "人次", "万元", "元/人", "天", "年", "月", "底前", "至", "~", "合格", "效果明显", "**", "XX", "××",
  "O", "二", "第", "/", "“两新”", "培训人数", "满意度", "及时率", "一、", "（二）", "⑴",
];

const fragmentSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fragmentSoup);

function inside(span: Span | undefined, length: number, within?: Span): boolean {
  if (span === undefined) return true;
  const outer = within ?? { start: 0, end: length };
  return Number.isInteger(span.start) && Number.isInteger(span.end) && outer.start <= span.start && span.start <= span.end && span.end <= outer.end;
}

/** Every span lies inside the text (and inside its item or section heading), with start ≤ end;
 * items and section headings are in order and do not overlap. */
function checkSpans(cell: ParsedCell): void {
  const n = cell.text.length;
  let previousEnd = cell.leading ? cell.leading.span.end : 0;
  if (cell.leading) {
    expect(inside(cell.leading.span, n)).toBe(true);
    expect(cell.text.slice(cell.leading.span.start, cell.leading.span.end)).toBe(cell.leading.text);
  }
  const sections = cell.sections ?? [];
  let sectionEnd = previousEnd;
  let items = 0;
  sections.forEach((section, k) => {
    expect(section.index).toBe(k + 1);
    expect(inside(section.span, n)).toBe(true);
    expect(section.span.start).toBeGreaterThanOrEqual(sectionEnd);
    sectionEnd = section.span.end;
    expect(cell.text.slice(section.span.start, section.span.end)).toBe(section.raw);
    expect(inside(section.level1Span, n, section.span)).toBe(true);
    // No items only under a heading holding a line that says there is nothing (`四、成本指标\n无`).
    if (section.itemCount === 0) expect(section.span.end).toBeGreaterThan(section.level1Span.end + 1);
    const first = cell.items[section.firstItem - 1];
    if (section.itemCount > 0) expect(first && first.span.start >= section.span.end).toBe(true);
    const next = sections[k + 1];
    const last = cell.items[section.firstItem - 2 + section.itemCount];
    if (next) expect(next.firstItem).toBe(section.firstItem + section.itemCount);
    if (next && last) expect(last.span.end).toBeLessThanOrEqual(next.span.start);
    items += section.itemCount;
  });
  if (sections[0]) expect(items).toBe(cell.items.length - sections[0].firstItem + 1);
  cell.items.forEach((item, i) => {
    expect(item.index).toBe(i + 1);
    expect(inside(item.span, n)).toBe(true);
    expect(item.span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(item.span.end).toBeGreaterThan(item.span.start);
    previousEnd = item.span.end;
    if (item.level1Source === "heading") expect(item.level1Span).toBeUndefined();
    expect(cell.text.slice(item.span.start, item.span.end)).toBe(item.raw);
    for (const span of [item.nameSpan, item.labelSpan, item.level1Span, item.value.span]) expect(inside(span, n, item.span)).toBe(true);
    expect(cell.text.slice(item.nameSpan.start, item.nameSpan.end)).toBe(item.name);
    expect(cell.text.slice(item.value.span.start, item.value.span.end)).toBe(item.value.raw);
    if (item.level1Span) expect(cell.text.slice(item.level1Span.start, item.level1Span.end)).toBe(item.level1Raw);
    if (item.value.garbled !== undefined) expect(item.value.raw).toContain(item.value.garbled);
  });
}

describe("parseIndicatorCell properties", () => {
  it("never throws, and every span lies in the text, in order, without overlap (arbitrary strings and grammar fragments)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkSpans(parseIndicatorCell(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("holds for the cells the property has failed on (a heading over a line of dots: nothing under it)", () => {
    for (const text of ["满意度指标\n..", "满意度指标\n."]) {
      const cell = parseIndicatorCell(text);
      checkSpans(cell);
      expect(cell.sections?.map((s) => [s.level1, s.itemCount])).toEqual([["满意度指标", 0]]);
    }
  });

  it("never throws on values alone, and the value span lies in the text", () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 1000 }), (text, offset) => {
        const value = parseValue(text, offset);
        expect(value.span.start).toBeGreaterThanOrEqual(offset);
        expect(value.span.end).toBeLessThanOrEqual(offset + text.length);
        expect(text.slice(value.span.start - offset, value.span.end - offset)).toBe(value.raw);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back what it is given: the items of well-formed cells, whatever the numbering style", () => {
    const item = fc.record({
      level1: fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标"),
      name: fc.constantFrom("培训人数", "资金拨付及时率", "“两新”组织党建水平得到提升，凝聚力和战斗力得到加强", "实际覆盖的党（工）委数量/计划覆盖的党（工）委数量"),
      value: fc.constantFrom("≥90%", "合格", "100%", "≥1次", "2025年12月31日前", "90%-95%", "不少于3次"),
    });
    const numbering = fc.constantFrom((n: number) => `${n}、`, (n: number) => `${n}.`, (n: number) => `（${n}）`);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), numbering, fc.constantFrom("。", "；", "\n"), (items, number, end) => {
        const text = items.map((it, i) => `${number(i + 1)}${it.level1}：${it.name}，年度指标值：${it.value}${end}`).join("");
        const cell = parseIndicatorCell(text);
        expect(cell.items.map((it) => [it.number, it.level1, it.name, it.label, it.value.raw])).toEqual(
          items.map((it, i) => [i + 1, it.level1, it.name, "年度指标值", it.value]),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseIndicatorCell runs in linear time", () => {
  const realistic = (() => {
    const seedLike =
      "1、产出指标：在十一月前完成拨付至各党（工）委的资金金额/全年拨付经费金额，年度指标值：≥90%。2、产出指标：实际覆盖的党（工）委数量/计划覆盖的党（工）委数量，年度指标值：100%。3、效益指标：党代表基层联系群众工作指标，合格。";
    let text = "";
    while (text.length + seedLike.length <= 32767) text += seedLike;
    return text.padEnd(32767, "年度指标值：≥");
  })();

  const adversarial: [string, string][] = [
    ["'1、' × 20000", "1、".repeat(20000)],
    ["'≥' × 30000", "≥".repeat(30000)],
    ["'（' × 20000", "（".repeat(20000)],
    ["'值' × 30000", "值".repeat(30000)],
    ["'指标值' × 10000", "指标值".repeat(10000)],
    ["'；' × 30000", "；".repeat(30000)],
    ["'\\n' × 30000", "\n".repeat(30000)],
    ["'1、产出指标：' × 3000", "1、产出指标：".repeat(3000)],
    ["'9' × 30000", "9".repeat(30000)],
    ["'9,' × 15000", "9,".repeat(15000)],
    ["'，' × 30000 then a value", "，".repeat(30000) + "合格"],
    ["'1.' × 15000", "1.".repeat(15000)],
    ["a 32,767-character realistic cell", realistic],
  ];

  it.each(adversarial)("parses %s well under a second", (_label, text) => {
    parseIndicatorCell(text.slice(0, 100)); // warm up the code paths
    const started = performance.now();
    const cell = parseIndicatorCell(text);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    checkSpans(cell);
  });

  it("reads every item of the realistic 32,767-character cell", () => {
    const cell = parseIndicatorCell(realistic);
    expect(cell.items.length).toBeGreaterThan(300);
    expect(cell.items.slice(0, 3).map((i) => i.value.raw)).toEqual(["≥90%", "100%", "合格"]);
  });

  it("takes time proportional to the text of one run-on item: 8× `1、产出指标：` takes far less than 64× the time", () => {
    // Every `、` before a head may end the item; reading the name before it from the item's start
    // each time made this quadratic (3000 of them took ~0.7 s).
    const time = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        parseIndicatorCell(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = "1、产出指标：".repeat(375);
    const large = "1、产出指标：".repeat(3000);
    time(small);
    time(large);
    expect(time(large)).toBeLessThan(Math.max(time(small) * 24, 5));
  });

  it("takes time proportional to the text: 8× the text takes far less than 64× the time", () => {
    const unit = "1、产出指标：培训人数，年度指标值：≥200人。2、效益指标：党代表基层联系群众工作指标，合格。第2、3季度";
    // Best of several runs of each, both warmed first: on a loaded machine a single run can
    // meet a collection or a busy core; the best run is the parser's own cost.
    const time = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 9; run++) {
        const started = performance.now();
        parseIndicatorCell(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = unit.repeat(50);
    const large = unit.repeat(400);
    time(small);
    time(large);
    expect(time(large)).toBeLessThan(Math.max(time(small) * 24, 5));
  });
});
