/* Build of the add-in pages (task pane, ribbon commands), after Microsoft's React task-pane
 * template (OfficeDev/Office-Addin-TaskPane-React), plus what an intranet deployment needs:
 *
 *   ADDIN_URL=https://intranet.example/indicator/   where dist/ will be served (manifest URLs);
 *                                                   default https://localhost:3000/ (dev server)
 *   OFFICE_JS=cdn | self                            office.js from Microsoft's CDN (default), or
 *                                                   copied into dist/office-js/ and served by us
 *   BUILD_STATS_FILE=path.json                      (tests) write the chunk graph there
 *
 * Dev certificates are asked for only by `webpack serve` (CI has none). Every page carries a
 * Content-Security-Policy <meta>; no eval-based devtool, so the policy needs no 'unsafe-eval'.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where `OFFICE_JS=self` puts the library, relative to the pages (works under any sub-path). */
const OFFICE_JS_SELF = "office-js/office.js";
const OFFICE_JS_DIST = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");

/** The deployment URL from ADDIN_URL: https only (Office refuses http), always ending in "/". */
function addinUrl(raw = process.env.ADDIN_URL) {
  if (raw === undefined || raw.trim() === "") return DEV_URL;
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_URL 不是有效的网址 / ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL 必须是 https 网址 / ADDIN_URL must be https: ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL 不能带查询或锚点 / ADDIN_URL must have no query or fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Where the pages load office.js from, per OFFICE_JS. */
function officeJsSource(raw = process.env.OFFICE_JS) {
  const kind = raw === undefined || raw === "" ? "cdn" : raw;
  if (kind === "cdn") return { kind, url: OFFICE_JS_CDN, origin: new URL(OFFICE_JS_CDN).origin };
  if (kind === "self") return { kind, url: OFFICE_JS_SELF, origin: undefined };
  throw new Error(`OFFICE_JS 只能是 cdn 或 self / OFFICE_JS must be cdn or self, not ${raw}`);
}

/**
 * The hash of the empty string. Griffel (Fluent UI v9) and FluentProvider append EMPTY <style>
 * elements and fill them through CSSOM insertRule(), which CSP does not govern; but Chromium
 * checks each new <style> element's (empty) text against style-src. Allowing exactly the empty
 * text keeps 'unsafe-inline' out: a <style> with any content stays blocked.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The policy every page carries. Scripts and styles only from us and the office.js origin
 * (plus the empty <style> elements above); React sets style properties through CSSOM, which
 * needs nothing. The Chromium end-to-end tests fail on any violation.
 * `devServer` adds the dev server's live-reload socket.
 */
function contentSecurityPolicy(officeJs, devServer = false) {
  const office = officeJs.origin ? [officeJs.origin] : [];
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...office],
    "style-src": ["'self'", EMPTY_STYLE_HASH, ...office],
    "img-src": ["'self'", "data:", "blob:", ...office],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...office, ...(devServer ? ["wss://localhost:3000", "ws://localhost:3000"] : [])],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

function escapeXmlAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The manifest with the dev server's URLs pointed at the deployment. */
function rewriteManifest(xml, url) {
  if (url === DEV_URL) return xml;
  return xml.split(DEV_URL).join(escapeXmlAttribute(url));
}

/**
 * Some prebuilt libraries (exceljs's browser bundle: lodash, regenerator and setImmediate
 * polyfills) carry `Function("return this")()`-style fallbacks behind `globalThis` checks. They
 * never run in a browser with globalThis, but a policy without 'unsafe-eval' should not have to
 * trust that: each is replaced by its globalThis equivalent before minification.
 */
const EVAL_FALLBACKS = [
  // `o = i || s || Function("return this")()` → `… || globalThis`
  { find: 'Function("return this")()', replace: "globalThis" },
  // `Function("r","regeneratorRuntime = r")(n)` → `(function(r){globalThis.regeneratorRuntime=r})(n)`
  { find: 'Function("r","regeneratorRuntime = r")', replace: "(function(r){globalThis.regeneratorRuntime=r})" },
  // setImmediate("code string") would compile the string; refuse instead.
  { find: 'e=new Function(""+e)', replace: 'e=function(){throw new TypeError("setImmediate: string callbacks are not supported")}' },
];

class NoEvalFallbacksPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("NoEvalFallbacksPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "NoEvalFallbacksPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, (assets) => {
        for (const name of Object.keys(assets)) {
          const asset = compilation.getAsset(name);
          // Our bundles only: copied files (office.js under OFFICE_JS=self) stay as published.
          if (!name.endsWith(".js") || asset.info.copied) continue;
          const original = asset.source;
          const text = original.source().toString();
          if (!EVAL_FALLBACKS.some((f) => text.includes(f.find))) continue;
          const patched = new sources.ReplaceSource(original);
          for (const { find, replace } of EVAL_FALLBACKS) {
            for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) {
              patched.replace(at, at + find.length - 1, replace);
            }
          }
          compilation.updateAsset(name, patched);
        }
      });
    });
  }
}

/** For the build tests: entry points' initial files and, per chunk, how much of exceljs it holds. */
class ChunkGraphPlugin {
  constructor(file) {
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.done.tap("ChunkGraphPlugin", (stats) => {
      const compilation = stats.compilation;
      const entrypoints = {};
      for (const [name, entry] of compilation.entrypoints) {
        entrypoints[name] = { files: entry.getFiles().filter((f) => f.endsWith(".js")) };
      }
      const chunks = [...compilation.chunks].map((chunk) => {
        const modules = compilation.chunkGraph.getChunkModules(chunk).map((m) => m.nameForCondition() || m.identifier());
        return {
          names: chunk.name ? [chunk.name] : [],
          files: [...chunk.files].filter((f) => f.endsWith(".js")),
          initial: chunk.canBeInitial(),
          moduleCount: modules.length,
          exceljsModules: modules.filter((m) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(m)).length,
          workerModules: modules.filter((m) => /check\.worker\.ts$/.test(m)).length,
        };
      });
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify({ entrypoints, chunks }, null, 2));
    });
  }
}

/** dialog.css under a content-hashed name (no CSS loader here; the page links the file). */
function dialogCssName() {
  const hash = require("crypto").createHash("sha256").update(fs.readFileSync(path.join(__dirname, "src", "dialog", "dialog.css"))).digest("hex").slice(0, 8);
  return `dialog.${hash}.css`;
}

async function devServerHttps() {
  // Required lazily: only `webpack serve` needs (and may create) the localhost certificates.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const url = addinUrl();
  const officeJs = officeJsSource();
  const csp = contentSecurityPolicy(officeJs, serving);
  const dialogCss = dialogCssName();
  const pageParameters = { csp, officeJsUrl: officeJs.url, dialogCss };

  return {
    mode: dev ? "development" : "production",
    // Office's webviews (Edge WebView2, Safari WKWebView) are ES2020+; this also lets webpack's
    // runtime use globalThis instead of its `new Function("return this")` fallback.
    target: ["web", "es2020"],
    // Separate .map files: an eval-* devtool would need 'unsafe-eval' in the policy.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The ribbon command's result dialog (src/commands/commands.ts opens dialog.html).
      dialog: "./src/dialog/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Relative to the page, so dist/ works under any sub-path of ADDIN_URL.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`'s job; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // The file mode's in-page fallback loads exceljs by import(): one cacheable async chunk.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 20, enforce: true },
          defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
        },
      },
    },
    performance: {
      // The task pane's first load; the build tests hold it to 400 KB gzipped.
      hints: dev ? false : "warning",
      maxEntrypointSize: 1200 * 1024,
      maxAssetSize: 1500 * 1024,
    },
    plugins: [
      new NoEvalFallbacksPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/dialog/dialog.css", to: dialogCss },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), url),
          },
          ...(officeJs.kind === "self"
            ? [
                {
                  from: OFFICE_JS_DIST,
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js", "**/*.d.ts"] },
                  // Microsoft's files byte for byte: already minified, not ours to rewrite.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: pageParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: pageParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/dialog/dialog.html",
        chunks: ["dialog"],
        templateParameters: pageParameters,
      }),
      ...(process.env.BUILD_STATS_FILE ? [new ChunkGraphPlugin(path.resolve(process.env.BUILD_STATS_FILE))] : []),
    ],
    devServer: serving
      ? {
          hot: false,
          liveReload: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devServerHttps() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};

// For the build tests, which check these rules without running a build for each setting.
module.exports.addinUrl = addinUrl;
module.exports.officeJsSource = officeJsSource;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
