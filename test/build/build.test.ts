import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { BUILD_TIMEOUT_MS, buildOnce, ROOT, TEST_ADDIN_URL, type Build } from "./buildOnce";
import { listFiles, metaContent, pagePolicy, readDist, scriptSources, startTags, STRING_COMPILATION } from "./pages";

/** What the production build ships: pages, bundles, manifest and policy, read from dist. */

const FIRST_LOAD_BUDGET = 400 * 1024;
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

let build: Build;
beforeAll(async () => {
  build = await buildOnce();
}, BUILD_TIMEOUT_MS);

const pages = ["taskpane.html", "commands.html", "dialog.html"];

describe("the pages", () => {
  test.each(pages)("%s loads bundles that exist in dist", (page) => {
    const sources = scriptSources(readDist(build.dist, page)).filter((s) => !s.startsWith("https://"));
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(fs.existsSync(path.join(build.dist, src))).toBe(true);
  });

  test("the task pane loads its entry bundle with content hashes, and office.js only through the bootstrap", () => {
    const html = readDist(build.dist, "taskpane.html");
    const sources = scriptSources(html);
    expect(sources).toEqual(build.chunks.entrypoints["taskpane"]?.files);
    expect(sources.some((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    // No <script src=office.js>: file mode must not fetch it; the URL waits in a meta tag.
    expect(sources.some((s) => s.includes("office"))).toBe(false);
    expect(metaContent(html, "indicator-checker:office-js")).toBe(`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`);
  });

  test("the ribbon's function file loads office.js before its bundle", () => {
    const sources = scriptSources(readDist(build.dist, "commands.html"));
    expect(sources[0]).toBe(`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`);
    expect(sources.slice(1)).toEqual(build.chunks.entrypoints["commands"]?.files);
  });

  test("the ribbon's result dialog loads office.js, its bundle and its hashed stylesheet", () => {
    const html = readDist(build.dist, "dialog.html");
    expect(scriptSources(html)).toEqual([`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`, ...(build.chunks.entrypoints["dialog"]?.files ?? [])]);
    const css = startTags(html, "link").find((a) => a["rel"] === "stylesheet")?.["href"] ?? "";
    expect(css).toMatch(/^dialog\.[0-9a-f]{8}\.css$/);
    expect(fs.existsSync(path.join(build.dist, css))).toBe(true);
  });

  test.each(pages)("%s carries a Content-Security-Policy without eval or inline script", (page) => {
    const policy = pagePolicy(readDist(build.dist, page));
    expect(policy).toBeDefined();
    expect(policy?.get("script-src")).toEqual(["'self'", OFFICE_JS_ORIGIN]);
    // The hash is the empty string's: Fluent UI's empty <style> elements, filled through CSSOM.
    expect(policy?.get("style-src")).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", OFFICE_JS_ORIGIN]);
    expect(policy?.get("connect-src")).toEqual(["'self'", OFFICE_JS_ORIGIN]);
    expect(policy?.get("object-src")).toEqual(["'none'"]);
    expect(policy?.get("base-uri")).toEqual(["'none'"]);
    const all = [...(policy?.values() ?? [])].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'unsafe-inline'");
  });
});

describe("the bundles", () => {
  const jsFiles = () => listFiles(build.dist).filter((f) => f.endsWith(".js"));

  test("no bundle compiles strings at run time (eval, new Function), so the policy needs no 'unsafe-eval'", () => {
    const offenders = jsFiles().flatMap((file) => {
      const text = readDist(build.dist, file);
      const m = STRING_COMPILATION.exec(text);
      return m ? [`${file}: …${text.slice(Math.max(0, m.index - 60), m.index + 40)}…`] : [];
    });
    expect(offenders).toEqual([]);
  });

  test("source maps are separate files, not eval-wrapped modules", () => {
    for (const file of jsFiles()) {
      const text = readDist(build.dist, file);
      expect(text).toMatch(/\/\/# sourceMappingURL=[^\s]+\.js\.map\s*$/);
      expect(fs.existsSync(path.join(build.dist, `${file}.map`))).toBe(true);
    }
  });

  test(`the task pane's first load is at most ${FIRST_LOAD_BUDGET / 1024} KB gzipped`, () => {
    const initial = build.chunks.entrypoints["taskpane"]?.files ?? [];
    const gzipped = initial.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(build.dist, file))).length, 0);
    expect(initial.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  test("exceljs sits in its own async chunk, never in a page's initial chunks", () => {
    const initialFiles = new Set(Object.values(build.chunks.entrypoints).flatMap((e) => e.files));
    const withExceljs = build.chunks.chunks.filter((c) => c.exceljsModules > 0);
    expect(withExceljs.map((c) => c.names)).toEqual([["exceljs"]]);
    expect(withExceljs.every((c) => !c.initial && c.files.every((f) => !initialFiles.has(f)))).toBe(true);
    // And by content: exceljs's workbook writer strings appear in no initial file.
    for (const file of initialFiles) expect(readDist(build.dist, file)).not.toContain("xl/worksheets/_rels/");
  });

  test("the file mode's Web Worker is bundled as its own chunk", () => {
    const worker = build.chunks.chunks.find((c) => c.names.includes("indicator-check"));
    expect(worker).toBeDefined();
    expect(worker?.initial).toBe(false);
    expect(worker?.workerModules).toBe(1);
    for (const f of worker?.files ?? []) expect(fs.existsSync(path.join(build.dist, f))).toBe(true);
  });
});

describe("the manifest in dist", () => {
  test(`points every URL at ADDIN_URL (${TEST_ADDIN_URL}) and none at localhost`, () => {
    const xml = readDist(build.dist, "manifest.xml");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`<SourceLocation DefaultValue="${TEST_ADDIN_URL}taskpane.html"/>`);
    expect(xml).toContain(`<bt:Url id="Commands.Url" DefaultValue="${TEST_ADDIN_URL}commands.html"/>`);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url?.startsWith(TEST_ADDIN_URL)).toBe(true);
  });

  test("still validates against the manifest schemas", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js"), path.join(build.dist, "manifest.xml")], { encoding: "utf8" });
    expect(out).toContain("validates");
  });

  test("comes with the icons it names", () => {
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(build.dist, "assets", `icon-${size}.png`))).toBe(true);
  });
});
