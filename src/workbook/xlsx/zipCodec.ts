import { Deflate, inflateSync } from "fflate";

/**
 * Compression behind the patching writers, injected so the browser worker uses fflate (pure
 * JS, bundled) and the command line Node's zlib (C, on the thread pool: chunks of one entry
 * compress in parallel while the next chunk's XML is built), see zipCodec.node.ts.
 */
export interface ZipCodec {
  /** Raw-inflates one entry's data, knowing its size. */
  inflate(data: Uint8Array, size: number): Promise<Uint8Array>;
  /** A raw-deflate stream for one new entry. */
  deflater(): Deflater;
}

export interface Deflater {
  /** Appends bytes; resolves when the deflater is ready for more (bounded memory). The chunk
   * must not be changed afterwards, until `release` (when given) is called: the deflater no
   * longer reads it then, and its buffer can be filled again. */
  write(chunk: Uint8Array, release?: () => void): Promise<void>;
  end(): Promise<DeflatedData>;
}

/** One entry's compressed data, ready to go into one or more zips. */
export interface DeflatedData {
  chunks: Uint8Array[];
  crc32: number;
  size: number;
  compressedSize: number;
}

/** Deflates a whole entry at once. */
export async function deflateAll(codec: ZipCodec, data: Uint8Array): Promise<DeflatedData> {
  const d = codec.deflater();
  await d.write(data);
  return d.end();
}

/** The level both codecs use: sheet XML compresses ~10× at level 1 too, and the 100,000-row
 * 指标明细 is ~0.5 GB of XML, where level 6 costs seconds. */
export const DEFLATE_LEVEL = 1;

/** fflate: for the browser worker (and tests). */
export const fflateCodec: ZipCodec = {
  inflate(data, size) {
    return Promise.resolve(inflateSync(data, { out: new Uint8Array(size) }));
  },
  deflater() {
    const chunks: Uint8Array[] = [];
    let compressedSize = 0;
    let crc = 0;
    let size = 0;
    const stream = new Deflate({ level: DEFLATE_LEVEL }, (data) => {
      chunks.push(data);
      compressedSize += data.length;
    });
    return {
      write(chunk, release) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        // fflate copies what it keeps into its own window.
        stream.push(chunk, false);
        release?.();
        return Promise.resolve();
      },
      end() {
        stream.push(new Uint8Array(0), true);
        return Promise.resolve({ chunks, crc32: crc, size, compressedSize });
      },
    };
  },
};

/** Slicing-by-4 tables for CRC-32 (polynomial 0xEDB88320). */
const TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] ?? 0;
    for (let k = 1; k < 4; k++) {
      c = (t[c & 0xff] ?? 0) ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 of `data`, continuing from `previous` (0 to start). */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = TABLES;
  let c = ~previous;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= (data[i] ?? 0) | ((data[i + 1] ?? 0) << 8) | ((data[i + 2] ?? 0) << 16) | ((data[i + 3] ?? 0) << 24);
    c = (t[768 + (c & 0xff)] ?? 0) ^ (t[512 + ((c >>> 8) & 0xff)] ?? 0) ^ (t[256 + ((c >>> 16) & 0xff)] ?? 0) ^ (t[c >>> 24] ?? 0);
  }
  for (; i < n; i++) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}
