/** @jest-environment jsdom */
import "./domPolyfills";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HostError, type HostRun } from "../../src/app/host";
import type { CellValue } from "../../src/core/model";
import { FileModeApp } from "../../src/taskpane/components/FileModeApp";
import type { FileHost, FileSheet, GridData } from "../../src/workbook/fileHost";
import { createFakeHost, type FakeHost } from "./fakeHost";
import { runOf, SEED_ISSUES, SHEET } from "./fixtures";

/** Rows 1–8 of a seed-like sheet: title, blanks, header on row 5, three projects. */
function seedGrid(): GridData {
  const values: CellValue[][] = [
    ["项目支出绩效目标表", null, null, null, null],
    [null, null, null, null, null],
    [null, null, null, null, null],
    [null, null, null, null, null],
    ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
    ["中共广州市花都区委员会组织部", "中共广州市花都区委员会组织部", "党代表任期制工作经费", "1、保障党代表活动", "1、产出指标：活动次数指标，年度指标值：≥4次。5、效益指标：党代表基层联系群众工作指标，合格。"],
    ["中共广州市花都区委员会组织部", "中共广州市花都区委员会组织部", "基层党建经费", "1、提升基层党建水平", "3、产出指数：资金拨付时效指标，年度指标值：≥90%。"],
    ["中共广州市花都区委员会组织部", "中共广州市花都区委员会组织部", "试点镇建设", "1、建设试点镇", "1、产出指标：试点镇数量指标，年度指标值：≥100%。"],
  ];
  return { sheet: SHEET, values, columnCount: 5, originRowIndex: 0, originColumnIndex: 0 };
}

type FakeFileHost = FileHost & FakeHost & { opened: unknown[]; downloads: string[] };

function createFakeFileHost(run: HostRun = runOf(SEED_ISSUES)): FakeFileHost {
  const base = createFakeHost(run);
  const listeners = new Set<() => void>();
  let version = 0;
  let name: string | undefined;
  let sheets: FileSheet[] = [];
  let grid: GridData | undefined;
  let selected: { sheet: string; address: string } | undefined;
  let selectionListener: ((sheet: string, address: string) => void) | undefined;
  const notify = () => {
    version++;
    for (const l of listeners) l();
  };
  const host: FakeFileHost = {
    ...base,
    kind: "file",
    opened: [],
    downloads: [],
    setLang: () => undefined,
    async openFile(file, fileName) {
      host.opened.push(fileName);
      if (fileName.endsWith(".xls")) throw new HostError("badFile", "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试。");
      name = fileName;
      sheets = [
        { name: "填表说明", state: "hidden", rowCount: 3, columnCount: 1 },
        { name: SHEET, state: "visible", rowCount: 8, columnCount: 5 },
      ];
      void file;
      notify();
      return sheets;
    },
    fileName: () => name,
    sheets: () => sheets,
    async chooseSheet(sheet) {
      base.calls.push({ method: "chooseSheet", args: [sheet] });
      grid = { ...seedGrid(), sheet };
      notify();
    },
    chosenSheet: () => grid?.sheet,
    snapshot: () => grid,
    selectedCell: () => selected,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    version: () => version,
    async selectCell(sheet, address) {
      base.calls.push({ method: "selectCell", args: [sheet, address] });
      selected = { sheet, address };
      selectionListener?.(sheet, address);
      notify();
    },
    onSelectionChanged(l) {
      selectionListener = l;
      return () => {
        selectionListener = undefined;
      };
    },
    downloadCleaned: async () => {
      host.downloads.push("cleaned");
      return "绩效目标表-清洗后.xlsx";
    },
    downloadAnnotated: async () => {
      host.downloads.push("annotated");
      return "绩效目标表-已标注.xlsx";
    },
    downloadJson: async () => {
      host.downloads.push("json");
      return "绩效目标表-校验报告.json";
    },
    dispose: () => undefined,
  };
  return host;
}

function renderFileMode(host: FakeFileHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FileModeApp host={host} />
    </FluentProvider>,
  );
}

