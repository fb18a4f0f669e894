/**
 * Our own fake of the slice of Office.js the Excel layer uses, enforcing what real Excel
 * enforces, so a test fails where the add-in would fail in Excel:
 *
 * - proxies: a property reads only after it was `load`ed AND a `context.sync()` ran
 *   (PropertyNotLoaded otherwise); requests run only at sync, in order; a batch that ends
 *   with commands never synced is an error;
 * - every sync is counted; its request and response are estimated in bytes and fail with
 *   Request/ResponsePayloadSizeLimitExceeded over settable limits (Excel's: 5 MB);
 * - `getRanges` refuses address lists of 8,192 characters or more;
 * - a string written to `values` that starts with `=`, `+` or `-` becomes a formula (and
 *   `123` a number) unless the cell's number format is `@`;
 * - writes to a protected sheet or a read-only workbook fail with AccessDenied (earlier
 *   requests of the same sync stay applied, like Excel's);
 * - cell-edit mode fails syncs with InvalidOperationInCellEditMode;
 * - APIs above the host's ExcelApi version fail with ApiNotFound (1.7, 1.8, 1.9 or 1.13 hosts);
 * - merged blocks (FakeSheet.merge) read like Excel's: the value in the top-left cell only, the
 *   covered cells "" (their `values` and `formulas`); getMergedAreasOrNullObject (1.13) lists
 *   the blocks whose top-left cell lies in the range and fails the sync past 512 of them;
 * - a chart selection makes getSelectedRange(s) fail with InvalidSelection;
 * - "no fill" reads as colour #FFFFFF with pattern None, like Excel.
 *
 * The workbook state (FakeWorkbook) outlives contexts, so "close and reopen" is a new
 * context (and a new host) on the same FakeWorkbook.
 */

export type ApiVersion = "1.7" | "1.8" | "1.9" | "1.13";
export type Scalar = string | number | boolean;

export interface FakeFill {
  color: string | null;
  pattern: string;
  patternColor: string | null;
}

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat: string;
  fill: FakeFill;
  bold?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  xValues?: string;
  title?: string;
  legendVisible?: boolean;
}

