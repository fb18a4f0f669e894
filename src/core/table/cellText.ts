import type { CellValue } from "../model";

/**
 * The text a user sees in a cell, from the value a host read. Hosts have already turned rich
 * text into its plain string, error values into their text (`#N/A`) and formulas into their
 * results, so only five kinds arrive here:
 *
 * - string: exactly as it is (no trimming: spans point into this text);
 *   (a number shown as a percentage or with words around it reaches here as text: hosts read
 *   it with shownNumberText);
 * - number: integers without `.0` (`3` not `3.0`), other numbers rounded to 15 significant
 *   digits, Excel's own display precision, so binary noise disappears (`0.1 + 0.2` → `0.3`);
 *   NaN and ±Infinity, which no sheet holds, read as `#NUM!` like Excel's overflow;
 * - boolean: `TRUE` / `FALSE`, as Excel shows them;
 * - Date: `YYYY-MM-DD` from the UTC fields (hosts hand dates as UTC so no time zone shifts a
 *   day), then ` HH:MM` when the time is not midnight and `:SS` when it has seconds; an
 *   invalid Date reads as `""`;
 * - null (and undefined, from ragged rows): `""`.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return dateText(value);
}

/**
 * A number as a cell formatted as a percentage shows it (`0%`, `0.0%`): 0.95 → `95%`. Every
 * digit is kept, not the format's rounding (0.955 in `0%` shows `96%`, reads `95.5%`): a rule
 * comparing with 95% must see the value, not its display (see shownNumberText, which hosts use).
 */
export function percentText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  // n × 100 in binary can miss by an ulp (0.07 × 100 = 7.000000000000001): numberText's
  // rounding to 15 significant digits takes the noise off.
  return `${numberText(n * 100)}%`;
}

/** Quoted literals, bracketed sections (colours, locales, elapsed time) and escaped characters
 * of a number format. Each alternative is a single bounded token, so matching stays linear. */
const FORMAT_LITERALS = /"[^"]*"|\[[^\]]*\]|\\./g;

/** A number format without its literals, the codes that say how a number shows:
 * `yyyy"年"m"月"d"日";[Red]0` → `yyyymd;0`, `0"%"` → `0`. */
export function formatCodes(format: string): string {
  return format.replace(FORMAT_LITERALS, "");
}

/**
 * The text a number shows in a format that is a percentage or prints words or signs around the
 * number: `0%` → `95%`, `"≥"0%` → `≥90%`, `0"人次"` → `200人次`, `#,##0"元"` → `1500000元`,
 * `0.0\万元`... The number keeps every digit, as percentText does, without the format's rounding
 * or thousands separators (the parser reads the value, not its layout). Undefined for any other
 * format (`General`, `0.00`, `#,##0`, dates, text, scientific): the number stays a number.
 * The section the number shows in is Excel's: positive; negative (without its minus sign when
 * the section is its own); zero.
 */
export function shownNumberText(n: number, format: string): string | undefined {
  if (!Number.isFinite(n) || format === "" || format === "General") return undefined;
  const shapes = formatShapes(format);
  // Negative and zero numbers show in their own section when the format has one.
  const own = n < 0 ? 1 : n === 0 ? 2 : 0;
  const ownSection = own > 0 && own < shapes.length;
  const shape = shapes[ownSection ? own : 0];
  if (shape === undefined || (!shape.percent && shape.prefix === "" && shape.suffix === "")) return undefined;
  // A zero in a section without a `0` placeholder shows no digit (`"-"??` of accounting formats).
  if (n === 0 && !shape.zeroDigit) return undefined;
  const magnitude = ownSection ? Math.abs(n) : n;
  const digits = shape.percent ? percentText(magnitude) : numberText(magnitude);
  return `${shape.prefix}${digits}${shape.suffix}`;
}

/** Each section's shape, by format: hosts read thousands of numbers in a handful of formats,
 * each parsed once (the cache is dropped past FORMAT_CACHE_SIZE formats, which no real workbook
 * has). */
const formatCache = new Map<string, readonly (NumberShape | undefined)[]>();
const FORMAT_CACHE_SIZE = 1024;

