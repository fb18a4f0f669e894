import fc from "fast-check";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import {
  ACTION_WORDS,
  BADLY_WORDS,
  CHANNEL_WORDS,
  COUNTER_WORDS,
  EVENT_WORDS,
  MEASURE_WORDS,
  NEGATIVE_TAILS,
  NEGATIVE_TERMS,
  POSITIVE_TAILS,
  REMEDY_TERMS,
  TOPIC_WORDS,
  classifyName,
  nameHead,
} from "../../src/core/rules/classify";
import { placeholderLeftRule } from "../../src/core/rules/placeholderLeft";
import { dataRow, findingsOf } from "./harness";

/** The rules scan names with loops where they used regular expressions; these properties hold
 * the loops to the expressions' meaning. */

const NEGATIVE_WORDS = NEGATIVE_TERMS.source.split("|");
const REMEDY_WORDS = REMEDY_TERMS.source.split("|");

/** `(?:a|b)$`: its match is the longest of the words the text ends in (the leftmost start). */
function endingIn(words: readonly string[]): RegExp {
  return new RegExp(`(?:${words.join("|")})$`);
}

const MEASURE_END = endingIn(MEASURE_WORDS);
const EVENT_END = endingIn(EVENT_WORDS);
const ACTION_END = endingIn(ACTION_WORDS);
const BADLY_END = endingIn(BADLY_WORDS);
const COUNTER = new RegExp(COUNTER_WORDS.join("|"));
const CHANNEL_END = endingIn(CHANNEL_WORDS);

/** Every position where `word` occurs in `text`. */
function positions(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push(i);
  return out;
}

/** A negative word counted: not turned by a remedy; a field (TOPIC_WORDS) only when no channel
 * stands before it and no thing done (not done badly) stands anywhere in the name. */
function negativeCounted(head: string): boolean {
  if (!NEGATIVE_TERMS.test(head) || REMEDY_TERMS.test(head)) return false;
  const doneCleanly = ACTION_WORDS.some((w) => positions(head, w).some((i) => !BADLY_END.test(head.slice(0, i))));
  return NEGATIVE_WORDS.some((w) =>
    positions(head, w).some((i) => !TOPIC_WORDS.includes(w) || (!CHANNEL_END.test(head.slice(0, i)) && !doneCleanly)),
  );
}

/** The direction rule written with regular expressions: the tail, then the word before the
 * measure word (a bad event not acted on, a thing done not done badly or acted on), then the words anywhere. */
function expectedDirection(head: string): "正向" | "反向" {
  if (NEGATIVE_TAILS.some((t) => head.endsWith(t))) return "反向";
  if (POSITIVE_TAILS.some((t) => head.endsWith(t) && !head.endsWith(`不${t}`))) return "正向";
  const stem = head.replace(MEASURE_END, "");
  const event = EVENT_END.exec(stem);
  if (event) {
    const before = stem.slice(0, event.index);
    if (!before.endsWith("防") && !COUNTER.test(before)) return "反向";
  } else {
    const action = ACTION_END.exec(stem);
    if (action) {
      // Done badly, unless something is done about it (`拆除违法建设面积`).
      const before = stem.slice(0, action.index);
      const badly = BADLY_END.exec(before);
      if (!badly) return "正向";
      const earlier = before.slice(0, badly.index);
      return earlier.endsWith("防") || COUNTER.test(earlier) ? "正向" : "反向";
    }
  }
  return negativeCounted(head) ? "反向" : "正向";
}

describe("direction words (classifyName)", () => {
  it("reads the tail, then the head before the measure word, then the negative and remedy words anywhere", () => {
    const piece = fc.constantFrom(
      ...NEGATIVE_WORDS, ...REMEDY_WORDS, ...EVENT_WORDS, ...BADLY_WORDS, ...COUNTER_WORDS, "巡查", "发布", "接听", "次数", "量", "率",
      "发", "不", "防", "合格", "人数", "及时", "（元）", "指标", " ", "处", "接通率", "故障率",
      "网上", "线上", "信息", "录入", "使用", "秩序",
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const name = parts.join("");
        expect(classifyName(name).direction).toBe(expectedDirection(nameHead(name)));
      }),
      { numRuns: 3000 },
    );
  });

  it("the word lists are plain literals (the scan reads them as such)", () => {
    for (const word of [...NEGATIVE_WORDS, ...REMEDY_WORDS, ...MEASURE_WORDS, ...EVENT_WORDS, ...COUNTER_WORDS, ...ACTION_WORDS, ...BADLY_WORDS, ...TOPIC_WORDS, ...CHANNEL_WORDS]) {
      expect(word).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    // a field of work is a negative word read more closely, not a new one
    for (const word of TOPIC_WORDS) expect(NEGATIVE_WORDS).toContain(word);
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