const NO_FILL: FakeFill = { color: null, pattern: "None", patternColor: null };
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const FIVE_MB = 5 * 1024 * 1024;
/** Range.getMergedAreasOrNullObject fails past this many areas. */
const MAX_MERGED_AREAS = 512;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------------------------------
// Addresses (our own parser: the fake must not trust the code under test)

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** `E7`, `A1:C5`, `E:E`, `5:7`, optionally `Sheet!`-qualified. */
export function parseAddress(address: string): Rect {
  const body = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from = "", to = from] = body.replace(/\$/g, "").split(":");
  const cell = /^([A-Za-z]+)(\d+)$/;
  const colOnly = /^([A-Za-z]+)$/;
  const rowOnly = /^(\d+)$/;
  if (colOnly.test(from) && colOnly.test(to)) {
    const c1 = colIndex(from);
    const c2 = colIndex(to);
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  if (rowOnly.test(from) && rowOnly.test(to)) {
    const r1 = Number(from) - 1;
    const r2 = Number(to) - 1;
    return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLUMNS };
  }
  const m1 = cell.exec(from);
  const m2 = cell.exec(to);
  if (!m1 || !m2) throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
  const r1 = Number(m1[2]) - 1;
  const r2 = Number(m2[2]) - 1;
  const c1 = colIndex(m1[1]!);
  const c2 = colIndex(m2[1]!);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function rectAddress(sheet: string, r: Rect): string {
  const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = a1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? `${q}!${tl}` : `${q}!${tl}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

// ---------------------------------------------------------------------------------------
// Workbook state

let nextSheetId = 1;

export class FakeSheet {
  readonly id = `{sheet-${nextSheetId++}}`;
  visibility = "Visible";
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Merged blocks (FakeSheet.merge), none overlapping. */
  readonly merges: Rect[] = [];

  constructor(public name: string) {}

  /** Test setup: merges a rectangle (`A3:A6`) as Excel's Merge does: the top-left cell keeps its
   * value, the covered cells lose theirs. A block overlapping another is refused. */
  merge(address: string): this {
    const rect = parseAddress(address);
    if (rect.rows * rect.cols < 2) throw new Error(`fake: ${address} is a single cell`);
    const overlaps = (m: Rect) => m.row < rect.row + rect.rows && rect.row < m.row + m.rows && m.col < rect.col + rect.cols && rect.col < m.col + m.cols;
    if (this.merges.some(overlaps)) throw new Error(`fake: ${address} overlaps a merged block`);
    for (const { row, col } of cellsOf(rect)) {
      const c = row === rect.row && col === rect.col ? undefined : this.peek(row, col);
      if (c) {
        c.value = "";
        delete c.formula;
      }
    }
    this.merges.push(rect);
    return this;
  }

  /** A sheet in a response (a collection or areas load) is a reference, not its cells and
   * merges: this keeps the fake's response estimates to what Excel would send. */
  toJSON(): { id: string; name: string } {
    return { id: this.id, name: this.name };
  }

  /** `row,col` keys of the cells merged blocks cover (top-left cells aside): they read "". */
  coveredCells(): Set<string> {
    const out = new Set<string>();
    for (const m of this.merges) for (const { row, col } of cellsOf(m)) if (row !== m.row || col !== m.col) out.add(`${row},${col}`);
    return out;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: "", numberFormat: "General", fill: { ...NO_FILL } };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Test setup: plain values from (row, col) on, as if typed (no formula conversion). */
  setRows(rows: readonly (readonly (Scalar | null)[])[], row = 0, col = 0): this {
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== null && v !== "") this.cell(row + i, col + j).value = v;
      }),
    );
    return this;
  }

  /** Test helpers by A1 address. */
  at(address: string): FakeCell {
    const r = parseAddress(address);
    return this.cell(r.row, r.col);
  }

  text(address: string): Scalar {
    const r = parseAddress(address);
    return this.peek(r.row, r.col)?.value ?? "";
  }

  fill(address: string): FakeFill {
    const r = parseAddress(address);
    return this.peek(r.row, r.col)?.fill ?? { ...NO_FILL };
  }

  /** Bounding box of the cells holding a value, or undefined. */
  usedRect(): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, c] of this.cells) {
      if (c.value === "" && c.formula === undefined) continue;
      const [r, k] = key.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, k);
      bottom = Math.max(bottom, r);
      right = Math.max(right, k);
    }
    return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** A deep copy of every cell that differs from a blank one, for "the workbook is
   * unchanged" assertions (a blank cell Excel touched is still a blank cell). */
  dump(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const [key, c] of this.cells) {
      const blank = c.value === "" && c.formula === undefined && c.numberFormat === "General" && !c.bold && c.fill.color === null && c.fill.pattern === "None";
      if (blank) continue;
      const [r, k] = key.split(",").map(Number) as [number, number];
      out[a1(r, k)] = { ...c, fill: { ...c.fill } };
    }
    return out;
  }
}

export type Selection = { sheet: string; areas: string[] } | { chart: true };

export interface Fault {
  /** Which request fails: its kind (`fill`, `values`, `numberFormat`, `formulas`, …) and sheet. */
  match: (op: { kind: string; sheet?: string }) => boolean;
  code: string;
  /** How many matching requests fail (then the fault is spent); the default is one. */
  times?: number;
  /** Let this many matching requests pass first. */
  skip?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names: name → formula (`='校验汇总'!$A$1`). */
  readonly names = new Map<string, string>();
  active = "";
  selection: Selection = { sheet: "", areas: ["A1"] };
  api: ApiVersion = "1.9";
  readOnly = false;
  /** Review → Protect Workbook (structure): no sheet can be added, deleted, hidden or unhidden. */
  structureProtected = false;
  /** The next this-many syncs fail with InvalidOperationInCellEditMode. */
  cellEditFailures = 0;
  requestLimit = FIVE_MB;
  responseLimit = FIVE_MB;
  readonly syncs: SyncRecord[] = [];
  readonly runOptions: unknown[] = [];
  readonly faults: Fault[] = [];
  /** Office.context.document.settings as saved with the document. */
  savedSettings: Record<string, unknown> = {};
  /** What getFileAsync returns. */
  fileBytes: Uint8Array = new Uint8Array();
  /** base64 strings passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[] = [];
  readonly selectionHandlers = new Set<(args: unknown) => unknown>();
  screenUpdatingSuspensions = 0;
  fileHandlesOpen = 0;

  constructor(api: ApiVersion = "1.9") {
    this.api = api;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  addSheet(name: string): FakeSheet {
    const ws = new FakeSheet(name);
    this.sheets.push(ws);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, areas: ["A1"] };
    }
    return ws;
  }

  sheet(name: string): FakeSheet {
    const ws = this.sheets.find((s) => s.name === name);
    if (!ws) throw new Error(`fake: no sheet ${name}`);
    return ws;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The user selects `areas` (A1 addresses) on `sheet`, which becomes active; handlers fire. */
  async select(sheet: string, ...areas: string[]): Promise<void> {
    this.active = sheet;
    this.selection = { sheet, areas };
    for (const h of this.selectionHandlers) await h({ type: "SelectionChanged" });
  }

  selectChart(): void {
    this.selection = { chart: true };
  }

  supports(version: string): boolean {
    const [, minor = "0"] = version.split(".");
    const [, have = "0"] = this.api.split(".");
    return version.startsWith("1.") && Number(minor) <= Number(have);
  }

  /** Everything a user could see: cells, sheet names and states, names, charts. */
  state(): unknown {
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: s.dump(), charts: [...s.charts] })),
      names: [...this.names],
    };
  }
}

// ---------------------------------------------------------------------------------------
// Requests and contexts

interface Op {
  kind: string;
  sheet?: () => string | undefined;
  bytes: number;
  /** Runs at sync; returns a commit for loaded data and the response size. */
  run: () => { bytes: number; commit: () => void } | void;
}

const LOAD_BYTES = 80;

function sizeOf(v: unknown): number {
  return JSON.stringify(v)?.length ?? 4;
}

export class FakeContext {
  readonly queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: { suspendScreenUpdatingUntilNextSync(): void };

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendScreenUpdatingUntilNextSync: () => {
        this.require("1.9", "suspendScreenUpdatingUntilNextSync");
        this.push({ kind: "screenUpdating", bytes: 60, run: () => void wb.screenUpdatingSuspensions++ });
      },
    };
  }

  push(op: Op): void {
    this.queue.push(op);
  }

  /** Queues an ApiNotFound failure when the host lacks `version` (Excel fails at sync). */
  require(version: string, api: string): void {
    if (!this.wb.supports(version)) {
      this.push({
        kind: "apiNotFound",
        bytes: 60,
        run: () => {
          throw new FakeExcelError("ApiNotFound", `${api} needs ExcelApi ${version}`);
        },
      });
    }
  }

  /** A write: fails on a read-only workbook or a protected sheet. */
  write(kind: string, sheet: () => FakeSheet, bytes: number, apply: (ws: FakeSheet) => void): void {
    this.push({
      kind,
      sheet: () => sheet().name,
      bytes,
      run: () => {
        const ws = sheet();
        if (this.wb.readOnly) throw new FakeExcelError("AccessDenied", "the workbook is read-only");
        if (ws.protected) throw new FakeExcelError("AccessDenied", `sheet ${ws.name} is protected`);
        apply(ws);
      },
    });
  }

  /** A load: `fill` computes the data at sync; it becomes readable after the sync. */
  load(kind: string, compute: () => unknown, store: (data: unknown) => void): void {
    this.push({
      kind: `load:${kind}`,
      bytes: LOAD_BYTES,
      run: () => {
        const data = compute();
        return { bytes: sizeOf(data), commit: () => store(data) };
      },
    });
  }

  async sync(): Promise<void> {
    const wb = this.wb;
    const ops = this.queue.splice(0);
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length };
    wb.syncs.push(record);
    await Promise.resolve();
    if (wb.cellEditFailures > 0) {
      wb.cellEditFailures--;
      throw new FakeExcelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
    }
    if (requestBytes > wb.requestLimit) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    for (const op of ops) {
      const fault = wb.faults.find((f) => f.match({ kind: op.kind, sheet: safe(op.sheet) }) && (f.times ?? 1) > 0);
      if (fault) {
        if ((fault.skip ?? 0) > 0) fault.skip = (fault.skip ?? 0) - 1;
        else {
          fault.times = (fault.times ?? 1) - 1;
          throw new FakeExcelError(fault.code, `injected ${fault.code} on ${op.kind}`);
        }
      }
      const out = op.run();
      if (out) {
        responseBytes += out.bytes;
        commits.push(out.commit);
      }
    }
    record.responseBytes = responseBytes;
    if (responseBytes > wb.responseLimit) throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
    for (const c of commits) c();
  }
}

function safe(f: (() => string | undefined) | undefined): string | undefined {
  try {
    return f?.();
  } catch {
    return undefined;
  }
}

/** Loaded-property storage shared by every proxy. */
class Loadable {
  protected loaded: Record<string, unknown> = {};

  protected get<T>(prop: string): T {
    if (!(prop in this.loaded)) {
      throw new FakeExcelError("PropertyNotLoaded", `The property '${prop}' is not available. Call load and sync first.`);
    }
    return this.loaded[prop] as T;
  }

  /** For proxies the code reads after a load. */
  protected store(values: Record<string, unknown>): void {
    Object.assign(this.loaded, values);
  }
}

function propList(spec: string | string[] | undefined): string[] {
  const list = Array.isArray(spec) ? spec : (spec ?? "").split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------
// Workbook

/** Workbook.protection (ExcelApi 1.7): whether the structure is protected. */
class WorkbookProtectionProxy extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get protected(): boolean {
    return this.get("protected");
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p !== "protected") throw new Error(`fake: workbook.protection.load(${p})`);
      this.ctx.load("workbookProtection", () => this.ctx.wb.structureProtected, (v) => this.store({ protected: v }));
    }
    return this;
  }
}

class WorkbookProxy extends Loadable {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamesProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly onSelectionChanged: { add: (handler: (args: unknown) => unknown) => EventResult };

  constructor(private readonly ctx: FakeContext) {
    super();
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamesProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
    this.onSelectionChanged = {
      add: (handler) => {
        const result = new EventResult(ctx, handler);
        ctx.push({ kind: "event", bytes: 60, run: () => void ctx.wb.selectionHandlers.add(handler) });
        return result;
      },
    };
  }

  get readOnly(): boolean {
    return this.get("readOnly");
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p !== "readOnly") throw new Error(`fake: workbook.load(${p}) not supported`);
      this.ctx.require("1.8", "Workbook.readOnly");
      this.ctx.load("readOnly", () => this.ctx.wb.readOnly, (v) => this.store({ readOnly: v }));
    }
    return this;
  }

  getSelectedRange(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, () => {
      const sel = wb.selection;
      if ("chart" in sel) throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      if (sel.areas.length !== 1) throw new FakeExcelError("InvalidSelection", "getSelectedRange: multiple areas are selected");
      return { sheet: wb.sheet(sel.sheet), rect: parseAddress(sel.areas[0]!) };
    });
  }

  getSelectedRanges(): RangeAreasProxy {
    this.ctx.require("1.9", "getSelectedRanges");
    const wb = this.ctx.wb;
    return new RangeAreasProxy(this.ctx, () => {
      const sel = wb.selection;
      if ("chart" in sel) throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: wb.sheet(sel.sheet), rects: sel.areas.map(parseAddress) };
    });
  }

  getActiveCell(): RangeProxy {
    const wb = this.ctx.wb;
    return new RangeProxy(this.ctx, () => {
      const sel = wb.selection;
      if ("chart" in sel) throw new FakeExcelError("InvalidSelection", "no active cell");
      const r = parseAddress(sel.areas[0]!);
      return { sheet: wb.sheet(sel.sheet), rect: { row: r.row, col: r.col, rows: 1, cols: 1 } };
    });
  }
}

class EventResult {
  constructor(
    readonly context: FakeContext,
    private readonly handler: (args: unknown) => unknown,
  ) {}

  remove(): void {
    this.context.push({ kind: "event", bytes: 60, run: () => void this.context.wb.selectionHandlers.delete(this.handler) });
  }
}

class WorksheetCollectionProxy extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }

  get items(): WorksheetProxy[] {
    return this.get("items");
  }

  /** `items/name`, `items/protection/protected`, `items/visibility`. */
  load(spec?: string | string[]): this {
    const props = propList(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.load(
      "worksheets",
      () => this.ctx.wb.sheets.map((s) => ({ sheet: s, name: s.name, visibility: s.visibility, protected: s.protected })),
      (data) => {
        const rows = data as { sheet: FakeSheet; name: string; visibility: string; protected: boolean }[];
        this.store({
          items: rows.map((r) => {
            const proxy = new WorksheetProxy(this.ctx, () => r.sheet);
            proxy.fill(props, r);
            return proxy;
          }),
        });
      },
    );
    return this;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(this.ctx.wb.active));
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const ws = this.ctx.wb.findSheet(name);
      if (!ws) throw new FakeExcelError("ItemNotFound", `no sheet ${name}`);
      return ws;
    });
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.push({
      kind: "addSheet",
      bytes: 100 + name.length,
      run: () => {
        if (this.ctx.wb.readOnly) throw new FakeExcelError("AccessDenied", "read-only");
        if (this.ctx.wb.structureProtected) throw new FakeExcelError("InvalidOperation", "the workbook structure is protected");
        if (this.ctx.wb.findSheet(name)) throw new FakeExcelError("ItemAlreadyExists", `sheet ${name} exists`);
        created = new FakeSheet(name);
        this.ctx.wb.sheets.push(created);
      },
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new Error("fake: sheet used before it was added");
      return created;
    });
  }
}

class ProtectionProxy extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super();
  }

  get protected(): boolean {
    return this.get("protected");
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p !== "protected") throw new Error(`fake: protection.load(${p})`);
      this.ctx.load("protection", () => this.sheet().protected, (v) => this.store({ protected: v }));
    }
    return this;
  }

  /** Filled by a collection load. */
  fill(v: boolean): void {
    this.store({ protected: v });
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: ProtectionProxy;
  readonly charts: ChartsProxy;

  constructor(
    private readonly ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super();
    this.protection = new ProtectionProxy(ctx, resolve);
    this.charts = new ChartsProxy(ctx, resolve);
  }

  fill(props: string[], r: { name: string; visibility: string; protected: boolean }): void {
    for (const p of props) {
      if (p === "name") this.store({ name: r.name });
      else if (p === "visibility") this.store({ visibility: r.visibility });
      else if (p === "protection/protected") this.protection.fill(r.protected);
      else throw new Error(`fake: worksheets.load(items/${p})`);
    }
  }

  get name(): string {
    return this.get("name");
  }

  get visibility(): string {
    return this.get("visibility");
  }

  set visibility(v: string) {
    this.ctx.write("visibility", this.resolve, 80, (ws) => {
      if (this.ctx.wb.structureProtected && ws.visibility !== v) throw new FakeExcelError("InvalidOperation", "the workbook structure is protected");
      ws.visibility = v;
    });
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p !== "name" && p !== "visibility") throw new Error(`fake: worksheet.load(${p})`);
      this.ctx.load(`worksheet.${p}`, () => (p === "name" ? this.resolve().name : this.resolve().visibility), (v) => this.store({ [p]: v }));
    }
    return this;
  }

  activate(): void {
    this.ctx.push({ kind: "activate", bytes: 60, run: () => void (this.ctx.wb.active = this.resolve().name) });
  }

  delete(): void {
    this.ctx.push({
      kind: "deleteSheet",
      bytes: 60,
      run: () => {
        if (this.ctx.wb.readOnly) throw new FakeExcelError("AccessDenied", "read-only");
        const ws = this.resolve();
        // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete
        // operation will fail with an InvalidOperation exception" (office-js#365: by design).
        if (ws.visibility === "VeryHidden") throw new FakeExcelError("InvalidOperation", "cannot delete a VeryHidden sheet");
        if (this.ctx.wb.structureProtected) throw new FakeExcelError("InvalidOperation", "the workbook structure is protected");
        this.ctx.wb.sheets = this.ctx.wb.sheets.filter((s) => s !== ws);
        // Names pointing into a deleted sheet turn into #REF!, as in Excel.
        for (const [n, f] of this.ctx.wb.names) if (f.includes(`${ws.name}'!`) || f.startsWith(`=${ws.name}!`)) this.ctx.wb.names.set(n, "=#REF!");
      },
    });
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), rect: parseAddress(address) }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), rect: { row, col, rows, cols } }));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const proxy = new RangeProxy(this.ctx, () => {
      const rect = this.resolve().usedRect();
      return rect ? { sheet: this.resolve(), rect } : undefined;
    });
    proxy.nullable = true;
    return proxy;
  }

  getRanges(address: string): RangeAreasProxy {
    this.ctx.require("1.9", "Worksheet.getRanges");
    return new RangeAreasProxy(this.ctx, () => {
      if (address.length >= 8192) throw new FakeExcelError("InvalidArgument", `getRanges: address of ${address.length} characters`);
      return { sheet: this.resolve(), rects: address.split(",").map((a) => parseAddress(a.trim())) };
    }, address.length);
  }
}

