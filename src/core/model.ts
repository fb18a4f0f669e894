/**
 * The domain model shared by every part of the checker: what a parsed indicator cell, a
 * detected table, an issue and a report look like. Pure data, no behaviour.
 *
 * Naming of positions (STYLE.md): `rowIndex`/`columnIndex` are 0-based, `rowNumber` is
 * 1-based, `address` is A1. Spans are 0-based UTF-16 offsets into the raw cell text,
 * `end` exclusive, so `text.slice(span.start, span.end)` is what the user typed.
 */

export type Severity = "error" | "warning" | "info";

export interface Span {
  start: number;
  end: number;
}

/** 一级指标, canonical names. The older 效果指标 is read as 效益指标 (level1Raw keeps it). */
export type Level1 = "产出指标" | "效益指标" | "满意度指标" | "成本指标";

/** 二级指标, canonical names (DOMAIN.md §2). Synonyms map here: 环境效益指标 → 生态效益指标,
 * 社会公众或服务对象满意度指标 → 服务对象满意度指标. */
export type Level2 =
  | "数量指标"
  | "质量指标"
  | "时效指标"
  | "成本指标"
  | "经济效益指标"
  | "社会效益指标"
  | "生态效益指标"
  | "可持续影响指标"
  | "服务对象满意度指标"
  | "经济成本指标"
  | "社会成本指标"
  | "生态环境成本指标";

/** Whether the 二级 was written in the cell (by the item, or by the section heading or
 * sub-heading it stands under), inferred from the name, or is unknown. */
export type Level2Source = "written" | "inferred" | "none";

/** Whether the item writes its 一级 itself (a known or an unknown word), takes it from the
 * section heading above it (`一、产出指标` over `1、数量指标：培训人数…`), has it inferred from the
 * 二级 it writes alone (`1、数量指标：检查次数…`: 产出指标, the 一级 left out; level1Raw and
 * level1Span absent), or has none. */
export type Level1Source = "written" | "heading" | "inferred" | "none";

export type Operator = "≥" | "≤" | ">" | "<" | "=";

/** How the item number was written: `1、` dun, `1.`/`1．` dot, `(1)`/`（1）`/`⑴` paren, `1)`/`1）`
 * closeParen, `①` circled, `一、` hanzi, `（一）`/`(一)` parenHanzi. */
export type NumberingStyle = "dun" | "dot" | "paren" | "closeParen" | "circled" | "hanzi" | "parenHanzi" | "none";

/** The label before the value: `年度指标值：`, `指标值：`, `年度目标值：`, `目标值：` (absent when missing). */
export type ValueLabel = "年度指标值" | "指标值" | "年度目标值" | "目标值";

export type ValueKind =
  | "quantitative" // operator? number unit?  (≥90%, 257个, 不少于3次)
  | "range" // 90%-95%, 90%~95%, 90%至95%
  | "time" // 2025年12月31日前, 12月底前, ≤30天 is quantitative with a time unit
  | "qualitative" // 是, 合格, 长期, 效果明显 …
  | "empty"; // nothing after the label (or no value at all), or an operator with no number (≥, ≥人: raw keeps it)

/** How the operator was written. `implicit`: no operator, read as `=`. */
export type OperatorSource = "glyph" | "word" | "implicit";

export interface ParsedValue {
  kind: ValueKind;
  /** The value text as written (trimmed of surrounding spaces and the item terminator). */
  raw: string;
  span: Span;
  operator?: Operator;
  operatorSource?: OperatorSource;
  /** The operator text as written (`>=`, `不低于`, `以上`, `＞＝` …), when there was one. */
  operatorRaw?: string;
  /** The number, with full-width digits and thousands separators read. */
  number?: number;
  /** The number text as written. */
  numberRaw?: string;
  /** Upper bound of a range. */
  upper?: number;
  /** Unit as written but width-normalised (`％` → `%`); for a number written without one, the
   * unit the name writes in its bracket note (`培训人数（人）` `≥100`: `人`, unitInName). */
  unit?: string;
  /** The unit is the name's note, not in the value's text (`raw` holds none): the cleaner keeps
   * the value as written. */
  unitInName?: boolean;
  /** Qualitative or time text, trimmed. */
  text?: string;
  /** The value text has a template placeholder (`**`, `XX`, `xx`, `××`). */
  placeholder?: boolean;
  /** The number is garbled (`9O%`, `90%%`, `二100`, `1.2.3`): the offending text. */
  garbled?: string;
  /** The value is vague (`效果明显`, `较好`, `高`, `有所提升` …). */
  vague?: boolean;
  /** A remark closing a quantity, as written from its bracket, comma or spaces: `（注：含线上）` of
   * `≥200人（注：含线上）`, `，以实际为准` of `≥90%，以实际为准`, ` 其中骨干教师≥20人` of `≥100人 其中骨干教师≥20人`
   * (an inclusive `（含）` is none); or the words after the unit saying what is counted or done: `项目` of
   * `≥10个项目`, `完成` of `100%完成` (a remark opening with a Han character, see parse endsInWords). */
  remark?: string;
}

