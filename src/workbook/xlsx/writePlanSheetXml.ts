import type { PlanCell, SheetPlan } from "../../core/plan";
import { columnLetters } from "../merges";
import type { RowRenumbering } from "../renumberRows";
import { hyperlinkFormula, linkLabel } from "../sheetWriting";
import type { StyleBook } from "./patchStyles";
import type { DeflatedData, Deflater, ZipCodec } from "./zipCodec";

/**
 * A generated sheet (校验汇总, 指标明细) written as worksheet XML straight from its plan, with
 * the semantics of sheetWriting.writePlanSheet: text as text cells (inline strings, format
 * "@"), numbers as numbers, a CellLink as a HYPERLINK formula with its label as the cached
 * result and the link font, bold rows, column widths. The XML is produced in chunks and
 * deflated as it goes, so a 460,000-row 指标明细 never exists as one string.
 */

/** The formats generated cells use, created once in a StyleBook (see `generatedStyles`). */
export interface GeneratedStyles {
  text: number;
  boldText: number;
  bold: number;
  link: number;
  boldLink: number;
}

export function generatedStyles(book: StyleBook): GeneratedStyles {
  return {
    text: book.derive(0, { text: true }),
    boldText: book.derive(0, { text: true, bold: true }),
    bold: book.derive(0, { bold: true }),
    link: book.derive(0, { link: true }),
    boldLink: book.derive(0, { link: true, bold: true }),
  };
}

/** Texts up to this length are stored once in the shared strings, wherever they occur. */
const SHORT_TEXT = 24;

/** Bytes of XML gathered before they are handed to the deflater. */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes UTF-8 straight into fixed-size chunks, char by char, escaping text as it goes: no
 * string is built per cell and nothing is allocated but the chunks (a TextEncoder call per
 * cell cost more than the whole rest of the sheet).
 */
class ChunkWriter {
  private buf: Uint8Array = new Uint8Array(CHUNK_BYTES);
  private pos = 0;
  /** Where the twin's chunk differs, as (start, end, number) triples: bytes [start, end) of
   * this chunk are a number that the twin has as `number`. */
  private splices: number[] = [];
  private readonly twinFree: Uint8Array[] = [];

  /** `twin`, if given, gets the same sheet but for the numbers written with uintOr. */
  constructor(
    private readonly deflater: Deflater,
    private readonly twin?: Deflater,
  ) {}

  /** `n` here, `other` in the twin (the same sheet renumbered: one pass makes both). */
  uintOr(n: number, other: number): void {
    const start = this.pos;
    this.uint(n);
    if (this.twin) this.splices.push(start, this.pos, other);
  }

