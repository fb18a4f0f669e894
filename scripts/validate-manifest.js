#!/usr/bin/env node
// Validates manifest.xml offline against Microsoft's XSD schemas in
// ../shared/schemas/office-addin-manifest (office-addin-manifest's own `validate` posts the
// manifest to a Microsoft web service, unreachable on intranets and in CI). Uses libxml2
// compiled to WebAssembly (xmllint-wasm), so no Debian package is needed.
// Besides the schema, checks what the schemas cannot: every resid is defined, every URL is
// https, and the icons referenced exist in assets/.
"use strict";
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const manifestPath = process.argv[2] || "manifest.xml";
const schemaDir = process.env.MANIFEST_SCHEMA_DIR || path.join(__dirname, "..", "..", "shared", "schemas", "office-addin-manifest");
const MAIN = "OfficeAppManifestV1_1.xsd";

async function main() {
  if (!fs.existsSync(path.join(schemaDir, MAIN))) {
    console.error(`找不到清单架构目录 / manifest schemas not found: ${schemaDir}`);
    process.exit(2);
  }
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const xml = fs.readFileSync(manifestPath, "utf8");
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: xml }],
    schema: [read(MAIN)],
    preload: fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== MAIN).map(read),
  });
  const problems = [];
  if (!result.valid) problems.push(result.rawOutput.trim());
  problems.push(...crossChecks(xml));
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error(`${manifestPath} fails to validate`);
    process.exit(1);
  }
  console.log(`${manifestPath} validates (schema + resid/URL/icon checks)`);
}

/** Checks the XSDs do not express (no key/keyref in them). */
function crossChecks(xml) {
  const out = [];
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!defined.has(m[1])) out.push(`resid "${m[1]}" names no bt:Image, bt:Url or bt:String`);
  }
  for (const m of xml.matchAll(/(?:DefaultValue|Override[^>]*Value)="(http[^"]*)"/g)) {
    if (m[1].startsWith("http:")) out.push(`URL is not https: ${m[1]}`);
  }
  for (const m of xml.matchAll(/"https:\/\/localhost:\d+\/(assets\/[^"]+\.png)"/g)) {
    if (!fs.existsSync(path.join(path.dirname(manifestPath), m[1]))) out.push(`icon missing: ${m[1]}`);
  }
  return out;
}

main().catch((e) => {
  console.error(`清单校验失败 / manifest validation failed: ${e.message}`);
  process.exit(2);
});