function xlsx(name: string): File {
  return new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const gridCell = (address: string) => screen.getByTestId("preview-grid").querySelector<HTMLElement>(`[data-cell="${address}"]`);

describe("the browser file mode", () => {
  test("open → first visible sheet → counts → flagged cells coloured like Excel", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await waitFor(() => expect(screen.getByTestId("count-error").textContent).toBe("1"));
    expect(host.opened).toEqual(["绩效目标表.xlsx"]);
    // The hidden instructions sheet is passed over for the first visible one.
    expect(host.callsTo("chooseSheet")).toEqual([[SHEET]]);
    expect((screen.getByTestId("sheet-select") as HTMLSelectElement).value).toBe(SHEET);
    expect(screen.getByTestId("count-warning").textContent).toBe("2");

    expect(gridCell("E7")?.style.backgroundColor).toBe("rgb(255, 199, 206)"); // #FFC7CE: an error
    expect(gridCell("E8")?.style.backgroundColor).toBe("rgb(255, 235, 156)"); // #FFEB9C: a warning
    expect(gridCell("E6")?.getAttribute("data-severity")).toBe("warning"); // its worst is a warning
    expect(gridCell("C6")?.style.backgroundColor).toBe("");
    expect(gridCell("E5")?.textContent).toBe("绩效指标");
  });

  test("clicking an issue outlines its cell in the grid", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await screen.findByTestId("issue-list");
    const e7 = screen.getAllByTestId("issue-item").find((el) => el.getAttribute("data-cell") === "E7")!;
    fireEvent.click(e7);
    await waitFor(() => expect(gridCell("E7")?.getAttribute("data-selected")).toBe("true"));
    expect(gridCell("E6")?.getAttribute("data-selected")).toBeNull();
    // And clicking a grid cell shows that cell's issues.
    fireEvent.click(gridCell("E8")!);
    expect((await screen.findByTestId("current-cell")).textContent).toContain("当前单元格 E8");
  });

  test("a file dropped on the page is opened", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    const page = screen.getByTestId("file-mode");
    fireEvent.dragOver(page, { dataTransfer: { files: [] } });
    fireEvent.drop(page, { dataTransfer: { files: [xlsx("拖入的表.xlsx")] } });
    await waitFor(() => expect(host.opened).toEqual(["拖入的表.xlsx"]));
    await waitFor(() => expect(screen.getByTestId("count-info").textContent).toBe("1"));
  });

  test("a legacy .xls is one Chinese line in the message bar", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("旧表.xls")] } });
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("无法读取文件");
    expect(bar.textContent).toContain("另存为 .xlsx");
    expect(bar.getAttribute("data-intent")).toBe("error");
    expect(screen.queryByTestId("issue-list")).toBeNull();
  });

  test("a refused file clears the previous file's counts and issues", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await waitFor(() => expect(screen.getByTestId("count-error").textContent).toBe("1"));
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("旧表.xls")] } });
    expect((await screen.findByTestId("error-bar")).getAttribute("data-intent")).toBe("error");
    expect(screen.queryByTestId("count-error")).toBeNull();
    expect(screen.queryByTestId("issue-list")).toBeNull();
    expect((screen.getByTestId("download-json") as HTMLButtonElement).disabled).toBe(true);
  });

  test("the three downloads are offered after the check", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    expect((screen.getByTestId("download-json") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await screen.findByTestId("issue-list");
    for (const id of ["download-cleaned", "download-annotated", "download-json"]) {
      await waitFor(() => expect(screen.getByTestId(id).getAttribute("aria-disabled")).not.toBe("true"));
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(false);
      fireEvent.click(screen.getByTestId(id));
    }
    await waitFor(() => expect(host.downloads).toEqual(["cleaned", "annotated", "json"]));
    await waitFor(() => expect(screen.getByTestId("error-bar").textContent).toContain("绩效目标表-校验报告.json"));
  });

  test("a download from the keyboard keeps the focus on its button (focusable while it is built, other clicks ignored)", async () => {
    const host = createFakeFileHost();
    let finish: () => void = () => undefined;
    const built = new Promise<void>((resolve) => (finish = resolve));
    const make = host.downloadCleaned;
    host.downloadCleaned = async () => {
      await built;
      return make();
    };
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await screen.findByTestId("issue-list");
    const button = screen.getByTestId("download-cleaned") as HTMLButtonElement;
    await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
    act(() => button.focus());
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.disabled).toBe(false);
    fireEvent.click(screen.getByTestId("download-json"));
    await act(async () => finish());
    await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
    expect(host.downloads).toEqual(["cleaned"]);
    expect(document.activeElement).toBe(button);
  });

  test("choosing a sheet from the keyboard keeps the focus on the sheet list while it is checked", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await screen.findByTestId("issue-list");
    let finish: () => void = () => undefined;
    const checked = new Promise<void>((resolve) => (finish = resolve));
    const check = host.check;
    host.check = async (...args) => {
      await checked;
      return check(...args);
    };
    const select = screen.getByTestId("sheet-select") as HTMLSelectElement;
    act(() => select.focus());
    fireEvent.change(select, { target: { value: "填表说明" } });
    await waitFor(() => expect(select.getAttribute("aria-disabled")).toBe("true"));
    expect(select.disabled).toBe(false);
    await act(async () => finish());
    await waitFor(() => expect(select.getAttribute("aria-disabled")).toBeNull());
    expect(document.activeElement).toBe(select);
  });

  test("opening from the keyboard keeps the focus on 打开 (focusable while the file opens, not disabled)", async () => {
    const host = createFakeFileHost();
    let finish: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (finish = resolve));
    const open = host.openFile;
    host.openFile = async (file, fileName) => {
      await opened;
      return open(file, fileName);
    };
    renderFileMode(host);
    const button = screen.getByTestId("open-file-button") as HTMLButtonElement;
    act(() => button.focus());
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBe("true"));
    expect(button.disabled).toBe(false);
    await act(async () => finish());
    await screen.findByTestId("issue-list");
    expect(document.activeElement).toBe(button);
  });

  test("the hidden file input is not a second 打开 control for screen readers", () => {
    renderFileMode(createFakeFileHost());
    const input = screen.getByTestId("file-input");
    expect(input.getAttribute("aria-hidden")).toBe("true");
    expect(input.tabIndex).toBe(-1);
    expect(screen.getAllByRole("button", { name: "打开 .xlsx 文件" })).toEqual([screen.getByTestId("open-file-button")]);
  });

  test("校验 before any file is open says that no file is open", async () => {
    const host = createFakeFileHost();
    // As the real host refuses: there is no sheet to check.
    host.check = async () => {
      throw new HostError("noTable", "请先打开 .xlsx 文件并选择工作表。");
    };
    renderFileMode(host);
    fireEvent.click(screen.getByTestId("check-button"));
    const bar = await screen.findByTestId("error-bar");
    expect(bar.textContent).toContain("尚未打开文件");
    expect(bar.textContent).toContain("请先打开 .xlsx 文件");
    expect(bar.textContent).not.toContain("未找到绩效目标表");
  });

  test("the 校验 tooltip speaks of the chosen sheet, not a selection", async () => {
    renderFileMode(createFakeFileHost());
    fireEvent.pointerEnter(screen.getByTestId("check-button"));
    expect(await screen.findByText("校验所选工作表的整张表")).toBeTruthy();
    expect(screen.queryByText(/校验所选区域/)).toBeNull();
  });

  test("choosing another sheet checks it", async () => {
    const host = createFakeFileHost();
    renderFileMode(host);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsx("绩效目标表.xlsx")] } });
    await screen.findByTestId("issue-list");
    await act(async () => {
      fireEvent.change(screen.getByTestId("sheet-select"), { target: { value: "填表说明" } });
    });
    await waitFor(() => expect(host.callsTo("chooseSheet")).toEqual([[SHEET], ["填表说明"]]));
    await waitFor(() => expect(host.callsTo("check")).toHaveLength(2));
  });
});
