"use strict";
// Minimal require hook: esbuild turns each .ts/.tsx file into CommonJS as Node loads it.
const fs = require("fs");
const { transformSync } = require("esbuild");
for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
      loader: ext.slice(1),
      format: "cjs",
      target: "node20",
      sourcefile: filename,
      sourcemap: "inline",
      jsx: "automatic",
    });
    module._compile(code, filename);
  };
}
