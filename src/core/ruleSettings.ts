import type { CheckOptions, ColumnRole, RuleCode, RuleSetting } from "./model";
import { RULE_CODES } from "./rules/index";
import { tryColumnIndexOf } from "./table/address";

/**
 * Rule settings as users write them (the CLI's --rules file, the pane's saved settings):
 * `{ "profile": "2021", "rules": { "unit_missing": "off", "vague_value": "warning" },
 *    "headerRow": 5, "columns": { "indicators": "E" } }`. Bad input is a value, not a throw.
 */
export type RuleSettingsError =
  | { kind: "notObject" }
  | { kind: "unknownCode"; code: string }
  | { kind: "badSetting"; code: string; value: string }
  | { kind: "badProfile"; value: string };

const SETTINGS: readonly RuleSetting[] = ["error", "warning", "info", "off"];

export function parseRuleSettings(input: unknown): { ok: true; options: CheckOptions } | { ok: false; error: RuleSettingsError } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, error: { kind: "notObject" } };
  const obj = input as Record<string, unknown>;
  const options: CheckOptions = {};
  if (obj.profile !== undefined) {
    if (obj.profile !== "2021" && obj.profile !== "default") return { ok: false, error: { kind: "badProfile", value: String(obj.profile) } };
    options.profile = obj.profile;
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== "object" || obj.rules === null) return { ok: false, error: { kind: "notObject" } };
    const rules: Partial<Record<RuleCode, RuleSetting>> = {};
    for (const [code, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!(RULE_CODES as readonly string[]).includes(code)) return { ok: false, error: { kind: "unknownCode", code } };
      if (!SETTINGS.includes(value as RuleSetting)) return { ok: false, error: { kind: "badSetting", code, value: String(value) } };
      rules[code as RuleCode] = value as RuleSetting;
    }
    options.rules = rules;
  }
  const table: CheckOptions["table"] = {};
  if (typeof obj.headerRow === "number" && obj.headerRow >= 1) table.headerRowNumber = Math.floor(obj.headerRow);
  if (typeof obj.columns === "object" && obj.columns !== null) {
    const columns: Partial<Record<ColumnRole, number>> = {};
    for (const [role, letter] of Object.entries(obj.columns as Record<string, unknown>)) {
      const index = typeof letter === "string" ? tryColumnIndexOf(letter) : undefined;
      if (index !== undefined) columns[role as ColumnRole] = index;
    }
    table.columns = columns;
  }
  if (table.headerRowNumber !== undefined || table.columns !== undefined) options.table = table;
  return { ok: true, options };
}

