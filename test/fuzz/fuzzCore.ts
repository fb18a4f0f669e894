import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { checkSheet } from "../../src/core/check";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import type { IndicatorItem, ParsedCell, Span } from "../../src/core/model";

/**
 * The fuzz campaign shared by `npm run fuzz` (1,000,000 cells) and the normal test run (a
 * 20,000-cell slice): generated cells from the grammar's alphabet, arbitrary strings, and
 * mutations of the seed's real cell texts, each parsed and run through every rule.
 */

const SEED_FILE = path.join(__dirname, "..", "fixtures", "files", "seed.tsv");

export function seedCells(): string[] {
  const lines = fs.readFileSync(SEED_FILE, "utf8").split("\n");
  return [...new Set(lines.map((l) => l.split("\t")[4] ?? "").filter((t) => t.includes("、")))];
}

const PIECES = [
  "1、", "2、", "3.", "（4）", "(5)", "产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "产出指数",
  "数量指标", "质量指标", "时效指标", "-", "（", "）", "：", ":", "，", ",", "；", ";", "。", "\n",
  "年度指标值：", "指标值：", "年度目标值：", "≥", "≤", ">=", "＞＝", "不低于", "不少于", "以上", "以内",
  "90", "100", "９０", "1,000", "%", "％", "%%", "个", "人次", "万元", "元/人", "天", "**", "XX", "O",
  "合格", "是", "长期", "效果明显", "2025年12月31日前", "12月底前", "90%-95%", "~", "至", "满意度", "合格率",
  "及时率", "数量", "发生率", " ", "\t", "资金拨付", "党（工）委", "/",
];

/** A cell built from domain pieces: close to real text, full of edge cases. */
const domainCell = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(""));

function mutationOf(cells: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...cells),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.constantFrom(...PIECES), fc.nat({ max: 40 })), { maxLength: 6 }),
    )
    .map(([text, ops]) => {
      let t = text;
      for (const [at, kind, piece, len] of ops) {
        const i = t.length === 0 ? 0 : at % (t.length + 1);
        if (kind === 0) t = t.slice(0, i) + piece + t.slice(i); // insert
        else if (kind === 1) t = t.slice(0, i) + t.slice(i + len); // delete
        else if (kind === 2) t = t.slice(0, i) + piece + t.slice(i + piece.length); // overwrite
        else if (kind === 3) t = t.slice(0, i) + t.slice(i, i + len).repeat(3) + t.slice(i + len); // duplicate
        else if (kind === 4) t = t.slice(i); // cut the head
        else t = t.slice(0, i); // cut mid-item
      }
      return t;
    });
}

export function cellArbitrary(): fc.Arbitrary<string> {
  const cells = seedCells();
  return fc.oneof(
    { weight: 4, arbitrary: mutationOf(cells) },
    { weight: 3, arbitrary: domainCell },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  );
}

export interface FuzzResult {
  cases: number;
  items: number;
  failures: { input: string; reason: string }[];
  slowest: { ms: number; length: number };
  totalMs: number;
}

function spanInside(span: Span | undefined, length: number): boolean {
  return span === undefined || (span.start >= 0 && span.start <= span.end && span.end <= length);
}

/** What must hold for every cell, whatever its text. Returns a reason, or undefined. */
export function violation(text: string, cell: ParsedCell): string | undefined {
  if (cell.text !== text) return "cell text changed";
  let previousEnd = 0;
  for (const item of cell.items as IndicatorItem[]) {
    for (const [name, span] of [
      ["item", item.span],
      ["name", item.nameSpan],
      ["value", item.value.span],
      ["label", item.labelSpan],
      ["level1", item.level1Span],
    ] as const) {
      if (!spanInside(span, text.length)) return `${name} span outside the text`;
    }
    if (item.span.start < previousEnd) return "items overlap or are out of order";
    previousEnd = item.span.end;
  }
  return undefined;
}

export function runFuzz(cases: number, seed = 20261124, onProgress?: (done: number) => void): FuzzResult {
  const result: FuzzResult = { cases: 0, items: 0, failures: [], slowest: { ms: 0, length: 0 }, totalMs: 0 };
  const samples = fc.sample(cellArbitrary(), { numRuns: Math.min(cases, 50_000), seed });
  const start = performance.now();
  for (let i = 0; i < cases; i++) {
    // Past the sampled pool, the pool is reused with a cheap deterministic mutation.
    const base = samples[i % samples.length] ?? "";
    const text = i < samples.length ? base : base.slice(i % 7) + base.slice(0, i % 7);
    const t0 = performance.now();
    try {
      const cell = parseIndicatorCell(text);
      const outcome = checkSheet({ name: "fuzz", values: [["项目名称", "绩效指标"], ["项目", text]] });
      const v = violation(text, cell) ?? (outcome.ok ? undefined : "table not found");
      if (v) result.failures.push({ input: text, reason: v });
      result.items += cell.items.length;
    } catch (e) {
      result.failures.push({ input: text, reason: `threw: ${(e as Error).message}` });
    }
    const ms = performance.now() - t0;
    if (ms > result.slowest.ms) result.slowest = { ms, length: text.length };
    result.cases++;
    if (onProgress && i % 50_000 === 0) onProgress(i);
    if (result.failures.length >= 20) break;
  }
  result.totalMs = performance.now() - start;
  return result;
}

/** Inputs built to make a backtracking parser explode. Each must parse in well under a second. */
export function adversarialInputs(): [string, string][] {
  const realistic = seedCells().join("");
  return [
    ["'1、'.repeat(20000)", "1、".repeat(20000)],
    ["'≥'.repeat(30000)", "≥".repeat(30000)],
    ["'（'.repeat(20000)", "（".repeat(20000)],
    ["nested brackets", "（(".repeat(8000) + "90%" + ")）".repeat(8000)],
    ["32,767 realistic characters", realistic.repeat(Math.ceil(32767 / realistic.length)).slice(0, 32767)],
    ["32,767 digits", "9".repeat(32767)],
    ["labels without values", "年度指标值：".repeat(5000)],
    ["operators and percents", "≥%".repeat(16000)],
    ["numbers with separators", "1,".repeat(16000)],
    ["items without terminators", "1、产出指标：数量，年度指标值：≥1个".repeat(800)],
  ];
}
