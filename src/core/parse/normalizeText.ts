/**
 * Per-character width folding for the parser (and the cleaner): every UTF-16 code unit maps to
 * exactly one code unit, so an offset into the folded text is the same offset into the text the
 * user typed. The parser reads the folded text and slices `raw` strings from the original.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E: `０-９ Ａ-Ｚ ％ ： ， ； （ ） ＞ ＝ ～ ．`) sit 0xFEE0 above ASCII. */
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_SHIFT = 0xfee0;

/** The folded form of one UTF-16 code unit: `９` → `9`, `％` → `%`, `：` → `:`, `≧` → `≥`.
 * Called for every character the parser reads, so it is a switch, not a map lookup. */
export function foldCode(code: number): number {
  if (code < 0x2000) return code === 0xa0 ? 0x20 : code;
  // Kana, CJK ideographs, Hangul …: the bulk of every cell, nothing to fold.
  if (code >= 0x3040 && code < 0xfe50) return code;
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return code - FULL_WIDTH_SHIFT;
  switch (code) {
    case 0x3000: // ideographic space
      return 0x20;
    case 0x2267: // ≧
      return 0x2265;
    case 0x2266: // ≦
      return 0x2264;
    case 0x2550: // ═ (box drawing)
      return 0x3d;
    case 0xfe6a: // ﹪
      return 0x25;
    case 0xfe50: // ﹐
      return 0x2c;
    case 0xfe54: // ﹔
      return 0x3b;
    case 0xfe55: // ﹕
    case 0x2236: // ∶ (the ratio sign Chinese input methods type for a colon: `1∶15`, `年度指标值∶`)
      return 0x3a;
    case 0x301c: // 〜
      return 0x7e;
    case 0xff61: // halfwidth ｡
      return 0x3002;
    case 0xff64: // halfwidth ､
      return 0x3001;
    default:
      return code;
  }
}

/**
 * The text with full-width ASCII forms, the ideographic space and operator look-alikes folded,
 * the same length as the input. Example: `＞＝９０％` → `>=90%`; `１，０００个；` → `1,000个;`.
 * `、` and `。` are kept: they are the item grammar's own marks.
 */
export function foldWidth(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (foldCode(code) !== code) break;
    i++;
  }
  if (i === n) return text;
  // One flat string from the code units: cheaper than a rope of slices that charCodeAt must
  // flatten again. Chunked so a huge cell cannot overflow the argument stack.
  let out = "";
  for (let start = 0; start < n; start += FOLD_CHUNK) {
    const end = Math.min(n, start + FOLD_CHUNK);
    const codes = new Array<number>(end - start);
    for (let k = start; k < end; k++) codes[k - start] = foldCode(text.charCodeAt(k));
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

const FOLD_CHUNK = 8192;

/** ASCII digit (after folding). */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Space or tab (after folding: the ideographic space is a space). Line breaks are not spaces:
 * they can end an item. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Any white space the parser skips between items: spaces, tabs, line breaks. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c;
}

/** A CJK unified ideograph (the basic block: every word of the domain lives there). */
export function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** An operator glyph (width-folded): `≥ ≤ > < =`, where a value begins (`培训人数≥200人`). */
export function isOperatorGlyph(code: number): boolean {
  return code === 0x2265 || code === 0x2264 || code === 0x3e || code === 0x3c || code === 0x3d;
}

/**
 * A name a line break runs through, as one line: `完成老旧小区\n改造数量` (a name wrapped in Word, pasted) is
 * `完成老旧小区改造数量`; between two Latin letters or digits the break is a space (`PM2.5\nindex`). The
 * item keeps its name as written (its spans point into it): the cleaner and the normalized table
 * write it so.
 */
export function joinLines(name: string): string {
  if (name.indexOf("\n") < 0 && name.indexOf("\r") < 0) return name;
  return name.replace(/[^\S\r\n]*[\r\n]+\s*/g, (_, offset: number, whole: string) => {
    const before = whole.charCodeAt(offset - 1);
    const after = whole.charCodeAt(offset + _.length);
    return isLatinOrDigit(before) && isLatinOrDigit(after) ? " " : "";
  });
}

function isLatinOrDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
