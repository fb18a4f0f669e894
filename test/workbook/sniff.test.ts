import JSZip from "jszip";
import { MAX_UNCOMPRESSED_BYTES, sniffWorkbook } from "../../src/workbook/sniff";
import { badFileMessage, type BadFileKind } from "../../src/workbook/messages";
import { readWorkbook, BadWorkbookError } from "../../src/workbook/readWorkbook";
import { xlsxBytes } from "./helpers";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
}

/** A compound-file header followed by directory entries naming these streams. */
function cfb(...streams: string[]): Uint8Array {
  const bytes = [...CFB_MAGIC, ...new Array<number>(512 - CFB_MAGIC.length).fill(0)];
  for (const s of streams) bytes.push(...utf16(s), ...new Array<number>(128 - 2 * s.length).fill(0));
  return new Uint8Array(bytes);
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Patches every central-directory record's uncompressed size (offset 24) to `size`. */
function claimSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 4 <= out.length; p++) if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, size, true);
  return out;
}

async function realWorkbook(rows = 3): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet("绩效目标表");
    for (let i = 0; i < rows; i++) ws.addRow([`单位${i}`, `项目${i}-${Math.random().toString(36)}`, "1、产出指标：资金拨付时效指标，年度指标值：≥90%。"]);
  });
}

describe("sniffWorkbook", () => {
  it("accepts a real .xlsx", async () => {
    expect(sniffWorkbook(await realWorkbook())).toEqual({ ok: true });
  });

  it("accepts a package whose workbook part is elsewhere, for the reader to find through _rels/.rels", async () => {
    expect(sniffWorkbook(await zipOf({ "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "xl/workbook2.xml": "<workbook/>" }))).toEqual({ ok: true });
  });

  it.each<[string, BadFileKind, () => Promise<Uint8Array> | Uint8Array]>([
    ["a PNG picture renamed .xlsx", "notZip", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ["an empty file", "truncated", () => new Uint8Array(0)],
    ["a download cut in half", "truncated", async () => (await realWorkbook()).slice(0, 2000)],
    ["a password-protected workbook (CFB with EncryptedPackage)", "encrypted", () => cfb("Root Entry", "EncryptionInfo", "EncryptedPackage")],
    ["a legacy .xls (CFB with a Workbook stream)", "legacyXls", () => cfb("Root Entry", "Workbook", "SummaryInformation")],
    ["a .docx renamed .xlsx (zip without xl/workbook.xml)", "notXlsx", () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" })],
    ["a whole .docx renamed .xlsx (root relationships and all)", "notXlsx", () => zipOf({ "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "word/document.xml": "<w:document/>" })],
    ["a zip of files that is no package", "notXlsx", () => zipOf({ "数据/表.xml": "<a/>", "说明.txt": "x" })],
    ["an HTML table saved as .xlsx", "notXlsx", () => new TextEncoder().encode("\ufeff<html><body><table><tr><td>主管部门</td></tr></table></body></html>")],
    ["a CSV export named .xlsx", "notXlsx", () => new TextEncoder().encode("主管部门,预算单位,项目名称,绩效目标,绩效指标\r\n中共广州市花都区委员会组织部,,,,\r\n")],
    ["an empty zip", "notXlsx", () => zipOf({})],
  ])("rejects %s as %s", async (_, kind, make) => {
    expect(sniffWorkbook(await make())).toEqual({ ok: false, kind });
  });

  it("rejects a zip bomb whose central directory claims more than the limit, before inflating", async () => {
    const small = await zipOf({ "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet/>" });
    expect(sniffWorkbook(small)).toEqual({ ok: true });
    // two parts of 0xFFFF0000 bytes each: ~8 GiB claimed from a file of a few hundred bytes
    expect(sniffWorkbook(claimSize(small, 0xffff0000))).toEqual({ ok: false, kind: "tooLarge" });
    expect(2 * 0xffff0000).toBeGreaterThan(MAX_UNCOMPRESSED_BYTES);
  });

  it("rejects one part expanding more than deflate allows real sheets to (the ratio check)", async () => {
    const small = await zipOf({ "xl/workbook.xml": "<workbook/>" });
    expect(sniffWorkbook(claimSize(small, 200 * 1024 * 1024))).toEqual({ ok: false, kind: "tooLarge" });
  });

  it("reads the directory from the end, so the CLI's head-and-tail probe of a big file passes", async () => {
    const big = await realWorkbook(6000);
    expect(big.length).toBeGreaterThan(128 * 1024);
    const probe = new Uint8Array(128 * 1024);
    probe.set(big.subarray(0, 64 * 1024), 0);
    probe.set(big.subarray(big.length - 64 * 1024), 64 * 1024);
    expect(sniffWorkbook(probe)).toEqual({ ok: true });
  });
});

describe("readWorkbook on bad files", () => {
  it("throws a BadWorkbookError carrying the sniffed kind", async () => {
    await expect(readWorkbook(cfb("EncryptedPackage"))).rejects.toMatchObject({ name: "BadWorkbookError", kind: "encrypted" });
  });

  it("reports a zip that looks like a workbook but is not one as corrupt", async () => {
    const fake = await zipOf({ "[Content_Types].xml": "not xml at all <<<", "xl/workbook.xml": "<<<" });
    const error = await readWorkbook(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadWorkbookError);
    expect((error as BadWorkbookError).kind).toBe("corrupt");
  });

  it("reads a workbook without worksheets as no sheets, for the caller to report", async () => {
    const empty = await xlsxBytes(() => undefined);
    expect((await readWorkbook(empty)).sheets).toEqual([]);
  });
});

describe("bad-file messages", () => {
  const kinds: BadFileKind[] = ["notZip", "truncated", "encrypted", "legacyXls", "notXlsx", "tooLarge", "corrupt", "noSheets"];
  it.each(kinds)("%s has one Chinese and one English line", (kind) => {
    expect(badFileMessage(kind, "zh")).toMatch(/[\u4e00-\u9fff]/);
    expect(badFileMessage(kind, "en")).toMatch(/^[\x20-\x7e→]+$/);
    expect(badFileMessage(kind, "zh")).not.toContain("\n");
  });
});
