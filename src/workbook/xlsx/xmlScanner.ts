/**
 * A single-pass scanner for the XML that .xlsx parts hold, fed text in chunks so a part never
 * has to be one string. It reports start tags, end tags and text by LOCAL name (`x:c` → `c`:
 * SpreadsheetML is read by local name, whatever prefix or namespace — transitional or strict —
 * the producer chose). Attributes stay raw until a handler asks (`parseAttributes`), and text
 * is only decoded while the handler says it wants it, so skipped markup costs an indexOf.
 *
 * Well-formedness is checked where it is cheap: every tag must close, end tags must match
 * their start tags, entities must be the five XML ones or valid character references, and the
 * document must end with its root closed. Any failure throws XmlError; readers turn it into
 * BadWorkbookError("corrupt") as exceljs's parser failing did.
 *
 * Text follows XML 1.0 as saxes (exceljs's parser) does: `\r\n` and `\r` become `\n` in text;
 * tab, newline and carriage return become a space in attribute values; CDATA is text as is.
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

export interface XmlHandler {
  /** Read before each run of text: decode and deliver it only when true. */
  readonly wantsText: boolean;
  /** A start tag; its attributes are `source.slice(from, to)`, read with the helpers below
   * (readAttribute, parseAttributes) so nothing is copied unless asked for. */
  open(name: string, source: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Optional fast path: read the whole element whose start tag begins at `lt` (inside the
   * root) in one go, when it has the shape a part nearly always has, and return the index
   * just past its end tag; -1 leaves it to the scanner, tag by tag (anything unusual, or an
   * element not wholly in `s`). It must accept only what the scanner would read alike.
   */
  element?(s: string, lt: number): number;
}

const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const UNKNOWN = -2;
const SQUOTE = 0x27;

