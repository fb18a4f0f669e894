import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, RuleCode } from "../src/core/model";
import {
  BAD_LEVEL1,
  GOAL_ENDS,
  GOAL_MEANS,
  ORGANS,
  PLACES,
  PROJECT_KINDS,
  PROJECT_TOPICS,
  SUB_UNITS,
  TEMPLATES,
  TOWNS,
  VAGUE,
  type IndicatorTemplate,
} from "./catalog";
import { createRng, type Rng } from "./prng";

/**
 * Deterministic, realistic 项目支出绩效目标表 workbooks for the benchmark: the seed's layout
 * (title row, blank rows, header on row 5) or a wider one with extra columns; department
 * blocks with blank or dashed separators; families of projects repeated across towns with the
 * same indicator text (as in the seed); indicator cells of 3–8 items in every written form of
 * DOMAIN.md §2; and a realistic share of the defects of §3, each planted one recorded.
 *
 * Bump GENERATOR_VERSION whenever the output changes, so cached files are rebuilt.
 */
export const GENERATOR_VERSION = 1;

export type Layout = "seed" | "extended";

export interface GenerateOptions {
  rows: number;
  seed?: number;
  layout?: Layout;
}

/** One data row as generated, before it is laid out in columns. */
export interface GeneratedRow {
  kind: "data";
  department: string;
  unit: string;
  project: string;
  goal: string;
  indicators: string;
  amount: number;
  remark: string;
  /** Items written in the indicator cell. */
  itemCount: number;
  /** Codes of the defects planted in this row (a row may have several, or none). */
  planted: RuleCode[];
}

export type GeneratedLine = GeneratedRow | { kind: "blank" } | { kind: "dashes" } | { kind: "note"; text: string };

const DEFAULT_SEED = 20250101;

/** Every line below the header, `rows` data rows in all, in sheet order. */
export function* generateLines(options: GenerateOptions): Generator<GeneratedLine> {
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  let emitted = 0;
  let previous: GeneratedRow | undefined;
  while (emitted < options.rows) {
    // A department's block, like the seed's 35 rows of 花都区委组织部.
    const place = rng.pick(PLACES);
    const department = rng.pick(ORGANS).replace("{p}", place);
    const units = [department, ...Array.from({ length: rng.int(0, 4) }, () => rng.pick(SUB_UNITS).replace("{p}", place))];
    const blockSize = Math.min(options.rows - emitted, rng.int(5, 60));
    for (let i = 0; i < blockSize; i++) {
      const row = nextRow(rng, department, units, previous);
      previous = row;
      emitted++;
      yield row;
    }
    if (emitted < options.rows) {
      const separator = rng.weighted<"none" | "blank" | "dashes">([
        ["none", 76],
        ["blank", 20],
        ["dashes", 4],
      ]);
      if (separator !== "none") yield { kind: separator };
    }
  }
  yield { kind: "note", text: "注：项目金额单位为万元；绩效指标按“序号、一级指标：三级指标，年度指标值：指标值。”填写。" };
}

/** Only the data rows (the engine probe needs texts, not a sheet). */
export function generateRows(options: GenerateOptions): GeneratedRow[] {
  const rows: GeneratedRow[] = [];
  for (const line of generateLines(options)) if (line.kind === "data") rows.push(line);
  return rows;
}

// ---------------------------------------------------------------------------------------
// Rows

