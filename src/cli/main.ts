import * as fs from "fs";
import * as path from "path";
import { assembleWorkbookCheck, checkWorkbook, isWanted, type WorkbookCheck } from "../core/checkWorkbook";
import { checkSheet, type SheetOutcome } from "../core/check";
import type { CheckOptions, Lang } from "../core/model";
import { toJsonReport, type JsonReport } from "../core/jsonReport";
import { parseRuleSettings } from "../core/ruleSettings";
import { tableFailureMessage } from "../core/messages/tableFailures";
import { parseArgs, type ArgsError, type CliArgs } from "./args";
import { cliMessages, type CliMessages } from "./messages";
import { formatFileReport } from "./format";
import { sniffWorkbook } from "../workbook/sniff";
import { badFileMessage } from "../workbook/messages";
import { BadWorkbookError, readWorkbook } from "../workbook/readWorkbook";
import { streamSheets } from "../workbook/readWorkbookStream.node";
import { buildAnnotatedWorkbook, buildCleanedWorkbook } from "../workbook/outputs";

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  now: () => Date;
}

const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
};

/** Files above this size are read with exceljs's streaming reader when only a report is
 * asked for (no --clean/--annotate), so big workbooks are checked without holding exceljs's
 * whole object model. Small files take the full reader, which also reports hidden rows and
 * formula error results. */
const STREAM_THRESHOLD_BYTES = Number(process.env.INDICATOR_CHECKER_STREAM_BYTES ?? 1024 * 1024);

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_FATAL = 2;

