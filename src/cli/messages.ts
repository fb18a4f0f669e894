import type { Lang, Severity } from "../core/model";
import { countOf } from "../core/messages/plural";
import type { SkipKind } from "./inputs";
import { outputUnwritableMessage } from "../workbook/messages";

/** Every text the command line prints, zh-CN first. Keyed and typed so a missing key fails to compile. */
const zh = {
  usage: `用法：indicator-checker check 文件或文件夹… [选项]

检查项目支出绩效目标表（.xlsx）中的绩效指标。

选项：
  --sheet 名称        只检查这个工作表（默认：所有含表头的工作表，名称含“说明”“示例”“样表”的除外）
  --json 输出         写出 JSON 报告（一个输入时为文件，多个输入时为 .json 文件或文件夹）
  --clean 输出        写出清洗后的工作簿（一个输入时为文件，多个输入时为文件夹）
  --annotate 输出     写出标注后的工作簿：高亮问题单元格，并附“校验汇总”“指标明细”表
  --rules 文件        规则设置（JSON：{"profile":"2021","rules":{"unit_missing":"off"}}）
  --profile 2021      按 2021 年口径：缺少成本指标、满意度指标记为警告
  --unify-names       清洗时把同一部门、单位的不同写法统一为最常用的写法
  --lang zh|en        输出语言（默认 zh）
  --progress          在标准错误输出上显示进度
  -h, --help          显示本帮助
  -v, --version       显示版本

退出码：0 无错误；1 发现错误；2 用法错误或有文件无法读取。`,
  badOption: (o: string) => `无法识别的选项：${o}（用 --help 查看用法）`,
  missingValue: (o: string) => `选项 ${o} 需要一个值`,
  noCommand: "缺少命令：indicator-checker check 文件…（用 --help 查看用法）",
  unknownCommand: (c: string) => `未知命令：${c}（目前只有 check）`,
  noInputs: "没有给出要检查的文件或文件夹",
  badLang: (l: string) => `--lang 只能是 zh 或 en，收到：${l}`,
  badProfile: (p: string) => `--profile 只能是 2021 或 default，收到：${p}`,
  rulesUnreadable: (f: string, why: string) => `无法读取规则设置文件 ${f}：${why}`,
  rulesUnknownCode: (c: string) => `规则设置中有未知的规则代码：${c}`,
  rulesBadSetting: (c: string, v: string) => `规则 ${c} 的设置无效：${v}（应为 error、warning、info 或 off）`,
  inputMissing: (p: string) => `找不到文件或文件夹：${p}`,
  dirEmpty: (p: string) => `文件夹中没有 .xlsx 文件：${p}`,
  outputMustBeDir: (o: string) => `有多个输入文件时，${o} 需要一个文件夹`,
  fileUnreadable: (f: string, why: string) => `${f}：无法读取（${why}）`,
  noTable: (f: string) => `${f}：没有找到含“绩效指标”列的表头`,
  noTableReason: "没有找到含“绩效指标”列的表头",
  sheetNotFound: (f: string, s: string) => `${f}：没有名为“${s}”的工作表`,
  sheetNotFoundReason: (s: string) => `没有名为“${s}”的工作表`,
  emptyFile: "文件是空的（0 字节），没有任何内容，请重新获取或重新保存该文件。",
  skipped: (f: string, why: string) => `已跳过 ${f}：${why}`,
  skipReason: {
    textTable: "CSV 等文本文件不是工作簿，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查",
    otherSpreadsheet: "不支持这种表格格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
    notWorkbook: "不是 Excel 工作簿（.xlsx、.xlsm）",
  } satisfies Record<SkipKind, string>,
  renamed: (f: string, stem: string) => `注意：${f} 的输出与同一次检查中另一个文件的输出同名，改用“${stem}”命名，以免互相覆盖`,
  sameOutput: (a: string, b: string) => `${a} 与 ${b} 不能写到同一个文件`,
  macrosRemoved: (input: string, target: string) => `${input} 含宏；${target} 按所给的 .xlsx 文件名存为不含宏的工作簿，宏已去掉（要保留宏，请把输出文件命名为 .xlsm）`,
  macrosLost: (input: string, target: string) => `注意：${input} 含宏，但 ${target} 是重新生成的工作簿，没有保留宏（原文件中有本工具无法原样修改的内容，如删行处的批注）；它按不含宏的 .xlsx 命名`,
  macroSheetsNoXlsx: "工作簿含 Excel 4.0 宏表，无法存为 .xlsx，请把输出文件命名为 .xlsm",
  sheetFailed: (s: string, why: string) => `工作表“${s}”：${why}`,
  instructionsSheetHint: (s: string) => `用 --sheet ${shellWord(s)} 指定。`,
  fileFailed: (f: string, why: string) => `${f}：${why}`,
  writeFailed: (f: string, why: string) => `无法写出 ${f}：${why}`,
  outputUnwritable: outputUnwritableMessage("zh"),
  progress: (i: number, n: number, f: string) => `[${i}/${n}] 正在检查 ${f} …`,
  sheetLine: (s: string, headerRow: number, dataRows: number, indicators: number, columns: string) =>
    `工作表“${s}”：表头在第${headerRow}行，${dataRows}个项目行，${indicators}条指标（${columns}）`,
  countsLine: (e: number, w: number, i: number) => `错误 ${e} 个，警告 ${w} 个，提示 ${i} 个`,
  fileLine: (f: string, e: number, w: number, i: number, indicators: number) =>
    `${f}：${indicators}条指标；错误 ${e}，警告 ${w}，提示 ${i}`,
  totalsLine: (files: number, failed: number, e: number, w: number, i: number, skipped: number) =>
    `共 ${files} 个文件（${failed} 个无法读取）：错误 ${e}，警告 ${w}，提示 ${i}${skipped > 0 ? `；另跳过 ${skipped} 个不是工作簿的文件` : ""}`,
  rowHeading: (row: number) => `第${row}行`,
  wrote: (what: string, f: string) => `已写出${what}：${f}`,
  whatJson: "JSON 报告",
  whatClean: "清洗后的工作簿",
  whatAnnotate: "标注后的工作簿",
  noIssues: "没有发现问题。",
  severity: { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>,
  internalError: (why: string) => `内部错误：${why}（请把此文件和这行信息反馈给开发者）`,
};

type Catalog = typeof zh;

const en: Catalog = {
  usage: `Usage: indicator-checker check FILE|DIR… [options]

Checks the performance indicators of project expenditure target tables (.xlsx).

Options:
  --sheet NAME        check only this sheet (default: every sheet with a header, except instructions and samples: names with 说明, 示例, 样表)
  --json OUT          write the JSON report (a file for one input; a .json file or a folder for many)
  --clean OUT         write the cleaned workbook (a file for one input, a folder for many)
  --annotate OUT      write the annotated workbook: flagged cells filled, plus the summary sheets
  --rules FILE        rule settings (JSON: {"profile":"2021","rules":{"unit_missing":"off"}})
  --profile 2021      2021 guidance: missing cost and satisfaction indicators are warnings
  --unify-names       when cleaning, unify variant spellings of a department or unit
  --lang zh|en        output language (default zh)
  --progress          show progress on stderr
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no errors; 1 errors found; 2 bad usage or an unreadable file.`,
  badOption: (o) => `unknown option: ${o} (see --help)`,
  missingValue: (o) => `option ${o} needs a value`,
  noCommand: "missing command: indicator-checker check FILE… (see --help)",
  unknownCommand: (c) => `unknown command: ${c} (only check exists)`,
  noInputs: "no file or folder to check",
  badLang: (l) => `--lang must be zh or en, got: ${l}`,
  badProfile: (p) => `--profile must be 2021 or default, got: ${p}`,
  rulesUnreadable: (f, why) => `cannot read the rule settings ${f}: ${why}`,
  rulesUnknownCode: (c) => `unknown rule code in the rule settings: ${c}`,
  rulesBadSetting: (c, v) => `invalid setting for rule ${c}: ${v} (use error, warning, info or off)`,
  inputMissing: (p) => `no such file or folder: ${p}`,
  dirEmpty: (p) => `no .xlsx file in folder: ${p}`,
  outputMustBeDir: (o) => `with several input files, ${o} needs a folder`,
  fileUnreadable: (f, why) => `${f}: cannot be read (${why})`,
  noTable: (f) => `${f}: no header with an indicator column found`,
  noTableReason: "no header with an indicator column found",
  sheetNotFound: (f, s) => `${f}: no sheet named "${s}"`,
  sheetNotFoundReason: (s) => `no sheet named "${s}"`,
  emptyFile: "The file is empty (0 bytes): it holds nothing; fetch or save it again.",
  skipped: (f, why) => `skipped ${f}: ${why}`,
  skipReason: {
    textTable: "a CSV or text file is not a workbook; open it in Excel or WPS and save it as .xlsx to check it",
    otherSpreadsheet: "this spreadsheet format is not supported; save it as .xlsx in Excel or WPS to check it",
    notWorkbook: "not an Excel workbook (.xlsx, .xlsm)",
  },
  renamed: (f, stem) => `note: ${f}'s outputs would have the same name as another input's; named "${stem}" instead, so neither overwrites the other`,
  sameOutput: (a, b) => `${a} and ${b} cannot write the same file`,
  macrosRemoved: (input, target) => `${input} has macros; ${target} is saved as the .xlsx you named, without the macros (name the output .xlsm to keep them)`,
  macrosLost: (input, target) => `note: ${input} has macros, but ${target} was rebuilt without them (the file holds something this tool cannot patch in place, such as a note on a deleted row); it is named as a macro-free .xlsx`,
  macroSheetsNoXlsx: "the workbook has Excel 4.0 macro sheets and cannot be saved as .xlsx; name the output .xlsm",
  sheetFailed: (s, why) => `sheet "${s}": ${why}`,
  instructionsSheetHint: (s) => ` Use --sheet ${shellWord(s)}.`,
  fileFailed: (f, why) => `${f}: ${why}`,
  writeFailed: (f, why) => `cannot write ${f}: ${why}`,
  outputUnwritable: outputUnwritableMessage("en"),
  progress: (i, n, f) => `[${i}/${n}] checking ${f} …`,
  sheetLine: (s, headerRow, dataRows, indicators, columns) =>
    `sheet "${s}": header on row ${headerRow}, ${countOf(dataRows, "project row")}, ${countOf(indicators, "indicator")} (${columns})`,
  countsLine: (e, w, i) => `${countOf(e, "error")}, ${countOf(w, "warning")}, ${countOf(i, "info")}`,
  fileLine: (f, e, w, i, indicators) => `${f}: ${countOf(indicators, "indicator")}; ${countOf(e, "error")}, ${countOf(w, "warning")}, ${countOf(i, "info")}`,
  totalsLine: (files, failed, e, w, i, skipped) =>
    `${countOf(files, "file")} (${failed} unreadable): ${countOf(e, "error")}, ${countOf(w, "warning")}, ${countOf(i, "info")}${skipped > 0 ? `; ${countOf(skipped, "file")} skipped (not workbooks)` : ""}`,
  rowHeading: (row) => `Row ${row}`,
  wrote: (what, f) => `wrote ${what}: ${f}`,
  whatJson: "the JSON report",
  whatClean: "the cleaned workbook",
  whatAnnotate: "the annotated workbook",
  noIssues: "No issues found.",
  severity: { error: "error", warning: "warning", info: "info" },
  internalError: (why) => `internal error: ${why} (please report this file and this line)`,
};

export function cliMessages(lang: Lang): Catalog {
  return lang === "en" ? en : zh;
}
export type CliMessages = Catalog;

/** A sheet name as typed on a command line: quoted when it holds a space or a quote (`"填报说明 (2)"`). */
function shellWord(s: string): string {
  return /[\s"'()]/.test(s) ? `"${s.replace(/(["\\$`])/g, "\\$1")}"` : s;
}
