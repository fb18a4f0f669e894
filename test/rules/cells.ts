import { seedLines } from "./harness";

/** The indicator cell (column E) of a 1-based sheet row of the seed. */
export function seedCell(rowNumber: number): string {
  const line = seedLines()[rowNumber - 1];
  if (line === undefined) throw new Error(`the seed has no row ${rowNumber}`);
  return line.split("\t")[4] ?? "";
}

/** Seed row 6 (and 7–11, 42): 党代表任期制, item 5 without its label, rate and count at ≥100%. */
export const PARTY_DELEGATE = seedCell(6);
/** Seed row 12: a plain, well-formed cell of four items. */
export const VILLAGE_OFFICE = seedCell(12);
/** Seed row 25: 干部培训经费 — percent on a count, satisfaction at ≥80%. */
export const CADRE_TRAINING = seedCell(25);
/** Seed row 26: 两新 — fractions at ≥100%. */
export const TWO_NEW = seedCell(26);
/** Seed row 28: 公务员业务经费 — `高`, `80%以上`. */
export const CIVIL_SERVANT = seedCell(28);
/** Seed row 31: 人才工作经费 — `效率 ≥1次`, `满意率 不低于90%`. */
export const TALENT = seedCell(31);

/** A canonical cell that a reviewer would accept as is: every category, units, sensible targets. */
export const CLEAN =
  "1、产出指标：培训人数，年度指标值：≥200人。2、产出指标：资金拨付及时率，年度指标值：≥95%。" +
  "3、效益指标：党员教育覆盖率，年度指标值：≥90%。4、满意度指标：参训学员满意度，年度指标值：≥90%。" +
  "5、成本指标：人均培训成本，年度指标值：≤500元/人。";
