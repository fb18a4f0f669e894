/**
 * Starts the file mode's check worker. webpack 5 recognises `new Worker(new URL(…,
 * import.meta.url))` and bundles src/workbook/check.worker.ts as its own chunk (with exceljs).
 * Kept apart from fileHost.ts, which loads it by dynamic import(): `import.meta` would make
 * fileHost an ES module that the CommonJS unit tests cannot load.
 */
export function startCheckWorker(): Worker {
  return new Worker(new URL("../../workbook/check.worker.ts", import.meta.url), { name: "indicator-check" });
}
