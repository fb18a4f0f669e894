import type { CellEdit, Highlight, SheetPlan } from "../../core/plan";
import { DETAIL_SHEET_NAME, HIGHLIGHT_FILL, SUMMARY_SHEET_NAME } from "../../core/plan";
import { RowDeletion } from "../formulaRows";
import { rowRenumbering } from "../renumberRows";
import { sniffWorkbook } from "../sniff";
import type { CleaningPlan } from "../writeCleaned";
import { patchSheet, shiftOtherSheet, type SheetEdit } from "./patchSheet";
import { StyleBook } from "./patchStyles";
import { WorkbookModel, relsPathOf } from "./patchWorkbook";
import { resolvePart } from "./workbookParts";
import { allElements, elementAt, escapeXml, findTag, getAttr, isPrefixedMain, setAttr, textOfStringItem, unescapeXml, unprefixMain } from "./patchXml";
import { deflatePlanSheet, deflateRenumberedPlanSheet, generatedStyles, SharedStringAppender } from "./writePlanSheetXml";
import { openArchive, rawData, Unpatchable, type Archive, type ArchiveEntry } from "./zipArchive";
import { deflateAll, type DeflatedData, type ZipCodec } from "./zipCodec";
import { writeZip, type OutputEntry } from "./zipWrite";

/**
 * The cleaned and annotated workbooks made by patching the ORIGINAL zip instead of loading it
 * into exceljs: every part we do not change (shared strings, other sheets, drawings, charts,
 * pivot caches, macros …) is copied byte for byte, still compressed; the checked sheets,
 * styles.xml and the workbook parts are edited as text (patchSheet.ts, patchStyles.ts,
 * patchWorkbook.ts); the generated sheets are written from their plans. The 指标明细 sheet is
 * built once for both outputs: deflated once when they agree, and when the cleaned workbook
 * lost rows (its 行号 renumbered) written in one pass as two streams.
 *
 * Throws `Unpatchable` for whatever it does not handle; writeCleaned/writeAnnotated then fall
 * back to the exceljs writers.
 */

export interface PatchRequest {
  detail: SheetPlan;
  cleaned?: { plan: CleaningPlan };
  /** `edits`: cells the user changed since the file was read (the browser file mode's fixes),
   * written so the annotated copy shows the texts it was checked against. */
  annotated?: { highlights: readonly Highlight[]; summary: SheetPlan; edits?: readonly CellEdit[] };
}

/** Each requested output as bytes, or the reason it could not be patched (fall back). */
export interface PatchResult {
  cleaned?: Uint8Array | Unpatchable;
  annotated?: Uint8Array | Unpatchable;
}

const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const SHARED_STRINGS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
/** Parts that can point at cell ranges of a sheet and that a row shift does not rewrite. */
const RANGE_HOLDERS = /^xl\/(charts|pivotCache|pivotTables|tables|queryTables|slicerCaches|timelines|timelineCaches|externalLinks)\//;

/** patchOutputs, or undefined when the file cannot be patched at all (a caller then writes
 * each output with its exceljs writer). */
export async function tryPatch(bytes: Uint8Array, request: PatchRequest, codec: ZipCodec): Promise<PatchResult | undefined> {
  try {
    return await patchOutputs(bytes, request, codec);
  } catch (e) {
    if (e instanceof Unpatchable) return undefined;
    throw e;
  }
}

/** Throws Unpatchable when nothing can be patched (not a zip we handle); an output that alone
 * cannot be patched comes back as its Unpatchable, so the other still benefits. */