// ---------------------------------------------------------------------------------------
// Ranges

type Resolved = { sheet: FakeSheet; rect: Rect };

function cellsOf(rect: Rect): { row: number; col: number }[] {
  if (rect.rows * rect.cols > 2_000_000) throw new Error("fake: unbounded range used as cells");
  const out: { row: number; col: number }[] = [];
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) out.push({ row: rect.row + r, col: rect.col + c });
  return out;
}

function displayColor(fill: FakeFill): string {
  return fill.color ?? "#FFFFFF";
}

/** Excel's coercion of a string typed (or written to `values`) into a non-text cell. */
function enter(cell: FakeCell, v: Scalar): void {
  if (typeof v !== "string" || cell.numberFormat === "@") {
    cell.value = v;
    delete cell.formula;
    return;
  }
  if (v.startsWith("=")) return setFormula(cell, v);
  if (/^[+-]/.test(v) && v.length > 1) return setFormula(cell, `=${v}`);
  const number = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
  if (number) {
    cell.value = Number(number[1]) / (number[2] ? 100 : 1);
    delete cell.formula;
    return;
  }
  cell.value = v;
  delete cell.formula;
}

/** A tiny evaluator: HYPERLINK shows its label, a signed number or percentage is a number,
 * anything else is #NAME?. */
