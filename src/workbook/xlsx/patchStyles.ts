import { allElements, findElement, getAttr, setAttr } from "./patchXml";
import { Unpatchable } from "./zipArchive";

/**
 * xl/styles.xml, extended by appending: a cell's new style is a copy of its old cell format
 * (`<xf>` in `<cellXfs>`) with the number format, fill or font replaced, so everything else it
 * had (borders, alignment, protection) stays. One new xf per (base xf, change), shared by all
 * cells that need it. Nothing already there moves, so untouched cells keep their indexes.
 *
 * `fork()` copies the book: both output workbooks start from one book holding the generated
 * sheets' styles, so the shared 指标明细 part points at the same indexes in both.
 */

/** Excel's built-in number format 49, "@" (Text). */
const TEXT_NUMFMT = "49";
const LINK_COLOR = "FF0563C1";

export interface StyleChange {
  text?: boolean;
  /** ARGB of a solid fill, or a whole `<fill>…</fill>` element (a fill given back as it was). */
  fill?: string;
  bold?: boolean;
  link?: boolean;
}

export class StyleBook {
  private constructor(
    private readonly xml: string,
    private readonly xfs: string[],
    private readonly originalXfCount: number,
    private readonly fonts: string[],
    private readonly originalFontCount: number,
    private readonly fillCount: { original: number; added: string[] },
    private readonly derived: Map<string, number>,
  ) {}

  static parse(xml: string): StyleBook {
    const cellXfs = findElement(xml, "cellXfs");
    const fonts = findElement(xml, "fonts");
    const fills = findElement(xml, "fills");
    if (!cellXfs || cellXfs.selfClosing || !fonts || fonts.selfClosing || !fills) throw new Unpatchable("styles.xml without cellXfs, fonts or fills");
    const xfs = allElements(xml, "xf", cellXfs.openEnd, cellXfs.contentEnd).map((e) => xml.slice(e.start, e.end));
    const fontList = allElements(xml, "font", fonts.openEnd, fonts.contentEnd).map((e) => xml.slice(e.start, e.end));
    const fillCount = fills.selfClosing ? 0 : allElements(xml, "fill", fills.openEnd, fills.contentEnd).length;
    if (xfs.length === 0 || fontList.length === 0) throw new Unpatchable("styles.xml without cell formats or fonts");
    return new StyleBook(xml, xfs, xfs.length, fontList, fontList.length, { original: fillCount, added: [] }, new Map());
  }

  fork(): StyleBook {
    return new StyleBook(
      this.xml,
      [...this.xfs],
      this.originalXfCount,
      [...this.fonts],
      this.originalFontCount,
      { original: this.fillCount.original, added: [...this.fillCount.added] },
      new Map(this.derived),
    );
  }

  /** The index of the xf that is `base` with `change` applied (created once). An unknown
   * base index (a broken file) counts as the default format 0, as Excel reads it. */
  derive(base: number, change: StyleChange): number {
    const key = `${base}|${change.text ? 1 : 0}|${change.fill ?? ""}|${change.bold ? 1 : 0}|${change.link ? 1 : 0}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    let xf = this.xfs[base] ?? this.xfs[0] ?? "<xf/>";
    let open = xf.slice(0, xf.indexOf(">") + 1);
    const rest = xf.slice(open.length);
    if (change.text) open = setAttr(setAttr(open, "numFmtId", TEXT_NUMFMT), "applyNumberFormat", "1");
    if (change.fill) open = setAttr(setAttr(open, "fillId", String(this.addFill(change.fill))), "applyFill", "1");
    if (change.bold || change.link) {
      const fontId = Number(getAttr(open, "fontId") ?? "0");
      open = setAttr(setAttr(open, "fontId", String(this.deriveFont(fontId, change))), "applyFont", "1");
    }
    xf = open + rest;
    this.xfs.push(xf);
    const index = this.xfs.length - 1;
    this.derived.set(key, index);
    return index;
  }

  /** The xf index a cell without an `s` attribute has. */
  static readonly DEFAULT = 0;

  toXml(): string {
    let xml = this.xml;
    // From the last section to the first, so earlier offsets stay valid.
    xml = appendTo(xml, "cellXfs", this.xfs.slice(this.originalXfCount), this.xfs.length);
    xml = appendTo(xml, "fills", this.fillCount.added, this.fillCount.original + this.fillCount.added.length);
    xml = appendTo(xml, "fonts", this.fonts.slice(this.originalFontCount), this.fonts.length);
    return xml;
  }

  get changed(): boolean {
    return this.xfs.length > this.originalXfCount;
  }

  private addFill(argbOrXml: string): number {
    const fill = argbOrXml.startsWith("<fill")
      ? argbOrXml
      : `<fill><patternFill patternType="solid"><fgColor rgb="${argbOrXml}"/><bgColor rgb="${argbOrXml}"/></patternFill></fill>`;
    const known = this.fillCount.added.indexOf(fill);
    if (known >= 0) return this.fillCount.original + known;
    this.fillCount.added.push(fill);
    return this.fillCount.original + this.fillCount.added.length - 1;
  }

  private deriveFont(fontId: number, change: StyleChange): number {
    let font = this.fonts[fontId] ?? this.fonts[0] ?? "<font/>";
    if (font.endsWith("/>")) font = `${font.slice(0, -2)}></font>`;
    const open = font.slice(0, font.indexOf(">") + 1);
    let body = font.slice(open.length, font.length - "</font>".length);
    if (change.bold) body = `<b/>${body.replace(/<b(\s[^>]*)?\/>/g, "")}`;
    if (change.link) body = `<u/>${body.replace(/<u(\s[^>]*)?\/>/g, "").replace(/<color(\s[^>]*)?\/>/g, "")}<color rgb="${LINK_COLOR}"/>`;
    const derived = `${open}${body}</font>`;
    const known = this.fonts.indexOf(derived);
    if (known >= 0) return known;
    this.fonts.push(derived);
    return this.fonts.length - 1;
  }
}

/** Appends elements to a section (`<cellXfs count="4">…</cellXfs>`) and updates its count. */
function appendTo(xml: string, section: string, added: readonly string[], count: number): string {
  if (added.length === 0) return xml;
  const e = findElement(xml, section);
  if (!e) throw new Unpatchable(`styles.xml without ${section}`);
  const open = setAttr(xml.slice(e.start, e.openEnd), "count", String(count));
  if (e.selfClosing) return `${xml.slice(0, e.start)}${open.slice(0, -2)}>${added.join("")}</${section}>${xml.slice(e.end)}`;
  return xml.slice(0, e.start) + open + xml.slice(e.openEnd, e.contentEnd) + added.join("") + xml.slice(e.contentEnd);
}
