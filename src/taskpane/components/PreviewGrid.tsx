import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { List, useListRef, type RowComponentProps } from "react-window";
import type { CellValue, SheetReport } from "../../core/model";
import { HIGHLIGHT_FILL } from "../../core/plan";
import type { GridData } from "../../workbook/fileHost";
import { useI18n } from "../i18n";
import { indexToLetters, lettersToIndex, parseA1 } from "../model/columnLetters";

const ROW_HEIGHT = 28;
const ROW_HEADER_WIDTH = 56;
const COLUMN_WIDTH = 110;
/** The prose and indicator columns hold long text: give them room. */
const WIDE_COLUMN_WIDTH = 320;
/** Excel's fills are light in every theme: text on them stays dark to keep its contrast. */
const INK_ON_FILL = "#242424";
const NO_FLAGS: ReadonlyMap<string, "error" | "warning"> = new Map();

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    height: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  scroller: { flexGrow: 1, minHeight: 0, overflowX: "auto", overflowY: "hidden", display: "flex", flexDirection: "column" },
  row: { display: "flex", boxSizing: "border-box" },
  letters: { flexShrink: 0, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  cell: {
    flexShrink: 0,
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
    cursor: "default",
  },
  rowHeader: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right" },
  headerRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px", position: "relative" },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  caption: { padding: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
});

type Styles = ReturnType<typeof useStyles>;

interface GridRowProps {
  grid: GridData;
  widths: number[];
  flags: ReadonlyMap<string, "error" | "warning">;
  headerRowIndex: number | undefined;
  selected: string | undefined;
  styles: Styles;
  onCell: (address: string) => void;
  /** Fixes write into the values in place: a new version re-renders the rows. */
  version: number;
}

function text(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function GridRow({ index, style, grid, widths, flags, headerRowIndex, selected, styles, onCell }: RowComponentProps<GridRowProps>) {
  const rowIndex = grid.originRowIndex + index;
  const values = grid.values[index] ?? [];
  const isHeader = rowIndex === headerRowIndex;
  return (
    <div style={style} className={mergeClasses(styles.row, isHeader && styles.headerRow)} role="row" aria-rowindex={rowIndex + 1}>
      <div className={mergeClasses(styles.cell, styles.rowHeader)} style={{ width: ROW_HEADER_WIDTH }} role="rowheader">
        {rowIndex + 1}
      </div>
      {widths.map((width, c) => {
        const address = `${indexToLetters(grid.originColumnIndex + c)}${rowIndex + 1}`;
        const flag = flags.get(address);
        const content = text(values[c] ?? null);
        return (
          <div
            key={c}
            className={mergeClasses(styles.cell, address === selected && styles.selected)}
            style={{ width, ...(flag ? { backgroundColor: HIGHLIGHT_FILL[flag], color: INK_ON_FILL } : {}) }}
            role="gridcell"
            data-cell={address}
            data-severity={flag}
            data-selected={address === selected ? "true" : undefined}
            aria-selected={address === selected}
            title={content}
            onClick={() => onCell(address)}
          >
            {content}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The chosen sheet as a grid: rows virtualised (a 100,000-row sheet renders a screenful),
 * flagged cells filled like Excel would (#FFC7CE errors, #FFEB9C warnings), the selected
 * issue's cell outlined and scrolled into view. The fills come precomputed with the issue
 * index: a render never walks the issues.
 */
export function PreviewGrid(props: {
  grid: GridData | undefined;
  version: number;
  /** The chosen sheet's flagged cells: A1 address → worst severity. */
  flags: ReadonlyMap<string, "error" | "warning"> | undefined;
  table: SheetReport | undefined;
  selected: { sheet: string; address: string } | undefined;
  onCell: (address: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { grid, table } = props;
  const listRef = useListRef(null);
  const scroller = useRef<HTMLDivElement>(null);

  const flags = props.flags ?? NO_FLAGS;

  const widths = useMemo(() => {
    if (!grid) return [];
    const letters = [table?.columns.indicators, table?.columns.goal, table?.columns.project, ...(table?.indicatorColumns?.map((c) => c.column) ?? [])];
    const wide = new Set(letters.filter((l): l is string => l !== undefined).map(lettersToIndex));
    return Array.from({ length: grid.columnCount }, (_, c) => (wide.has(grid.originColumnIndex + c) ? WIDE_COLUMN_WIDTH : COLUMN_WIDTH));
  }, [grid, table]);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const selectedHere = grid && props.selected?.sheet === grid.sheet ? props.selected.address : undefined;

  // Bring the selected cell into view: the row through the list, the column by scrolling
  // the horizontal scroller.
  useEffect(() => {
    if (!grid || selectedHere === undefined) return;
    const at = parseA1(selectedHere);
    if (!at) return;
    const index = at.rowIndex - grid.originRowIndex;
    if (index >= 0 && index < grid.values.length) listRef.current?.scrollToRow({ index, align: "center" });
    const box = scroller.current;
    if (box) {
      const c = at.columnIndex - grid.originColumnIndex;
      const left = ROW_HEADER_WIDTH + widths.slice(0, Math.max(0, c)).reduce((a, b) => a + b, 0);
      const right = left + (widths[c] ?? COLUMN_WIDTH);
      if (left < box.scrollLeft + ROW_HEADER_WIDTH || right > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, left - ROW_HEADER_WIDTH);
    }
  }, [grid, selectedHere, widths, listRef]);

  if (!grid) {
    return (
      <div className={styles.root} data-testid="preview-grid" aria-label={t.previewGrid}>
        <Text className={styles.empty}>{t.previewEmpty}</Text>
      </div>
    );
  }

  const headerRowIndex = table ? table.headerRow - 1 : undefined;
  return (
    <div className={styles.root} data-testid="preview-grid" data-sheet={grid.sheet} role="grid" aria-label={t.withDetail(t.previewGrid, grid.sheet)} aria-rowcount={grid.values.length}>
      <div className={styles.scroller} ref={scroller}>
        <div className={mergeClasses(styles.row, styles.letters)} style={{ width: totalWidth }} role="row">
          <div className={mergeClasses(styles.cell, styles.rowHeader)} style={{ width: ROW_HEADER_WIDTH }} role="columnheader" />
          {widths.map((width, c) => (
            <div key={c} className={styles.cell} style={{ width, textAlign: "center" }} role="columnheader">
              {indexToLetters(grid.originColumnIndex + c)}
            </div>
          ))}
        </div>
        <List
          listRef={listRef}
          style={{ width: totalWidth, flexGrow: 1, overflowX: "hidden" }}
          rowComponent={GridRow}
          rowCount={grid.values.length}
          rowHeight={ROW_HEIGHT}
          defaultHeight={560}
          overscanCount={6}
          rowProps={{ grid, widths, flags, headerRowIndex, selected: selectedHere, styles, onCell: props.onCell, version: props.version }}
        />
      </div>
      <Text size={200} className={styles.caption}>
        {`${grid.sheet} · ${t.gridRows(grid.values.length)}`}
      </Text>
    </div>
  );
}
