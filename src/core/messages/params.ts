import type { RuleCode, SkipReason } from "../model";

/**
 * The parameters each rule code carries: the contract between a rule that emits a finding and
 * the catalogs that word it. Values are language-neutral (cell text, numbers, enum keys), so one
 * finding can be worded in any language later. Item-level codes carry `item` (1-based) because
 * reviewers name the item: “第5项缺少……”.
 */
export interface RuleParams {
  indicator_cell_empty: {
    project: string;
    /** What the cell holds instead of indicators (`—`, `无`, `#N/A`); absent when it is blank. */
    placeholder?: string;
  };
  category_unknown:
    | {
        item: number;
        /** `missing`: no 一级 at all; `level1`/`level2`: an unknown word; `mismatch`: a 二级 of
         * another 一级. `level2Only` (no 一级 but a known 二级, `数量指标：…`, whose 一级 is `level1`)
         * is no longer emitted (level1_missing reports it) but still worded: saved reports hold it. */
        kind: "missing" | "level2Only" | "level1" | "level2" | "mismatch";
        /** The category as written (empty when none). */
        written: string;
        /** The item's canonical 一级 (for `mismatch` and `level2`), the 二级's (`level2Only`), else empty. */
        level1: string;
      }
    | {
        /** No item could be read in the cell at all (`详见附件`): a finding about the cell, with no item number. */
        kind: "noItems";
        /** The cell's text, trimmed, its first 20 characters and `…` when longer. */
        written: string;
        level1: string;
      };
  /** `value`: what stands where the value belongs when it has no number (`≥`, `≥人`) or is a
   * placeholder for it (`—`, `/`, `无`: then `placeholder` is true), else empty. */
  value_missing: { item: number; name: string; value: string; placeholder?: boolean };
  placeholder_left: { item: number; text: string };
  number_garbled: { item: number; value: string; garbled: string };
  percent_over_100: { item: number; name: string; value: string };
  numbering_irregular:
    | ({
        item: number;
      } & NumberingFinding)
    | ({
        /** A section heading's number (`二、效益指标`), not an item's: the heading's 1-based position
         * among the cell's headings, and its 一级 as written. Such a finding has no item. */
        heading: number;
        title: string;
      } & NumberingFinding);
  indicator_name_missing: { item: number; value: string };
  value_label_missing: { item: number; name: string; value: string };
  /** `written`: the 二级 as written alone (`数量指标`, `数量`); `level1`: the 一级 it belongs to;
   * `level2`: the 二级 as the fix writes it (`数量指标`). */
  level1_missing: { item: number; written: string; level1: string; level2: string };
  output_or_effect_missing: { missing: "output" | "effect" | "both" };
  too_few_indicators: { count: number };
  rate_ge_100: { item: number; name: string; value: string };
  percent_on_count: { item: number; name: string; value: string };
  qualitative_on_quantity: { item: number; name: string; value: string; measure: "rate" | "amount" | "count" };
  satisfaction_not_percent: { item: number; name: string; value: string };
  cost_value_invalid: { item: number; name: string; value: string };
  positive_target_zero: { item: number; name: string; value: string };
  negative_direction_ge: { item: number; name: string; value: string };
  duplicate_indicator: { item: number; name: string; first: number };
  duplicate_project: { project: string; firstRow: number };
  project_name_missing: { row: number };
  unit_missing: { item: number; name: string; value: string };
  timeliness_value_invalid: { item: number; name: string; value: string };
  /** `from`: a category word as written (`满意度`, `数量`); `to`: as the cleaner writes it (`满意度指标`). */
  category_normalized: { item: number; from: string; to: string };
  value_normalized: { item: number; from: string; to: string };
  satisfaction_threshold: { item: number; name: string; value: string; kind: "low" | "exact" };
  vague_value: { item: number; name: string; value: string };
  satisfaction_or_cost_missing: { missing: "satisfaction" | "cost" | "both" };
  /** Written by the table engineer (src/core/table/nameVariants.ts). */
  name_variant: { value: string; canonical: string; role: "department" | "unit" };
  row_skipped: { row: number; reason: SkipReason };
}

/** What numbering_irregular says of an item's or a section heading's number. */
export interface NumberingFinding {
  /** `backward`: a number lower than the one before it (`1、2、5、3、`: the `3`). */
  kind: "gap" | "duplicate" | "backward" | "notFromOne" | "mixedStyle" | "unnumbered";
  /** The number as written (`4`, `（4）`), empty when the item has none. */
  written: string;
  /** The number the item should have (its position, in its section when the cell has sections). */
  expected: number;
  /** `duplicate`: the 1-based item (or heading) that has the number first. Absent in reports
   * made before it was added. */
  first?: number;
  /** `backward`: the number of the item (or heading) before, as written. */
  previous?: string;
}

// Compile-time guards: every RuleCode has params, and every key here is a RuleCode.
type Exhaustive<T extends Record<RuleCode, unknown>> = T;
type OnlyCodes<K extends RuleCode> = K;
export type CheckedRuleParams = Exhaustive<RuleParams>;
export type CheckedRuleParamKeys = OnlyCodes<keyof RuleParams>;

/** One code's wording in one language: a short title, why reviewers flag it, and the message
 * and fix description of a finding. */
export interface RuleText<P> {
  title: string;
  explain: string;
  message(params: P): string;
  fix(params: P): string;
}

/** Exhaustive by type: a code without wording fails to compile. */
export type RuleCatalog = { [C in RuleCode]: RuleText<RuleParams[C]> };