export async function patchOutputs(bytes: Uint8Array, request: PatchRequest, codec: ZipCodec): Promise<PatchResult> {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) throw new Unpatchable(`sniff: ${sniff.kind}`);
  const pkg = await Package.open(bytes, codec);
  // Inflate the big parts on the thread pool while the generated sheets are built.
  const named = new Set([
    ...(request.cleaned?.plan.edits ?? []).map((e) => e.sheet),
    ...Object.keys(request.cleaned?.plan.removeRowIndexes ?? {}),
    ...(request.annotated?.highlights ?? []).map((h) => h.sheet),
  ]);
  const wb = await pkg.workbook();
  pkg.prefetch(pkg.sharedStringsPath, ...[...named].map((name) => wb.sheetPart(name)));
  const base = StyleBook.parse(await pkg.text(pkg.stylesPath));
  // The generated sheets' formats come first in both books, so 指标明细 fits both outputs.
  const generated = generatedStyles(base);
  const sst = await pkg.sharedStringTable();
  const appender = sst ? new SharedStringAppender(sst.count) : undefined;
  // The cleaned workbook lost rows: its 指标明细 gives the rows' new numbers. With both
  // outputs, one pass writes the two versions (they differ only in 行号).
  const renumbering = request.cleaned ? rowRenumbering(request.detail, request.cleaned.plan.removeRowIndexes) : undefined;
  let cleanedDetail: DeflatedData;
  let annotatedDetail: DeflatedData | undefined;
  if (renumbering) {
    const both = await deflateRenumberedPlanSheet(request.detail, generated, codec, appender, renumbering, request.annotated !== undefined);
    cleanedDetail = both.renumbered;
    annotatedDetail = both.planned;
  } else {
    cleanedDetail = annotatedDetail = await deflatePlanSheet(request.detail, generated, codec, appender);
  }
  // 校验汇总 (annotated only) shares the table too: its extra items are unused in the cleaned copy.
  const summaryData = request.annotated ? await deflatePlanSheet(request.annotated.summary, generated, codec, appender) : undefined;
  // The shared strings 指标明细 refers to: the original table plus its new items, once for both.
  const shared = new Map<string, DeflatedData>();
  if (sst && appender && appender.added > 0) shared.set(sst.path, await sst.extend(appender, codec));
  // Both at once: one output's sheet is scanned while the other's is deflated on the pool.
  const { cleaned } = request;
  const annotated = request.annotated && summaryData ? { highlights: request.annotated.highlights, summaryData, edits: request.annotated.edits ?? [] } : undefined;
  const [c, a] = await Promise.all([
    cleaned ? unlessUnpatchable(() => patchCleaned(pkg, base, cleanedDetail, shared, cleaned.plan, codec)) : undefined,
    annotated && annotatedDetail
      ? unlessUnpatchable(() => patchAnnotated(pkg, base, annotatedDetail, shared, annotated.highlights, annotated.summaryData, annotated.edits, codec))
      : undefined,
  ]);
  return { ...(c ? { cleaned: c } : {}), ...(a ? { annotated: a } : {}) };
}

/**
 * The workbook with cells given back fills they had (`fills`: sheet → row (1-based) → column →
 * a whole `<fill>` element or an ARGB) and the sheet `removeSheet` taken out, everything else
 * kept byte for byte: charts, shapes and pivots that an exceljs round trip would lose. Undefined
 * when the file cannot be patched (the caller falls back).
 */
export async function tryPatchFills(
  bytes: Uint8Array,
  fills: ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<number, string>>>,
  removeSheet: string | undefined,
  codec: ZipCodec,
): Promise<Uint8Array | undefined> {
  try {
    const sniff = sniffWorkbook(bytes);
    if (!sniff.ok) return undefined;
    const pkg = await Package.open(bytes, codec);
    const wb = await pkg.workbook();
    const styles = StyleBook.parse(await pkg.text(pkg.stylesPath));
    const replaced = new Map<string, DeflatedData>();
    for (const [sheet, byRow] of fills) {
      if (sheet === removeSheet) continue;
      const part = wb.sheetPart(sheet);
      if (!part) continue;
      replaced.set(part, await deflateText(codec, patchSheet(await pkg.text(part), { sheetName: sheet, styles, fills: byRow })));
    }
    if (removeSheet !== undefined) wb.removeSheet(removeSheet);
    return await assemble(pkg, wb, styles, replaced, [], codec);
  } catch (e) {
    if (e instanceof Unpatchable) return undefined;
    throw e;
  }
}

