/**
 * Reads a zip's central directory without inflating anything (APPNOTE.TXT §4.3.12–4.3.16),
 * so a file's entries and their claimed sizes can be judged before exceljs touches it.
 *
 * The directory is located from the end-of-central-directory record: it ends where that
 * record (or the zip64 record) begins and is `size` bytes long. We do not trust the stored
 * offset, so a buffer holding only a file's head and tail (the CLI's probe of a big file)
 * or a zip with bytes prepended still parses.
 */

export interface ZipEntry {
  /** Latin-1 reading of the name's bytes: enough to compare with ASCII part names. */
  name: string;
  /** The name's bytes as stored (a view into the buffer), for readers that need the real name. */
  nameBytes: Uint8Array;
  /** 0 stored, 8 deflate. */
  method: number;
  /** General purpose flags as stored (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number;
  crc32: number;
  /** DOS time and date as stored. */
  time: number;
  date: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header as stored in the directory (add `ZipDirectory.shift`). */
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Disk numbers of the end record: both 0 unless the archive is split. */
  split: boolean;
  /** Where the directory starts in the buffer given. */
  directoryStart: number;
  /** Actual minus stored directory offset: 0 for an ordinary whole file. */
  shift: number;
}

export type ZipDirectoryResult = { ok: true; directory: ZipDirectory } | { ok: false; problem: "noEnd" | "truncated" };

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
const MAX_COMMENT = 0xffff;

export function readZipDirectory(bytes: Uint8Array): ZipDirectoryResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) return { ok: false, problem: "noEnd" };

  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let storedOffset = view.getUint32(eocd + 16, true);
  let directoryEnd = eocd;

  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    // The zip64 record normally sits right before its locator; else trust the stored offset.
    const stored64 = Number(view.getBigUint64(locator + 8, true));
    const candidates = [locator - ZIP64_EOCD_SIZE, stored64];
    const z = candidates.find((p) => p >= 0 && p + ZIP64_EOCD_SIZE <= bytes.length && view.getUint32(p, true) === SIG_ZIP64_EOCD);
    if (z === undefined) return { ok: false, problem: "truncated" };
    count = Number(view.getBigUint64(z + 32, true));
    size = Number(view.getBigUint64(z + 40, true));
    storedOffset = Number(view.getBigUint64(z + 48, true));
    directoryEnd = z;
  }

  const directoryStart = directoryEnd - size;
  if (directoryStart < 0) return { ok: false, problem: "truncated" };
  const entries: ZipEntry[] = [];
  let p = directoryStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directoryEnd || view.getUint32(p, true) !== SIG_CENTRAL) return { ok: false, problem: "truncated" };
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) return { ok: false, problem: "truncated" };
    const entry: ZipEntry = {
      name: latin1(bytes, p + 46, nameLength),
      nameBytes: bytes.subarray(p + 46, p + 46 + nameLength),
      method: view.getUint16(p + 10, true),
      flags: view.getUint16(p + 8, true),
      crc32: view.getUint32(p + 16, true),
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    readZip64Extra(view, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p = next;
  }
  const split = view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0;
  return { ok: true, directory: { entries, split, directoryStart, shift: directoryStart - storedOffset } };
}

/** The last EOCD signature whose comment length reaches exactly the end of the buffer
 * (a signature inside a comment or a stored file would not). */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + EOCD_SIZE + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  // A comment cut short: accept any signature rather than call a whole zip "not a zip".
  for (let p = last; p >= first; p--) if (view.getUint32(p, true) === SIG_EOCD) return p;
  return -1;
}

/** Zip64 extended information (header id 0x0001): 8-byte fields present, in this order, only
 * for the 32-bit fields that hold 0xFFFFFFFF. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const end = q + size;
      const take = () => {
        if (q + 8 > end) return undefined;
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take() ?? entry.localHeaderOffset;
      return;
    }
    p += 4 + size;
  }
}

/** Entry names we compare with are ASCII; other bytes only need to survive as something. */
function latin1(bytes: Uint8Array, start: number, length: number): string {
  let s = "";
  for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}
