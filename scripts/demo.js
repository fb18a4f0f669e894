#!/usr/bin/env node
// `npm run demo`: the main job on the bundled sample — the report on screen, and the JSON report,
// the cleaned workbook and the annotated workbook in ./out.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const sample = path.join(root, "assets", "samples", "绩效目标表-示例.xlsx");
const out = path.join(root, "out");
fs.mkdirSync(out, { recursive: true });
const args = [
  path.join(root, "bin", "indicator-checker.js"),
  "check",
  sample,
  "--json", path.join(out, "绩效目标表-示例-校验报告.json"),
  "--clean", path.join(out, "绩效目标表-示例-清洗后.xlsx"),
  "--annotate", path.join(out, "绩效目标表-示例-已标注.xlsx"),
  ...process.argv.slice(2),
];
const r = spawnSync(process.execPath, args, { stdio: "inherit" });
// Exit 1 only means "errors found in the sample" — which is the point of the demo.
if (r.status === 0 || r.status === 1) {
  console.log(`\n输出目录 / outputs: ${out}`);
  for (const f of fs.readdirSync(out)) console.log(`  ${f}`);
  process.exit(0);
}
process.exit(r.status ?? 2);
