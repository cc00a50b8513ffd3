#!/usr/bin/env node
/**
 * Draws the add-in icons into assets/ with plain JavaScript (signed-distance shapes, 8×8 supersampling) and encodes
 * them as RGBA PNG with node:zlib. No dependencies; the output is deterministic, so re-running it only changes the
 * files when this script changes.
 *
 *   node scripts/make-icons.js [outDir]
 *
 *   icon-{16,32,64,80,128}.png  brand / 校验本表: teal rounded square with a white check mark
 *   pane-{16,32,80}.png         打开面板: teal rounded square with a white window and side pane
 *   clear-{16,32,80}.png        清除标注: slate rounded square with a white eraser on a base line
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

// ---------- PNG encoding ----------

// CRC-32 of PNG chunks: Node's zlib.crc32 (Node 20.15 and later).

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** @param {number} w @param {number} h @param {Uint8Array} rgba straight (non-premultiplied) RGBA, row-major */
function encodePng(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- shapes (unit square, y down); each returns a signed distance (< 0 inside) ----------

function sdRoundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

function sdSegment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h);
}

/** Thick polyline with round caps and joins. */
function sdPolyline(x, y, pts, halfWidth) {
  let d = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) d = Math.min(d, sdSegment(x, y, ...pts[i], ...pts[i + 1]));
  return d - halfWidth;
}

// ---------- icon definitions ----------

const TEAL = { top: [0x16, 0x9c, 0x8f], bottom: [0x0c, 0x6b, 0x84] };
const SLATE = { top: [0x66, 0x78, 0x8c], bottom: [0x45, 0x55, 0x69] };

/** Background tile: rounded square with a small margin that keeps ~0.5 px of air at 16 px. */
function tile(x, y) {
  return sdRoundedBox(x, y, 0.5, 0.5, 0.47, 0.47, 0.2);
}

const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.35],
];

const glyphs = {
  check: (x, y) => sdPolyline(x, y, CHECK, 0.065),
  pane: (x, y) => {
    // window outline (stroke 0.075) plus a filled pane on its right-hand side
    const outer = sdRoundedBox(x, y, 0.5, 0.5, 0.27, 0.23, 0.05);
    const frame = Math.abs(outer + 0.0375) - 0.0375;
    const pane = sdRoundedBox(x, y, 0.64, 0.5, 0.13, 0.23, 0.04);
    const inWindow = outer; // keep the pane inside the outline
    return Math.min(frame, Math.max(pane, inWindow));
  },
  eraser: (x, y) => {
    // eraser body rotated by -40°, tip half filled, back half outlined; base line underneath
    const a = (-40 * Math.PI) / 180;
    const cx = 0.52;
    const cy = 0.45;
    const u = (x - cx) * Math.cos(a) + (y - cy) * Math.sin(a);
    const v = -(x - cx) * Math.sin(a) + (y - cy) * Math.cos(a);
    const body = sdRoundedBox(u, v, 0, 0, 0.27, 0.13, 0.04);
    const outline = Math.abs(body + 0.035) - 0.035;
    const tip = Math.max(body, u + 0.02); // left (lower) half: filled
    const base = sdSegment(x, y, 0.3, 0.77, 0.74, 0.77) - 0.035;
    return Math.min(outline, tip, base);
  },
};

/** @returns {Uint8Array} straight RGBA pixels */
function rasterize(size, palette, glyph, samples = 8) {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let a = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (tile(x, y) > 0) continue;
          let c;
          if (glyph(x, y) <= 0) c = [255, 255, 255];
          else {
            const t = Math.min(1, Math.max(0, (y - 0.03) / 0.94));
            c = palette.top.map((v, i) => v + (palette.bottom[i] - v) * t);
          }
          a += 1;
          r += c[0];
          g += c[1];
          b += c[2];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return out;
}

function render(size, palette, glyph) {
  return encodePng(size, size, rasterize(size, palette, glyph));
}

const ICONS = [
  { prefix: 'icon', sizes: [16, 32, 64, 80, 128], palette: TEAL, glyph: glyphs.check },
  { prefix: 'pane', sizes: [16, 32, 80], palette: TEAL, glyph: glyphs.pane },
  { prefix: 'clear', sizes: [16, 32, 80], palette: SLATE, glyph: glyphs.eraser },
];

function main(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      const file = path.join(outDir, `${icon.prefix}-${size}.png`);
      fs.writeFileSync(file, render(size, icon.palette, icon.glyph));
      console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
    }
  }
}

module.exports = { encodePng, rasterize, ICONS };

if (require.main === module) main(path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets')));
