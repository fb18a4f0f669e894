import * as fs from "fs";
import * as path from "path";

/** Small readers of the built pages, shared by the build tests. */

/**
 * The attributes of every `<name …>` start tag, quoted or not (the production HTML is minified).
 * `<script defer src=taskpane.1a2b3c4d.js>` → [{ defer: "", src: "taskpane.1a2b3c4d.js" }]
 */
export function startTags(html: string, name: string): Record<string, string>[] {
  const tags = [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "gi"))];
  // `content="a b"` | `content='a'` | `content=a` | `defer`: each alternative stops at its own delimiter.
  const attribute = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  return tags.map((tag) =>
    Object.fromEntries([...(tag[1] ?? "").matchAll(attribute)].map((a) => [(a[1] ?? "").toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""])),
  );
}

/** The script URLs of a page, in document order. */
export function scriptSources(html: string): string[] {
  return startTags(html, "script").flatMap((a) => (a["src"] !== undefined ? [a["src"]] : []));
}

/** The content of `<meta name=…>` (or `http-equiv=…`). */
export function metaContent(html: string, name: string): string | undefined {
  const lower = name.toLowerCase();
  return startTags(html, "meta").find((a) => a["name"]?.toLowerCase() === lower || a["http-equiv"]?.toLowerCase() === lower)?.["content"];
}

/** The Content-Security-Policy <meta> of a page, as directive → sources. */
export function pagePolicy(html: string): Map<string, string[]> | undefined {
  const content = metaContent(html, "Content-Security-Policy");
  if (content === undefined) return undefined;
  const policy = new Map<string, string[]>();
  for (const directive of content.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

export function readDist(dist: string, file: string): string {
  return fs.readFileSync(path.join(dist, file), "utf8");
}

/** Every file under dir, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/**
 * Code that compiles strings at run time, which a CSP without 'unsafe-eval' refuses:
 * `eval(`, `new Function(`, and `Function("…")` called without `new`.
 * Not matched: `x.eval(` (a method), `isFunction(`, `typeof Function`.
 */
export const STRING_COMPILATION = /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]/;