function setFormula(cell: FakeCell, f: string): void {
  cell.formula = f;
  const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(f);
  if (link) {
    cell.value = link[1]!.replace(/""/g, '"');
    return;
  }
  const num = /^=([+-]?\d+(?:\.\d+)?)(%?)$/.exec(f);
  cell.value = num ? Number(num[1]) / (num[2] ? 100 : 1) : "#NAME?";
}

class FillProxy extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; rects: Rect[] },
    private readonly addressBytes: number,
  ) {
    super();
  }

  private each(kind: string, f: (fill: FakeFill) => void): void {
    this.ctx.write(kind, () => this.target().sheet, 120 + this.addressBytes, (ws) => {
      for (const rect of this.target().rects) for (const { row, col } of cellsOf(rect)) f(ws.cell(row, col).fill);
    });
  }

  get color(): string | null {
    return this.get("color");
  }

  set color(c: string | null) {
    this.each("fill", (fill) => {
      fill.color = c === null ? null : c.toUpperCase();
      fill.pattern = "Solid";
      fill.patternColor = null;
    });
  }

  get pattern(): string {
    return this.get("pattern");
  }

  set pattern(p: string) {
    this.ctx.require("1.9", "RangeFill.pattern");
    this.each("fill", (fill) => {
      fill.pattern = p;
    });
  }

  set patternColor(c: string) {
    this.ctx.require("1.9", "RangeFill.patternColor");
    this.each("fill", (fill) => {
      fill.patternColor = c.toUpperCase();
    });
  }

  clear(): void {
    this.each("fill", (fill) => Object.assign(fill, NO_FILL));
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p === "pattern") this.ctx.require("1.9", "RangeFill.pattern");
      if (p !== "color" && p !== "pattern") throw new Error(`fake: fill.load(${p})`);
      this.ctx.load(
        `fill.${p}`,
        () => {
          const { sheet, rects } = this.target();
          const values = rects.flatMap((r) => cellsOf(r)).map(({ row, col }) => {
            const fill = sheet.peek(row, col)?.fill ?? NO_FILL;
            return p === "color" ? displayColor(fill) : fill.pattern;
          });
          // A range whose cells differ reports null, as Excel does.
          return values.every((v) => v === values[0]) ? values[0] : null;
        },
        (v) => this.store({ [p]: v }),
      );
    }
    return this;
  }
}