function nextRow(rng: Rng, department: string, units: readonly string[], previous: GeneratedRow | undefined): GeneratedRow {
  // The seed repeats whole rows (same project twice) and whole families (one project per town,
  // same indicators): both are what real review batches look like.
  if (previous && previous.department === department && rng.chance(0.012)) {
    return { ...previous, planted: [...previous.planted.filter((c) => c !== "duplicate_project"), "duplicate_project"] };
  }
  if (previous && previous.department === department && rng.chance(0.3)) {
    const town = rng.pick(TOWNS);
    const base = previous.project.replace(/（[^）]*）$/, "");
    return { ...previous, project: `${base}（${town}）`, amount: roundAmount(rng), planted: previous.planted.filter((c) => c !== "duplicate_project" && c !== "project_name_missing") };
  }
  const planted: RuleCode[] = [];
  let unit = rng.pick(units);
  let dept = department;
  // Variant spellings of one name (DOMAIN.md §3 name_variant): short forms, no city prefix.
  if (rng.chance(0.02)) {
    dept = shortForm(dept);
    planted.push("name_variant");
  }
  if (rng.chance(0.02)) unit = shortForm(unit);
  let project = `${rng.chance(0.2) ? "2025年" : ""}${rng.pick(PROJECT_TOPICS)}${rng.pick(PROJECT_KINDS)}${rng.chance(0.4) ? `（${rng.pick(TOWNS)}）` : ""}`;
  if (rng.chance(0.005)) {
    project = "";
    planted.push("project_name_missing");
  }
  const cell = indicatorCell(rng);
  planted.push(...cell.planted);
  return {
    kind: "data",
    department: dept,
    unit,
    project,
    goal: goalProse(rng),
    indicators: cell.text,
    amount: roundAmount(rng),
    remark: rng.chance(0.1) ? rng.pick(["续建项目", "新增项目", "据实结算", "上级转移支付"]) : "",
    itemCount: cell.itemCount,
    planted,
  };
}

function shortForm(name: string): string {
  const short = name.replace("委员会", "委").replace("人民政府", "政府");
  // `广州市花都区…` → `花都区…`: the city prefix dropped.
  return short !== name ? short : name.replace(/^[^市]{2,3}市(?=.{2,4}区)/, "");
}

function roundAmount(rng: Rng): number {
  return Math.round(rng.next() * rng.pick([10, 100, 1000]) * 100) / 100;
}

function goalProse(rng: Rng): string {
  const sentences = Array.from({ length: rng.int(1, 3) }, () => `通过${rng.pick(GOAL_MEANS)}，${rng.pick(GOAL_ENDS)}，${rng.pick(GOAL_ENDS)}。`);
  // The goal column may itself be a numbered list: prose, never parsed as indicators.
  return rng.chance(0.15) ? sentences.map((s, i) => `${i + 1}、${s}`).join("") : sentences.join("");
}

// ---------------------------------------------------------------------------------------
// Indicator cells

type Numbering = "dun" | "dot" | "fullDot" | "fullParen" | "paren" | "none";

interface CellStyle {
  numbering: Numbering;
  colon: string;
  comma: string;
  terminator: string;
  level2Form: "none" | "dash" | "paren";
}

interface PlannedItem {
  template: IndicatorTemplate;
  level1Text: string | undefined;
  label: string | undefined;
  value: string;
  planted: RuleCode[];
}

const NUMBERING: readonly (readonly [Numbering, number])[] = [
  ["dun", 72],
  ["dot", 9],
  ["fullDot", 5],
  ["fullParen", 7],
  ["paren", 5],
  ["none", 2],
];

