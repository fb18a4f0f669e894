import type { CellValue } from "../model";

/**
 * The text a user sees in a cell, from the value a host read. Hosts have already turned rich
 * text into its plain string, error values into their text (`#N/A`) and formulas into their
 * results, so only five kinds arrive here:
 *
 * - string: exactly as it is (no trimming: spans point into this text);
 *   (a number shown as a percentage reaches here as text: hosts read it with percentText);
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
 * comparing with 95% must see the value, not its display. Hosts use it for the cells whose
 * number format isPercentFormat.
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

/** Whether a number format shows numbers as percentages (`0%`, `0.00%`, `0%;[Red]-0%`); a `%`
 * in a literal is a printed sign (`0"%"`, `0\%`). */
export function isPercentFormat(format: string): boolean {
  return format.includes("%") && formatCodes(format).includes("%");
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