class FormatProxy {
  readonly fill: FillProxy;
  readonly font: { bold: boolean };

  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; rects: Rect[] },
    addressBytes = 20,
  ) {
    this.fill = new FillProxy(ctx, target, addressBytes);
    const write = (kind: string, f: (ws: FakeSheet, rects: Rect[]) => void) =>
      this.ctx.write(kind, () => this.target().sheet, 100, (ws) => f(ws, this.target().rects));
    this.font = {
      get bold(): boolean {
        throw new FakeExcelError("PropertyNotLoaded", "font.bold not loaded");
      },
      set bold(b: boolean) {
        write("font", (ws, rects) => rects.forEach((r) => cellsOf(r).forEach(({ row, col }) => (ws.cell(row, col).bold = b))));
      },
    };
  }

  set columnWidth(w: number) {
    this.ctx.write("columnWidth", () => this.target().sheet, 80, (ws) => {
      for (const r of this.target().rects) for (let c = r.col; c < r.col + r.cols; c++) ws.columnWidths.set(c, w);
    });
  }
}

class RangeProxy extends Loadable {
  nullable = false;
  readonly format: FormatProxy;
  private resolvedNull: boolean | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Resolved | undefined,
  ) {
    super();
    this.format = new FormatProxy(ctx, () => {
      const r = this.must();
      return { sheet: r.sheet, rects: [r.rect] };
    });
  }

  /** Values a collection load delivered with the item. */
  preload(values: Record<string, unknown>): void {
    this.store(values);
  }

  private must(): Resolved {
    const r = this.resolve();
    if (!r) throw new FakeExcelError("ItemNotFound", "null object used");
    return r;
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new FakeExcelError("PropertyNotLoaded", "isNullObject before sync");
    return this.resolvedNull;
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: (Scalar | null)[][]) {
    this.writeGrid("values", v, (cell, x) => enter(cell, x as Scalar));
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.writeGrid("numberFormat", v, (cell, x) => {
      cell.numberFormat = String(x);
    });
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: (Scalar | null)[][]) {
    this.writeGrid("formulas", v, (cell, x) => (typeof x === "string" && x.startsWith("=") ? setFormula(cell, x) : enter(cell, x as Scalar)));
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  private writeGrid(kind: string, grid: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.ctx.write(kind, () => this.must().sheet, sizeOf(grid) + 100, (ws) => {
      const { rect } = this.must();
      if (grid.length !== rect.rows || grid.some((row) => row.length !== rect.cols)) {
        throw new FakeExcelError("InvalidArgument", `${kind}: a ${grid.length}-row array for a ${rect.rows}×${rect.cols} range`);
      }
      // null leaves the cell as it is, as in Office.js.
      grid.forEach((row, r) => row.forEach((v, c) => v !== null && apply(ws.cell(rect.row + r, rect.col + c), v)));
    });
  }

  load(spec?: string | string[]): this {
    const props = propList(spec);
    this.ctx.load(
      "range",
      () => {
        const r = this.resolve();
        if (!r) return null;
        const { sheet, rect } = r;
        const data: Record<string, unknown> = {};
        // A merged block's value is in its top-left cell only; the covered cells read "".
        const covered = sheet.merges.length > 0 ? sheet.coveredCells() : undefined;
        const grid = (f: (c: FakeCell | undefined, isCovered: boolean) => unknown) =>
          Array.from({ length: rect.rows }, (_, i) =>
            Array.from({ length: rect.cols }, (_, j) => f(sheet.peek(rect.row + i, rect.col + j), covered?.has(`${rect.row + i},${rect.col + j}`) === true)),
          );
        for (const p of props) {
          if (p === "values") data[p] = grid((c, isCovered) => (isCovered ? "" : (c?.value ?? "")));
          else if (p === "numberFormat") data[p] = grid((c) => c?.numberFormat ?? "General");
          else if (p === "formulas") data[p] = grid((c, isCovered) => (isCovered ? "" : (c?.formula ?? c?.value ?? "")));
          else if (p === "address") data[p] = rectAddress(sheet.name, rect);
          else if (p === "rowIndex") data[p] = rect.row;
          else if (p === "columnIndex") data[p] = rect.col;
          else if (p === "rowCount") data[p] = rect.rows;
          else if (p === "columnCount") data[p] = rect.cols;
          else throw new Error(`fake: range.load(${p})`);
        }
        return data;
      },
      (data) => {
        this.resolvedNull = data === null;
        if (data) this.store(data as Record<string, unknown>);
      },
    );
    return this;
  }

  select(): void {
    this.ctx.push({
      kind: "select",
      bytes: 60,
      run: () => {
        const { sheet, rect } = this.must();
        this.ctx.wb.selection = { sheet: sheet.name, areas: [rectAddress(sheet.name, rect).split("!")[1]!] };
      },
    });
  }

  clear(): void {
    this.ctx.write("clear", () => this.must().sheet, 80, (ws) => {
      for (const { row, col } of cellsOf(this.must().rect)) ws.cells.delete(`${row},${col}`);
    });
  }

  /** ExcelApi 1.13: the merged blocks whose top-left cell lies in the range (office-js#3611:
   * blocks starting above or left of it are not listed), a null object when there is none. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    this.ctx.require("1.13", "Range.getMergedAreasOrNullObject");
    return new MergedAreasProxy(this.ctx, () => {
      const { sheet, rect } = this.must();
      const rects = sheet.merges.filter((m) => m.row >= rect.row && m.row < rect.row + rect.rows && m.col >= rect.col && m.col < rect.col + rect.cols);
      // office-js: "if the merged areas count in this range is more than 512, then this method
      // will fail to return the result".
      if (rects.length > MAX_MERGED_AREAS) throw new FakeExcelError("GeneralException", `${rects.length} merged areas (more than ${MAX_MERGED_AREAS})`);
      return { sheet, rects };
    });
  }

  getCellProperties(_options: unknown): { value: { format: { fill: { color: string; pattern: string; patternColor: string | null } } }[][] } {
    this.ctx.require("1.9", "Range.getCellProperties");
    const result: { value: { format: { fill: { color: string; pattern: string; patternColor: string | null } } }[][] } = {
      get value(): never {
        throw new FakeExcelError("PropertyNotLoaded", "ClientResult.value before sync");
      },
    } as never;
    this.ctx.load(
      "cellProperties",
      () => {
        const { sheet, rect } = this.must();
        return Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (_, j) => {
            const fill = sheet.peek(rect.row + i, rect.col + j)?.fill ?? NO_FILL;
            return { format: { fill: { color: displayColor(fill), pattern: fill.pattern, patternColor: fill.patternColor } } };
          }),
        );
      },
      (data) => Object.defineProperty(result, "value", { value: data }),
    );
    return result;
  }
}

class AreasProxy extends Loadable {
  private ofNullObject = false;

  /** `resolve` gives undefined for the areas of a null object (MergedAreasProxy). */
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; rects: Rect[] } | undefined,
    private readonly kind = "areas",
  ) {
    super();
  }

  get items(): RangeProxy[] {
    if (this.ofNullObject) throw new FakeExcelError("ItemNotFound", "the areas of a null object: check isNullObject first");
    return this.get("items");
  }

  /** `items/rowIndex,items/columnIndex,…`. */
  load(spec: string): this {
    const props = propList(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.load(
      this.kind,
      () => this.resolve() ?? null,
      (data) => {
        this.ofNullObject = data === null;
        if (data === null) return;
        const { sheet, rects } = data as { sheet: FakeSheet; rects: Rect[] };
        this.store({
          items: rects.map((rect) => {
            const r = new RangeProxy(this.ctx, () => ({ sheet, rect }));
            const all: Record<string, unknown> = { rowIndex: rect.row, columnIndex: rect.col, rowCount: rect.rows, columnCount: rect.cols, address: rectAddress(sheet.name, rect) };
            r.preload(Object.fromEntries(props.map((p) => [p, all[p]])));
            return r;
          }),
        });
      },
    );
    return this;
  }
}

