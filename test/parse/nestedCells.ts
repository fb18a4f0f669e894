/** Cells whose headings are numbered like items (`1、产出指标：`) and run on to sub-items numbered
 * another way (`（1）`), shared by the parser, rule and cleaner tests. */

/** Every heading over its sub-items, the sub-items ended by `；` and `。`. */
export const NESTED_A = "1、产出指标：（1）培训人数：≥100人；（2）培训合格率：≥95%。2、效益指标：（1）群众知晓率：≥90%。3、满意度指标：（1）参训人员满意度：≥90%。";
/** One heading over sub-items that write their 二级, then items numbered like it writing their own 一级. */
export const NESTED_B =
  "1、产出指标：1）数量指标：培训人数，年度指标值：≥100人；2）质量指标：培训合格率，年度指标值：≥95%。" +
  "2、效益指标：社会效益指标：群众知晓率，年度指标值：≥90%。3、满意度指标：参训人员满意度，年度指标值：≥90%。";
/** Headings numbered `1.`, sub-items `(1)`, lines ended by line breaks; the last heading has one sub-item. */
export const NESTED_C = "1.产出指标：(1)数量指标：培训人数≥100人；(2)质量指标：合格率≥95%\n2.效益指标：(1)社会效益指标：知晓率≥90%\n3.满意度指标：(1)满意度≥90%";
