import { decodeEscapes, encodeEscapes } from "./sharedStrings";
import { decodeText, XmlError } from "./xmlScanner";
import { Unpatchable } from "./zipArchive";

/**
 * Small helpers for editing OOXML parts as text, in single forward scans: tags are found with
 * indexOf, attributes read and set on one tag at a time; no DOM is built.
 */

/** Characters XML 1.0 forbids, and DEL, dropped the way exceljs drops them (tab, LF and CR stay);
 * lone surrogates and U+FFFE/U+FFFF too, which exceljs would let through. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]/;

/** Text or an attribute value, escaped (& < > ") with forbidden characters removed. */
export function escapeXml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell's text as XML text content: `_xHHHH_` escapes as Excel writes them (encodeEscapes:
 * a literal `_x000D_` stays literal, a CR stays a CR), then `& < > "`. Every text of a cell we
 * write goes through this (or through writePlanSheetXml's ChunkWriter.text, its twin). */
export function escapeXmlText(text: string): string {
  return escapeXml(encodeEscapes(text));
}

/** `<is><t>…</t></is>` (an inline string's content), keeping leading/trailing spaces and line breaks. */
export function inlineTextXml(text: string): string {
  const preserve = isSpaceAt(text, 0) || isSpaceAt(text, text.length - 1) || text.includes("\n") ? ' xml:space="preserve"' : "";
  return `<is><t${preserve}>${escapeXmlText(text)}</t></is>`;
}

/** Whether the character at `i` is one `\s` matches. Only the ends are tested: `/\s$/` tried
 * every position of a long text. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return WHITESPACE.test(text.charAt(i));
}

const WHITESPACE = /^\s$/;

/** Entity references decoded (and line ends normalised) exactly as the reader decodes them
 * (xmlScanner.ts), so a cell's text compares equal to the text the check was made from. A
 * reference the reader would reject makes the file one the patch does not handle. */
export function unescapeXml(s: string): string {
  if (!s.includes("&") && !s.includes("\r")) return s;
  try {
    return decodeText(s);
  } catch (e) {
    if (e instanceof XmlError) throw new Unpatchable(e.message);
    throw e;
  }
}

/** An element's text content as the reader reads it: entities decoded, and CDATA sections
 * (`<![CDATA[…]]>`, which some producers write) taken as they are, line ends normalised. */
export function elementText(raw: string): string {
  let cdata = raw.indexOf("<![CDATA[");
  if (cdata < 0) return unescapeXml(raw);
  let out = "";
  let i = 0;
  while (cdata >= 0) {
    const end = raw.indexOf("]]>", cdata + 9);
    if (end < 0) throw new Unpatchable("unterminated CDATA");
    out += unescapeXml(raw.slice(i, cdata)) + raw.slice(cdata + 9, end).replace(/\r\n?/g, "\n");
    i = end + 3;
    cdata = raw.indexOf("<![CDATA[", i);
  }
  return out + unescapeXml(raw.slice(i));
}

/** Index just past the `>` of the tag starting at `start` (quoted values may hold `>`). */
export function tagEnd(xml: string, start: number): number {
  // Tags are short: a character loop, never a search that could run to the end of the part.
  const n = xml.length;
  for (let i = start; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close;
    }
  }
  throw new Unpatchable("unterminated tag");
}

/** Index of the next `<name` start tag at or after `from` (not `<nameX`), or -1. */
export function findTag(xml: string, name: string, from: number, end = xml.length): number {
  const probe = `<${name}`;
  let i = from;
  for (;;) {
    i = xml.indexOf(probe, i);
    if (i < 0 || i >= end) return -1;
    const next = xml.charCodeAt(i + probe.length);
    // space, tab, CR, LF, `>` or `/`
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) return i;
    i += probe.length;
  }
}

/** One element `<name …>…</name>` or `<name …/>`: where it starts, where its start tag ends,
 * where its content ends and where the element ends. */
export interface ElementSpan {
  start: number;
  openEnd: number;
  contentEnd: number;
  end: number;
  selfClosing: boolean;
}

