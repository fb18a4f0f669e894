/**
 * A browser download of bytes the page built (cleaned or annotated workbook, JSON report),
 * through a Blob URL: nothing is uploaded. Shared by the Excel host (hosts without
 * `createWorkbook`) and the file-mode host.
 */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function saveBytes(bytes: Uint8Array, fileName: string, mime: string = XLSX_MIME): void {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const url = URL.createObjectURL(new Blob([copy], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
