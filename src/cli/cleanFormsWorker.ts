import { parentPort } from "worker_threads";
import { cleanCellForms } from "../core/clean/planCleaning";

/**
 * The cleaner's thread (bundled beside the CLI as clean-forms-worker.js): for each message, the
 * indicator texts of one checked workbook, posts back their canonical forms (cleanCellForms).
 * See cleanForms.ts for why and when.
 */
parentPort?.on("message", (texts: string[]) => {
  parentPort?.postMessage(cleanCellForms(texts));
});
