import { execFileSync } from "child_process";
import * as path from "path";
import { localTimeText } from "../../src/app/localTime";

/**
 * 校验汇总's 生成时间 is the time on the user's clock, in every host. A time zone is the
 * process's own (jest's sandbox cannot change it), so each zone is tried in a child process.
 */
const ROOT = path.join(__dirname, "..", "..");

function inZone(timeZone: string, iso: string): string {
  const code = `process.stdout.write(require("./src/app/localTime.ts").localTimeText(new Date(${JSON.stringify(iso)})))`;
  return execFileSync(process.execPath, ["-r", "./scripts/ts-hook.js", "-e", code], { cwd: ROOT, env: { ...process.env, TZ: timeZone }, encoding: "utf8" });
}

describe("localTimeText", () => {
  it("writes the local time of the machine's zone, not UTC", () => {
    expect(inZone("Asia/Shanghai", "2026-01-02T03:04:05Z")).toBe("2026-01-02 11:04:05");
    expect(inZone("America/New_York", "2026-01-02T03:04:05Z")).toBe("2026-01-01 22:04:05");
    expect(inZone("UTC", "2026-01-02T03:04:05Z")).toBe("2026-01-02 03:04:05");
  });

  it("pads every field to its width", () => {
    const d = new Date(2025, 0, 5, 7, 8, 9);
    expect(localTimeText(d)).toBe("2025-01-05 07:08:09");
    expect(localTimeText(new Date(999, 2, 4, 5, 6, 7))).toBe("0999-03-04 05:06:07");
  });
});
