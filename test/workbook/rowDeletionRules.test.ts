import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { SheetPlan } from "../../src/core/plan";
import { RowDeletion, shiftFormulaRows, shiftSqref } from "../../src/workbook/formulaRows";
import { writeCleanedWithExcelJS, type CleaningPlan } from "../../src/workbook/writeCleaned";
import { patchOutputs } from "../../src/workbook/xlsx/patchPackage";
import { patchSheet } from "../../src/workbook/xlsx/patchSheet";
import { StyleBook } from "../../src/workbook/xlsx/patchStyles";
import { fflateCodec } from "../../src/workbook/xlsx/zipCodec";
import { loadBack, sheet, xlsxBytes } from "./helpers";

/**
 * Row deletion carries conditional formats, data validations, the auto-filter range and
 * pictures along, as Excel's "Delete row" does: written by exceljs, cleaned by the exceljs
 * writer and (conditional formats and validations of the sheet itself) by the zip patch,
 * read back by exceljs.
 */

const TABLE = "表";
const DETAIL: SheetPlan = { name: "指标明细", rows: [["行号"]] };

/** Header on row 2, projects on rows 3, 5, 7, a dash row 4 and a blank row 6 to delete, a 合计
 * row 8 below (the layout of the audit's H_rows.xlsx). */
function table(extra: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet(TABLE);
    ws.getCell("A1").value = "项目支出绩效目标表";
    ws.getRow(2).values = [
      "主管部门",
      "预算单位",
      "项目名称",
      "绩效目标",
      "绩效指标",
      "金额",
      "是否",
    ];
    ws.getRow(3).values = [
      "部门",
      "单位",
      "项目一",
      "目标",
      "1、产出指标：a，年度指标值：1个。",
      10,
      "是",
    ];
    ws.getCell("A4").value = "--------";
    ws.getRow(5).values = [
      "部门",
      "单位",
      "项目二",
      "目标",
      "1、产出指标：b，年度指标值：2个。",
      20,
      "是",
    ];
    ws.getRow(7).values = [
      "部门",
      "单位",
      "项目三",
      "目标",
      "1、产出指标：c，年度指标值：3个。",
      30,
      "否",
    ];
    ws.getCell("A8").value = "合计";
    ws.getCell("F8").value = { formula: "SUM(F3:F7)", result: 60 };
    extra(ws, wb);
  });
}

const DELETE: CleaningPlan = { edits: [], removeRowIndexes: { [TABLE]: [3, 5] } };

async function cleaned(bytes: Uint8Array, plan: CleaningPlan = DELETE): Promise<ExcelJS.Workbook> {
  return loadBack(await writeCleanedWithExcelJS(bytes, plan, DETAIL));
}

/** The cleaned workbook from each writer: the exceljs one, and the zip patch, which must not
 * have fallen back. */
async function bothWriters(bytes: Uint8Array): Promise<[string, ExcelJS.Workbook][]> {
  const patched = (
    await patchOutputs(bytes, { detail: DETAIL, cleaned: { plan: DELETE } }, fflateCodec)
  ).cleaned;
  if (!(patched instanceof Uint8Array)) throw new Error(`not patched: ${String(patched)}`);
  const zip = await JSZip.loadAsync(patched);
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const parser = new SaxesParser({ xmlns: true });
    parser.write(await zip.file(name)!.async("string")).close();
  }
  return [
    ["exceljs", await cleaned(bytes)],
    ["patch", await loadBack(patched)],
  ];
}

type Cf = { ref: string; rules: { formulae?: unknown[] }[] };
const cfsOf = (ws: ExcelJS.Worksheet) =>
  ((ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? []).map((cf) => ({
    ref: cf.ref,
    formulae: cf.rules.map((r) => r.formulae),
  }));
/** Validations by cell, as exceljs reads them back (ranges split into cells). */
const dvsOf = (ws: ExcelJS.Worksheet) => {
  const model = (
    ws as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
    }
  ).dataValidations.model;
  return Object.fromEntries(
    Object.entries(model)
      .flatMap(([k, v]) => (v ? [[k, v.formulae]] : []))
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
  );
};

