import { useCallback, useEffect, useRef, useState } from "react";
import type { AppliedFixes, Host, HostRun, Progress, Settings } from "../../app/host";
import type { Counts, Issue, Lang } from "../../core/model";
import type { CellEdit } from "../../core/plan";
import type { UiStrings } from "../i18n";
import { EMPTY_INDEX, indexIssuesInSlices, type IssueIndex } from "../model/issueIndex";
import { issueKey } from "../model/issueRows";
import { isCancellation, messageForError, paneText, type PaneMessage, type PaneText } from "../model/paneMessage";

/** What is running: buttons are disabled while anything is, the check shows progress. */
export type Busy = "check" | "fix" | "marks" | "summary" | "export" | "download";

interface AppliedStep {
  applied: AppliedFixes;
  /** The issues (and what derives from them) before these fixes, restored by undo. */
  before: IssueIndex;
}

/** Progress re-renders the pane: at most this often while a big result is indexed. */
const PROGRESS_INTERVAL_MS = 100;

export interface Checker {
  busy?: Busy;
  progress?: Progress;
  run?: HostRun;
  /** The run's issues minus those fixed since. */
  issues: readonly Issue[];
  /** What the pane derives from `issues` (counts, grid colours, list rows), built in slices. */
  index: IssueIndex;
  counts?: Counts;
  message?: PaneMessage;
  /** Polite screen-reader announcement of the last outcome. */
  announcement: string;
  canUndo: boolean;
  check(): Promise<void>;
  cancel(): void;
  /** Forget the results (a new file is being opened): stops a running check silently. */
  reset(): void;
  clearMarks(): Promise<void>;
  writeSummary(): Promise<void>;
  exportCleaned(): Promise<void>;
  /** The edits the fixes of these issues would make (for the preview dialog). */
  previewFixes(issues: readonly Issue[]): Promise<CellEdit[] | undefined>;
  applyFixes(edits: readonly CellEdit[], fixed: readonly Issue[]): Promise<void>;
  undo(): Promise<void>;
  /** Run any host action with the same busy flag and error handling (file-mode downloads). */
  perform(busy: Busy, action: () => Promise<string | undefined>): Promise<void>;
  showMessage(message: PaneMessage | undefined): void;
}

