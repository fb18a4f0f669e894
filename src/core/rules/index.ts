import type { RuleCode } from "../model";
import { nameVariantRule } from "../table/nameVariants";
import { categoryNormalizedRule } from "./categoryNormalized";
import { categoryUnknownRule } from "./categoryUnknown";
import { costValueInvalidRule } from "./costValueInvalid";
import { duplicateIndicatorRule } from "./duplicateIndicator";
import { duplicateProjectRule } from "./duplicateProject";
import { indicatorCellEmptyRule } from "./indicatorCellEmpty";
import { indicatorNameMissingRule } from "./indicatorNameMissing";
import { level1MissingRule } from "./level1Missing";
import { negativeDirectionGeRule } from "./negativeDirectionGe";
import { numberGarbledRule } from "./numberGarbled";
import { numberingIrregularRule } from "./numberingIrregular";
import { outputOrEffectMissingRule } from "./outputOrEffectMissing";
import { percentOnCountRule } from "./percentOnCount";
import { percentOver100Rule } from "./percentOver100";
import { placeholderLeftRule } from "./placeholderLeft";
import { positiveTargetZeroRule } from "./positiveTargetZero";
import { projectNameMissingRule } from "./projectNameMissing";
import { qualitativeOnQuantityRule } from "./qualitativeOnQuantity";
import { rateGe100Rule } from "./rateGe100";
import type { Rule } from "./rule";
import { rowSkippedRule } from "./rowSkipped";
import { satisfactionNotPercentRule } from "./satisfactionNotPercent";
import { satisfactionOrCostMissingRule } from "./satisfactionOrCostMissing";
import { satisfactionThresholdRule } from "./satisfactionThreshold";
import { timelinessValueInvalidRule } from "./timelinessValueInvalid";
import { tooFewIndicatorsRule } from "./tooFewIndicators";
import { unitMissingRule } from "./unitMissing";
import { vagueValueRule } from "./vagueValue";
import { valueLabelMissingRule } from "./valueLabelMissing";
import { valueMissingRule } from "./valueMissing";
import { valueNormalizedRule } from "./valueNormalized";

/** Every rule, in the order of DOMAIN.md §3 (errors, warnings, infos). */
export const ALL_RULES: readonly Rule[] = [
  indicatorCellEmptyRule,
  categoryUnknownRule,
  valueMissingRule,
  placeholderLeftRule,
  numberGarbledRule,
  percentOver100Rule,
  numberingIrregularRule,
  indicatorNameMissingRule,
  valueLabelMissingRule,
  level1MissingRule,
  outputOrEffectMissingRule,
  tooFewIndicatorsRule,
  rateGe100Rule,
  percentOnCountRule,
  qualitativeOnQuantityRule,
  satisfactionNotPercentRule,
  costValueInvalidRule,
  positiveTargetZeroRule,
  negativeDirectionGeRule,
  duplicateIndicatorRule,
  duplicateProjectRule,
  projectNameMissingRule,
  unitMissingRule,
  timelinessValueInvalidRule,
  categoryNormalizedRule,
  valueNormalizedRule,
  satisfactionThresholdRule,
  vagueValueRule,
  satisfactionOrCostMissingRule,
  nameVariantRule,
  rowSkippedRule,
];

/** Every code any rule can emit, in catalogue order (settings screens, the --rules file). */
export const RULE_CODES: readonly RuleCode[] = ALL_RULES.flatMap((rule) => rule.codes);
