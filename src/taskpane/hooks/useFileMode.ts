import { useCallback, useState, useSyncExternalStore } from "react";
import { isInstructionsSheet } from "../../core/instructionsSheet";
import type { FileHost, FileSheet, GridData } from "../../workbook/fileHost";
import type { UiStrings } from "../i18n";
import { messageForError } from "../model/paneMessage";
import type { Checker } from "./useChecker";

export interface FileMode {
  opening: boolean;
  fileName?: string;
  sheets: readonly FileSheet[];
  chosen?: string;
  grid?: GridData;
  /** Bumped whenever the host's grid data or selection changes (fixes write into it). */
  version: number;
  open(file: File): Promise<void>;
  choose(sheet: string): Promise<void>;
  /** 校验: with no sheet open it says so (the host's refusal would be titled 未找到绩效目标表). */
  check(): Promise<void>;
}

/** The first sheet a person would check: the first visible one that is no instructions sheet
 * (填报说明 first, then the table: the command line passes over the same sheets). */
export function defaultSheet(sheets: readonly FileSheet[]): string | undefined {
  const visible = sheets.filter((s) => s.state === "visible");
  return (visible.find((s) => !isInstructionsSheet(s.name)) ?? visible[0] ?? sheets[0])?.name;
}

/** Open → choose a sheet → check, each step reported through the checker's message bar. */
export function useFileMode(host: FileHost, checker: Checker, t: UiStrings): FileMode {
  const [opening, setOpening] = useState(false);
  const version = useSyncExternalStore(host.subscribe, host.version, host.version);
  const { check, showMessage, reset } = checker;

  const choose = useCallback(
    async (sheet: string) => {
      try {
        await host.chooseSheet(sheet);
      } catch (e) {
        showMessage(messageForError(e, t));
        return;
      }
      await check();
    },
    [host, check, showMessage, t],
  );

  const open = useCallback(
    async (file: File) => {
      // The host forgets the old file (sheets, grid) at once: its counts and issues go too,
      // whether or not the new file can be read.
      reset();
      setOpening(true);
      showMessage(undefined);
      let sheets: FileSheet[];
      try {
        sheets = await host.openFile(file, file.name);
      } catch (e) {
        showMessage(messageForError(e, t));
        return;
      } finally {
        setOpening(false);
      }
      showMessage({ intent: "info", text: t.openedFile(file.name, sheets.length) });
      const first = defaultSheet(sheets);
      if (first !== undefined) await choose(first);
    },
    [host, choose, showMessage, reset, t],
  );

  const checkOpen = useCallback(async () => {
    if (host.snapshot() === undefined) showMessage({ intent: "warning", title: t.noFileOpenTitle, text: t.noFileOpen });
    else await check();
  }, [host, check, showMessage, t]);

  const fileName = host.fileName();
  const chosen = host.chosenSheet();
  const grid = host.snapshot();
  return {
    opening,
    ...(fileName !== undefined ? { fileName } : {}),
    sheets: host.sheets(),
    ...(chosen !== undefined ? { chosen } : {}),
    ...(grid !== undefined ? { grid } : {}),
    version,
    open,
    choose,
    check: checkOpen,
  };
}
