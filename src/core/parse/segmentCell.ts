import type { NumberingStyle, ValueLabel } from "../model";
import { isDigit, isHan, isOperatorGlyph, isSpace, isWhitespace } from "./normalizeText";
import { isValueRemark, looksLikeValue, numberContinuesValue, prefixWordAt, readValue } from "./parseValue";
import { LABEL, labelAt, mayEndShortLabel } from "./readLabel";
import { HEAD, readHead } from "./readHead";
import { level1At } from "./vocabulary";
import { MARKER, isCircledNumber, isParenthesizedNumber, readDotMarkerBeforeDigit, readMarker, startsCategory, startsCategoryWord, type Marker } from "./readMarker";

const FULL_STOP = 0x3002; // 。
const SEMICOLON = 0x3b; // ; (and ；, folded)
const LF = 0x0a;
const CR = 0x0d;
const OPEN = 0x28;
const CLOSE = 0x29;
const VALUE_CHAR = 0x503c; // 值
const BIAO_CHAR = 0x6807; // 标
const COLON = 0x3a;
const COMMA = 0x2c;
const DOT = 0x2e;
const DUN = 0x3001; // 、
const PERCENT = 0x25;
const PERMILLE = 0x2030;
const DI = 0x7b2c; // 第: `第2、3季度` is an ordinal, not item 2
const WEI = 0x4e3a; // 为
const ZERO = 0x30;

/** How far past a `;` or line break we look for the next item's number or category. */
const LOOKAHEAD = 64;

/**
 * Walks a cell (width-folded, see foldWidth) item by item in one left-to-right pass: each call
 * of next() finds the next item's extent and leaves it in the cursor's fields, which the item
 * reader consumes before the next call. One cursor serves every cell: no object per item.
 *
 * An item starts at the start of the cell or after a terminator; `。` always ends an item, `;`
 * unless it only separates the parts of one (`产出指标；培训人数；年度指标值：…`), a line break
 * when the item already has a labelled value, the next line starts an item, or the line is a
 * heading (`一、产出指标\n数量指标：…`, see isHeading). A number in
 * mid-text starts an item when it is the next expected number and a category follows
 * (`…≥90%2、产出指标：…`), or, any number, when a whole category word follows (`…合格2、满意度指标：`
 * repeats a number, `…≥100人4、效益指标：` skips one: numbering_irregular reports them), so
 * `第2、3季度`, `1、2号楼`, `2个工作日`, `1.5万元` and `2023.07-2024.01` stay inside their item.
 * `一、` starts an item only where an item can start, never in mid-text. A section heading run on
 * to its first item numbered another way (`一、产出指标：1、培训人数…`, `产出指标；(1)…`,
 * `1、产出指标：（1）…`) ends before the item's `1` (counted in sectionSplits: the caller checks the
 * cell bears it out), unless reset said otherwise.
 * Every decision looks a bounded distance ahead: linear time.
 */
export class SegmentCursor {
  /** Where the item starts: its number, or its first character when unnumbered. */
  start = 0;
  /** The item's content: after the number, before the terminator, outer spaces trimmed. */
  contentStart = 0;
  contentEnd = 0;
  /** Where the terminator starts, -1 at the end of the cell or before a run-on item. */
  terminatorStart = -1;
  terminatorLength = 0;
  /** Just after the item, repeated terminators (`。。`) included. */
  end = 0;
  /** The item's number, when it has one. */
  hasMarker = false;
  marker: Marker = { number: 0, digitsStart: 0, digitsEnd: 0, style: "dun", end: 0 };
  /** The item's first value label, found while scanning, when it lies inside the content. */
  hasLabel = false;
  label: ValueLabel = "指标值";
  labelStart = 0;
  labelEnd = 0;
  valueStart = 0;

  /** How many times an item ended before the first item of a section heading run on to it
   * (`一、产出指标：1、培训人数…`) since the last reset: the caller checks the cell bears them out. */
  sectionSplits = 0;

  private folded = "";
  private n = 0;
  private pos = 0;
  private lastNumber = 0;
  /** The number and style (`2` of `2、`) of the last numbered item before the one being read: a
   * heading run on to an item may number on from it (`…；2、…；效益指标：3、…`). */
  private readonly previous: NumberedItem = { style: "none", number: 0 };
  private readonly last: NumberedItem = { style: "none", number: 0 };
  private runOnHeadings = true;

