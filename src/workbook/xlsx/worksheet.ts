import type { CellValue } from "../../core/model";
import { parseRange, type MergeRange } from "../merges";
import { slideFormula } from "./sharedFormula";
import { EMPTY_SHARED_STRING, decodeEscapes, type SharedString } from "./sharedStrings";
import { shownNumberText } from "../../core/table/cellText";
import { excelToDate } from "./styles";
import { parseAttributes, readAttributes, type XmlAttribute, type XmlHandler } from "./xmlScanner";

/**
 * One worksheet part (`<worksheet><sheetData><row><c>…`) → its cell values, read as the exceljs
 * reader and cellValue.ts read them, so both readers give the same snapshot:
 *
 * | `<c t=…>` | value |
 * |---|---|
 * | `s` | the shared string (EMPTY_SHARED_STRING → empty) |
 * | `str` | the text, entities decoded once more (exceljs does), `_xHHHH_` decoded |
 * | `inlineStr` | `<is><t>`, or the runs of `<is><r>` joined, `_xHHHH_` decoded |
 * | `b` | `parseInt(v) !== 0` |
 * | `e` | the error text (`#N/A`) |
 * | `n`, none, anything else | `parseFloat(v)`; a Date when the style's number format is a date, its text (`95%`) when it is a percentage |
 * | with `<f>` | the cached result converted the same way (an error result as its text); with no cached result `=` + the formula (a shared formula's text derived from its master) |
 *
 * A cell with a hyperlink reads as exceljs's hyperlink text: the display value as a string.
 * Hyperlinks come after the cells in the part, so those cells are found in a second pass over
 * the part (`linkTexts`), only for sheets that have any.
 *
 * `_xHHHH_` escapes (ECMA-376 §22.4.2.4) are decoded in every string, as in shared strings:
 * exceljs leaves them in `str` and plain inline strings, where SheetJS and Open XML writers put
 * them (`100%_x000D_`), so here this reader is right and exceljs is not.
 *
 * Positions follow the `r` attributes; a row or cell without one follows the previous one
 * (the first row is row 1, the first cell of a row is column A), as the format specifies.
 */

export interface SheetContext {
  /** undefined when the workbook has no shared-strings part. */
  sharedStrings: readonly SharedString[] | undefined;
  dateStyles: readonly boolean[];
  /** The formats of styles showing numbers as text (a percentage, words around the number):
   * such a number reads as that text (shownNumberText). */
  textFormats: readonly (string | undefined)[];
  date1904: boolean;
}

export interface SheetHyperlink {
  ref: string;
  relationshipId: string;
}

export interface ParsedSheet {
  /** By 0-based row, then 0-based column; holes and missing rows are empty cells. */
  rows: CellValue[][];
  hiddenRowIndexes: number[];
  merges: MergeRange[];
  hyperlinks: SheetHyperlink[];
  hiddenColumns: { min: number; max: number }[];
  /** exceljs's `columnCount`: the widest row that holds a value, counting styled empty cells. */
  columnCount: number;
}

/** Thrown for a sheet exceljs could not read either; the reader reports it as corrupt. */
export class SheetDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetDataError";
  }
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const RUN = 3;