async function unlessUnpatchable(make: () => Promise<Uint8Array>): Promise<Uint8Array | Unpatchable> {
  try {
    return await make();
  } catch (e) {
    if (e instanceof Unpatchable) return e;
    throw e;
  }
}

async function patchCleaned(
  pkg: Package,
  base: StyleBook,
  detail: DeflatedData,
  shared: ReadonlyMap<string, DeflatedData>,
  plan: CleaningPlan,
  codec: ZipCodec,
): Promise<Uint8Array> {
  const styles = base.fork();
  const wb = await pkg.workbook();
  const replaced = new Map(shared);
  const bySheet = new Map<string, SheetEdit[]>();
  for (const e of plan.edits) {
    const list = bySheet.get(e.sheet) ?? [];
    list.push({ row: e.rowIndex + 1, col: e.columnIndex, before: e.before, after: e.after });
    bySheet.set(e.sheet, list);
  }
  const deletions = Object.entries(plan.removeRowIndexes).filter(([, rows]) => rows.length > 0);
  const sheetNames = new Set([...bySheet.keys(), ...deletions.map(([s]) => s)]);
  const sharedString = bySheet.size > 0 ? await pkg.sharedStrings() : undefined;
  const texts = new Map<string, string>();
  // Our old 指标明细 is about to be replaced: nothing to rewrite there.
  const ownDetail = new Set(wb.generatedSheets("Detail"));
  const ownDetailParts = new Set([...ownDetail].flatMap((name) => wb.sheetPart(name) ?? []));
  for (const sheet of sheetNames) {
    const part = wb.sheetPart(sheet);
    if (!part) throw new Unpatchable(`the plan names a sheet the workbook does not have: ${sheet}`);
    texts.set(part, await pkg.text(part));
  }
  for (const [sheet, rows] of deletions) {
    // Everything else that may point at the moving rows.
    const deletion = new RowDeletion(rows.map((i) => i + 1));
    for (const { name, part } of wb.worksheets()) {
      if (name === sheet || ownDetail.has(name)) continue;
      const xml = texts.get(part) ?? (await pkg.text(part));
      const shifted = shiftOtherSheet(xml, deletion, sheet, name);
      if (shifted !== xml) texts.set(part, shifted);
    }
    for (const entry of pkg.archive.entries) {
      if (RANGE_HOLDERS.test(entry.name) && mentions(await pkg.text(entry.name), sheet)) throw new Unpatchable(`${entry.name} refers to ${sheet}`);
      if (/^xl\/(macrosheets|dialogsheets)\//.test(entry.name)) throw new Unpatchable("macro or dialog sheets");
    }
    wb.shiftDefinedNames(deletion, sheet);
  }
  for (const sheet of sheetNames) {
    const part = wb.sheetPart(sheet) ?? "";
    texts.set(
      part,
      patchSheet(texts.get(part) ?? "", {
        sheetName: sheet,
        styles,
        edits: bySheet.get(sheet) ?? [],
        deleteRows: (plan.removeRowIndexes[sheet] ?? []).map((i) => i + 1),
        ...(sharedString ? { sharedString } : {}),
      }),
    );
  }
  for (const [part, xml] of texts) if (!ownDetailParts.has(part)) replaced.set(part, await deflateText(codec, xml));
  return assemble(pkg, wb, styles, replaced, [{ base: DETAIL_SHEET_NAME, marker: "Detail", data: detail }], codec);
}

async function patchAnnotated(
  pkg: Package,
  base: StyleBook,
  detail: DeflatedData,
  shared: ReadonlyMap<string, DeflatedData>,
  highlights: readonly Highlight[],
  summaryData: DeflatedData,
  edits: readonly CellEdit[],
  codec: ZipCodec,
): Promise<Uint8Array> {
  const styles = base.fork();
  const wb = await pkg.workbook();
  const editsBySheet = new Map<string, SheetEdit[]>();
  for (const e of edits) {
    const list = editsBySheet.get(e.sheet) ?? [];
    list.push({ row: e.rowIndex + 1, col: e.columnIndex, before: e.before, after: e.after });
    editsBySheet.set(e.sheet, list);
  }
  const sharedString = editsBySheet.size > 0 ? await pkg.sharedStrings() : undefined;
  const fills = new Map<string, Map<number, Map<number, string>>>();
  // An error and a warning on one cell: the error's colour wins.
  const worst = new Map<string, Highlight>();
  for (const h of highlights) {
    const key = `${h.sheet}\u0001${h.rowIndex}\u0001${h.columnIndex}`;
    if (worst.get(key)?.severity !== "error") worst.set(key, h);
  }
  for (const h of worst.values()) {
    const bySheet = fills.get(h.sheet) ?? new Map<number, Map<number, string>>();
    fills.set(h.sheet, bySheet);
    const byRow = bySheet.get(h.rowIndex + 1) ?? new Map<number, string>();
    bySheet.set(h.rowIndex + 1, byRow);
    byRow.set(h.columnIndex, `FF${HIGHLIGHT_FILL[h.severity].replace("#", "").toUpperCase()}`);
  }
  const replaced = new Map(shared);
  for (const sheet of new Set([...fills.keys(), ...editsBySheet.keys()])) {
    const part = wb.sheetPart(sheet);
    if (!part) throw new Unpatchable(`the plan names a sheet the workbook does not have: ${sheet}`);
    const sheetEdits = editsBySheet.get(sheet);
    const patch = { sheetName: sheet, styles, fills: fills.get(sheet) ?? new Map<number, Map<number, string>>(), ...(sheetEdits ? { edits: sheetEdits } : {}), ...(sheetEdits && sharedString ? { sharedString } : {}) };
    replaced.set(part, await deflateText(codec, patchSheet(await pkg.text(part), patch)));
  }
  return assemble(
    pkg,
    wb,
    styles,
    replaced,
    [
      { base: SUMMARY_SHEET_NAME, marker: "Summary", data: summaryData },
      { base: DETAIL_SHEET_NAME, marker: "Detail", data: detail },
    ],
    codec,
  );
}

/** Workbook parts, styles and generated sheets put together with the untouched entries. */
async function assemble(
  pkg: Package,
  wb: WorkbookModel,
  styles: StyleBook,
  replaced: Map<string, DeflatedData>,
  added: { base: string; marker: string; data: DeflatedData }[],
  codec: ZipCodec,
): Promise<Uint8Array> {
  for (const a of added) wb.removeGenerated(a.marker);
  const removed = new Set(wb.partsRemoved);
  // OPC part names are case-insensitive: `sheet3.xml` is taken when `Sheet3.xml` exists.
  const taken = (path: string) => {
    const name = pkg.partName(path);
    return pkg.archive.byName.has(name) && !removed.has(name);
  };
  const newParts = added.map((a) => ({ ...wb.addSheet(a.base, a.marker, taken), data: a.data }));
  const xml = wb.toXml();
  replaced.set(wb.workbookPath, await deflateText(codec, xml.workbook));
  replaced.set(pkg.partName(relsPathOf(wb.workbookPath)), await deflateText(codec, xml.rels));
  replaced.set(pkg.partName("[Content_Types].xml"), await deflateText(codec, xml.contentTypes));
  replaced.set(pkg.stylesPath, await deflateText(codec, styles.toXml()));

  for (const [name, data] of await pkg.unprefixedCopies((name) => removed.has(name) || replaced.has(name))) replaced.set(name, data);

  const stamp = pkg.archive.byName.get(wb.workbookPath);
  const time = stamp ? { time: stamp.time, date: stamp.date } : {};
  const entries: OutputEntry[] = [];
  for (const entry of pkg.archive.entries) {
    if (removed.has(entry.name) || entry.name.endsWith("/")) continue;
    const data = replaced.get(entry.name);
    entries.push(data ? { name: entry.name, data, ...time } : { name: entry.name, copy: entry, from: pkg.archive });
  }
  for (const p of newParts) entries.push({ name: p.part, data: p.data, ...time });
  return writeZip(entries);
}

/** A part's new text, deflated in 1 MiB pieces (in parallel where the codec can). A long text
 * is encoded piece by piece as the pieces are deflated, into buffers the deflater hands back. */
export async function deflateText(codec: ZipCodec, xml: string): Promise<DeflatedData> {
  const encoder = new TextEncoder();
  if (xml.length <= PIECE_CHARS) return deflateAll(codec, encoder.encode(xml));
  const d = codec.deflater();
  const free: Uint8Array[] = [];
  for (let i = 0; i < xml.length; ) {
    // A surrogate pair is not cut in two.
    let end = Math.min(xml.length, i + PIECE_CHARS);
    const last = xml.charCodeAt(end - 1);
    if (end < xml.length && last >= 0xd800 && last <= 0xdbff) end--;
    const buffer = free.pop() ?? new Uint8Array(PIECE);
    const { written } = encoder.encodeInto(xml.slice(i, end), buffer);
    i = end;
    await d.write(buffer.subarray(0, written), () => free.push(buffer));
  }
  return d.end();
}

const PIECE = 1 << 20;
/** UTF-16 units that surely fit in PIECE bytes of UTF-8 (at most 3 bytes each). */
const PIECE_CHARS = Math.floor(PIECE / 3);

/** The original archive, with its parts inflated on demand (once each). */
class Package {
  private readonly cache = new Map<string, Promise<string>>();
  private readonly byteCache = new Map<string, Promise<Uint8Array>>();

  private constructor(
    readonly archive: Archive,
    private readonly codec: ZipCodec,
    /** A part name as the zip spells it (OPC names are case-insensitive): see partNames. */
    readonly partName: (path: string) => string,
    readonly workbookPath: string,
    readonly stylesPath: string,
    readonly sharedStringsPath: string | undefined,
  ) {}

  static async open(bytes: Uint8Array, codec: ZipCodec): Promise<Package> {
    const archive = openArchive(bytes);
    const partName = partNames(archive);
    const read = async (name: string) => {
      const entry = archive.byName.get(partName(name));
      if (!entry) throw new Unpatchable(`no ${name}`);
      return decode(await inflateEntry(archive, entry, codec));
    };
    const rootRels = await read("_rels/.rels");
    const target = relTargets(rootRels, OFFICE_DOCUMENT)[0];
    if (!target) throw new Unpatchable("no officeDocument relationship");
    const workbookPath = partName(resolvePart("", target));
    const rels = await read(relsPathOf(workbookPath));
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const styles = relTargets(rels, STYLES_REL)[0];
    if (!styles) throw new Unpatchable("no styles part");
    const shared = relTargets(rels, SHARED_STRINGS_REL)[0];
    return new Package(archive, codec, partName, workbookPath, partName(resolvePart(dir, styles)), shared ? partName(resolvePart(dir, shared)) : undefined);
  }

  /** Starts inflating parts that will be needed (failures surface when they are used). */
  prefetch(...names: (string | undefined)[]): void {
    for (const name of names) {
      if (name && this.archive.byName.has(name)) this.bytes(name).catch(() => undefined);
    }
  }

  /** A part's bytes, inflated; a part in prefixed SpreadsheetML (`<x:worksheet>`) comes with
   * its elements unprefixed (unprefixMain), so every patcher reads one form and a part we
   * write back is in it. Parts we only read are still copied as they were. */
  bytes(name: string): Promise<Uint8Array> {
    let p = this.byteCache.get(name);
    if (!p) {
      const entry = this.archive.byName.get(name);
      if (!entry) throw new Unpatchable(`no ${name}`);
      p = inflateEntry(this.archive, entry, this.codec).then((raw) => {
        const out = withoutMainPrefix(raw);
        if (out !== raw) this.unprefixed.add(name);
        return out;
      });
      this.byteCache.set(name, p);
    }
    return p;
  }

  /** Parts read so far that were in prefixed SpreadsheetML (see bytes). */
  private readonly unprefixed = new Set<string>();
  private readonly unprefixedData = new Map<string, Promise<DeflatedData | undefined>>();

  /**
   * In a workbook whose SpreadsheetML parts carry a prefix, every such part that the output
   * would copy, unprefixed and deflated (by name), so the output is in one form throughout:
   * exceljs fails on a prefixed worksheet, and the browser file mode and older tools may load
   * the output with it. Nothing (and nothing inflated) for a workbook in the usual form.
   */
  async unprefixedCopies(skip: (name: string) => boolean): Promise<Map<string, DeflatedData>> {
    const out = new Map<string, DeflatedData>();
    if (this.unprefixed.size === 0) return out;
    for (const entry of this.archive.entries) {
      if (skip(entry.name) || !/\.xml$/i.test(entry.name)) continue;
      let p = this.unprefixedData.get(entry.name);
      if (!p) {
        p = this.bytes(entry.name).then((bytes) => (this.unprefixed.has(entry.name) ? deflateAll(this.codec, bytes) : undefined));
        this.unprefixedData.set(entry.name, p);
      }
      const data = await p;
      if (data) out.set(entry.name, data);
    }
    return out;
  }

  text(name: string): Promise<string> {
    let p = this.cache.get(name);
    if (!p) {
      p = this.bytes(name).then(decode);
      this.cache.set(name, p);
    }
    return p;
  }

  /**
   * The shared-string table, to be extended with new items: its path, how many items it has,
   * and how to write it out with more. Undefined when the workbook has none (or one we do not
   * understand): generated sheets then use inline strings only.
   */
  async sharedStringTable(): Promise<{ path: string; count: number; extend: (a: SharedStringAppender, codec: ZipCodec) => Promise<DeflatedData> } | undefined> {
    const path = this.sharedStringsPath;
    if (!path || !this.archive.byName.has(path)) return undefined;
    const bytes = await this.bytes(path);
    // A UTF-8 byte-order mark (.NET's XmlWriter writes one) is not in the decoded text: the
    // header's byte offsets start after it (it is left out of the output).
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const head = decode(bytes.subarray(bom, Math.min(bytes.length, 4096)));
    const open = findTag(head, "sst", 0);
    if (open < 0) return undefined;
    const openEnd = head.indexOf(">", open) + 1;
    const tag = head.slice(open, openEnd);
    if (openEnd <= 0 || tag.endsWith("/>") || tag.includes("'")) return undefined;
    const close = lastIndexOf(bytes, CLOSE_SST);
    if (close < 0) return undefined;
    // Items are referenced by position: count them rather than trust uniqueCount.
    const count = this.itemStarts(bytes).length;
    // The header is ASCII up to the tag's end, so its byte offset is its character offset.
    if (!/^[\x00-\x7f]*$/.test(head.slice(0, openEnd))) return undefined;
    return {
      path,
      count,
      extend: async (appender, codec) => {
        const references = Number(getAttr(tag, "count") ?? count) + appender.references;
        const newTag = setAttr(setAttr(tag, "count", String(references)), "uniqueCount", String(count + appender.added));
        const d = codec.deflater();
        const encoder = new TextEncoder();
        await d.write(encoder.encode(head.slice(0, open) + newTag));
        // In pieces, so they are deflated in parallel where the codec can.
        for (let i = bom + openEnd; i < close; i += PIECE) await d.write(bytes.subarray(i, Math.min(close, i + PIECE)));
        for (const chunk of await appender.chunks()) await d.write(chunk);
        await d.write(bytes.subarray(close));
        return d.end();
      },
    };
  }

  /** A fresh model per output: each output changes its own copy. */
  async workbook(): Promise<WorkbookModel> {
    return WorkbookModel.parse(
      this.workbookPath,
      await this.text(this.workbookPath),
      await this.text(this.partName(relsPathOf(this.workbookPath))),
      await this.text(this.partName("[Content_Types].xml")),
      this.partName,
    );
  }

  /** Looks up shared strings by index; the `<si>` positions are found on first use. */
  async sharedStrings(): Promise<(index: number) => string | undefined> {
    const path = this.sharedStringsPath;
    if (!path || !this.archive.byName.has(path)) return () => undefined;
    const bytes = await this.bytes(path);
    // Only the items asked for are decoded: the table can be tens of megabytes.
    const starts = this.itemStarts(bytes);
    const decoder = new TextDecoder();
    return (index) => {
      const at = starts[index];
      if (at === undefined) return undefined;
      const end = indexOfBytes(bytes, CLOSE_SI, at);
      const xml = decoder.decode(bytes.subarray(at, end < 0 ? bytes.length : end + CLOSE_SI.length));
      const si = elementAt(xml, "si", 0);
      return textOfStringItem(xml.slice(si.openEnd, si.contentEnd));
    };
  }

  private starts: Int32Array | undefined;

  /** Byte offsets of the `<si>` start tags of the shared-string table. */
  itemStarts(bytes: Uint8Array): Int32Array {
    if (!this.starts) this.starts = findItems(bytes);
    return this.starts;
  }
}

async function inflateEntry(archive: Archive, entry: ArchiveEntry, codec: ZipCodec): Promise<Uint8Array> {
  const raw = rawData(archive, entry);
  if (entry.method === 0) return raw;
  try {
    return await codec.inflate(raw, entry.uncompressedSize);
  } catch (e) {
    // A damaged entry: exceljs decides what the user is told.
    throw new Unpatchable(`cannot inflate ${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Bytes of an XML part whose SpreadsheetML elements carry a prefix → the same part unprefixed
 * (UTF-8, no byte-order mark); any other part as it is. */
function withoutMainPrefix(bytes: Uint8Array): Uint8Array {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d) start++;
  // Not XML in UTF-8 (UTF-16 parts are refused where they are decoded).
  if (bytes[start] !== 0x3c) return bytes;
  const head = new TextDecoder().decode(bytes.subarray(start, Math.min(bytes.length, start + HEAD_BYTES)));
  if (!isPrefixedMain(head)) return bytes;
  return new TextEncoder().encode(unprefixMain(decode(bytes)));
}

/** Enough of a part to hold its root element's start tag with its namespace declarations. */
const HEAD_BYTES = 8192;

function decode(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Unpatchable("UTF-16 part");
  return new TextDecoder().decode(bytes);
}

/** Whether XML text names a sheet, as it is or escaped. */
function mentions(xml: string, sheet: string): boolean {
  return xml.includes(sheet) || xml.includes(escapeXml(sheet));
}

const CLOSE_SST = new TextEncoder().encode("</sst>");

function lastIndexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const CLOSE_SI = new TextEncoder().encode("</si>");

/** Offsets of the `<si>` / `<si …>` start tags in the table's bytes. */
function findItems(bytes: Uint8Array): Int32Array {
  let out = new Int32Array(1024);
  let n = 0;
  for (let i = bytes.indexOf(0x3c); i >= 0; i = bytes.indexOf(0x3c, i + 1)) {
    if (bytes[i + 1] === 0x73 && bytes[i + 2] === 0x69) {
      const next = bytes[i + 3];
      if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
        if (n === out.length) {
          const grown = new Int32Array(n * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = i;
      }
    }
  }
  return out.subarray(0, n);
}

function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] ?? 0;
  outer: for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Part names as the zip spells them: OPC part names are case-insensitive, and producers write
 * `Target="worksheets/Sheet1.xml"` for an entry `xl/worksheets/sheet1.xml` (the reader's
 * ZipParts looks them up alike). The patched part must replace the entry under its own name.
 */
function partNames(archive: Archive): (path: string) => string {
  let lower: Map<string, string> | undefined;
  return (path) => {
    if (archive.byName.has(path)) return path;
    if (!lower) {
      lower = new Map();
      for (const name of archive.byName.keys()) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), name);
    }
    return lower.get(path.toLowerCase()) ?? path;
  };
}

function relTargets(relsXml: string, type: string): string[] {
  return allElements(relsXml, "Relationship")
    .map((e) => relsXml.slice(e.start, e.openEnd))
    .filter((tag) => getAttr(tag, "Type") === type)
    .map((tag) => unescapeXml(getAttr(tag, "Target") ?? ""));
}

