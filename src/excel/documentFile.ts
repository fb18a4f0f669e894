/**
 * The bytes of the open workbook (as Excel would save it) through the Common API: all
 * slices read in order, the file always closed (Excel allows one open file handle and keeps
 * refusing getFileAsync until it is closed).
 */

import { saveBytes } from "../app/download";

/** Excel's largest slice. */
const SLICE_SIZE = 4 * 1024 * 1024;

export async function readDocumentBytes(): Promise<Uint8Array> {
  const file = await new Promise<Office.File>((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(asError(result.error));
    });
  });
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const data = await new Promise<unknown>((resolve, reject) => {
        file.getSliceAsync(i, (result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value.data);
          else reject(asError(result.error));
        });
      });
      parts.push(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayLike<number>));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}

function asError(error: Office.Error | undefined): Error {
  const e = new Error(error?.message ?? "getFileAsync failed");
  // Keep Office's numeric code: callers map failures by it.
  (e as Error & { code?: string }).code = error ? String(error.code) : undefined;
  return e;
}

/** btoa over chunks: String.fromCharCode(...bytes) on megabytes would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A browser download, for hosts that cannot open a new workbook (< 1.8). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  saveBytes(bytes, fileName);
}
