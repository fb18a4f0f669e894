import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { formatIssue, ruleTitle } from "../../core/messages/index";
import type { Issue } from "../../core/model";
import { useI18n } from "../i18n";
import { ExplanationPopover } from "./ExplanationPopover";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  current: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  message: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  meta: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  actions: { display: "flex", flexShrink: 0 },
});

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface IssueItemProps {
  issue: Issue;
  rowIndex: number;
  /** Its place among the list's rows (headings included), as a list item. */
  posInSet: number;
  setSize: number;
  active: boolean;
  /** Keyboard focus should come here as soon as the item is on screen (it may scroll in later). */
  focusRequested: boolean;
  selected: boolean;
  current: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, rowIndex: number) => void;
  onFocusRow: (rowIndex: number) => void;
}

/** One issue: severity, cell, message; 说明 and 修复… inside. Roving tabindex: only the active
 * item (and its buttons) is in the Tab order; arrow keys move between items. */
export function IssueItem(props: IssueItemProps) {
  const { issue, active } = props;
  const styles = useStyles();
  const { t, lang } = useI18n();
  const message = formatIssue(issue.code, issue.params, lang);
  const tab = active ? 0 : -1;
  const root = useRef<HTMLDivElement>(null);
  const { focusRequested, onFocusRow, rowIndex } = props;
  useEffect(() => {
    if (!focusRequested || !root.current) return;
    root.current.focus();
    // Already focused (↓ on the last item) fires no focus event: settle the request here too.
    onFocusRow(rowIndex);
  }, [focusRequested, onFocusRow, rowIndex]);

  return (
    <div
      ref={root}
      role="listitem"
      aria-posinset={props.posInSet}
      aria-setsize={props.setSize}
      className={mergeClasses(styles.root, props.selected && styles.selected, props.current && styles.current)}
      style={{ height: "100%" }}
      tabIndex={tab}
      data-testid="issue-item"
      data-cell={issue.cell}
      data-sheet={issue.sheet}
      data-code={issue.code}
      data-severity={issue.severity}
      data-row-index={props.rowIndex}
      data-selected={props.selected ? "true" : undefined}
      data-current={props.current ? "true" : undefined}
      aria-label={t.issueLabel(t.severityOne[issue.severity], issue.cell, message)}
      aria-current={props.selected ? "true" : undefined}
      onClick={() => props.onSelect(issue)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocusRow(props.rowIndex);
      }}
      onKeyDown={(e) => props.onKeyDown(e, props.rowIndex)}
    >
      <div className={styles.text}>
        <div className={styles.line}>
          <Badge size="small" appearance="tint" color={BADGE_COLOR[issue.severity]}>
            {t.severityOne[issue.severity]}
          </Badge>
          <Text weight="semibold">{issue.cell}</Text>
          <Text size={200} className={styles.meta}>
            {issue.item !== undefined ? `${t.item(issue.item)} · ` : ""}
            {ruleTitle(issue.code, lang)}
          </Text>
        </div>
        <Text className={styles.message} title={message}>
          {message}
        </Text>
      </div>
      {/* Buttons inside the item must not also select it. */}
      <div className={styles.actions} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <ExplanationPopover issue={issue} tabIndex={tab} />
        {issue.fix ? (
          <Button size="small" appearance="subtle" tabIndex={tab} onClick={() => props.onFix(issue)} data-testid="fix-button">
            {t.previewFix}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