  /** Starts on a cell; `runOnHeadings` false reads no heading run on to its first item. */
  reset(folded: string, runOnHeadings = true): void {
    this.folded = folded;
    this.n = folded.length;
    this.lastNumber = 0;
    this.previous.style = this.last.style = "none";
    this.previous.number = this.last.number = 0;
    this.sectionSplits = 0;
    this.runOnHeadings = runOnHeadings;
    this.pos = skipWhitespace(folded, 0, this.n);
  }

  /** Finds the next item; false at the end of the cell. */
  next(): boolean {
    const folded = this.folded;
    const n = this.n;
    while (this.pos < n) {
      const pos = this.pos;
      // `2.65岁以上…` after item `1.`: the number and its dot, before the digit the name starts with.
      const hasMarker = readMarker(folded, pos, n, true) || (this.last.style === "dot" && readDotMarkerBeforeDigit(folded, pos, n, this.last.number + 1));
      let contentStart = pos;
      // The items before this one, for a heading here run on to an item numbering on from them.
      this.previous.style = this.last.style;
      this.previous.number = this.last.number;
      if (hasMarker) {
        const m = this.marker;
        m.number = MARKER.number;
        m.digitsStart = MARKER.digitsStart;
        m.digitsEnd = MARKER.digitsEnd;
        m.style = MARKER.style;
        m.end = MARKER.end;
        contentStart = skipSpaces(folded, m.end, n);
        this.lastNumber = m.number;
        this.last.style = m.style;
        this.last.number = m.number;
      }
      const expected = this.lastNumber + 1;
      // Only an unnumbered item or one numbered like a heading (`一、`, `（一）`) can be a section
      // heading on a line of its own; any item can be one run on to its first item (unless reset
      // said otherwise), numbered another way than the heading (`1、产出指标：（1）…`, see
      // startsSectionItem).
      const headingLike = !hasMarker || this.marker.style === "hanzi" || this.marker.style === "parenHanzi";
      const headingStyle: NumberingStyle = hasMarker ? this.marker.style : "none";
      const runOnHeading = this.runOnHeadings;

      let i = contentStart;
      let terminatorStart = -1;
      let terminatorLength = 0;
      let hasLabel = false;
      let valueAfterLabel = false;
      /** Brackets opened and not yet closed in the item: `(≥1)` holds no `1)` item. */
      let depth = 0;
      /** A digit stood before `i`: only then may a comma or a space end the item after a value
       * (commaEndsItem, startsSpacedItem, a head after a value). */
      let digitSeen = false;
      for (; i < n; i++) {
        const c = folded.charCodeAt(i);
        if (c === FULL_STOP) {
          terminatorStart = i;
          terminatorLength = 1;
          break;
        }
        if (c === DOT && dotEndsItem(folded, contentStart, i, n, expected)) {
          terminatorStart = i;
          terminatorLength = 1;
          break;
        }
        if (c === SEMICOLON) {
          if (semicolonEndsItem(folded, contentStart, i, n)) {
            terminatorStart = i;
            terminatorLength = 1;
            break;
          }
          continue;
        }
        if (c === LF || c === CR) {
          if (
            valueAfterLabel ||
            nextStartsItem(folded, i + 1, n) ||
            (this.last.style === "dot" && nextStartsDotItem(folded, i + 1, n, expected)) ||
            (headingLike && i - contentStart <= HEADING_MAX && endsHeadingLine(folded, contentStart, i, n)) ||
            (!hasLabel && endsNameValueLine(folded, contentStart, i, n))
          ) {
            terminatorStart = i;
            terminatorLength = c === CR && folded.charCodeAt(i + 1) === LF ? 2 : 1;
            break;
          }
          continue;
        }
        if (
          (isDigit(c) || c === OPEN || isCircledNumber(c) || isParenthesizedNumber(c)) &&
          i > contentStart &&
          (startsRunOnItem(folded, contentStart, i, n, expected, depth) ||
            (runOnHeading && i - contentStart <= HEADING_MAX && this.splitsSection(folded, contentStart, i, n, depth, headingStyle)) ||
            (digitSeen && depth === 0 && startsSpacedItem(folded, contentStart, i, n, expected)))
        ) {
          // A run-on item's number may start inside a digit run glued to the value (`：42、`).
          if (runOnStart > i) i = runOnStart;
          break;
        }
        if (c === COMMA && digitSeen && !hasLabel && depth === 0 && commaEndsItem(folded, contentStart, i, n)) {
          // `产出指标：培训人数≥100人，资金拨付率≥90%`: two indicators, each a name and its value.
          terminatorStart = i;
          terminatorLength = 1;
          break;
        }
        if (isSpace(c) && digitSeen && !hasLabel && depth === 0 && spaceEndsItem(folded, contentStart, i, n)) {
          // `产出指标：培训人数≥100人 培训合格率≥95%`: the same, apart by spaces only.
          break;
        }
        if (
          depth === 0 &&
          (c === COMMA || c === DUN || isSpace(c)) &&
          (valueAfterLabel || digitSeen) &&
          startsHeadAfterValue(folded, i + 1, n) &&
          // (A name and its quantity fit in LOOKAHEAD: past it, no scan from the item's start at every
          // separator, which made a run-on cell quadratic.)
          (valueAfterLabel || (i - contentStart <= LOOKAHEAD && namesValue(folded, contentStart, i, true)))
        ) {
          // `≥90个，效益指标：…`, `合格 效益指标：…`, `培训人数≥100人 效益指标：…`: the next item, its number
          // and terminator left out.
          if (!isSpace(c)) {
            terminatorStart = i;
            terminatorLength = 1;
          }
          break;
        }
        if (c === OPEN) depth++;
        else if (c === CLOSE && depth > 0) depth--;
        else if (!digitSeen && isDigit(c)) digitSeen = true;
        // `值` ends every label (`年度指标值`); `标` a shortened one (`年度指标：`).
        if (c === VALUE_CHAR || (c === BIAO_CHAR && mayEndShortLabel(folded, i))) {
          if (!hasLabel && labelAt(folded, i, contentStart)) {
            hasLabel = true;
            this.label = LABEL.label;
            this.labelStart = LABEL.start;
            this.labelEnd = LABEL.end;
            this.valueStart = LABEL.valueStart;
          } else if (valueAfterLabel && depth === 0 && labelAt(folded, i, contentStart)) {
            // A second label after a value: `…≥200人，培训场次，年度指标值：≥5场` is two items, the
            // second's number and head left out. The first ends at the separator before its name.
            const split = separatorBefore(folded, this.valueStart, LABEL.start);
            if (split >= 0) {
              // `≥200人5、产出：…`: the `、` is the next item's number mark, glued to the value's unit;
              // the item starts at its digits. Digits glued to the value's own number stay its
              // (`≥201、效益：…` keeps ≥201: which digits would be the item's cannot be told).
              let digits = split;
              while (digits > this.valueStart + 1 && isDigit(folded.charCodeAt(digits - 1))) digits--;
              const before = folded.charCodeAt(digits - 1);
              if (folded.charCodeAt(split) === DUN && digits < split && (isHan(before) || before === PERCENT || before === PERMILLE)) {
                i = digits;
              } else {
                i = split;
                terminatorStart = split;
                terminatorLength = 1;
              }
              break;
            }
          }
        } else if (hasLabel && !valueAfterLabel && !isSpace(c) && c !== COLON && c !== COMMA) {
          valueAfterLabel = true;
        }
      }

      let contentEnd = terminatorStart >= 0 ? terminatorStart : i;
      while (contentEnd > contentStart && isWhitespace(folded.charCodeAt(contentEnd - 1))) contentEnd--;
      let end = contentEnd;
      if (terminatorStart >= 0) {
        end = terminatorStart + terminatorLength;
        while (end < n && (folded.charCodeAt(end) === FULL_STOP || folded.charCodeAt(end) === SEMICOLON)) end++;
      }
      if (end <= pos) end = pos + 1; // cannot happen; guarantees progress all the same
      this.pos = skipWhitespace(folded, end, n);
      if (hasMarker || contentEnd > contentStart) {
        this.start = pos;
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
        this.end = end;
        this.terminatorStart = terminatorStart;
        this.terminatorLength = terminatorLength;
        this.hasMarker = hasMarker;
        this.hasLabel = hasLabel && this.labelStart >= contentStart && this.labelEnd <= contentEnd;
        return true;
      }
    }
    return false;
  }

