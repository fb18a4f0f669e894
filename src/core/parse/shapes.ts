import type { IndicatorItem, NumberingStyle, ParsedValue, Span, ValueKind } from "../model";

/**
 * Constructors of the parser's output objects. Every item and every value is built here with
 * all of its fields in one fixed order (absent fields hold `undefined`), so all items share one
 * hidden class and all values another: the rules read the same fields of every item, and a
 * property access that sees one shape is a single load instead of a megamorphic lookup.
 * Reading code cannot tell the difference: an absent optional field reads `undefined` either
 * way, and JSON leaves both out.
 */

export function newValue(kind: ValueKind, raw: string, span: Span): ParsedValue {
  return {
    kind,
    raw,
    span,
    operator: undefined,
    operatorSource: undefined,
    operatorRaw: undefined,
    number: undefined,
    numberRaw: undefined,
    upper: undefined,
    unit: undefined,
    unitInName: undefined,
    text: undefined,
    placeholder: undefined,
    garbled: undefined,
    vague: undefined,
    remark: undefined,
  };
}

export function newItem(index: number, numberingStyle: NumberingStyle, name: string, nameSpan: Span, value: ParsedValue, raw: string, span: Span): IndicatorItem {
  return {
    index,
    number: undefined,
    numberRaw: undefined,
    numberingStyle,
    level1Raw: undefined,
    level1: undefined,
    level1Span: undefined,
    level1Source: "none",
    level2: undefined,
    level2Raw: undefined,
    level2Source: "none",
    name,
    nameSpan,
    label: undefined,
    labelSpan: undefined,
    value,
    raw,
    span,
    terminator: undefined,
    direction: undefined,
  };
}

/** Whether two values are equal in every field but their span (values of equal text read alike
 * wherever they stand). A field added to ParsedValue (and newValue) must be added here. */
export function sameValueFields(a: ParsedValue, b: ParsedValue): boolean {
  return (
    a.kind === b.kind &&
    a.raw === b.raw &&
    a.operator === b.operator &&
    a.operatorSource === b.operatorSource &&
    a.operatorRaw === b.operatorRaw &&
    Object.is(a.number, b.number) &&
    a.numberRaw === b.numberRaw &&
    Object.is(a.upper, b.upper) &&
    a.unit === b.unit &&
    a.unitInName === b.unitInName &&
    a.text === b.text &&
    a.placeholder === b.placeholder &&
    a.garbled === b.garbled &&
    a.vague === b.vague &&
    a.remark === b.remark
  );
}
