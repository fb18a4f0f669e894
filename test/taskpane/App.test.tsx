/** @jest-environment jsdom */
import "./domPolyfills";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HostError, type HostRun, type Settings } from "../../src/app/host";
import type { Lang } from "../../src/core/model";
import { ruleTitle } from "../../src/core/messages/index";
import { App } from "../../src/taskpane/components/App";
import { createFakeHost, E6_EDIT, type FakeHost } from "./fakeHost";
import type { Issue } from "../../src/core/model";
import { categoryUnknown, labelMissing, runOf, SEED_ISSUES, SHEET } from "./fixtures";

function renderApp(host: FakeHost, lang?: Lang) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} {...(lang ? { lang } : {})} />
    </FluentProvider>,
  );
}

async function checkNow() {
  fireEvent.click(screen.getByTestId("check-button"));
  await screen.findByTestId("issue-list");
}

/** The seed's issues on `rows` sheet rows (6, 7, …): more than the list draws at once. */
function manyIssues(rows: number): Issue[] {
  const out: Issue[] = [];
  for (let r = 0; r < rows; r++) {
    const rowNumber = 6 + r;
    for (const issue of SEED_ISSUES) out.push({ ...issue, cell: `E${rowNumber}`, rowNumber });
  }
  return out;
}

async function switchLanguage(lang: Lang) {
  fireEvent.click(screen.getByTestId("settings-button"));
  fireEvent.change(await screen.findByTestId("language-select"), { target: { value: lang } });
  fireEvent.click(screen.getByTestId("save-settings"));
  await waitFor(() => expect(screen.queryByTestId("save-settings")).toBeNull());
}

const items = () => screen.getAllByTestId("issue-item");
const cellsShown = () => items().map((el) => `${el.getAttribute("data-cell")} ${el.getAttribute("data-code")}`);

