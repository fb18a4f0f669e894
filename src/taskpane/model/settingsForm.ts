import type { Settings } from "../../app/host";
import type { CheckOptions, ColumnMap, ColumnRole, Lang, RuleCode, RuleSetting } from "../../core/model";
import { indexToLetters, isColumnLetters, lettersToIndex } from "./columnLetters";

/** The settings form as the user edits it: text fields stay text until saved. */
export interface SettingsDraft {
  lang: Lang | "auto";
  profile2021: boolean;
  highlight: boolean;
  headerRow: string;
  columns: Partial<Record<ColumnRole, string>>;
  rules: Partial<Record<RuleCode, RuleSetting>>;
}

/** The roles offered for mapping, the one-project-per-row columns first. */
export const MAPPABLE_ROLES: readonly ColumnRole[] = [
  "indicators",
  "project",
  "unit",
  "department",
  "goal",
  "serial",
  "amount",
  "remark",
  "level1",
  "level2",
  "level3",
  "value",
  "operator",
  "measureUnit",
  "direction",
];

export function toDraft(settings: Settings): SettingsDraft {
  const { options } = settings;
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, index] of Object.entries(options.table?.columns ?? {})) {
    if (typeof index === "number") columns[role as ColumnRole] = indexToLetters(index);
  }
  return {
    lang: options.lang ?? "auto",
    profile2021: options.profile === "2021",
    highlight: settings.highlight,
    headerRow: options.table?.headerRowNumber !== undefined ? String(options.table.headerRowNumber) : "",
    columns,
    rules: { ...(options.rules ?? {}) },
  };
}

export interface DraftErrors {
  headerRow?: true;
  columns: Partial<Record<ColumnRole, true>>;
}

/** Positive whole numbers only: `5`, not `5.5`, `0` or `-1`. */
const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;

export function validateDraft(draft: SettingsDraft): DraftErrors {
  const errors: DraftErrors = { columns: {} };
  if (draft.headerRow.trim() !== "" && !ROW_NUMBER.test(draft.headerRow.trim())) errors.headerRow = true;
  for (const [role, text] of Object.entries(draft.columns)) {
    if (text !== undefined && text.trim() !== "" && !isColumnLetters(text)) errors.columns[role as ColumnRole] = true;
  }
  return errors;
}

export function hasErrors(errors: DraftErrors): boolean {
  return errors.headerRow === true || Object.keys(errors.columns).length > 0;
}

/** The saved form; call only when validateDraft found nothing. Empty fields mean "detect". */
export function fromDraft(draft: SettingsDraft): Settings {
  const options: CheckOptions = {};
  if (draft.lang !== "auto") options.lang = draft.lang;
  if (draft.profile2021) options.profile = "2021";
  const rules = Object.fromEntries(Object.entries(draft.rules).filter(([, v]) => v !== undefined));
  if (Object.keys(rules).length > 0) options.rules = rules;
  const columns: ColumnMap = {};
  for (const [role, text] of Object.entries(draft.columns)) {
    if (text !== undefined && text.trim() !== "") columns[role as ColumnRole] = lettersToIndex(text);
  }
  const headerRow = draft.headerRow.trim();
  if (headerRow !== "" || Object.keys(columns).length > 0) {
    options.table = {
      ...(headerRow !== "" ? { headerRowNumber: Number(headerRow) } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
    };
  }
  return { options, highlight: draft.highlight };
}
