import * as fs from "fs";
import * as path from "path";

/** One workbook to check, with the names its reports and outputs go by. */
export interface InputFile {
  /** The path to read, as given or joined under a folder given. */
  path: string;
  /** Its name in reports (the JSON's `file`, 校验汇总): the path relative to the folder given
   * on the command line (`教育局/绩效目标表.xlsx`, `/` on every system), the file's own name
   * when it was given itself; the path as given when two inputs would share that name. */
  name: string;
  /** Its outputs' path under an output folder, without suffix and extension: `name` without its
   * extension, with ` (2)`, ` (3)`… after when an earlier input of the run already took it. */
  stem: string;
  /** `stem` had a number added (the run says so). */
  renamed: boolean;
}

/** Why a file of a folder was passed over (told in the run's summary, counted). */
export type SkipKind = "textTable" | "otherSpreadsheet" | "notWorkbook";

export interface SkippedFile {
  path: string;
  name: string;
  kind: SkipKind;
}

/** Read from a folder: .xlsx and .xlsm, and .xls/.et, so the user hears to save them as .xlsx
 * (their own message) instead of silence. */
const WORKBOOK = /\.(xlsx|xlsm|xls|et)$/i;
/** CSV and text exports (`导出.csv`): a table, but not a workbook. */
const TEXT_TABLE = /\.(csv|tsv|txt)$/i;
/** Other spreadsheet formats this tool cannot read. */
const OTHER_SPREADSHEET = /\.(xlsb|xltx|xltm|ods|numbers)$/i;

/**
 * The command line's inputs as workbooks to check, folders walked (sorted, sub-folders too).
 * Excel's `~$` lock files and hidden files (`.DS_Store`) are passed over quietly, any other
 * file of a folder that is not a workbook is listed in `skipped`. Missing inputs are returned
 * for the caller to refuse.
 */
export function collectInputs(inputs: readonly string[]): { files: InputFile[]; skipped: SkippedFile[]; missing: string[]; emptyDirs: string[] } {
  const found: { path: string; relative: string; given: string }[] = [];
  const skipped: SkippedFile[] = [];
  const missing: string[] = [];
  const emptyDirs: string[] = [];
  for (const input of inputs) {
    if (!fs.existsSync(input)) {
      missing.push(input);
      continue;
    }
    if (!fs.statSync(input).isDirectory()) {
      found.push({ path: input, relative: path.basename(input), given: input });
      continue;
    }
    const before = found.length;
    walk(input, input, found, skipped);
    if (found.length === before) emptyDirs.push(input);
  }
  return { files: nameInputs(found), skipped, missing, emptyDirs };
}

function walk(root: string, dir: string, found: { path: string; relative: string; given: string }[], skipped: SkippedFile[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.name.startsWith("~$") || entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) walk(root, p, found, skipped);
    else if (WORKBOOK.test(entry.name)) found.push({ path: p, relative: posix(path.relative(root, p)), given: p });
    else if (entry.isFile()) skipped.push({ path: p, name: posix(path.relative(root, p)), kind: skipKind(entry.name) });
  }
}

function skipKind(name: string): SkipKind {
  if (TEXT_TABLE.test(name)) return "textTable";
  if (OTHER_SPREADSHEET.test(name)) return "otherSpreadsheet";
  return "notWorkbook";
}

/**
 * Names that tell the inputs apart. Compared without regard to case: Windows and macOS file
 * names are, so `A.xlsx` and `a.XLSX` would write over each other's outputs there.
 */
function nameInputs(found: readonly { path: string; relative: string; given: string }[]): InputFile[] {
  const key = (s: string) => s.toLowerCase();
  const relativeCount = new Map<string, number>();
  for (const f of found) relativeCount.set(key(f.relative), (relativeCount.get(key(f.relative)) ?? 0) + 1);
  const stems = new Set<string>();
  return found.map((f) => {
    const name = (relativeCount.get(key(f.relative)) ?? 0) > 1 ? posix(path.normalize(f.given)) : f.relative;
    const base = f.relative.slice(0, f.relative.length - path.extname(f.relative).length);
    let stem = base;
    for (let n = 2; stems.has(key(stem)); n++) stem = `${base} (${n})`;
    stems.add(key(stem));
    return { path: f.path, name, stem, renamed: stem !== base };
  });
}

/** `/` between folders on every system: the names are shown, and compared across systems. */
function posix(p: string): string {
  return p.split(path.sep).join("/");
}
