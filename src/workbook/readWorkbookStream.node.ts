import * as fs from "fs";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../core/model";
import { readCell } from "./cellValue";
import { fillMerges, parseRange, type MergeRange } from "./merges";
import { BadWorkbookError, type SheetState } from "./readWorkbook";
import { readZipDirectory, type ZipEntry } from "./zipDirectory";

/**
 * Big workbooks from a file path, for the command line: exceljs's streaming WorkbookReader
 * keeps only the shared strings and the current row, and we keep only cell values, so peak
 * memory stays near what the values themselves take (see README.md for measurements).
 *
 * Same values as readWorkbook (cellValue.ts, merges.ts), with these differences, because the
 * streaming reader does not report them:
 * - no hidden row/column lists (hidden rows are read like the others anyway);
 * - an error result of a formula (`=1/0` cached as `#DIV/0!`) reads as null.
 * Merged blocks ARE filled: the sheet's part is inflated a second time, without parsing, to
 * collect its `<mergeCell>` elements. Sheet names and states are read from xl/workbook.xml
 * ourselves (exceljs names sheets `Sheet1`… when workbook.xml comes late in the zip).
 * Chart sheets are skipped, as in readWorkbook; so would be a worksheet part not named
 * `xl/worksheets/sheetN.xml`, which exceljs's streaming reader ignores (no common producer
 * names them otherwise).
 */

export interface StreamedSheetInfo {
  name: string;
  state: SheetState;
  /** 0-based tab position. */
  index: number;
}

/** Calls `onSheet` once per worksheet, in tab order, as each one is read. */
export async function streamSheets(
  path: string,
  onSheet: (sheet: SheetSnapshot, info: StreamedSheetInfo) => void | Promise<void>,
): Promise<void> {
  const zip = openZip(path);
  // Chart sheets have no cells and exceljs never emits them: only worksheets take a place.
  const tabs = readSheetList(zip)
    .filter((t) => WORKSHEET_PART.test(t.part))
    .map((t, index) => ({ ...t, index }));
  const byPart = new Map(tabs.map((t) => [t.part, t]));
  const waiting = new Map<number, [SheetSnapshot, StreamedSheetInfo]>();
  let next = 0;
  const flush = async () => {
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next);
      next++;
      await onSheet(...ready);
    }
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    // Styles are needed to tell dates from numbers.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let unnamed = tabs.length;
  for await (const sheetReader of reader) {
    const id = String((sheetReader as unknown as { id: string | number }).id);
    const part = `xl/worksheets/sheet${id}.xml`;
    const values: CellValue[][] = [];
    let width = 0;
    for await (const row of sheetReader as unknown as AsyncIterable<ExcelJS.Row>) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = readCell(cell);
        if (v !== null) cells[col - 1] = v;
      });
      if (cells.length === 0) continue;
      width = Math.max(width, cells.length);
      values[row.number - 1] = cells;
    }
    const merges = await scanMerges(zip, part);
    const height = merges.reduce((h, m) => Math.max(h, m.bottom + 1), values.length);
    for (let r = 0; r < height; r++) {
      const row = values[r] ?? [];
      for (let c = 0; c < width; c++) row[c] ??= null;
      values[r] = row;
    }
    fillMerges(values, merges);
    const tab = byPart.get(part);
    const name = tab?.name ?? (sheetReader as unknown as { name: string }).name;
    const info: StreamedSheetInfo = { name, state: tab?.state ?? "visible", index: tab?.index ?? unnamed++ };
    waiting.set(info.index, [{ name, values, originRowIndex: 0, originColumnIndex: 0 }, info]);
    await flush();
  }
  // Sheets listed in workbook.xml whose part never came: emit what we have, in order.
  for (const key of [...waiting.keys()].sort((a, b) => a - b)) {
    const ready = waiting.get(key);
    if (ready) await onSheet(...ready);
  }
}

