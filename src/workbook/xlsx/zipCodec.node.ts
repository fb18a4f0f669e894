import zlib from "zlib";
import { crc32 as jsCrc32, DEFLATE_LEVEL, type DeflatedData, type ZipCodec } from "./zipCodec";

/**
 * Node's zlib for the command line. One entry is cut into chunks deflated independently on
 * libuv's thread pool, the way pigz does it: every chunk but the last ends with a sync flush
 * (a byte-aligned, non-final block), so the pieces concatenate into one valid deflate stream,
 * and each chunk starts from the previous chunk's last 32 KiB as its dictionary, so little
 * compression is lost at the seams.
 */

/** Chunks in flight at once: enough to keep both cores busy while the next chunk is built. */
const IN_FLIGHT = 4;
const WINDOW = 32 * 1024;

const nodeCrc32: (data: Uint8Array, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (zlib as unknown as { crc32: (d: Uint8Array, v: number) => number }).crc32 : jsCrc32;

function deflateChunk(chunk: Uint8Array, dictionary: Uint8Array | undefined, last: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A big output buffer: with the default 16 KiB, every chunk takes many round trips
    // through the main thread.
    const options: zlib.ZlibOptions = {
      level: DEFLATE_LEVEL,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      chunkSize: Math.max(64 * 1024, chunk.length >> 1),
    };
    if (dictionary) options.dictionary = dictionary;
    zlib.deflateRaw(chunk, options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export const nodeCodec: ZipCodec = {
  inflate(data) {
    return new Promise((resolve, reject) => {
      zlib.inflateRaw(data, (error, result) => (error ? reject(error) : resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength))));
    });
  },
  deflater() {
    const pieces: Promise<Buffer>[] = [];
    const pending: Promise<Buffer>[] = [];
    let held: Uint8Array | undefined;
    let dictionary: Uint8Array | undefined;
    let crc = 0;
    let size = 0;
    const submit = (chunk: Uint8Array, last: boolean) => {
      const piece = deflateChunk(chunk, dictionary, last);
      // Attach a handler now so a failure is not "unhandled" before end() awaits it.
      piece.catch(() => undefined);
      pieces.push(piece);
      pending.push(piece);
      dictionary = chunk.length >= WINDOW ? chunk.subarray(chunk.length - WINDOW) : chunk;
    };
    return {
      async write(chunk) {
        if (chunk.length === 0) return;
        crc = nodeCrc32(chunk, crc);
        size += chunk.length;
        // The last chunk must be deflated with Z_FINISH, so each chunk waits for the next.
        if (held) submit(held, false);
        held = chunk;
        while (pending.length >= IN_FLIGHT) await pending.shift();
      },
      async end(): Promise<DeflatedData> {
        submit(held ?? new Uint8Array(0), true);
        held = undefined;
        const chunks = (await Promise.all(pieces)).map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
        return { chunks, crc32: crc, size, compressedSize: chunks.reduce((n, c) => n + c.length, 0) };
      },
    };
  },
};
