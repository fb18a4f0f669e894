import { numberGarbledRule } from "../../src/core/rules/numberGarbled";
import { CADRE_TRAINING, CLEAN } from "./cells";
import { itemCodes } from "./harness";

describe("number_garbled", () => {
  it("flags the letter O typed for a zero", () => {
    expect(itemCodes(numberGarbledRule, "1、产出指标：资金拨付时效指标，年度指标值：≥9O%。2、效益指标：党员教育覆盖率，年度指标值：≥90%。")).toEqual([
      [1, "number_garbled"],
    ]);
  });

  it("flags a doubled percent sign and a Chinese numeral glued to digits", () => {
    expect(itemCodes(numberGarbledRule, "1、产出指标：远教站点开机率，年度指标值：90%%。2、产出指标：培训人数，年度指标值：二100人。")).toEqual([
      [1, "number_garbled"],
      [2, "number_garbled"],
    ]);
  });

  it("stays quiet on well-written numbers", () => {
    expect(itemCodes(numberGarbledRule, CLEAN)).toEqual([]);
    expect(itemCodes(numberGarbledRule, CADRE_TRAINING)).toEqual([]);
  });
});
