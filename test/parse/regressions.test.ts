import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { formatIssue } from "../../src/core/messages/index";
import type { IssueParams } from "../../src/core/model";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { parseValue } from "../../src/core/parse/parseValue";
import { valueMissingRule } from "../../src/core/rules/valueMissing";
import { allItemCodes, dataRow, findingsOf } from "../rules/harness";

/** Regressions an audit found against revision 1d5e249, one block per finding. */

/** `[number, value as written]` of every item. */
const items = (text: string) => parseIndicatorCell(text).items.map((i) => [i.number, i.value.raw]);

const codes = allItemCodes;

const REST = "效益指标：带动就业，年度指标值：≥100人。3、满意度指标：满意度，年度指标值：≥90%。";

describe("a value glued to the next item's number", () => {
  it("keeps the leading digits in the value and reads the expected number at the run's end", () => {
    const text = `1、产出指标：培训期数，年度指标值：42、${REST}`;
    expect(items(text)).toEqual([
      [1, "4"],
      [2, "≥100人"],
      [3, "≥90%"],
    ]);
    expect(codes(text)).not.toContainEqual([1, "value_missing"]);
    expect(codes(text).map(([, code]) => code)).not.toContain("numbering_irregular");
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(`1、产出指标：培训期数，年度指标值：4。2、${REST}`);
  });

  it("after an operator, a word operator, a range sign or a label's 为", () => {
    expect(items(`1、产出指标：培训期数，年度指标值：≥202、${REST}`)[0]).toEqual([1, "≥20"]);
    expect(items(`1、产出指标：培训期数，不低于952、${REST}`)[0]).toEqual([1, "不低于95"]);
    expect(items(`1、产出指标：培训期数，年度指标值：90%-952、${REST}`)[0]).toEqual([1, "90%-95"]);
    expect(items(`1、产出指标：培训期数，指标值为952、${REST}`)[0]).toEqual([1, "95"]);
    // the shortest number first: `02` is the value 0 and item 2, not item 02
    expect(items(`1、产出指标：培训期数，年度指标值：02、${REST}`)[0]).toEqual([1, "0"]);
    // an expected number of two digits
    const eleven = Array.from({ length: 10 }, (_, k) => `${k + 1}、产出指标：指标${k + 1}，年度指标值：≥1人。`).join("");
    expect(items(`${eleven}11、产出指标：培训期数，年度指标值：≥1012、效益指标：带动就业，年度指标值：合格`).slice(10)).toEqual([
      [11, "≥10"],
      [12, "合格"],
    ]);
  });

  it("reads another number only a few past the expected one, and never all of the run", () => {
    // item 5 where 2 is expected: the value keeps 100
    expect(items(`1、产出指标：培训期数，年度指标值：1005、${REST}`).slice(0, 2)).toEqual([
      [1, "100"],
      [5, "≥100人"],
    ]);
    // `≥100、`, `：420、`, `≥5、`: no plausible item number: the value keeps its digits, and the
    // 效益指标 after the `、` is an item of its own, its number left out (numbering_irregular).
    for (const glued of ["≥100", "420", "≥5"]) {
      const text = `1、产出指标：培训期数，年度指标值：${glued}、${REST}`;
      expect(items(text).map(([n]) => n)).toEqual([1, undefined, 3]);
      expect(parseIndicatorCell(text).items[0]?.value.raw).toBe(glued);
    }
  });

  it("still reads a whole number after a complete value as an item of its own", () => {
    expect(items("1、产出指标：培训人数，年度指标值：≥100人12、满意度指标：满意度，年度指标值：≥90%")).toEqual([
      [1, "≥100人"],
      [12, "≥90%"],
    ]);
  });

  it("the cleaner keeps a cell whose number read out of a digit run is not its position", () => {
    const text = `1、产出指标：培训期数，年度指标值：1005、${REST}`;
    expect(canonicalCellText(parseIndicatorCell(text))).toBe(text);
  });

  it("the cleaner drops no character of any glued value or name", () => {
    const values = ["4", "42", "≥20", "≥100", "100", "0", "≥0", "10", "≤5", "1000", "90%-95%", "≥90%", "4期", "合格", "2025.12", "2025年12月底前", ">1", "=2", "≥9.5", "—", "无", "≥", "9", "1"];
    const numbers = ["1", "2", "3", "4", "5", "9", "10", "12", "02", "20", "0", "22"];
    const marks = ["、", ".", ")", "．", "）"];
    const heads = ["效益指标", "满意度指标", "数量指标", "效益"];
    const starts = ["1、产出指标：培训期数，年度指标值：", "产出指标：培训期数，年度指标值：", "1、产出指标：培训期数，", "1、产出指标：培训期数，年度指标值：≥1人。2、效益指标：就业，年度指标值："];
    const lost: string[] = [];
    for (const value of values)
      for (const number of numbers)
        for (const mark of marks)
          for (const head of heads)
            for (const start of starts) {
              const text = `${start}${value}${number}${mark}${head}：带动就业，年度指标值：≥100人。`;
              const cleaned = canonicalCellText(parseIndicatorCell(text));
              if (cleaned === text) continue;
              const kept = [`年度指标值：${value}`, "培训期数", "带动就业", "≥100人"].every((part) => cleaned.includes(part));
              if (!kept) lost.push(`${text} → ${cleaned}`);
            }
    expect(lost).toEqual([]);
  });
});

