#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80/128.png): a government-red rounded square with
 * a white check mark ("checked, compliant"). Pure node: pixels are computed here and encoded as
 * PNG with zlib, so the icons can be regenerated anywhere without an image library.
 * Run: node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0xc8, 0x10, 0x2e]; // 中国红-like red, readable on light and dark ribbons
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges at 16 px

// ---- PNG encoding (RGBA, 8 bit, no interlace) ----
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- geometry, in unit coordinates (0..1 across the icon) ----
function insideRoundedSquare(x, y) {
  const margin = 0.04;
  const radius = 0.2;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The check mark: two strokes with round caps.
const CHECK = { a: [0.26, 0.53], b: [0.43, 0.7], c: [0.75, 0.33], halfWidth: 0.075 };

function onCheck(x, y) {
  const { a, b, c, halfWidth } = CHECK;
  return (
    distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= halfWidth ||
    distanceToSegment(x, y, b[0], b[1], c[0], c[1]) <= halfWidth
  );
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (insideRoundedSquare(x, y)) {
            cover++;
            if (onCheck(x, y)) mark++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (cover === 0) continue; // transparent
      const m = mark / cover;
      for (let ch = 0; ch < 3; ch++) rgba[i + ch] = Math.round(BACKGROUND[ch] * (1 - m) + MARK[ch] * m);
      rgba[i + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, SIZES };