  /** startsSectionItem, counted in sectionSplits when it says yes. */
  private splitsSection(folded: string, contentStart: number, i: number, n: number, depth: number, headingStyle: NumberingStyle): boolean {
    if (!startsSectionItem(folded, contentStart, i, n, depth, headingStyle, this.previous)) return false;
    this.sectionSplits++;
    return true;
  }
}

function skipSpaces(folded: string, i: number, end: number): number {
  while (i < end && isSpace(folded.charCodeAt(i))) i++;
  return i;
}

function skipWhitespace(folded: string, i: number, end: number): number {
  while (i < end && isWhitespace(folded.charCodeAt(i))) i++;
  return i;
}

/** The first non-white position after `i`, looking at most LOOKAHEAD characters ahead. */
function peek(folded: string, i: number, n: number): number {
  const limit = Math.min(n, i + LOOKAHEAD);
  while (i < limit && isWhitespace(folded.charCodeAt(i))) i++;
  return i < limit ? i : -1;
}

/** Whether an item number or a category begins after `i` (white space skipped): a 一级, or a
 * whole 二级 word (`质量指标：合格率≥95%` on the next line of `数量指标：培训人数≥100人`). */
function nextStartsItem(folded: string, i: number, n: number): boolean {
  const k = peek(folded, i, n);
  return k >= 0 && (readMarker(folded, k, n, true) || startsCategory(folded, k, n) || startsCategoryWord(folded, k, n) || isLevel2Line(folded, k, n));
}

