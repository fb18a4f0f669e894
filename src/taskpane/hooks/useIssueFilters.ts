import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { RuleCode, Severity } from "../../core/model";
import type { IssueIndex } from "../model/issueIndex";
import { filterIssues, IssueRows } from "../model/issueRows";

const ALL_SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface IssueFilters {
  severities: ReadonlySet<Severity>;
  rules: ReadonlySet<RuleCode>;
  toggleSeverity(severity: Severity): void;
  setRules(rules: readonly RuleCode[]): void;
  clear(): void;
  /** The rules present in the unfiltered issues, most frequent first. */
  ruleOptions: readonly { code: RuleCode; count: number }[];
  rows: IssueRows;
  /** The list still shows the previous filter while the new one is computed. */
  stale: boolean;
}

export function useIssueFilters(index: IssueIndex): IssueFilters {
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

  // Filtering 300,000 issues takes a few frames: the toggles answer at once, the list follows
  // in a deferred render.
  const filter = useMemo(() => ({ severities, rules }), [severities, rules]);
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => {
    const shown = filterIssues(index.issues, deferred);
    // The unfiltered rows come ready with the index.
    return shown === index.issues ? index.rows : IssueRows.of(shown);
  }, [index, deferred]);
  return { severities, rules, toggleSeverity, setRules, clear, ruleOptions: index.ruleOptions, rows, stale: deferred !== filter };
}
