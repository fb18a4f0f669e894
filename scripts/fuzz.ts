// `npm run fuzz`: the million-cell fuzz campaign of the parser and every rule (issue: reliability).
// Prints one summary line and writes it to test-output/fuzz-last.json; the README quotes the
// last result. The normal test run does a 20,000-cell slice of the same campaign.
import * as fs from "fs";
import * as path from "path";
import { adversarialInputs, runFuzz } from "../test/fuzz/fuzzCore";
import { parseIndicatorCell } from "../src/core/parse/parseCell";

const cases = Number(process.argv[2] ?? 1_000_000);
const result = runFuzz(cases, 20261124, (done) => process.stderr.write(`\r${done.toLocaleString()} / ${cases.toLocaleString()}`));
process.stderr.write("\n");
const adversarial = adversarialInputs().map(([name, text]) => {
  const t0 = performance.now();
  parseIndicatorCell(text);
  return { name, length: text.length, ms: Math.round((performance.now() - t0) * 10) / 10 };
});
const summary = {
  date: new Date().toISOString().slice(0, 10),
  cases: result.cases,
  items: result.items,
  failures: result.failures.length,
  seconds: Math.round(result.totalMs / 100) / 10,
  slowestCellMs: Math.round(result.slowest.ms * 10) / 10,
  slowestCellLength: result.slowest.length,
  adversarial,
};
fs.mkdirSync("test-output", { recursive: true });
fs.writeFileSync(path.join("test-output", "fuzz-last.json"), JSON.stringify({ ...summary, examples: result.failures.slice(0, 20) }, null, 2));
console.log(
  `fuzz: ${summary.cases.toLocaleString()} cells, ${summary.items.toLocaleString()} items, ${summary.failures} failures, ` +
    `${summary.seconds} s, slowest cell ${summary.slowestCellMs} ms (${summary.slowestCellLength} chars); ` +
    `adversarial max ${Math.max(...adversarial.map((a) => a.ms))} ms`,
);
for (const f of result.failures.slice(0, 5)) console.log(`  ${f.reason}: ${JSON.stringify(f.input.slice(0, 120))}`);
process.exit(result.failures.length === 0 ? 0 : 1);
