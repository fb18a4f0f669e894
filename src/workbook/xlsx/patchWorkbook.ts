import { shiftFormulaRows, type RowDeletion } from "../formulaRows";
import { resolvePart } from "./workbookParts";
import { allElements, escapeXml, findElement, getAttr, setAttr, sheetOfReference, unescapeXml } from "./patchXml";
import { Unpatchable } from "./zipArchive";

/**
 * The workbook-level parts a patch touches: xl/workbook.xml (sheets, defined names, calcPr),
 * its relationships and [Content_Types].xml. Generated sheets are found by their marker
 * defined names (`_IndicatorChecker_Summary`, `_IndicatorChecker_Detail`), removed with their
 * part, relationship, content type and name, and added at the end of the tab order.
 */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const MARKER_PREFIX = "_IndicatorChecker_";

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** Zip path of its part (worksheets only; undefined for chart sheets and the like). */
  part: string | undefined;
  element: string;
}

interface DefinedName {
  name: string;
  localSheetId: number | undefined;
  /** Unescaped formula text. */
  text: string;
  element: string;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  element: string;
}

export class WorkbookModel {
  private removedParts: string[] = [];

  private constructor(
    private workbookXml: string,
    readonly workbookPath: string,
    private readonly relPrefix: string,
    private sheets: SheetEntry[],
    private names: DefinedName[],
    private rels: Relationship[],
    private readonly relsXml: string,
    private contentTypesXml: string,
  ) {}

  /** `partName`: a part's path as the zip spells it (case-insensitive lookup, patchPackage.ts). */
  static parse(workbookPath: string, workbookXml: string, relsXml: string, contentTypesXml: string, partName: (path: string) => string = (p) => p): WorkbookModel {
    const root = findElement(workbookXml, "workbook");
    if (!root) throw new Unpatchable("workbook root not found (prefixed namespace?)");
    const rootTag = workbookXml.slice(root.start, root.openEnd);
    const prefix = /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(rootTag)?.[1];
    if (!prefix) throw new Unpatchable("workbook without the relationships namespace");
    const relList = allElements(relsXml, "Relationship").map((e) => {
      const tag = relsXml.slice(e.start, e.openEnd);
      return { id: getAttr(tag, "Id") ?? "", type: getAttr(tag, "Type") ?? "", target: unescapeXml(getAttr(tag, "Target") ?? ""), element: relsXml.slice(e.start, e.end) };
    });
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const sheetsSpan = findElement(workbookXml, "sheets");
    if (!sheetsSpan || sheetsSpan.selfClosing) throw new Unpatchable("workbook without sheets");
    const sheets = allElements(workbookXml, "sheet", sheetsSpan.openEnd, sheetsSpan.contentEnd).map((e): SheetEntry => {
      const tag = workbookXml.slice(e.start, e.openEnd);
      const rid = getAttr(tag, `${prefix}:id`) ?? "";
      const rel = relList.find((r) => r.id === rid);
      return {
        name: unescapeXml(getAttr(tag, "name") ?? ""),
        sheetId: Number(getAttr(tag, "sheetId") ?? 0),
        rid,
        part: rel && rel.type === WORKSHEET_REL ? partName(resolvePart(dir, rel.target)) : undefined,
        element: workbookXml.slice(e.start, e.end),
      };
    });
    const namesSpan = findElement(workbookXml, "definedNames");
    const names =
      namesSpan && !namesSpan.selfClosing
        ? allElements(workbookXml, "definedName", namesSpan.openEnd, namesSpan.contentEnd).map((e): DefinedName => {
            const tag = workbookXml.slice(e.start, e.openEnd);
            const local = getAttr(tag, "localSheetId");
            return {
              name: getAttr(tag, "name") ?? "",
              localSheetId: local === undefined ? undefined : Number(local),
              text: e.selfClosing ? "" : unescapeXml(workbookXml.slice(e.openEnd, e.contentEnd)),
              element: workbookXml.slice(e.start, e.end),
            };
          })
        : [];
    return new WorkbookModel(workbookXml, workbookPath, prefix, sheets, names, relList, relsXml, contentTypesXml);
  }

  /** The zip path of a worksheet's part, by sheet name. */
  sheetPart(name: string): string | undefined {
    return this.sheets.find((s) => s.name === name)?.part;
  }

  /** Name and part of every worksheet. */
  worksheets(): { name: string; part: string }[] {
    return this.sheets.flatMap((s) => (s.part ? [{ name: s.name, part: s.part }] : []));
  }

  /** Parts dropped by removeGenerated (the sheets' XML and their .rels). */
  get partsRemoved(): readonly string[] {
    return this.removedParts;
  }

  /** Sheets an earlier run generated under `marker` (the defined name says which). */
  generatedSheets(marker: string): string[] {
    return this.names.filter((n) => n.name === MARKER_PREFIX + marker).flatMap((n) => sheetOfReference(n.text) ?? []);
  }

  /** Removes the sheets an earlier run generated under `marker`, and the marker names. */
  removeGenerated(marker: string): void {
    for (const sheetName of this.generatedSheets(marker)) this.removeSheet(sheetName);
    this.names = this.names.filter((n) => n.name !== MARKER_PREFIX + marker);
  }