/** Exit status like a linter: 0 no errors, 1 errors found, 2 bad usage or an unreadable file. */
export async function run(argv: readonly string[], io: CliIO = nodeIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`indicator-checker: ${argsErrorText(parsed.error, cliMessages(parsed.lang))}\n`);
    return EXIT_FATAL;
  }
  const args = parsed.args;
  const t = cliMessages(args.lang);
  if (args.command === "help") {
    io.stdout(`${t.usage}\n`);
    return EXIT_OK;
  }
  if (args.command === "version") {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  try {
    return await runCheck(args, io, t);
  } catch (e) {
    // Our own bug: one line, never a stack trace (set INDICATOR_CHECKER_DEBUG=1 for one).
    if (process.env.INDICATOR_CHECKER_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    io.stderr(`indicator-checker: ${t.internalError((e as Error).message)}\n`);
    return EXIT_FATAL;
  }
}

async function runCheck(args: CliArgs, io: CliIO, t: CliMessages): Promise<number> {
  const options = loadOptions(args, io, t);
  if (!options) return EXIT_FATAL;

  const files: string[] = [];
  for (const input of args.inputs) {
    if (!fs.existsSync(input)) {
      io.stderr(`indicator-checker: ${t.inputMissing(input)}\n`);
      return EXIT_FATAL;
    }
    if (fs.statSync(input).isDirectory()) {
      const found = listWorkbooks(input);
      if (found.length === 0) io.stderr(`indicator-checker: ${t.dirEmpty(input)}\n`);
      files.push(...found);
    } else files.push(input);
  }
  if (files.length === 0) return EXIT_FATAL;
  const many = files.length > 1;
  for (const [flag, out] of [["--clean", args.clean], ["--annotate", args.annotate]] as const) {
    if (many && out !== undefined && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
      io.stderr(`indicator-checker: ${t.outputMustBeDir(flag)}\n`);
      return EXIT_FATAL;
    }
  }

  let failed = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  const reports: JsonReport[] = [];
  const showProgress = args.progress || (io.stderrIsTTY && many);
  for (const [i, file] of files.entries()) {
    if (showProgress) io.stderr(`${t.progress(i + 1, files.length, file)}\n`);
    const result = await checkOneFile(file, args, options, io, t, many);
    if (!result) {
      failed++;
      continue;
    }
    const { check } = result;
    totals.error += check.report.counts.error;
    totals.warning += check.report.counts.warning;
    totals.info += check.report.counts.info;
    reports.push(toJsonReport(check.report));
    if (many) {
      const c = check.report.counts;
      io.stdout(`${t.fileLine(file, c.error, c.warning, c.info, check.report.sheets.reduce((n, s) => n + s.indicators, 0))}\n`);
    } else {
      io.stdout(formatFileReport(file, check, args.lang));
    }
  }
  if (many) io.stdout(`${t.totalsLine(files.length, failed, totals.error, totals.warning, totals.info)}\n`);

  if (args.json !== undefined && reports.length > 0) {
    if (!writeJson(args.json, reports, many, files, io, t)) return EXIT_FATAL;
  }
  if (failed > 0) return EXIT_FATAL;
  return totals.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function checkOneFile(
  file: string,
  args: CliArgs,
  options: CheckOptions,
  io: CliIO,
  t: CliMessages,
  many: boolean,
): Promise<{ check: WorkbookCheck } | undefined> {
  const name = path.basename(file);
  const fail = (line: string) => {
    io.stderr(`indicator-checker: ${line}\n`);
    return undefined;
  };
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return fail(t.fileUnreadable(file, (e as Error).message));
  }
  const needBytes = args.clean !== undefined || args.annotate !== undefined || size < STREAM_THRESHOLD_BYTES;
  const checkOptions: CheckOptions = { ...options, lang: args.lang };
  const select = { file: name, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) };
  let bytes: Uint8Array | undefined;
  let check: WorkbookCheck;
  try {
    if (needBytes) {
      bytes = new Uint8Array(fs.readFileSync(file));
      const sniff = sniffWorkbook(bytes);
      if (!sniff.ok) return fail(t.fileUnreadable(file, badFileMessage(sniff.kind, args.lang)));
      check = checkWorkbook((await readWorkbook(bytes)).sheets, checkOptions, select);
    } else {
      const head = readHeadAndTail(file);
      const sniff = sniffWorkbook(head);
      if (!sniff.ok && sniff.kind !== "truncated") return fail(t.fileUnreadable(file, badFileMessage(sniff.kind, args.lang)));
      // Each sheet is checked as it arrives, so its cell values can go before the next is read.
      const outcomes: SheetOutcome[] = [];
      await streamSheets(file, (sheet) => {
        if (isWanted(sheet.name, args.sheet)) outcomes.push(checkSheet(sheet, checkOptions));
      });
      check = assembleWorkbookCheck(outcomes, select);
    }
  } catch (e) {
    return fail(t.fileUnreadable(file, readFailureReason(e, args.lang)));
  }

  if (check.checks.length === 0) {
    const f = check.failures[0];
    if (f?.failure.kind === "sheetNotFound") return fail(t.sheetNotFound(file, f.sheet));
    if (f?.failure.kind === "noSheets") return fail(t.fileUnreadable(file, tableFailureMessage(f.failure, args.lang)));
    return fail(t.noTable(file));
  }
  for (const f of check.failures) io.stderr(`indicator-checker: ${file}: ${t.sheetFailed(f.sheet, tableFailureMessage(f.failure, args.lang, f.sheet))}\n`);

  const outputs: [string | undefined, string, string, (b: Uint8Array) => Promise<Uint8Array>][] = [
    [args.clean, "清洗后", t.whatClean, (b) => buildCleanedWorkbook(b, check, { lang: args.lang, file: name, unifyNames: args.unifyNames })],
    [args.annotate, "已标注", t.whatAnnotate, (b) => buildAnnotatedWorkbook(b, check, { lang: args.lang, file: name, generatedAt: io.now().toISOString().slice(0, 19).replace("T", " ") })],
  ];
  for (const [out, suffix, what, build] of outputs) {
    if (out === undefined || !bytes) continue;
    const target = many || isDir(out) ? path.join(out, `${path.basename(file, path.extname(file))}-${suffix}.xlsx`) : out;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await build(bytes));
      if (!many) io.stderr(`${t.wrote(what, target)}\n`);
    } catch (e) {
      return fail(t.writeFailed(target, (e as Error).message));
    }
  }
  return { check };
}

