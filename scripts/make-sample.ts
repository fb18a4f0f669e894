import * as fs from "fs";
import * as path from "path";
import { buildSampleWorkbook, SAMPLE_FILE_NAME } from "../src/workbook/sampleWorkbook";

/**
 * `npm run sample`: writes assets/samples/绩效目标表-示例.xlsx from the seed table
 * (test/fixtures/files/seed.tsv, or the path given). The output is deterministic, so the
 * committed file changes only when the seed or the builder does.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const seed = process.argv[2] ?? path.join(root, "test", "fixtures", "files", "seed.tsv");
  const out = path.join(root, "assets", "samples", SAMPLE_FILE_NAME);
  const bytes = await buildSampleWorkbook(fs.readFileSync(seed, "utf8"));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  process.stdout.write(`wrote ${path.relative(root, out)} (${bytes.length} bytes)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`make-sample: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
