import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/**
 * First-load JavaScript of the task pane as built in dist/ (the packaging engineer owns the
 * build): the scripts the taskpane HTML loads, gzipped, and whether exceljs is among them.
 * exceljs is recognised by a message of its worksheet module that survives minification.
 */
export interface FirstLoad {
  html: string;
  scripts: { file: string; gzipBytes: number; hasExceljs: boolean }[];
  totalGzipBytes: number;
  exceljsIn: string[];
}

const EXCELJS_MARKER = "Worksheet name already exists";

/** `<script defer src="taskpane.3f2a.js">` or, minified, `<script defer src=taskpane.3f2a.js>`
 * → `taskpane.3f2a.js`. Each value form is one run of a class that excludes its own end, so
 * there is nothing to backtrack over. */
const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export function measureFirstLoad(dist: string): FirstLoad | undefined {
  if (!fs.existsSync(dist)) return undefined;
  const html = ["taskpane.html", "index.html"].map((f) => path.join(dist, f)).find((f) => fs.existsSync(f));
  if (!html) return undefined;
  const text = fs.readFileSync(html, "utf8");
  const scripts: FirstLoad["scripts"] = [];
  for (const m of text.matchAll(SCRIPT_SRC)) {
    const src = m[1] ?? m[2] ?? m[3] ?? "";
    // Office.js itself comes from Microsoft's CDN and is not ours to count.
    if (/^https?:\/\//i.test(src)) continue;
    const file = path.join(path.dirname(html), src.replace(/^\//, "").split("?")[0]!);
    if (!fs.existsSync(file)) continue;
    const content = fs.readFileSync(file);
    scripts.push({
      file: path.relative(dist, file),
      gzipBytes: zlib.gzipSync(content, { level: 9 }).length,
      hasExceljs: /exceljs/i.test(path.basename(file)) || content.includes(EXCELJS_MARKER),
    });
  }
  // No script found means the HTML is not what we expect (or a build is half-written).
  if (scripts.length === 0) return undefined;
  return {
    html: path.relative(dist, html),
    scripts,
    totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
    exceljsIn: scripts.filter((s) => s.hasExceljs).map((s) => s.file),
  };
}