/** The parts exceljs's streaming reader parses (it skips any other name). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

interface OpenZip {
  path: string;
  entries: Map<string, ZipEntry>;
  /** Add to a stored local-header offset to get the position in the file. */
  shift: number;
}

/** The central directory sits at the end: read the tail only. */
const TAIL_BYTES = 4 * 1024 * 1024;

function openZip(path: string): OpenZip {
  const fd = fs.openSync(path, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    fs.readSync(fd, tail, 0, length, size - length);
    const read = readZipDirectory(new Uint8Array(tail.buffer, tail.byteOffset, tail.byteLength));
    if (!read.ok) throw new BadWorkbookError("truncated");
    const entries = new Map(read.directory.entries.map((e) => [e.name.replace(/^\//, ""), e]));
    return { path, entries, shift: read.directory.shift + (size - length) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Where an entry's compressed data starts in the file (past its local header). */
function dataStart(zip: OpenZip, entry: ZipEntry): number {
  const fd = fs.openSync(zip.path, "r");
  try {
    const header = Buffer.alloc(30);
    const at = entry.localHeaderOffset + zip.shift;
    fs.readSync(fd, header, 0, 30, at);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new BadWorkbookError("corrupt", `bad local header for ${entry.name}`);
    return at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    fs.closeSync(fd);
  }
}

function readSmallEntry(zip: OpenZip, name: string): string | undefined {
  const entry = zip.entries.get(name);
  if (!entry) return undefined;
  const fd = fs.openSync(zip.path, "r");
  try {
    const data = Buffer.alloc(entry.compressedSize);
    fs.readSync(fd, data, 0, entry.compressedSize, dataStart(zip, entry));
    return (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

interface TabSheet {
  name: string;
  state: SheetState;
  index: number;
  part: string;
}

/** `<sheet name="绩效目标表" sheetId="1" state="hidden" r:id="rId1"/>` in tab order, each with
 * its part from xl/_rels/workbook.xml.rels (`worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`). */
function readSheetList(zip: OpenZip): TabSheet[] {
  const workbook = readSmallEntry(zip, "xl/workbook.xml");
  if (workbook === undefined) throw new BadWorkbookError("notXlsx");
  const rels = readSmallEntry(zip, "xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: TabSheet[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const rid = [...a.entries()].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const state = a.get("state");
    sheets.push({
      name: a.get("name") ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      index: sheets.length,
      part: (rid !== undefined ? targets.get(rid) : undefined) ?? "",
    });
  }
  return sheets;
}

/** Attributes of one start tag, values XML-unescaped. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  // `name="绩效目标表"` or `name='x'`: a name, `=`, a quoted value without that quote inside.
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1] ?? "", unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** `<mergeCell ref="A6:A23"/>`: the ref of each merged block. */
const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

/** Inflates the sheet part as a stream and collects its merged blocks, holding at most one
 * chunk and one unfinished tag. */
async function scanMerges(zip: OpenZip, part: string): Promise<MergeRange[]> {
  const entry = zip.entries.get(part);
  if (!entry || entry.compressedSize === 0) return [];
  const start = dataStart(zip, entry);
  const raw = fs.createReadStream(zip.path, { start, end: start + entry.compressedSize - 1 });
  const text = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  text.setEncoding("utf8");
  const merges: MergeRange[] = [];
  let carry = "";
  for await (const chunk of text as AsyncIterable<string>) {
    const buffer = carry + chunk;
    // Tags before the last `<` are complete; keep the rest for the next chunk.
    const cut = buffer.lastIndexOf("<");
    const done = cut < 0 ? buffer : buffer.slice(0, cut);
    carry = cut < 0 ? "" : buffer.slice(cut);
    if (!done.includes("mergeCell")) continue;
    for (const m of done.matchAll(MERGE_CELL)) {
      const range = parseRange(m[1] ?? "");
      if (range) merges.push(range);
    }
  }
  for (const m of carry.matchAll(MERGE_CELL)) {
    const range = parseRange(m[1] ?? "");
    if (range) merges.push(range);
  }
  return merges;
}