function indicatorCell(rng: Rng): { text: string; itemCount: number; planted: RuleCode[] } {
  if (rng.chance(0.005)) return { text: "", itemCount: 0, planted: ["indicator_cell_empty"] };
  const planted: RuleCode[] = [];
  const style: CellStyle = {
    numbering: rng.weighted(NUMBERING),
    colon: rng.chance(0.92) ? "：" : ":",
    comma: rng.chance(0.9) ? "，" : ",",
    terminator: rng.weighted([
      ["。", 80],
      ["；", 10],
      [";", 3],
      ["\n", 7],
    ]),
    level2Form: rng.weighted([
      ["none", 65],
      ["dash", 15],
      ["paren", 20],
    ]),
  };
  let count = rng.weighted([
    [3, 20],
    [4, 30],
    [5, 25],
    [6, 12],
    [7, 8],
    [8, 5],
  ]);
  if (rng.chance(0.025)) {
    count = rng.int(1, 2);
    planted.push("too_few_indicators");
  }
  const items = planItems(rng, count);
  if (!items.some((i) => i.template.level1 === "效益指标") && count >= 3) planted.push("output_or_effect_missing");
  if (rng.chance(0.04) && count >= 2) {
    // Seed row 1: one item (usually the last) without `年度指标值：`.
    const victim = items[rng.chance(0.7) ? items.length - 1 : rng.int(0, items.length - 1)]!;
    victim.label = undefined;
    victim.planted.push("value_label_missing");
  }
  if (rng.chance(0.01) && count >= 3) {
    const copy = items[rng.int(0, items.length - 1)]!;
    items.push({ ...copy, planted: ["duplicate_indicator"] });
  }
  const numbers = itemNumbers(rng, items.length);
  if (numbers.irregular) planted.push("numbering_irregular");
  // A cell cut off mid-item (Excel's 32,767 limit, a bad paste): the last value is gone.
  const cutOff = rng.chance(0.006);

  let text = "";
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    const numbering = numbers.mixedAt === i ? (style.numbering === "dun" ? "dot" : "dun") : style.numbering;
    const level2 =
      item.level1Text === undefined || style.level2Form === "none" || item.template.level1 === "满意度指标" && rng.chance(0.5)
        ? ""
        : style.level2Form === "dash"
          ? `-${item.template.level2}`
          : `（${item.template.level2}）`;
    const head = item.level1Text !== undefined ? `${item.level1Text}${level2}${style.colon}` : "";
    const label = item.label !== undefined ? `${item.label}${style.colon}` : "";
    if (last && cutOff) {
      text += `${numberText(numbering, numbers.values[i]!)}${head}${item.template.name}${style.comma}`;
      planted.push("value_missing");
      return;
    }
    const end = last && rng.chance(0.15) ? "" : style.terminator;
    text += `${numberText(numbering, numbers.values[i]!)}${head}${item.template.name}${style.comma}${label}${item.value}${end}`;
    planted.push(...item.planted);
  });
  return { text, itemCount: items.length, planted };
}

function planItems(rng: Rng, count: number): PlannedItem[] {
  const items: PlannedItem[] = [];
  const used = new Set<string>();
  // Most cells lead with 产出, then 效益, sometimes 满意度 and 成本 (the 2021 guidance).
  const plan: IndicatorTemplate["level1"][] = [];
  const outputs = Math.max(1, Math.floor(count / 2));
  for (let i = 0; i < count; i++) {
    plan.push(
      i < outputs
        ? "产出指标"
        : i === outputs
          ? "效益指标"
          : rng.weighted<IndicatorTemplate["level1"]>([
            ["效益指标", 60],
            ["满意度指标", 25],
            ["成本指标", 8],
            ["产出指标", 7],
          ]),
    );
  }
  if (rng.chance(0.03)) plan.fill("产出指标");
  if (rng.chance(0.12)) plan.reverse(); // the seed's 两新 rows start with 效益
  for (const level1 of plan) {
    const candidates = TEMPLATES.filter((tpl) => tpl.level1 === level1 && !used.has(tpl.name));
    const template = rng.pick(candidates.length > 0 ? candidates : TEMPLATES);
    used.add(template.name);
    items.push(planItem(rng, template));
  }
  return items;
}

function planItem(rng: Rng, template: IndicatorTemplate): PlannedItem {
  const planted: RuleCode[] = [];
  let level1Text: string | undefined = template.level1 === "效益指标" && rng.chance(0.08) ? "效果指标" : template.level1;
  if (rng.chance(0.008)) {
    level1Text = rng.chance(0.7) ? rng.pick(BAD_LEVEL1) : undefined;
    planted.push("category_unknown");
  }
  const label = rng.weighted([
    ["年度指标值", 82],
    ["指标值", 9],
    ["年度目标值", 9],
  ]);
  const value = rng.chance(0.05) ? defectiveValue(rng, template, planted) : goodValue(rng, template, planted);
  return { template, level1Text, label, value, planted };
}

