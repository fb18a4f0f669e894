import * as fs from "fs";
import * as path from "path";
import { WorkbookSheets, type WorkbookCheck } from "../core/checkWorkbook";
import type { CheckOptions, Lang } from "../core/model";
import { parseRuleSettings } from "../core/ruleSettings";
import { tableFailureMessage } from "../core/messages/tableFailures";
import { looksLikeIndicatorTable } from "../core/table/detectTable";
import { parseArgs, type ArgsError, type CliArgs } from "./args";
import { cliMessages, type CliMessages } from "./messages";
import { writeFileReport } from "./format";
import { JsonOutput } from "./jsonOutput";
import { sniffWorkbook } from "../workbook/sniff";
import { badFileMessage, type BadFileKind } from "../workbook/messages";
import { BadWorkbookError } from "../workbook/workbookData";
import { readXlsxSheets } from "../workbook/xlsx/readXlsx";
import { inflateWithZlib } from "../workbook/xlsx/inflate.node";
import { buildOutputWorkbooks, type OutputFailure, type OutputWorkbooks } from "../workbook/outputs";
import { nodeCodec } from "../workbook/xlsx/zipCodec.node";
import { CleanFormsThread, type CleanForms } from "./cleanForms";
import { collectInputs, type InputFile, type SkippedFile } from "./inputs";
import { MacroSheetsError, macroEnabled, withoutMacros } from "./macros";
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

  const { files, skipped, missing, emptyDirs } = collectInputs(args.inputs);
  if (missing[0] !== undefined) {
    io.stderr(`indicator-checker: ${t.inputMissing(missing[0])}\n`);
    return EXIT_FATAL;
  }
  for (const dir of emptyDirs) io.stderr(`indicator-checker: ${t.dirEmpty(dir)}\n`);
  if (files.length === 0) {
    writeSkipped(skipped, io, t);
    return EXIT_FATAL;
  }
  const many = files.length > 1;
  for (const [flag, out] of [["--clean", args.clean], ["--annotate", args.annotate]] as const) {
    if (many && out !== undefined && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
      io.stderr(`indicator-checker: ${t.outputMustBeDir(flag)}\n`);
      return EXIT_FATAL;
    }
  }
  // One input's outputs named as one file would leave only the last written.
  if (!many) {
    const named: [string, string][] = [];
    for (const [flag, out] of [["--json", args.json], ["--clean", args.clean], ["--annotate", args.annotate]] as const) {
      if (out !== undefined && !isDir(out)) named.push([flag, path.resolve(out)]);
    }
    for (const [i, [flagA, a]] of named.entries()) {
      const clash = named.slice(i + 1).find(([, b]) => a === b);
      if (clash) {
        io.stderr(`indicator-checker: ${t.sameOutput(flagA, clash[0])}\n`);
        return EXIT_FATAL;
      }
    }
  }
  // Stems name files only in output folders (a combined .json names no file after them).
  const stemsUsed = many && (args.clean !== undefined || args.annotate !== undefined || (args.json !== undefined && !args.json.toLowerCase().endsWith(".json")));
  if (stemsUsed) for (const file of files) if (file.renamed) io.stderr(`indicator-checker: ${t.renamed(file.path, file.stem)}\n`);

  const cleaner = args.clean !== undefined ? (io.cleanThread?.() ?? new CleanFormsThread()) : undefined;
  try {
    return await checkFiles(files, skipped, args, options, io, t, cleaner);
  } finally {
    cleaner?.close();
  }
}

