import type { SheetState } from "../workbookData";
import { attribute, parseAttributes, scanXml, type XmlHandler } from "./xmlScanner";

/** One `<Relationship>` of a .rels part, its target resolved to a part name. */
export interface Relationship {
  type: string;
  /** `xl/worksheets/sheet1.xml` (no leading slash); the raw target when external. */
  target: string;
  external: boolean;
}

/** `<Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/>` by Id.
 * Targets are resolved against the folder of `sourcePart` (`xl/workbook.xml` → `xl/`), or
 * from the package root when absolute (`/xl/worksheets/sheet1.xml`). */
export function readRelationships(xml: string | undefined, sourcePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === undefined) return out;
  const base = sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1);
  scanXml(xml, {
    wantsText: false,
    open(name, source, from, to) {
      if (name !== "Relationship") return;
      const a = parseAttributes(source, from, to);
      const id = attribute(a, "Id");
      const target = attribute(a, "Target");
      if (id === undefined || target === undefined || out.has(id)) return;
      const external = attribute(a, "TargetMode") === "External";
      out.set(id, { type: attribute(a, "Type") ?? "", target: external ? target : resolvePart(base, target), external });
    },
    close() {},
    text() {},
  });
  return out;
}

/** `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `../x.xml` climbs. */
export function resolvePart(base: string, target: string): string {
  const trimmed = target.trim();
  const segments = trimmed.startsWith("/") ? [] : base.split("/").filter((s) => s !== "");
  for (const segment of trimmed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  relationshipId: string | undefined;
}

export interface WorkbookList {
  sheets: WorkbookSheet[];
  /** `<workbookPr date1904="1"/>`: serial days count from 1904-01-01. */
  date1904: boolean;
}

/** The tabs of xl/workbook.xml, in tab order. */
export function readWorkbookList(xml: string): WorkbookList {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let depth = 0;
  let inSheets = false;
  const handler: XmlHandler = {
    wantsText: false,
    open(name, source, from, to) {
      depth++;
      if (depth === 2 && name === "sheets") inSheets = true;
      else if (depth === 3 && inSheets && name === "sheet") {
        const a = parseAttributes(source, from, to);
        const state = attribute(a, "state");
        sheets.push({
          name: attribute(a, "name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          // `r:id`, whatever the prefix of the relationships namespace (strict files too).
          relationshipId: a.find((x) => x.prefixed && x.name === "id")?.value,
        });
      } else if (depth === 2 && name === "workbookPr") {
        // An xsd:boolean. (exceljs reads only "1"; "true" is as valid and LibreOffice may write it.)
        const flag = attribute(parseAttributes(source, from, to), "date1904");
        date1904 = flag === "1" || flag === "true";
      }
    },
    close(name) {
      depth--;
      if (depth === 1 && name === "sheets") inSheets = false;
    },
    text() {},
  };
  scanXml(xml, handler);
  return { sheets, date1904 };
}

/** Worksheets only: chart sheets, dialog sheets and macro sheets have no cells to check. */
export function isWorksheetRelationship(type: string): boolean {
  return type.endsWith("/worksheet");
}

/** Whether a part's root element is a `workbook` (any prefix, any namespace). */
export function isWorkbookRoot(xml: string): boolean {
  let root: string | undefined;
  try {
    scanXml(xml, {
      wantsText: false,
      open(name) {
        root ??= name;
      },
      close() {},
      text() {},
    });
  } catch {
    // Damage past the root start tag: the reader reports it when it reads the part.
  }
  return root === "workbook";
}
