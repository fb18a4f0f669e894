import type { HostErrorKind } from "../app/host";
import type { CheckFailure } from "../core/checkWorkbook";
import { tableFailureMessage } from "../core/messages/tableFailures";
import type { Counts, Lang } from "../core/model";

/**
 * Every sentence the Excel layer says to the user, zh-CN first, English beside it. One line
 * per failure kind (what happened, what to do), so the task pane and the ribbon command show
 * the same words.
 */
export interface ExcelMessages {
  error: Record<HostErrorKind, string>;
  /** The check ran but the cells could not be coloured: why. */
  highlightSkipped: (reason: string) => string;
  sheetMissing: (sheet: string) => string;
  unexpected: (detail: string) => string;
  /** The ribbon command's one-line result. */
  oneClickDone: (counts: Counts, highlighted: boolean) => string;
  oneClickTitle: string;
  /** Name of the downloaded cleaned workbook (without extension) on hosts older than 1.8. */
  cleanedFileName: string;
}

const zh: ExcelMessages = {
  error: {
    cellEditMode: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
    protectedSheet: "工作表受保护，无法写入。请在“审阅 → 撤消工作表保护”后重试；工作簿未作任何修改。",
    protectedWorkbook:
      "工作簿的结构受保护，无法添加或删除工作表（标记颜色要用一张隐藏的备份表，汇总要写入新工作表）。请在“审阅 → 保护工作簿”中撤消保护后重试；工作簿未作任何修改。",
    unsupportedApi: "此版本的 Excel 不支持本加载项所需的功能（至少需要 ExcelApi 1.7，即 Excel 2019 或 Microsoft 365）。",
    payloadTooLarge: "所选区域的数据量过大，Excel 无法一次处理。请选择较少的行后重试。",
    notRange: "当前选中的是图表或图形，不是单元格。请先单击表格中的任一单元格，再重试。",
    readOnly: "工作簿以只读方式打开，无法写入。请启用编辑或另存一份后重试。",
    nameTaken: "已有同名的工作表，已改用新的名称写入。",
    noTable: "未找到绩效目标表：没有识别到包含“绩效指标”的表头。",
    badFile: "无法读取当前工作簿的文件内容。",
    unwritable: "无法写出这个工作簿：其中的结构本工具无法改写。",
    cancelled: "已取消。",
    unknown: "Excel 返回了意外错误。",
  },
  highlightSkipped: (reason) => `校验已完成，但未能标记颜色：${reason}`,
  sheetMissing: (sheet) => `找不到工作表“${sheet}”，它可能已被重命名或删除。`,
  unexpected: (detail) => `Excel 返回了意外错误：${detail}`,
  oneClickDone: (c, highlighted) =>
    c.error + c.warning + c.info === 0
      ? "未发现问题。"
      : `发现错误 ${c.error} 处、警告 ${c.warning} 处、提示 ${c.info} 条。${highlighted ? "错误单元格已标为红色，警告标为黄色；可在任务窗格中“清除标记”。" : ""}`,
  oneClickTitle: "绩效指标校验",
  cleanedFileName: "清洗后",
};

const en: ExcelMessages = {
  error: {
    cellEditMode: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
    protectedSheet: "The sheet is protected and cannot be written. Unprotect it (Review → Unprotect Sheet) and try again; nothing was changed.",
    protectedWorkbook:
      "The workbook's structure is protected, so no sheet can be added or deleted (marking needs a hidden backup sheet, the summary new sheets). Unprotect it (Review → Protect Workbook) and try again; nothing was changed.",
    unsupportedApi: "This version of Excel lacks features the add-in needs (ExcelApi 1.7 or later: Excel 2019 or Microsoft 365).",
    payloadTooLarge: "The selection holds too much data for Excel to process at once. Select fewer rows and try again.",
    notRange: "A chart or shape is selected, not cells. Click any cell of the table and try again.",
    readOnly: "The workbook is open read-only and cannot be written. Enable editing or save a copy, then try again.",
    nameTaken: "A sheet of that name already exists; a new name was used.",
    noTable: "No performance target table found: no header with an indicator column.",
    badFile: "The contents of the open workbook could not be read.",
    unwritable: "This workbook cannot be written back: it holds a structure this tool cannot rewrite.",
    cancelled: "Cancelled.",
    unknown: "Excel returned an unexpected error.",
  },
  highlightSkipped: (reason) => `Checked, but the cells could not be coloured: ${reason}`,
  sheetMissing: (sheet) => `Sheet "${sheet}" was not found; it may have been renamed or deleted.`,
  unexpected: (detail) => `Excel returned an unexpected error: ${detail}`,
  oneClickDone: (c, highlighted) =>
    c.error + c.warning + c.info === 0
      ? "No issues found."
      : `${c.error} errors, ${c.warning} warnings, ${c.info} notes.${highlighted ? " Error cells are red, warnings yellow; use Clear marks in the task pane to remove them." : ""}`,
  oneClickTitle: "Indicator check",
  cleanedFileName: "cleaned",
};

export const EXCEL_MESSAGES: Record<Lang, ExcelMessages> = { zh, en };

export function excelMessages(lang: Lang | undefined): ExcelMessages {
  return EXCEL_MESSAGES[lang ?? "zh"];
}

/** The text of a table-detection failure: the core's wording, shared with the CLI and file mode. */
export function tableFailureText(failure: CheckFailure, lang: Lang | undefined): string {
  return tableFailureMessage(failure, lang ?? "zh");
}