export class XmlScanner {
  private carry = "";
  /** Open elements: qualified names as written (for matching end tags) and local names. */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private sawRoot = false;
  /** By depth: the names of the element last opened there (see scan). */
  private readonly lastQualified: string[] = [];
  private readonly lastLocal: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  /** Scans every complete token of `carry + chunk`; an unfinished one waits for more. */
  feed(chunk: string): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = s.slice(this.scan(s));
  }

  /** The end of the document: nothing may be left open or unread. */
  end(): void {
    const rest = this.carry;
    this.carry = "";
    if (rest.length > 0) {
      // Trailing text after the root (whitespace) is fine; an unfinished tag is not.
      if (rest.includes("<")) throw new XmlError("unexpected end of document inside a tag");
      if (this.stack.length > 0 && rest.trim().length > 0) throw new XmlError("unexpected end of document");
    }
    if (this.stack.length > 0) throw new XmlError(`unclosed element <${this.stack[this.stack.length - 1] ?? ""}>`);
    if (!this.sawRoot) throw new XmlError("no root element");
  }

  /** Returns where the first unfinished token starts (s.length when none). */
  private scan(s: string): number {
    this.nextDouble = this.nextSingle = UNKNOWN;
    const handler = this.handler;
    const stack = this.stack;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return i; // text whose end has not arrived
      if (lt > i && stack.length > 0 && handler.wantsText) handler.text(decodeText(s.slice(i, lt)));
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        // Compared in place with the open element's name: no string made per end tag.
        const open = stack.pop();
        if (open === undefined || !s.startsWith(open, lt + 2) || !isNameEnd(s, lt + 2 + open.length, gt)) {
          throw new XmlError(`</${s.slice(lt + 2, gt).trim()}> closes ${open === undefined ? "nothing" : `<${open}>`}`);
        }
        handler.close(this.locals.pop() ?? "");
        i = gt + 1;
      } else if (c === QUESTION) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return lt;
        i = end + 2;
      } else if (c === BANG) {
        const next = this.special(s, lt);
        if (next < 0) return lt;
        i = next;
      } else {
        if (stack.length > 0) {
          const next = handler.element?.(s, lt) ?? -1;
          if (next >= 0) {
            i = next;
            continue;
          }
        }
        const gt = this.tagEnd(s, lt + 1);
        if (gt < 0) return lt;
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        const contentEnd = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        let colon = -1;
        for (; nameEnd < contentEnd; nameEnd++) {
          const ch = s.charCodeAt(nameEnd);
          if (ch === 0x3a /* : */) colon = nameEnd;
          else if (isSpace(ch)) break;
        }
        if (nameEnd === lt + 1 || colon === nameEnd - 1) throw new XmlError("empty tag name");
        // The name of the last element opened at this depth is usually this one's (`row`, `c`):
        // reused rather than sliced again.
        const depth = stack.length;
        let qualified = this.lastQualified[depth];
        let name: string;
        if (qualified !== undefined && qualified.length === nameEnd - lt - 1 && s.startsWith(qualified, lt + 1)) name = this.lastLocal[depth] ?? "";
        else {
          qualified = s.slice(lt + 1, nameEnd);
          name = colon < 0 ? qualified : s.slice(colon + 1, nameEnd);
          this.lastQualified[depth] = qualified;
          this.lastLocal[depth] = name;
        }
        if (depth === 0) {
          if (this.sawRoot) throw new XmlError("a second root element");
          this.sawRoot = true;
        }
        handler.open(name, s, nameEnd, contentEnd, selfClosing);
        if (selfClosing) handler.close(name);
        else {
          stack.push(qualified);
          this.locals.push(name);
        }
        i = gt + 1;
      }
    }
    return n;
  }

  /** Next `"` and `'` in the string being scanned, found with indexOf and remembered, so
   * finding where a tag ends costs no character loop (UNKNOWN: search again; -1: none left). */
  private nextDouble = UNKNOWN;
  private nextSingle = UNKNOWN;

  private quoteAt(s: string, from: number, double: boolean): number {
    let at = double ? this.nextDouble : this.nextSingle;
    if (at === -1) return -1;
    if (at < from) {
      at = s.indexOf(double ? '"' : "'", from);
      if (double) this.nextDouble = at;
      else this.nextSingle = at;
    }
    return at;
  }

  /** Where the start tag opened before `from` ends (its `>` outside quoted values), or -1. */
  private tagEnd(s: string, from: number): number {
    let gt = s.indexOf(">", from);
    if (gt < 0) return -1;
    let i = from;
    for (;;) {
      const d = this.quoteAt(s, i, true);
      const q = this.quoteAt(s, i, false);
      const first = d < 0 ? q : q < 0 ? d : Math.min(d, q);
      if (first < 0 || first > gt) break;
      const close = this.quoteAt(s, first + 1, first === d);
      if (close < 0) return -1;
      i = close + 1;
      if (close > gt) {
        gt = s.indexOf(">", i);
        if (gt < 0) return -1;
      }
    }
    if (s.lastIndexOf("<", gt) !== from - 1) throw new XmlError("`<` inside a tag");
    return gt;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>`, `<!DOCTYPE …>`: where it ends, or -1 if not yet. */
  private special(s: string, lt: number): number {
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      if (this.stack.length > 0 && this.handler.wantsText) this.handler.text(s.slice(lt + 9, end).replace(CR_RUN, "\n"));
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    if (s.startsWith("<!DOCTYPE", lt)) {
      // An internal subset `[ … ]` may hold `>`: skip past its `]` first.
      const bracket = s.indexOf("[", lt);
      const gt = s.indexOf(">", lt);
      if (gt < 0) return -1;
      if (bracket < 0 || bracket > gt) return gt + 1;
      const close = s.indexOf("]", bracket);
      if (close < 0) return -1;
      const end = s.indexOf(">", close);
      return end < 0 ? -1 : end + 1;
    }
    throw new XmlError("unknown markup declaration");
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Only spaces between `from` and `gt`: the end tag's name ended at `from`. */
function isNameEnd(s: string, from: number, gt: number): boolean {
  for (let i = from; i < gt; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

const CR_RUN = /\r\n?/g;
/** `&amp;` `&#38;` `&#x26;`: one reference. */
const ENTITY = /&([^;&]*);?/g;

/** Entity references decoded and line ends normalised. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(CR_RUN, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, entityValue);
}

/** An attribute value: entities decoded, tab/newline/CR as a space (`\r\n` as one space). */
export function decodeAttribute(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, " ");
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, entityValue);
}

