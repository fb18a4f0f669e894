import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inflateSync } from "zlib";
import { ROOT } from "./buildOnce";

/** The build settings (ADDIN_URL, OFFICE_JS) and the drawn icons, checked without running webpack. */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "webpack.config.js")) as {
  addinUrl(raw?: string): string;
  officeJsSource(raw?: string): { kind: string; url: string; origin?: string };
  contentSecurityPolicy(officeJs: { origin?: string }, devServer?: boolean): string;
  rewriteManifest(xml: string, url: string): string;
  DEV_URL: string;
};

/** What the config factory returns for these settings, summarised. */
interface ConfigSummary {
  devtool: string | false;
  devServer: boolean;
  pages: string[];
  copies: { from: string; to: string; info?: { minimized?: boolean } }[];
}

/**
 * Runs the config factory in a plain Node process: its module-resolution workaround (see the
 * top of webpack.config.js) hooks Node's resolver, which jest's module sandbox bypasses.
 */
function configFor(env: Record<string, string>, webpackEnv: Record<string, unknown>, mode: string): ConfigSummary {
  const script = `
    const config = require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))});
    config(${JSON.stringify(webpackEnv)}, { mode: ${JSON.stringify(mode)} }).then((c) => {
      const copy = c.plugins.find((p) => p.constructor.name === "CopyPlugin");
      process.stdout.write(JSON.stringify({
        devtool: c.devtool,
        devServer: c.devServer !== undefined,
        pages: c.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions.filename),
        copies: copy.patterns.map((p) => ({ from: p.from, to: p.to, info: p.info })),
      }));
    });`;
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const key of ["OFFICE_JS", "ADDIN_URL"]) if (env[key] === undefined) delete childEnv[key];
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: childEnv, encoding: "utf8" })) as ConfigSummary;
}

describe("ADDIN_URL", () => {
  test("defaults to the dev server, and the manifest then keeps its localhost URLs", () => {
    expect(config.addinUrl(undefined)).toBe("https://localhost:3000/");
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(config.rewriteManifest(xml, config.addinUrl(""))).toBe(xml);
  });

  test("gains its trailing slash, so page URLs are joined right", () => {
    expect(config.addinUrl("https://intranet.example/indicator")).toBe("https://intranet.example/indicator/");
  });

  test("must be https without query or fragment: Office refuses http add-ins", () => {
    expect(() => config.addinUrl("http://intranet.example/indicator/")).toThrow(/https/);
    expect(() => config.addinUrl("https://intranet.example/?a=1")).toThrow(/query/);
    expect(() => config.addinUrl("not a url")).toThrow(/not a URL/);
  });

  test("rewrites every dev URL of the manifest, XML-escaped", () => {
    const xml = '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><bt:Image DefaultValue="https://localhost:3000/assets/icon-16.png"/>';
    expect(config.rewriteManifest(xml, "https://a.example/x&y/")).toBe(
      '<SourceLocation DefaultValue="https://a.example/x&amp;y/taskpane.html"/><bt:Image DefaultValue="https://a.example/x&amp;y/assets/icon-16.png"/>',
    );
  });
});

describe("OFFICE_JS", () => {
  test("cdn (the default) loads Microsoft's hosted office.js and allows that origin", () => {
    const cdn = config.officeJsSource(undefined);
    expect(cdn).toEqual({ kind: "cdn", url: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", origin: "https://appsforoffice.microsoft.com" });
    expect(config.contentSecurityPolicy(cdn)).toContain("connect-src 'self' https://appsforoffice.microsoft.com;");
  });

  test("self serves office.js from our origin: the policy then names no other host", () => {
    const self = config.officeJsSource("self");
    expect(self.url).toBe("office-js/office.js");
    const policy = config.contentSecurityPolicy(self);
    expect(policy).not.toMatch(/https?:/);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
  });

  test("anything else is refused", () => {
    expect(() => config.officeJsSource("https://cdn.example/office.js")).toThrow(/cdn or self/);
  });

  test("self copies office.js, as published, into dist/office-js; cdn copies nothing of it", () => {
    expect(configFor({}, {}, "production").copies.map((c) => c.to)).not.toContain("office-js");
    const officeJs = configFor({ OFFICE_JS: "self" }, {}, "production").copies.find((p) => p.to === "office-js");
    expect(officeJs?.from).toBe(path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist"));
    expect(fs.existsSync(path.join(officeJs?.from ?? "", "office.js"))).toBe(true);
    // Marked minimized, so the minimizer ships Microsoft's files unchanged.
    expect(officeJs?.info).toEqual({ minimized: true });
  });
});

describe("the webpack configuration", () => {
  test.each(["production", "development"])("%s mode uses no eval-based devtool and asks for no dev certificates", (mode) => {
    const built = configFor({}, { WEBPACK_BUILD: true }, mode);
    expect(String(built.devtool)).not.toMatch(/eval/);
    expect(built.devServer).toBe(false);
    expect(built.pages).toEqual(["taskpane.html", "commands.html", "dialog.html"]);
  });
});

describe("the icons", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const icons = require(path.join(ROOT, "scripts", "make-icons.js")) as { SIZES: number[]; crc32(bytes: Buffer): number };

  function readPng(file: string) {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString("ascii", at + 4, at + 8);
      const data = bytes.subarray(at + 8, at + 8 + length);
      expect(bytes.readUInt32BE(at + 8 + length)).toBe(icons.crc32(bytes.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    const ihdr = chunks[0];
    const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
    return { width: ihdr?.data.readUInt32BE(0), height: ihdr?.data.readUInt32BE(4), raw: inflateSync(idat), types: chunks.map((c) => c.type) };
  }

  test.each([16, 32, 64, 80, 128])("icon-%i.png is a valid square RGBA PNG of that size, with a transparent corner and an opaque green badge", (size) => {
    const png = readPng(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(png).toMatchObject({ width: size, height: size });
    expect(png.types[0]).toBe("IHDR");
    expect(png.types.at(-1)).toBe("IEND");
    const stride = size * 4 + 1;
    const pixel = (x: number, y: number) => [...png.raw.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)];
    expect(pixel(size - 1, 0)[3]).toBe(0); // top-right corner: outside the sheet and the badge
    // Just left of the check's corner, inside the badge: Excel green, fully opaque.
    expect(pixel(Math.floor(size * 0.72), Math.floor(size * 0.6))).toEqual([16, 124, 65, 255]);
  });

  test("make-icons.js redraws exactly the committed icons", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "icons-"));
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.js"), out]);
    for (const size of icons.SIZES) {
      expect(fs.readFileSync(path.join(out, `icon-${size}.png`)).equals(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toBe(true);
    }
    fs.rmSync(out, { recursive: true, force: true });
  });
});
