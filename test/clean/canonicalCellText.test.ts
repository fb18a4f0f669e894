import { canonicalCellText } from "../../src/core/clean/canonicalCellText";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";
import { seedIndicatorCell } from "./seedSheet";

const clean = (text: string) => canonicalCellText(parseIndicatorCell(text));

describe("canonicalCellText on the seed table", () => {
  it("inserts the missing 年度指标值 label in item 5 of every 党代表任期制 row and touches nothing else", () => {
    for (const row of [6, 7, 8, 9, 10, 11, 42]) {
      expect(clean(seedIndicatorCell(row))).toBe(
        "1、产出指标：资金拨付时效指标，年度指标值：≥90%。" +
          "2、产出指标：党代会年会制试点镇数量指标，年度指标值：≥100%。" +
          "3、产出指标：拨付完成率指标，年度指标值：≥100%。" +
          "4、效益指标：基层党建水平指标，年度指标值：合格。" +
          "5、效益指标：党代表基层联系群众工作指标，年度指标值：合格。",
      );
    }
  });

  it("turns 80%以上 into ≥80% (row 28) and keeps the qualitative values as written", () => {
    expect(clean(seedIndicatorCell(28))).toBe(
      "1、产出指标：选任的干部政治素质，年度指标值：高。" +
        "2、产出指标：选任干部的年龄结构，年度指标值：低于全区干部平均年龄。" +
        "3、满意度指标：“一报告两评议”满意度，年度指标值：≥80%。" +
        "4、效益指标：选拔任用干部的专业，年度指标值：急需紧缺的专业。",
    );
  });

  it("turns 不低于90% into ≥90% (row 31)", () => {
    expect(clean(seedIndicatorCell(31))).toBe(
      "1、产出指标：开展现场调研次数，年度指标值：≥1次。" +
        "2、产出指标：领导干部联系高层次人才，年度指标值：≥1次。" +
        "3、效益指标：加强人才队伍建设效率，年度指标值：≥1次。" +
        "4、效益指标：服务群体满意率，年度指标值：≥90%。",
    );
  });

  it("rewrites the quantity before a remark and keeps the remark as written", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：不少于200人（注：含线上）。2、效益指标：知晓率，年度指标值：90%以上，以实际为准")).toBe(
      "1、产出指标：培训人数，年度指标值：≥200人（注：含线上）。2、效益指标：知晓率，年度指标值：≥90%，以实际为准。",
    );
    // Only the quantity is rewritten: a remark after a canonical quantity stays as typed.
    expect(clean("1、产出指标：培训人数，年度指标值：≥200人 （注：含线上）。")).toBe("1、产出指标：培训人数，年度指标值：≥200人 （注：含线上）。");
    expect(clean("1、产出指标：培训人数，年度指标值：≥２００人（不含）。")).toBe("1、产出指标：培训人数，年度指标值：≥200人（不含）。");
  });

  it("keeps an item with no name as written: no empty name dressed up as `产出指标：，年度指标值：`", () => {
    expect(clean("1、产出指标：≥100人。2、效益指标：知晓率：≥90%")).toBe("1、产出指标：≥100人。2、效益指标：知晓率，年度指标值：≥90%。");
    expect(clean("1、满意度：≥90%")).toBe("1、满意度：≥90%");
  });

  it("leaves a cell already in canonical form exactly as it is (row 19, vague 效果显著 included)", () => {
    expect(clean(seedIndicatorCell(19))).toBe(seedIndicatorCell(19));
  });
});

