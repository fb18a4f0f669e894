import type { IssueParams, Lang, RuleCode } from "../model";
import type { RuleCatalog, RuleText } from "./params";
import { RULES_EN } from "./rules.en";
import { RULES_ZH } from "./rules.zh-CN";

export type { RuleCatalog, RuleParams, RuleText } from "./params";

const CATALOGS: Record<Lang, RuleCatalog> = { zh: RULES_ZH, en: RULES_EN };

/**
 * Params arrive untyped (`IssueParams`) from saved reports and other engineers' rules; a key
 * a rule forgot must not print “undefined” to the user, so absent keys read as empty text.
 * One proxy serves every call (a sheet formats tens of thousands of messages): it reads the
 * params of the call in progress, restored afterwards should a message ever format another.
 */
let lenientTarget: IssueParams = {};
const LENIENT = new Proxy<IssueParams>(
  {},
  { get: (_target, key) => (typeof key === "string" ? (lenientTarget[key] ?? "") : undefined) },
);

function withLenient(params: IssueParams, format: (params: never) => string): string {
  const outer = lenientTarget;
  lenientTarget = params;
  try {
    return format(LENIENT as never);
  } finally {
    lenientTarget = outer;
  }
}

/** One code's wording; its params type is erased here (they arrive untyped anyway). */
function entry(code: RuleCode, lang: Lang): RuleText<never> {
  return CATALOGS[lang][code];
}

/** The localised message of one finding. */
export function formatIssue(code: RuleCode, params: IssueParams, lang: Lang): string {
  // An unknown enum param (`kind`) from an old report matches no case: the title still says what is wrong.
  return withLenient(params, entry(code, lang).message) || ruleTitle(code, lang);
}

/** The localised description of the fix (or of what the author should do). */
export function formatFix(code: RuleCode, params: IssueParams, lang: Lang): string {
  return withLenient(params, entry(code, lang).fix);
}

/** Short rule title, for settings screens and the summary sheet. */
export function ruleTitle(code: RuleCode, lang: Lang): string {
  return CATALOGS[lang][code].title;
}

/** One paragraph on why reviewers flag it. */
export function ruleExplanation(code: RuleCode, lang: Lang): string {
  return CATALOGS[lang][code].explain;
}