/** Range.getMergedAreasOrNullObject's RangeAreas: `areaCount` and `address` load on it (and
 * tell whether it is a null object), its `areas` load like any RangeAreas'. `find` runs at sync. */
class MergedAreasProxy extends Loadable {
  readonly areas: AreasProxy;
  private resolvedNull: boolean | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly find: () => { sheet: FakeSheet; rects: Rect[] },
  ) {
    super();
    this.areas = new AreasProxy(
      ctx,
      () => {
        const found = find();
        return found.rects.length > 0 ? found : undefined;
      },
      "mergedAreas",
    );
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new FakeExcelError("PropertyNotLoaded", "isNullObject before a load and a sync");
    return this.resolvedNull;
  }

  get areaCount(): number {
    return this.get("areaCount");
  }

  get address(): string {
    return this.get("address");
  }

  load(spec?: string | string[]): this {
    const props = propList(spec);
    for (const p of props) if (p !== "areaCount" && p !== "address") throw new Error(`fake: mergedAreas.load(${p})`);
    this.ctx.load(
      "mergedAreas",
      () => {
        const { sheet, rects } = this.find();
        if (rects.length === 0) return null;
        const all: Record<string, unknown> = { areaCount: rects.length, address: rects.map((r) => rectAddress(sheet.name, r)).join(",") };
        return Object.fromEntries(props.map((p) => [p, all[p]]));
      },
      (data) => {
        this.resolvedNull = data === null;
        if (data) this.store(data as Record<string, unknown>);
      },
    );
    return this;
  }
}

