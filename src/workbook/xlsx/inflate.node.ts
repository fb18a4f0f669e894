import * as zlib from "zlib";
import type { InflateRaw } from "./zipParts";

/** Deflate expands data at most about 1032 times: the most a truthful size can be. */
const MAX_RATIO = 1032;

/** The largest buffer sized up front: a directory can lie, and a part bigger than this (a sheet
 * of millions of rows) is gathered in pieces as before rather than reserved at once. */
const MAX_PRESIZED = 256 * 1024 * 1024;

/** Node's zlib: native, several times faster than fflate on the big sheet and string parts.
 * The whole part is inflated at once (outside the JavaScript heap) and decoded in pieces.
 * The output buffer is sized from the directory (one byte spare, so zlib never starts a second
 * one): zlib then hands back that buffer, instead of gathering 16 KB pieces and copying them
 * into one (a second copy of the part at the peak). A wrong size only costs that copy. */
export const inflateWithZlib: InflateRaw = (compressed, onChunk, expectedSize) => {
  const size = expectedSize === undefined || expectedSize > MAX_PRESIZED ? 0 : Math.min(expectedSize, compressed.length * MAX_RATIO + 1024) + 1;
  const out = zlib.inflateRawSync(compressed, size > zlib.constants.Z_DEFAULT_CHUNK ? { chunkSize: size } : {});
  onChunk(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
};
