import * as zlib from "zlib";
import { openArchive, rawData, type Archive, type ArchiveEntry } from "../workbook/xlsx/zipArchive";
import { writeZip, type OutputEntry } from "../workbook/xlsx/zipWrite";
import { deflateAll } from "../workbook/xlsx/zipCodec";
import { nodeCodec } from "../workbook/xlsx/zipCodec.node";

/**
 * Macro-enabled workbooks (.xlsm) on the command line. Excel opens a package only when its
 * extension agrees with its main part's content type: a macro-enabled package named .xlsx (or
 * a plain one named .xlsm) is refused ("the file format or extension is not valid"). The
 * outputs keep the input's parts, macros included, so they are named after what they hold
 * (`macroEnabled`); a user who names an .xlsx output for an .xlsm input gets a real .xlsx, the
 * macros taken out as Excel's 另存为 .xlsx does (`withoutMacros`).
 */

const CONTENT_TYPES = "[Content_Types].xml";
/** `application/vnd.ms-excel.sheet.macroEnabled.main+xml` (and the .xltm template's). */
const MACRO_MAIN = /application\/vnd\.ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml/gi;
const PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
/** The VBA project and its signatures: `application/vnd.ms-office.vbaProject`,
 * `…vbaProjectSignature`, `…vbaProjectSignatureAgile`, `…vbaProjectSignatureV3`. */
const VBA_TYPE = /^application\/vnd\.ms-office\.vbaProject/i;
/** Excel 4.0 macro sheets: part of the workbook's sheet list, allowed in an .xlsm only. */
const MACRO_SHEET_TYPE = /^application\/vnd\.ms-excel\.(?:intl)?macrosheet\+xml$/i;
/** `<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` */
const VBA_RELATIONSHIP = /<Relationship\b[^>]*\bType="[^"]*\/vbaProject[^"]*"[^>]*\/>/g;

/** Excel 4.0 macro sheets cannot be taken out without rewriting the workbook's sheets. */
export class MacroSheetsError extends Error {
  constructor() {
    super("Excel 4.0 macro sheets");
    this.name = "MacroSheetsError";
  }
}

/** Whether a package's main part is macro-enabled (false for what is not a readable zip). */
export function macroEnabled(bytes: Uint8Array): boolean {
  try {
    const archive = openArchive(bytes);
    const types = archive.byName.get(CONTENT_TYPES);
    return types !== undefined && new RegExp(MACRO_MAIN.source, "i").test(text(archive, types));
  } catch {
    return false;
  }
}

/**
 * The package as a plain .xlsx: the VBA project (and its signatures, relationships and
 * content types) left out, the main part typed as an .xlsx's. Every other part is copied byte
 * for byte. Throws MacroSheetsError for a workbook with Excel 4.0 macro sheets.
 */
export async function withoutMacros(bytes: Uint8Array): Promise<Uint8Array> {
  const archive = openArchive(bytes);
  const typesEntry = archive.byName.get(CONTENT_TYPES);
  if (!typesEntry) return bytes;
  let types = text(archive, typesEntry);
  const defaults = new Map<string, { xml: string; type: string }>();
  for (const m of types.matchAll(/<Default\b[^>]*\/>/g)) {
    const ext = attribute(m[0], "Extension");
    const type = attribute(m[0], "ContentType");
    if (ext !== undefined && type !== undefined) defaults.set(ext.toLowerCase(), { xml: m[0], type });
  }
  const overrides = new Map<string, { xml: string; type: string }>();
  for (const m of types.matchAll(/<Override\b[^>]*\/>/g)) {
    const part = attribute(m[0], "PartName");
    const type = attribute(m[0], "ContentType");
    if (part !== undefined && type !== undefined) overrides.set(part.replace(/^\//, "").toLowerCase(), { xml: m[0], type });
  }
  const typeOf = (name: string) => overrides.get(name.toLowerCase())?.type ?? defaults.get(extension(name))?.type ?? "";

  const dropped = new Set<string>();
  for (const entry of archive.entries) {
    const type = typeOf(entry.name);
    if (MACRO_SHEET_TYPE.test(type)) throw new MacroSheetsError();
    if (VBA_TYPE.test(type)) dropped.add(entry.name);
  }
  // A dropped part's own relationships (xl/_rels/vbaProject.bin.rels: its signature).
  for (const name of [...dropped]) {
    const slash = name.lastIndexOf("/");
    dropped.add(`${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`);
  }
  for (const name of dropped) {
    const override = overrides.get(name.toLowerCase());
    if (override) types = types.replace(override.xml, "");
  }
  const kept = archive.entries.filter((e) => !dropped.has(e.name));
  for (const [ext, d] of defaults) {
    if (VBA_TYPE.test(d.type) && !kept.some((e) => extension(e.name) === ext && !overrides.has(e.name.toLowerCase()))) types = types.replace(d.xml, "");
  }
  types = types.replace(MACRO_MAIN, PLAIN_MAIN);

  const out: OutputEntry[] = [];
  for (const entry of kept) {
    let replaced: string | undefined;
    if (entry.name === CONTENT_TYPES) replaced = types;
    else if (entry.name.endsWith(".rels")) {
      const rels = text(archive, entry);
      const without = rels.replace(VBA_RELATIONSHIP, "");
      if (without !== rels) replaced = without;
    }
    out.push(
      replaced === undefined
        ? { name: entry.name, copy: entry, from: archive }
        : { name: entry.name, data: await deflateAll(nodeCodec, new TextEncoder().encode(replaced)), time: entry.time, date: entry.date },
    );
  }
  return writeZip(out);
}

function text(archive: Archive, entry: ArchiveEntry): string {
  const raw = rawData(archive, entry);
  return new TextDecoder().decode(entry.method === 0 ? raw : zlib.inflateRawSync(raw));
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 || dot < name.lastIndexOf("/") ? "" : name.slice(dot + 1).toLowerCase();
}
