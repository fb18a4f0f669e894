import * as fs from "fs";
import * as path from "path";
import type { WorkbookCheck } from "../core/checkWorkbook";
import { writeJsonReport, writeJsonValue, type JsonReportParts } from "../core/jsonReport";
import type { SheetCheck } from "../core/check";
import type { NormalizedIndicator } from "../core/model";
import { normalizedIndicators } from "../core/summary/normalizedTable";

/** Bytes gathered before a write to the file. */
const CHUNK_BYTES = 1 << 20;

/** Pieces up to this many UTF-16 units are tried as ASCII first (ChunkedFileWriter.write). */
const SHORT_PIECE = 16;

/**
 * Text written to a file in chunks of a megabyte: each piece (one issue, one line) is encoded
 * into one reused buffer as it comes, so no long string is ever built and the pieces die young
 * (cheap for the garbage collector even beside a heap of hundreds of megabytes).
 */
export class ChunkedFileWriter {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly fd: number) {}

  readonly write = (text: string): void => {
    const length = text.length;
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.used + 3 * length > CHUNK_BYTES) {
      this.flush();
      if (3 * length > CHUNK_BYTES) return this.writeBytes(Buffer.from(text, "utf8"));
    }
    // The short pieces between elements (`,\n    `, `": `) are ASCII: copied unit by unit,
    // cheaper than a call into the encoder. Anything else goes to the encoder.
    if (length <= SHORT_PIECE) {
      const buffer = this.buffer;
      let at = this.used;
      for (let i = 0; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) return this.encode(text);
        buffer[at++] = c;
      }
      this.used = at;
      return;
    }
    this.encode(text);
  };

  private encode(text: string): void {
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  flush(): void {
    if (this.used === 0) return;
    const used = this.used;
    this.used = 0;
    this.writeBytes(this.buffer.subarray(0, used));
  }

  private writeBytes(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
}

/** A WorkbookCheck's JSON report, the long lists made as they are written. */
export function workbookReportParts(check: WorkbookCheck): JsonReportParts {
  const { report, checks } = check;
  return {
    ...(report.file !== undefined ? { file: report.file } : {}),
    sheets: report.sheets,
    counts: report.counts,
    issues: report.issues,
    normalized: sheetsNormalized(checks),
  };
}

// The normalized rows of every sheet in turn, as buildReport concatenates them.
function* sheetsNormalized(checks: readonly SheetCheck[]): Generator<NormalizedIndicator, void, undefined> {
  for (const c of checks) yield* normalizedIndicators(c.rows, c.issues);
}

/** A file that could not be checked, as its entry in the JSON: `kind` is stable for programs
 * (FileFailureKind in main.ts), `message` the sentence the user was shown. */
export interface JsonFailure {
  kind: string;
  message: string;
}

/** A file of a folder that was not a workbook, listed in the combined JSON's `skipped`. */
export interface JsonSkipped {
  file: string;
  kind: string;
  message: string;
}

/**
 * `--json OUT`, written file by file as each check ends, so no report outlives its file:
 * one input → OUT is the report; several → OUT.json holds `{"version":1,"files":[…]}` (each
 * report laid out as a single report is, one level in; a file that could not be checked as
 * `{"version":1,"file":…,"failure":{"kind":…,"message":…}}`; then `"skipped":[…]` when files
 * of a folder were passed over), any other OUT is a folder with one `<stem>-校验报告.json` per
 * file (`stem`: the file's path under the folder given, without extension: main.ts's inputs).
 * A failed write is kept and told by `finish`, after all files were checked, as before.
 */
export class JsonOutput {
  private combined: { fd: number; writer: ChunkedFileWriter; count: number } | undefined;
  private error: Error | undefined;

  constructor(
    private readonly out: string,
    private readonly many: boolean,
  ) {}

  /** One checked file's report; `stem` names its file in a folder OUT (default: its name). */
  add(check: WorkbookCheck, file: string, stem?: string): void {
    const parts = workbookReportParts(check);
    this.write(stem ?? path.basename(parts.file ?? file, path.extname(parts.file ?? "")), (write, indent) => writeJsonReport(parts, write, indent));
  }

  /** A file that could not be checked: an entry of its own with several inputs, nothing
   * with one (the single-file report has no place for it; stderr and the exit status tell). */
  addFailure(file: string, stem: string, failure: JsonFailure): void {
    if (!this.many) return;
    this.write(stem, (write, indent) => writeJsonValue({ version: 1, file, failure }, write, indent));
  }

  private write(stem: string, report: (write: (text: string) => void, indent: string) => void): void {
    if (this.error) return;
    try {
      if (!this.many) {
        fs.mkdirSync(path.dirname(path.resolve(this.out)), { recursive: true });
        writeReportFile(this.out, report);
      } else if (this.out.toLowerCase().endsWith(".json")) {
        const combined = this.openCombined();
        combined.writer.write(combined.count++ ? ",\n    " : "\n    ");
        report(combined.writer.write, "    ");
        combined.writer.flush();
      } else {
        const target = path.join(this.out, `${stem}-校验报告.json`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        writeReportFile(target, report);
      }
    } catch (e) {
      this.error = e as Error;
      this.closeCombined();
    }
  }

  private openCombined(): { writer: ChunkedFileWriter; count: number } {
    if (!this.combined) {
      fs.mkdirSync(path.dirname(path.resolve(this.out)), { recursive: true });
      const fd = fs.openSync(this.out, "w");
      this.combined = { fd, writer: new ChunkedFileWriter(fd), count: 0 };
      this.combined.writer.write('{\n  "version": 1,\n  "files": [');
    }
    return this.combined;
  }

  /** Ends the combined file (listing `skipped`, if any); the error of a failed write, if any. */
  finish(skipped: readonly JsonSkipped[] = []): Error | undefined {
    if (!this.error && this.combined) {
      try {
        const { writer } = this.combined;
        writer.write("\n  ]");
        if (skipped.length > 0) {
          writer.write(',\n  "skipped": ');
          writeJsonValue(skipped, writer.write, "  ");
        }
        writer.write("\n}\n");
        writer.flush();
      } catch (e) {
        this.error = e as Error;
      }
    }
    this.closeCombined();
    return this.error;
  }

  private closeCombined(): void {
    if (!this.combined) return;
    const { fd } = this.combined;
    this.combined = undefined;
    try {
      fs.closeSync(fd);
    } catch (e) {
      this.error ??= e as Error;
    }
  }
}

function writeReportFile(file: string, report: (write: (text: string) => void, indent: string) => void): void {
  const fd = fs.openSync(file, "w");
  try {
    const writer = new ChunkedFileWriter(fd);
    report(writer.write, "");
    writer.write("\n");
    writer.flush();
  } finally {
    fs.closeSync(fd);
  }
}
