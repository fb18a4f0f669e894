import type { Lang } from "../core/model";
import type { SniffFailureKind } from "./sniff";

/**
 * Why a file could not be read, in one line per language. The sniff kinds come from
 * `sniffWorkbook`; `corrupt` is exceljs failing on a file that looked like an .xlsx, and
 * `noSheets` a workbook without a single worksheet.
 */
export type BadFileKind = SniffFailureKind | "corrupt" | "noSheets";

const zh: Record<BadFileKind, string> = {
  notZip: "文件已损坏或不是 Excel 工作簿（.xlsx）。",
  truncated: "文件不完整，可能下载或复制时中断，请重新获取文件。",
  encrypted: "工作簿设有打开密码，请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后再试。",
  legacyXls: "这是旧版 Excel（.xls）或 WPS（.et）格式的文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。",
  notXlsx: "文件内容不是 Excel 工作簿（.xlsx），可能是网页、CSV 或其他格式，请在 Excel 或 WPS 中另存为 .xlsx。",
  tooLarge: "文件解压后过大（或疑似压缩炸弹），已拒绝读取。",
  corrupt: "无法读取工作簿内容，文件可能已损坏，请在 Excel 中打开并另存为 .xlsx 后再试。",
  noSheets: "工作簿中没有工作表。",
};

const en: Record<BadFileKind, string> = {
  notZip: "The file is damaged or is not an Excel workbook (.xlsx).",
  truncated: "The file is incomplete (the download or copy was probably interrupted); fetch it again.",
  encrypted: "The workbook is password-protected; remove the password in Excel (File → Info → Protect Workbook) and try again.",
  legacyXls: "This is a legacy Excel (.xls) or WPS (.et) file; save it as .xlsx in Excel or WPS and try again.",
  notXlsx: "The file is not an Excel workbook (.xlsx) but perhaps a web page, CSV or another format; save it as .xlsx in Excel or WPS.",
  tooLarge: "The file expands to too much data (or looks like a zip bomb); it was not read.",
  corrupt: "The workbook's content cannot be read; the file may be damaged. Open it in Excel, save it as .xlsx and try again.",
  noSheets: "The workbook has no worksheets.",
};

const catalogs: Record<Lang, Record<BadFileKind, string>> = { zh, en };

export function badFileMessage(kind: BadFileKind, lang: Lang = "zh"): string {
  return catalogs[lang][kind];
}

/** An output workbook no writer can make from a file that was read (forms other producers
 * write that neither the zip patch nor exceljs can write back): the CLI and the file mode. */
export function outputUnwritableMessage(lang: Lang = "zh"): string {
  return lang === "en"
    ? "the file was made by a program other than Excel, in a form this tool cannot write back (the check results stand); open it in Excel or WPS, save it as .xlsx and try again"
    : "原文件由 Excel 以外的程序生成，其中的结构本工具无法改写（检查结果不受影响）；请在 Excel 或 WPS 中打开原文件，另存为 .xlsx 后再试";
}
