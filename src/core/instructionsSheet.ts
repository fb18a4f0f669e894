/**
 * Whether a sheet's name says it holds instructions or a filled-in sample, not project data
 * (`填报说明`, `填表说明`, `说明`, `模板说明`, `填写示例`, `示例`, `样表`, `样例`, `范例`): its sample
 * table (`≥**人次`, `XX合格率`) would be checked as a project's. Such a sheet is checked only when
 * the user names it (the CLI's `--sheet`, the sheet the add-in or the file mode has open).
 * Spaces are ignored (`填 报 说 明`).
 */
export function isInstructionsSheet(name: string): boolean {
  let compact = "";
  for (const ch of name) if (ch !== " " && ch !== "\u3000" && ch !== "\t") compact += ch;
  return INSTRUCTIONS_SHEET_WORDS.some((word) => compact.includes(word));
}

const INSTRUCTIONS_SHEET_WORDS = ["说明", "示例", "样表", "样例", "范例"];