class RangeAreasProxy {
  readonly format: FormatProxy;
  readonly areas: AreasProxy;

  constructor(ctx: FakeContext, resolve: () => { sheet: FakeSheet; rects: Rect[] }, addressBytes = 20) {
    this.format = new FormatProxy(ctx, resolve, addressBytes);
    this.areas = new AreasProxy(ctx, resolve);
  }
}

// ---------------------------------------------------------------------------------------
// Names and charts

class NamedItemProxy extends Loadable {
  private resolvedNull: boolean | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly name: string,
  ) {
    super();
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new FakeExcelError("PropertyNotLoaded", "isNullObject before sync");
    return this.resolvedNull;
  }

  get formula(): string {
    return this.get("formula");
  }

  load(spec?: string | string[]): this {
    for (const p of propList(spec)) {
      if (p !== "formula") throw new Error(`fake: name.load(${p})`);
      this.ctx.require("1.7", "NamedItem.formula");
      this.ctx.load(
        "name",
        () => this.ctx.wb.names.get(this.name) ?? null,
        (f) => {
          this.resolvedNull = f === null;
          if (f !== null) this.store({ formula: f });
        },
      );
    }
    return this;
  }

  delete(): void {
    this.ctx.push({ kind: "deleteName", bytes: 60, run: () => void this.ctx.wb.names.delete(this.name) });
  }
}

class NamesProxy {
  constructor(private readonly ctx: FakeContext) {}

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name);
  }

  add(name: string, reference: RangeProxy): void {
    this.ctx.push({
      kind: "addName",
      bytes: 100,
      run: () => {
        if (this.ctx.wb.names.has(name)) throw new FakeExcelError("ItemAlreadyExists", `name ${name}`);
        const { sheet, rect } = (reference as unknown as { must(): Resolved }).must();
        const q = `'${sheet.name.replace(/'/g, "''")}'`;
        this.ctx.wb.names.set(name, `=${q}!$${colName(rect.col)}$${rect.row + 1}`);
      },
    });
  }
}

class ChartsProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, source: RangeProxy, _seriesBy?: string) {
    const chart: FakeChart = { type, source: "" };
    const rangeAddress = (r: RangeProxy) => {
      const { sheet, rect } = (r as unknown as { must(): Resolved }).must();
      return rectAddress(sheet.name, rect);
    };
    this.ctx.write("chart", this.sheet, 120, (ws) => {
      chart.source = rangeAddress(source);
      ws.charts.push(chart);
    });
    const ctx = this.ctx;
    const sheet = this.sheet;
    return {
      title: {
        set text(t: string) {
          ctx.write("chart", sheet, 80, () => void (chart.title = t));
        },
      },
      legend: {
        set visible(v: boolean) {
          ctx.write("chart", sheet, 60, () => void (chart.legendVisible = v));
        },
      },
      series: {
        getItemAt: (_i: number) => ({
          setXAxisValues: (r: RangeProxy) => ctx.write("chart", sheet, 100, () => void (chart.xValues = rangeAddress(r))),
        }),
      },
      setPosition: (_r: RangeProxy) => ctx.write("chart", sheet, 80, () => undefined),
    };
  }
}

// ---------------------------------------------------------------------------------------
// Globals: Excel, Office

export interface FakeDialog {
  url: string;
  options: unknown;
  closed: boolean;
  /** The page posts a message, or the user closes it with ✕. */
  fire(type: "dialogMessageReceived" | "dialogEventReceived", message?: string): void;
}

export interface Installed {
  wb: FakeWorkbook;
  dialogs: FakeDialog[];
  /** Make displayDialogAsync fail (another dialog open: 12007). */
  failDialogs: boolean;
  uninstall(): void;
}

/** Installs `Excel`, `Office` and `OfficeExtension` globals backed by `wb`. */
export function installFakeExcel(wb: FakeWorkbook): Installed {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const dialogs: Installed["dialogs"] = [];
  const installed: Installed = {
    wb,
    dialogs,
    failDialogs: false,
    uninstall() {
      Object.assign(g, saved);
    },
  };
  const succeeded = <T>(value: T) => ({ status: "succeeded", value });

  g.Excel = {
    async run(a: unknown, b?: (ctx: FakeContext) => Promise<unknown>) {
      const batch = (b ?? a) as (ctx: FakeContext) => Promise<unknown>;
      let ctx: FakeContext;
      if (a instanceof FakeContext) ctx = a;
      else {
        if (b && a && typeof a === "object") wb.runOptions.push(a);
        ctx = new FakeContext(wb);
      }
      const result = await batch(ctx);
      if (ctx.queue.length > 0) throw new Error(`fake: the batch ended with ${ctx.queue.length} requests never synced`);
      return result;
    },
    async createWorkbook(base64?: string) {
      if (!wb.supports("1.8")) throw new FakeExcelError("ApiNotFound", "createWorkbook needs ExcelApi 1.8");
      wb.createdWorkbooks.push(base64 ?? "");
    },
  };

  const settings: Record<string, unknown> = { ...wb.savedSettings };
  g.Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate: () => undefined },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && wb.supports(version) },
      document: {
        settings: {
          get: (k: string) => settings[k] ?? null,
          set: (k: string, v: unknown) => void (settings[k] = JSON.parse(JSON.stringify(v))),
          remove: (k: string) => void delete settings[k],
          saveAsync: (cb?: (r: unknown) => void) => {
            wb.savedSettings = JSON.parse(JSON.stringify(settings));
            cb?.(succeeded(undefined));
          },
          // This runtime's copy read again from the document (another runtime may have saved).
          refreshAsync: (cb?: (r: unknown) => void) => {
            for (const k of Object.keys(settings)) delete settings[k];
            Object.assign(settings, JSON.parse(JSON.stringify(wb.savedSettings)));
            cb?.(succeeded(undefined));
          },
        },
        getFileAsync(type: string, options: { sliceSize?: number } | ((r: unknown) => void), cb?: (r: unknown) => void) {
          const callback = (typeof options === "function" ? options : cb)!;
          if (wb.fileHandlesOpen > 0) {
            callback({ status: "failed", error: { code: 5010, message: "a file is already open" } });
            return;
          }
          const size = typeof options === "object" && options.sliceSize ? options.sliceSize : 4 * 1024 * 1024;
          if (type !== "compressed") throw new Error("fake: only compressed files");
          const bytes = wb.fileBytes;
          wb.fileHandlesOpen++;
          const slices: Uint8Array[] = [];
          for (let i = 0; i < Math.max(1, bytes.length); i += size) slices.push(bytes.subarray(i, i + size));
          callback(
            succeeded({
              size: bytes.length,
              sliceCount: slices.length,
              getSliceAsync: (i: number, cb2: (r: unknown) => void) => cb2(succeeded({ data: Array.from(slices[i] ?? []), index: i, size: slices[i]?.length ?? 0 })),
              closeAsync: (cb2?: (r: unknown) => void) => {
                wb.fileHandlesOpen--;
                cb2?.(succeeded(undefined));
              },
            }),
          );
        },
      },
      ui: {
        displayDialogAsync: (url: string, options: unknown, cb?: (r: unknown) => void) => {
          if (installed.failDialogs) {
            cb?.({ status: "failed", error: { code: 12007, message: "a dialog is already open" } });
            return;
          }
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog: FakeDialog = {
            url,
            options,
            closed: false,
            fire: (type, message) => handlers.get(type)?.({ message, error: type === "dialogEventReceived" ? 12006 : undefined }),
          };
          dialogs.push(dialog);
          cb?.(
            succeeded({
              addEventHandler: (type: string, h: (arg: unknown) => void) => void handlers.set(type, h),
              close: () => void (dialog.closed = true),
            }),
          );
        },
      },
    },
  };
  g.OfficeExtension = { Error: FakeExcelError };

  return installed;
}
