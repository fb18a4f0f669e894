/**
 * The entries of a whole .xlsx held in memory, read from its central directory (APPNOTE.TXT
 * §4.3), with where each entry's compressed data lies, so an entry we do not change can be
 * copied into the output byte for byte. Nothing is inflated here.
 *
 * Handled: stored and deflated entries, data descriptors (the directory's sizes and CRC are
 * authoritative), zip64 sizes and offsets, UTF-8 or CP437 names. Anything else (encryption,
 * other methods, split archives) throws `Unpatchable`, and the caller falls back to exceljs.
 */

/** The zip or XML holds something the patching writers do not handle: use the exceljs path. */
export class Unpatchable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "Unpatchable";
  }
}

export interface ArchiveEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  /** General purpose flags as stored (bit 3: data descriptor, bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** DOS time and date, copied into the output. */
  time: number;
  date: number;
  /** Offset of the compressed data in the archive's bytes. */
  dataStart: number;
}

export interface Archive {
  bytes: Uint8Array;
  /** In directory order. */
  entries: ArchiveEntry[];
  byName: Map<string, ArchiveEntry>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;

export function openArchive(bytes: Uint8Array): Archive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) throw new Unpatchable("no end of central directory");
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw new Unpatchable("split archive");
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const z = Number(view.getBigUint64(locator + 8, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== SIG_ZIP64_EOCD) throw new Unpatchable("bad zip64 record");
    count = Number(view.getBigUint64(z + 32, true));
    offset = Number(view.getBigUint64(z + 48, true));
  }

  const entries: ArchiveEntry[] = [];
  const byName = new Map<string, ArchiveEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw new Unpatchable("bad central directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (flags & 0x41) throw new Unpatchable("encrypted entry");
    if (method !== 0 && method !== 8) throw new Unpatchable(`compression method ${method}`);
    const sizes = {
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    readZip64Extra(view, p + 46 + nameLength, extraLength, sizes);
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    const local = sizes.localHeaderOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIG_LOCAL) throw new Unpatchable(`bad local header: ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + sizes.compressedSize > bytes.length) throw new Unpatchable(`truncated entry: ${name}`);
    const entry: ArchiveEntry = {
      name,
      method,
      flags,
      crc32: view.getUint32(p + 16, true),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      dataStart,
    };
    entries.push(entry);
    byName.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries, byName };
}

/** The raw (still compressed) bytes of an entry. */
export function rawData(archive: Archive, entry: ArchiveEntry): Uint8Array {
  return archive.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let p = last; p >= Math.max(0, last - 0xffff); p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + EOCD_SIZE + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  return -1;
}

/** Zip64 extended information (0x0001): 8-byte values, only for the fields stored as 0xFFFFFFFF. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  sizes: { compressedSize: number; uncompressedSize: number; localHeaderOffset: number },
): void {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + size) throw new Unpatchable("short zip64 extra field");
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (sizes.uncompressedSize === 0xffffffff) sizes.uncompressedSize = take();
      if (sizes.compressedSize === 0xffffffff) sizes.compressedSize = take();
      if (sizes.localHeaderOffset === 0xffffffff) sizes.localHeaderOffset = take();
      return;
    }
    p += 4 + size;
  }
}

/** CP437's upper half, for names without the UTF-8 flag (ASCII is the same in both). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8 || raw.every((b) => b < 0x80)) return new TextDecoder().decode(raw);
  let s = "";
  for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : (CP437_HIGH[b - 0x80] ?? "?");
  return s;
}
