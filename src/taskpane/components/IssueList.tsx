import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { List, useListRef, type RowComponentProps } from "react-window";
import type { Issue } from "../../core/model";
import { useI18n, type UiStrings } from "../i18n";
import { GROUP_ROW_HEIGHT, ISSUE_ROW_HEIGHT, type IssueRows } from "../model/issueRows";
import type { CellRef } from "../hooks/useSelectedCell";
import { IssueItem } from "./IssueItem";

const useStyles = makeStyles({
  list: { flexGrow: 1, minHeight: "160px" },
  stale: { opacity: 0.6 },
  group: {
    boxSizing: "border-box",
    display: "flex",
    alignItems: "flex-end",
    paddingLeft: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
  },
});

interface RowProps {
  rows: IssueRows;
  activeIndex: number;
  focusIndex: number | undefined;
  selectedKey: string | undefined;
  currentCell: CellRef | undefined;
  t: UiStrings;
  groupClass: string;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, rowIndex: number) => void;
  onFocusRow: (rowIndex: number) => void;
}

function ListRow({ index, style, ariaAttributes, rows, activeIndex, focusIndex, selectedKey, currentCell, t, groupClass, ...handlers }: RowComponentProps<RowProps>) {
  const row = rows.at(index);
  if (!row) return null;
  if (row.kind === "group") {
    return (
      <div style={style} {...ariaAttributes} className={groupClass} data-testid="issue-group">
        <Text size={200} weight="semibold">
          {t.rowGroup(row.sheet, row.rowNumber, row.count)}
        </Text>
      </div>
    );
  }
  const { issue } = row;
  // The focusable item is the list item (its label is read on focus); this wrapper only places it.
  return (
    <div style={style} {...ariaAttributes} role="none">
      <IssueItem
        issue={issue}
        rowIndex={index}
        posInSet={ariaAttributes["aria-posinset"]}
        setSize={ariaAttributes["aria-setsize"]}
        active={index === activeIndex}
        focusRequested={index === focusIndex}
        selected={selectedKey === row.key}
        current={currentCell !== undefined && currentCell.sheet === issue.sheet && currentCell.address === issue.cell}
        {...handlers}
      />
    </div>
  );
}

function rowHeight(index: number, { rows }: RowProps): number {
  return rows.isIssue(index) ? ISSUE_ROW_HEIGHT : GROUP_ROW_HEIGHT;
}

function nextIssueRow(rows: IssueRows, from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows.isIssue(i)) return i;
  return from;
}

/** The issue row at `index`, else the next one, else the one before: where a fixed issue was. */
function issueRowNear(rows: IssueRows, index: number): number {
  const at = Math.min(index, rows.length - 1);
  if (rows.isIssue(at)) return at;
  const next = nextIssueRow(rows, at, 1);
  return next !== at ? next : nextIssueRow(rows, at, -1);
}

/**
 * The issues grouped by row, virtualised (thousands of issues render a screenful of DOM).
 * Keyboard: Tab enters at the active item, ↑/↓ move, Home/End jump, Enter selects the cell.
 */
export function IssueList(props: {
  rows: IssueRows;
  /** The rows are the previous filter's while the new one is computed. */
  stale?: boolean;
  selectedKey: string | undefined;
  currentCell: CellRef | undefined;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue) => void;
  /** Changed when focus should come back to the list (a fix removed the 修复… button that had
   * it): the issue now at the fixed one's place takes it. */
  focusRequest?: number;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { rows } = props;
  const listRef = useListRef(null);
  const [active, setActive] = useState(() => nextIssueRow(rows, -1, 1));
  /** The row keyboard focus is moving to: its item takes focus once rendered. After a jump
   * (End) that is only after the list has scrolled, and the row that had focus is gone. */
  const [focusIndex, setFocusIndex] = useState<number>();

  // The filter changed: keep the active item on an issue row that exists.
  const activeIndex = rows.isIssue(active) ? active : nextIssueRow(rows, -1, 1);

  const moveTo = useCallback(
    (index: number) => {
      if (index < 0 || index >= rows.length) return;
      setActive(index);
      setFocusIndex(index);
      listRef.current?.scrollToRow({ index, align: "auto" });
    },
    [rows.length, listRef],
  );

  const onFocusRow = useCallback((index: number) => {
    setActive(index);
    setFocusIndex(undefined);
  }, []);

  const lastFocusRequest = useRef(props.focusRequest);
  useEffect(() => {
    if (props.focusRequest === lastFocusRequest.current) return;
    lastFocusRequest.current = props.focusRequest;
    moveTo(issueRowNear(rows, active));
  }, [props.focusRequest, rows, active, moveTo]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, index: number) => {
      const row = rows.at(index);
      switch (e.key) {
        case "ArrowDown":
          moveTo(nextIssueRow(rows, index, 1));
          break;
        case "ArrowUp":
          moveTo(nextIssueRow(rows, index, -1));
          break;
        case "Home":
          moveTo(nextIssueRow(rows, -1, 1));
          break;
        case "End":
          moveTo(nextIssueRow(rows, rows.length, -1));
          break;
        case "Enter":
        case " ":
          if (row?.kind === "issue") props.onSelect(row.issue);
          break;
        default:
          return;
      }
      e.preventDefault();
    },
    [rows, moveTo, props],
  );

  const onSelect = useCallback(
    (issue: Issue) => {
      const index = rows.indexOfIssue(issue);
      if (index >= 0) setActive(index);
      props.onSelect(issue);
    },
    [rows, props],
  );

  // 修复… makes its item the active one (a click does not focus it), so focus can come back
  // to that place once the fix is applied.
  const onFix = useCallback(
    (issue: Issue) => {
      const index = rows.indexOfIssue(issue);
      if (index >= 0) setActive(index);
      props.onFix(issue);
    },
    [rows, props],
  );

  return (
    <List
      className={mergeClasses(styles.list, props.stale && styles.stale)}
      listRef={listRef}
      data-testid="issue-list"
      aria-label={t.withDetail(t.issueList, t.issueListHint)}
      role="list"
      rowComponent={ListRow}
      rowCount={rows.length}
      rowHeight={rowHeight}
      defaultHeight={480}
      overscanCount={4}
      rowProps={{
        rows,
        activeIndex,
        focusIndex,
        selectedKey: props.selectedKey,
        currentCell: props.currentCell,
        t,
        groupClass: styles.group,
        onSelect,
        onFix,
        onKeyDown,
        onFocusRow,
      }}
    />
  );
}
