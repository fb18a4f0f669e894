import type { CellValue, SheetSnapshot } from "../../core/model";
import { fillMerges, type MergeRange } from "../merges";
import { BadWorkbookError, type SheetInfo, type WorkbookData } from "../workbookData";
import { sniffWorkbook } from "../sniff";
import { SharedStringsHandler, type SharedString } from "./sharedStrings";
import { readValueStyles } from "./styles";
import { isWorkbookRoot, isWorksheetRelationship, readRelationships, readWorkbookList } from "./workbookParts";
import { SheetDataError, WorksheetHandler, type ParsedSheet, type SheetContext } from "./worksheet";
import { XmlError, XmlScanner } from "./xmlScanner";
import { ZipPartError, ZipParts, type InflateRaw } from "./zipParts";

/**
 * An .xlsx held as bytes → one SheetSnapshot (and SheetInfo) per worksheet, the same values
 * readWorkbook gets through exceljs, in a fraction of its time and memory: only the parts a
 * check needs are inflated (workbook, its relationships, shared strings, styles, the
 * worksheets), each is scanned once as it is inflated, and only cell values are kept.
 * Pure TypeScript over bytes (fflate by default), so the browser worker can use it too.
 *
 * Bad files fail as readWorkbook fails: sniffWorkbook's kinds first, then
 * BadWorkbookError("corrupt") for damaged parts (bad deflate data, a part shorter or longer
 * than the directory says, XML that is not well formed, a shared string that does not exist).
 * See README.md in this folder for where the two readers knowingly differ.
 */

export interface ReadXlsxOptions {
  /** Raw-deflate inflater; Node callers pass inflateWithZlib (inflate.node.ts). */
  inflate?: InflateRaw;
}

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookData {
  const sheets: SheetSnapshot[] = [];
  const info: SheetInfo[] = [];
  readXlsxSheets(
    bytes,
    (sheet, sheetInfo) => {
      sheets.push(sheet);
      info.push(sheetInfo);
    },
    options,
  );
  return { sheets, info };
}

/**
 * Calls `onSheet` once per worksheet in tab order, as each one is read, so a caller that
 * checks a sheet and lets it go holds one sheet's values at a time.
 */
export function readXlsxSheets(bytes: Uint8Array, onSheet: (sheet: SheetSnapshot, info: SheetInfo) => void, options: ReadXlsxOptions = {}): void {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) throw new BadWorkbookError(sniff.kind);
  try {
    readParts(new ZipParts(bytes, options.inflate), onSheet);
  } catch (e) {
    if (e instanceof XmlError || e instanceof ZipPartError || e instanceof SheetDataError) throw new BadWorkbookError("corrupt", e.message);
    throw e;
  }
}

const WORKBOOK = "xl/workbook.xml";

/**
 * The workbook part: the target of the package's officeDocument relationship (`_rels/.rels`),
 * as Excel finds it (`xl/workbook2.xml`, another folder), else xl/workbook.xml (where exceljs
 * looks, whatever the relationships say). A target that is not a workbook (a .docx's document)
 * is no workbook.
 */
function workbookPart(zip: ZipParts): { part: string; xml: string } {
  const root = [...readRelationships(zip.text("_rels/.rels"), "").values()].find((r) => !r.external && r.type.endsWith("/officeDocument"));
  if (root && root.target.toLowerCase() !== WORKBOOK && zip.has(root.target)) {
    const xml = zip.text(root.target) ?? "";
    if (!isWorkbookRoot(xml)) throw new BadWorkbookError("notXlsx");
    return { part: root.target, xml };
  }
  const xml = zip.text(WORKBOOK);
  if (xml === undefined) throw new BadWorkbookError("notXlsx");
  return { part: WORKBOOK, xml };
}