describe("a `为` after a label word", () => {
  it("is no label before a name: `指标值为民服务次数` loses no character", () => {
    const text = "产出指标：指标值为民服务次数，年度指标值：≥95次。";
    const [item] = parseIndicatorCell(text).items;
    expect(item).toMatchObject({ name: "指标值为民服务次数", label: "年度指标值" });
    expect(item?.value.raw).toBe("≥95次");
    expect(canonicalCellText(parseIndicatorCell(text))).toBe("1、产出指标：指标值为民服务次数，年度指标值：≥95次。");
  });

  it("is the label's before a value of any kind", () => {
    const cases: [string, string][] = [
      ["1、产出指标：培训人数，指标值为≥50人。", "≥50人"],
      ["1、产出指标：培训人数，指标值为不少于50人。", "不少于50人"],
      ["1、产出指标：验收结果，指标值为合格。", "合格"],
      ["1、产出指标：完成时间，指标值为年底前。", "年底前"],
      ["1、产出指标：培训人数，年度指标值为：≥50人。", "≥50人"],
      ["1、产出指标：培训人数，年度指标值为民服务。", ""],
    ];
    for (const [text, value] of cases) {
      const [item] = parseIndicatorCell(text).items;
      if (value === "") expect(item?.label).toBeUndefined();
      else expect([item?.label !== undefined, item?.value.raw]).toEqual([true, value]);
    }
  });
});

describe("`目标值为` without a colon", () => {
  it("is a label after a separator, before a value", () => {
    const text = "1、产出指标：达标率，目标值为95%。";
    const [item] = parseIndicatorCell(text).items;
    expect(item).toMatchObject({ name: "达标率", label: "目标值" });
    expect(item?.value).toMatchObject({ kind: "quantitative", number: 95, unit: "%" });
    expect(codes(text)).toEqual([]);
  });

  it("is no label before a name, nor glued to a word", () => {
    expect(parseIndicatorCell("1、效益指标：水平，目标值为民服务。").items[0]?.label).toBeUndefined();
    expect(parseIndicatorCell("1、产出指标：完成目标值为95%。").items[0]?.label).toBeUndefined();
  });
});

describe("a placeholder written for the value", () => {
  const cells: [string, string][] = [
    ["1、满意度指标：满意度，年度指标值：—。", "—"],
    ["1、产出指标：培训人数，年度指标值：/。", "/"],
    ["1、产出指标：完成时间，年度指标值：——", "——"],
    ["1、成本指标：人均成本，年度指标值：暂无。", "暂无"],
    ["1、效益指标：群众满意程度提升，年度指标值：不适用。", "不适用"],
    ["1、产出指标：培训人数，年度指标值：N/A。", "N/A"],
  ];

  it("is a missing value, and no other rule reads it as a qualitative one", () => {
    for (const [text, written] of cells) {
      const [item] = parseIndicatorCell(text).items;
      expect([text, item?.value.kind, item?.value.raw]).toEqual([text, "empty", written]);
      expect([text, codes(text)]).toEqual([text, [[1, "value_missing"]]]);
    }
  });

  it("is not 无: a value of its own for an indicator counted down to zero", () => {
    const [item] = parseIndicatorCell("1、效益指标：安全责任事故，年度指标值：无。").items;
    expect([item?.value.kind, item?.value.raw]).toEqual(["qualitative", "无"]);
    expect(codes("1、效益指标：安全责任事故，年度指标值：无。")).toEqual([]);
  });

  it("is quoted in value_missing's message", () => {
    const [finding] = findingsOf(valueMissingRule, dataRow("1、满意度指标：满意度，年度指标值：—。"));
    expect(finding?.params).toEqual({ item: 1, name: "满意度", value: "—", placeholder: true });
    const params = finding?.params as IssueParams;
    expect(formatIssue("value_missing", params, "zh")).toBe("第1项“满意度”缺少年度指标值（只填了“—”）");
    expect(formatIssue("value_missing", params, "en")).toContain("“—”");
    // an operator with no number is no placeholder
    expect(findingsOf(valueMissingRule, dataRow("1、产出指标：培训人数，年度指标值：≥人。"))[0]?.params).toEqual({ item: 1, name: "培训人数", value: "≥人" });
  });

  it("is kept as written by the cleaner", () => {
    expect(canonicalCellText(parseIndicatorCell("1、满意度指标：满意度，年度指标值：—"))).toBe("1、满意度指标：满意度，年度指标值：—。");
    expect(canonicalCellText(parseIndicatorCell("1、产出指标：资金拨付率，年度指标值：无。"))).toBe("1、产出指标：资金拨付率，年度指标值：无。");
  });

  it("only when it is all of the value", () => {
    expect(parseValue("无锡", 0).kind).toBe("qualitative");
    expect(parseValue("-5%", 0).kind).not.toBe("empty");
    expect(parseValue("无重大事故", 0).kind).toBe("qualitative");
  });
});

describe("a digit date", () => {
  it("needs a real month and day", () => {
    expect(parseValue("2025.13.40前", 0).kind).not.toBe("time");
    expect(parseValue("2025.12.32前", 0).kind).not.toBe("time");
    expect(parseValue("2025.0前", 0).kind).not.toBe("time");
    expect(parseValue("2025.12.31前", 0).kind).toBe("time");
    expect(parseValue("2025/1/1", 0).kind).toBe("time");
    expect(parseValue("2023.07-2024.01", 0).kind).toBe("time");
    expect(codes("1、产出指标：完成时间，年度指标值：2025.13.40前。")).toEqual([[1, "timeliness_value_invalid"]]);
  });
});