// ---------------------------------------------------------------------------------------
// Values

const FULL_DIGITS = "０１２３４５６７８９";

/** `95` → `９５` (full-width digits, read by the parser, normalised by the cleaner). */
function fullWidth(n: string): string {
  return n.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]!);
}

function numberText(style: Numbering, n: number): string {
  switch (style) {
    case "dun":
      return `${n}、`;
    case "dot":
      return `${n}.`;
    case "fullDot":
      return `${n}．`;
    case "fullParen":
      return `（${n}）`;
    case "paren":
      return `(${n})`;
    case "none":
      return "";
  }
}

/** 1, 2, 3 … or, now and then, a gap, a duplicate, a start at 2 or one item in another style. */
function itemNumbers(rng: Rng, count: number): { values: number[]; irregular: boolean; mixedAt?: number } {
  const values = Array.from({ length: count }, (_, i) => i + 1);
  if (count < 3 || !rng.chance(0.03)) return { values, irregular: false };
  const at = rng.int(1, count - 1);
  const kind = rng.pick(["gap", "duplicate", "start", "mixed"] as const);
  if (kind === "gap") for (let i = at; i < count; i++) values[i] = values[i]! + 1;
  if (kind === "duplicate") for (let i = at; i < count; i++) values[i] = values[i]! - 1;
  if (kind === "start") for (let i = 0; i < count; i++) values[i] = values[i]! + 1;
  return { values, irregular: true, ...(kind === "mixed" ? { mixedAt: at } : {}) };
}

function percent(rng: Rng, n: number): string {
  let digits = String(n);
  if (rng.chance(0.03)) digits = fullWidth(digits);
  return `${digits}${rng.chance(0.04) ? "％" : "%"}`;
}

/** A positive bound written any of the ways §2 lists; word and ASCII forms are normalised (info). */
function atLeast(rng: Rng, amount: string, planted: RuleCode[]): string {
  const form = rng.weighted([
    ["≥", 52],
    ["", 14],
    ["不低于", 7],
    ["以上", 6],
    ["达到", 4],
    [">=", 5],
    ["＞＝", 2],
    ["≧", 2],
    ["≥ ", 3],
    ["不少于", 5],
  ]);
  if (form === "" || form === "≥") return `${form}${amount}`;
  planted.push("value_normalized");
  if (form === "以上") return `${amount}以上`;
  return `${form}${amount}`;
}

function atMost(rng: Rng, amount: string, planted: RuleCode[]): string {
  const form = rng.weighted([
    ["≤", 60],
    ["不高于", 8],
    ["不超过", 10],
    ["以内", 6],
    ["以下", 4],
    ["<=", 6],
    ["≦", 3],
    ["", 3],
  ]);
  if (form === "" || form === "≤") return `${form}${amount}`;
  planted.push("value_normalized");
  if (form === "以内" || form === "以下") return `${amount}${form}`;
  return `${form}${amount}`;
}

