import { Button, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatFix, ruleExplanation, ruleTitle } from "../../core/messages/index";
import type { Issue } from "../../core/model";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  surface: { maxWidth: "320px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  code: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

/** The rule's title and explanation from the catalog, and what its fix would do. */
export function ExplanationPopover({ issue, tabIndex }: { issue: Issue; tabIndex: number }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  return (
    <Popover withArrow trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" tabIndex={tabIndex} aria-label={t.withDetail(t.explanation, ruleTitle(issue.code, lang))} data-testid="explain-button">
          {t.explanation}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t.explanationFor(issue.cell)}>
        <Text weight="semibold">{ruleTitle(issue.code, lang)}</Text>
        <Text size={200} className={styles.code}>
          {issue.code}
        </Text>
        <Text>{ruleExplanation(issue.code, lang)}</Text>
        {issue.fix ? <Text italic>{formatFix(issue.code, issue.params, lang)}</Text> : null}
      </PopoverSurface>
    </Popover>
  );
}