describe("conditional formats follow deleted rows", () => {
  it("shrinks a range by its deleted rows, so it does not reach the 合计 row (H_rows.xlsx)", async () => {
    const outs = await bothWriters(
      await table((ws) =>
        ws.addConditionalFormatting({
          ref: "F3:F7",
          rules: [
            { type: "cellIs", operator: "greaterThan", formulae: ["15"], priority: 1, style: {} },
          ],
        })
      )
    );
    for (const [writer, out] of outs) {
      expect([writer, cfsOf(sheet(out, TABLE))]).toEqual([
        writer,
        [{ ref: "F3:F5", formulae: [["15"]] }],
      ]);
      expect(sheet(out, TABLE).getCell("A6").value).toBe("合计");
    }
  });

  it("moves ranges below, drops a range made only of deleted rows, keeps the others of a multi-range", async () => {
    const outs = await bothWriters(
      await table((ws) => {
        ws.addConditionalFormatting({
          ref: "A8:G8",
          rules: [{ type: "expression", formulae: ["$F8>0"], priority: 1, style: {} }],
        });
        ws.addConditionalFormatting({
          ref: "A4:G4",
          rules: [{ type: "expression", formulae: ["TRUE"], priority: 2, style: {} }],
        });
        ws.addConditionalFormatting({
          ref: "C3:C5 H6:H9",
          rules: [{ type: "expression", formulae: ["LEN(C3)>$F$8"], priority: 3, style: {} }],
        });
      })
    );
    for (const [writer, out] of outs)
      expect([writer, cfsOf(sheet(out, TABLE))]).toEqual([
        writer,
        [
          { ref: "A6:G6", formulae: [["$F6>0"]] },
          { ref: "C3:C4 H5:H7", formulae: [["LEN(C3)>$F$6"]] },
        ],
      ]);
  });

  it("keeps relative references pointing at the same cells when the range's first row goes", async () => {
    const outs = await bothWriters(
      await table((ws) => {
        ws.addConditionalFormatting({
          ref: "F4:F7",
          rules: [
            { type: "expression", formulae: ['AND(F4>$F$3,G4="是")'], priority: 1, style: {} },
          ],
        });
        ws.addConditionalFormatting({
          ref: "G4:G7",
          rules: [
            {
              type: "cellIs",
              operator: "between",
              formulae: ["F4", "$F$7"],
              priority: 2,
              style: {},
            },
          ],
        });
      })
    );
    // Row 4 went: the ranges now start at the old row 5 (new row 4), whose cells compared
    // themselves with F5 and G5, now F4 and G4.
    for (const [writer, out] of outs)
      expect([writer, cfsOf(sheet(out, TABLE))]).toEqual([
        writer,
        [
          { ref: "F4:F5", formulae: [['AND(F4>$F$3,G4="是")']] },
          { ref: "G4:G5", formulae: [["F4", "$F$5"]] },
        ],
      ]);
  });

  it("rewrites another sheet's rules that point into the table", async () => {
    const out = await cleaned(
      await table((_, wb) => {
        const other = wb.addWorksheet("其他");
        other.addConditionalFormatting({
          ref: "A1:A3",
          rules: [{ type: "expression", formulae: [`A1>'${TABLE}'!$F$7`], priority: 1, style: {} }],
        });
        other.getCell("B1").dataValidation = {
          type: "list",
          formulae: [`'${TABLE}'!$C$3:$C$7`],
          allowBlank: true,
        };
      })
    );
    const other = sheet(out, "其他");
    expect(cfsOf(other)).toEqual([{ ref: "A1:A3", formulae: [[`A1>'${TABLE}'!$F$5`]] }]);
    expect(dvsOf(other)).toEqual({ B1: [`'${TABLE}'!$C$3:$C$5`] });
  });
});

describe("data validations follow deleted rows", () => {
  it("moves each cell's dropdown with its project and leaves none on the emptied rows (H_rows.xlsx)", async () => {
    const outs = await bothWriters(
      await table((ws) => {
        for (const a of ["G3", "G5", "G7"])
          ws.getCell(a).dataValidation = { type: "list", formulae: ['"是,否"'], allowBlank: true };
      })
    );
    for (const [writer, out] of outs)
      expect([writer, dvsOf(sheet(out, TABLE))]).toEqual([
        writer,
        { G3: ['"是,否"'], G4: ['"是,否"'], G5: ['"是,否"'] },
      ]);
  });

  it("shrinks a range, drops the validation of a deleted cell, shifts formulas and keeps relative ones on their cells", async () => {
    const outs = await bothWriters(
      await table((ws) => {
        for (let r = 4; r <= 8; r++)
          ws.getCell(`F${r}`).dataValidation = {
            type: "custom",
            formulae: ["F4<=$F$8"],
            allowBlank: true,
          };
        ws.getCell("B6").dataValidation = {
          type: "whole",
          operator: "greaterThan",
          formulae: [0],
          allowBlank: true,
        };
        ws.getCell("B7").dataValidation = {
          type: "list",
          formulae: ["$C$3:$C$7"],
          allowBlank: true,
        };
      })
    );
    for (const [writer, out] of outs)
      expect([writer, dvsOf(sheet(out, TABLE))]).toEqual([
        writer,
        {
          B5: ["$C$3:$C$5"],
          F4: ["F4<=$F$6"],
          F5: ["F4<=$F$6"],
          F6: ["F4<=$F$6"],
        },
      ]);
  });
});