function goodValue(rng: Rng, template: IndicatorTemplate, planted: RuleCode[]): string {
  switch (template.kind) {
    case "rate": {
      if (rng.chance(0.06)) {
        const lo = rng.pick([80, 85, 90]);
        return `${lo}%${rng.pick(["-", "~", "至"])}${lo + rng.pick([5, 10])}%`;
      }
      const n = rng.pick([80, 85, 90, 90, 95, 95, 98, 100]);
      // 100% is written bare or with `=` (a `≥100%` is the rate_ge_100 defect, planted separately).
      if (n === 100) return rng.chance(0.8) ? "100%" : "=100%";
      return atLeast(rng, percent(rng, n), planted);
    }
    case "negativeRate":
      return atMost(rng, percent(rng, rng.pick([1, 2, 3, 5])), planted);
    case "satisfaction": {
      const n = rng.pick([85, 90, 90, 95, 80]);
      if (n === 80) planted.push("satisfaction_threshold");
      return atLeast(rng, percent(rng, n), planted);
    }
    case "count": {
      const n = rng.pick([1, 2, 3, 5, 8, 12, 20, 35, 50, 120, 257, 600, 1200, 3000, 15000]);
      let digits = n >= 1000 && rng.chance(0.3) ? n.toLocaleString("en-US") : String(n);
      if (rng.chance(0.03)) digits = fullWidth(digits);
      const unit = template.unit ?? "个";
      if (rng.chance(0.05)) return `${n}-${n + rng.int(1, 10)}${unit}`;
      return atLeast(rng, `${digits}${unit}`, planted);
    }
    case "amount": {
      const unit = template.unit ?? "万元";
      const n = unit === "万元" ? rng.pick([5, 12.5, 30, 80, 120, 350]) : rng.pick([200, 500, 800, 1500, 3000]);
      return atMost(rng, `${n}${unit}`, planted);
    }
    case "time":
      return rng.pick(["2025年12月31日前", "12月底前", "每年12月底前", "≤30天", "2023.07-2024.01", "2025年6月30日前", "11月底前", "≤3个月", "≤15天"]);
    case "qualitative": {
      if (rng.chance(0.12)) {
        planted.push("vague_value");
        return rng.pick(VAGUE);
      }
      return rng.pick(template.qualitative ?? ["合格"]);
    }
  }
}

/** One of the §3 defects that fits this kind of value; the planted code is recorded. */
function defectiveValue(rng: Rng, template: IndicatorTemplate, planted: RuleCode[]): string {
  const common: [() => string, number][] = [
    [
      () => {
        planted.push("placeholder_left");
        return rng.pick(["≥**%", "XX个", "≥xx人", "(≥**株)", "××%"]);
      },
      1,
    ],
  ];
  const byKind: Record<IndicatorTemplate["kind"], [() => string, number][]> = {
    rate: [
      [() => (planted.push("rate_ge_100"), "≥100%"), 6],
      [() => (planted.push("percent_over_100"), `≥${rng.pick([110, 120, 150])}%`), 2],
      [() => (planted.push("number_garbled"), rng.pick(["≥9O%", "90%%", "≥l00%", "9.5.%"])), 2],
      [() => (planted.push("qualitative_on_quantity"), rng.pick(["及时", "良好", "到位"])), 2],
    ],
    negativeRate: [[() => (planted.push("negative_direction_ge"), rng.pick(["≥100%", "≥95%", ">90%"])), 5]],
    satisfaction: [
      [() => (planted.push("satisfaction_not_percent"), rng.pick(["高", "满意", "较高", "群众满意"])), 5],
      [() => (planted.push("percent_over_100"), "≥120%"), 1],
    ],
    count: [
      [() => (planted.push("percent_on_count"), rng.pick(["≥100%", "100%", "≥95%"])), 5],
      [() => (planted.push("unit_missing"), String(rng.pick([12, 220, 35]))), 3],
      [() => (planted.push("positive_target_zero"), `≥0${template.unit ?? "个"}`), 2],
      [() => (planted.push("number_garbled"), `二100${template.unit ?? "个"}`), 1],
    ],
    amount: [[() => (planted.push("cost_value_invalid"), rng.pick(["合格", "节约", "控制在预算内"])), 5]],
    time: [[() => (planted.push("timeliness_value_invalid"), rng.pick(["良好", "优秀", "有效"])), 5]],
    qualitative: [[() => (planted.push("value_missing"), ""), 3]],
  };
  const choices = [...common, ...byKind[template.kind]];
  return rng.weighted(choices)();
}

// ---------------------------------------------------------------------------------------
// Sheet layout and files