/** exceljs's second decoding of `t="str"` text: the five entities, once more. */
const XML_ENTITY = /&([a-z]*);/g;
function xmlDecode(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(XML_ENTITY, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** An error value (`t="e"`), kept apart from text until the hyperlink rule has seen it. */
class ErrorValue {
  constructor(readonly text: string) {}
}

type ModelValue = string | number | boolean | Date | ErrorValue | typeof EMPTY_SHARED_STRING | undefined;

export class WorksheetHandler implements XmlHandler {
  readonly rows: CellValue[][] = [];
  readonly hiddenRowIndexes: number[] = [];
  readonly merges: MergeRange[] = [];
  readonly hyperlinks: SheetHyperlink[] = [];
  readonly hiddenColumns: { min: number; max: number }[] = [];
  columnCount = 0;
  /** Second pass only: cell address (`r`) → its hyperlink text. */
  readonly linkTexts = new Map<string, { rowIndex: number; columnIndex: number; text: string }>();

  private depth = 0;
  private inSheetData = false;
  private skipDepth = 0;
  private capture = NONE;

  private rowIndex = -1;
  private row: CellValue[] | undefined;
  private rowCellCount = 0;
  private rowHasValues = false;

  private columnIndex = -1;
  private address: string | undefined;
  private styleId = 0;
  private cellType: string | undefined;
  private value: string | undefined;
  private formula: string | undefined;
  private shareType: string | undefined;
  private sharedIndex: string | undefined;
  private sharedRef: string | undefined;
  private runs: string[] | undefined;
  private runText: string | undefined;
  private buffer = "";
  /** Attribute values read by readAttributes, reused for every tag. */
  private readonly found: (string | undefined)[] = [undefined, undefined, undefined];

  /** Shared formulas of this sheet: `si` → its master's address; master address → text. */
  private readonly sharedFormulas = new Map<string, { address: string | undefined }>();
  private readonly formulaByAddress = new Map<string, string>();

  constructor(
    private readonly context: SheetContext,
    /** Second pass: the addresses whose hyperlink text is wanted. */
    private readonly wanted?: ReadonlySet<string>,
  ) {}

  get wantsText(): boolean {
    return this.capture !== NONE;
  }

  open(name: string, source: string, from: number, to: number): void {
    const depth = ++this.depth;
    if (this.skipDepth > 0) return;
    if (this.inSheetData) {
      if (depth === 3) {
        if (name === "row") this.openRow(source, from, to);
      } else if (depth === 4) {
        if (name === "c") this.openCell(source, from, to);
      } else if (depth === 5) {
        if (name === "v") this.startCapture(VALUE);
        else if (name === "f") this.openFormula(source, from, to);
        else if (name === "t") this.startCapture(VALUE);
        else if (name !== "is") this.skipDepth = depth;
      } else if (depth === 6) {
        // inside <is>: <t> text, <r> runs; <rPh> phonetic runs are skipped
        if (name === "t") this.startCapture(VALUE);
        else if (name === "r") this.runText = undefined;
        else this.skipDepth = depth;
      } else if (depth === 7) {
        if (name === "t") this.startCapture(RUN);
      }
      return;
    }
    if (depth === 2) {
      if (name === "sheetData") {
        this.inSheetData = true;
        this.rowIndex = -1;
      }
    } else if (depth === 3) {
      if (name === "mergeCell") this.addMerge(parseAttributes(source, from, to));
      else if (name === "hyperlink") this.addHyperlink(parseAttributes(source, from, to));
      else if (name === "col") this.addColumn(parseAttributes(source, from, to));
    }
  }

  close(name: string): void {
    const depth = this.depth--;
    if (this.skipDepth > 0) {
      if (depth === this.skipDepth) this.skipDepth = 0;
      return;
    }
    if (!this.inSheetData) return;
    switch (depth) {
      case 2:
        this.inSheetData = false;
        return;
      case 3:
        if (name === "row") this.closeRow();
        return;
      case 4:
        if (name === "c") this.closeCell();
        return;
      case 5:
      case 6:
        // Only text makes a value or a formula: `<v></v>` and `<f t="shared" si="0"/>` add none.
        if (this.capture === VALUE) {
          if (this.buffer.length > 0) this.value = this.value === undefined ? this.buffer : this.value + this.buffer;
        } else if (this.capture === FORMULA) {
          if (this.buffer.length > 0) this.formula = this.formula === undefined ? this.buffer : this.formula + this.buffer;
        } else if (depth === 6 && name === "r") (this.runs ??= []).push(this.runText ?? "");
        this.capture = NONE;
        return;
      case 7:
        if (this.capture === RUN) this.runText = decodeEscapes(this.buffer);
        this.capture = NONE;
        return;
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  /**
   * The common cell, `<c r="B7" s="3" t="s"><v>12</v></c>`, `<c r="B7" s="3"/>` or a number
   * without `t`, read straight from the text: no attribute strings, the index and style read
   * from their digits. Formulas, inline strings, other types, entities, the hyperlink pass
   * and anything malformed go tag by tag (openCell/closeCell), which also reports errors.
   */
  element(s: string, lt: number): number {
    if (this.depth !== 3 || !this.inSheetData || this.skipDepth > 0 || this.wanted !== undefined) return -1;
    if (s.charCodeAt(lt + 1) !== 0x63 /* c */ || s.charCodeAt(lt + 2) !== 0x20) return -1;
    let column = -1;
    let style = 0;
    let shared = false;
    let i = lt + 3;
    let c = s.charCodeAt(i);
    // Attributes: `name="value"` separated by spaces, values read in place.
    for (;;) {
      while (c === 0x20) c = s.charCodeAt(++i);
      if (c === 0x3e /* > */ || c === 0x2f /* / */) break;
      const nameFrom = i;
      while (isNameChar(c)) c = s.charCodeAt(++i);
      if (c !== 0x3d /* = */ || i === nameFrom || s.charCodeAt(i + 1) !== DQUOTE) return -1;
      const name = i - nameFrom === 1 ? s.charCodeAt(nameFrom) : 0;
      c = s.charCodeAt((i += 2));
      if (name === 0x72 /* r */) {
        // columnOfAddress: letters (and `$`) up to the first other character.
        let n = 0;
        let letters = true;
        for (; c !== DQUOTE; c = s.charCodeAt(++i)) {
          if (letters) {
            if (c >= 0x41 && c <= 0x5a) n = n * 26 + (c - 0x40);
            else if (c >= 0x61 && c <= 0x7a) n = n * 26 + (c - 0x60);
            else if (c !== 0x24 /* $ */) letters = false;
          }
          if (!letters && !isPlainChar(c)) return -1;
        }
        column = n > 0 ? n - 1 : -1;
      } else if (name === 0x73 /* s */) {
        const from = i;
        style = 0;
        for (; c >= 0x30 && c <= 0x39; c = s.charCodeAt(++i)) style = style * 10 + (c - 0x30);
        if (c !== DQUOTE || i === from || i - from > 15) return -1;
      } else if (name === 0x74 /* t */) {
        if ((c !== 0x73 /* s */ && c !== 0x6e) /* n */ || s.charCodeAt(i + 1) !== DQUOTE) return -1;
        shared = c === 0x73;
        c = s.charCodeAt(++i);
      } else {
        const to = s.indexOf('"', i);
        if (to < 0) return -1;
        for (; i < to; i++) if (!isPlainChar(s.charCodeAt(i))) return -1;
      }
      c = s.charCodeAt(++i);
    }

    let end: number;
    let valueFrom = 0;
    let valueTo = 0;
    if (c === 0x2f) {
      if (s.charCodeAt(i + 1) !== 0x3e) return -1;
      end = i + 2;
    } else if (s.startsWith("</c>", i + 1)) end = i + 5;
    else if (s.startsWith("<v>", i + 1)) {
      valueFrom = i + 4;
      valueTo = s.indexOf("<", valueFrom);
      if (valueTo < 0 || !s.startsWith("</v></c>", valueTo)) return -1;
      end = valueTo + 8;
    } else return -1;

    column = column >= 0 ? column : this.columnIndex + 1;
    if (valueTo === valueFrom) {
      // No value: a styled empty cell widens the row, a bare one is dropped.
      if (style) this.touch(column, false);
    } else if (shared) {
      const strings = this.context.sharedStrings;
      const index = digitsAt(s, valueFrom, valueTo);
      const text = index >= 0 && strings !== undefined ? strings[index] : undefined;
      // No such string, or no shared-strings part: closeCell decides (it throws or keeps the index).
      if (text === undefined) return -1;
      this.place(column, text);
    } else {
      let n = digitsAt(s, valueFrom, valueTo);
      if (n < 0) {
        if (!isPlainText(s, valueFrom, valueTo)) return -1;
        n = parseFloat(s.slice(valueFrom, valueTo));
      }
      this.place(column, style > 0 ? styledNumber(n, style, this.context) : n);
    }
    this.columnIndex = column;
    return end;
  }

  private startCapture(mode: number): void {
    this.capture = mode;
    this.buffer = "";
  }

  private openRow(source: string, from: number, to: number): void {
    readAttributes(source, from, to, ROW_ATTRIBUTES, this.found);
    const [r, hidden] = this.found;
    const number = r === undefined ? NaN : parseInt(r, 10);
    this.rowIndex = Number.isFinite(number) && number >= 1 ? number - 1 : this.rowIndex + 1;
    this.row = undefined;
    this.rowCellCount = 0;
    this.rowHasValues = false;
    this.columnIndex = -1;
    if (hidden === "1" || hidden === "true") this.hiddenRowIndexes.push(this.rowIndex);
  }

  private closeRow(): void {
    if (this.row) {
      const existing = this.rows[this.rowIndex];
      // A row written twice: its cells are merged, later ones winning.
      if (existing) this.row.forEach((v, c) => (existing[c] = v));
      else this.rows[this.rowIndex] = this.row;
    }
    if (this.rowHasValues && this.rowCellCount > this.columnCount) this.columnCount = this.rowCellCount;
    this.row = undefined;
  }

  private openCell(source: string, from: number, to: number): void {
    readAttributes(source, from, to, CELL_ATTRIBUTES, this.found);
    const [r, s, t] = this.found;
    const column = r === undefined ? -1 : columnOfAddress(r);
    this.columnIndex = column >= 0 ? column : this.columnIndex + 1;
    this.address = r;
    this.styleId = s === undefined ? 0 : parseInt(s, 10);
    this.cellType = t;
    this.value = undefined;
    this.formula = undefined;
    this.shareType = undefined;
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    this.runs = undefined;
  }

  private openFormula(source: string, from: number, to: number): void {
    readAttributes(source, from, to, FORMULA_ATTRIBUTES, this.found);
    [this.shareType, this.sharedIndex, this.sharedRef] = this.found;
    this.startCapture(FORMULA);
  }

  private closeCell(): void {
    const context = this.context;
    const column = this.columnIndex;
    // Hot path: a shared string with no formula and no hyperlink wanted.
    if (this.cellType === "s" && this.formula === undefined && !this.shareType && this.value !== undefined && this.wanted === undefined && context.sharedStrings) {
      const text = context.sharedStrings[parseInt(this.value, 10)];
      if (text === undefined) throw new SheetDataError(`shared string ${this.value} does not exist`);
      this.place(column, text);
      return;
    }
    const isDate = this.styleId > 0 && context.dateStyles[this.styleId] === true;
    let value: CellValue;
    let linkSource: ModelValue;
    if (this.formula !== undefined || this.shareType) {
      let result: ModelValue;
      if (this.value !== undefined) {
        const t = this.cellType;
        if (t === "str") result = decodeEscapes(xmlDecode(this.value));
        else if (t === "b") result = parseInt(this.value, 10) !== 0;
        else if (t === "e") result = new ErrorValue(this.value);
        else result = parseFloat(this.value);
        // exceljs converts any cached result of a date-styled formula (a text or error
        // result becomes an invalid Date; cellText shows it as empty).
        if (isDate) result = excelToDate(toNumber(result), context.date1904);
        else if (typeof result === "number" && this.styleId > 0) result = textOf(result, this.styleId, context);
      }
      const formula = this.formulaText();
      linkSource = result;
      const cached = formulaResult(result);
      value = cached !== undefined ? cached : formula ? `=${formula}` : null;
    } else {
      const model = this.modelValue();
      if (model === undefined) {
        // No value: exceljs keeps a styled empty cell (it widens the row), drops a bare one.
        if (this.styleId) this.touch(column, false);
        if (this.wanted && this.address !== undefined && this.wanted.has(this.address)) this.link(column, undefined);
        return;
      }
      linkSource = model;
      value = model instanceof ErrorValue ? model.text : model;
    }
    if (this.wanted && this.address !== undefined && this.wanted.has(this.address)) this.link(column, linkSource);
    if (value === null) this.touch(column, true);
    else this.place(column, value);
  }

  /** exceljs's model value of a cell without a formula; undefined when it has none. */
  private modelValue(): ModelValue {
    const raw = this.value ?? this.runs?.join("");
    if (raw === undefined) return undefined;
    switch (this.cellType ?? "n") {
      case "s": {
        const index = parseInt(raw, 10);
        const shared = this.context.sharedStrings;
        // No shared-strings part: exceljs leaves the index itself as the value.
        if (shared === undefined) return index;
        const text = shared[index];
        if (text === undefined) throw new SheetDataError(`shared string ${raw} does not exist`);
        return text;
      }
      case "str":
        return decodeEscapes(xmlDecode(raw));
      case "inlineStr":
        return this.runs !== undefined ? this.runs.join("") : decodeEscapes(raw);
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return new ErrorValue(raw);
      default: {
        const n = parseFloat(raw);
        return this.styleId > 0 ? styledNumber(n, this.styleId, this.context) : n;
      }
    }
  }

  /** The formula text, a shared formula's derived from its master (exceljs's rule). */
  private formulaText(): string | undefined {
    if (this.shareType === "shared" && this.sharedIndex !== undefined) {
      if (this.sharedRef !== undefined) {
        this.sharedFormulas.set(this.sharedIndex, { address: this.address });
        if (this.address !== undefined && this.formula !== undefined) this.formulaByAddress.set(this.address, this.formula);
      } else if (this.formula === undefined) {
        const master = this.sharedFormulas.get(this.sharedIndex)?.address;
        const text = master !== undefined ? this.formulaByAddress.get(master) : undefined;
        return text !== undefined && this.address !== undefined ? slideFormula(text, master ?? "", this.address) : undefined;
      }
    }
    return this.formula;
  }

  private place(column: number, value: CellValue): void {
    (this.row ??= [])[column] = value;
    this.touch(column, true);
  }

  private touch(column: number, valued: boolean): void {
    if (column + 1 > this.rowCellCount) this.rowCellCount = column + 1;
    if (valued) this.rowHasValues = true;
  }

  private link(column: number, source: ModelValue): void {
    if (this.address === undefined) return;
    this.linkTexts.set(this.address, { rowIndex: this.rowIndex, columnIndex: column, text: hyperlinkText(source) });
  }

  private addMerge(a: XmlAttribute[]): void {
    const ref = a.find((x) => !x.prefixed && x.name === "ref")?.value;
    const range = ref === undefined ? undefined : parseRange(ref);
    if (range && (range.bottom > range.top || range.right > range.left)) this.merges.push(range);
  }

  private addHyperlink(a: XmlAttribute[]): void {
    const ref = a.find((x) => !x.prefixed && x.name === "ref")?.value;
    // Only links to a target (`r:id`) make a hyperlink value in exceljs; `location` links
    // (to a place in the workbook) leave the cell as it is.
    const relationshipId = a.find((x) => x.prefixed && x.name === "id")?.value;
    if (ref !== undefined && relationshipId !== undefined) this.hyperlinks.push({ ref, relationshipId });
  }

  private addColumn(a: XmlAttribute[]): void {
    const hidden = a.find((x) => !x.prefixed && x.name === "hidden")?.value;
    if (hidden !== "1" && hidden !== "true") return;
    const min = parseInt(a.find((x) => !x.prefixed && x.name === "min")?.value ?? "", 10);
    const max = parseInt(a.find((x) => !x.prefixed && x.name === "max")?.value ?? "", 10);
    if (min >= 1 && max >= min) this.hiddenColumns.push({ min: min - 1, max: max - 1 });
  }

  result(): ParsedSheet {
    return {
      rows: this.rows,
      hiddenRowIndexes: this.hiddenRowIndexes,
      merges: this.merges,
      hyperlinks: this.hyperlinks,
      hiddenColumns: this.hiddenColumns,
      columnCount: this.columnCount,
    };
  }
}

const DQUOTE = 0x22;

/** Attribute-name characters the cell fast path accepts (`r`, `s`, `t`, `cm`, `x14ac:dyDescent`…). */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/** A character of an attribute value that is read as written: not an entity's `&`, not `<`
 * (an error), not tab/newline/CR (which become spaces); false past the end of the text. */
function isPlainChar(c: number): boolean {
  return c >= 0x20 ? c !== 0x26 && c !== 0x3c : c !== 0x09 && c !== 0x0a && c !== 0x0d && c >= 0;
}

/** Text decodeText would leave as it is: no entity, no CR. */
function isPlainText(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x26 || c === 0x0d) return false;
  }
  return true;
}

/** `s.slice(from, to)` as a number when it is 1–15 decimal digits (where parseInt and
 * parseFloat agree exactly), else -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const ROW_ATTRIBUTES = ["r", "hidden"];
const CELL_ATTRIBUTES = ["r", "s", "t"];
const FORMULA_ATTRIBUTES = ["t", "si", "ref"];

/** `AB12` → 27; -1 when the address has no column letters. */
function columnOfAddress(address: string): number {
  let n = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) n = n * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) n = n * 26 + (c - 0x60);
    else if (c !== 0x24 /* $ */) break;
  }
  return n > 0 ? n - 1 : -1;
}