/** Whether the line at `k` is a known 二级 written short and its colon, nothing else (`质量：`, a
 * sub-heading over the next items): it ends the line before it, as a whole 二级 word does. */
function isLevel2Line(folded: string, k: number, n: number): boolean {
  let end = k;
  while (end < n && end - k < HEADING_MAX && !endsLine(folded.charCodeAt(end))) end++;
  if (end - k >= HEADING_MAX || !readHead(folded, k, end) || HEAD.level1Start >= 0 || HEAD.level2 === undefined) return false;
  return skipWhitespace(folded, HEAD.end, end) === end;
}

/** Whether the expected item `N.` begins after `i` (white space skipped), its name starting with a
 * digit (`\n2.65岁以上老年人健康管理率`): see readDotMarkerBeforeDigit. */
function nextStartsDotItem(folded: string, i: number, n: number, expected: number): boolean {
  const k = peek(folded, i, n);
  return k >= 0 && readDotMarkerBeforeDigit(folded, k, n, expected);
}

/**
 * Whether the line break at `i` ends an unlabelled `名称：值` item whose next line is another
 * (`培训人数：≥100人\n培训期数：≥4期`, `服务质量：明显提升\n群众满意度≥90%`, `带动就业≥50人\n…`): both
 * lines write a name and its value (namesValue). A line ending at its colon (`产出指标：\n培训人数…`),
 * or a next line that writes no such item (`底前`), goes on with the item; a note line (`注：…`,
 * `（…）`) after it starts a segment that parseCell joins to the item.
 */
function endsNameValueLine(folded: string, contentStart: number, i: number, n: number): boolean {
  // A note line (`注：以实际为准`) between such items ends where the next item begins.
  if (!startsNote(folded, contentStart)) {
    let lineStart = Math.max(contentStart, folded.lastIndexOf("\n", i - 1) + 1);
    // `产出指标：老旧小区\n改造数量≥10个`: the head's colon separates no name from a value; the
    // name goes on on the next line.
    // (Not before a 二级 word: `产出指标：数量指标\n培训人数…` heads the lines below.)
    if (readHead(folded, lineStart, i) && HEAD.end > lineStart && HEAD.end < i && !startsCategoryWord(folded, skipWhitespace(folded, HEAD.end, i), i)) lineStart = HEAD.end;
    if (!namesValue(folded, lineStart, i)) return false;
  }
  const k = skipWhitespace(folded, i + 1, n);
  // A note after the item (`注：…`, `（…）`) joins it (parseCell): it starts a segment of its own.
  if (startsNote(folded, k) || folded.charCodeAt(k) === OPEN) return true;
  let end = k;
  while (end < n && end - k < LOOKAHEAD && !endsLine(folded.charCodeAt(end))) end++;
  return namesValue(folded, k, end);
}

/**
 * Whether the line [s, e) writes a name and then its value after a colon, an operator or a comma
 * (`培训人数：≥100人`, `带动就业≥50人`, `居民健康水平，有效提升`, `培训期数，年度指标值：≥4期`), outside
 * brackets (`培训人数（单位：人次）：≥300`). With `quantity`, only after an operator, a glyph or a
 * word (`资金拨付率≥90%`, `产出指标：培训人数不少于100人`): a name and a quantity.
 */
function namesValue(folded: string, s: number, e: number, quantity = false): boolean {
  let depth = 0;
  for (let j = s + 1; j < e; j++) {
    const c = folded.charCodeAt(j);
    if (c === OPEN) depth++;
    else if (c === CLOSE && depth > 0) depth--;
    else if (depth === 0) {
      const separator = !quantity && (c === COLON || c === COMMA);
      const operator = isOperatorGlyph(c) || (quantity && prefixWordAt(folded, j, e) > 0);
      if ((separator || operator) && endsName(folded, s, j) && valueIn(folded, separator ? j + 1 : j, e)) return true;
    }
  }
  return false;
}

