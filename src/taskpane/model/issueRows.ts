import type { Issue, RuleCode, Severity } from "../../core/model";

/**
 * The virtualised issue list is one flat array of rows: a heading per sheet row, then that
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

/** Issues arrive sorted by row (the engine sorts them); a new group starts whenever the
 * sheet or row changes. */
export function groupIssueRows(issues: readonly Issue[]): IssueListRow[] {
  const rows: IssueListRow[] = [];
  let group: Extract<IssueListRow, { kind: "group" }> | undefined;
  for (const issue of issues) {
    if (!group || group.sheet !== issue.sheet || group.rowNumber !== issue.rowNumber) {
      group = { kind: "group", key: `g\u0001${issue.sheet}\u0001${issue.rowNumber}`, sheet: issue.sheet, rowNumber: issue.rowNumber, count: 0 };
      rows.push(group);
    }
    group.count++;
    rows.push({ kind: "issue", key: `i\u0001${issueKey(issue)}`, issue });
  }
  return rows;
}

export interface IssueFilter {
  severities: ReadonlySet<Severity>;
  /** Empty: every rule. */
  rules: ReadonlySet<RuleCode>;
}

export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  return issues.filter((i) => filter.severities.has(i.severity) && (filter.rules.size === 0 || filter.rules.has(i.code)));
}

/** The rule codes present, most frequent first, with their counts (the rule filter's options). */
export function ruleCounts(issues: readonly Issue[]): { code: RuleCode; count: number }[] {
  const counts = new Map<RuleCode, number>();
  for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
