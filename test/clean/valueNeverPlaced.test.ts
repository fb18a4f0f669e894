import { clean, codes } from "../parse/valueCells";

/** The cleaner and an unlabelled item whose value it could not find (eleventh round's audit: it wrote
 * `…，达到国家C级标准，年度指标值：。`, an empty value after the author's own). */

describe("an unlabelled item with no value and nothing marking where it would go gets no empty label", () => {
  it("no empty label after what may be the author's own value: numbered and headed, its text as written", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：项目带动作用，促进区域经济社会发展。")).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：项目带动作用，促进区域经济社会发展。",
    );
    expect(clean("（1）产出指标：培训人数，年度指标值：≥100人；（2）效益指标：老年人健康水平指标")).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：老年人健康水平指标。",
    );
    expect(codes("1、效益指标：老年人健康水平指标。")).toContain("value_missing");
    expect(codes(clean("1、产出指标：培训人数≥100人；2、效益指标：老年人健康水平指标"))).toContain("value_missing");
  });

  it("a cell in sections is still flattened around it", () => {
    expect(clean("产出指标：\n1.低保保障人数，年度指标值：≥5200人；\n效益指标：\n2.困难群众基本生活兜底；\n满意度指标：\n3.低保对象满意度，年度指标值：≥90%；")).toBe(
      "1、产出指标：低保保障人数，年度指标值：≥5200人。2、效益指标：困难群众基本生活兜底。3、满意度指标：低保对象满意度，年度指标值：≥90%。",
    );
  });

  it("a separator or a label the author wrote still gets the empty label: the value's place is known", () => {
    expect(clean("1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：基层党建水平指标，")).toBe(
      "1、产出指标：培训人数，年度指标值：≥100人。2、效益指标：基层党建水平指标，年度指标值：。",
    );
    expect(clean("1、产出指标：培训人数，指标值：")).toBe("1、产出指标：培训人数，年度指标值：。");
  });
});
