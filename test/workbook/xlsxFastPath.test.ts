import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../src/workbook/xlsx/readXlsx";
import { inflateWithZlib } from "../../src/workbook/xlsx/inflate.node";
import { SharedStringsHandler } from "../../src/workbook/xlsx/sharedStrings";
import { WorksheetHandler, type SheetContext } from "../../src/workbook/xlsx/worksheet";
import { XmlScanner, type XmlHandler } from "../../src/workbook/xlsx/xmlScanner";

/**
 * The handlers' one-element fast paths (`element`) must read exactly as the scanner does tag
 * by tag: the same result, or the same error, for the common shapes and their near misses,
 * wherever the text is cut into pieces.
 */

/** The handler without its fast path: every element goes tag by tag. */
function tagByTag(handler: XmlHandler): XmlHandler {
  return {
    get wantsText() {
      return handler.wantsText;
    },
    open: (name, source, from, to, selfClosing) => handler.open(name, source, from, to, selfClosing),
    close: (name) => handler.close(name),
    text: (text) => handler.text(text),
  };
}

function scan(handler: XmlHandler, pieces: string[]): string | undefined {
  try {
    const scanner = new XmlScanner(handler);
    for (const piece of pieces) scanner.feed(piece);
    scanner.end();
    return undefined;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** Whole, and cut in two at every position. */
function cuts(xml: string): string[][] {
  const out = [[xml]];
  for (let i = 1; i < xml.length; i++) out.push([xml.slice(0, i), xml.slice(i)]);
  return out;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const context: SheetContext = { sharedStrings: ["甲", "乙", null, "丁"], dateStyles: [false, false, false, true], textFormats: [], date1904: false };

function expectSheetSame(cells: string, ctx: SheetContext = context): void {
  const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">${cells}</row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>`;
  const slow = new WorksheetHandler(ctx);
  const expectedError = scan(tagByTag(slow), [xml]);
  for (const pieces of cuts(xml)) {
    const fast = new WorksheetHandler(ctx);
    expect(scan(fast, pieces)).toEqual(expectedError);
    if (expectedError === undefined) expect(fast.result()).toEqual(slow.result());
  }
}

describe("the worksheet cell fast path reads as the scanner does", () => {
  it.each([
    ["shared strings, styles, empty cells", `<c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="2"/><c r="C1"/><c r="D1" s="1"></c><c r="E1"><v></v></c><c r="F1" t="s"><v>2</v></c>`],
    ["a styled empty cell last in its row", `<c r="A1"><v>1</v></c><c r="C1" s="2"/>`],
    ["numbers and dates", `<c r="A1" t="n"><v>-1.5e3</v></c><c r="B1"><v>007</v></c><c r="C1" s="3"><v>45658.75</v></c><c r="D1"><v> 12</v></c><c r="E1"><v>1&#48;</v></c><c r="F1"><v>2\r\n</v></c><c r="G1"><v>1234567890123456789</v></c>`],
    ["odd indexes and styles", `<c r="A1" t="s"><v>003</v></c><c r="B1" t="s"><v> 1</v></c><c r="C1" s=""><v>1</v></c><c r="D1" s="01"><v>1</v></c>`],
    ["duplicate, unknown and prefixed attributes", `<c r="A1" t="s" t="n"><v>1</v></c><c r="B1" t="n" t="s"><v>1</v></c><c r="C1" x14ac:foo="a'b>c" cm="1"><v>3</v></c><c  r="D1"  s="1" ><v>4</v></c><c x:r="Z1"><v>5</v></c>`],
    ["addresses without letters, with `$`, lower case, none", `<c r="1"><v>5</v></c><c r="$D$1"><v>6</v></c><c r="f1"><v>7</v></c><c><v>8</v></c><c r="A"><v>9</v></c>`],
    ["other types and formulas", `<c r="A1" t="b"><v>1</v></c><c r="B1" t="str"><v>a&amp;amp;b</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="inlineStr"><is><t>丙</t></is></c><c r="E1"><f>1+1</f><v>2</v></c><c r="F1" t="s"><f>X</f><v>0</v></c>`],
    ["other spacing", `<c\tr="A1"><v>1</v></c><c r="B1" s="1"\n/><c r="C1"><v>1</v ></c><c r="D1" ><v>2</v></c ><c r = "E1"><v>3</v></c><c r="F1"s="1"><v>4</v></c><c r='G1'><v>5</v></c>`],
    ["values with entities and line breaks in attributes", `<c r="A&#49;"><v>1</v></c><c r="B1" foo="a\tb"><v>2</v></c>`],
  ])("%s", (_, cells) => expectSheetSame(cells));

  it.each([
    ["a shared string that does not exist", `<c r="A1" t="s"><v>9</v></c>`],
    ["an attribute without a value", `<c r="A1" bad><v>1</v></c>`],
    ["`<` in an attribute value", `<c r="A1" a="x<y"><v>1</v></c>`],
    ["an undefined entity in a value", `<c r="A1"><v>&nope;</v></c>`],
    ["a mismatched end tag", `<c r="A1"><v>1</v></x></c>`],
  ])("fails alike on %s", (_, cells) => expectSheetSame(cells));

  it("keeps the index when there is no shared-strings part", () => {
    expectSheetSame(`<c r="A1" t="s"><v>3</v></c><c r="B1" t="s"><v>x</v></c>`, { ...context, sharedStrings: undefined });
  });
});

function expectStringsSame(items: string): void {
  const xml = `<sst xmlns="${MAIN_NS}">${items}</sst>`;
  const slow = new SharedStringsHandler();
  const expectedError = scan(tagByTag(slow), [xml]);
  for (const pieces of cuts(xml)) {
    const fast = new SharedStringsHandler();
    expect(scan(fast, pieces)).toEqual(expectedError);
    if (expectedError === undefined) expect(fast.strings).toEqual(slow.strings);
  }
}

describe("the shared-string fast path reads as the scanner does", () => {
  it("for plain, preserved, escaped, empty and rich strings", () => {
    expectStringsSame(
      `<si><t>甲</t></si><si><t xml:space="preserve"> 乙 </t></si><si><t>&amp;_x000D_&#x4E2D;\r\n</t></si><si><t></t></si><si></si><si><t/></si>` +
        `<si><r><t>x</t></r><r><t>y</t></r></si><si><t>a</t><rPh><t>x</t></rPh></si><si><t xml:space="default">c</t></si><si><t><![CDATA[<d>]]></t></si><si ><t>e</t></si>`,
    );
  });

  it("failing alike on an undefined entity", () => expectStringsSame(`<si><t>a</t></si><si><t>bad &foo;</t></si>`));
});

describe("parts longer than one decoded piece", () => {
  it("read the same whichever inflater cuts them, across piece boundaries", () => {
    // ~2.5 MB of sheet and ~3 MB of mostly Chinese strings: several ~1 MB pieces each.
    const strings = Array.from({ length: 30000 }, (_, i) => `指标${i}：${"产出效益满意度".repeat(i % 9)}`);
    const rows = Array.from({ length: 30000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" s="1"><v>${i / 4}</v></c><c r="C${i + 1}" s="1"/></row>`);
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(`<workbook xmlns="${MAIN_NS}" xmlns:r="r"><sheets><sheet name="大" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join("")}</sheetData></worksheet>`),
      "xl/sharedStrings.xml": strToU8(`<sst xmlns="${MAIN_NS}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`),
    });
    const expected = strings.map((s, i) => [s, i / 4]);
    expect(readXlsx(bytes).sheets[0]!.values).toEqual(expected);
    expect(readXlsx(bytes, { inflate: inflateWithZlib }).sheets[0]!.values).toEqual(expected);
  });
});
