import { performance } from "perf_hooks";
import { checkSheet } from "../../src/core/check";
import type { DetectedTable, SheetSnapshot } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { SheetRow } from "../../src/core/rowContext";
import { ALL_RULES } from "../../src/core/rules/index";
import type { RowContext, RuleFinding } from "../../src/core/rules/rule";
import { toA1 } from "../../src/core/table/address";
import { generateRows, generateSheetValues, sheetShape } from "../generate";

/**
 * Engine probe, run in its own process by bench/run.ts:
 *   node engine.js <rows> <reps> rules       parse + every rule (checkRow and checkTable)
 *   node engine.js <rows> <reps> checkSheet  the whole use-case on a sheet snapshot
 *   node engine.js <rows> 1 breakdown        parse and each rule timed alone
 * against the bare pass over the same indicator strings (`split('。')` and one regex test per
 * item). Baseline and subject alternate so machine noise hits both. Prints one JSON line.
 */

/** The bare pass: one regex test per item. `年度指标值：≥90%` matches (label, `≥`, `90`, `%`);
 * every quantifier is followed by a disjoint class, so it cannot backtrack catastrophically. */
const BARE_ITEM = /指标值[：:]\s*([≥≤<>=]?)(\d+(?:\.\d+)?)(%?)/;

function barePass(texts: readonly string[]): number {
  let hits = 0;
  for (const text of texts) {
    for (const item of text.split("。")) if (BARE_ITEM.test(item)) hits++;
  }
  return hits;
}

/** The rows as check.ts builds them (SheetRow: the row's identity is its cells, keyed on demand). */
function rowContexts(rows: ReturnType<typeof generateRows>, headerRowIndex: number, indicatorColumn: number): RowContext[] {
  return rows.map((r, i) => {
    const rowIndex = headerRowIndex + 1 + i;
    return new SheetRow(
      {
        sheet: "绩效目标表",
        rowIndex,
        rowNumber: rowIndex + 1,
        department: r.department,
        unit: r.unit,
        project: r.project,
        indicatorAddress: toA1(rowIndex, indicatorColumn),
        projectAddress: toA1(rowIndex, 2),
        rawIndicator: r.indicators,
        cell: parseIndicatorCell(r.indicators),
        itemCells: undefined,
      },
      [r.department, r.unit, r.project, r.goal, r.indicators],
    );
  });
}

function parseAndRules(rows: ReturnType<typeof generateRows>, table: DetectedTable): number {
  const findings: RuleFinding[] = [];
  const emit = (f: RuleFinding) => void findings.push(f);
  const contexts = rowContexts(rows, table.headerRowIndex, table.columns.indicators ?? 4);
  for (const row of contexts) for (const rule of ALL_RULES) rule.checkRow?.(row, emit);
  const ctx = { sheet: "绩效目标表", table, rows: contexts };
  for (const rule of ALL_RULES) rule.checkTable?.(ctx, emit);
  return findings.length;
}

function time(fn: () => number): { ms: number; out: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  const out = fn();
  return { ms: performance.now() - start, out };
}

/** `breakdown` mode: where the subject's time goes, rule by rule (for bench/profile.ts users). */
function breakdown(rows: ReturnType<typeof generateRows>, table: DetectedTable): void {
  const out: Record<string, number> = {};
  let contexts: RowContext[] = [];
  out.parse = time(() => (contexts = rowContexts(rows, table.headerRowIndex, table.columns.indicators ?? 4)).length).ms;
  const ctx = { sheet: "绩效目标表", table, rows: contexts };
  for (const rule of ALL_RULES) {
    const findings: RuleFinding[] = [];
    const emit = (f: RuleFinding) => void findings.push(f);
    out[rule.codes.join("+")] = time(() => {
      for (const row of contexts) rule.checkRow?.(row, emit);
      rule.checkTable?.(ctx, emit);
      return findings.length;
    }).ms;
  }
  out.bare = time(() => barePass(rows.map((r) => r.indicators))).ms;
  process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])), null, 1)}\n`);
}

function main(): void {
  const rowsWanted = Number(process.argv[2] ?? 1000);
  const reps = Number(process.argv[3] ?? 3);
  const mode = process.argv[4] === "checkSheet" ? "checkSheet" : process.argv[4] === "breakdown" ? "breakdown" : "rules";
  const rows = generateRows({ rows: rowsWanted });
  const texts = rows.map((r) => r.indicators);
  const shape = sheetShape("seed");
  const table: DetectedTable = {
    layout: "cell",
    headerRowIndex: shape.headerRowNumber - 1,
    columns: { department: 0, unit: 1, project: 2, goal: 3, indicators: shape.indicatorColumn },
    dataRowIndexes: rows.map((_, i) => shape.headerRowNumber + i),
    skipped: [],
  };
  const snapshot: SheetSnapshot | undefined = mode === "checkSheet" ? { name: "绩效目标表", values: generateSheetValues({ rows: rowsWanted }) } : undefined;
  const subject = (): number => {
    if (!snapshot) return parseAndRules(rows, table);
    const outcome = checkSheet(snapshot);
    if (!outcome.ok) throw new Error(`no table found: ${outcome.failure.kind}`);
    return outcome.check.issues.length;
  };
  const items = rows.reduce((n, r) => n + r.itemCount, 0);
  if (mode === "breakdown") {
    parseAndRules(rows.slice(0, 500), { ...table, dataRowIndexes: table.dataRowIndexes.slice(0, 500) });
    breakdown(rows, table);
    return;
  }

  // Warm-up on a slice, so the JIT has seen both code paths before the clock runs.
  const warmRows = rows.slice(0, 500);
  barePass(texts.slice(0, 500));
  parseAndRules(warmRows, { ...table, dataRowIndexes: table.dataRowIndexes.slice(0, 500) });

  // Small tables finish in a millisecond, below the timer's and the scheduler's noise: each
  // sample repeats the work until it covers about 20,000 rows, and is divided back.
  const repeat = Math.max(1, Math.ceil(20_000 / rows.length));
  const repeated = (fn: () => number) => () => {
    let out = 0;
    for (let k = 0; k < repeat; k++) out = fn();
    return out;
  };
  const baselineMs: number[] = [];
  const subjectMs: number[] = [];
  let findings = 0;
  let hits = 0;
  for (let i = 0; i < reps; i++) {
    // Alternate which goes first so a slow moment does not always land on the same side.
    const order = i % 2 === 0 ? (["base", "subject"] as const) : (["subject", "base"] as const);
    for (const which of order) {
      if (which === "base") {
        const r = time(repeated(() => barePass(texts)));
        baselineMs.push(r.ms / repeat);
        hits = r.out;
      } else {
        const r = time(repeated(subject));
        subjectMs.push(r.ms / repeat);
        findings = r.out;
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ mode, rows: rows.length, items, reps, baselineMs, subjectMs, findings, hits })}\n`);
}

main();