export interface SheetShape {
  header: string[];
  /** 1-based row number of the header. */
  headerRowNumber: number;
  /** Rows above the header: the title (merged across) and blanks. */
  above: CellValue[][];
  toCells(row: GeneratedRow, serial: number): CellValue[];
  /** 0-based column of the indicator cell. */
  indicatorColumn: number;
}

export function sheetShape(layout: Layout): SheetShape {
  const title = "项目支出绩效目标表（含转移支付项目）";
  if (layout === "seed") {
    return {
      header: ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
      headerRowNumber: 5,
      above: [[], [], [title], []],
      toCells: (r) => [r.department, r.unit, r.project, r.goal, r.indicators],
      indicatorColumn: 4,
    };
  }
  return {
    header: ["序号", "主管部门", "单位名称", "项目名称", "项目金额（万元）", "年度绩效目标", "年度绩效指标", "备注"],
    headerRowNumber: 3,
    above: [[`2025年度${title}`], []],
    toCells: (r, serial) => [serial, r.department, r.unit, r.project, r.amount, r.goal, r.indicators, r.remark],
    indicatorColumn: 6,
  };
}

/** The whole sheet as a 2-D array of values (what a host hands the core). */
export function generateSheetValues(options: GenerateOptions): CellValue[][] {
  const shape = sheetShape(options.layout ?? "seed");
  const values: CellValue[][] = [...shape.above.map((r) => [...r]), [...shape.header]];
  let serial = 0;
  for (const line of generateLines(options)) values.push(lineCells(line, shape, () => ++serial));
  const width = shape.header.length;
  for (const row of values) for (let c = 0; c < width; c++) row[c] ??= null;
  return values;
}

function lineCells(line: GeneratedLine, shape: SheetShape, nextSerial: () => number): CellValue[] {
  switch (line.kind) {
    case "data":
      return shape.toCells(line, nextSerial());
    case "blank":
      return [];
    case "dashes":
      return ["-------------------"];
    case "note":
      return [line.text];
  }
}

/** Writes the workbook with exceljs's streaming writer and shared strings (as Excel does). */
export async function writeWorkbook(file: string, options: GenerateOptions): Promise<void> {
  const shape = sheetShape(options.layout ?? "seed");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  workbook.creator = "indicator-checker bench";
  const ws = workbook.addWorksheet("绩效目标表");
  const widths: Record<string, number> = { 主管部门: 28, 预算单位: 28, 单位名称: 28, 项目名称: 30, 绩效目标: 50, 年度绩效目标: 50, 绩效指标: 80, 年度绩效指标: 80 };
  ws.columns = shape.header.map((h) => ({ width: widths[h] ?? 10 }));
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
  for (const [i, cells] of shape.above.entries()) {
    const row = ws.addRow(cells);
    if (cells.length > 0) {
      row.font = { bold: true, size: 16 };
      ws.mergeCells(i + 1, 1, i + 1, shape.header.length);
    }
    row.commit();
  }
  const header = ws.addRow(shape.header);
  header.font = { bold: true };
  header.commit();
  let serial = 0;
  for (const line of generateLines(options)) {
    const row = ws.addRow(lineCells(line, shape, () => ++serial));
    if (line.kind === "data") row.getCell(shape.indicatorColumn + 1).alignment = wrap;
    row.commit();
  }
  ws.commit();
  await workbook.commit();
  fs.renameSync(partial, file);
}

export const CACHE_DIR = path.join(__dirname, ".cache");

/** The cached workbook for these options, written first when missing (or stale). */
export async function ensureWorkbook(options: GenerateOptions): Promise<string> {
  const layout = options.layout ?? "seed";
  const file = path.join(CACHE_DIR, `table-${options.rows}-${layout}-s${options.seed ?? DEFAULT_SEED}-v${GENERATOR_VERSION}.xlsx`);
  if (!fs.existsSync(file)) await writeWorkbook(file, options);
  return file;
}