export interface IndicatorItem {
  /** 1-based position of the item in its cell. */
  index: number;
  /** The item's own number as written (1 for `1、`), absent when unnumbered. */
  number?: number;
  numberRaw?: string;
  numberingStyle: NumberingStyle;
  /** 一级 as written (`产出指标`, `效果指标`, `产出指数` …) in the item or, for level1Source
   * `heading`, in its section heading; absent when none recognisable. */
  level1Raw?: string;
  /** Canonical 一级, absent when unknown. */
  level1?: Level1;
  /** Where the item wrote its 一级; absent when it wrote none (as when it takes a heading's). */
  level1Span?: Span;
  /** `heading`: level1 and level1Raw are the section heading's (see ParsedCell.sections);
   * `inferred`: level1 is the 一级 of the 二级 the item writes alone, level1Raw is absent. */
  level1Source: Level1Source;
  level2?: Level2;
  level2Raw?: string;
  level2Source: Level2Source;
  /** 三级指标名称, trimmed. */
  name: string;
  nameSpan: Span;
  label?: ValueLabel;
  labelSpan?: Span;
  value: ParsedValue;
  /** The item's whole text, and its span in the cell (terminator included). */
  raw: string;
  span: Span;
  /** The terminator that ended the item (`。`, `；`, `;`, a line break), absent at the end of the cell. */
  terminator?: string;
  /** The direction the author wrote (a `指标方向` column, or `正向`/`反向` in the `指标性质` column of
   * the one-indicator-per-row layout); absent when none is written, the name then decides. */
  direction?: Direction;
}

/** 正向: more is better (`≥`); 反向: less is better (`≤`). */
export type Direction = "正向" | "反向";

export interface ParsedCell {
  /** The cell text exactly as read. */
  text: string;
  /** The indicators, section headings aside. */
  items: IndicatorItem[];
  /** Text before the first item or section heading that belongs to neither (rare: a title such
   * as `绩效指标：`), with its span. */
  leading?: { text: string; span: Span };
  /** The section headings of a cell written in sections, in order; absent when it has none. */
  sections?: CellSection[];
}

/**
 * A section heading: a line of its own, or one run on to its first item, that is only a 一级
 * (`一、产出指标`, `（一）产出指标：`, `产出指标`, `1、产出指标：`), maybe with its 二级
 * (`一、产出指标（数量指标）`, `产出指标-数量指标`), over items numbered another way (`1、培训人数…`,
 * `（1）培训人数…`) or unnumbered items with a value. It is no item: the items under it (up to the
 * next heading, or to an item numbered like it that writes its own 一级: that one is in no section)
 * that write no 一级 and read as indicators take its own (level1Source `heading`), and its 二级
 * when they write none, and their numbers count from 1 again (or carry on from the items before
 * the heading).
 */
export interface CellSection {
  /** 1-based position among the cell's sections. */
  index: number;
  number?: number;
  numberRaw?: string;
  numberingStyle: NumberingStyle;
  /** The 一级 as written in the heading, canonical, and where it stands. */
  level1Raw: string;
  level1: Level1;
  level1Span: Span;
  /** The 二级 the heading writes beside its 一级 (`产出指标（数量指标）`), canonical, and where it
   * stands; absent when it writes none. Always a known 二级. */
  level2Raw?: string;
  level2?: Level2;
  level2Span?: Span;
  /** The heading's whole text and its span (terminator included, and a line saying there is
   * nothing under it, `四、成本指标\n无`). */
  raw: string;
  span: Span;
  /** The items under the heading: indexes firstItem … firstItem + itemCount − 1; none only when
   * the heading holds a line saying there is nothing under it (`四、成本指标\n无`). */
  firstItem: number;
  itemCount: number;
  /** The sub-headings under the heading, in order; absent when it has none. */
  subsections?: CellSubsection[];
  /** The heading writes a 二级 alone (`数量指标：`): its 一级 is the one that 二级 belongs to, not
   * written (level1Raw is that canonical word, level1Span and level2Span the 二级's); the items
   * under it take both, and level1_missing reports the 一级 left out. Absent otherwise. */
  level1Inferred?: true;
}

