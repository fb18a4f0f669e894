import { CounterBadge, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Counts, Severity } from "../../core/model";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  button: { gap: tokens.spacingHorizontalXS },
});

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** Severity → the badge colour the Fluent palette uses for it. */
const BADGE_COLOR = { error: "danger", warning: "important", info: "informative" } as const;

/** The counts by severity, each a toggle that shows or hides that severity in the list. */
export function SeverityFilter({ counts, shown, onToggle }: { counts: Counts; shown: ReadonlySet<Severity>; onToggle: (s: Severity) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root} role="group" aria-label={t.filterSeverity}>
      {SEVERITIES.map((s) => (
        <ToggleButton
          key={s}
          className={styles.button}
          size="small"
          checked={shown.has(s)}
          onClick={() => onToggle(s)}
          aria-label={`${t.severity[s]} ${counts[s]}`}
          data-testid={`filter-${s}`}
        >
          {t.severity[s]}
          <CounterBadge
            data-testid={`count-${s}`}
            count={counts[s]}
            showZero
            overflowCount={Number.MAX_SAFE_INTEGER}
            color={BADGE_COLOR[s]}
            appearance={shown.has(s) ? "filled" : "ghost"}
            size="small"
          />
        </ToggleButton>
      ))}
    </div>
  );
}
