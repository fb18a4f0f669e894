import type { ParsedValue } from "../model";
import { foldWidth } from "../parse/normalizeText";
import { readValue } from "../parse/parseValue";
import { PREFIX_GLYPHS, PREFIX_WORDS, SUFFIX_WORDS } from "../parse/valueWords";
import { canonicalValueText } from "./canonicalCellText";

/**
 * The one-indicator-per-row layout with the operator or the unit in a column of its own
 * (`计算符号 | 指标值 | 计量单位`): the value is read joined (`大于等于` + `90` + `%` → `≥90%`), but
 * the canonical form is written column by column, each cell in its own place — the operator cell
 * gets the glyph (`大于等于`, `>=`, `＞＝`, `≧` → `≥`), the value cell its own canonical value
 * (`９０` → `90`, `90%以上` → `≥90%`), the unit cell its width-normalised unit (`％` → `%`). A cell
 * that says something else (`定性`, `正向`, a qualitative value, a garbled number) is left as it is.
 */

/** One cell of a value spread over columns: where it is and its text as read. */
export interface ColumnCell {
  address: string;
  text: string;
}

/** The cells an item's value is read from, when the table gives the operator or the unit a
 * column of its own; `operator`/`unit` absent when the table has no such column. */
export interface ValueColumns {
  value: ColumnCell;
  operator?: ColumnCell;
  unit?: ColumnCell;
}

export type ValueColumn = keyof ValueColumns;

/** A cell's canonical text: `after` replaces the cell's trimmed text, which is `span` of it. */
export interface ColumnEdit {
  column: ValueColumn;
  address: string;
  /** The cell's text as read, whole. */
  before: string;
  /** The canonical text, trimmed. */
  after: string;
  /** Where the trimmed text stands in `before`. */
  span: { start: number; end: number };
}

/** Operator cells' words and their glyphs; `以上`/`以下`/`以内` too (`以上 | 80 | %` is `≥80%`). */
const OPERATORS: ReadonlyMap<string, string> = new Map([...PREFIX_GLYPHS, ...PREFIX_WORDS, ...SUFFIX_WORDS].map((w) => [w.text, w.operator]));

/** The edits that write `joined` (the item's value as read from `columns`) canonically, column by
 * column, in column order operator, value, unit; none when every cell is canonical already. */
export function valueColumnEdits(joined: ParsedValue, columns: ValueColumns): ColumnEdit[] {
  const edits: ColumnEdit[] = [];
  if (columns.operator) {
    const trimmed = columns.operator.text.trim();
    const glyph = OPERATORS.get(foldWidth(trimmed));
    if (glyph !== undefined && glyph !== trimmed) edits.push(edit("operator", columns.operator, glyph));
  }
  const valueText = columns.value.text.trim();
  const own = readValue(valueText, foldWidth(valueText), 0, valueText.length);
  const canonical = canonicalValueText(own);
  if (canonical !== "" && canonical !== valueText) edits.push(edit("value", columns.value, canonical));
  if (columns.unit && own.unit === undefined && (joined.kind === "quantitative" || joined.kind === "range") && joined.garbled === undefined) {
    const trimmed = columns.unit.text.trim();
    // Only a unit the joined value read whole, as the column wrote it but for width.
    if (trimmed !== "" && joined.unit !== undefined && joined.unit !== trimmed && joined.unit === foldWidth(trimmed)) {
      edits.push(edit("unit", columns.unit, joined.unit));
    }
  }
  return edits;
}

function edit(column: ValueColumn, cell: ColumnCell, after: string): ColumnEdit {
  const start = cell.text.length - cell.text.trimStart().length;
  const end = start + cell.text.trim().length;
  return { column, address: cell.address, before: cell.text, after, span: { start, end } };
}
