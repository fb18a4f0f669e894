import fc from "fast-check";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { decodeEscapes } from "../../src/workbook/xlsx/sharedStrings";
import { withEscapesDecoded } from "./helpers";

/**
 * Whatever text a cell holds — any Unicode, lone surrogates, control characters, entity-like
 * `&amp;`, escape-like `_x000D_`, leading and trailing spaces — the fast reader reads a file
 * exceljs wrote exactly as the exceljs reader does, but for `_xHHHH_` escapes, which it decodes
 * in every string (withEscapesDecoded). Numbers, booleans and dates too.
 */

// exceljs writes U+FFFE and U+FFFF into the XML as they are, which XML 1.0 forbids (its own
// reader then calls the file corrupt): not a file anyone receives, so these two noncharacters
// are left out. Every other character, lone surrogates included, stays.
const noNoncharacters = (s: string) => s.replace(/[\uFFFE\uFFFF]/g, "");

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map(noNoncharacters),
  fc.string({ unit: "grapheme", maxLength: 20 }).map(noNoncharacters),
  fc.constantFrom("&amp;", "&lt;tag&gt;", "_x000D_", "_x0041__x00e9_", "]]>", "<![CDATA[x]]>", "\r\n", " lead", "trail ", "\ud800", "\udfff", "\u0000\u0008\u000b\u001f"),
  fc.array(fc.constantFrom("&", "<", ">", '"', "'", "_x", "000D", "_", "\r", "\n", "\t", "中", "😀", "\ud83d", " "), { maxLength: 12 }).map((parts) => parts.join("")),
);

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t) => ({ text: t })) })) },
);

describe("readXlsx vs the exceljs reader, on random cells written by exceljs", () => {
  it.each([true, false])("reads the same values (shared strings: %s)", async (useSharedStrings) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellValue, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        // An escape is read within one run's text (`_x000D` + `_x` is no escape): the exceljs
        // reader joins the runs first, so withEscapesDecoded would decode one across them.
        fc.pre(rows.every((row) => row.every((v) => !isRichText(v) || escapesWithinRuns(v.richText.map((run) => run.text)))));
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("随机");
        rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
        const bytes = new Uint8Array((await wb.xlsx.writeBuffer({ useSharedStrings })) as ArrayBuffer);
        expect(readXlsx(bytes)).toEqual(withEscapesDecoded(await readWorkbook(bytes)));
      }),
      { numRuns: 120 },
    );
  });
});

function isRichText(v: ExcelJS.CellValue): v is ExcelJS.CellRichTextValue {
  return typeof v === "object" && v !== null && "richText" in v;
}

function escapesWithinRuns(runs: readonly string[]): boolean {
  return decodeEscapes(runs.join("")) === runs.map(decodeEscapes).join("");
}