function writeJson(out: string, reports: JsonReport[], many: boolean, files: string[], io: CliIO, t: CliMessages): boolean {
  try {
    if (!many) {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      writeJsonFile(out, reports[0]);
    } else if (out.toLowerCase().endsWith(".json")) {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      writeJsonFile(out, { version: 1, files: reports });
    } else {
      fs.mkdirSync(out, { recursive: true });
      for (const report of reports) {
        const base = path.basename(report.file ?? files[0] ?? "report", path.extname(report.file ?? ""));
        writeJsonFile(path.join(out, `${base}-校验报告.json`), report);
      }
    }
    return true;
  } catch (e) {
    io.stderr(`indicator-checker: ${t.writeFailed(out, (e as Error).message)}\n`);
    return false;
  }
}

/**
 * JSON written piece by piece: a report of 100,000 rows holds hundreds of thousands of issues,
 * and one JSON.stringify of it would be a string of hundreds of megabytes. Objects are pretty
 * printed; long arrays (issues, normalized rows) hold one compact element per line.
 */
const NEWLINES = /\n/g;

function writeJsonFile(file: string, value: unknown): void {
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
        // One element per line, compact: a 100,000-row report stays a readable file of tens
        // of megabytes instead of hundreds, and diff/grep still see one issue per line.
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

function loadOptions(args: CliArgs, io: CliIO, t: CliMessages): CheckOptions | undefined {
  let options: CheckOptions = {};
  if (args.rules !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(args.rules, "utf8"));
    } catch (e) {
      io.stderr(`indicator-checker: ${t.rulesUnreadable(args.rules, (e as Error).message)}\n`);
      return undefined;
    }
    const parsed = parseRuleSettings(json);
    if (!parsed.ok) {
      const err = parsed.error;
      const line =
        err.kind === "unknownCode"
          ? t.rulesUnknownCode(err.code)
          : err.kind === "badSetting"
            ? t.rulesBadSetting(err.code, err.value)
            : err.kind === "badProfile"
              ? t.badProfile(err.value)
              : t.rulesUnreadable(args.rules, "JSON");
      io.stderr(`indicator-checker: ${line}\n`);
      return undefined;
    }
    options = parsed.options;
  }
  if (args.profile !== undefined) options.profile = args.profile;
  return options;
}

/** Every .xlsx/.xlsm under a folder, sorted, without Excel's `~$` lock files. */
function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listWorkbooks(p));
    else if (/\.(xlsx|xlsm|xls)$/i.test(entry.name) && !entry.name.startsWith("~$")) out.push(p);
  }
  return out;
}

/** The first and last 64 KiB: enough for the magic bytes and the zip's central directory. */
function readHeadAndTail(file: string): Uint8Array {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= 128 * 1024) return new Uint8Array(fs.readFileSync(fd));
    const buf = Buffer.alloc(128 * 1024);
    fs.readSync(fd, buf, 0, 64 * 1024, 0);
    fs.readSync(fd, buf, 64 * 1024, 64 * 1024, size - 64 * 1024);
    return new Uint8Array(buf);
  } finally {
    fs.closeSync(fd);
  }
}

function isDir(p: string): boolean {
  return (fs.existsSync(p) && fs.statSync(p).isDirectory()) || p.endsWith("/") || p.endsWith(path.sep);
}


function readFailureReason(e: unknown, lang: Lang): string {
  const detail = process.env.INDICATOR_CHECKER_DEBUG ? ` (${e instanceof Error ? e.message : String(e)})` : "";
  return badFileMessage(e instanceof BadWorkbookError ? e.kind : "corrupt", lang) + detail;
}

function argsErrorText(error: ArgsError, t: CliMessages): string {
  switch (error.kind) {
    case "badOption":
      return t.badOption(error.option);
    case "missingValue":
      return t.missingValue(error.option);
    case "noCommand":
      return t.noCommand;
    case "unknownCommand":
      return t.unknownCommand(error.command);
    case "noInputs":
      return t.noInputs;
    case "badLang":
      return t.badLang(error.value);
    case "badProfile":
      return t.badProfile(error.value);
  }
}

function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