export function elementAt(xml: string, name: string, start: number): ElementSpan {
  const openEnd = tagEnd(xml, start);
  if (xml.charCodeAt(openEnd - 2) === 47) return { start, openEnd, contentEnd: openEnd, end: openEnd, selfClosing: true };
  const close = xml.indexOf(`</${name}>`, openEnd);
  if (close < 0) throw new Unpatchable(`unterminated <${name}>`);
  return { start, openEnd, contentEnd: close, end: close + name.length + 3, selfClosing: false };
}

/** The first element `name` in [from, end), or undefined. */
export function findElement(xml: string, name: string, from = 0, end = xml.length): ElementSpan | undefined {
  const i = findTag(xml, name, from, end);
  return i < 0 ? undefined : elementAt(xml, name, i);
}

/** Every element `name` in [from, end), in order. */
export function allElements(xml: string, name: string, from = 0, end = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  for (let e = findElement(xml, name, from, end); e; e = findElement(xml, name, e.end, end)) out.push(e);
  return out;
}

/** Where an attribute's value lies in a start tag (between its quotes), or undefined. */
function attrSpan(tag: string, name: string): { nameStart: number; valueStart: number; valueEnd: number } | undefined {
  let i = 0;
  for (;;) {
    i = tag.indexOf(name, i);
    if (i < 0) return undefined;
    const before = tag.charCodeAt(i - 1);
    let j = i + name.length;
    while (tag.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(j) === 61) {
      j++;
      while (tag.charCodeAt(j) === 32) j++;
      const quote = tag[j];
      if (quote !== '"' && quote !== "'") return undefined;
      const close = tag.indexOf(quote, j + 1);
      return close < 0 ? undefined : { nameStart: i, valueStart: j + 1, valueEnd: close };
    }
    i += name.length;
  }
}

/** An attribute's raw (still escaped) value in a start tag, or undefined. */
export function getAttr(tag: string, name: string): string | undefined {
  const span = attrSpan(tag, name);
  return span ? tag.slice(span.valueStart, span.valueEnd) : undefined;
}

/** The start tag with the attribute set (replaced or appended), or removed for undefined;
 * `value` is raw (escaped). */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const span = attrSpan(tag, name);
  if (span) {
    if (value === undefined) return tag.slice(0, span.nameStart - 1) + tag.slice(span.valueEnd + 1);
    return tag.slice(0, span.valueStart) + value + tag.slice(span.valueEnd);
  }
  if (value === undefined) return tag;
  const selfClosing = tag.endsWith("/>");
  let cut = tag.length - (selfClosing ? 2 : 1);
  while (cut > 0 && tag.charCodeAt(cut - 1) <= 32) cut--;
  return `${tag.slice(0, cut)} ${name}="${value}"${selfClosing ? "/>" : ">"}`;
}

/** Concatenated text of the `<t>` elements in a string item or inline string (`<si>`, `<is>`),
 * leaving out phonetic runs (`<rPh>`), which are not part of the cell's text; `_xHHHH_`
 * escapes decoded. */
export function textOfStringItem(xml: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const t = findTag(xml, "t", i);
    if (t < 0) return out;
    const rph = findTag(xml, "rPh", i);
    if (rph >= 0 && rph < t) {
      const close = xml.indexOf("</rPh>", rph);
      i = close < 0 ? xml.length : close + 6;
      continue;
    }
    const e = elementAt(xml, "t", t);
    out += decodeEscapes(elementText(xml.slice(e.openEnd, e.contentEnd)));
    i = e.end;
  }
}

/** An inline string's text (the content of `<is>`) as the sheet reader reads it (worksheet.ts):
 * with runs (`<r>`), the runs' texts joined; without, the `<t>` text; `_xHHHH_` decoded in both.
 * The stale-edit check compares a cell with the text the reader gave the engine, so it reads
 * the cell the same way. */