describe("canonicalCellText on written variants", () => {
  it("unifies numbering, separators and labels", () => {
    expect(clean("（1）产出指标:培训人数,指标值:≥50人；(2)效益指标：群众知晓率，年度目标值：≥80%\n3.满意度指标：服务对象满意度，年度指标值：≥90%")).toBe(
      "1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：群众知晓率，年度指标值：≥80%。3、满意度指标：服务对象满意度，年度指标值：≥90%。",
    );
  });

  it("turns word and composed operators into glyphs, folds full-width digits and drops spaces", () => {
    expect(clean("1、产出指标：开展活动次数，年度指标值：不少于3次。")).toBe("1、产出指标：开展活动次数，年度指标值：≥3次。");
    expect(clean("1、产出指标：资金拨付率，年度指标值：＞＝９０％。")).toBe("1、产出指标：资金拨付率，年度指标值：≥90%。");
    expect(clean("1、产出指标：资金拨付率，年度指标值：>= 90 %。")).toBe("1、产出指标：资金拨付率，年度指标值：≥90%。");
  });

  it("keeps an absent operator absent: 100% stays 100%", () => {
    expect(clean("1、产出指标：经费拨付率，年度指标值：100%。")).toBe("1、产出指标：经费拨付率，年度指标值：100%。");
  });

  it("keeps a written 二级 as 一级（二级） and never writes an inferred one", () => {
    expect(clean("1、产出指标-数量指标：培训人数，年度指标值：≥50人。")).toBe("1、产出指标（数量指标）：培训人数，年度指标值：≥50人。");
    expect(clean("1、产出指标：资金拨付及时率，年度指标值：≥90%。")).toBe("1、产出指标：资金拨付及时率，年度指标值：≥90%。");
  });

  it("keeps an unknown category as written for the author to fix", () => {
    expect(clean("1、产出指数：培训人数，年度指标值：≥50人。")).toContain("产出指数");
  });

  it("writes a missing value as an empty label, which the parser still reads as missing", () => {
    const cleaned = clean("1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：基层党建水平指标，");
    expect(cleaned).toBe("1、产出指标：培训人数，年度指标值：≥50人。2、效益指标：基层党建水平指标，年度指标值：。");
    expect(parseIndicatorCell(cleaned).items[1]?.value.kind).toBe("empty");
  });

  it("keeps placeholders and garbled numbers exactly as written", () => {
    expect(clean("1、产出指标：种植数量，年度指标值：≥**株。")).toContain("≥**株");
    expect(clean("1、产出指标：资金拨付率，年度指标值：≥9O%。")).toContain("≥9O%");
  });

  it("keeps a bare value as written instead of dressing up the gap (`1、，年度指标值：0。`)", () => {
    for (const cell of ["0", "≥90%", "XX"]) expect(canonicalCellText(parseIndicatorCell(cell))).toBe(cell);
    expect(canonicalCellText(parseIndicatorCell("1、≥90%。2、产出指标：培训人数，指标值：≥200人"))).toBe("1、≥90%。2、产出指标：培训人数，年度指标值：≥200人。");
  });

  it("keeps a note as written after its item (a note is its item's, no item of its own)", () => {
    const note = "（注：数据来源于统计年鉴）";
    expect(canonicalCellText(parseIndicatorCell(`1、产出指标：培训人数，指标值：≥100人。${note}`))).toBe(`1、产出指标：培训人数，年度指标值：≥100人。${note}`);
    const between = `1、产出指标：培训人数，指标值：≥100人。\n${note}\n2、效益指标：知晓率，年度指标值：≥90%。`;
    expect(canonicalCellText(parseIndicatorCell(between))).toBe(`1、产出指标：培训人数，年度指标值：≥100人。${note}2、效益指标：知晓率，年度指标值：≥90%。`);
  });

  it("numbers an item kept as written by its position when the items around it are renumbered", () => {
    expect(canonicalCellText(parseIndicatorCell("1、产出指标：培训人数，年度指标值：≥100人。3、产出指标：≥5期。4、效益指标：知晓率，年度指标值：≥90%。"))).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、产出指标：≥5期。3、效益指标：知晓率，年度指标值：≥90%。",
    );
    // A line split off as an item of its own (`单价≤5万元`) moves the numbers after it: no `3、` twice.
    const cleaned = canonicalCellText(parseIndicatorCell("1、产出指标：采购设备：≥10台\n单价≤5万元\n2、效益指标：知晓率：≥90%\n3、满意度指标：服务对象满意度：≥90%"));
    expect(cleaned).toBe("1、产出指标：采购设备，年度指标值：≥10台。2、单价，年度指标值：≤5万元。3、效益指标：知晓率，年度指标值：≥90%。4、满意度指标：服务对象满意度，年度指标值：≥90%。");
  });

  it("ends a note in words with 。 before the next item's number, and writes a remark after ； as a note", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：不低于90%\n注：抽样调查2000份\n2、效益指标：知晓率，年度指标值：≥90%。")).toBe(
      "1、产出指标：培训人数，年度指标值：≥90%。注：抽样调查2000份。2、效益指标：知晓率，年度指标值：≥90%。",
    );
    expect(clean("1、产出指标：培训人数，年度指标值：不少于200人；以实际为准。2、效益指标：知晓率，年度指标值：90%以上。")).toBe(
      "1、产出指标：培训人数，年度指标值：≥200人。以实际为准。2、效益指标：知晓率，年度指标值：≥90%。",
    );
  });

  it("keeps a cell with a line of prose between its items as a whole", () => {
    // Renumbering around it would turn the author's 2、 into 3、.
    const between = "1、产出指标：培训人数，指标值：≥100人。\n资金来源于上级补助\n2、效益指标：知晓率，年度指标值：≥90%。";
    expect(canonicalCellText(parseIndicatorCell(between))).toBe(between);
  });

  it("returns free prose unchanged", () => {
    const prose = "按要求完成年度工作任务，确保资金使用效益。";
    expect(clean(prose)).toBe(prose);
    expect(clean("")).toBe("");
  });
});

describe("canonicalCellText on values with words after them", () => {
  it("keeps a part after spaces with its spaces, rewriting only the quantity before it", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：不少于100人 其中骨干教师≥20人。")).toBe("1、产出指标：培训人数，年度指标值：≥100人 其中骨干教师≥20人。");
    expect(clean("1、产出指标：培训人数≥100人 其中骨干教师≥20人。")).toBe("1、产出指标：培训人数，年度指标值：≥100人 其中骨干教师≥20人。");
  });

  it("keeps what a quantity counts (≥10个项目), 余 (≥3万余人) and numerals (一百人) as written", () => {
    expect(clean("1、产出指标：项目数量，年度指标值：不少于10个项目。")).toBe("1、产出指标：项目数量，年度指标值：≥10个项目。");
    expect(clean("1、产出指标：参与人数，年度指标值：≥3万余人。")).toBe("1、产出指标：参与人数，年度指标值：≥3万余人。");
    expect(clean("1、产出指标：参训人数，年度指标值：100人以上参加。")).toBe("1、产出指标：参训人数，年度指标值：≥100人参加。");
    expect(clean("1、产出指标：培训人数，年度指标值：不少于一百人。")).toBe("1、产出指标：培训人数，年度指标值：≥一百人。");
    expect(clean("1、产出指标：培训场次两次。")).toBe("1、产出指标：培训场次，年度指标值：两次。");
  });
});
