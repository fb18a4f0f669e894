import type { SkipReason } from "../model";
import type { NumberingFinding, RuleCatalog } from "./params";

/** Rule wording in English. Chinese category names are kept beside their translation: they
 * are the words the user sees in the sheet. */

const SKIP_REASON: Record<SkipReason, string> = {
  title: "a title or group row",
  blank: "a blank row",
  dashes: "a line of dashes",
  junk: "not table data",
  repeatedHeader: "a repeated header",
  note: "a note",
};

/** `Item 4 “培训人数”`; an item written without a name is `Item 4 (no indicator name)`. */
function itemNamed(item: number, name: string): string {
  return name === "" ? `Item ${item} (no indicator name)` : `Item ${item} “${name}”`;
}

/** Enum params come from saved reports too: an unknown key prints as written, never “undefined”. */
function lookup(table: Readonly<Record<string, string>>, key: string): string {
  return table[key] ?? key;
}

const MEASURE: Readonly<Record<string, string>> = { rate: "a rate", amount: "an amount", count: "a count" };

const LEVEL1_LIST = "产出指标 (output), 效益指标 (effect), 满意度指标 (satisfaction) or 成本指标 (cost)";

export const RULES_EN: RuleCatalog = {
  indicator_cell_empty: {
    title: "Indicator cell empty",
    explain:
      "Every project must state performance indicators. A project without them cannot be reviewed, monitored or evaluated, so reviewers send it straight back.",
    message: (p) => {
      const empty = p.project ? `Project “${p.project}” has no performance indicators` : "The indicator cell is empty";
      return p.placeholder ? `${empty} (it holds only “${p.placeholder}”)` : empty;
    },
    fix: () => "Fill in the indicators as “1、一级指标：name，年度指标值：value。”",
  },
  category_unknown: {
    title: "Category missing or unknown",
    explain:
      "Each indicator belongs to a level-1 and level-2 category of the Ministry of Finance framework. A missing or misspelt category (“产出指数”, “效果指针”) cannot be counted and breaks imports and reviews.",
    message: (p) => {
      switch (p.kind) {
        case "missing":
          return `Item ${p.item} names no level-1 category (${LEVEL1_LIST})`;
        case "level2Only":
          return `Item ${p.item} names only the level-2 category “${p.written}”, not its level-1 category (${p.level1})`;
        case "level1":
          return `Item ${p.item}: “${p.written}” is not a level-1 category; use ${LEVEL1_LIST}`;
        case "level2":
          return `Item ${p.item}: “${p.written}” is not a known level-2 category`;
        case "mismatch":
          return `Item ${p.item}: level-2 category “${p.written}” does not belong to ${p.level1}`;
        case "noItems":
          return `No indicator can be read in “${p.written}”: it names no level-1 category (${LEVEL1_LIST})`;
      }
    },
    fix: (p) =>
      p.kind === "level2" || p.kind === "mismatch"
        ? `Use a level-2 category of ${p.level1 || "the item's level-1 category"}`
        : p.kind === "level2Only"
          ? `Write the level-1 category before it: “${p.level1}（${p.written}）：”`
          : p.kind === "noItems"
          ? "Write the indicators as “1、一级指标：name，年度指标值：value。”"
          : `Name a level-1 category: ${LEVEL1_LIST}`,
  },
  value_missing: {
    title: "Value missing",
    explain:
      "Without a target value nothing can be measured or scored at year end. Usually the value was forgotten or the cell was cut off.",
    message: (p) =>
      p.placeholder
        ? `${itemNamed(p.item, p.name)} has no target value (it holds only “${p.value}”)`
        : p.value
          ? `${itemNamed(p.item, p.name)}: the target value “${p.value}” has no number`
          : `${itemNamed(p.item, p.name)} has no target value`,
    fix: () => "Add the target value: operator, number and unit, or a clear qualitative standard",
  },
  placeholder_left: {
    title: "Template placeholder left in",
    explain: "“**” and “XX” are placeholders of the form template: the indicator was copied without being filled in.",
    message: (p) => `Item ${p.item} still contains the placeholder “${p.text}”`,
    fix: () => "Replace the placeholder with the project's real target",
  },
  number_garbled: {
    title: "Garbled number",
    explain:
      "A mistyped number (letter O for zero, “%%”, Chinese and Arabic numerals mixed) cannot be read by the system or confirmed by the reviewer.",
    message: (p) => `Item ${p.item}: “${p.garbled}” in “${p.value}” is not a valid number`,
    fix: () => "Write the number in Arabic digits without stray symbols",
  },
  percent_over_100: {
    title: "Rate above 100%",
    explain: "Completion, coverage and satisfaction rates cannot exceed 100%; a target above it is a mistake.",
    message: (p) => `${itemNamed(p.item, p.name)} is a rate but its target “${p.value}” exceeds 100%`,
    fix: () => "Correct the target: a rate is at most 100%",
  },
  numbering_irregular: {
    title: "Irregular numbering",
    explain: "Skipped, repeated or mixed item numbers usually mean an indicator was lost, duplicated or pasted wrongly.",
    message: (p) => {
      // A section heading's number (`二、效益指标`) or an item's. Params are read leniently (an
      // absent one reads as empty text), so presence is tested by value, not with `in`.
      const q = p as NumberingFinding & { item?: number; heading?: number; title?: string };
      const heading = Boolean(q.heading);
      const who = heading ? `Heading ${q.heading} “${q.title}”` : `Item ${q.item}`;
      const whoLower = heading ? `heading ${q.heading} “${q.title}”` : `item ${q.item}`;
      switch (p.kind) {
        case "gap":
          return `${who} is numbered “${p.written}”: a number is skipped (expected ${p.expected})`;
        case "duplicate": {
          const first = !q.first ? "an earlier one" : heading ? `heading ${q.first}` : `item ${q.first}`;
          return `${who} repeats the number “${p.written}” of ${first} (expected ${p.expected})`;
        }
        case "backward": {
          const previous = !q.previous ? "the number before it" : `“${q.previous}” before it`;
          return `${who} is numbered “${p.written}”, lower than ${previous}: the numbering goes backwards (expected ${p.expected})`;
        }
        case "notFromOne":
          return `${heading ? "Heading numbering" : "Numbering"} does not start at 1: ${whoLower} is numbered “${p.written}”`;
        case "mixedStyle":
          return `${who} is numbered “${p.written}”, unlike the other ${heading ? "headings" : "items"}`;
        case "unnumbered":
          return `${who} has no number`;
      }
    },
    fix: () => "Number the items 1、2、3、… in order, starting at 1",
  },
  indicator_name_missing: {
    title: "Indicator name missing",
    explain:
      "Every indicator names what it measures (its level-3 name). An item with only a category and a value says nothing a reviewer can assess, and is sent back.",
    message: (p) => (p.value ? `Item ${p.item} has the value “${p.value}” but no indicator name` : `Item ${p.item} has no indicator name`),
    fix: () => "Write the indicator's name before its value, e.g. “产出指标：培训人数，年度指标值：≥100人”",
  },
  value_label_missing: {
    title: "“年度指标值：” label missing",
    explain:
      "Each item reads “name，年度指标值：value”. Without the label the boundary between name and value is unclear and imports may merge the value into the name.",
    message: (p) => `Item ${p.item} lacks the “年度指标值：” label`,
    fix: (p) => (p.value ? `Insert “年度指标值：” before “${p.value}”` : "Insert the “年度指标值：” label"),
  },
  level1_missing: {
    title: "Only the 二级 written, no 一级",
    explain:
      "Every item must name its 一级 indicator. An item that writes only its 二级 (“数量指标：检查次数”) can be filed under the 一级 that 二级 belongs to, but reviewers send it back; the standard form is “产出指标（数量指标）：检查次数”.",
    message: (p) => `Item ${p.item} writes only the 二级 “${p.written}” and no 一级 (it belongs under ${p.level1})`,
    fix: (p) => `Change “${p.written}” to “${p.level1}（${p.level2}）”`,
  },
  output_or_effect_missing: {
    title: "No output or effect indicator",
    explain:
      "Output indicators say what the project delivers and effect indicators what it changes; a performance target needs both.",
    message: (p) =>
      p.missing === "both"
        ? "No output (产出) and no effect (效益) indicator"
        : p.missing === "output"
          ? "No output (产出) indicator"
          : "No effect (效益) indicator",
    fix: (p) =>
      p.missing === "both"
        ? "Add output and effect indicators"
        : p.missing === "output"
          ? "Add an output indicator"
          : "Add an effect indicator",
  },
  too_few_indicators: {
    title: "Too few indicators",
    explain: "Fewer than three indicators cannot describe a project's outputs and effects; reviewers ask for more.",
    message: (p) => `Only ${p.count} indicator(s), fewer than 3`,
    fix: () => "Add indicators covering the project's outputs and effects",
  },
  rate_ge_100: {
    title: "Rate set to “≥100%”",
    explain:
      "A rate cannot exceed 100%, so “≥100%” is met only by exactly 100%; reviewers ask for “=100%” or a realistic target.",
    message: (p) => `${itemNamed(p.item, p.name)} is a rate: “${p.value}” is met only by exactly 100%; write “=100%”`,
    fix: (p) => `Change “${p.value}” to “=100%”`,
  },
  percent_on_count: {
    title: "Percentage on a count",
    explain:
      "A count indicator measures a number of things, people or times; a percentage target says nothing about how many. State the number and unit.",
    message: (p) => `${itemNamed(p.item, p.name)} is a count but its target is a percentage, “${p.value}”`,
    fix: () => "State a number and unit (e.g. “≥5个”), or rename the indicator as a rate (“…完成率”)",
  },
  qualitative_on_quantity: {
    title: "Qualitative value on a quantity",
    explain: "Rates, amounts and counts are scored against a number; a word such as “及时” or “合格” cannot be scored.",
    message: (p) => `${itemNamed(p.item, p.name)} is ${lookup(MEASURE, p.measure)} but its target is the word “${p.value}”`,
    fix: () => "State a quantitative target: operator, number and unit (e.g. “≥95%”)",
  },
  satisfaction_not_percent: {
    title: "Satisfaction not a percentage",
    explain: "Satisfaction is measured by survey, so its target is a percentage (“≥90%”); “高” or “良好” cannot be compared with a survey result.",
    message: (p) => `${itemNamed(p.item, p.name)} is a satisfaction indicator but “${p.value}” is not a percentage`,
    fix: () => "Write a percentage, e.g. “≥90%”",
  },
  cost_value_invalid: {
    title: "Invalid cost value",
    explain: "An economic cost indicator measures money spent: its target is an amount, a unit cost or a cost-control rate.",
    message: (p) => `${itemNamed(p.item, p.name)} is a cost indicator but “${p.value}” is not an amount, unit cost or control rate`,
    fix: () => "Write an amount (“≤50万元”), a unit cost (“≤200元/人”) or a control rate (“≤100%”)",
  },
  positive_target_zero: {
    title: "Positive target of zero",
    explain: "A target of zero (“≥0个”) is met by doing nothing, so the indicator measures nothing.",
    message: (p) => `${itemNamed(p.item, p.name)} has a target of zero, “${p.value}”: it is met without any output`,
    fix: () => "Set the value the project actually aims to reach",
  },
  negative_direction_ge: {
    title: "“≥” on a negative indicator",
    explain:
      "Incident, complaint, failure, overdue and error indicators are better when lower: they take “≤” or “<”. With “≥” a worse result scores higher.",
    message: (p) => `${itemNamed(p.item, p.name)} is better when lower, but “${p.value}” uses “≥” or “>”`,
    fix: () => "Use “≤” or “<”, e.g. “≤5%”",
  },
  duplicate_indicator: {
    title: "Duplicate indicator",
    explain: "The same indicator twice in one project adds nothing and is scored twice.",
    message: (p) => `${itemNamed(p.item, p.name)} repeats item ${p.first}`,
    fix: () => "Remove the duplicate or replace it with another indicator",
  },
  duplicate_project: {
    title: "Duplicate project",
    explain: "Two rows identical but for the serial number usually come from pasting twice and count the project and its funds twice.",
    message: (p) => `Project “${p.project}” repeats row ${p.firstRow} (every column but the serial number and unit codes is the same)`,
    fix: () => "Delete the duplicate row, or check whether it should be a different project",
  },
  project_name_missing: {
    title: "Project name missing",
    explain: "A performance target belongs to a budget project; a row without a project name cannot be matched to one.",
    message: (p) => `Row ${p.row} has data but no project name`,
    fix: () => "Fill in the project name",
  },
  unit_missing: {
    title: "Unit missing",
    explain: "A number without a unit (“220”) could be items, people, times or ten-thousand yuan; the target is ambiguous.",
    message: (p) => `${itemNamed(p.item, p.name)}: the value “${p.value}” has no unit`,
    fix: () => "Add the unit, e.g. “%”, “个”, “人次”, “万元”",
  },
  timeliness_value_invalid: {
    title: "Invalid timeliness value",
    explain: "A timeliness indicator measures punctuality: its target is a date, a time limit or an on-time rate, not “良好”.",
    message: (p) => `${itemNamed(p.item, p.name)} is a timeliness indicator but “${p.value}” is not a date, time limit or rate`,
    fix: () => "Write a deadline (“2025年12月31日前”), a time limit (“≤30天”) or an on-time rate (“≥95%”)",
  },
  category_normalized: {
    title: "Category written in a short form",
    explain:
      "Short forms such as “满意度” or “产出指标（数量）” still say the category, but differ from the standard names, which hampers counting and imports; they are written in full (“满意度指标”, “产出指标（数量指标）”).",
    message: (p) => `Item ${p.item}: category “${p.from}” can be written “${p.to}”`,
    fix: (p) => `Change “${p.from}” to “${p.to}”`,
  },
  value_normalized: {
    title: "Value can be normalised",
    explain:
      "“80%以上”, “不低于90%”, “＞＝”, “％”, full-width digits and stray spaces mean the same as “≥80%” but are written inconsistently, which hinders counting and imports.",
    message: (p) => `Item ${p.item}: the value “${p.from}” can be written “${p.to}”`,
    fix: (p) => `Change “${p.from}” to “${p.to}”`,
  },
  satisfaction_threshold: {
    title: "Satisfaction target low or 100%",
    explain: "Satisfaction targets are usually at least 85%; a lower one is unambitious and 100% is practically unreachable.",
    message: (p) =>
      p.kind === "low"
        ? `${itemNamed(p.item, p.name)}: the satisfaction target “${p.value}” is below 85%`
        : `${itemNamed(p.item, p.name)}: the satisfaction target “${p.value}” is 100%, hardly reachable`,
    fix: (p) => (p.kind === "low" ? "Check the target: satisfaction is usually at least 85%" : "Use “≥90%” or “≥95%”"),
  },
  vague_value: {
    title: "Vague value",
    explain: "“效果明显”, “较好” or “有所提升” cannot be measured, so completion cannot be judged at year end.",
    message: (p) => `${itemNamed(p.item, p.name)}: the value “${p.value}” is vague`,
    fix: () => "State a measurable target: a number, or a clear standard to meet",
  },
  satisfaction_or_cost_missing: {
    title: "No satisfaction or cost indicator",
    explain:
      "Guidance 财预〔2021〕101号 asks for cost indicators (what the project costs) and satisfaction indicators (how the people served rate it).",
    message: (p) =>
      p.missing === "both"
        ? "No satisfaction (满意度) and no cost (成本) indicator"
        : p.missing === "satisfaction"
          ? "No satisfaction (满意度) indicator"
          : "No cost (成本) indicator",
    fix: (p) =>
      p.missing === "both"
        ? "Add a satisfaction indicator and a cost indicator"
        : p.missing === "satisfaction"
          ? "Add a satisfaction indicator, e.g. “服务对象满意度≥90%”"
          : "Add a cost indicator, e.g. total cost within budget",
  },
  name_variant: {
    title: "Name spelt several ways",
    explain:
      "One department or unit appears under a full name and a short form (“区委员会” and “区委”), so totals by unit split it in several.",
    message: (p) => `${p.role === "department" ? "Department" : "Unit"} “${p.value}” seems to be “${p.canonical}” spelt differently`,
    fix: (p) => `Write it as “${p.canonical}”`,
  },
  row_skipped: {
    title: "Non-data row skipped",
    explain: "Titles, blank rows and lines of dashes are not project data and are skipped; blank and dash rows inside the table can be deleted.",
    message: (p) => `Row ${p.row} is ${lookup(SKIP_REASON, p.reason)} and was not checked`,
    fix: (p) => (p.reason === "title" ? "Nothing to do" : "Delete the row if it serves no purpose"),
  },
};
