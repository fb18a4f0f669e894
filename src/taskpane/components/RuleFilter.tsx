import { Button, Dropdown, Option, makeStyles, tokens } from "@fluentui/react-components";
import { ruleTitle } from "../../core/messages/index";
import type { RuleCode } from "../../core/model";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", flexGrow: 1 },
});

/** Pick the rules to show; none picked means every rule. */
export function RuleFilter(props: {
  options: readonly { code: RuleCode; count: number }[];
  selected: ReadonlySet<RuleCode>;
  onChange: (codes: RuleCode[]) => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const selected = [...props.selected];
  const value = selected.length === 0 ? t.allRules : selected.length === 1 && selected[0] ? ruleTitle(selected[0], lang) : t.rulesSelected(selected.length);
  return (
    <div className={styles.root}>
      <Dropdown
        className={styles.dropdown}
        multiselect
        aria-label={t.filterRule}
        data-testid="rule-filter"
        value={value}
        selectedOptions={selected}
        onOptionSelect={(_, data) => props.onChange(data.selectedOptions as RuleCode[])}
      >
        {props.options.map(({ code, count }) => (
          <Option key={code} value={code} text={ruleTitle(code, lang)}>
            {t.withCount(ruleTitle(code, lang), count)}
          </Option>
        ))}
      </Dropdown>
      <Button size="small" appearance="subtle" onClick={props.onClear} data-testid="clear-filters">
        {t.clearFilters}
      </Button>
    </div>
  );
}
