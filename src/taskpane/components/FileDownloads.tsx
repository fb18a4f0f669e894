import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FileHost } from "../../workbook/fileHost";
import { useI18n } from "../i18n";
import type { Checker } from "../hooks/useChecker";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The three downloads, built in the browser by the command line's writers. */
export function FileDownloads({ host, checker }: { host: FileHost; checker: Checker }) {
  const styles = useStyles();
  const { t } = useI18n();
  const disabled = checker.busy !== undefined || !checker.run;
  const download = (make: () => Promise<string>) => void checker.perform("download", async () => t.downloaded(await make()));
  return (
    <div className={styles.root} role="group" aria-label={t.downloadsLabel}>
      <Button disabled={disabled} onClick={() => download(host.downloadCleaned)} data-testid="download-cleaned">
        {t.downloadCleaned}
      </Button>
      <Button disabled={disabled} onClick={() => download(host.downloadAnnotated)} data-testid="download-annotated">
        {t.downloadAnnotated}
      </Button>
      <Button disabled={disabled} onClick={() => download(host.downloadJson)} data-testid="download-json">
        {t.downloadJson}
      </Button>
    </div>
  );
}