async function checkFiles(
  files: readonly InputFile[],
  skipped: readonly SkippedFile[],
  args: CliArgs,
  options: CheckOptions,
  io: CliIO,
  t: CliMessages,
  cleaner: CleanFormsThread | undefined,
): Promise<number> {
  const many = files.length > 1;
  let failed = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  // Each file's JSON report is written as soon as it is checked, so no report outlives its file.
  const json = args.json !== undefined ? new JsonOutput(args.json, many) : undefined;
  const showProgress = args.progress || (io.stderrIsTTY && many);
  for (const [i, input] of files.entries()) {
    const file = input.path;
    if (showProgress) io.stderr(`${t.progress(i + 1, files.length, file)}\n`);
    const result = checkOneFile(input, args, options, io, t);
    if (!result.ok) {
      failed++;
      io.stderr(`indicator-checker: ${result.line}\n`);
      json?.addFailure(input.name, input.stem, { kind: result.kind, message: result.reason });
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
    json?.add(check, input.name, input.stem);
    if (!(await writeOutputs(input, bytes, check, args, io, t, many, cleanForms))) failed++;
  }
  writeSkipped(skipped, io, t);
  if (many) io.stdout(`${t.totalsLine(files.length, failed, totals.error, totals.warning, totals.info, skipped.length)}\n`);

  const jsonError = json?.finish(skipped.map((s) => ({ file: s.name, kind: s.kind, message: t.skipReason[s.kind] })));
  if (jsonError && args.json !== undefined) {
    io.stderr(`indicator-checker: ${t.writeFailed(args.json, jsonError.message)}\n`);
    return EXIT_FATAL;
  }
  if (failed > 0) return EXIT_FATAL;
  return totals.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The files of a folder that are not workbooks, one line each, in the run's summary. */
function writeSkipped(skipped: readonly SkippedFile[], io: CliIO, t: CliMessages): void {
  for (const s of skipped) io.stdout(`${t.skipped(s.path, t.skipReason[s.kind])}\n`);
}

/**
 * Why a file could not be checked, as the JSON's `failure.kind` (a public contract, like the
 * rule codes): the workbook reader's kinds (src/workbook/messages.ts: notZip, truncated,
 * encrypted, legacyXls, notXlsx, tooLarge, corrupt, noSheets), and the command line's own.
 */
export type FileFailureKind = BadFileKind | "empty" | "unreadable" | "sheetNotFound" | "noTable";

type FileResult =
  | { ok: true; check: WorkbookCheck; bytes: Uint8Array }
  | { ok: false; kind: FileFailureKind; reason: string; line: string };

/** Reads and checks one file; a failure carries its kind, its reason and the line for stderr. */
function checkOneFile(input: InputFile, args: CliArgs, options: CheckOptions, io: CliIO, t: CliMessages): FileResult {
  const file = input.path;
  const unreadable = (kind: FileFailureKind, reason: string): FileResult => ({ ok: false, kind, reason, line: t.fileUnreadable(file, reason) });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return unreadable("unreadable", (e as Error).message);
  }
  // The sniff calls a file of 0 bytes truncated; nothing of it ever arrived, and the user
  // should hear exactly that.
  if (bytes.length === 0) return unreadable("empty", t.emptyFile);
  const checkOptions: CheckOptions = { ...options, lang: args.lang };
  const select = { file: input.name, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) };
  let check: WorkbookCheck;
  try {
    const sniff = sniffWorkbook(bytes);
    if (!sniff.ok) return unreadable(sniff.kind, badFileMessage(sniff.kind, args.lang));
    // The fast reader (src/workbook/xlsx) for every file: the same snapshots as the exceljs
    // reader at a fraction of its time and memory. Each sheet is checked as it is read, so its
    // cell values can go before the next sheet's are read.
    const workbook = new WorkbookSheets(checkOptions, select);
    readXlsxSheets(bytes, (sheet) => workbook.add(sheet), { inflate: inflateWithZlib });
    check = workbook.finish();
  } catch (e) {
    return unreadable(e instanceof BadWorkbookError ? e.kind : "corrupt", readFailureReason(e, args.lang));
  }

  const sheetFailed = (f: WorkbookCheck["failures"][number]) =>
    t.sheetFailed(f.sheet, `${tableFailureMessage(f.failure, args.lang, f.sheet)}${f.failure.kind === "instructionsSheet" ? t.instructionsSheetHint(f.sheet) : ""}`);
  if (check.checks.length === 0) {
    const f = check.failures[0];
    if (f?.failure.kind === "sheetNotFound") return { ok: false, kind: "sheetNotFound", reason: t.sheetNotFoundReason(f.sheet), line: t.sheetNotFound(file, f.sheet) };
    if (f?.failure.kind === "noSheets") return unreadable("noSheets", tableFailureMessage(f.failure, args.lang));
    // Sheets passed over as instructions: told, so the user may name one with --sheet.
    for (const p of check.failures) if (p.failure.kind === "instructionsSheet") io.stderr(`indicator-checker: ${file}: ${sheetFailed(p)}\n`);
    // A header that says what is missing (a department-level table, indicator columns that are
    // not enough to read indicators from) is worth more than "no header"; other sheets that
    // looked like indicator tables are told as well.
    const told = check.failures.find((p) => p.failure.kind === "noProjectColumn") ?? check.failures.find((p) => looksLikeIndicatorTable(p.failure));
    for (const p of check.failures) if (p !== told && looksLikeIndicatorTable(p.failure)) io.stderr(`indicator-checker: ${file}: ${sheetFailed(p)}\n`);
    if (told !== undefined) {
      const reason = sheetFailed(told);
      return { ok: false, kind: "noTable", reason, line: t.fileFailed(file, reason) };
    }
    return { ok: false, kind: "noTable", reason: t.noTableReason, line: t.noTable(file) };
  }
  for (const f of check.failures) io.stderr(`indicator-checker: ${file}: ${sheetFailed(f)}\n`);

  return { ok: true, check, bytes };
}

