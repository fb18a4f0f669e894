import { useCallback, useMemo, useState } from "react";
import type { Issue, RuleCode, Severity } from "../../core/model";
import { filterIssues, groupIssueRows, ruleCounts, type IssueListRow } from "../model/issueRows";

const ALL_SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface IssueFilters {
  severities: ReadonlySet<Severity>;
  rules: ReadonlySet<RuleCode>;
  toggleSeverity(severity: Severity): void;
  setRules(rules: readonly RuleCode[]): void;
  clear(): void;
  /** The rules present in the unfiltered issues, most frequent first. */
  ruleOptions: { code: RuleCode; count: number }[];
  filtered: Issue[];
  rows: IssueListRow[];
}

export function useIssueFilters(issues: readonly Issue[]): IssueFilters {
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(ALL_SEVERITIES));
  const [rules, setRuleSet] = useState<ReadonlySet<RuleCode>>(() => new Set());

  const toggleSeverity = useCallback((severity: Severity) => {
    setSeverities((current) => {
      const next = new Set(current);
      if (next.has(severity)) next.delete(severity);
      else next.add(severity);
      return next;
    });
  }, []);
  const setRules = useCallback((codes: readonly RuleCode[]) => setRuleSet(new Set(codes)), []);
  const clear = useCallback(() => {
    setSeverities(new Set(ALL_SEVERITIES));
    setRuleSet(new Set());
  }, []);

  const ruleOptions = useMemo(() => ruleCounts(issues), [issues]);
  const filtered = useMemo(() => filterIssues(issues, { severities, rules }), [issues, severities, rules]);
  const rows = useMemo(() => groupIssueRows(filtered), [filtered]);
  return { severities, rules, toggleSeverity, setRules, clear, ruleOptions, filtered, rows };
}
