import { Unpatchable, type Archive, type ArchiveEntry } from "./zipArchive";
import type { DeflatedData } from "./zipCodec";

/**
 * Assembles a zip from entries copied raw out of an original archive (their compressed bytes
 * untouched) and new, already deflated entries. Sizes and CRCs are known up front, so every
 * local header carries them (no data descriptors). Without zip64 writing: an output past
 * 4 GiB or 65,535 entries is refused (`Unpatchable`), and the caller falls back.
 */

export type OutputEntry =
  | { name: string; copy: ArchiveEntry; from: Archive }
  | { name: string; data: DeflatedData; time?: number; date?: number };

const UTF8_FLAG = 0x800;
/** 1 Jan 2000, 00:00, for new entries of an archive that has none to copy the time from. */
const DEFAULT_DATE = (20 << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly OutputEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  const sizes = entries.map((e, i) => {
    const nameLength = names[i]?.length ?? 0;
    const compressed = "copy" in e ? e.copy.compressedSize : e.data.compressedSize;
    total += 30 + nameLength + compressed + 46 + nameLength;
    return compressed;
  });
  if (total > 0xfffffffe || entries.length > 0xfffe) throw new Unpatchable("output would need zip64");

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const headers: { flags: number; method: number; time: number; date: number; crc: number; size: number }[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array(0);
    const ascii = name.every((b) => b < 0x80);
    const h =
      "copy" in e
        ? {
            // The data descriptor flag goes: sizes and CRC are in the header now.
            flags: (e.copy.flags & ~0x8 & ~UTF8_FLAG) | (ascii ? 0 : UTF8_FLAG),
            method: e.copy.method,
            time: e.copy.time,
            date: e.copy.date,
            crc: e.copy.crc32,
            size: e.copy.uncompressedSize,
          }
        : { flags: ascii ? 0 : UTF8_FLAG, method: 8, time: e.time ?? 0, date: e.date ?? DEFAULT_DATE, crc: e.data.crc32, size: e.data.size };
    if (h.size > 0xfffffffe) throw new Unpatchable("entry would need zip64");
    headers.push(h);
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, h.flags, true);
    view.setUint16(p + 8, h.method, true);
    view.setUint16(p + 10, h.time, true);
    view.setUint16(p + 12, h.date, true);
    view.setUint32(p + 14, h.crc, true);
    view.setUint32(p + 18, sizes[i] ?? 0, true);
    view.setUint32(p + 22, h.size, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    p += 30 + name.length;
    if ("copy" in e) {
      out.set(e.from.bytes.subarray(e.copy.dataStart, e.copy.dataStart + e.copy.compressedSize), p);
      p += e.copy.compressedSize;
    } else {
      for (const chunk of e.data.chunks) {
        out.set(chunk, p);
        p += chunk.length;
      }
    }
  });

  const directoryStart = p;
  entries.forEach((_, i) => {
    const name = names[i] ?? new Uint8Array(0);
    const h = headers[i];
    if (!h) return;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, h.flags, true);
    view.setUint16(p + 10, h.method, true);
    view.setUint16(p + 12, h.time, true);
    view.setUint16(p + 14, h.date, true);
    view.setUint32(p + 16, h.crc, true);
    view.setUint32(p + 20, sizes[i] ?? 0, true);
    view.setUint32(p + 24, h.size, true);
    view.setUint16(p + 28, name.length, true);
    // extra, comment, disk number, internal and external attributes: all 0
    view.setUint32(p + 42, offsets[i] ?? 0, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - directoryStart, true);
  view.setUint32(p + 16, directoryStart, true);
  return out;
}
