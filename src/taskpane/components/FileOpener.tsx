import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // Kept in the DOM (the button clicks it; tests set files on it) but not shown, and hidden from
  // screen readers too: the button is the one 打开 control.
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** 打开 .xlsx 文件: a button for the file picker; dropping a file anywhere on the page works too. */
export function FileOpener({ opening, fileName, onFile }: { opening: boolean; fileName: string | undefined; onFile: (file: File) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {/* disabledFocusable, not disabled: a disabled button drops the keyboard focus to the page. */}
        <Button appearance={fileName ? "secondary" : "primary"} disabledFocusable={opening} onClick={() => input.current?.click()} data-testid="open-file-button">
          {t.openFile}
        </Button>
        {opening ? <Spinner size="tiny" label={t.opening} /> : fileName ? <Text weight="semibold">{fileName}</Text> : null}
        <input
          ref={input}
          className={styles.input}
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Reset, so choosing the same file again still fires a change.
            e.currentTarget.value = "";
            if (file) onFile(file);
          }}
        />
      </div>
      <Text size={200} className={styles.hint}>
        {t.dropHint} {t.privacyNote}
      </Text>
    </div>
  );
}
