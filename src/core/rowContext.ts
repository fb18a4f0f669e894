import type { CellValue, ParsedCell } from "./model";
import type { ItemCell, ProjectRows, RowContext } from "./rules/rule";
import { cellText } from "./table/cellText";

/** Every field of a RowContext but the row's identity (rowKey, rowFingerprint). */
export type RowFields = Omit<RowContext, "rowKey" | "rowFingerprint">;

/**
 * A data row as check.ts builds it. Its identity for duplicate_project — every cell as trimmed
 * text, joined by U+0001 — is built on first read of `rowKey`: joining a whole row copies every
 * character of it (the goal and the indicator text are the longest cells of a sheet), and only
 * rows whose cheap `rowFingerprint` repeats are ever compared by key.
 */
export class SheetRow implements RowContext {
  readonly sheet: string;
  readonly rowIndex: number;
  readonly rowNumber: number;
  readonly department: string;
  readonly unit: string;
  readonly project: string;
  readonly indicatorAddress: string;
  readonly projectAddress: string | undefined;
  readonly rawIndicator: CellValue;
  readonly cell: ParsedCell;
  readonly itemCells: ItemCell[] | undefined;
  /** Set by check.ts once the project's next row shows it spans several rows. */
  projectRows: ProjectRows | undefined = undefined;
  /** Set by check.ts for a cell of a category column (RowContext.ownCell). */
  ownCell: ParsedCell | undefined = undefined;
  readonly rowFingerprint: number;
  private keyCells: readonly CellValue[] | undefined;
  private key: string | undefined = undefined;

  /**
   * `keyCells`: every cell of the row, in sheet order, as read (not yet trimmed); `ignored`:
   * the index in keyCells of a cell that is no part of the row's identity (the 序号 column:
   * a row pasted twice and renumbered is still the same project), -1 for none.
   */
  constructor(
    fields: RowFields,
    keyCells: readonly CellValue[],
    private readonly ignored = -1,
  ) {
    this.sheet = fields.sheet;
    this.rowIndex = fields.rowIndex;
    this.rowNumber = fields.rowNumber;
    this.department = fields.department;
    this.unit = fields.unit;
    this.project = fields.project;
    this.indicatorAddress = fields.indicatorAddress;
    this.projectAddress = fields.projectAddress;
    this.rawIndicator = fields.rawIndicator;
    this.cell = fields.cell;
    this.itemCells = fields.itemCells;
    this.keyCells = keyCells;
    this.rowFingerprint = rowFingerprint(keyCells, ignored);
  }

  get rowKey(): string {
    if (this.key === undefined) {
      if (this.keyCells === undefined) throw new Error(`row ${this.rowNumber}: rowKey read after the check let the row's cells go`);
      this.key = rowKeyOf(this.keyCells, this.ignored);
    }
    return this.key;
  }

  /**
   * Lets the row's cells go once the rules have run (checkSheet): they are the sheet snapshot's
   * own row, long goal prose included, and nothing but rowKey reads them. A host that drops
   * its snapshot then gets that memory back (the CLI, at 100,000 rows, tens of megabytes).
   */
  releaseCells(): void {
    this.keyCells = undefined;
  }
}

/** Every cell as trimmed text (the `ignored` one as empty), joined by U+0001: two rows with
 * the same key hold the same text in every cell but that one. */
export function rowKeyOf(cells: readonly CellValue[], ignored = -1): string {
  let key = "";
  for (let i = 0; i < cells.length; i++) key += (i > 0 ? "\u0001" : "") + (i === ignored ? "" : cellText(cells[i]).trim());
  return key;
}

/**
 * A number that is equal for rows with equal cells, read in constant time per cell: the trimmed
 * lengths and the first, middle and last character of every cell, mixed (FNV-1a style). Rows
 * whose fingerprints differ cannot be duplicates; rows whose fingerprints agree are compared by
 * rowKey. (Cells are told apart one by one: a U+0001 typed inside a cell no longer makes two
 * different rows join to the same key.)
 */
export function rowFingerprint(cells: readonly CellValue[], ignored = -1): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cells.length; i++) {
    const value = i === ignored ? null : cells[i];
    // Strings are the common case and are measured without a copy; other values are short.
    const text = typeof value === "string" ? value : cellText(value);
    let s = 0;
    let e = text.length;
    while (s < e && isTrimmed(text.charCodeAt(s))) s++;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    h = Math.imul(h ^ (e - s), 0x01000193);
    if (e > s) {
      h = Math.imul(h ^ text.charCodeAt(s), 0x01000193);
      h = Math.imul(h ^ text.charCodeAt((s + e) >> 1), 0x01000193);
      h = Math.imul(h ^ text.charCodeAt(e - 1), 0x01000193);
    }
  }
  return h >>> 0;
}

/** The code units String.prototype.trim removes (white space and line terminators). */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
