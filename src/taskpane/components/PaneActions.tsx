import { Button, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import type { Checker } from "../hooks/useChecker";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The pane's buttons. Each is its own Tab stop (no roving toolbar) so Tab reaches all. */
export function PaneActions(props: {
  checker: Checker;
  /** Excel: 清除标记, 生成汇总表, 导出清洗后工作簿; file mode shows downloads instead. */
  workbookActions: boolean;
  autoFixCount: number;
  /** The 校验 button's tooltip: the selection in Excel, the chosen sheet in file mode. */
  checkHint: string;
  onApplyAll: () => void;
  extra?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { checker } = props;
  const busy = checker.busy !== undefined;
  return (
    <div className={styles.root} role="group" aria-label={t.actionsLabel}>
      <Tooltip content={props.checkHint} relationship="description">
        {/* disabledFocusable: pressed with the keyboard, 校验 keeps the focus while it runs. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void checker.check()} data-testid="check-button">
          {t.check}
        </Button>
      </Tooltip>
      <Button disabled={busy || props.autoFixCount === 0} onClick={props.onApplyAll} data-testid="apply-all-fixes">
        {props.autoFixCount > 0 ? t.withCount(t.applyAllFixes, props.autoFixCount) : t.applyAllFixes}
      </Button>
      {checker.canUndo ? (
        <Button disabled={busy} onClick={() => void checker.undo()} data-testid="undo-fixes">
          {t.undoFixes}
        </Button>
      ) : null}
      {props.workbookActions ? (
        <>
          <Button disabled={busy} onClick={() => void checker.clearMarks()} data-testid="clear-marks">
            {t.clearMarks}
          </Button>
          <Button disabled={busy || !checker.run} onClick={() => void checker.writeSummary()} data-testid="write-summary">
            {t.writeSummary}
          </Button>
          <Button disabled={busy} onClick={() => void checker.exportCleaned()} data-testid="export-cleaned">
            {t.exportCleaned}
          </Button>
        </>
      ) : null}
      {props.extra}
    </div>
  );
}
