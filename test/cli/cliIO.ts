import type { CliIO } from "../../src/cli/main";

/** A CLI's stdout and stderr kept in memory, its clock fixed (2026-01-02 03:04:05 UTC). */
export function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sink: CliIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), stderrIsTTY: false, now: () => new Date("2026-01-02T03:04:05Z") };
  return { sink, out: () => out.join(""), err: () => err.join("") };
}
