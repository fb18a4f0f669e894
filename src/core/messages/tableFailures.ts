import type { CheckFailure } from "../checkWorkbook";
import type { Lang } from "../model";

/**
 * Why a sheet or workbook could not be checked, in one sentence per language. Every host
 * (CLI, Excel, file mode) words the core's failures through this; a host adds its own hint
 * (the pane: "set the header row in Settings"; the CLI: `--rules`).
 */
interface FailureTexts {
  empty: string;
  noHeader: string;
  /** A row naming indicator columns (`words`) that is no header. */
  noHeaderWords: (headerRowNumber: number, words: string) => string;
  noIndicatorColumn: (headerRowNumber: number) => string;
  /** The header names some indicator columns (`words`), not enough to read indicators from. */
  noIndicatorColumnWords: (headerRowNumber: number, words: string) => string;
  /** How a list of header words is quoted and joined. */
  words: (words: readonly string[]) => string;
  noProjectColumn: (headerRowNumber: number) => string;
  sheetNotFound: (sheet: string) => string;
  noSheets: string;
  instructionsSheet: string;
}

const zh: FailureTexts = {
  empty: "工作表是空的，没有可校验的数据。",
  noHeader: "未找到表头行（应包含“项目名称”“绩效指标”等列名）。",
  noHeaderWords: (row, words) => `第 ${row} 行有${words}等列名，但认不出表头（还应有“项目名称”等列）。`,
  noIndicatorColumn: (row) => `第 ${row} 行像是表头，但没有“绩效指标”列。`,
  noIndicatorColumnWords: (row, words) => `第 ${row} 行像是表头，找到${words}列，但没有可读出指标的列（“绩效指标”列，或“三级指标”与“指标值”列）。`,
  words: (words) => words.join("、"),
  noProjectColumn: (row) =>
    `第 ${row} 行像是表头，有“绩效指标”列，却没有“项目名称”列（也没有主管部门、单位列）：这像是部门整体支出绩效目标表，不是每行一个项目的项目支出绩效目标表。`,
  sheetNotFound: (sheet) => `工作簿中没有名为“${sheet}”的工作表。`,
  noSheets: "工作簿中没有工作表。",
  instructionsSheet: "从名称看是填报说明或填写示例，不是项目数据，未校验；要校验它，请单独指定这张工作表。",
};

const en: FailureTexts = {
  empty: "The sheet is empty: nothing to check.",
  noHeader: "No header row found (it should name columns such as 项目名称 and 绩效指标).",
  noHeaderWords: (row, words) => `Row ${row} names the columns ${words} but is no recognisable header (it should also name columns such as 项目名称).`,
  noIndicatorColumn: (row) => `Row ${row} looks like the header but has no 绩效指标 column.`,
  noIndicatorColumnWords: (row, words) =>
    `Row ${row} looks like the header and names the columns ${words}, but no column to read the indicators from (a 绩效指标 column, or 三级指标 and 指标值 columns).`,
  words: (words) => words.map((w) => `“${w}”`).join(", "),
  noProjectColumn: (row) =>
    `Row ${row} looks like the header and has a 绩效指标 column but no 项目名称 column (nor a department or unit column): this looks like a department-level table (部门整体支出绩效目标表), not a project table with one project per row.`,
  sheetNotFound: (sheet) => `The workbook has no sheet named “${sheet}”.`,
  noSheets: "The workbook has no worksheets.",
  instructionsSheet: "Its name says it holds instructions or a filled-in sample, not project data: not checked. Name this sheet to check it.",
};

export function tableFailureMessage(failure: CheckFailure, lang: Lang, sheet = ""): string {
  const t = lang === "en" ? en : zh;
  switch (failure.kind) {
    case "empty":
      return t.empty;
    case "noHeader":
      return failure.words !== undefined && failure.headerRowNumber !== undefined ? t.noHeaderWords(failure.headerRowNumber, t.words(failure.words)) : t.noHeader;
    case "noIndicatorColumn":
      return failure.words !== undefined ? t.noIndicatorColumnWords(failure.headerRowNumber, t.words(failure.words)) : t.noIndicatorColumn(failure.headerRowNumber);
    case "noProjectColumn":
      return t.noProjectColumn(failure.headerRowNumber);
    case "sheetNotFound":
      return t.sheetNotFound(sheet);
    case "noSheets":
      return t.noSheets;
    case "instructionsSheet":
      return t.instructionsSheet;
  }
}
