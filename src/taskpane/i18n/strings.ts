import type { ColumnRole, Counts, Severity } from "../../core/model";
import type { HostErrorKind, Progress } from "../../app/host";

/**
 * Every text the task pane shows, by key. Both catalogs are typed against this interface,
 * so a key missing from either language fails to compile. Rule titles, explanations and
 * issue messages come from the core catalog (src/core/messages), not from here.
 */
export interface UiStrings {
  appTitle: string;
  // punctuation: Chinese joins with full-width marks, English with ASCII ones
  /** "全部自动修复（9）" / "Fix all automatically (9)". */
  withCount: (label: string, n: number) => string;
  /** "表格预览：Sheet1" / "Table preview: Sheet1". */
  withDetail: (label: string, detail: string) => string;
  listSeparator: string;
  // actions
  check: string;
  checkHint: string;
  /** File mode checks the chosen sheet whole: there is no selection. */
  checkHintFile: string;
  cancel: string;
  clearMarks: string;
  writeSummary: string;
  exportCleaned: string;
  settings: string;
  actionsLabel: string;
  // progress and results
  phase: Record<Progress["phase"], string>;
  progressLabel: string;
  /** A severity as a filter or a count (English: plural). */
  severity: Record<Severity, string>;
  /** One issue's severity, on its badge (English: singular). */
  severityOne: Record<Severity, string>;
  countsLabel: (counts: Counts) => string;
  checkDone: (counts: Counts) => string;
  checkCancelled: string;
  notChecked: string;
  noIssues: string;
  noIssuesMatch: string;
  failedSheets: string;
  marksCleared: string;
  summaryWritten: string;
  cleanedExported: string;
  // filters
  filterSeverity: string;
  filterRule: string;
  allRules: string;
  rulesSelected: (n: number) => string;
  clearFilters: string;
  // issue list
  issueList: string;
  issueListHint: string;
  rowGroup: (sheet: string, rowNumber: number, count: number) => string;
  issueLabel: (severity: string, cell: string, message: string) => string;
  item: (n: number) => string;
  explanation: string;
  explanationFor: (cell: string) => string;
  // fixes
  previewFix: string;
  applyFix: string;
  applyAllFixes: string;
  undoFixes: string;
  fixPreviewTitle: string;
  allFixesPreviewTitle: (cells: number) => string;
  before: string;
  after: string;
  moreEdits: (n: number) => string;
  noAutoFixes: string;
  noEditsToApply: string;
  fixesApplied: (cells: number) => string;
  fixesSkipped: (cells: number) => string;
  fixesUndone: string;
  close: string;
  // the selected cell
  currentCell: (address: string) => string;
  currentCellClean: string;
  // errors
  errorTitle: Record<HostErrorKind, string>;
  unexpectedError: (detail: string) => string;
  dismiss: string;
  // settings
  settingsTitle: string;
  save: string;
  settingsSaved: string;
  resetDefaults: string;
  sectionGeneral: string;
  sectionColumns: string;
  sectionRules: string;
  language: string;
  languageAuto: string;
  profile2021: string;
  profile2021Hint: string;
  highlightAfterCheck: string;
  headerRow: string;
  headerRowHint: string;
  columnHint: string;
  columnInvalid: string;
  headerRowInvalid: string;
  detectedColumn: (letter: string) => string;
  role: Record<ColumnRole, string>;
  ruleSettingDefault: (severity: string) => string;
  ruleOff: string;
  // file mode
  fileModeTitle: string;
  openFile: string;
  dropHint: string;
  dropActive: string;
  privacyNote: string;
  opening: string;
  openedFile: (name: string, sheets: number) => string;
  sheet: string;
  hiddenSheet: string;
  downloadCleaned: string;
  downloadAnnotated: string;
  downloadJson: string;
  downloadsLabel: string;
  downloaded: (fileName: string) => string;
  previewGrid: string;
  previewEmpty: string;
  gridRows: (rows: number) => string;
  notXlsxName: string;
  // file mode: why a sheet could not be checked (the worker reports kinds)
  /** Appended to "no header" failures: where the user sets the header row and columns. */
  tableSettingsHint: string;
  noFileOpen: string;
  noFileOpenTitle: string;
  staleFix: string;
}