/**
 * A sub-heading inside a section: a line that is only a 二级 (`（一）数量指标`, `数量指标：`) over
 * items numbered another way. The items under it (up to the next sub-heading or heading) that
 * take the section's 一级 and write no 二级 take its 二级 (level2Source `written`: the author wrote
 * it), and their numbers count from 1 again.
 */
export interface CellSubsection {
  /** 1-based position among its section's sub-headings. */
  index: number;
  number?: number;
  numberRaw?: string;
  numberingStyle: NumberingStyle;
  /** The 二级 as written, canonical, and where it stands. */
  level2Raw: string;
  level2: Level2;
  level2Span: Span;
  /** The sub-heading's whole text and its span (terminator included). */
  raw: string;
  span: Span;
  /** The items under it: indexes firstItem … firstItem + itemCount − 1 (at least one). */
  firstItem: number;
  itemCount: number;
}

// ---------------------------------------------------------------------------------------
// Tables

/** One cell value as a host hands it to the core: hosts turn rich text into plain text,
 * error values into their text (`#N/A`), formulas into their results, dates into Date. */
export type CellValue = string | number | boolean | Date | null;

/** A rectangular block of a sheet. `values[r][c]` is the cell at
 * (originRowIndex + r, originColumnIndex + c) of the sheet. */
export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  originRowIndex?: number;
  originColumnIndex?: number;
  /** Sheet rows that only continue merged blocks from the rows above (a project drawn as a
   * tall merged row): the reader left them empty so they are not read twice. They are no blank
   * rows: not reported, never deleted. */
  mergedRowIndexes?: readonly number[];
  /** Cells the reader filled with a merged block's value from above, by sheet row → sheet
   * columns (a 主管部门 merged down over its department's rows): the row's own words are the
   * others (`小计`, a line of dashes under a merged 主管部门 is still a total or a separator). */
  mergeCopies?: ReadonlyMap<number, readonly number[]>;
}

/** What a column means. */
export type ColumnRole =
  | "department" // 主管部门
  | "unit" // 预算单位 / 单位名称
  | "project" // 项目名称 / 项目
  | "goal" // 绩效目标 / 年度绩效目标 (prose, never parsed as indicators)
  | "indicators" // 绩效指标 / 年度绩效指标 / 绩效指标（年度指标值）
  | "serial" // 序号
  | "amount" // 项目金额（万元）
  | "remark" // 备注
  // the one-indicator-per-row layout
  | "level1" // 一级指标
  | "level2" // 二级指标
  | "level3" // 三级指标 / 指标名称
  | "value" // 指标值 / 年度指标值
  | "operator" // 指标性质 / 计算符号 / 运算符号
  | "measureUnit" // 度量单位 / 计量单位
  | "direction"; // 指标方向: 正向 / 反向

/** `cell`: one project per row, indicators in one free-text cell. `itemPerRow`: one indicator
 * per row with 一级/二级/三级/指标值 columns. */
export type TableLayout = "cell" | "itemPerRow";

export type SkipReason = "title" | "blank" | "dashes" | "junk" | "repeatedHeader" | "note";

export interface SkippedRow {
  rowIndex: number;
  reason: SkipReason;
}

/** Column roles to 0-based sheet column indexes. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface DetectedTable {
  layout: TableLayout;
  /** 0-based sheet row index of the header row. */
  headerRowIndex: number;
  columns: ColumnMap;
  /** 0-based sheet row indexes of the data rows, in order. */
  dataRowIndexes: number[];
  /** Rows inside the table (below the header) or above it that were not data, with why. */
  skipped: SkippedRow[];
  /** 0-based sheet row index where another table's header starts below this one (a sheet
   * holding two tables with different columns, `一、本级项目` then `二、转移支付项目`): the table
   * ends above it, and checkSheetTables checks the next one from there. */
  nextTableRowIndex?: number;
  /** A project form's fields above the header (`项目名称 | X`, `主管部门 | Y`) for the roles the
   * table has no column for: one project per sheet, its indicators in the table below. */
  formFields?: FormFields;
  /** Category columns: the indicators stand in several columns, each headed by a 一级 or 二级
   * (`产出指标 | 效益指标 | 满意度指标`, `数量指标 | 质量指标 | 时效指标 | …`, maybe under a group
   * `绩效指标`), in sheet order; `columns.indicators` is the first of them. Absent for one
   * indicator column. */
  indicatorColumns?: IndicatorColumn[];
}

