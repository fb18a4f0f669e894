import { decodeText, type XmlHandler } from "./xmlScanner";

/**
 * xl/sharedStrings.xml → one entry per `<si>`, as the exceljs reader turns it into a cell value:
 * - `<si><t>text</t></si>` → the text;
 * - rich text `<si><r><rPr/><t>a</t></r><r><t>b</t></r></si>` → its runs' text joined ("ab");
 * - phonetic runs (`<rPh>`) and the phonetic properties are not text the user typed: ignored;
 * - `_xHHHH_` escapes (ECMA-376 §22.4.2.4, Excel's way to store control characters) are decoded
 *   inside `<t>`, hex digits of either case (SheetJS writes `_x000d_`; exceljs decodes upper case
 *   only); `_x005F_` is a literal `_`, so `_x005F_x000D_` reads `_x000D_`;
 * - an `<si>` with neither `<t>` nor `<r>` → EMPTY_SHARED_STRING (exceljs reads such a cell
 *   as empty).
 */

/** Marks an `<si>` that holds nothing at all (not even an empty `<t/>`). */
export const EMPTY_SHARED_STRING = null;
export type SharedString = string | typeof EMPTY_SHARED_STRING;

/** `_x000D_` → "\r", `_x000d_` too: the escape Excel writes for characters XML cannot hold
 * (ECMA-376 §22.4.2.4), in every string of a sheet. One left-to-right pass, so `_x005F_x000D_`
 * (an escaped `_`, then `x000D_`) is the text `_x000D_`. */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Text as it is stored in a string of a cell (ST_Xstring, ECMA-376 Part 1 §22.9.2.19), the way
 * Excel writes it, so every reader that decodes the escapes (Excel, ours, exceljs in shared
 * strings) reads back the text that was written:
 * - an `_` that starts `_xHHHH_` (either case) is written `_x005F_`: the literal `_x000D_` is
 *   `_x005F_x000D_` (written as is, it would read back as a carriage return);
 * - characters XML cannot hold or would change — control characters other than tab and line
 *   feed, CR (read back as a line feed), U+FFFE, U+FFFF — become `_xHHHH_`.
 * The result still needs XML escaping (`& < > "`; patchXml.escapeXmlText does both, and the
 * sheet writer's ChunkWriter.text is its byte-level twin). Lone surrogates are left for the XML
 * escaping to drop. Not for formula or attribute text copied from the file: those were never
 * decoded.
 */
const XSTRING_SPECIAL = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;
const XSTRING_SPECIAL_ALL = new RegExp(XSTRING_SPECIAL.source, "g");

export function encodeEscapes(text: string): string {
  if (!XSTRING_SPECIAL.test(text)) return text;
  return text.replace(XSTRING_SPECIAL_ALL, (c) => (c === "_" ? "_x005F_" : escapeOf(c.charCodeAt(0))));
}

/** `_x000D_` for 13: upper-case hex, as Excel writes it. */
export function escapeOf(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
}

const NONE = 0;
const DIRECT = 1;
const RUN = 2;

export class SharedStringsHandler implements XmlHandler {
  readonly strings: SharedString[] = [];
  private depth = 0;
  /** Inside `<rPh>` (or another element we skip), at this depth; 0 when not. */
  private skipDepth = 0;
  private capture = NONE;
  private buffer = "";
  private direct: string | undefined;
  private runs: string[] | undefined;
  private runText: string | undefined;

  get wantsText(): boolean {
    return this.capture !== NONE;
  }

  open(name: string): void {
    const depth = ++this.depth;
    if (this.skipDepth > 0) return;
    if (depth === 2) {
      if (name === "si") {
        this.direct = undefined;
        this.runs = undefined;
      }
      return;
    }
    if (depth === 3) {
      if (name === "t") {
        this.capture = DIRECT;
        this.buffer = "";
      } else if (name === "r") {
        this.runText = undefined;
      } else this.skipDepth = depth;
      return;
    }
    if (depth === 4 && name === "t" && this.capture === NONE) {
      this.capture = RUN;
      this.buffer = "";
    }
  }

  close(name: string): void {
    const depth = this.depth--;
    if (this.skipDepth > 0) {
      if (depth === this.skipDepth) this.skipDepth = 0;
      return;
    }
    if (depth === 2) {
      if (name === "si") this.strings.push(this.direct !== undefined ? this.direct : this.runs !== undefined ? this.runs.join("") : EMPTY_SHARED_STRING);
      return;
    }
    if (depth === 3) {
      if (name === "t" && this.capture === DIRECT) {
        this.direct = decodeEscapes(this.buffer);
        this.capture = NONE;
      } else if (name === "r") (this.runs ??= []).push(this.runText ?? "");
      return;
    }
    if (depth === 4 && name === "t" && this.capture === RUN) {
      this.runText = decodeEscapes(this.buffer);
      this.capture = NONE;
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  /** `<si><t>text</t></si>` (or `<t xml:space="preserve">`), nearly every string, read with
   * two searches instead of four tags; anything else goes tag by tag. */
  element(s: string, lt: number): number {
    if (this.depth !== 1 || !s.startsWith("<si><t", lt)) return -1;
    let from = lt + 6;
    if (s.charCodeAt(from) === 0x3e /* > */) from++;
    else if (s.startsWith(PRESERVE, from)) from += PRESERVE.length;
    else return -1;
    const to = s.indexOf("<", from);
    if (to < 0 || !s.startsWith("</t></si>", to)) return -1;
    this.strings.push(decodeEscapes(decodeText(s.slice(from, to))));
    return to + 9;
  }
}

const PRESERVE = ' xml:space="preserve">';
