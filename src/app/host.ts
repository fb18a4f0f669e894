import type { CheckOptions, Issue, Report } from "../core/model";
import type { CellEdit } from "../core/plan";

/**
 * What the task pane needs from wherever the workbook lives. Two implementations:
 * the Excel host (src/excel, Office.js, the workbook open in Excel) and the file host
 * (src/workbook through exceljs, an .xlsx opened in a plain browser). The React components
 * talk only to this interface, never to `Excel` directly.
 */

export interface Progress {
  /** 0..1, or undefined while the amount of work is unknown. */
  fraction?: number;
  /** Message key of the current phase (reading, checking, highlighting, writing). */
  phase: "read" | "check" | "highlight" | "write" | "export";
}

export interface HostRun {
  report: Report;
  /** Sheets that could not be checked, with a localised one-line reason. */
  failures: { sheet: string; message: string }[];
  /** Whether the host coloured the flagged cells. */
  highlighted: boolean;
}

export interface Settings {
  options: CheckOptions;
  /** Colour flagged cells after each check (Excel host). */
  highlight: boolean;
}

export interface AppliedFixes {
  edits: CellEdit[];
}

/** A failure the UI shows as a message bar: a stable kind and its localised text. */
export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export type HostErrorKind =
  | "cellEditMode" // the user is typing in a cell
  | "protectedSheet"
  | "protectedWorkbook" // the workbook's structure is protected: no sheet can be added or deleted
  | "unsupportedApi"
  | "payloadTooLarge"
  | "notRange" // a chart or shape is selected
  | "readOnly"
  | "nameTaken" // a user sheet of our summary sheet's name
  | "noTable" // no recognisable header
  | "badFile" // file mode: corrupt, encrypted, legacy .xls …
  | "unwritable" // file mode: a workbook read fine that no writer can write back (other producers' forms)
  | "cancelled"
  | "unknown";

export interface Host {
  readonly kind: "excel" | "file";
  /** Check the selection (Excel) or the chosen sheet (file), and highlight where the host can. */
  check(settings: Settings, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<HostRun>;
  /** Bring the cell into view and select it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Remove our highlights, restoring the fills that were there before. */
  clearMarks(): Promise<void>;
  /** Write 校验汇总 and 指标明细 (Excel: into the workbook; file: into the annotated download). */
  writeSummary(run: HostRun): Promise<void>;
  /** The cleaned workbook: opened as a new workbook (Excel) or downloaded (file). */
  exportCleaned(settings: Settings): Promise<void>;
  /** Preview the edits the auto-fixes of these issues make, without applying them. */
  previewFixes(issues: readonly Issue[]): Promise<CellEdit[]>;
  applyFixes(edits: readonly CellEdit[]): Promise<AppliedFixes>;
  /** Undo the last applied fixes (only cells still holding what the fix wrote). */
  undoFixes(applied: AppliedFixes): Promise<void>;
  loadSettings(): Promise<Settings | undefined>;
  saveSettings(settings: Settings): Promise<void>;
  /** Called with the selected cell when the user moves in the sheet; returns an unsubscribe. */
  onSelectionChanged?(listener: (sheet: string, address: string) => void): () => void;
}
