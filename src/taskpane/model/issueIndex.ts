import type { Counts, Issue, RuleCode } from "../../core/model";
import { groupStartsOf, IssueRows, sortRuleCounts } from "./issueRows";

/**
 * Everything the pane derives from a run's issues — counts, the rule filter's options, the
 * grid's cell colours, each cell's issues, the auto-fixable ones and the unfiltered list rows —
 * built once per result, in slices, so that ~300,000 issues never block the page in one task.
 */
export interface IssueIndex {
  issues: readonly Issue[];
  counts: Counts;
  /** Rules present, most frequent first. */
  ruleOptions: { code: RuleCode; count: number }[];
  /** Sheet → A1 address → the cell's worst error or warning (the grid's fills). */
  flags: ReadonlyMap<string, ReadonlyMap<string, "error" | "warning">>;
  /** `sheet\u0001A1` → that cell's issues, in list order. */
  byCell: ReadonlyMap<string, readonly Issue[]>;
  autoFixable: readonly Issue[];
  /** The rows of the unfiltered list (the usual view, ready without work at render). */
  rows: IssueRows;
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0001${address}`;
}

/** Accumulates the index issue by issue; `finish` makes the immutable result. */
export class IssueIndexBuilder {
  private readonly counts: Counts = { error: 0, warning: 0, info: 0 };
  private readonly rules = new Map<RuleCode, number>();
  private readonly flags = new Map<string, Map<string, "error" | "warning">>();
  private readonly byCell = new Map<string, Issue[]>();
  private readonly autoFixable: Issue[] = [];
  private readonly groupStarts: number[] = [];
  private added = 0;

  constructor(private readonly issues: readonly Issue[]) {}

  /** Indexes the next `count` issues; returns how many are indexed so far. */
  advance(count: number): number {
    const end = Math.min(this.issues.length, this.added + count);
    for (let i = this.added; i < end; i++) this.add(this.issues[i] as Issue);
    groupStartsOf(this.issues, this.added, end, this.groupStarts);
    this.added = end;
    return end;
  }

  get done(): boolean {
    return this.added >= this.issues.length;
  }

  private add(issue: Issue) {
    this.counts[issue.severity]++;
    this.rules.set(issue.code, (this.rules.get(issue.code) ?? 0) + 1);
    if (issue.severity !== "info") {
      let sheetFlags = this.flags.get(issue.sheet);
      if (!sheetFlags) this.flags.set(issue.sheet, (sheetFlags = new Map()));
      if (sheetFlags.get(issue.cell) !== "error") sheetFlags.set(issue.cell, issue.severity);
    }
    const key = cellKey(issue.sheet, issue.cell);
    const here = this.byCell.get(key);
    if (here) here.push(issue);
    else this.byCell.set(key, [issue]);
    if (issue.fix?.auto === true) this.autoFixable.push(issue);
  }

  finish(): IssueIndex {
    this.advance(this.issues.length);
    return {
      issues: this.issues,
      counts: { ...this.counts },
      ruleOptions: sortRuleCounts(this.rules),
      flags: this.flags,
      byCell: this.byCell,
      autoFixable: this.autoFixable,
      rows: IssueRows.fromGroupStarts(this.issues, this.groupStarts),
    };
  }
}

export function indexIssues(issues: readonly Issue[]): IssueIndex {
  return new IssueIndexBuilder(issues).finish();
}

/** Before the first check (and after a new file is opened). */
export const EMPTY_INDEX: IssueIndex = indexIssues([]);

/** Give the page a turn (input, paint) between slices: a MessageChannel task, which unlike
 * setTimeout is not clamped to 4 ms after a few nestings. */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

export interface SliceOptions {
  /** Issues per slice; each slice is one task (~10 ms for 5,000 issues). */
  sliceSize?: number;
  /** 0..1 after each slice. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  yieldToPage?: () => Promise<void>;
}

export const INDEX_SLICE = 5000;

/** The index built a slice per task. A list that fits one slice is indexed at once.
 * Rejects with an AbortError when the signal aborts between slices. */
export async function indexIssuesInSlices(issues: readonly Issue[], options: SliceOptions = {}): Promise<IssueIndex> {
  const size = Math.max(1, options.sliceSize ?? INDEX_SLICE);
  const pause = options.yieldToPage ?? yieldToPage;
  const builder = new IssueIndexBuilder(issues);
  if (issues.length <= size) return builder.finish();
  while (!builder.done) {
    const indexed = builder.advance(size);
    options.onProgress?.(indexed / issues.length);
    await pause();
    if (options.signal?.aborted) {
      const e = new Error("aborted");
      e.name = "AbortError";
      throw e;
    }
  }
  // What is left (the list rows' typed arrays, the rule order) is a few ms: one task.
  return builder.finish();
}