/** JavaScript's `x - 25569` coercion, which exceljs relies on for a date-styled result. */
/** A number in a cell of style `style` (> 0): a Date when the style is a date format (as
 * exceljs reads it), its text when the style shows it as text (as cellValue.ts reads it). */
function styledNumber(n: number, style: number, context: SheetContext): CellValue {
  if (context.dateStyles[style] === true) return excelToDate(n, context.date1904);
  return textOf(n, style, context);
}

/** A number as its style shows it, when that is text (shownNumberText), else the number. */
function textOf(n: number, style: number, context: SheetContext): CellValue {
  const format = context.textFormats[style];
  return format === undefined ? n : (shownNumberText(n, format) ?? n);
}

function toNumber(value: ModelValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return Number(value);
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/** cellValue.ts's formulaResult over our model values. */
function formulaResult(result: ModelValue): CellValue | undefined {
  if (result === undefined || result === null) return undefined;
  if (result instanceof ErrorValue) return result.text;
  if (typeof result === "number") return Number.isNaN(result) ? null : result;
  return result;
}

/** cellValue.ts's hyperlinkText: exceljs makes the display value the link's text. */
function hyperlinkText(source: ModelValue): string {
  if (source === undefined) return "";
  if (typeof source === "string") return source;
  // An empty <si> is `{}` in exceljs, an error `{ error }`: both print as an object.
  if (source === EMPTY_SHARED_STRING || source instanceof ErrorValue) return "[object Object]";
  return String(source);
}
