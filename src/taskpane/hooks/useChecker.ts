import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppliedFixes, Host, HostRun, Progress, Settings } from "../../app/host";
import type { Counts, Issue, Lang } from "../../core/model";
import type { CellEdit } from "../../core/plan";
import type { UiStrings } from "../i18n";
import { issueKey } from "../model/issueRows";
import { isCancellation, messageForError, type PaneMessage } from "../model/paneMessage";

/** What is running: buttons are disabled while anything is, the check shows progress. */
export type Busy = "check" | "fix" | "marks" | "summary" | "export" | "download";

interface AppliedStep {
  applied: AppliedFixes;
  /** The issue list before these fixes, restored by undo. */
  issuesBefore: Issue[];
}

export interface Checker {
  busy?: Busy;
  progress?: Progress;
  run?: HostRun;
  /** The run's issues minus those fixed since. */
  issues: Issue[];
  counts?: Counts;
  message?: PaneMessage;
  /** Polite screen-reader announcement of the last outcome. */
  announcement: string;
  canUndo: boolean;
  check(): Promise<void>;
  cancel(): void;
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
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<PaneMessage>();
  const [announcement, setAnnouncement] = useState("");
  const [steps, setSteps] = useState<AppliedStep[]>([]);
  const controller = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);

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
      setAnnouncement(m.title ? `${m.title}：${m.text}` : m.text);
    },
    [t],
  );

  const check = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setBusy("check");
    setProgress({ phase: "read" });
    setMessage(undefined);
    try {
      const options = { ...settings.options, lang };
      const running = host.check(
        { ...settings, options },
        (p) => {
          if (!abort.signal.aborted && mounted.current) setProgress(p);
        },
        abort.signal,
      );
      // 取消 frees the pane at once, even if the host finishes its current step first.
      const result = await Promise.race([running, rejectOnAbort(abort.signal)]);
      if (abort.signal.aborted) throw abortError();
      if (!mounted.current) return;
      setRun(result);
      setIssues(result.report.issues);
      setSteps([]);
      setAnnouncement(t.checkDone(result.report.counts));
      if (result.failures.length > 0) {
        setMessage({ intent: "warning", title: t.failedSheets, text: result.failures.map((f) => `${f.sheet}：${f.message}`).join("；") });
      }
    } catch (e) {
      // A cancelled run keeps the previous results on screen.
      if (isCancellation(e) || abort.signal.aborted) {
        if (mounted.current) {
          setMessage({ intent: "info", text: t.checkCancelled, kind: "cancelled" });
          setAnnouncement(t.checkCancelled);
        }
      } else fail(e);
    } finally {
      if (controller.current === abort) controller.current = undefined;
      if (mounted.current) {
        setBusy(undefined);
        setProgress(undefined);
      }
    }
  }, [host, settings, lang, t, fail]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const perform = useCallback(
    async (kind: Busy, action: () => Promise<string | undefined>) => {
      setBusy(kind);
      setMessage(undefined);
      try {
        const done = await action();
        if (done !== undefined && mounted.current) {
          setMessage({ intent: "success", text: done });
          setAnnouncement(done);
        }
      } catch (e) {
        fail(e);
      } finally {
        if (mounted.current) setBusy(undefined);
      }
    },
    [fail],
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
        await host.writeSummary({ ...run, report: { ...run.report, issues } });
        return t.summaryWritten;
      }),
    [host, perform, run, issues, t],
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
        setSteps((s) => [...s, { applied, issuesBefore: issues }]);
        setIssues(issues.filter((i) => !gone.has(issueKey(i))));
        const skipped = edits.length - applied.edits.length;
        return skipped > 0 ? `${t.fixesApplied(applied.edits.length)}${t.fixesSkipped(skipped)}` : t.fixesApplied(applied.edits.length);
      }),
    [host, perform, issues, t],
  );

  const undo = useCallback(
    () =>
      perform("fix", async () => {
        const last = steps[steps.length - 1];
        if (!last) return undefined;
        await host.undoFixes(last.applied);
        setSteps(steps.slice(0, -1));
        setIssues(last.issuesBefore);
        return t.fixesUndone;
      }),
    [host, perform, steps, t],
  );

  const counts = useMemo<Counts | undefined>(() => {
    if (!run) return undefined;
    const c: Counts = { error: 0, warning: 0, info: 0 };
    for (const i of issues) c[i.severity]++;
    return c;
  }, [run, issues]);

  return {
    ...(busy !== undefined ? { busy } : {}),
    ...(progress !== undefined ? { progress } : {}),
    ...(run !== undefined ? { run } : {}),
    issues,
    ...(counts !== undefined ? { counts } : {}),
    ...(message !== undefined ? { message } : {}),
    announcement,
    canUndo: steps.length > 0,
    check,
    cancel,
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
