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
/** The largest output buffer inflate allocates up front (a part's declared size could lie). */
const MAX_INFLATE_BUFFER = 256 * 1024 * 1024;

const nodeCrc32: (data: Uint8Array, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (zlib as unknown as { crc32: (d: Uint8Array, v: number) => number }).crc32 : jsCrc32;

function deflateChunk(chunk: Uint8Array, dictionary: Uint8Array | undefined, last: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A big output buffer: with the default 16 KiB, every chunk takes many round trips
    // through the main thread.
    const options: zlib.ZlibOptions = {
      level: DEFLATE_LEVEL,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      // XML deflates to a tenth or less at level 1: an eighth of the input is one buffer for
      // most chunks, without allocating (and collecting) far more than the result.
      chunkSize: Math.max(64 * 1024, chunk.length >> 3),
    };
    if (dictionary) options.dictionary = dictionary;
    zlib.deflateRaw(chunk, options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export const nodeCodec: ZipCodec = {
  inflate(data, size) {
    return new Promise((resolve, reject) => {
      // The output in one buffer of the size the directory gives, plus a byte so zlib sees it
      // is done without asking for another: with the default 16 KiB, a 40 MB part took
      // thousands of round trips between the pool and the main thread.
      // Deflate shrinks data at most 1032:1, which bounds a size the directory overstates.
      const options: zlib.ZlibOptions = { chunkSize: Math.max(64 * 1024, Math.min(size + 1, data.length * 1032 + 64, MAX_INFLATE_BUFFER)) };
      zlib.inflateRaw(data, options, (error, result) => (error ? reject(error) : resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength))));
    });
  },
  deflater() {
    const pieces: Promise<Buffer>[] = [];
    const pending: Promise<Buffer>[] = [];
    let held: Uint8Array | undefined;
    let heldRelease: (() => void) | undefined;
    let dictionary: Uint8Array | undefined;
    /** Releases the chunk the dictionary was taken from, once its own deflate is done too. */
    let dictionaryRelease: (() => void) | undefined;
    let crc = 0;
    let size = 0;
    const submit = (chunk: Uint8Array, last: boolean, release: (() => void) | undefined) => {
      // zlib copies the dictionary into its window when the stream is set up, here.
      const piece = deflateChunk(chunk, dictionary, last);
      dictionaryRelease?.();
      // Attach a handler now so a failure is not "unhandled" before end() awaits it.
      piece.catch(() => undefined);
      pieces.push(piece);
      pending.push(piece);
      dictionary = chunk.length >= WINDOW ? chunk.subarray(chunk.length - WINDOW) : chunk;
      // zlib reads the chunk until its piece is done; the next chunk reads its tail as the
      // dictionary when it is submitted. Whichever comes last releases it.
      let uses = 2;
      const done = release
        ? () => {
            if (--uses === 0) release();
          }
        : undefined;
      dictionaryRelease = done;
      if (done) piece.then(done, () => undefined);
    };
    return {
      async write(chunk, release) {
        if (chunk.length === 0) {
          release?.();
          return;
        }
        crc = nodeCrc32(chunk, crc);
        size += chunk.length;
        // The last chunk must be deflated with Z_FINISH, so each chunk waits for the next.
        if (held) submit(held, false, heldRelease);
        held = chunk;
        heldRelease = release;
        while (pending.length >= IN_FLIGHT) await pending.shift();
      },
      async end(): Promise<DeflatedData> {
        submit(held ?? new Uint8Array(0), true, heldRelease);
        dictionaryRelease?.();
        dictionaryRelease = undefined;
        held = undefined;
        heldRelease = undefined;
        const chunks = (await Promise.all(pieces)).map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
        return { chunks, crc32: crc, size, compressedSize: chunks.reduce((n, c) => n + c.length, 0) };
      },
    };
  },
};
