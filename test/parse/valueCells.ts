import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { allItemCodes } from "../rules/harness";

/** One labelled item (`1、产出指标：名称，年度指标值：值。`) and what the tests of value readings ask of it. */
export const cell = (level1: string, name: string, value: string) => `1、${level1}：${name}，年度指标值：${value}。`;

/** The first item's value: kind, operator, number, unit. */
export const read = (text: string) => {
  const v = (parseIndicatorCell(text).items[0] as { value: { kind: string; operator?: string; number?: number; unit?: string } }).value;
  return [v.kind, v.operator, v.number, v.unit];
};

/** Every item-level code the rules raise on the cell. */
export const codes = (text: string) => allItemCodes(text).map(([, code]) => code);

export const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));