export function inlineStringText(xml: string): string {
  const runs = allElements(xml, "r");
  if (runs.length === 0) return textOfStringItem(xml);
  let out = "";
  for (const run of runs) {
    const t = findElement(xml, "t", run.openEnd, run.contentEnd);
    if (t) out += decodeEscapes(elementText(xml.slice(t.openEnd, t.contentEnd)));
  }
  return out;
}

/** The SpreadsheetML namespace (transitional), which every part the patchers edit is in. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * Whether a part's text starts with a root element whose SpreadsheetML namespace has a prefix
 * (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`, as the .NET Open XML SDK writes and
 * budget systems built on it export). Only the head is looked at; a cheap test for every part.
 */
export function isPrefixedMain(head: string): boolean {
  const root = rootElement(head);
  return root !== undefined && root.prefix !== undefined && root.tag.includes(MAIN_NS);
}

/**
 * A part whose SpreadsheetML elements carry a prefix, rewritten with that namespace as the
 * default one and those elements unprefixed (`<x:c r="A1">` → `<c r="A1">`), which is the form
 * the patchers read and write; other prefixes (`r:`, `mc:`, `x14:` …) and CDATA, comments and
 * text are left as they are. The same document for any namespace-aware reader. Returned
 * unchanged when the root is not so prefixed; Unpatchable when the rewrite could change what an
 * element means: a default namespace of another kind, an element without prefix in a part with
 * no default namespace, the prefix or a default namespace declared again further in.
 */
export function unprefixMain(xml: string): string {
  const root = rootElement(xml);
  if (!root || root.prefix === undefined) return xml;
  const prefix = root.prefix;
  if (getAttr(root.tag, `xmlns:${prefix}`) !== MAIN_NS) return xml;
  const defaultNs = getAttr(root.tag, "xmlns");
  if (defaultNs !== undefined && defaultNs !== MAIN_NS) throw new Unpatchable(`default namespace ${defaultNs} beside the prefixed SpreadsheetML one`);
  const rest = xml.slice(root.end);
  if (rest.includes(`xmlns:${prefix}=`) || /\sxmlns\s*=/.test(rest)) throw new Unpatchable("namespace declared again inside a prefixed part");
  const newRootTag = defaultNs === undefined ? setAttr(root.tag, "xmlns", MAIN_NS) : root.tag;
  const unprefixed = (from: string) =>
    from.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)(:?)/g, (m: string, slash: string | undefined, name: string | undefined, colon: string) => {
      if (name === undefined) return m;
      if (colon === "") {
        if (defaultNs === undefined) throw new Unpatchable(`<${name}> without prefix in a prefixed part`);
        return m;
      }
      return name === prefix ? `<${slash ?? ""}` : m;
    });
  return xml.slice(0, root.start) + unprefixed(newRootTag) + unprefixed(rest);
}

/** The root element's start tag: where it lies, and its prefix if it has one. */
function rootElement(xml: string): { start: number; end: number; tag: string; prefix: string | undefined } | undefined {
  let i = 0;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0) return undefined;
    const next = xml.charCodeAt(i + 1);
    if (next === 63 /* ? */) {
      const close = xml.indexOf("?>", i);
      if (close < 0) return undefined;
      i = close + 2;
    } else if (next === 33 /* ! */) {
      const close = xml.startsWith("<!--", i) ? xml.indexOf("-->", i) : xml.indexOf(">", i);
      if (close < 0) return undefined;
      i = close + 1;
    } else break;
  }
  const name = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?/.exec(xml.slice(i, i + 200));
  if (!name) return undefined;
  let end: number;
  try {
    end = tagEnd(xml, i);
  } catch {
    // A head cut short: not a tag we can judge.
    return undefined;
  }
  return { start: i, end, tag: xml.slice(i, end), prefix: name[2] !== undefined ? name[1] : undefined };
}

/** `'it''s'!$A$1` or `Sheet1!$A$1` → the sheet name. */
export function sheetOfReference(range: string): string | undefined {
  const m = /^(?:'((?:[^']|'')*)'|([^!]*))!/.exec(range);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** `A1` → 1-based row and 0-based column. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return undefined;
  return { row, col: col - 1 };
}
