import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../app/host";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

/** Progress of a long run with its 取消 button (the host gets the abort signal). */
export function CheckProgress({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const label = t.phase[progress.phase];
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text size={200}>{label}</Text>
        <ProgressBar
          aria-label={t.progressLabel}
          aria-valuetext={label}
          {...(progress.fraction !== undefined ? { value: Math.max(0, Math.min(1, progress.fraction)) } : {})}
        />
      </div>
      <Button data-testid="cancel-button" onClick={onCancel}>
        {t.cancel}
      </Button>
    </div>
  );
}
