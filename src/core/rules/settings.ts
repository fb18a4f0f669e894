import type { CheckOptions, RuleCode, RuleSetting, Severity } from "../model";
import { ALL_RULES } from "./index";

/** Severity of every code: the rule's default, then the profile, then the user's override. */
export function resolveSeverities(options: CheckOptions = {}): Record<RuleCode, RuleSetting> {
  const out = {} as Record<RuleCode, RuleSetting>;
  for (const rule of ALL_RULES) {
    for (const code of rule.codes) out[code] = rule.defaultSeverity[code] ?? "warning";
  }
  if (options.profile === "2021") {
    // 财预〔2021〕101号 asks for 成本 and 满意度 indicators: missing ones go back to the author.
    out.satisfaction_or_cost_missing = "warning";
  }
  for (const [code, setting] of Object.entries(options.rules ?? {})) {
    if (code in out && setting) out[code as RuleCode] = setting;
  }
  return out;
}

/** Default severity of every code, for settings screens and the README's catalogue. */
export function defaultSeverities(): Record<RuleCode, Severity> {
  const out = {} as Record<RuleCode, Severity>;
  for (const rule of ALL_RULES) for (const code of rule.codes) out[code] = rule.defaultSeverity[code] ?? "warning";
  return out;
}