  ascii(s: string): void {
    if (this.pos + s.length > this.buf.length) this.grow(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A cell's text (or a formula of ours, also an ST_Xstring) as UTF-8 XML text: the byte-level
   * twin of patchXml.escapeXmlText — `_xHHHH_` escapes as Excel writes them (an `_` starting
   * `_xHHHH_` → `_x005F_`; CR, other control characters but tab and LF, U+FFFE/U+FFFF →
   * `_xHHHH_`), `& < > "` escaped, DEL and lone surrogates dropped. */
  text(s: string): void {
    // At most MAX_BYTES_PER_UNIT bytes per UTF-16 unit (`_x005F_`).
    if (this.pos + s.length * MAX_BYTES_PER_UNIT > this.buf.length) this.grow(s.length * MAX_BYTES_PER_UNIT);
    const buf = this.buf;
    let p = this.pos;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x3f || (c >= 0x20 && c !== 0x22 && c !== 0x26 && c !== 0x3c && c !== 0x3e)) {
          if (c === 0x5f && startsEscape(s, i)) p = put(buf, p, ESCAPED_UNDERSCORE);
          else if (c !== 0x7f) buf[p++] = c;
        } else if (c === 0x26) p = put(buf, p, AMP);
        else if (c === 0x3c) p = put(buf, p, LT);
        else if (c === 0x3e) p = put(buf, p, GT);
        else if (c === 0x22) p = put(buf, p, QUOT);
        else if (c === 0x09 || c === 0x0a) buf[p++] = c;
        else p = putEscape(buf, p, c);
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = s.charCodeAt(i + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf[p++] = 0xf0 | (cp >> 18);
          buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[p++] = 0x80 | (cp & 0x3f);
          i++;
        }
      } else if (c < 0xfffe) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      } else p = putEscape(buf, p, c);
    }
    this.pos = p;
  }

  /** A non-negative integer's decimal digits (as `String(n)` writes them), with no string made. */
  uint(n: number): void {
    if (n > 0x7fffffff) {
      this.ascii(String(n));
      return;
    }
    if (this.pos + 10 > this.buf.length) this.grow(10);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 0x30 + n;
      return;
    }
    // Small integer arithmetic only: `Math.floor(x / 10)` on doubles cost more than the rest of a cell.
    const end = this.pos + (n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10);
    let p = end;
    let x = n | 0;
    do {
      const q = (x / 10) | 0;
      buf[--p] = 0x30 + x - q * 10;
      x = q;
    } while (x > 0);
    this.pos = end;
  }

  /** Constant markup, pre-encoded: a byte loop for short markup (a `set` call costs about
   * what copying 16 bytes by hand does), `set` beyond. */
  raw(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 16) {
      buf.set(b, p);
      this.pos = p + n;
      return;
    }
    for (let i = 0; i < n; i++) buf[p++] = b[i] ?? 0;
    this.pos = p;
  }

  bytes(b: Uint8Array): void {
    if (this.pos + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Escaped text, remembered per column: the same text in the row above is copied, not
   * encoded again (a cell's 原文, department and project repeat down its indicator rows). */
  cachedText(s: string, cache: { value?: string; bytes?: Uint8Array }): void {
    if (cache.value === s && cache.bytes) {
      this.bytes(cache.bytes);
      return;
    }
    if (s.length < 16) {
      this.text(s);
      return;
    }
    // text() may grow the buffer, so the start is taken after making room.
    if (this.pos + s.length * MAX_BYTES_PER_UNIT > this.buf.length) this.grow(s.length * MAX_BYTES_PER_UNIT);
    const start = this.pos;
    this.text(s);
    cache.value = s;
    cache.bytes = this.buf.slice(start, this.pos);
  }

  /** Chunks the deflater is done with, to be filled again: a new megabyte per chunk is
   * memory outside the JS heap that V8 answers with full collections of the whole heap. */
  private readonly free: Uint8Array[] = [];

  /** Whether the chunk should go to the deflater (which keeps it until it releases it). A
   * test, not an async call: awaiting a promise per row cost more than the row's markup. */
  get full(): boolean {
    return this.pos >= CHUNK_BYTES - 4096;
  }

  async flush(): Promise<void> {
    if (this.pos === 0) return;
    const full = this.buf;
    const chunk = full.subarray(0, this.pos);
    const twin = this.twin ? this.twinChunk(chunk) : undefined;
    this.buf = this.free.pop() ?? new Uint8Array(CHUNK_BYTES);
    this.pos = 0;
    // A chunk grown past the standard size is not kept for reuse.
    await this.deflater.write(chunk, full.length === CHUNK_BYTES ? () => this.free.push(full) : undefined);
    if (this.twin && twin) await this.twin.write(twin.chunk, twin.release);
  }

  /** The twin's copy of a chunk: the same bytes, the spliced numbers replaced. */
  private twinChunk(chunk: Uint8Array): { chunk: Uint8Array; release: (() => void) | undefined } {
    const splices = this.splices;
    // A number grows by at most 10 digits.
    const need = chunk.length + (splices.length / 3) * 10;
    const buffer = need <= CHUNK_BYTES ? (this.twinFree.pop() ?? new Uint8Array(CHUNK_BYTES)) : new Uint8Array(need);
    let p = 0;
    let from = 0;
    for (let i = 0; i < splices.length; i += 3) {
      const start = splices[i] ?? 0;
      buffer.set(chunk.subarray(from, start), p);
      p += start - from;
      p = putUint(buffer, p, splices[i + 2] ?? 0);
      from = splices[i + 1] ?? 0;
    }
    buffer.set(chunk.subarray(from), p);
    p += chunk.length - from;
    this.splices = [];
    return { chunk: buffer.subarray(0, p), release: buffer.length === CHUNK_BYTES ? () => this.twinFree.push(buffer) : undefined };
  }

  /** A chunk too small for what comes: a bigger one, with what it holds. */
  private grow(need: number): void {
    const next = new Uint8Array(Math.max(CHUNK_BYTES, (this.pos + need) * 2));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}

/**
 * New `<si>` items for the workbook's shared-string table, numbered after its `existing`
 * ones. A text that repeats down a column (a cell's 原文, department and project on each of its
 * indicator rows) is stored once and referenced; a one-off text stays an inline string.
 */
export class SharedStringAppender {
  private readonly collected: Uint8Array[] = [];
  readonly items: ChunkWriter;
  added = 0;
  references = 0;

  constructor(readonly existing: number) {
    const collected = this.collected;
    this.items = new ChunkWriter({
      write(chunk) {
        collected.push(chunk);
        return Promise.resolve();
      },
      end: () => Promise.reject(new Error("not a deflater")),
    });
  }

  /** Short texts (severity labels, sheet names, rule titles, units) by their item index. */
  private readonly short = new Map<string, number>();

  /** The item for a short text, stored once however often it occurs. */
  shortItem(text: string): number {
    let index = this.short.get(text);
    if (index === undefined) {
      index = this.add(text);
      this.short.set(text, index);
    }
    return index;
  }

  /** Index of a new item holding `text`. */
  add(text: string): number {
    this.items.raw(SI_OPEN);
    this.items.text(text);
    this.items.raw(SI_CLOSE);
    return this.existing + this.added++;
  }

  /** The `<si>` items written so far, as bytes. */
  async chunks(): Promise<Uint8Array[]> {
    await this.items.flush();
    return this.collected;
  }
}

export async function deflatePlanSheet(plan: SheetPlan, styles: GeneratedStyles, codec: ZipCodec, sst?: SharedStringAppender): Promise<DeflatedData> {
  const deflater = codec.deflater();
  await writePlanSheet(new ChunkWriter(deflater), plan, styles, sst);
  return deflater.end();
}

/**
 * The sheet as the cleaned workbook has it, its row numbers renumbered (`renumbering`), and
 * with `alsoAsPlanned` the sheet with the plan's own numbers as well (the annotated
 * workbook's), made in the same pass: the XML is written once, the twin is a copy of each
 * chunk with the numbers spliced in, and shared strings are added once for both.
 */
export async function deflateRenumberedPlanSheet(
  plan: SheetPlan,
  styles: GeneratedStyles,
  codec: ZipCodec,
  sst: SharedStringAppender | undefined,
  renumbering: RowRenumbering,
  alsoAsPlanned: boolean,
): Promise<{ renumbered: DeflatedData; planned?: DeflatedData }> {
  if (!alsoAsPlanned) {
    const deflater = codec.deflater();
    await writePlanSheet(new ChunkWriter(deflater), plan, styles, sst, { renumbering, twin: false });
    return { renumbered: await deflater.end() };
  }
  const planned = codec.deflater();
  const renumbered = codec.deflater();
  await writePlanSheet(new ChunkWriter(planned, renumbered), plan, styles, sst, { renumbering, twin: true });
  const [a, b] = await Promise.all([planned.end(), renumbered.end()]);
  return { renumbered: b, planned: a };
}

/** The worksheet XML of a plan, into `out` (flushed at the end, not ended). With `numbers`,
 * the row-number column's cells are renumbered: in `out` itself, or in its twin only. */
async function writePlanSheet(
  out: ChunkWriter,
  plan: SheetPlan,
  styles: GeneratedStyles,
  sst: SharedStringAppender | undefined,
  numbers?: { renumbering: RowRenumbering; twin: boolean },
): Promise<void> {

  let lastRow = 0;
  let lastCol = 0;
  plan.rows.forEach((cells, r) => {
    for (let c = cells.length - 1; c >= 0; c--) {
      if (!isBlank(cells[c])) {
        lastRow = r + 1;
        lastCol = Math.max(lastCol, c + 1);
        break;
      }
    }
  });
  const letters = Array.from({ length: Math.max(lastCol, 1) }, (_, c) => columnLetters(c));
  const widths = (plan.columnWidths ?? [])
    .map((w, c) => (typeof w === "number" && Number.isFinite(w) ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  out.ascii(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="${lastRow > 0 ? `A1:${letters[lastCol - 1]}${lastRow}` : "A1"}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      (widths ? `<cols>${widths}</cols>` : "") +
      "<sheetData>",
  );
  const bold = new Set(plan.boldRows ?? []);
  const caches: { value?: string; bytes?: Uint8Array }[] = [];
  // Per column: the text in the row above and its shared-string index.
  const sharedValue: (string | undefined)[] = [];
  const sharedIndex: number[] = [];
  // Per column: the last short text and its item (the Map lookup hashes the text; a column
  // mostly repeats the text of the row above).
  const shortValue: (string | undefined)[] = [];
  const shortIndex: number[] = [];
  const cellOpen = letters.map((l) => ascii(`<c r="${l}`));
  const marks = markupFor(styles);
  const numberColumn = numbers ? numbers.renumbering.column : -1;
  for (let r = 0; r < plan.rows.length; r++) {
    const cells = plan.rows[r] ?? [];
    if (!hasValue(cells)) continue;
    const isBold = bold.has(r);
    const rowNumber = r + 1;
    out.raw(ROW_OPEN);
    out.uint(rowNumber);
    out.raw(TAG_END);
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (value === null || value === undefined || value === "") continue;
      out.raw(cellOpen[c] ?? ascii(`<c r="${columnLetters(c)}`));
      out.uint(rowNumber);
      if (c === numberColumn && numbers && !isBold && typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
        const to = numbers.renumbering.numberAt(cells);
        if (to !== undefined && Number.isSafeInteger(to) && to >= 0) {
          out.raw(NUMBER_OPEN);
          if (numbers.twin) out.uintOr(value, to);
          else out.uint(to);
          out.raw(NUMBER_END);
          continue;
        }
      }
      if (typeof value === "string" && sst && !isBold) {
        let index = sharedValue[c] === value ? sharedIndex[c] : undefined;
        if (index === undefined && value.length <= SHORT_TEXT) {
          if (shortValue[c] === value) index = shortIndex[c];
          else {
            index = sst.shortItem(value);
            shortValue[c] = value;
            shortIndex[c] = index;
          }
        } else if (index === undefined && plan.rows[r + 1]?.[c] === value) {
          index = sst.add(value);
          sharedValue[c] = value;
          sharedIndex[c] = index;
        }
        if (index !== undefined) {
          sst.references++;
          out.raw(marks.shared);
          out.uint(index);
          out.raw(SHARED_END);
          continue;
        }
      }
      if (typeof value === "string") {
        out.raw(isBold ? (needsPreserve(value) ? marks.boldTextPreserve : marks.boldText) : needsPreserve(value) ? marks.textPreserve : marks.text);
        // With a shared-string table, a text repeated from the row above is a shared item
        // already: remembering it would only copy it.
        if (sst) out.text(value);
        else out.cachedText(value, (caches[c] ??= {}));
        out.raw(TEXT_END);
      } else writeCell(out, value, isBold, styles, (caches[c] ??= {}));
    }
    out.raw(ROW_END);
    if (out.full) await out.flush();
  }
  out.ascii('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  await out.flush();
}

/** An empty text is left out, like a missing value: Excel shows the same empty cell. */
function isBlank(value: PlanCell | undefined): boolean {
  return value === null || value === undefined || value === "";
}

function hasValue(cells: readonly PlanCell[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return true;
  return false;
}

/** A cell after its `<c r="A1`: the rest of the start tag, the value, the end tag. */
function writeCell(out: ChunkWriter, value: Exclude<PlanCell, null>, isBold: boolean, styles: GeneratedStyles, cache: { value?: string; bytes?: Uint8Array }): void {
  if (typeof value === "number") {
    // NaN and ±Infinity have no cell form; they are shown as their text.
    if (!Number.isFinite(value)) {
      writeText(out, String(value), isBold ? styles.boldText : styles.text, cache);
      return;
    }
    if (isBold) {
      out.ascii('" s="');
      out.uint(styles.bold);
    }
    out.raw(NUMBER_OPEN);
    // Whole numbers written digit by digit are what `String(value)` gives (-0 is "0").
    if (Number.isSafeInteger(value) && value >= 0) out.uint(value);
    else out.ascii(String(value));
    out.raw(NUMBER_END);
    return;
  }
  if (typeof value === "string") {
    writeText(out, value, isBold ? styles.boldText : styles.text, cache);
    return;
  }
  out.ascii(`" s="${isBold ? styles.boldLink : styles.link}" t="str"><f>`);
  out.text(hyperlinkFormula(value));
  out.ascii("</f><v>");
  out.text(linkLabel(value));
  out.ascii("</v></c>");
}

function writeText(out: ChunkWriter, text: string, style: number, cache: { value?: string; bytes?: Uint8Array }): void {
  out.ascii('" s="');
  out.ascii(String(style));
  // Leading/trailing spaces and line breaks are kept (xml:space="preserve"), as inlineTextXml.
  out.ascii(needsPreserve(text) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
  out.cachedText(text, cache);
  out.ascii("</t></is></c>");
}

function needsPreserve(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return isSpace(first) || isSpace(last) || text.includes("\n");
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** The most bytes ChunkWriter.text writes for one UTF-16 unit: `_x005F_`, `_x000D_`. */
const MAX_BYTES_PER_UNIT = 7;
const ESCAPED_UNDERSCORE = ascii("_x005F_");
const HEX = ascii("0123456789ABCDEF");

/** Whether the `_` at `i` starts `_xHHHH_` (hex of either case), which readers would decode. */
function startsEscape(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== 0x78 || s.charCodeAt(i + 6) !== 0x5f) return false;
  for (let k = i + 2; k < i + 6; k++) {
    const h = s.charCodeAt(k);
    if (!((h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) return false;
  }
  return true;
}

/** `_xHHHH_` for a character XML cannot hold (sharedStrings.escapeOf, in bytes). */
function putEscape(buf: Uint8Array, p: number, c: number): number {
  buf[p++] = 0x5f;
  buf[p++] = 0x78;
  buf[p++] = HEX[(c >> 12) & 15] ?? 0;
  buf[p++] = HEX[(c >> 8) & 15] ?? 0;
  buf[p++] = HEX[(c >> 4) & 15] ?? 0;
  buf[p++] = HEX[c & 15] ?? 0;
  buf[p++] = 0x5f;
  return p;
}

const AMP = ascii("&amp;");
const LT = ascii("&lt;");
const GT = ascii("&gt;");
const QUOT = ascii("&quot;");
const ROW_OPEN = ascii('<row r="');
const TAG_END = ascii('">');
const ROW_END = ascii("</row>");
const TEXT_END = ascii("</t></is></c>");
const SHARED_END = ascii("</v></c>");
const NUMBER_OPEN = ascii('"><v>');
const NUMBER_END = SHARED_END;
const SI_OPEN = ascii('<si><t xml:space="preserve">');
const SI_CLOSE = ascii("</t></si>");

/** What follows `<c r="A1` in a text cell, per format and whitespace handling. */
function markupFor(styles: GeneratedStyles) {
  const text = (style: number, preserve: boolean) => ascii(`" s="${style}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ""}>`);
  return {
    text: text(styles.text, false),
    textPreserve: text(styles.text, true),
    boldText: text(styles.boldText, false),
    boldTextPreserve: text(styles.boldText, true),
    shared: ascii(`" s="${styles.text}" t="s"><v>`),
  };
}

/** A non-negative integer's digits at `p`; the position after them. */
function putUint(buf: Uint8Array, p: number, n: number): number {
  const digits = String(n);
  for (let i = 0; i < digits.length; i++) buf[p++] = digits.charCodeAt(i);
  return p;
}

function put(buf: Uint8Array, p: number, entity: Uint8Array): number {
  for (let i = 0; i < entity.length; i++) buf[p++] = entity[i] ?? 0;
  return p;
}
