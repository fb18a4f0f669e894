import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { Host, Settings } from "../../app/host";
import type { Issue } from "../../core/model";
import { useI18n } from "../i18n";
import type { Checker } from "../hooks/useChecker";
import { useIssueFilters } from "../hooks/useIssueFilters";
import type { CellRef } from "../hooks/useSelectedCell";
import { cellKey } from "../model/issueIndex";
import { issueRowKey } from "../model/issueRows";
import { messageForError } from "../model/paneMessage";
import { CheckProgress } from "./CheckProgress";
import { CurrentCellIssues } from "./CurrentCellIssues";
import { FixDialog, type FixRequest } from "./FixDialog";
import { IssueList } from "./IssueList";
import { LiveRegion } from "./LiveRegion";
import { PaneActions } from "./PaneActions";
import { PaneMessageBar } from "./PaneMessageBar";
import { RuleFilter } from "./RuleFilter";
import { SettingsDrawer } from "./SettingsDrawer";
import { SeverityFilter } from "./SeverityFilter";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: 0,
    height: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalM },
  /** Everything above the list keeps its height: in a short pane the column would otherwise
   * squeeze the message bar until it overlapped the counts below it. */
  fixed: { flexShrink: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface CheckerPanelProps {
  host: Host;
  checker: Checker;
  settings: Settings;
  saveSettings: (settings: Settings) => Promise<void>;
  selectedCell: CellRef | undefined;
  title: string;
  /** File mode: the file picker, sheet choice and downloads go above the actions. */
  top?: ReactNode;
  extraActions?: ReactNode;
}

/** The pane's body, shared by the Excel pane and the browser file mode. */
export function CheckerPanel(props: CheckerPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { host, checker } = props;
  const filters = useIssueFilters(checker.index);
  const [selectedKey, setSelectedKey] = useState<string>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [fixRequest, setFixRequest] = useState<FixRequest>();
  const [listFocus, setListFocus] = useState(0);

  const autoFixable = checker.index.autoFixable;
  const cell = props.selectedCell;
  const cellIssues = useMemo(() => (cell ? (checker.index.byCell.get(cellKey(cell.sheet, cell.address)) ?? []) : []), [checker.index, cell]);

  const select = useCallback(
    (issue: Issue) => {
      setSelectedKey(issueRowKey(issue));
      host.selectCell(issue.sheet, issue.cell).catch((e: unknown) => checker.showMessage(messageForError(e, t)));
    },
    [host, checker, t],
  );

  const preview = useCallback(
    async (issues: Issue[], title: string) => {
      if (issues.length === 0) {
        checker.showMessage({ intent: "info", text: t.noAutoFixes });
        return;
      }
      const edits = await checker.previewFixes(issues);
      if (!edits) return;
      if (edits.length === 0) checker.showMessage({ intent: "info", text: t.noEditsToApply });
      else setFixRequest({ title, edits, issues });
    },
    [checker, t],
  );

  const apply = useCallback(async () => {
    if (!fixRequest) return;
    await checker.applyFixes(fixRequest.edits, fixRequest.issues);
    setFixRequest(undefined);
    // The button that opened the dialog is gone with its issue (or disabled, with nothing left
    // to fix): focus goes to the list instead of falling to the page.
    setListFocus((n) => n + 1);
  }, [checker, fixRequest]);

  const saveSettings = useCallback(
    async (next: Settings) => {
      try {
        await props.saveSettings(next);
        // Worded when shown: the save may have just switched the language.
        checker.showMessage({ intent: "success", text: (s) => s.settingsSaved });
        return true;
      } catch (e) {
        checker.showMessage(messageForError(e, t));
        return false;
      }
    },
    [props, checker, t],
  );

  return (
    <div className={styles.root}>
      <LiveRegion text={checker.announcement} />
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {props.title}
        </Text>
        <Button appearance="subtle" onClick={() => setSettingsOpen(true)} data-testid="settings-button" aria-haspopup="dialog">
          {t.settings}
        </Button>
      </header>
      {props.top}
      <PaneActions
        checker={checker}
        workbookActions={host.kind === "excel"}
        autoFixCount={autoFixable.length}
        checkHint={host.kind === "excel" ? t.checkHint : t.checkHintFile}
        onApplyAll={() => void preview([...autoFixable], "")}
        extra={props.extraActions}
      />
      {checker.progress ? (
        <div className={styles.fixed}>
          <CheckProgress progress={checker.progress} onCancel={checker.cancel} />
        </div>
      ) : null}
      {checker.message ? (
        <div className={styles.fixed}>
          <PaneMessageBar message={checker.message} onDismiss={() => checker.showMessage(undefined)} />
        </div>
      ) : null}
      {checker.counts ? (
        <div className={styles.fixed}>
          <SeverityFilter counts={checker.counts} shown={filters.severities} onToggle={filters.toggleSeverity} />
          <RuleFilter options={filters.ruleOptions} selected={filters.rules} onChange={filters.setRules} onClear={filters.clear} />
        </div>
      ) : null}
      {checker.run && cell ? (
        <div className={styles.fixed}>
          <CurrentCellIssues cell={cell} issues={cellIssues} onSelect={select} />
        </div>
      ) : null}
      {!checker.run ? (
        <Text className={styles.empty}>{t.notChecked}</Text>
      ) : checker.issues.length === 0 ? (
        <Text className={styles.empty}>{t.noIssues}</Text>
      ) : filters.rows.length === 0 ? (
        <Text className={styles.empty}>{t.noIssuesMatch}</Text>
      ) : (
        <IssueList
          rows={filters.rows}
          stale={filters.stale}
          selectedKey={selectedKey}
          currentCell={props.selectedCell}
          onSelect={select}
          onFix={(issue) => void preview([issue], t.fixPreviewTitle)}
          focusRequest={listFocus}
        />
      )}
      <FixDialog
        request={fixRequest ? { ...fixRequest, title: fixRequest.title || t.allFixesPreviewTitle(fixRequest.edits.length) } : undefined}
        busy={checker.busy !== undefined}
        onApply={() => void apply()}
        onClose={() => setFixRequest(undefined)}
      />
      <SettingsDrawer
        open={settingsOpen}
        settings={props.settings}
        detected={checker.run?.report.sheets[0]}
        onSave={saveSettings}
        onClose={() => setSettingsOpen(false)}
      />
    </div>
  );
}
