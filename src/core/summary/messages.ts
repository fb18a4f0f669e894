import type { Lang, NormalizedIndicator, Severity } from "../model";

/**
 * The words of the generated sheets (校验汇总, 指标明细), zh-CN first. Sheet names stay
 * Chinese in both languages: hosts find their own sheets by name (plan.ts).
 */
export interface SummaryMessages {
  title: string;
  file: string;
  generatedAt: string;
  overview: string;
  sheets: string;
  rows: string;
  projects: string;
  indicators: string;
  severity: Record<Severity, string>;
  byRule: string;
  ruleHeaders: [rule: string, severity: string, count: string, code: string];
  chartTitle: string;
  byLevel1: string;
  level1Headers: [level1: string, indicators: string, issues: string];
  unrecognisedLevel1: string;
  issueList: string;
  issueHeaders: [serial: string, sheet: string, cell: string, row: string, item: string, severity: string, rule: string, message: string, fix: string];
  noIssues: string;
  normalizedHeaders: string[];
  /** The detail sheet's extra first column when several sheets were checked. */
  sheetColumn: string;
  level2Source: Record<Exclude<NormalizedIndicator["level2Source"], "">, string>;
  direction: Record<Exclude<NormalizedIndicator["direction"], "">, string>;
}

const zh: SummaryMessages = {
  title: "绩效指标校验汇总",
  file: "文件",
  generatedAt: "生成时间",
  overview: "总体情况",
  sheets: "工作表数",
  rows: "数据行数",
  projects: "项目数",
  indicators: "指标数",
  severity: { error: "错误", warning: "警告", info: "提示" },
  byRule: "按规则统计",
  ruleHeaders: ["规则", "级别", "问题数", "规则代码"],
  chartTitle: "各规则问题数",
  byLevel1: "按一级指标统计",
  level1Headers: ["一级指标", "指标数", "问题数"],
  unrecognisedLevel1: "（未识别）",
  issueList: "问题清单",
  issueHeaders: ["序号", "工作表", "单元格", "行", "项", "级别", "规则", "问题说明", "建议修改"],
  noIssues: "未发现问题。",
  normalizedHeaders: [
    "行号",
    "主管部门",
    "预算单位",
    "项目名称",
    "序号",
    "一级指标",
    "二级指标",
    "二级来源(填写/推断)",
    "三级指标",
    "运算符",
    "数值",
    "数值上限",
    "单位",
    "定性值",
    "方向(正向/反向)",
    "原文",
    "问题",
  ],
  sheetColumn: "工作表",
  level2Source: { 填写: "填写", 推断: "推断" },
  direction: { 正向: "正向", 反向: "反向" },
};

const en: SummaryMessages = {
  title: "Indicator check summary",
  file: "File",
  generatedAt: "Generated at",
  overview: "Overview",
  sheets: "Sheets",
  rows: "Data rows",
  projects: "Projects",
  indicators: "Indicators",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  byRule: "Issues by rule",
  ruleHeaders: ["Rule", "Severity", "Issues", "Code"],
  chartTitle: "Issues by rule",
  byLevel1: "By level-1 indicator",
  level1Headers: ["Level-1 indicator", "Indicators", "Issues"],
  unrecognisedLevel1: "(unrecognised)",
  issueList: "Issues",
  issueHeaders: ["#", "Sheet", "Cell", "Row", "Item", "Severity", "Rule", "Problem", "Suggested fix"],
  noIssues: "No issues found.",
  normalizedHeaders: [
    "Row",
    "Department",
    "Budget unit",
    "Project",
    "Item",
    "Level 1",
    "Level 2",
    "Level 2 source",
    "Level 3 (indicator)",
    "Operator",
    "Value",
    "Upper bound",
    "Unit",
    "Qualitative value",
    "Direction",
    "Original text",
    "Problems",
  ],
  sheetColumn: "Sheet",
  level2Source: { 填写: "written", 推断: "inferred" },
  direction: { 正向: "positive", 反向: "negative" },
};

export const SUMMARY_MESSAGES: Record<Lang, SummaryMessages> = { zh, en };