describe("the task pane in Excel", () => {
  test("校验 shows the counts by severity and announces them", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    expect(screen.getByTestId("count-error").textContent).toBe("1");
    expect(screen.getByTestId("count-warning").textContent).toBe("2");
    expect(screen.getByTestId("count-info").textContent).toBe("1");
    expect(screen.getByTestId("live-region").textContent).toBe("校验完成：1 个错误，2 个警告，1 个提示。");
    // The check runs in the pane's language.
    const [settings] = host.callsTo("check")[0] as [Settings];
    expect(settings.options.lang).toBe("zh");
  });

  test("the list groups issues by sheet row", async () => {
    renderApp(createFakeHost());
    await checkNow();
    const groups = screen.getAllByTestId("issue-group").map((g) => g.textContent);
    expect(groups).toEqual([`${SHEET} 第 6 行（2 个问题）`, `${SHEET} 第 7 行（1 个问题）`, `${SHEET} 第 8 行（1 个问题）`]);
  });

  test("severity toggles hide and show a severity", async () => {
    renderApp(createFakeHost());
    await checkNow();
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(cellsShown()).toEqual(["E6 value_normalized", "E7 category_unknown"]);
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(items()).toHaveLength(4);
  });

  test("the rule filter keeps only the chosen rule", async () => {
    renderApp(createFakeHost());
    await checkNow();
    fireEvent.click(screen.getByTestId("rule-filter"));
    // A multiselect Dropdown lists its options as checkable menu items.
    const option = await screen.findByRole("menuitemcheckbox", { name: `${ruleTitle("category_unknown", "zh")}（1）` });
    fireEvent.click(option);
    await waitFor(() => expect(cellsShown()).toEqual(["E7 category_unknown"]));
    fireEvent.click(screen.getByTestId("clear-filters"));
    await waitFor(() => expect(items()).toHaveLength(4));
  });

  test("clicking an issue selects its cell in the sheet", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    const e7 = items().find((el) => el.getAttribute("data-cell") === "E7")!;
    fireEvent.click(e7);
    expect(host.callsTo("selectCell")).toEqual([[SHEET, "E7"]]);
    expect(e7.getAttribute("data-selected")).toBe("true");
  });

  test("a fix is previewed, applied, and undone", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    const e6Label = items().find((el) => el.getAttribute("data-code") === "value_label_missing")!;
    fireEvent.click(within(e6Label).getByTestId("fix-button"));
    const dialog = await screen.findByTestId("fix-dialog");
    expect(host.callsTo("previewFixes")).toEqual([[[labelMissing]]]);
    expect(within(dialog).getByTestId("fix-after").textContent).toBe(E6_EDIT.after);

    fireEvent.click(within(dialog).getByTestId("apply-fix"));
    await waitFor(() => expect(screen.getByTestId("count-warning").textContent).toBe("1"));
    expect(host.callsTo("applyFixes")).toEqual([[[E6_EDIT]]]);
    expect(cellsShown()).not.toContain("E6 value_label_missing");
    expect(screen.getByTestId("error-bar").textContent).toContain("已修复 1 个单元格");

    fireEvent.click(screen.getByTestId("undo-fixes"));
    await waitFor(() => expect(screen.getByTestId("count-warning").textContent).toBe("2"));
    expect(host.callsTo("undoFixes")).toEqual([[{ edits: [E6_EDIT] }]]);
    expect(cellsShown()).toContain("E6 value_label_missing");
  });

  test("全部自动修复 previews the auto-fixes only", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    fireEvent.click(screen.getByTestId("apply-all-fixes"));
    await screen.findByTestId("fix-dialog");
    const [issues] = host.callsTo("previewFixes")[0] as [{ code: string }[]];
    expect(issues.map((i) => i.code).sort()).toEqual(["value_label_missing", "value_normalized"]);
  });

  test("settings are saved with the host and used by the next check", async () => {
    const host = createFakeHost();
    renderApp(host);
    fireEvent.click(screen.getByTestId("settings-button"));
    const profile = await screen.findByTestId("profile-2021");
    fireEvent.click(profile);
    fireEvent.change(screen.getByTestId("header-row-input"), { target: { value: "5" } });
    fireEvent.change(screen.getByTestId("column-indicators"), { target: { value: "e" } });
    fireEvent.change(screen.getByTestId("rule-unit_missing"), { target: { value: "off" } });
    fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(host.callsTo("saveSettings")).toHaveLength(1));
    const [saved] = host.callsTo("saveSettings")[0] as [Settings];
    expect(saved.options).toEqual({ profile: "2021", rules: { unit_missing: "off" }, table: { headerRowNumber: 5, columns: { indicators: 4 } } });
    expect(saved.highlight).toBe(true);

    await waitFor(() => expect(screen.queryByTestId("save-settings")).toBeNull());
    await checkNow();
    const [used] = host.callsTo("check")[0] as [Settings];
    expect(used.options.profile).toBe("2021");
  });

  test("the settings show every category column as the detected indicator columns", async () => {
    const run = runOf(SEED_ISSUES);
    const sheet = run.report.sheets[0]!;
    run.report.sheets[0] = {
      ...sheet,
      indicatorColumns: [
        { column: "E", header: "产出指标" },
        { column: "F", header: "效益指标" },
        { column: "G", header: "满意度指标" },
      ],
    };
    const host = createFakeHost(run);
    renderApp(host);
    await checkNow();
    fireEvent.click(screen.getByTestId("settings-button"));
    expect((await screen.findByTestId("column-indicators")).getAttribute("placeholder")).toBe("E,F,G");
    expect(screen.getByTestId("column-project").getAttribute("placeholder")).toBe("C");
  });

  test("a bad column letter cannot be saved", async () => {
    const host = createFakeHost();
    renderApp(host);
    fireEvent.click(screen.getByTestId("settings-button"));
    fireEvent.change(await screen.findByTestId("column-indicators"), { target: { value: "E5" } });
    expect(screen.getByText("请填写 1 至 3 个英文字母，如 E 或 AB。")).toBeTruthy();
    expect((screen.getByTestId("save-settings") as HTMLButtonElement).disabled).toBe(true);
  });

  test("a host failure is a message bar in Chinese with the right intent", async () => {
    const host = createFakeHost();
    host.check = async () => {
      throw new HostError("protectedSheet", "工作表受保护，请先撤销保护后再校验。");
    };
    renderApp(host);
    fireEvent.click(screen.getByTestId("check-button"));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("工作表受保护");
    expect(bar.textContent).toContain("请先撤销保护后再校验。");
    expect(bar.getAttribute("data-intent")).toBe("error");
    expect(bar.getAttribute("data-kind")).toBe("protectedSheet");
  });

  test("a cell being edited is a warning, not an error", async () => {
    const host = createFakeHost();
    host.check = async () => {
      throw new HostError("cellEditMode", "请先按 Enter 或 Esc 结束单元格编辑。");
    };
    renderApp(host);
    fireEvent.click(screen.getByTestId("check-button"));
    expect((await screen.findByTestId("error-bar")).getAttribute("data-intent")).toBe("warning");
  });

  test("取消 aborts the signal the host was given", async () => {
    const host = createFakeHost();
    let signal: AbortSignal | undefined;
    host.check = (_s, onProgress, s) => {
      signal = s;
      onProgress({ phase: "read" });
      return new Promise<HostRun>(() => undefined);
    };
    renderApp(host);
    fireEvent.click(screen.getByTestId("check-button"));
    fireEvent.click(await screen.findByTestId("cancel-button"));
    expect(signal?.aborted).toBe(true);
    expect((await screen.findByTestId("error-bar")).textContent).toContain("已取消校验");
    expect(screen.queryByTestId("cancel-button")).toBeNull();
    expect((screen.getByTestId("check-button") as HTMLButtonElement).disabled).toBe(false);
  });

  test("arrow keys move through the issues and Enter selects the cell", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    const first = items()[0]!;
    expect(first.tabIndex).toBe(0);
    expect(items()[1]!.tabIndex).toBe(-1);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-code")).toBe("value_label_missing"));
    // Down again skips the row heading to the next row's issue.
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe("E7"));
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(host.callsTo("selectCell")).toEqual([[SHEET, "E7"]]);
    fireEvent.keyDown(document.activeElement!, { key: "Home" });
    await waitFor(() => expect(document.activeElement).toBe(items()[0]));
  });

  test("End focuses the last issue once the list has scrolled to it (the row that had focus is gone)", async () => {
    const issues = manyIssues(30);
    renderApp(createFakeHost(runOf(issues)));
    await checkNow();
    const last = issues[issues.length - 1]!;
    expect(items().some((el) => el.getAttribute("data-cell") === last.cell)).toBe(false);
    act(() => items()[0]!.focus());
    fireEvent.keyDown(items()[0]!, { key: "End" });
    // The browser answers the list's scrollTo with a scroll event; the rows are drawn then.
    fireEvent.scroll(screen.getByTestId("issue-list"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe(last.cell));
    expect(document.activeElement?.getAttribute("data-code")).toBe(last.code);
    fireEvent.keyDown(document.activeElement!, { key: "Home" });
    fireEvent.scroll(screen.getByTestId("issue-list"));
    await waitFor(() => expect(document.activeElement).toBe(items()[0]));
  });

  test("after 应用修复 the focus goes to the issue now in the fixed one's place, not to the page", async () => {
    renderApp(createFakeHost());
    await checkNow();
    const e6Label = items().find((el) => el.getAttribute("data-code") === "value_label_missing")!;
    const fix = within(e6Label).getByTestId("fix-button");
    act(() => fix.focus());
    fireEvent.click(fix);
    fireEvent.click(within(await screen.findByTestId("fix-dialog")).getByTestId("apply-fix"));
    await waitFor(() => expect(screen.queryByTestId("fix-dialog")).toBeNull());
    // E6's label issue is gone; the next issue in the list is E7's.
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe("E7"));
  });

  test("each issue is a list item named by its label", async () => {
    renderApp(createFakeHost());
    await checkNow();
    const item = screen.getByRole("listitem", { name: /^错误，E7：/ });
    expect(item.getAttribute("data-code")).toBe("category_unknown");
    expect(item.tabIndex).toBe(-1);
    expect(screen.getAllByRole("listitem", { name: /，E6：/ })).toHaveLength(2);
  });

  test("校验 keeps the keyboard focus while it runs (focusable, not disabled)", async () => {
    const host = createFakeHost();
    host.check = (settings) => {
      host.calls.push({ method: "check", args: [settings] });
      return new Promise<HostRun>(() => undefined);
    };
    renderApp(host);
    const check = screen.getByTestId("check-button") as HTMLButtonElement;
    act(() => check.focus());
    fireEvent.click(check);
    await screen.findByTestId("cancel-button");
    expect(check.getAttribute("aria-disabled")).toBe("true");
    expect(check.disabled).toBe(false);
    expect(document.activeElement).toBe(check);
    fireEvent.click(check);
    expect(host.callsTo("check")).toHaveLength(1);
  });

  test("switching to English rewords the confirmation and the last check's status at once", async () => {
    renderApp(createFakeHost());
    await checkNow();
    expect(screen.getByTestId("live-region").textContent).toBe("校验完成：1 个错误，2 个警告，1 个提示。");
    await switchLanguage("en");
    await waitFor(() => expect(screen.getByTestId("error-bar").textContent).toContain("Settings saved."));
    expect(screen.getByTestId("live-region").textContent).toBe("Check finished: 1 error, 2 warnings, 1 note.");
  });

  test("English uses ASCII parentheses and a singular severity on one issue", async () => {
    const host = createFakeHost();
    host.loadSettings = async () => ({ options: { lang: "en" }, highlight: true });
    renderApp(host);
    expect(await screen.findByText("Check")).toBeTruthy();
    await checkNow();
    expect(screen.getByTestId("apply-all-fixes").textContent).toBe("Fix all automatically (2)");
    const e7 = items().find((el) => el.getAttribute("data-cell") === "E7")!;
    expect(e7.getAttribute("aria-label")).toMatch(/^Error, E7: /);
    expect(within(e7).getByText("Error")).toBeTruthy();
    // The filter toggles count several, and stay plural.
    expect(screen.getByTestId("filter-warning").textContent).toContain("Warnings");
  });

  test("说明 is headed by the rule's Chinese title; the code is only the small line under it", async () => {
    renderApp(createFakeHost());
    await checkNow();
    const e8 = items().find((el) => el.getAttribute("data-cell") === "E8")!;
    fireEvent.click(within(e8).getByTestId("explain-button"));
    const surface = await screen.findByRole("dialog", { name: "E8 的问题说明" });
    const texts = Array.from(surface.querySelectorAll(".fui-Text"), (el) => el.textContent);
    expect(texts.slice(0, 2)).toEqual([ruleTitle("percent_on_count", "zh"), "percent_on_count"]);
    expect(texts[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  test("moving in the sheet shows that cell's issues", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    act(() => host.moveTo(SHEET, "$E$7"));
    const section = await screen.findByTestId("current-cell");
    expect(section.textContent).toContain("当前单元格 E7");
    expect(section.textContent).toContain(categoryUnknown.severity === "error" ? "错误" : "");
    const e7 = items().find((el) => el.getAttribute("data-cell") === "E7")!;
    expect(e7.getAttribute("data-current")).toBe("true");
    act(() => host.moveTo(SHEET, "A1"));
    expect(screen.getByTestId("current-cell").textContent).toContain("该单元格没有问题");
  });

  test("清除标记, 生成汇总表 and 导出清洗后工作簿 reach the host", async () => {
    const host = createFakeHost();
    renderApp(host);
    await checkNow();
    const enabled = (id: string) => waitFor(() => expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId("clear-marks"));
    await waitFor(() => expect(host.callsTo("clearMarks")).toHaveLength(1));
    await enabled("write-summary");
    fireEvent.click(screen.getByTestId("write-summary"));
    await waitFor(() => expect(host.callsTo("writeSummary")).toHaveLength(1));
    await enabled("export-cleaned");
    fireEvent.click(screen.getByTestId("export-cleaned"));
    await waitFor(() => expect(host.callsTo("exportCleaned")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("error-bar").textContent).toContain("已导出清洗后工作簿"));
  });

  test("the pane follows Office's language, and the saved choice wins", async () => {
    const host = createFakeHost();
    host.loadSettings = async () => ({ options: { lang: "en" }, highlight: true });
    renderApp(host, "zh");
    expect(await screen.findByText("Check")).toBeTruthy();
    await checkNow();
    expect(screen.getByTestId("live-region").textContent).toBe("Check finished: 1 error, 2 warnings, 1 note.");
  });
});
