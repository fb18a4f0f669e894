import { readZipDirectory } from "../zipDirectory";

/**
 * The entries of a whole .xlsx held in memory, read from its central directory (APPNOTE.TXT
 * §4.3, read by ../zipDirectory.ts as for the sniffer and the reader), with where each entry's compressed data lies, so an entry we do not change can be
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

export function openArchive(bytes: Uint8Array): Archive {
  const read = readZipDirectory(bytes);
  if (!read.ok) throw new Unpatchable(read.problem === "noEnd" ? "no end of central directory" : "bad central directory");
  const { directory } = read;
  if (directory.split) throw new Unpatchable("split archive");
  // Data is located through the local headers, which must be where the directory says.
  if (directory.shift !== 0) throw new Unpatchable("bytes before the archive");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ArchiveEntry[] = [];
  const byName = new Map<string, ArchiveEntry>();
  for (const e of directory.entries) {
    if (e.flags & 0x41) throw new Unpatchable("encrypted entry");
    if (e.method !== 0 && e.method !== 8) throw new Unpatchable(`compression method ${e.method}`);
    const name = decodeName(e.nameBytes, (e.flags & 0x800) !== 0);
    const local = e.localHeaderOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIG_LOCAL) throw new Unpatchable(`bad local header: ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + e.compressedSize > bytes.length) throw new Unpatchable(`truncated entry: ${name}`);
    const entry: ArchiveEntry = {
      name,
      method: e.method,
      flags: e.flags,
      crc32: e.crc32,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      time: e.time,
      date: e.date,
      dataStart,
    };
    entries.push(entry);
    byName.set(name, entry);
  }
  return { bytes, entries, byName };
}

/** The raw (still compressed) bytes of an entry. */
export function rawData(archive: Archive, entry: ArchiveEntry): Uint8Array {
  return archive.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
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
