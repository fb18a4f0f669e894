import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full import
// fails in this tree (ajv-draft-04 wants ajv 8, ajv 6 is hoisted); the enum alone suffices.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { createExcelHost } from "../../src/excel/excelHost";
import { reopen, SEED_SHEET, setupSeed, uninstallAll } from "./helpers";

/** The ribbon command: registered under its manifest name, runs the one-click check, shows
 * the counts in a dialog and completes the event when the dialog is done. */

const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  g.window = { location: { href: "https://localhost:3000/commands.html" } };
});
afterAll(() => {
  delete g.window;
});
afterEach(uninstallAll);

type Commands = typeof import("../../src/commands/commands");

/** A fresh copy of the module: its top level registers the command with the current globals. */
async function loadCommands(): Promise<Commands> {
  let mod: Commands | undefined;
  await jest.isolateModulesAsync(async () => {
    mod = await import("../../src/commands/commands");
  });
  return mod!;
}

describe("ribbon command wiring", () => {
  it("associates oneClickCheck after Office is ready and exposes a global of the same name", async () => {
    const associated: string[] = [];
    const officeMock = new OfficeMockObject({
      onReady: async function (callback: () => void) {
        callback();
      },
      actions: {
        associate: function (name: string) {
          associated.push(name);
        },
      },
    });
    const saved = g.Office;
    g.Office = officeMock;
    try {
      const commands = await loadCommands();
      await Promise.resolve();
      expect(associated).toEqual(["oneClickCheck"]);
      expect(g.oneClickCheck).toBe(commands.oneClickCheck);
    } finally {
      g.Office = saved;
      delete g.oneClickCheck;
    }
  });
});

describe("oneClickCheck", () => {
  it("checks, colours and shows the counts in a same-origin dialog; completes when it closes", async () => {
    const setup = setupSeed();
    await setup.wb.select(SEED_SHEET, "E6");
    const { oneClickCheck } = await loadCommands();
    const completed = jest.fn();
    await oneClickCheck({ completed } as unknown as Office.AddinCommands.Event);
    const dialog = setup.installed.dialogs[0]!;
    const url = new URL(dialog.url);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/dialog.html");
    expect(Number(url.searchParams.get("e")) + Number(url.searchParams.get("w"))).toBeGreaterThan(0);
    expect(url.searchParams.get("h")).toBe("1");
    expect(url.searchParams.get("m")).toContain("警告");
    expect(setup.ws.fill("E6").color).not.toBeNull();
    expect(completed).not.toHaveBeenCalled();
    dialog.fire("dialogMessageReceived", "close");
    expect(dialog.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
    delete g.oneClickCheck;
  });

  it("shows a failure in the dialog and still completes the event", async () => {
    const setup = setupSeed();
    setup.wb.selectChart();
    const { oneClickCheck } = await loadCommands();
    const completed = jest.fn();
    await oneClickCheck({ completed } as unknown as Office.AddinCommands.Event);
    const url = new URL(setup.installed.dialogs[0]!.url);
    expect(url.searchParams.get("kind")).toBe("notRange");
    // No saved settings: Chinese, as the host words the reason.
    expect(url.searchParams.get("lang")).toBe("zh");
    expect(url.searchParams.get("m")).toMatch(/[\u4e00-\u9fff]/);
    setup.installed.dialogs[0]!.fire("dialogEventReceived");
    expect(completed).toHaveBeenCalledTimes(1);
    delete g.oneClickCheck;
  });

  it("tells a failure in the language of the workbook's settings, dialog and message alike", async () => {
    const setup = setupSeed();
    await createExcelHost().saveSettings({ options: { lang: "en" }, highlight: true });
    setup.wb.selectChart();
    const { oneClickCheck } = await loadCommands();
    await oneClickCheck({ completed: jest.fn() } as unknown as Office.AddinCommands.Event);
    const url = new URL(setup.installed.dialogs[0]!.url);
    expect(url.searchParams.get("kind")).toBe("notRange");
    expect(url.searchParams.get("lang")).toBe("en");
    expect(url.searchParams.get("m")).not.toMatch(/[\u4e00-\u9fff]/);
    delete g.oneClickCheck;
  });

  it("reads the settings the task pane saved after this runtime started (its own copy refreshed)", async () => {
    const setup = setupSeed();
    setup.wb.selectChart();
    const { oneClickCheck } = await loadCommands();
    // The pane, another runtime, saves English after the ribbon's runtime read the document.
    setup.wb.savedSettings = { "indicatorChecker.settings": { options: { lang: "en" }, highlight: true } };
    await oneClickCheck({ completed: jest.fn() } as unknown as Office.AddinCommands.Event);
    expect(new URL(setup.installed.dialogs[0]!.url).searchParams.get("lang")).toBe("en");
    delete g.oneClickCheck;
  });

  it("completes the event at once when no dialog can open", async () => {
    const setup = setupSeed();
    reopen(setup);
    setup.installed.failDialogs = true;
    const { oneClickCheck } = await loadCommands();
    const completed = jest.fn();
    await oneClickCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    delete g.oneClickCheck;
  });
});
