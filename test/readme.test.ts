import * as fs from "fs";
import * as path from "path";
import { ruleCatalogueMarkdown } from "./readmeTables";
import { RULE_CODES } from "../src/core/rules/index";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

// The README's rule catalogue is generated from the rules (`node scripts/run-ts.js scripts/rules-table.ts`):
// a rule added, re-graded or re-worded without updating the README fails here.
test.each(["zh", "en"] as const)("the README holds the current %s rule catalogue", (lang) => {
  expect(README).toContain(ruleCatalogueMarkdown(lang));
});

test("the README documents both set-up commands and every rule code", () => {
  expect(README).toContain("npm ci && npm run demo");
  expect(README).toContain("npm ci && npm test");
  for (const code of RULE_CODES) expect(README).toContain(`\`${code}\``);
});
