import { readZipDirectory, type ZipEntry } from "./zipDirectory";

/**
 * A first look at a file's bytes before exceljs sees anything, so a bad file becomes one of a
 * few kinds the user can act on (save as .xlsx, remove the password, fetch it again) instead
 * of a stack trace or an out-of-memory crash. Nothing is inflated.
 */

export type SniffFailureKind = "notZip" | "truncated" | "encrypted" | "legacyXls" | "notXlsx" | "tooLarge";
export type SniffResult = { ok: true } | { ok: false; kind: SniffFailureKind };

/** exceljs inflates every part into memory (and a V8 string tops out near 512 M characters):
 * 1 GiB of claimed uncompressed content is far beyond any real 绩效目标表. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Real sheet XML deflates 5–60×; deflate cannot exceed ~1032×. A big part above this ratio
 * is a bomb (or padding nobody needs read). */
export const MAX_COMPRESSION_RATIO = 300;
/** The ratio is only judged for parts above this size: tiny parts compress wildly. */
export const RATIO_MIN_BYTES = 16 * 1024 * 1024;
/** More parts than any workbook has (each sheet is a few parts). */
export const MAX_ENTRIES = 20000;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

export function sniffWorkbook(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return fail("truncated");
  if (startsWith(bytes, CFB_MAGIC)) return fail(isEncryptedPackage(bytes) ? "encrypted" : "legacyXls");
  if (startsWith(bytes, ZIP_EMPTY)) return fail("notXlsx");
  if (!startsWith(bytes, ZIP_LOCAL)) {
    // A few bytes of a zip's start: the rest never arrived.
    if (bytes.length < ZIP_LOCAL.length && ZIP_LOCAL.slice(0, bytes.length).every((b, i) => bytes[i] === b)) return fail("truncated");
    return fail(looksLikeText(bytes) ? "notXlsx" : "notZip");
  }
  const read = readZipDirectory(bytes);
  if (!read.ok) return fail("truncated");
  const entries = read.directory.entries;
  if (entries.length > MAX_ENTRIES || isBomb(entries)) return fail("tooLarge");
  // Traditional PKWARE encryption (flag bit 0): exceljs cannot read such parts.
  if (entries.some((e) => (e.flags & 1) === 1)) return fail("encrypted");
  if (!looksLikeWorkbookPackage(entries)) return fail("notXlsx");
  return { ok: true };
}

/** OPC part names are case-insensitive; some producers add a leading slash. */
function partName(e: ZipEntry): string {
  return e.name.replace(/^\//, "").toLowerCase();
}

/** Main parts of the other OOXML documents (a .docx or .pptx renamed .xlsx). */
const OTHER_DOCUMENTS = new Set(["word/document.xml", "ppt/presentation.xml"]);

/**
 * xl/workbook.xml, where Excel and nearly every producer put the workbook part; or, failing
 * that, a package whose root relationships (`_rels/.rels`) may name it elsewhere
 * (`xl/workbook2.xml`, another folder): the reader follows them and says `notXlsx` when they
 * name no workbook. A .docx or .pptx is told apart here, without inflating anything.
 */
function looksLikeWorkbookPackage(entries: readonly ZipEntry[]): boolean {
  const names = new Set(entries.map(partName));
  if (names.has("xl/workbook.xml")) return true;
  if (!names.has("_rels/.rels") || !names.has("[content_types].xml")) return false;
  return ![...OTHER_DOCUMENTS].some((n) => names.has(n));
}

/** Whether the workbook part is at xl/workbook.xml: the only place exceljs looks for it. */
export function hasUsualWorkbookPart(bytes: Uint8Array): boolean {
  const read = readZipDirectory(bytes);
  return read.ok && read.directory.entries.some((e) => partName(e) === "xl/workbook.xml");
}

function fail(kind: SniffFailureKind): SniffResult {
  return { ok: false, kind };
}

function isBomb(entries: readonly ZipEntry[]): boolean {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > RATIO_MIN_BYTES && e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_COMPRESSION_RATIO) return true;
  }
  return total > MAX_UNCOMPRESSED_BYTES;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** An Office file saved with a password is a CFB container holding the streams
 * `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO §2.3.4.4); directory entry names are
 * UTF-16LE, so we look for those bytes. Any other CFB here is a legacy binary .xls. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return indexOf(bytes, utf16le("EncryptedPackage")) >= 0 || indexOf(bytes, utf16le("EncryptionInfo")) >= 0;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** HTML, XML Spreadsheet 2003 and CSV exports renamed to .xlsx are common: a markup start or
 * the first KiB free of control bytes (UTF-8, GBK and UTF-16 text alike) means text. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  // UTF-16 with a BOM: Excel's "Unicode text" export.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x3c /* < */) return true;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}