/** Whether a name ends before `at` (a colon or an operator, spaces allowed before it): its last
 * character a Han character or a closing bracket (`培训人数（人）`). */
function endsName(folded: string, start: number, at: number): boolean {
  let j = at - 1;
  while (j > start && isSpace(folded.charCodeAt(j))) j--;
  const c = folded.charCodeAt(j);
  return j >= start && (isHan(c) || c === CLOSE);
}

/** `注：…` or `注释…` at `i`: a note, not an item (parseCell joins it to the item before). */
export function startsNote(folded: string, i: number): boolean {
  return folded.charCodeAt(i) === 0x6ce8 && (folded.charCodeAt(i + 1) === COLON || folded.charCodeAt(i + 1) === 0x91ca); // 注： 注释
}

/** A line break or a terminator: where a line's item ends. */
function endsLine(c: number): boolean {
  return c === LF || c === CR || c === FULL_STOP || c === SEMICOLON;
}

/** Whether [s, e) of the cell reads as a value (looksLikeValue): a number, a time, a known word. */
function valueIn(folded: string, s: number, e: number): boolean {
  const value = readValue(folded, folded, skipWhitespace(folded, s, e), e);
  return value.kind !== "empty" && looksLikeValue(value, folded);
}

/**
 * Whether the comma at `i` of an unlabelled item stands between two indicators each written as a
 * name, an operator and its value (`培训人数≥100人，资金拨付率不低于90%`): the item so far is one
 * (namesValue) and so is the text after the comma up to the next separator. A remark
 * (`≥90%，以实际为准`, `，力争≥95%`), a second bound (`≥95%，≤100%`), a part (`，其中骨干教师≥20人`,
 * `，含线上≥50人`, `，每期≥20人`) or a name without a value after the comma keeps the item whole. The part after the comma is an item of no number
 * that continues the 一级 of the one before it (parseCell). Both parts are read within LOOKAHEAD.
 */
function commaEndsItem(folded: string, contentStart: number, i: number, n: number): boolean {
  if (i - contentStart > LOOKAHEAD || !namesValue(folded, contentStart, i, true)) return false;
  const k = skipWhitespace(folded, i + 1, n);
  let end = k;
  while (end < n && end - k < LOOKAHEAD) {
    const c = folded.charCodeAt(end);
    if (c === COMMA || c === SEMICOLON || c === FULL_STOP || endsLine(c)) break;
    end++;
  }
  // `≥100人，其中骨干教师≥20人`, `，含线上≥50人`, `，力争≥95%`, `，每期≥20人`: a part of the same target,
  // or a remark on it (`，按期完成率≥95%` is another indicator).
  return !isValueRemark(folded, k, end) && namesValue(folded, k, end, true);
}

/**
 * Whether the spaces at `i` of an unlabelled item stand between two indicators each written as a
 * name, an operator and its value (`培训人数≥100人 培训合格率≥95%`), as commaEndsItem reads a comma:
 * the text after the spaces starts with a Han character (a number or a head after them is
 * startsSpacedItem's and startsHeadAfterValue's) and is no remark on the value (`≥100人 其中骨干≥20人`).
 */
function spaceEndsItem(folded: string, contentStart: number, i: number, n: number): boolean {
  if (isWhitespace(folded.charCodeAt(i - 1)) || i - contentStart > LOOKAHEAD) return false;
  const k = skipSpaces(folded, i, n);
  if (!isHan(folded.charCodeAt(k)) || !namesQuantity(folded, contentStart, i)) return false;
  let end = wordEnd(folded, k, n);
  // `合格率 ≥95%`: the name's value may stand after a space of its own.
  const next = skipSpaces(folded, end, n);
  if (next > end && next < n && (isOperatorGlyph(folded.charCodeAt(next)) || isDigit(folded.charCodeAt(next)))) end = wordEnd(folded, next, n);
  return !isValueRemark(folded, k, end) && namesQuantity(folded, k, end);
}

/** Where the run of text at `k` ends: at white space, a comma, a `；` or a `。` (LOOKAHEAD at most). */
function wordEnd(folded: string, k: number, n: number): number {
  let end = k;
  while (end < n && end - k < LOOKAHEAD) {
    const c = folded.charCodeAt(end);
    if (isWhitespace(c) || c === COMMA || c === SEMICOLON || c === FULL_STOP) break;
    end++;
  }
  return end;
}

/** A name and its quantity in [s, e): with an operator (namesValue), or a number glued to the
 * name with a unit (`合格率95%`, `培训人数100人`: DOMAIN.md §2, no operator means `=`). */
