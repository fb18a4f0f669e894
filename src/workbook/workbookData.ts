import type { SheetSnapshot } from "../core/model";
import type { MergeRange } from "./merges";
import type { BadFileKind } from "./messages";

/**
 * What reading a workbook gives, whichever reader read it (readWorkbook.ts through exceljs,
 * xlsx/readXlsx.ts directly): kept apart from both so the fast reader does not load exceljs.
 */

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** 0-based; hidden rows and columns are read like the others and listed here. */
  hiddenRowIndexes: number[];
  hiddenColumnIndexes: number[];
  merges: MergeRange[];
}

export interface WorkbookData {
  /** In tab order. Worksheets only: chart sheets have no cells, so they never appear. */
  sheets: SheetSnapshot[];
  /** `info[i]` describes `sheets[i]`. */
  info: SheetInfo[];
}

/** A file the user must fix; `kind` selects the message (messages.ts). */
export class BadWorkbookError extends Error {
  constructor(
    readonly kind: BadFileKind,
    readonly detail?: string,
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = "BadWorkbookError";
  }
}
