import type { Issue, RuleCode, Severity } from "../../core/model";

/**
 * The virtualised issue list is one flat sequence of rows: a heading per sheet row, then that
 * row's issues. Heights are fixed per kind so the list never measures the DOM.
 */
export type IssueListRow =
  | { kind: "group"; key: string; sheet: string; rowNumber: number; count: number }
  | { kind: "issue"; key: string; issue: Issue };

export const GROUP_ROW_HEIGHT = 28;
export const ISSUE_ROW_HEIGHT = 64;

export function issueKey(issue: Issue): string {
  return [issue.sheet, issue.cell, issue.code, issue.item ?? "", issue.span?.start ?? "", issue.span?.end ?? ""].join("\u0001");
}

/** The list row key of an issue (IssueList's selection compares these). */
export function issueRowKey(issue: Issue): string {
  return `i\u0001${issueKey(issue)}`;
}

/**
 * The grouped rows of a (filtered) issue list, indexed instead of materialised: a 100,000-row
 * sheet has ~300,000 issues, and building a row object and a key string for each would block
 * the page for hundreds of milliseconds. Row objects are made only for the rows on screen.
 */
export class IssueRows {
  /** Per list row: an issue's index (≥ 0), or −(group number + 1) for a heading. */
  private readonly table: Int32Array;
  /** Per group: the index of its first issue; one extra entry closes the last group. */
  private readonly groupStarts: Int32Array;
  /** Per issue: its list row. */
  private readonly rowOfIssue: Int32Array;

  private constructor(
    readonly issues: readonly Issue[],
    table: Int32Array,
    groupStarts: Int32Array,
    rowOfIssue: Int32Array,
  ) {
    this.table = table;
    this.groupStarts = groupStarts;
    this.rowOfIssue = rowOfIssue;
  }

  /** Issues arrive sorted by row (the engine sorts them); a new group starts whenever the
   * sheet or row changes. */
  static of(issues: readonly Issue[]): IssueRows {
    return IssueRows.fromGroupStarts(issues, groupStartsOf(issues, 0, issues.length));
  }

  /** `starts`: the index of each group's first issue, ascending (see groupStartsOf). */
  static fromGroupStarts(issues: readonly Issue[], starts: readonly number[]): IssueRows {
    const groupStarts = new Int32Array(starts.length + 1);
    groupStarts.set(starts);
    groupStarts[starts.length] = issues.length;
    const table = new Int32Array(issues.length + starts.length);
    const rowOfIssue = new Int32Array(issues.length);
    let row = 0;
    for (let g = 0; g < starts.length; g++) {
      table[row++] = -(g + 1);
      const end = groupStarts[g + 1] as number;
      for (let i = groupStarts[g] as number; i < end; i++) {
        rowOfIssue[i] = row;
        table[row++] = i;
      }
    }
    return new IssueRows(issues, table, groupStarts, rowOfIssue);
  }

  get length(): number {
    return this.table.length;
  }

  /** The row at a list position, made on demand (only the rows on screen are asked for). */
  at(index: number): IssueListRow | undefined {
    if (index < 0 || index >= this.table.length) return undefined;
    const v = this.table[index] as number;
    if (v >= 0) {
      const issue = this.issues[v] as Issue;
      return { kind: "issue", key: issueRowKey(issue), issue };
    }
    const g = -v - 1;
    const first = this.issues[this.groupStarts[g] as number] as Issue;
    const count = (this.groupStarts[g + 1] as number) - (this.groupStarts[g] as number);
    return { kind: "group", key: `g\u0001${first.sheet}\u0001${first.rowNumber}`, sheet: first.sheet, rowNumber: first.rowNumber, count };
  }

  isIssue(index: number): boolean {
    return index >= 0 && index < this.table.length && (this.table[index] as number) >= 0;
  }

  /** The list position of this issue object, or −1 when the filter hides it. */
  indexOfIssue(issue: Issue): number {
    const i = this.issues.indexOf(issue);
    return i < 0 ? -1 : (this.rowOfIssue[i] as number);
  }

  /** The list position of the issue with this row key, or −1. */
  indexOfKey(key: string): number {
    for (let i = 0; i < this.issues.length; i++) if (issueRowKey(this.issues[i] as Issue) === key) return this.rowOfIssue[i] as number;
    return -1;
  }
}

/** Where groups start among issues[from, to), continuing `into` (the starts found so far),
 * so a big list can be grouped a slice at a time. */
export function groupStartsOf(issues: readonly Issue[], from: number, to: number, into: number[] = []): number[] {
  const last = into.length > 0 ? issues[into[into.length - 1] as number] : undefined;
  let sheet = last?.sheet;
  let rowNumber = last?.rowNumber ?? -1;
  for (let i = from; i < to; i++) {
    const issue = issues[i] as Issue;
    if (issue.sheet !== sheet || issue.rowNumber !== rowNumber) {
      into.push(i);
      sheet = issue.sheet;
      rowNumber = issue.rowNumber;
    }
  }
  return into;
}

/** Every row materialised (small lists, tests). */
export function groupIssueRows(issues: readonly Issue[]): IssueListRow[] {
  const rows = IssueRows.of(issues);
  return Array.from({ length: rows.length }, (_, i) => rows.at(i) as IssueListRow);
}

export interface IssueFilter {
  severities: ReadonlySet<Severity>;
  /** Empty: every rule. */
  rules: ReadonlySet<RuleCode>;
}

const SEVERITY_COUNT = 3;

/** The issues the filter lets through; the same array when it lets every issue through. */
export function filterIssues(issues: readonly Issue[], filter: IssueFilter): readonly Issue[] {
  if (filter.severities.size === SEVERITY_COUNT && filter.rules.size === 0) return issues;
  return issues.filter((i) => filter.severities.has(i.severity) && (filter.rules.size === 0 || filter.rules.has(i.code)));
}

/** The rule codes present, most frequent first, with their counts (the rule filter's options). */
export function ruleCounts(issues: readonly Issue[]): { code: RuleCode; count: number }[] {
  const counts = new Map<RuleCode, number>();
  for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return sortRuleCounts(counts);
}

export function sortRuleCounts(counts: ReadonlyMap<RuleCode, number>): { code: RuleCode; count: number }[] {
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