describe("a validation list left empty", () => {
  it("goes from the patched sheet", async () => {
    const bytes = await table((ws) => void (ws.getCell("G4").dataValidation = { type: "list", formulae: ['"是,否"'], allowBlank: true }));
    for (const [writer, out] of await bothWriters(bytes)) expect([writer, dvsOf(sheet(out, TABLE))]).toEqual([writer, {}]);
    const patched = (await patchOutputs(bytes, { detail: DETAIL, cleaned: { plan: DELETE } }, fflateCodec)).cleaned as Uint8Array;
    const xml = await (await JSZip.loadAsync(patched)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toContain("dataValidation");
  });
});

describe("the auto-filter range follows deleted rows (exceljs writer)", () => {
  it("shrinks with the rows inside it", async () => {
    const out = await cleaned(await table((ws) => void (ws.autoFilter = "A2:G7")));
    expect(sheet(out, TABLE).autoFilter).toBe("A2:G5");
  });

  it("moves up when below, goes when all its rows went", async () => {
    expect(
      sheet(await cleaned(await table((ws) => void (ws.autoFilter = "A8:G9"))), TABLE).autoFilter
    ).toBe("A6:G7");
    expect(
      sheet(await cleaned(await table((ws) => void (ws.autoFilter = "A4:G4"))), TABLE).autoFilter
    ).toBeFalsy();
  });
});

describe("pictures follow deleted rows (exceljs writer)", () => {
  const png = fs.readFileSync(path.join(__dirname, "../../assets/icon-16.png"));
  const rowsOf = (ws: ExcelJS.Worksheet) =>
    ws.getImages().map((i) => [i.range.tl.nativeRow, i.range.br?.nativeRow]);

  it("moves a picture below, shrinks one over deleted rows, removes one made only of deleted rows; one that does not size keeps its height", async () => {
    const at = (col: number, from: number, to: number, editAs: string) =>
      ({
        tl: { nativeCol: col, nativeColOff: 0, nativeRow: from, nativeRowOff: 0 },
        br: { nativeCol: col + 1, nativeColOff: 0, nativeRow: to, nativeRowOff: 0 },
        editAs,
      }) as never;
    const out = await cleaned(
      await table((ws, wb) => {
        const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
        // 0-based rows: 7–8 (rows 8–9, below), 2–7 (rows 3–7 and the top of 8), 5–6 (row 6 only)
        ws.addImage(id, at(7, 7, 8, "twoCell"));
        ws.addImage(id, at(9, 2, 7, "twoCell"));
        ws.addImage(id, at(11, 5, 6, "twoCell"));
        ws.addImage(id, at(13, 5, 6, "oneCell"));
        ws.addImage(id, at(15, 5, 6, "absolute"));
      })
    );
    expect(rowsOf(sheet(out, TABLE))).toEqual([
      [5, 6],
      [2, 5],
      [4, 5],
      [5, 6],
    ]);
  });
});

describe("shiftSqref and anchored formulas", () => {
  const deletion = new RowDeletion([4, 6]);

  it("maps each range of a list, drops the deleted ones, keeps ranges down to the last row", () => {
    expect(shiftSqref("F3:F7", deletion)).toEqual({ sqref: "F3:F5", slide: { rows: 0, cols: 0 } });
    expect(shiftSqref("A4 B6:C6 D8", deletion)).toEqual({
      sqref: "D6",
      slide: { rows: 4, cols: 3 },
    });
    expect(shiftSqref("A4", deletion)).toBeUndefined();
    expect(shiftSqref("G1:G1048576", deletion)?.sqref).toBe("G1:G1048576");
    expect(shiftSqref("A4:B5  C9", deletion)).toEqual({
      sqref: "A4:B4 C7",
      slide: { rows: 1, cols: 0 },
    });
  });

  it("slides relative parts only, then maps the rows; text and other sheets' absolute references stay", () => {
    expect(
      shiftFormulaRows('AND(A4>$B$5,C$7<>"A4",Other!A5)', deletion, "S", "S", { rows: 1, cols: 0 })
    ).toBe('AND(A4>$B$4,C$5<>"A4",Other!A6)');
    expect(shiftFormulaRows("$A1+B1", deletion, "S", "S", { rows: 0, cols: -1 })).toBe("$A1+A1");
    expect(shiftFormulaRows("A1", deletion, "S", "S", { rows: 0, cols: -1 })).toBe("#REF!");
  });
});

describe("patchSheet moves the rules in the sheet's XML", () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';
  const sheetXml = (tail: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G9"/><sheetData>${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((r) => `<row r="${r}"><c r="F${r}"><v>${r}</v></c></row>`).join("")}</sheetData>${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

  it("shifts formula cfvo values, both validation formulas, and drops the deleted ranges of a list", () => {
    const out = patchSheet(
      sheetXml(
        '<conditionalFormatting sqref="F4:F9"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="formula" val="$F$7"/><cfvo type="max"/><color rgb="FFFF0000"/><color rgb="FF00FF00"/></colorScale></cfRule></conditionalFormatting>' +
          '<dataValidations count="2"><dataValidation type="whole" operator="between" sqref="G4 G6 G8:G9"><formula1>$F$3</formula1><formula2>F4&amp;"&lt;"</formula2></dataValidation><dataValidation type="list" sqref="G6"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
      ),
      { sheetName: TABLE, styles: StyleBook.parse(styles), deleteRows: [4, 6] },
    );
    expect(out).toContain('<conditionalFormatting sqref="F4:F7"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="formula" val="$F$5"/><cfvo type="max"/>');
    expect(out).toContain('<dataValidations count="1"><dataValidation type="whole" operator="between" sqref="G6:G7"><formula1>$F$3</formula1><formula2>F6&amp;&quot;&lt;&quot;</formula2></dataValidation></dataValidations>');
  });
});
