// Draws the app icon (a rounded tile with two training curves) and writes it as PNG at every
// size the installers use: build/icon.png (1024 px, the source electron-builder turns into .icns
// and .ico) and build/icons/NxN.png for Linux. No image library: shapes are signed distance
// functions rendered at each size, PNG is written with zlib. Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

// ---- geometry, in units of a 1024 × 1024 canvas
const TILE = { x0: 100, y0: 100, x1: 924, y1: 924, r: 184 };
const TOP = [37, 99, 235]; // gradient of the tile, top-left → bottom-right
const BOTTOM = [14, 116, 144];
const STROKE = 46;
const DOT = 44;
const CURVES = [
  { color: [255, 255, 255], points: [[240, 330], [330, 520], [430, 610], [545, 655], [665, 680], [790, 690]] }, // loss
  { color: [125, 211, 252], points: [[240, 770], [345, 610], [455, 530], [570, 485], [685, 458], [790, 445]] }, // accuracy
];
const GRID = [{ y: 300 }, { y: 512 }, { y: 724 }];

/** Catmull-Rom through the points, as a dense polyline. */
function smooth(points, steps = 16) {
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)], p1 = points[i], p2 = points[i + 1], p3 = points[Math.min(points.length - 1, i + 2)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps, t2 = t * t, t3 = t2 * t;
      const c = (a, b, c2, d) => 0.5 * (2 * b + (-a + c2) * t + (2 * a - 5 * b + 4 * c2 - d) * t2 + (-a + 3 * b - 3 * c2 + d) * t3);
      out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[points.length - 1]);
  return out;
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function tileDistance(px, py) {
  const cx = (TILE.x0 + TILE.x1) / 2, cy = (TILE.y0 + TILE.y1) / 2;
  const qx = Math.abs(px - cx) - (TILE.x1 - TILE.x0) / 2 + TILE.r;
  const qy = Math.abs(py - cy) - (TILE.y1 - TILE.y0) / 2 + TILE.r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - TILE.r;
}

const lines = CURVES.map((c) => ({ color: c.color, poly: smooth(c.points), end: c.points[c.points.length - 1] }));

/** Paints `color` with coverage `a` over the premultiplied pixel. */
function over(px, color, a) {
  for (let k = 0; k < 3; k++) px[k] = color[k] * a + px[k] * (1 - a);
  px[3] = a + px[3] * (1 - a);
}

function render(size) {
  const scale = size / 1024;
  const cover = (d) => Math.max(0, Math.min(1, 0.5 - d * scale)); // d: signed distance in units, < 0 inside
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ux = (x + 0.5) / scale, uy = (y + 0.5) / scale;
      const tile = cover(tileDistance(ux, uy));
      if (tile === 0) continue;
      const g = Math.max(0, Math.min(1, (ux + uy - 200) / 1648));
      const px = [0, 0, 0, 0];
      over(px, TOP.map((v, k) => v + (BOTTOM[k] - v) * g), 1);
      if (size >= 48) for (const { y: gy } of GRID) over(px, [255, 255, 255], 0.13 * cover(Math.abs(uy - gy) - Math.max(3, 0.5 / scale)));
      for (const { color, poly, end } of lines) {
        let d = Infinity;
        for (let i = 0; i < poly.length - 1; i++) d = Math.min(d, segmentDistance(ux, uy, poly[i], poly[i + 1]));
        over(px, color, Math.max(cover(d - STROKE / 2), cover(Math.hypot(ux - end[0], uy - end[1]) - DOT)));
      }
      const i = (y * size + x) * 4;
      const a = px[3] * tile;
      rgba[i] = Math.round(px[0] / px[3]);
      rgba[i + 1] = Math.round(px[1] / px[3]);
      rgba[i + 2] = Math.round(px[2] / px[3]);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG: signature, IHDR, IDAT (each row with the filter that compresses best), IEND
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function filterRows(rgba, size) {
  const stride = size * 4;
  const out = [];
  for (let y = 0; y < size; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    const candidates = [0, 1, 2, 3, 4].map((type) => {
      const f = Buffer.alloc(stride + 1);
      f[0] = type;
      for (let i = 0; i < stride; i++) {
        const a = i >= 4 ? row[i - 4] : 0, b = prev[i], c = i >= 4 ? prev[i - 4] : 0;
        const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
        f[i + 1] = (row[i] - pred) & 0xff;
      }
      return f;
    });
    // the usual heuristic: smallest sum of bytes taken as signed
    const cost = (f) => f.subarray(1).reduce((s, v) => s + (v < 128 ? v : 256 - v), 0);
    out.push(candidates.reduce((best, f) => (cost(f) < cost(best) ? f : best)));
  }
  return Buffer.concat(out);
}

export function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(filterRows(rgba, size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function write(file, size) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(render(size), size));
}

write(join(HERE, 'icon.png'), 1024);
for (const size of LINUX_SIZES) write(join(HERE, 'icons', `${size}x${size}.png`), size);
