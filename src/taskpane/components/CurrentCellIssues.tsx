import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatIssue } from "../../core/messages/index";
import type { Issue } from "../../core/model";
import { useI18n } from "../i18n";
import type { CellRef } from "../hooks/useSelectedCell";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "120px", overflowY: "auto" },
});

/** The issues of the cell the user is on: moving in the sheet shows them here at once. */
export function CurrentCellIssues({ cell, issues, onSelect }: { cell: CellRef; issues: readonly Issue[]; onSelect: (issue: Issue) => void }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const here = issues.filter((i) => i.sheet === cell.sheet && i.cell === cell.address);
  return (
    <section className={styles.root} aria-label={t.currentCell(cell.address)} data-testid="current-cell">
      <Text weight="semibold">{t.currentCell(cell.address)}</Text>
      {here.length === 0 ? (
        <Text size={200}>{t.currentCellClean}</Text>
      ) : (
        <ul className={styles.list}>
          {here.map((issue, i) => (
            <li key={i}>
              <Link as="button" onClick={() => onSelect(issue)}>
                {t.withDetail(t.severityOne[issue.severity], formatIssue(issue.code, issue.params, lang))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
