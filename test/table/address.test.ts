import {
  columnIndexOf,
  columnLetter,
  parseA1,
  qualifiedA1,
  rangeA1,
  toA1,
  tryParseA1,
  tryParseRangeA1,
} from "../../src/core/table/address";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [4, "E"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndexOf(letters)).toBe(index);
  });

  it("round-trips every column of the sheet", () => {
    for (let c = 0; c <= 16383; c++) expect(columnIndexOf(columnLetter(c))).toBe(c);
  });

  it("reads lower-case letters", () => {
    expect(columnIndexOf("xfd")).toBe(16383);
  });

  it("refuses columns outside the sheet", () => {
    expect(() => columnLetter(16384)).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndexOf("XFE")).toThrow(RangeError);
    expect(() => columnIndexOf("")).toThrow(RangeError);
    expect(() => columnIndexOf("A1")).toThrow(RangeError);
  });
});

describe("A1 addresses", () => {
  it("names the seed's first indicator cell E6", () => {
    expect(toA1(5, 4)).toBe("E6");
    expect(parseA1("E6")).toEqual({ rowIndex: 5, columnIndex: 4 });
  });

  it("reaches the last cell of the sheet, XFD1048576, and no further", () => {
    expect(toA1(1048575, 16383)).toBe("XFD1048576");
    expect(parseA1("XFD1048576")).toEqual({ rowIndex: 1048575, columnIndex: 16383 });
    expect(() => toA1(1048576, 0)).toThrow(RangeError);
    expect(tryParseA1("A1048577")).toBeUndefined();
    expect(tryParseA1("XFE1")).toBeUndefined();
  });

  it("accepts absolute and sheet-qualified addresses", () => {
    expect(parseA1("$E$6")).toEqual({ rowIndex: 5, columnIndex: 4 });
    expect(parseA1("E$6")).toEqual({ rowIndex: 5, columnIndex: 4 });
    expect(parseA1("'绩效目标表'!E6")).toEqual({ rowIndex: 5, columnIndex: 4 });
    expect(parseA1("Sheet1!$A$1")).toEqual({ rowIndex: 0, columnIndex: 0 });
    expect(parseA1("'a!b'!B2")).toEqual({ rowIndex: 1, columnIndex: 1 });
  });

  it("rejects what is not a cell", () => {
    for (const text of ["", "E", "6", "E0", "E06", "1E", "E6:F7", "绩效", "E 6"]) {
      expect(tryParseA1(text)).toBeUndefined();
    }
    expect(() => parseA1("E0")).toThrow(RangeError);
  });
});

describe("ranges", () => {
  it("writes a range from its corners in any order", () => {
    expect(rangeA1(0, 0, 5, 4)).toBe("A1:E6");
    expect(rangeA1(5, 4, 0, 0)).toBe("A1:E6");
    expect(rangeA1(2, 2, 2, 2)).toBe("C3:C3");
  });

  it("reads a range, a single cell and a sheet-qualified range", () => {
    expect(tryParseRangeA1("A1:E6")).toEqual({ start: { rowIndex: 0, columnIndex: 0 }, end: { rowIndex: 5, columnIndex: 4 } });
    expect(tryParseRangeA1("'绩效目标表'!$E$6:$A$1")).toEqual({
      start: { rowIndex: 0, columnIndex: 0 },
      end: { rowIndex: 5, columnIndex: 4 },
    });
    expect(tryParseRangeA1("E6")).toEqual({ start: { rowIndex: 5, columnIndex: 4 }, end: { rowIndex: 5, columnIndex: 4 } });
    expect(tryParseRangeA1("A1:")).toBeUndefined();
  });

  it("quotes sheet names that need it", () => {
    expect(qualifiedA1("Sheet1", "E6")).toBe("Sheet1!E6");
    expect(qualifiedA1("绩效目标表", "E6")).toBe("'绩效目标表'!E6");
    expect(qualifiedA1("O'Neil", "A1")).toBe("'O''Neil'!A1");
    expect(qualifiedA1("A1", "B2")).toBe("'A1'!B2");
    expect(qualifiedA1("my sheet", "B2")).toBe("'my sheet'!B2");
  });
});
