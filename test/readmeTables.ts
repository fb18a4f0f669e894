import { ALL_RULES } from "../src/core/rules/index";
import { ruleExplanation, ruleTitle } from "../src/core/messages/index";
import type { Lang, RuleCode, Severity } from "../src/core/model";

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

const AUTO_FIX: RuleCode[] = ["value_label_missing", "level1_missing", "category_normalized", "value_normalized"];

/** The rule catalogue as a markdown table, generated from the rules and their catalogs. */
export function ruleCatalogueMarkdown(lang: Lang): string {
  const head =
    lang === "zh"
      ? "| 规则代码 | 默认级别 | 规则 | 说明 |\n|---|---|---|---|"
      : "| rule code | default | rule | why reviewers flag it |\n|---|---|---|---|";
  const rows: string[] = [];
  for (const rule of ALL_RULES) {
    for (const code of rule.codes) {
      const severity = SEVERITY[lang][rule.defaultSeverity[code] ?? "warning"];
      const auto = AUTO_FIX.includes(code) ? (lang === "zh" ? "（可自动修复）" : " (auto-fix)") : "";
      const explain = ruleExplanation(code, lang).replace(/\|/g, "\\|").replace(/\n/g, " ");
      rows.push(`| \`${code}\` | ${severity}${auto} | ${ruleTitle(code, lang)} | ${explain} |`);
    }
  }
  return `${head}\n${rows.join("\n")}`;
}
