import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { checkWorkbook, type WorkbookCheck } from "../../src/core/checkWorkbook";
import { toJsonReport } from "../../src/core/jsonReport";
import { buildNormalizedTable } from "../../src/core/summary/normalizedTable";
import type { Issue, Lang } from "../../src/core/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { cliMessages } from "../../src/cli/messages";
import { writeFileReport } from "../../src/cli/format";
import { JsonOutput } from "../../src/cli/jsonOutput";

/**
 * The CLI's output stage alone (issue #7): everything after the rules for a report-only
 * `check FILE --json OUT` — the normalized table, the text report and the JSON report — timed
 * against the previous implementation (kept below as the baseline: the table built whole as
 * checkSheet built it, toJsonReport, the recursive writer) in the same process, and checked to
 * write the same bytes.
 *   node scripts/run-ts.js bench/probes/cliReport.ts FILE [both|old|new] [reps]
 * `old`/`new` alone run one side only (no garbage of the other side in the heap). Memory is
 * the CLI's business: measure it there (/usr/bin/time on bin/indicator-checker.js); this probe
 * reads the workbook whole, which alone sets its peak.
 */
async function main(): Promise<void> {
  const [file, mode = "both", repsArg = "3"] = process.argv.slice(2);
  if (!file) throw new Error("usage: cliReport FILE [both|old|new] [reps]");
  const reps = Number(repsArg);
  const t0 = performance.now();
  let check: WorkbookCheck | undefined = checkWorkbook((await readWorkbook(new Uint8Array(fs.readFileSync(file)))).sheets, { lang: "zh" }, { file: path.basename(file) });
  const checkMs = performance.now() - t0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-report-"));
  const out = (side: string, what: string) => path.join(dir, `${side}.${what}`);
  const sides = mode === "both" ? ["old", "new"] : [mode];
  // Wall time, and CPU time (user + system) of this process: on a shared machine the CPU time is
  // the steadier of the two.
  type Times = { json: number[]; text: number[]; jsonCpu: number[]; textCpu: number[] };
  const times: Record<string, Times> = {};
  const timed = (into: number[], intoCpu: number[], run: () => void) => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    run();
    into.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    intoCpu.push((used.user + used.system) / 1000);
  };
  for (let r = 0; r < reps; r++) {
    for (const side of r % 2 ? [...sides].reverse() : sides) {
      const c = check;
      const t = (times[side] ??= { json: [], text: [], jsonCpu: [], textCpu: [] });
      timed(t.text, t.textCpu, () => (side === "old" ? oldText(out(side, "txt"), c, "zh", file) : newText(out(side, "txt"), c, "zh", file)));
      timed(t.json, t.jsonCpu, () => (side === "old" ? oldJson(out(side, "json"), c) : newJson(out(side, "json"), c)));
    }
  }
  check = undefined;
  const same = (what: string) => (mode === "both" ? fs.readFileSync(out("old", what)).equals(fs.readFileSync(out("new", what))) : null);
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  const result = {
    file: path.basename(file),
    checkMs: Math.round(checkMs),
    jsonBytes: fs.statSync(out(sides[0]!, "json")).size,
    textBytes: fs.statSync(out(sides[0]!, "txt")).size,
    ...Object.fromEntries(
      sides.flatMap((s) => {
        const t = times[s]!;
        return [
          [`${s}JsonMs`, Math.round(median(t.json))],
          [`${s}JsonCpuMs`, Math.round(median(t.jsonCpu))],
          [`${s}TextMs`, Math.round(median(t.text))],
          [`${s}TextCpuMs`, Math.round(median(t.textCpu))],
        ];
      }),
    ),
    sameJson: same("json"),
    sameText: same("txt"),
    heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function newText(file: string, check: WorkbookCheck, lang: Lang, name: string): void {
  const fd = fs.openSync(file, "w");
  try {
    writeFileReport(name, check, lang, (text) => void fs.writeSync(fd, text));
  } finally {
    fs.closeSync(fd);
  }
}

function newJson(file: string, check: WorkbookCheck): void {
  const json = new JsonOutput(file, false);
  json.add(check, file);
  const error = json.finish();
  if (error) throw error;
}

// ---- the previous implementation (src/cli/main.ts writeJsonFile, src/cli/format.ts) ------

function oldText(file: string, check: WorkbookCheck, lang: Lang, name: string): void {
  fs.writeFileSync(file, oldFormatFileReport(name, check, lang));
}

function oldFormatFileReport(file: string, check: WorkbookCheck, lang: Lang): string {
  const t = cliMessages(lang);
  const lines: string[] = [file];
  for (const sheet of check.report.sheets) {
    const columns = Object.entries(sheet.columns)
      .map(([role, letter]) => `${role}=${letter}`)
      .join(", ");
    lines.push(`  ${t.sheetLine(sheet.name, sheet.headerRow, sheet.dataRows, sheet.indicators, columns)}`);
  }
  const c = check.report.counts;
  lines.push(`  ${t.countsLine(c.error, c.warning, c.info)}`);
  if (check.report.issues.length === 0) {
    lines.push(`  ${t.noIssues}`);
    return `${lines.join("\n")}\n`;
  }
  const many = check.report.sheets.length > 1;
  let current = "";
  for (const issue of check.report.issues) {
    const key = `${issue.sheet}\u0000${issue.rowNumber}`;
    if (key !== current) {
      current = key;
      lines.push("");
      lines.push(`  ${many ? `${issue.sheet} ` : ""}${t.rowHeading(issue.rowNumber)}`);
    }
    lines.push(`    ${oldIssueLine(issue, lang)}`);
  }
  return `${lines.join("\n")}\n`;
}

function oldIssueLine(issue: Issue, lang: Lang): string {
  const t = cliMessages(lang);
  const sev = t.severity[issue.severity].padEnd(lang === "zh" ? 2 : 7);
  const fix = issue.fix ? `  → ${issue.fix.description}` : "";
  return `${issue.cell.padEnd(5)} [${sev}] ${issue.message} (${issue.code})${fix}`;
}

const NEWLINES = /\n/g;

function oldJson(file: string, check: WorkbookCheck): void {
  // The engine made the normalized table up front (checkSheet), whether or not it was written.
  const normalized = check.checks.flatMap((c) => buildNormalizedTable(c.rows, c.issues));
  const value: unknown = toJsonReport({ ...check.report, normalized });
  const fd = fs.openSync(file, "w");
  let buffer = "";
  try {
    const write = (text: string) => {
      buffer += text;
      if (buffer.length > 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = "";
      }
    };
    const emit = (v: unknown, indent: string): void => {
      if (Array.isArray(v) && v.length > 64) {
        write("[");
        const inner = `\n${indent}  `;
        v.forEach((element, i) => {
          write(`${i ? "," : ""}${inner}${JSON.stringify(element) ?? "null"}`);
        });
        write(`\n${indent}]`);
      } else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const entries = Object.entries(v).filter(([, x]) => x !== undefined);
        if (entries.length === 0) return void write("{}");
        write("{");
        entries.forEach(([key, x], i) => {
          write(`${i ? "," : ""}\n${indent}  ${JSON.stringify(key)}: `);
          emit(x, `${indent}  `);
        });
        write(`\n${indent}}`);
      } else {
        write((JSON.stringify(v, null, 2) ?? "null").replace(NEWLINES, `\n${indent}`));
      }
    };
    emit(value, "");
    fs.writeSync(fd, `${buffer}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
