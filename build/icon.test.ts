// The committed icons are real PNGs of the right sizes and are exactly what build/make-icon.js draws today.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const require = createRequire(__filename);
const makeIcon = require('./make-icon.js') as {
  iconSize: number;
  linuxSizes: number[];
  renderIcon(size: number): Buffer;
  crc32(bytes: Uint8Array): number;
};

interface DecodedPng {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Decodes the PNGs make-icon.js writes (8-bit RGBA, filter 0 on every row), checking every chunk's CRC. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    expect(file.readUInt32BE(offset + 8 + length)).toBe(makeIcon.crc32(file.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    raw.copy(rgba, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, rgba };
}

describe('app icons', () => {
  it('build/icon.png is at least 512x512 (electron-builder needs that for macOS and Windows) and is up to date', () => {
    const icon = decodePng(readFileSync(join(__dirname, 'icon.png')));
    expect(icon.width).toBeGreaterThanOrEqual(512);
    expect(icon.height).toBe(icon.width);
    expect(icon.rgba.equals(makeIcon.renderIcon(icon.width))).toBe(true);
  });

  it('build/icons holds one up-to-date PNG per Linux size', () => {
    for (const size of makeIcon.linuxSizes) {
      const icon = decodePng(readFileSync(join(__dirname, 'icons', `${size}x${size}.png`)));
      expect([icon.width, icon.height]).toEqual([size, size]);
      expect(icon.rgba.equals(makeIcon.renderIcon(size))).toBe(true);
    }
  });

  it('is a teal tile with a white centre and transparent corners', () => {
    const size = 64;
    const rgba = makeIcon.renderIcon(size);
    const pixel = (x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(32, 32)).toEqual([255, 255, 255, 255]);
    const [r, g, b, a] = pixel(10, 32);
    expect(a).toBe(255);
    expect(g).toBeGreaterThan(r! + 60);
    expect(b).toBeGreaterThan(r! + 40);
  });
});
