import { readDialogUrl } from "../../src/dialog/dialogModel";
import { DIALOG_STRINGS } from "../../src/dialog/messages";

/** The ribbon dialog reads what src/commands/commands.ts `dialogUrl` wrote. */

test("a finished check: counts, highlight flag, language and message", () => {
  expect(readDialogUrl("?e=1&w=2&i=30&h=1&lang=en&m=Found+1+error")).toEqual({
    kind: "done",
    lang: "en",
    counts: { error: 1, warning: 2, info: 30 },
    highlighted: true,
    message: "Found 1 error",
  });
});

test("a check that could not run: its kind and message; Chinese unless told otherwise", () => {
  expect(readDialogUrl("?kind=protectedSheet&m=%E5%B7%A5%E4%BD%9C%E8%A1%A8%E5%8F%97%E4%BF%9D%E6%8A%A4")).toEqual({
    kind: "failed",
    lang: "zh",
    reason: "protectedSheet",
    message: "工作表受保护",
  });
});

test("nonsense counts read as zero rather than NaN", () => {
  expect(readDialogUrl("?e=-3&w=abc&i=1.5")).toMatchObject({ counts: { error: 0, warning: 0, info: 0 }, highlighted: false });
});

test("both languages word the same things", () => {
  expect(Object.keys(DIALOG_STRINGS.en).sort()).toEqual(Object.keys(DIALOG_STRINGS.zh).sort());
});