/** An indicator column headed by a category: the items of its cells that write no 一级 (二级)
 * take the header's. */
export interface IndicatorColumn {
  /** 0-based sheet column index. */
  columnIndex: number;
  /** The header as written (trimmed). */
  header: string;
  level1: Level1;
  /** The header's 二级, when it names one (`数量指标`: 产出指标's). */
  level2?: Level2;
}

/** Where a form field's value stands (0-based sheet indexes) and its text. */
export interface FormField {
  rowIndex: number;
  columnIndex: number;
  text: string;
}

export type FormFields = Partial<Record<"department" | "unit" | "project", FormField>>;

/** A user's override of the detection: any of these replaces what was detected. */
export interface TableOverride {
  headerRowNumber?: number;
  columns?: ColumnMap;
}

// ---------------------------------------------------------------------------------------
// Issues and reports

/** Stable snake_case rule codes: a public contract (reports, summary sheets). Never rename. */
export type RuleCode =
  | "indicator_cell_empty"
  | "category_unknown"
  | "value_missing"
  | "placeholder_left"
  | "number_garbled"
  | "percent_over_100"
  | "numbering_irregular"
  | "indicator_name_missing"
  | "value_label_missing"
  | "level1_missing"
  | "output_or_effect_missing"
  | "too_few_indicators"
  | "rate_ge_100"
  | "percent_on_count"
  | "qualitative_on_quantity"
  | "satisfaction_not_percent"
  | "cost_value_invalid"
  | "positive_target_zero"
  | "negative_direction_ge"
  | "duplicate_indicator"
  | "duplicate_project"
  | "project_name_missing"
  | "unit_missing"
  | "timeliness_value_invalid"
  | "category_normalized"
  | "value_normalized"
  | "satisfaction_threshold"
  | "vague_value"
  | "satisfaction_or_cost_missing"
  | "name_variant"
  | "row_skipped";

/** Parameters a message needs; every value is a string or number so catalogs stay simple. */
export type IssueParams = Record<string, string | number>;

/** A proposed replacement of a span of the raw cell text. */
export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  /** Short description of the fix, already localised. */
  description: string;
  /** Edits to the raw cell text, non-overlapping, in any order. */
  edits: TextEdit[];
  /** Whether the fix is safe to apply without the user looking (auto-fix). */
  auto: boolean;
}

export interface Issue {
  code: RuleCode;
  severity: Severity;
  params: IssueParams;
  /** Localised message, filled in by the report builder from the catalog. */
  message: string;
  sheet: string;
  /** A1 address of the cell the issue is about (the indicator cell for item issues). */
  cell: string;
  rowNumber: number;
  /** 1-based item position in the cell, when the issue is about one item. */
  item?: number;
  span?: Span;
  fix?: Fix;
}

/** One row of the normalized indicator table (DOMAIN.md §5). */
export interface NormalizedIndicator {
  /** The sheet the row is on: 行号 alone does not say which sheet of a workbook it means. */
  sheet: string;
  rowNumber: number;
  department: string;
  unit: string;
  project: string;
  itemNumber: number | null;
  level1: string;
  level2: string;
  level2Source: "填写" | "推断" | "";
  name: string;
  operator: string;
  number: number | null;
  upper: number | null;
  valueUnit: string;
  qualitative: string;
  direction: "正向" | "反向" | "";
  raw: string;
  problems: string;
}

export interface SheetReport {
  name: string;
  layout: TableLayout;
  /** 1-based. */
  headerRow: number;
  dataRows: number;
  indicators: number;
  /** Column roles to column letters. */
  columns: Partial<Record<ColumnRole, string>>;
  /** Category columns (DetectedTable.indicatorColumns): every indicator column's letter and
   * header, in sheet order. */
  indicatorColumns?: { column: string; header: string }[];
  skippedRows: { row: number; reason: SkipReason }[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface Report {
  version: 1;
  file?: string;
  sheets: SheetReport[];
  issues: Issue[];
  counts: Counts;
  normalized: NormalizedIndicator[];
}

// ---------------------------------------------------------------------------------------
// Settings

export type Lang = "zh" | "en";

export type RuleSetting = Severity | "off";

export interface CheckOptions {
  /** `2021` makes the missing 成本/满意度 rule a warning. */
  profile?: "default" | "2021";
  /** Per-rule override: a new severity, or `off`. */
  rules?: Partial<Record<RuleCode, RuleSetting>>;
  lang?: Lang;
  table?: TableOverride;
}