function namesQuantity(folded: string, s: number, e: number): boolean {
  if (namesValue(folded, s, e, true)) return true;
  let d = s;
  while (d < e && !isDigit(folded.charCodeAt(d))) d++;
  if (d - s < 2 || d >= e || !isHan(folded.charCodeAt(d - 1))) return false;
  const value = readValue(folded, folded, d, e);
  return value.kind === "quantitative" && value.unit !== undefined && value.garbled === undefined;
}

/** Labels a `;` may stand before inside one item: `培训人数；年度指标值：…`. A bare `目标值` is
 * one only before a colon (as readLabel reads it): `；目标值：≥100人`, not `；目标值考核…`. */
const LABEL_WORDS = ["年度指标值", "年度目标值", "指标值"];
const TARGET_LABEL = "目标值";

/** A `;` at `i` ends the item unless a label follows it or all before it is the item's head
 * (`1、产出指标；培训人数；年度指标值：≥50人`). */
function semicolonEndsItem(folded: string, contentStart: number, i: number, n: number): boolean {
  const k = peek(folded, i + 1, n);
  if (k >= 0) {
    for (const w of LABEL_WORDS) if (k + w.length <= n && folded.startsWith(w, k)) return false;
    if (k + TARGET_LABEL.length <= n && folded.startsWith(TARGET_LABEL, k) && colonAfterLabel(folded, k + TARGET_LABEL.length, n)) return false;
  }
  return !(readHead(folded, contentStart, i + 1) && HEAD.separator === SEMICOLON && HEAD.end === i + 1);
}

/**
 * Whether an ASCII `.` at `i` ends the item as `。` would: it follows a value's last character
 * that is no digit (a unit, `%`, a word: `≥100人.`, `≥90%.`, `合格.`) and only white space, the end
 * of the cell, an item number or a whole category word follows (`≥100人.2、效益指标`,
 * `≥90%.\n3.满意度指标`). A dot after a digit is a number's (`1.5万元`, `2023.07`, `2025.12.31前`,
 * the number `1.`), except one ending the cell (`≥90.`): nothing can follow it there, and one
 * right before an item number (the expected one, or up to MAX_SKIP past it) and a whole category
 * word (`≥100.2、效益指标`: no decimal is followed by `、效益指标`).
 */
function dotEndsItem(folded: string, contentStart: number, i: number, n: number, expected: number): boolean {
  if (i === contentStart) return false;
  const before = folded.charCodeAt(i - 1);
  if (before === DOT || isWhitespace(before)) return false;
  const k = peek(folded, i + 1, n);
  if (k < 0) return skipWhitespace(folded, i + 1, n) === n;
  if (isDigit(before)) {
    return k === i + 1 && readMarker(folded, k, n, false) && MARKER.number <= expected + MAX_SKIP && MARKER.style !== "dot" && startsCategoryWord(folded, MARKER.end, n);
  }
  return readMarker(folded, k, n, true) || startsCategoryWord(folded, k, n);
}

/**
 * Whether an item's head starts at `i`, right after a value and a `，`, `、` or space: a whole
 * 一级 word (maybe with its 二级) and a colon (`≥90个，效益指标：`, `合格 满意度指标：`). Words in a
 * value are no head (`有效提升，产出指标体系完善`: no whole word, no colon).
 */
function startsHeadAfterValue(folded: string, i: number, n: number): boolean {
  if (!startsCategoryWord(folded, i, n) || !readHead(folded, i, n)) return false;
  return HEAD.level1 !== undefined && HEAD.separator === COLON;
}

/**
 * Where the item before a second label ends: the last `，` `,` `、` between the value's first
 * character (`valueStart`) and the name before the label (`labelStart`), past a few characters of
 * value; -1 when there is none (`年度指标值：合格年度指标值：…` is left as written).
 */
function separatorBefore(folded: string, valueStart: number, labelStart: number): number {
  let k = labelStart - 1;
  while (k > valueStart && isSpace(folded.charCodeAt(k))) k--;
  // The separator between the second name and its label (`培训场次，年度指标值`).
  if (folded.charCodeAt(k) === COMMA) k--;
  for (; k > valueStart; k--) {
    const c = folded.charCodeAt(k);
    if (c === COMMA || c === DUN) return k;
  }
  return -1;
}

/** Whether a colon follows at `i`, after spaces and an optional `为` (`目标值为：`). */
function colonAfterLabel(folded: string, i: number, n: number): boolean {
  let k = skipSpaces(folded, i, n);
  if (k < n && folded.charCodeAt(k) === WEI) k = skipSpaces(folded, k + 1, n);
  return k < n && folded.charCodeAt(k) === COLON;
}

