import fc from "fast-check";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { NEGATIVE_TAILS, NEGATIVE_TERMS, POSITIVE_TAILS, REMEDY_TERMS, classifyName, nameHead } from "../../src/core/rules/classify";
import { placeholderLeftRule } from "../../src/core/rules/placeholderLeft";
import { dataRow, findingsOf } from "./harness";

/** The rules scan names with loops where they used regular expressions; these properties hold
 * the loops to the expressions' meaning. */

const NEGATIVE_WORDS = NEGATIVE_TERMS.source.split("|");
const REMEDY_WORDS = REMEDY_TERMS.source.split("|");

describe("direction words (classifyName)", () => {
  it("reads 反向 when the name ends in a bad share, 正向 in a share done, else when a negative word occurs and no remedy word does", () => {
    const piece = fc.constantFrom(...NEGATIVE_WORDS, ...REMEDY_WORDS, "率", "发", "不", "合格", "人数", "及时", "（元）", "指标", " ", "处", "接通率", "故障率");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const name = parts.join("");
        const head = nameHead(name);
        const badTail = NEGATIVE_TAILS.some((t) => head.endsWith(t));
        const doneTail = POSITIVE_TAILS.some((t) => head.endsWith(t) && !head.endsWith(`不${t}`));
        const expected = badTail ? "反向" : doneTail ? "正向" : NEGATIVE_TERMS.test(head) && !REMEDY_TERMS.test(head) ? "反向" : "正向";
        expect(classifyName(name).direction).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("the word lists are plain literals (the scan reads them as such)", () => {
    for (const word of [...NEGATIVE_WORDS, ...REMEDY_WORDS]) expect(word).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});

describe("placeholders in names (placeholder_left)", () => {
  it("reports the first run of two or more marks, as /[*＊XxＸｘ×]{2,}/ finds it", () => {
    const piece = fc.constantFrom("*", "＊", "X", "x", "Ｘ", "ｘ", "×", "项目", "率", "?", "1");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const name = `培训${parts.join("")}人数`;
        const text = `1、产出指标：${name}，年度指标值：≥1人。`;
        const row = dataRow(text);
        const item = row.cell.items[0];
        if (!item || item.value.placeholder) return;
        const match = /[*＊XxＸｘ×]{2,}/.exec(item.name);
        const found = findingsOf(placeholderLeftRule, row);
        if (!match) {
          expect(found).toEqual([]);
          return;
        }
        expect(found.map((f) => [f.params?.text, f.span])).toEqual([
          [match[0], { start: item.nameSpan.start + match.index, end: item.nameSpan.start + match.index + match[0].length }],
        ]);
      }),
      { numRuns: 2000 },
    );
    expect(parseIndicatorCell("1、产出指标：XX项目覆盖率，年度指标值：≥90%。").items[0]?.name).toBe("XX项目覆盖率");
  });
});