export function useChecker(host: Host, settings: Settings, lang: Lang, t: UiStrings): Checker {
  const [busy, setBusy] = useState<Busy>();
  const [progress, setProgress] = useState<Progress>();
  const [run, setRun] = useState<HostRun>();
  const [index, setIndex] = useState<IssueIndex>(EMPTY_INDEX);
  const [message, setMessage] = useState<PaneMessage>();
  // Kept unworded where it can be, so the last outcome reads in a language chosen since.
  const [announcement, setAnnouncement] = useState<PaneText>("");
  const announce = useCallback((text: PaneText) => setAnnouncement(() => text), []);
  const [steps, setSteps] = useState<AppliedStep[]>([]);
  const controller = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);
  /** Bumped by every check and reset: only the latest may touch the pane's state (an
   * aborted check settles after the next one has started). */
  const generation = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const fail = useCallback(
    (e: unknown) => {
      if (!mounted.current) return;
      const m = messageForError(e, t);
      setMessage(m);
      announce(m.title ? t.withDetail(m.title, paneText(m.text, t)) : m.text);
    },
    [t, announce],
  );

  const check = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const mine = ++generation.current;
    const current = () => mounted.current && generation.current === mine;
    setBusy("check");
    setProgress({ phase: "read" });
    setMessage(undefined);
    try {
      const options = { ...settings.options, lang };
      const running = host.check(
        { ...settings, options },
        (p) => {
          if (!abort.signal.aborted && current()) setProgress(p);
        },
        abort.signal,
      );
      // 取消 frees the pane at once, even if the host finishes its current step first.
      const result = await Promise.race([running, rejectOnAbort(abort.signal)]);
      if (abort.signal.aborted) throw abortError();
      if (!current()) return;
      // Hundreds of thousands of issues are indexed a slice per task, the progress bar
      // (and its 取消) still up, so the page never freezes on a big result.
      let shown = 0;
      const next = await indexIssuesInSlices(result.report.issues, {
        signal: abort.signal,
        onProgress: (fraction) => {
          const now = Date.now();
          if (now - shown < PROGRESS_INTERVAL_MS || !current()) return;
          shown = now;
          setProgress({ phase: "check", fraction });
        },
      });
      if (!current()) return;
      setRun(result);
      setIndex(next);
      setSteps([]);
      const { counts } = result.report;
      announce((s) => s.checkDone(counts));
      if (result.failures.length > 0) {
        setMessage({ intent: "warning", title: t.failedSheets, text: result.failures.map((f) => t.withDetail(f.sheet, f.message)).join(t.listSeparator) });
      }
    } catch (e) {
      if (!current()) return;
      // A cancelled run keeps the previous results on screen.
      if (isCancellation(e) || abort.signal.aborted) {
        setMessage({ intent: "info", text: t.checkCancelled, kind: "cancelled" });
        announce((s) => s.checkCancelled);
      } else fail(e);
    } finally {
      if (controller.current === abort) controller.current = undefined;
      if (current()) {
        setBusy(undefined);
        setProgress(undefined);
      }
    }
  }, [host, settings, lang, t, fail, announce]);

  const reset = useCallback(() => {
    generation.current++;
    controller.current?.abort();
    controller.current = undefined;
    setBusy(undefined);
    setProgress(undefined);
    setRun(undefined);
    setIndex(EMPTY_INDEX);
    setSteps([]);
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const perform = useCallback(
    async (kind: Busy, action: () => Promise<string | undefined>) => {
      setBusy(kind);
      setMessage(undefined);
      try {
        const done = await action();
        if (done !== undefined && mounted.current) {
          setMessage({ intent: "success", text: done });
          announce(done);
        }
      } catch (e) {
        fail(e);
      } finally {
        if (mounted.current) setBusy(undefined);
      }
    },
    [fail, announce],
  );

  const clearMarks = useCallback(
    () =>
      perform("marks", async () => {
        await host.clearMarks();
        return t.marksCleared;
      }),
    [host, perform, t],
  );

  const writeSummary = useCallback(
    () =>
      perform("summary", async () => {
        if (!run) return undefined;
        await host.writeSummary({ ...run, report: { ...run.report, issues: [...index.issues] } });
        return t.summaryWritten;
      }),
    [host, perform, run, index, t],
  );

  const exportCleaned = useCallback(
    () =>
      perform("export", async () => {
        await host.exportCleaned({ ...settings, options: { ...settings.options, lang } });
        return t.cleanedExported;
      }),
    [host, perform, settings, lang, t],
  );

  const previewFixes = useCallback(
    async (of: readonly Issue[]) => {
      try {
        return await host.previewFixes(of);
      } catch (e) {
        fail(e);
        return undefined;
      }
    },
    [host, fail],
  );

  const applyFixes = useCallback(
    (edits: readonly CellEdit[], fixed: readonly Issue[]) =>
      perform("fix", async () => {
        const applied = await host.applyFixes(edits);
        // Only cells the host really changed count as fixed: it skips cells edited meanwhile.
        const changed = new Set(applied.edits.map((e) => `${e.sheet}\u0001${e.cell}`));
        const gone = new Set(fixed.filter((i) => changed.has(`${i.sheet}\u0001${i.cell}`)).map(issueKey));
        const next = await indexIssuesInSlices(gone.size === 0 ? index.issues : index.issues.filter((i) => !(changed.has(`${i.sheet}\u0001${i.cell}`) && gone.has(issueKey(i)))));
        setSteps((s) => [...s, { applied, before: index }]);
        setIndex(next);
        const skipped = edits.length - applied.edits.length;
        return skipped > 0 ? `${t.fixesApplied(applied.edits.length)}${t.fixesSkipped(skipped)}` : t.fixesApplied(applied.edits.length);
      }),
    [host, perform, index, t],
  );

  const undo = useCallback(
    () =>
      perform("fix", async () => {
        const last = steps[steps.length - 1];
        if (!last) return undefined;
        await host.undoFixes(last.applied);
        setSteps(steps.slice(0, -1));
        setIndex(last.before);
        return t.fixesUndone;
      }),
    [host, perform, steps, t],
  );

  const counts = run ? index.counts : undefined;

  return {
    ...(busy !== undefined ? { busy } : {}),
    ...(progress !== undefined ? { progress } : {}),
    ...(run !== undefined ? { run } : {}),
    issues: index.issues,
    index,
    ...(counts !== undefined ? { counts } : {}),
    ...(message !== undefined ? { message } : {}),
    announcement: paneText(announcement, t),
    canUndo: steps.length > 0,
    check,
    cancel,
    reset,
    clearMarks,
    writeSummary,
    exportCleaned,
    previewFixes,
    applyFixes,
    undo,
    perform,
    showMessage: setMessage,
  };
}

function abortError(): Error {
  const e = new Error("aborted");
  e.name = "AbortError";
  return e;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortError());
    else signal.addEventListener("abort", () => reject(abortError()), { once: true });
  });
}
