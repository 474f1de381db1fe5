#!/usr/bin/env node
// Draws the app icon (white cross on a teal rounded square) and writes build/icon.png and build/icons/NxN.png.
// Shapes are signed distance functions, so every size is drawn crisp and anti-aliased; PNG via node:zlib.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { deflateSync } = require('node:zlib');

const iconSize = 1024;
// Linux desktops pick from these; electron-builder takes the set from build/icons.
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];

const teal = { top: [20, 184, 166], bottom: [15, 118, 110] };

/** Distance (in the unit square) from p to a box of half-size (hx, hy) with rounded corners r; negative inside. */
function roundedBox(px, py, cx, cy, hx, hy, r) {
  const qx = Math.abs(px - cx) - hx + r;
  const qy = Math.abs(py - cy) - hy + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function cross(px, py) {
  const arm = 0.245;
  const width = 0.085;
  const r = 0.028;
  return Math.min(roundedBox(px, py, 0.5, 0.5, width, arm, r), roundedBox(px, py, 0.5, 0.5, arm, width, r));
}

/** Straight-alpha RGBA pixels, rows top to bottom. */
function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance * size));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      const tile = coverage(roundedBox(px, py, 0.5, 0.5, 0.4375, 0.4375, 0.19));
      if (tile === 0) continue;
      // A soft shadow under the cross gives it a little depth without a second colour.
      const shadow = 0.18 * Math.min(1, Math.max(0, 1 - (cross(px, py - 0.012) + 0.004) / 0.03));
      const glyph = coverage(cross(px, py));
      const t = py;
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const base = teal.top[c] + (teal.bottom[c] - teal.top[c]) * t;
        const shaded = base * (1 - shadow);
        rgba[offset + c] = Math.round(shaded + (255 - shaded) * glyph);
      }
      rgba[offset + 3] = Math.round(255 * tile);
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG; every row uses filter 0 (none), which keeps decoding trivial for the test. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function writeIcons(buildDir = __dirname) {
  writeFileSync(join(buildDir, 'icon.png'), encodePng(iconSize, iconSize, renderIcon(iconSize)));
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of linuxSizes) {
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), encodePng(size, size, renderIcon(size)));
  }
}

module.exports = { iconSize, linuxSizes, renderIcon, encodePng, crc32, writeIcons };

if (require.main === module) writeIcons();
