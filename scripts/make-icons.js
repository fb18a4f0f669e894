#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-16.png … icon-128.png): a table sheet with a green
// header row and grid, and a green round badge holding a white check mark. Pure Node (zlib and
// a hand-written PNG encoder), so no ImageMagick or canvas package is needed; the output is
// deterministic, so re-running it changes no bytes.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
/** Samples per pixel side: 6×6 coverage samples give smooth edges even at 16 px. */
const SUPERSAMPLE = 6;

const COLORS = {
  sheet: [255, 255, 255],
  sheetBorder: [96, 108, 122],
  header: [16, 124, 65], // Excel's green (#107C41)
  grid: [170, 180, 190],
  badge: [16, 124, 65],
  ring: [255, 255, 255],
  check: [255, 255, 255],
};

// ---- geometry, in unit coordinates (0..1, y down) -------------------------------------

function insideRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The layers, bottom to top: each answers "does this point get my colour?". */
function layers(size) {
  // Strokes never thinner than one pixel, or the 16 px grid would vanish.
  const px = 1 / size;
  const line = Math.max(px, 0.035);
  const outer = { x0: 0.05, y0: 0.08, x1: 0.8, y1: 0.88, radius: 0.07 };
  const inner = { x0: outer.x0 + line, y0: outer.y0 + line, x1: outer.x1 - line, y1: outer.y1 - line, radius: Math.max(0, outer.radius - line) };
  const headerBottom = 0.3;
  const rows = [0.49, 0.68];
  const cols = [0.3, 0.55];
  const badge = { cx: 0.72, cy: 0.72, r: 0.25 };
  const ringWidth = Math.max(px * 1.2, 0.05);
  const check = [
    [0.605, 0.725],
    [0.69, 0.81],
    [0.845, 0.635],
  ];
  const checkHalfWidth = Math.max(px * 0.9, 0.045);
  const inGrid = (x, y) => insideRoundedRect(x, y, inner);
  return [
    { color: COLORS.sheetBorder, test: (x, y) => insideRoundedRect(x, y, outer) },
    { color: COLORS.sheet, test: inGrid },
    { color: COLORS.header, test: (x, y) => inGrid(x, y) && y <= headerBottom },
    {
      color: COLORS.grid,
      test: (x, y) =>
        inGrid(x, y) &&
        y > headerBottom &&
        (rows.some((r) => Math.abs(y - r) <= line / 2) || cols.some((c) => Math.abs(x - c) <= line / 2)),
    },
    { color: COLORS.ring, test: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= badge.r + ringWidth },
    { color: COLORS.badge, test: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= badge.r },
    {
      color: COLORS.check,
      test: (x, y) => distanceToSegment(x, y, check[0], check[1]) <= checkHalfWidth || distanceToSegment(x, y, check[1], check[2]) <= checkHalfWidth,
    },
  ];
}

/** RGBA pixels: each pixel the average of SUPERSAMPLE² point samples (opaque layers, painter's order). */
function render(size) {
  const stack = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color;
          for (const layer of stack) if (layer.test(x, y)) color = layer.color;
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        // Colour averaged over covered samples only (straight alpha), coverage as alpha.
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return rgba;
}

// ---- PNG encoding (RFC 2083): signature, IHDR, IDAT, IEND ------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  // Every scanline with filter type 0 (None): simple, and zlib squeezes these flat shapes well.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, render, encodePng, crc32 };