function formatShapes(format: string): readonly (NumberShape | undefined)[] {
  let shapes = formatCache.get(format);
  if (shapes === undefined) {
    if (formatCache.size >= FORMAT_CACHE_SIZE) formatCache.clear();
    shapes = splitSections(format).map(numberShape);
    formatCache.set(format, shapes);
  }
  return shapes;
}

/** A format's `;` sections (a `;` inside quotes or after a backslash is text). */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') {
      const close = format.indexOf('"', i + 1);
      i = close < 0 ? format.length : close;
    } else if (c === "\\") i++;
    else if (c === ";") {
      sections.push(format.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(format.slice(start));
  return sections;
}

/** Printed text, a plain number code (`0`, `0.00`, `#,##0`, `0%`, `General`), printed text. */
interface NumberShape {
  prefix: string;
  suffix: string;
  percent: boolean;
  /** The code has a `0` placeholder (a zero shows as `0`). */
  zeroDigit: boolean;
}

/** Currency signs and spaces only (`¥`, `"￥ "`). */
function isCurrencyText(text: string): boolean {
  for (const ch of text) if (!CURRENCY.includes(ch) && ch !== " ") return false;
  return true;
}

const NUMBER_CODE = "0#?,.";
const CURRENCY = "$¥￥€£";

/** A section read as text around one number code; undefined for any other shape. */
function numberShape(section: string): NumberShape | undefined {
  let prefix = "";
  let suffix = "";
  let code = "";
  let percent = false;
  /** 0: before the code, 1: in it, 2: after it. */
  let phase = 0;
  const literal = (text: string) => {
    if (phase === 1) phase = 2;
    if (phase === 0) prefix += text;
    else suffix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i] as string;
    if (c === '"') {
      const close = section.indexOf('"', i + 1);
      if (close < 0) return undefined;
      const text = section.slice(i + 1, close);
      // `"¥"#,##0.00`: a quoted currency sign, like a bare one, says nothing the value needs.
      if (!isCurrencyText(text)) literal(text);
      i = close;
    } else if (c === "\\") {
      if (i + 1 >= section.length) return undefined;
      literal(section[++i] as string);
    } else if (c === "[") {
      // A colour or a locale (`[Red]`, `[$-804]`) prints nothing; a condition changes the sections.
      const close = section.indexOf("]", i + 1);
      if (close < 0 || /^\[[<>=]/.test(section.slice(i, close + 1))) return undefined;
      i = close;
    } else if (c === "_" || c === "*") {
      i++; // padding to a character's width, or a fill: nothing of the value
    } else if (CURRENCY.includes(c)) {
      // `¥#,##0.00`: a currency sign says nothing the value needs (`元` in words does).
    } else if (NUMBER_CODE.includes(c) || (c === "%" && phase === 1)) {
      if (phase === 2) return undefined;
      phase = 1;
      code += c;
      if (c === "%") percent = true;
    } else if (section.startsWith("General", i) && phase === 0) {
      phase = 1;
      code = "0";
      i += "General".length - 1;
    } else if (c === "%") {
      return undefined; // a `%` before the number: not a shape we read
    } else if (/[A-Za-z@]/.test(c)) {
      return undefined; // date, scientific or text codes
    } else {
      literal(c);
    }
  }
  if (!/[0#?]/.test(code) && code !== "0") return undefined;
  return { prefix: prefix.trim() === "" ? "" : prefix, suffix: suffix.trim() === "" ? "" : suffix, percent, zeroDigit: code.includes("0") };
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (Number.isSafeInteger(n)) return String(n);
  const shortest = String(n);
  // Up to 15 characters hold at most 15 significant digits, and a double's own shortest form
  // with that few is already what rounding to 15 digits gives (15-digit decimals lie further
  // apart than doubles do): the common amounts (`123.45`) need no second conversion.
  if (shortest.length <= 15 && !shortest.includes("e")) return shortest;
  // toPrecision(15) then back through Number drops the trailing zeros it pads with.
  return String(Number(n.toPrecision(15)));
}

function dateText(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return "";
  const day = `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  const clock = `${pad2(hours)}:${pad2(minutes)}`;
  return seconds === 0 ? `${day} ${clock}` : `${day} ${clock}:${pad2(seconds)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
