import { Inflate } from "fflate";
import { readZipDirectory, type ZipEntry } from "../zipDirectory";

/**
 * The parts of an .xlsx held as bytes, inflated one at a time and only when asked for. Each
 * part is handed on as decoded text in chunks, so a 40 MB sheet never becomes one string.
 *
 * Inflating is pluggable: fflate (pure JavaScript, for the browser worker) by default, Node's
 * zlib for the command line, which is several times faster (inflate.node.ts).
 */

/** Inflates raw deflate data, calling `onChunk` with consecutive pieces of the output.
 * Throws on damaged or truncated data. `expectedSize` is the directory's word for the output
 * size, a hint for sizing buffers only (it may be wrong in a damaged file). */
export type InflateRaw = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => void, expectedSize?: number) => void;

/** What can go wrong reading a part; the reader maps it to BadWorkbookError("corrupt"). */
export class ZipPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipPartError";
  }
}

const INPUT_CHUNK = 256 * 1024;

export const inflateWithFflate: InflateRaw = (compressed, onChunk) => {
  const inflater = new Inflate((chunk) => onChunk(chunk));
  if (compressed.length === 0) throw new ZipPartError("empty deflate stream");
  for (let i = 0; i < compressed.length; i += INPUT_CHUNK) {
    const end = Math.min(compressed.length, i + INPUT_CHUNK);
    inflater.push(compressed.subarray(i, end), end === compressed.length);
  }
};

const SIG_LOCAL = 0x04034b50;
/** Decoded text is handed on in pieces of about this many bytes. */
const TEXT_CHUNK = 1024 * 1024;

export class ZipParts {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly shift: number;
  private readonly view: DataView;

  /** Throws ZipPartError when there is no readable central directory (sniff.ts said so first). */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: InflateRaw = inflateWithFflate,
  ) {
    const read = readZipDirectory(bytes);
    if (!read.ok) throw new ZipPartError(`zip directory: ${read.problem}`);
    this.shift = read.directory.shift;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // OPC part names are case-insensitive; some producers add a leading slash. The first of
    // two entries with one name wins (as a zip tool extracting in order would keep it).
    for (const e of read.directory.entries) {
      const key = partKey(e.name);
      if (!this.entries.has(key)) this.entries.set(key, e);
    }
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** The whole part as text, or undefined when there is no such part. */
  text(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    let out = "";
    this.stream(name, (piece) => {
      out += piece;
    });
    return out;
  }

  /** Calls `onText` with the part's text in order, chunk by chunk; false if there is no
   * such part. UTF-8, or UTF-16 with a byte-order mark. */
  stream(name: string, onText: (text: string) => void): boolean {
    const entry = this.entries.get(partKey(name));
    if (!entry) return false;
    const data = this.compressedData(entry);
    let decoder: TextDecoder | undefined;
    let utf8 = false;
    let produced = 0;
    const onBytes = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      produced += chunk.length;
      // The first bytes decide the encoding; the decoder drops the byte-order mark.
      if (!decoder) {
        decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : chunk[0] === 0xfe && chunk[1] === 0xff ? "utf-16be" : "utf-8");
        utf8 = decoder.encoding === "utf-8";
      }
      for (let i = 0; i < chunk.length; ) {
        const end = i + TEXT_CHUNK >= chunk.length ? chunk.length : utf8 ? pieceEnd(chunk, i, i + TEXT_CHUNK) : i + TEXT_CHUNK;
        const piece = decoder.decode(end - i === chunk.length ? chunk : chunk.subarray(i, end), { stream: true });
        if (piece.length > 0) onText(piece);
        i = end;
      }
    };
    if (entry.method === 0 || (data.length === 0 && entry.uncompressedSize === 0)) onBytes(data);
    else if (entry.method === 8) {
      try {
        this.inflate(data, onBytes, entry.uncompressedSize);
      } catch (e) {
        throw new ZipPartError(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else throw new ZipPartError(`${entry.name}: compression method ${entry.method}`);
    // The directory's size is the producer's word for how much there was: a part cut short
    // (or padded) is damage, as JSZip reports it.
    if (produced !== entry.uncompressedSize) throw new ZipPartError(`${entry.name}: ${produced} bytes, the directory says ${entry.uncompressedSize}`);
    const rest = decoder?.decode() ?? "";
    if (rest.length > 0) onText(rest);
    return true;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const at = entry.localHeaderOffset + this.shift;
    if (at < 0 || at + 30 > this.bytes.length || this.view.getUint32(at, true) !== SIG_LOCAL) throw new ZipPartError(`${entry.name}: bad local header`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipPartError(`${entry.name}: data runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }
}

/** How far back pieceEnd looks for a tag boundary before settling for `end`. */
const BOUNDARY_SEARCH = 64 * 1024;

/**
 * Where a UTF-8 piece that may end at `end` should end: just after a `>` that a `<` follows,
 * so the piece holds whole tokens and the scanner carries nothing over (joining the carry to
 * the next piece copies it, and a joined string is slower to read). Both bytes are ASCII, so
 * no character is split either; without such a place nearby, `end` (the decoder copes).
 */
function pieceEnd(bytes: Uint8Array, from: number, end: number): number {
  const stop = Math.max(from + 1, end - BOUNDARY_SEARCH);
  for (let lt = bytes.lastIndexOf(0x3c, end - 1); lt >= stop; lt = bytes.lastIndexOf(0x3c, lt - 1)) {
    if (bytes[lt - 1] === 0x3e) return lt;
  }
  return end;
}

function partKey(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
}
