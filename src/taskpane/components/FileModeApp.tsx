import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type DragEvent } from "react";
import type { Lang } from "../../core/model";
import type { FileHost } from "../../workbook/fileHost";
import { I18nContext, uiStrings } from "../i18n";
import { useChecker } from "../hooks/useChecker";
import { useFileMode } from "../hooks/useFileMode";
import { useSelectedCell } from "../hooks/useSelectedCell";
import { useSettings } from "../hooks/useSettings";
import { messageForError } from "../model/paneMessage";
import { CheckerPanel } from "./CheckerPanel";
import { FileDownloads } from "./FileDownloads";
import { FileOpener } from "./FileOpener";
import { PreviewGrid } from "./PreviewGrid";
import { SheetPicker } from "./SheetPicker";

const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "grid",
    gridTemplateColumns: "minmax(340px, 440px) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalM,
    height: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    // Narrow (a task-pane-wide window, 200% zoom): the pane a screen high above the preview, so
    // its issue list keeps a bounded height and stays a scrolled window onto the issues
    // (`auto` let it grow to all of them, drawing every row: minutes on a big sheet).
    "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateRows: "100vh 60vh", height: "auto" },
  },
  pane: { minHeight: 0, overflow: "hidden", display: "flex", flexDirection: "column" },
  preview: { minHeight: 0, padding: tokens.spacingVerticalM, boxSizing: "border-box", display: "flex", flexDirection: "column" },
  top: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropping: { outline: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  dropOverlay: {
    position: "absolute",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorBackgroundOverlay,
    color: tokens.colorNeutralForegroundOnBrand,
    pointerEvents: "none",
    fontSize: tokens.fontSizeBase500,
  },
});

export interface FileModeAppProps {
  host: FileHost;
  /** The browser's language, when the entry knows it; the saved choice wins. */
  lang?: Lang;
}

/** The page outside Office (plain browsers, WPS): open an .xlsx, pick the sheet, then the
 * same pane as in Excel beside a preview of the table. Nothing leaves the browser. */
export function FileModeApp({ host, lang: pageLang }: FileModeAppProps) {
  const styles = useStyles();
  const { settings, loadError, save } = useSettings(host);
  const lang: Lang = settings.options.lang ?? pageLang ?? "zh";
  const i18n = useMemo(() => ({ lang, t: uiStrings(lang) }), [lang]);
  const checker = useChecker(host, settings, lang, i18n.t);
  const file = useFileMode(host, checker, i18n.t);
  const [selectedCell] = useSelectedCell(host);
  const [dragging, setDragging] = useState(false);
  const { showMessage } = checker;

  useEffect(() => host.setLang(lang), [host, lang]);
  useEffect(() => {
    if (loadError !== undefined) showMessage(messageForError(loadError, i18n.t));
  }, [loadError, showMessage, i18n.t]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) void file.open(dropped);
    else showMessage({ intent: "warning", text: i18n.t.notXlsxName });
  };

  const busy = checker.busy !== undefined || file.opening;
  return (
    <I18nContext.Provider value={i18n}>
      <div
        className={mergeClasses(styles.root, dragging && styles.dropping)}
        data-testid="file-mode"
        onDragOver={(e) => {
          // Without preventDefault the browser would open the file itself.
          e.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <div className={styles.pane}>
          <CheckerPanel
            host={host}
            checker={{ ...checker, check: file.check }}
            settings={settings}
            saveSettings={save}
            selectedCell={selectedCell}
            title={i18n.t.fileModeTitle}
            top={
              <div className={styles.top}>
                <FileOpener opening={file.opening} fileName={file.fileName} onFile={(f) => void file.open(f)} />
                <SheetPicker sheets={file.sheets} chosen={file.chosen} disabled={busy} onChoose={(s) => void file.choose(s)} />
                <FileDownloads host={host} checker={checker} />
              </div>
            }
          />
        </div>
        <div className={styles.preview}>
          <PreviewGrid
            grid={file.grid}
            version={file.version}
            flags={file.chosen !== undefined ? checker.index.flags.get(file.chosen) : undefined}
            table={checker.run?.report.sheets.find((s) => s.name === file.chosen)}
            selected={selectedCell}
            onCell={(address) => {
              if (file.chosen !== undefined) void host.selectCell(file.chosen, address);
            }}
          />
        </div>
        {dragging ? (
          <div className={styles.dropOverlay} aria-hidden="true">
            <Text size={500}>{i18n.t.dropActive}</Text>
          </div>
        ) : null}
      </div>
    </I18nContext.Provider>
  );
}
