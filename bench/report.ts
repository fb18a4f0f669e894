/**
 * One row of the printed table. Every figure with a baseline is a ratio against that baseline
 * measured in the same run: the machine is shared and noisy, absolute times mean little.
 */
export interface BenchRow {
  measure: string;
  /** The measured figure, formatted. */
  value: string;
  /** The baseline figure, formatted ("—" when the target is absolute). */
  baseline: string;
  /** subject / baseline, when there is a baseline. */
  ratio?: number;
  target: string;
  /** undefined: not measured (see note). */
  pass?: boolean;
  note?: string;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "n/a";
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const head = ["measure", "measured", "baseline (same run)", "ratio", "target", "result"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const result = r.pass === undefined ? "not measured" : r.pass ? "PASS" : "FAIL";
    const ratio = r.ratio === undefined || !Number.isFinite(r.ratio) ? "—" : `${r.ratio.toFixed(2)}×`;
    lines.push(`| ${[r.measure, r.value, r.baseline, ratio, r.target, result].map(escapeCell).join(" | ")} |`);
  }
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.measure}: ${r.note}`);
  return [...lines, ...(notes.length > 0 ? ["", "Notes:", ...notes] : [])].join("\n");
}
