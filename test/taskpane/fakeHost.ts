import type { AppliedFixes, Host, HostRun, Progress, Settings } from "../../src/app/host";
import type { Issue } from "../../src/core/model";
import type { CellEdit } from "../../src/core/plan";
import { runOf, SEED_ISSUES } from "./fixtures";

export interface Call {
  method: string;
  args: unknown[];
}

/** A Host as a plain object that records every call; each behaviour can be replaced. */
export interface FakeHost extends Host {
  calls: Call[];
  callsTo(method: string): unknown[][];
  /** Simulate the user moving to a cell in the sheet. */
  moveTo(sheet: string, address: string): void;
  check: Host["check"];
  previewFixes: Host["previewFixes"];
  applyFixes: Host["applyFixes"];
  saveSettings: Host["saveSettings"];
  loadSettings: Host["loadSettings"];
}

/** The edit a fix makes to E6 of the seed (the text is shortened to the part that matters). */
export const E6_EDIT: CellEdit = {
  sheet: "项目支出绩效目标表",
  cell: "E6",
  rowIndex: 5,
  columnIndex: 4,
  before: "5、效益指标：党代表基层联系群众工作指标，合格。",
  after: "5、效益指标：党代表基层联系群众工作指标，年度指标值：合格。",
  codes: ["value_label_missing"],
};

export function createFakeHost(run: HostRun = runOf(SEED_ISSUES)): FakeHost {
  const calls: Call[] = [];
  let listener: ((sheet: string, address: string) => void) | undefined;
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const host: FakeHost = {
    kind: "excel",
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    moveTo: (sheet, address) => listener?.(sheet, address),
    async check(settings: Settings, onProgress: (p: Progress) => void, signal: AbortSignal) {
      record("check", settings, signal);
      onProgress({ phase: "check", fraction: 0.5 });
      return run;
    },
    async selectCell(sheet, address) {
      record("selectCell", sheet, address);
    },
    async clearMarks() {
      record("clearMarks");
    },
    async writeSummary(r) {
      record("writeSummary", r);
    },
    async exportCleaned(settings) {
      record("exportCleaned", settings);
    },
    async previewFixes(issues: readonly Issue[]) {
      record("previewFixes", issues);
      return issues.some((i) => i.cell === "E6") ? [E6_EDIT] : [];
    },
    async applyFixes(edits: readonly CellEdit[]): Promise<AppliedFixes> {
      record("applyFixes", edits);
      return { edits: [...edits] };
    },
    async undoFixes(applied) {
      record("undoFixes", applied);
    },
    async loadSettings() {
      record("loadSettings");
      return undefined;
    },
    async saveSettings(settings) {
      record("saveSettings", settings);
    },
    onSelectionChanged(l) {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
  };
  return host;
}