/** How long a section heading's text may be: a 一级, maybe its 二级, and a separator (the
 * longest, `满意度指标（社会公众或服务对象满意度指标）：`, and some spaces). */
const HEADING_MAX = 28;

/** Whether [contentStart, i) is a known 一级 and nothing else, maybe with a known 二级 and a
 * separator: `产出指标`, `产出指标：`, `产出指标（数量指标）`, `产出指标-数量指标；` (HEAD holds it). */
function isHeading(folded: string, contentStart: number, i: number): boolean {
  if (!readHead(folded, contentStart, i) || HEAD.level1 === undefined) return false;
  if (HEAD.level2Start >= 0 && HEAD.level2 === undefined) return false;
  return skipWhitespace(folded, HEAD.end, i) === i;
}

/** Whether the line break at `i` ends a heading line [contentStart, i) (in an unnumbered item or
 * one numbered like a heading): a heading is a line of its own (`一、产出指标\n数量指标：培训人数…`,
 * `四、成本指标\n无`). After a separator the line ends there when the next line is a category word
 * (`产出指标：\n数量指标：…`) or an item of its own (`产出指标：\n培训人数：≥100人\n资金拨付率：≥90%`:
 * the heading is over every line); else it is the item's head (`产出指标：\n培训人数，年度指标值：…`
 * reads alike either way; `产出指标：\n群众生活水平` is one item). */
function endsHeadingLine(folded: string, contentStart: number, i: number, n: number): boolean {
  if (!isHeading(folded, contentStart, i)) return isShortHeadingLine(folded, contentStart, i, n);
  if (HEAD.separator === 0) return true;
  const k = peek(folded, i + 1, n);
  if (k < 0) return false;
  if (startsCategoryWord(folded, k, n)) return true;
  let end = k;
  while (end < n && end - k < LOOKAHEAD && !endsLine(folded.charCodeAt(end))) end++;
  return namesValue(folded, k, end);
}

/** Whether the line [contentStart, i) is a short 一级 word alone (`产出`, `满意度`) over a line that
 * opens with a Han character (`产出\n培训人数≥100人`): a heading's line, not a name wrapped onto
 * the next line (parseCell keeps it a heading only over items; `满意度\n≥90%` stays one item). */
function isShortHeadingLine(folded: string, contentStart: number, i: number, n: number): boolean {
  let e = i;
  while (e > contentStart && isSpace(folded.charCodeAt(e - 1))) e--;
  if (e - contentStart < 2 || e - contentStart > 3 || level1At(folded, contentStart, e) === undefined) return false;
  const k = peek(folded, i + 1, n);
  return k >= 0 && isHan(folded.charCodeAt(k));
}

/** An item's number and its numbering style. */
interface NumberedItem {
  style: NumberingStyle;
  number: number;
}

/** Whether the number at `i` is item 1 of the section whose heading is all of the item so far
 * [contentStart, i): a heading (see isHeading), spaces after it (`一、产出指标：1、培训人数`,
 * `一、产出指标；(1)…`, `（一）产出指标 1.…`, `1、产出指标：（1）…`), numbered in another style
 * than the heading (`headingStyle`, "none" when unnumbered: `1、产出指标：1、…` is no heading over
 * its item 1). `1、2号楼`, a number before a digit, is an enumeration, not item 1. The caller
 * keeps the look-behind short (HEADING_MAX); parseIndicatorCell checks the cell bears the
 * section out. */
function startsSectionItem(folded: string, contentStart: number, i: number, n: number, depth: number, headingStyle: NumberingStyle, previous: NumberedItem): boolean {
  if (depth > 0 || !readMarker(folded, i, n, false) || MARKER.style === headingStyle) return false;
  // The section's first item is `1`, or numbers on from the item before the heading
  // (`产出指标：1、…；2、…；效益指标：3、…`).
  if (MARKER.number !== 1 && !(previous.number >= 1 && MARKER.style === previous.style && MARKER.number === previous.number + 1)) return false;
  if (MARKER.end < n && isDigit(folded.charCodeAt(MARKER.end))) return false;
  return isHeading(folded, contentStart, i);
}

/** Where the item startsRunOnItem found last starts: at its `i`, or inside the digit run there
 * (scratch, read right after the call). */
let runOnStart = -1;

/** Item numbers have at most this many digits (as readMarker reads them). */
const MARKER_DIGITS = 3;
/** How far past the expected number the last digits of a value's digit run may be read as an
 * item number: `：1005、效益指标` (item 2 expected) is 100 and item 5, `：420、效益指标` no item 20. */