  /** Removes the sheet `sheetName` (its part, relationship, content type and scoped names). */
  removeSheet(sheetName: string): void {
    const index = this.sheets.findIndex((s) => s.name === sheetName);
    const sheet = this.sheets[index];
    if (!sheet || !sheet.part) return;
    this.sheets.splice(index, 1);
    this.rels = this.rels.filter((r) => r.id !== sheet.rid);
    this.removedParts.push(sheet.part, relsPathOf(sheet.part));
    this.contentTypesXml = this.contentTypesXml.replace(new RegExp(`<Override[^>]*PartName="/${escapeRegExp(sheet.part)}"[^>]*/>`), "");
    // Names scoped to the sheet go with it; later sheets move up one index.
    this.names = this.names
      .filter((n) => n.localSheetId !== index)
      .map((n) => (n.localSheetId !== undefined && n.localSheetId > index ? withLocalSheetId(n, n.localSheetId - 1) : n));
    this.workbookXml = this.workbookXml.replace(/<workbookView\s[^>]*>/g, (tag) => {
      let out = tag;
      for (const attr of ["activeTab", "firstSheet"]) {
        const v = Number(getAttr(out, attr) ?? 0);
        if (v > index) out = setAttr(out, attr, String(v - 1));
        else if (v === index) out = setAttr(out, attr, "0");
      }
      return out;
    });
  }

  /** Adds a worksheet named `base` (or `base (2)` … when taken), marked with `marker`;
   * returns the zip path its part must have. `taken(path)` says whether a path is in use. */
  addSheet(base: string, marker: string, taken: (path: string) => boolean): { name: string; part: string } {
    const names = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    let name = base;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf("/") + 1);
    let k = this.sheets.length + 1;
    // Part names are case-insensitive (OPC): `Sheet3.xml` takes `sheet3.xml` too.
    const used = (path: string) => taken(path) || this.sheets.some((s) => s.part?.toLowerCase() === path.toLowerCase());
    while (used(`${dir}worksheets/sheet${k}.xml`)) k++;
    const part = `${dir}worksheets/sheet${k}.xml`;
    let r = this.rels.length + 1;
    while (this.rels.some((x) => x.id === `rId${r}`)) r++;
    const rid = `rId${r}`;
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    this.rels.push({ id: rid, type: WORKSHEET_REL, target: `worksheets/sheet${k}.xml`, element: `<Relationship Id="${rid}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${k}.xml"/>` });
    this.sheets.push({ name, sheetId, rid, part, element: `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${this.relPrefix}:id="${rid}"/>` });
    const text = `'${name.replace(/'/g, "''")}'!$A$1`;
    this.names.push({ name: MARKER_PREFIX + marker, localSheetId: undefined, text, element: `<definedName name="${MARKER_PREFIX}${marker}">${escapeXml(text)}</definedName>` });
    this.contentTypesXml = this.contentTypesXml.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
    return { name, part };
  }

  /** Defined names pointing into `target` follow its deleted rows. */
  shiftDefinedNames(deletion: RowDeletion, target: string): void {
    this.names = this.names.map((n) => {
      if (!n.text.toLowerCase().includes(target.toLowerCase())) return n;
      const text = shiftFormulaRows(n.text, deletion, target, "");
      if (text === n.text) return n;
      const open = n.element.slice(0, n.element.indexOf(">") + 1);
      return { ...n, text, element: `${open}${escapeXml(text)}</definedName>` };
    });
  }

  toXml(): { workbook: string; rels: string; contentTypes: string } {
    let xml = this.workbookXml;
    const sheetsSpan = findElement(xml, "sheets");
    if (!sheetsSpan) throw new Unpatchable("workbook without sheets");
    xml = `${xml.slice(0, sheetsSpan.openEnd)}${this.sheets.map((s) => s.element).join("")}${xml.slice(sheetsSpan.contentEnd)}`;
    const namesXml = this.names.length > 0 ? `<definedNames>${this.names.map((n) => n.element).join("")}</definedNames>` : "";
    const namesSpan = findElement(xml, "definedNames");
    if (namesSpan) xml = xml.slice(0, namesSpan.start) + namesXml + xml.slice(namesSpan.end);
    else {
      // After sheets, functionGroups and externalReferences (CT_Workbook's order).
      let at = (findElement(xml, "sheets")?.end ?? 0);
      for (const name of ["functionGroups", "externalReferences"]) {
        const e = findElement(xml, name);
        if (e) at = Math.max(at, e.end);
      }
      xml = xml.slice(0, at) + namesXml + xml.slice(at);
    }
    // Recalculate on open: HYPERLINK formulas and shifted formulas show current results.
    const calc = findElement(xml, "calcPr");
    if (calc) xml = xml.slice(0, calc.start) + setAttr(xml.slice(calc.start, calc.openEnd), "fullCalcOnLoad", "1") + xml.slice(calc.openEnd);
    else {
      const e = findElement(xml, "definedNames") ?? findElement(xml, "sheets");
      const at = e?.end ?? 0;
      xml = `${xml.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
    }
    const relsSpan = findElement(this.relsXml, "Relationships");
    if (!relsSpan) throw new Unpatchable("workbook rels without Relationships");
    const relsOpen = this.relsXml.slice(relsSpan.start, relsSpan.openEnd).replace(/\/>$/, ">");
    const rels = `${this.relsXml.slice(0, relsSpan.start)}${relsOpen}${this.rels.map((r) => r.element).join("")}</Relationships>${this.relsXml.slice(relsSpan.end)}`;
    return { workbook: xml, rels, contentTypes: this.contentTypesXml };
  }
}

function withLocalSheetId(n: DefinedName, id: number): DefinedName {
  const open = n.element.slice(0, n.element.indexOf(">") + 1);
  return { ...n, localSheetId: id, element: setAttr(open, "localSheetId", String(id)) + n.element.slice(open.length) };
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