/**
 * `--clean` and `--annotate` for one checked file, after its reports are written; false (told
 * on stderr) when a workbook cannot be made or written. In an output folder each file's
 * workbooks sit at its `stem` (its sub-folders under the folder given, mirrored), named .xlsm
 * when they keep the input's macros (macros.ts: Excel refuses a macro-enabled .xlsx).
 */
async function writeOutputs(
  input: InputFile,
  bytes: Uint8Array,
  check: WorkbookCheck,
  args: CliArgs,
  io: CliIO,
  t: CliMessages,
  many: boolean,
  cleanForms: Promise<CleanForms | undefined> | undefined,
): Promise<boolean> {
  if (args.clean === undefined && args.annotate === undefined) return true;
  const file = input.path;
  const fail = (line: string) => {
    io.stderr(`indicator-checker: ${line}\n`);
    return false;
  };
  // Both workbooks in one call: the 指标明细 sheet they share is built once (outputs.ts).
  let built: OutputWorkbooks;
  try {
    built = await buildOutputWorkbooks(bytes, check, {
      lang: args.lang,
      file: input.name,
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
  const outputs: [string | undefined, string, string, Uint8Array | undefined, OutputFailure | undefined][] = [
    [args.clean, "清洗后", t.whatClean, built.cleaned, built.failed?.cleaned],
    [args.annotate, "已标注", t.whatAnnotate, built.annotated, built.failed?.annotated],
  ];
  let inputHasMacros: boolean | undefined;
  let allWritten = true;
  for (const [out, suffix, what, made, failure] of outputs) {
    if (out === undefined) continue;
    if (!made) {
      // This output could not be made; the other is still written.
      if (failure) allWritten = fail(t.writeFailed(out, failure.kind === "unwritable" ? t.outputUnwritable : t.internalError(failure.detail)));
      continue;
    }
    let data = made;
    const keepsMacros = macroEnabled(data);
    let target: string;
    if (many || isDir(out)) {
      target = path.join(out, `${input.stem}-${suffix}${keepsMacros ? ".xlsm" : ".xlsx"}`);
    } else {
      target = out;
      // The user named an .xlsx for a macro-enabled workbook: a real .xlsx, as Excel's 另存为 makes.
      if (keepsMacros && /\.xlsx$/i.test(out)) {
        try {
          data = await withoutMacros(data);
        } catch (e) {
          return fail(t.writeFailed(target, e instanceof MacroSheetsError ? t.macroSheetsNoXlsx : (e as Error).message));
        }
        io.stderr(`${t.macrosRemoved(file, target)}\n`);
      }
    }
    if (!keepsMacros && (inputHasMacros ??= macroEnabled(bytes))) io.stderr(`indicator-checker: ${t.macrosLost(file, target)}\n`);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data);
      if (!many) io.stderr(`${t.wrote(what, target)}\n`);
    } catch (e) {
      return fail(t.writeFailed(target, (e as Error).message));
    }
  }
  return allWritten;
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

