// Prints the rule catalogue as markdown tables (zh and en) from the code itself, for the README.
// `test/readme.test.ts` checks that the README holds exactly these tables, so they cannot drift.
import { ruleCatalogueMarkdown } from "../test/readmeTables";

for (const lang of ["zh", "en"] as const) {
  console.log(ruleCatalogueMarkdown(lang));
  console.log();
}
