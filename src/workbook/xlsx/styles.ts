import { shownNumberText } from "../../core/table/cellText";
import { attribute, parseAttributes, scanXml, type XmlHandler } from "./xmlScanner";

/** By cell style (`s="3"`): whether it shows a number as a date, and the number format of the
 * styles that show a number as text (a percentage, or words around it: shownNumberText). */
export interface ValueStyles {
  dateStyles: boolean[];
  textFormats: (string | undefined)[];
}

/**
 * xl/styles.xml reduced to what reading values needs: which cell styles (`s="3"`) show a
 * number as a date, and which as a percentage. Decided as exceljs decides, so values read the
 * same as with the exceljs reader (cellValue.ts): a style's number format is its custom
 * `<numFmt>` or one of the built-in formats exceljs knows by id (the locale-specific ids 27–36
 * and 50–81 it does not, so they stay numbers); the format is a date when, outside `[…]` and
 * `"…"`, it has one of `ymdhMsb`, else text when shownNumberText reads it so. Style 0 is
 * neither (exceljs skips a falsy style id). One difference from the exceljs reader: it loses
 * the backslash of `0\%` (a printed sign) and would read such a number as a percentage.
 */
export function readValueStyles(xml: string | undefined): ValueStyles {
  if (xml === undefined) return { dateStyles: [], textFormats: [] };
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let section: "" | "numFmts" | "cellXfs" = "";
  let depth = 0;
  const handler: XmlHandler = {
    wantsText: false,
    open(name, source, from, to) {
      depth++;
      if (depth === 2 && (name === "numFmts" || name === "cellXfs")) section = name;
      else if (depth === 3 && section === "numFmts" && name === "numFmt") {
        const a = parseAttributes(source, from, to);
        customFormats.set(parseInt(attribute(a, "numFmtId") ?? "", 10), attribute(a, "formatCode") ?? "");
      } else if (depth === 3 && section === "cellXfs" && name === "xf") {
        formatIds.push(parseInt(attribute(parseAttributes(source, from, to), "numFmtId") ?? "", 10));
      }
    },
    close() {
      depth--;
      if (depth === 1) section = "";
    },
    text() {},
  };
  scanXml(xml, handler);
  // A custom format shadows the built-in one unless it is empty (exceljs: `custom || builtIn`).
  const formats = formatIds.map((id, index) => (index === 0 || !id ? undefined : customFormats.get(id) || BUILT_IN_FORMATS[id]));
  // exceljs drops the backslash of each escaped character (`\-` → `-`) before it looks for
  // date codes; a percentage is decided on the format as written, where `0\%` prints a sign.
  const dateStyles = formats.map((format) => format !== undefined && isDateFormat(format.replace(/[\\](.)/g, "$1")));
  const textFormats = formats.map((format, index) => (format !== undefined && !dateStyles[index] && showsText(format) ? format : undefined));
  return { dateStyles, textFormats };
}

/** Whether some number shows as text in the format: any of its sections does. */
function showsText(format: string): boolean {
  return shownNumberText(1, format) !== undefined || shownNumberText(-1, format) !== undefined || shownNumberText(0, format) !== undefined;
}

/** `yyyy"年"m"月"d"日"` → true, `0.00%` → false, `[Red]0` → false. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** The built-in number formats exceljs resolves by id (ECMA-376 §18.8.30, locale-free ones). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** An Excel serial day → Date, as exceljs converts it (UTC, rounded to the millisecond). */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
