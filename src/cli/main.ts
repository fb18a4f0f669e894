import * as fs from "fs";
import * as path from "path";
import { assembleWorkbookCheck, isWanted, type WorkbookCheck } from "../core/checkWorkbook";
import { checkSheetTables, type SheetOutcome } from "../core/check";
import type { CheckOptions, Lang } from "../core/model";
import { parseRuleSettings } from "../core/ruleSettings";
import { tableFailureMessage } from "../core/messages/tableFailures";
import { parseArgs, type ArgsError, type CliArgs } from "./args";
import { cliMessages, type CliMessages } from "./messages";
import { writeFileReport } from "./format";
import { JsonOutput } from "./jsonOutput";
import { sniffWorkbook } from "../workbook/sniff";
import { badFileMessage } from "../workbook/messages";
import { BadWorkbookError } from "../workbook/workbookData";
import { readXlsxSheets } from "../workbook/xlsx/readXlsx";
import { inflateWithZlib } from "../workbook/xlsx/inflate.node";
import { buildOutputWorkbooks } from "../workbook/outputs";
import { nodeCodec } from "../workbook/xlsx/zipCodec.node";
import { CleanFormsThread, type CleanForms } from "./cleanForms";
import { localTimeText } from "../app/localTime";

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  now: () => Date;
  /** `--clean`'s second thread (cleanForms.ts); tests pass one with a worker script of theirs. */
  cleanThread?: () => CleanFormsThread;
}

const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
};


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

  const cleaner = args.clean !== undefined ? (io.cleanThread?.() ?? new CleanFormsThread()) : undefined;
  try {
    return await checkFiles(files, args, options, io, t, cleaner);
  } finally {
    cleaner?.close();
  }
}

async function checkFiles(files: readonly string[], args: CliArgs, options: CheckOptions, io: CliIO, t: CliMessages, cleaner: CleanFormsThread | undefined): Promise<number> {
  const many = files.length > 1;
  let failed = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  // Each file's JSON report is written as soon as it is checked, so no report outlives its file.
  const json = args.json !== undefined ? new JsonOutput(args.json, many) : undefined;
  const showProgress = args.progress || (io.stderrIsTTY && many);
  for (const [i, file] of files.entries()) {
    if (showProgress) io.stderr(`${t.progress(i + 1, files.length, file)}\n`);
    const result = checkOneFile(file, args, options, io, t);
    if (!result) {
      failed++;
      continue;
    }
    const { check, bytes } = result;
    // --clean's canonical forms are worked out on a second thread while this one writes the
    // reports (undefined: worked out here, later).
    const cleanForms = cleaner?.forms(check.checks);
    totals.error += check.report.counts.error;
    totals.warning += check.report.counts.warning;
    totals.info += check.report.counts.info;
    if (many) {
      const c = check.report.counts;
      io.stdout(`${t.fileLine(file, c.error, c.warning, c.info, check.report.sheets.reduce((n, s) => n + s.indicators, 0))}\n`);
    } else {
      writeFileReport(file, check, args.lang, io.stdout);
    }
    json?.add(check, file);
    if (!(await writeOutputs(file, bytes, check, args, io, t, many, cleanForms))) failed++;
  }
  if (many) io.stdout(`${t.totalsLine(files.length, failed, totals.error, totals.warning, totals.info)}\n`);

  const jsonError = json?.finish();
  if (jsonError && args.json !== undefined) {
    io.stderr(`indicator-checker: ${t.writeFailed(args.json, jsonError.message)}\n`);
    return EXIT_FATAL;
  }
  if (failed > 0) return EXIT_FATAL;
  return totals.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Reads and checks one file; undefined (told on stderr) when it cannot. */
function checkOneFile(file: string, args: CliArgs, options: CheckOptions, io: CliIO, t: CliMessages): { check: WorkbookCheck; bytes: Uint8Array } | undefined {
  const name = path.basename(file);
  const fail = (line: string) => {
    io.stderr(`indicator-checker: ${line}\n`);
    return undefined;
  };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return fail(t.fileUnreadable(file, (e as Error).message));
  }
  const checkOptions: CheckOptions = { ...options, lang: args.lang };
  const select = { file: name, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) };
  let check: WorkbookCheck;
  try {
    const sniff = sniffWorkbook(bytes);
    if (!sniff.ok) return fail(t.fileUnreadable(file, badFileMessage(sniff.kind, args.lang)));
    // The fast reader (src/workbook/xlsx) for every file: the same snapshots as the exceljs
    // reader at a fraction of its time and memory. Each sheet is checked as it is read, so its
    // cell values can go before the next sheet's are read.
    const outcomes: SheetOutcome[] = [];
    readXlsxSheets(
      bytes,
      (sheet) => {
        if (isWanted(sheet, args.sheet)) outcomes.push(...checkSheetTables(sheet, checkOptions));
      },
      { inflate: inflateWithZlib },
    );
    check = assembleWorkbookCheck(outcomes, select);
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

  return { check, bytes };
}

/**
 * `--clean` and `--annotate` for one checked file, after its reports are written; false (told
 * on stderr) when a workbook cannot be made or written.
 */
async function writeOutputs(
  file: string,
  bytes: Uint8Array,
  check: WorkbookCheck,
  args: CliArgs,
  io: CliIO,
  t: CliMessages,
  many: boolean,
  cleanForms: Promise<CleanForms | undefined> | undefined,
): Promise<boolean> {
  if (args.clean === undefined && args.annotate === undefined) return true;
  const fail = (line: string) => {
    io.stderr(`indicator-checker: ${line}\n`);
    return false;
  };
  // Both workbooks in one call: the 指标明细 sheet they share is built once (outputs.ts).
  let built: { cleaned?: Uint8Array; annotated?: Uint8Array };
  try {
    built = await buildOutputWorkbooks(bytes, check, {
      lang: args.lang,
      file: path.basename(file),
      unifyNames: args.unifyNames,
      generatedAt: localTimeText(io.now()),
      clean: args.clean !== undefined,
      annotate: args.annotate !== undefined,
      codec: nodeCodec,
      ...(cleanForms ? { cleanForms } : {}),
    });
  } catch (e) {
    return fail(t.writeFailed(args.clean ?? args.annotate ?? file, (e as Error).message));
  }
  const outputs: [string | undefined, string, string, Uint8Array | undefined][] = [
    [args.clean, "清洗后", t.whatClean, built.cleaned],
    [args.annotate, "已标注", t.whatAnnotate, built.annotated],
  ];
  for (const [out, suffix, what, data] of outputs) {
    if (out === undefined || !data) continue;
    const target = many || isDir(out) ? path.join(out, `${path.basename(file, path.extname(file))}-${suffix}.xlsx`) : out;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data);
      if (!many) io.stderr(`${t.wrote(what, target)}\n`);
    } catch (e) {
      return fail(t.writeFailed(target, (e as Error).message));
    }
  }
  return true;
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

/** Every workbook under a folder (.xlsx/.xlsm, and .xls/.et so the user hears to save them as
 * .xlsx instead of silence), sorted, without Excel's `~$` lock files. */
function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listWorkbooks(p));
    else if (/\.(xlsx|xlsm|xls|et)$/i.test(entry.name) && !entry.name.startsWith("~$")) out.push(p);
  }
  return out;
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

