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
  // While busy (a download being built) the buttons stay focusable: a disabled button drops the
  // keyboard focus to the page, and the user pressed one of them.
  const none = !checker.run;
  const busy = checker.busy !== undefined;
  const download = (make: () => Promise<string>) => {
    if (!busy) void checker.perform("download", async () => t.downloaded(await make()));
  };
  return (
    <div className={styles.root} role="group" aria-label={t.downloadsLabel}>
      <Button disabled={none} disabledFocusable={!none && busy} onClick={() => download(host.downloadCleaned)} data-testid="download-cleaned">
        {t.downloadCleaned}
      </Button>
      <Button disabled={none} disabledFocusable={!none && busy} onClick={() => download(host.downloadAnnotated)} data-testid="download-annotated">
        {t.downloadAnnotated}
      </Button>
      <Button disabled={none} disabledFocusable={!none && busy} onClick={() => download(host.downloadJson)} data-testid="download-json">
        {t.downloadJson}
      </Button>
    </div>
  );
}
