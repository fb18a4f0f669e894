import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { joinLines } from "../../src/core/parse/normalizeText";
import { buildNormalizedTable } from "../../src/core/summary/normalizedTable";
import { row } from "../summary/fixtures";

/** A name wrapped in Word and pasted into the cell (`完成老旧小区\n改造数量`) is one name. */

describe("a line break inside a name", () => {
  it("is no part of the name, and the cleaned item is on one line", () => {
    const text = "1、产出指标：完成老旧小区\n改造数量，年度指标值：≥5个。2、产出指标：平台建设模块\r\n 数量，年度指标值：≥6个。";
    const cell = parseIndicatorCell(text);
    // The item keeps its name as written (its spans point into it) …
    expect(cell.items.map((i) => i.name)).toEqual(["完成老旧小区\n改造数量", "平台建设模块\r\n 数量"]);
    // … the normalized table and the cleaner write it on one line.
    expect(buildNormalizedTable([row("Sheet1", 2, "老旧小区改造", text)], []).map((r) => r.name)).toEqual(["完成老旧小区改造数量", "平台建设模块数量"]);
    expect(canonicalCellText(cell)).toBe("1、产出指标：完成老旧小区改造数量，年度指标值：≥5个。2、产出指标：平台建设模块数量，年度指标值：≥6个。");
  });

  it("is a space between Latin letters or digits", () => {
    expect(joinLines("PM2.5\nindex")).toBe("PM2.5 index");
    expect(joinLines("5G\n基站数量")).toBe("5G基站数量");
    expect(joinLines("培训人数")).toBe("培训人数");
  });
});

describe("a name wrapped right after its category", () => {
  it.each([
    ["1、产出指标：老旧小区\n改造数量≥10个。2、效益指标：知晓率≥90%。", "老旧小区改造数量", "≥10个"],
    ["1、产出指标：农村公路\n养护里程≥500公里", "农村公路养护里程", "≥500公里"],
    ["1、产出指标（数量指标）：老旧小区\n改造数量，年度指标值：≥10个。", "老旧小区改造数量", "≥10个"],
  ])("is one item: %j", (text, name, value) => {
    const item = parseIndicatorCell(text).items[0];
    expect([joinLines(item!.name), item!.value.raw, item!.level1]).toEqual([name, value, "产出指标"]);
  });
});
