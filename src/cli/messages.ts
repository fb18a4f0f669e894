import type { Lang, Severity } from "../core/model";

/** Every text the command line prints, zh-CN first. Keyed and typed so a missing key fails to compile. */
const zh = {
  usage: `用法：indicator-checker check 文件或文件夹… [选项]

检查项目支出绩效目标表（.xlsx）中的绩效指标。

选项：
  --sheet 名称        只检查这个工作表（默认：所有含表头的工作表）
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
  sheetNotFound: (f: string, s: string) => `${f}：没有名为“${s}”的工作表`,
  sheetFailed: (s: string, why: string) => `工作表“${s}”：${why}`,
  writeFailed: (f: string, why: string) => `无法写出 ${f}：${why}`,
  progress: (i: number, n: number, f: string) => `[${i}/${n}] 正在检查 ${f} …`,
  sheetLine: (s: string, headerRow: number, dataRows: number, indicators: number, columns: string) =>
    `工作表“${s}”：表头在第${headerRow}行，${dataRows}个项目行，${indicators}条指标（${columns}）`,
  countsLine: (e: number, w: number, i: number) => `错误 ${e} 个，警告 ${w} 个，提示 ${i} 个`,
  fileLine: (f: string, e: number, w: number, i: number, indicators: number) =>
    `${f}：${indicators}条指标；错误 ${e}，警告 ${w}，提示 ${i}`,
  totalsLine: (files: number, failed: number, e: number, w: number, i: number) =>
    `共 ${files} 个文件（${failed} 个无法读取）：错误 ${e}，警告 ${w}，提示 ${i}`,
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
  --sheet NAME        check only this sheet (default: every sheet with a header)
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
  sheetNotFound: (f, s) => `${f}: no sheet named "${s}"`,
  sheetFailed: (s, why) => `sheet "${s}": ${why}`,
  writeFailed: (f, why) => `cannot write ${f}: ${why}`,
  progress: (i, n, f) => `[${i}/${n}] checking ${f} …`,
  sheetLine: (s, headerRow, dataRows, indicators, columns) =>
    `sheet "${s}": header on row ${headerRow}, ${dataRows} project rows, ${indicators} indicators (${columns})`,
  countsLine: (e, w, i) => `${e} errors, ${w} warnings, ${i} infos`,
  fileLine: (f, e, w, i, indicators) => `${f}: ${indicators} indicators; ${e} errors, ${w} warnings, ${i} infos`,
  totalsLine: (files, failed, e, w, i) => `${files} files (${failed} unreadable): ${e} errors, ${w} warnings, ${i} infos`,
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
