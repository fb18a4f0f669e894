import type { Lang } from "../core/model";

/** The ribbon command's result dialog, in both languages (the counts' words and the button). */
export interface DialogStrings {
  doneTitle: string;
  failedTitle: string;
  error: string;
  warning: string;
  info: string;
  highlighted: string;
  openPane: string;
  ok: string;
}

export const DIALOG_STRINGS: Record<Lang, DialogStrings> = {
  zh: {
    doneTitle: "校验完成",
    failedTitle: "无法校验",
    error: "错误",
    warning: "警告",
    info: "提示",
    highlighted: "有问题的单元格已标红（错误）或标黄（警告）。",
    openPane: "逐条原因和修改建议请在“校验面板”中查看。",
    ok: "确定",
  },
  en: {
    doneTitle: "Check complete",
    failedTitle: "Could not check",
    error: "Errors",
    warning: "Warnings",
    info: "Notes",
    highlighted: "Cells with problems are coloured: red for errors, yellow for warnings.",
    openPane: "Open the Checker Pane for each problem's reason and suggested fix.",
    ok: "OK",
  },
};