function readParts(zip: ZipParts, onSheet: (sheet: SheetSnapshot, info: SheetInfo) => void): void {
  const { part, xml: workbookXml } = workbookPart(zip);
  const list = readWorkbookList(workbookXml);
  const rels = readRelationships(zip.text(relsPartOf(part)), part);
  const tabs = list.sheets.flatMap((sheet) => {
    const rel = sheet.relationshipId !== undefined ? rels.get(sheet.relationshipId) : undefined;
    return rel && !rel.external && isWorksheetRelationship(rel.type) && zip.has(rel.target) ? [{ ...sheet, part: rel.target }] : [];
  });
  if (tabs.length === 0) return;

  const stringsPart = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stylesPart = [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target ?? "xl/styles.xml";
  const context: SheetContext = {
    sharedStrings: readSharedStrings(zip, stringsPart),
    ...readValueStyles(zip.text(stylesPart)),
    date1904: list.date1904,
  };
  for (const tab of tabs) {
    const parsed = scanPart(zip, tab.part, new WorksheetHandler(context));
    const links = parsed.hyperlinks.length > 0 ? linkTexts(zip, tab.part, parsed, context) : undefined;
    const { snapshot, info } = buildSheet(tab.name, tab.state, parsed, links);
    onSheet(snapshot, info);
  }
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readSharedStrings(zip: ZipParts, part: string): SharedString[] | undefined {
  const handler = new SharedStringsHandler();
  const scanner = new XmlScanner(handler);
  if (!zip.stream(part, (text) => scanner.feed(text))) return undefined;
  scanner.end();
  return handler.strings;
}

function scanPart(zip: ZipParts, part: string, handler: WorksheetHandler): ParsedSheet {
  const scanner = new XmlScanner(handler);
  zip.stream(part, (text) => scanner.feed(text));
  scanner.end();
  return handler.result();
}

/** The text of each cell holding a hyperlink, from a second pass over the part (hyperlinks
 * are listed after the cells). Links whose relationship has no target are not links. */
function linkTexts(zip: ZipParts, part: string, parsed: ParsedSheet, context: SheetContext): LinkText[] {
  const rels = readRelationships(zip.text(relsPartOf(part)), part);
  const wanted = new Set<string>();
  for (const link of parsed.hyperlinks) {
    const rel = rels.get(link.relationshipId);
    // exceljs fails on a link to a relationship that is not there.
    if (!rel) throw new SheetDataError(`hyperlink ${link.ref} points to missing relationship ${link.relationshipId}`);
    if (rel.target !== "") wanted.add(link.ref);
  }
  if (wanted.size === 0) return [];
  const handler = new WorksheetHandler(context, wanted);
  scanPart(zip, part, handler);
  return [...handler.linkTexts.values()];
}

interface LinkText {
  rowIndex: number;
  columnIndex: number;
  text: string;
}

/** The parsed cells → the snapshot and info readWorkbook builds (readWorksheet there). */
function buildSheet(name: string, state: SheetInfo["state"], parsed: ParsedSheet, links: LinkText[] | undefined): { snapshot: SheetSnapshot; info: SheetInfo } {
  const rows = parsed.rows;
  let columnCount = parsed.columnCount;
  for (const link of links ?? []) {
    (rows[link.rowIndex] ??= [])[link.columnIndex] = link.text;
    columnCount = Math.max(columnCount, link.columnIndex + 1);
  }
  // A merged block keeps its top-left value only (exceljs drops the covered cells' own).
  const merges = orderMerges(parsed.merges);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < row.length; c++) if (row[c] !== undefined) row[c] = null;
    }
    columnCount = Math.max(columnCount, m.right + 1);
  }

  let height = 0;
  let width = 0;
  rows.forEach((row, r) => {
    let last = -1;
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) last = c;
    });
    if (last >= 0) {
      height = r + 1;
      if (last + 1 > width) width = last + 1;
    }
  });
  for (const m of merges) height = Math.max(height, m.bottom + 1);

  const values: CellValue[][] = new Array<CellValue[]>(height);
  for (let r = 0; r < height; r++) {
    const out = new Array<CellValue>(width).fill(null);
    const row = rows[r];
    if (row) {
      const end = Math.min(row.length, width);
      for (let c = 0; c < end; c++) {
        const v = row[c];
        if (v !== undefined) out[c] = v;
      }
    }
    values[r] = out;
  }
  rows.length = 0;
  const copies = new Map<number, readonly number[]>();
  const continued = fillMerges(values, merges, copies);

  const hidden = new Set<number>();
  for (const range of [...parsed.hiddenColumns].sort((a, b) => a.min - b.min)) {
    for (let c = range.min; c <= range.max && c < columnCount; c++) hidden.add(c);
  }
  return {
    snapshot: { name, values, originRowIndex: 0, originColumnIndex: 0, ...(continued.length > 0 ? { mergedRowIndexes: continued } : {}), ...(copies.size > 0 ? { mergeCopies: copies } : {}) },
    info: {
      name,
      state,
      hiddenRowIndexes: [...new Set(parsed.hiddenRowIndexes)].sort((a, b) => a - b),
      hiddenColumnIndexes: [...hidden].sort((a, b) => a - b),
      merges,
    },
  };
}

/** In the order readWorkbook meets them: by each block's first covered cell, row by row. */
function orderMerges(merges: readonly MergeRange[]): MergeRange[] {
  const key = (m: MergeRange): [number, number] => (m.right > m.left ? [m.top, m.left + 1] : [m.top + 1, m.left]);
  return [...merges].sort((a, b) => {
    const [ar, ac] = key(a);
    const [br, bc] = key(b);
    return ar - br || ac - bc;
  });
}