function entityValue(match: string, name: string): string {
  if (!match.endsWith(";")) throw new XmlError(`unterminated entity reference ${match}`);
  switch (name) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  if (name.charCodeAt(0) === 0x23 /* # */) {
    const hex = name.charCodeAt(1) === 0x78; /* x */
    const digits = name.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError(`bad character reference &${name};`);
    const code = parseInt(digits, hex ? 16 : 10);
    if (!isXmlChar(code)) throw new XmlError(`character reference &${name}; is not an XML character`);
    return String.fromCodePoint(code);
  }
  throw new XmlError(`undefined entity &${name};`);
}

/** XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * The attributes of a start tag as [localName, value] pairs, in order; `prefixed` tells a
 * namespaced name (`r:id`) from a plain one. `name = "v"` or `name='v'`, any spacing.
 */
export interface XmlAttribute {
  name: string;
  prefixed: boolean;
  value: string;
}

export function parseAttributes(source: string, from = 0, to = source.length): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    if (i >= to) break;
    const eq = source.indexOf("=", i);
    if (eq < 0 || eq >= to) throw new XmlError("attribute without a value");
    let nameEnd = eq;
    while (nameEnd > i && isSpace(source.charCodeAt(nameEnd - 1))) nameEnd--;
    const full = source.slice(i, nameEnd);
    const valueFrom = valueStart(source, eq, to);
    const valueTo = valueEnd(source, valueFrom, to);
    const colon = full.indexOf(":");
    out.push({ name: colon >= 0 ? full.slice(colon + 1) : full, prefixed: colon >= 0, value: attributeValue(source, valueFrom, valueTo) });
    i = valueTo + 1;
  }
  return out;
}

/** Where the quoted value after the `=` at `eq` starts (just after its opening quote). */
function valueStart(source: string, eq: number, to: number): number {
  let q = eq + 1;
  while (q < to && isSpace(source.charCodeAt(q))) q++;
  const quote = source.charCodeAt(q);
  if (quote !== DQUOTE && quote !== SQUOTE) throw new XmlError("unquoted attribute value");
  return q + 1;
}

/** The closing quote of the value starting at `from` (two numbers, no pair allocated per attribute). */
function valueEnd(source: string, from: number, to: number): number {
  const close = source.indexOf(source.charCodeAt(from - 1) === DQUOTE ? '"' : "'", from);
  if (close < 0 || close >= to) throw new XmlError("unterminated attribute value");
  return close;
}

function attributeValue(source: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x26 /* & */ || c === 0x09 || c === 0x0a || c === 0x0d) return decodeAttribute(source.slice(from, to));
  }
  return source.slice(from, to);
}

/**
 * The values of the unprefixed attributes `names` among `source.slice(from, to)`, into `out`
 * (undefined where absent), in one pass: the hot-path reader for `<c r="A6" s="3" t="s">`,
 * which copies only the values it returns.
 */
export function readAttributes(source: string, from: number, to: number, names: readonly string[], out: (string | undefined)[]): void {
  out.fill(undefined);
  let i = from;
  while (i < to) {
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    if (i >= to) return;
    const eq = source.indexOf("=", i);
    if (eq < 0 || eq >= to) throw new XmlError("attribute without a value");
    let nameEnd = eq;
    while (nameEnd > i && isSpace(source.charCodeAt(nameEnd - 1))) nameEnd--;
    const valueFrom = valueStart(source, eq, to);
    const valueTo = valueEnd(source, valueFrom, to);
    const length = nameEnd - i;
    for (let k = 0; k < names.length; k++) {
      const name = names[k] ?? "";
      if (name.length === length && source.startsWith(name, i)) {
        out[k] = attributeValue(source, valueFrom, valueTo);
        break;
      }
    }
    i = valueTo + 1;
  }
}

/** One unprefixed attribute's value, or undefined. */
export function attribute(attributes: readonly XmlAttribute[], name: string): string | undefined {
  for (const a of attributes) if (a.name === name && !a.prefixed) return a.value;
  return undefined;
}

/** Feeds a whole string (small parts: workbook.xml, rels, styles). */
export function scanXml(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.feed(text);
  scanner.end();
}