const MAX_SKIP = 3;

/**
 * Whether a number in running text at `i` starts the next item: not glued to a digit, a dot, a
 * letter or `第`, and followed by a category (any category start for the expected number, a
 * whole category word for any other, see startsCategoryWord). A `1)` inside brackets or after
 * an operator is a value's. Examples: in `≥90%2、产出指标：` and `合格2、满意度指标：` (item 3
 * expected) yes; in `第2、3季度`, `2、3个镇`, `(≥1)` and `合格5、产出：` no.
 * A digit run where a value's number belongs (after `：`, `≥`, `不低于`, `90-`, see
 * numberContinuesValue) holds the value's digits first: the item number is the expected number
 * at its end (`：42、效益指标` is the value 4 and item 2), else its shortest other number up to
 * MAX_SKIP past the expected one (`：1005、` is 100 and item 5), never all of it (`≥100、效益指标`
 * and `：420、效益指标` start no item: the value keeps its digits).
 * The item starts at runOnStart, `i` or later in the run. Looks at the run once, at its start.
 */
function startsRunOnItem(folded: string, contentStart: number, i: number, n: number, expected: number, depth: number): boolean {
  runOnStart = -1;
  const before = folded.charCodeAt(i - 1);
  if (isDigit(before) || before === DOT || before === DI || (before >= 0x41 && before <= 0x7a)) return false;
  if (!isDigit(folded.charCodeAt(i))) {
    if (!readMarker(folded, i, n, false)) return false;
    if (!(MARKER.number === expected ? startsCategory(folded, MARKER.end, n) : startsCategoryWord(folded, MARKER.end, n))) return false;
    runOnStart = i;
    return true;
  }
  let j = i + 1;
  while (j < n && isDigit(folded.charCodeAt(j))) j++;
  // Every number ending at j has the same marker punctuation after it: read it once.
  if (!readMarker(folded, j - 1, n, false)) return false;
  if (MARKER.style === "closeParen" && (depth > 0 || isOperator(before))) return false;
  const markerEnd = MARKER.end;
  const inValue = numberContinuesValue(folded, contentStart, i);
  // The candidates: all of the run; where the run continues a value, also its last digits.
  const first = inValue ? Math.max(i, j - MARKER_DIGITS) : i;
  const last = inValue ? j - 1 : i;
  if (j - first > MARKER_DIGITS) return false;
  // Shortest first: in `：02、` the value is 0 and the item 2.
  if (startsCategory(folded, markerEnd, n)) {
    for (let k = last; k >= first; k--) {
      if ((k === i || folded.charCodeAt(k) !== ZERO) && digitsValue(folded, k, j) === expected) {
        runOnStart = k;
        return true;
      }
    }
  }
  if (!startsCategoryWord(folded, markerEnd, n)) return false;
  for (let k = last; k >= first; k--) {
    if (k === i ? inValue : folded.charCodeAt(k) === ZERO || digitsValue(folded, k, j) > expected + MAX_SKIP) continue;
    runOnStart = k;
    return true;
  }
  return false;
}

/**
 * Whether the expected item number at `i`, after white space, starts the next item of a line
 * whose items stand apart by spaces only (`1.培训人数≥100人 2.资金拨付率≥90%`): the item so far is a
 * name, an operator glyph and a value (namesValue), and so is the text after the number's mark
 * up to the next white space or separator. A number in a value (`≥1 2.5万元`) is no item's: no
 * name stands before its own glyph.
 */
function startsSpacedItem(folded: string, contentStart: number, i: number, n: number, expected: number): boolean {
  if (!isSpace(folded.charCodeAt(i - 1)) || !readMarker(folded, i, n, false) || MARKER.number !== expected) return false;
  const markerEnd = MARKER.end;
  if (markerEnd - i > MARKER_DIGITS + 1 || i - contentStart > LOOKAHEAD || !namesValue(folded, contentStart, i, true)) return false;
  runOnStart = i;
  return namesValue(folded, markerEnd, wordEnd(folded, markerEnd, n), true);
}

/** The value of the digits [i, j) of `folded`. */
function digitsValue(folded: string, i: number, j: number): number {
  let value = 0;
  for (let k = i; k < j; k++) value = value * 10 + (folded.charCodeAt(k) - ZERO);
  return value;
}

/** An operator glyph or range sign (folded): `≥1)` is a value, not item 1. */
function isOperator(c: number): boolean {
  return c === 0x2265 || c === 0x2264 || c === 0x3e || c === 0x3c || c === 0x3d || c === 0x7e || c === 0x2d;
}
