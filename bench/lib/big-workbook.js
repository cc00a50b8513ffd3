/**
 * Nomination workbooks of any size for the benchmarks, made from a generated one (src/samples/fake-nominees.ts
 * through dist/) by repeating its nominee rows in the XML: writing 100,000 nominees with exceljs would take minutes
 * and gigabytes, repeating rows takes seconds. Each copy of a nominee gets a new, valid, unique ID (same birth date
 * and sex, another region code / sequence number) and its own unit name in both sheets, so copies raise no
 * duplicate findings; everything else (texts, dates, styles, shared strings) is the original's. The package is
 * written with native zlib (deflate level 6, like Excel).
 *
 * This file works on workbooks it generated itself (trusted XML), so plain regular expressions are fine here.
 */
'use strict';
const zlib = require('node:zlib');

/** Marks that make a copied nominee's name its own (the cross-sheet checks match people by name). */
const COPY_MARKS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

const SHANGHAI_REGIONS = ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112', '310113', '310114', '310115', '310116', '310117', '310118', '310120'];

/**
 * A valid ID for copy `k` of a nominee, unused so far (added to `seen`): the same birth date and sex, another
 * Shanghai region code or sequence number. `residentIdCheckChar`: the core's check-character function.
 */
function copyId(id, k, seen, residentIdCheckChar) {
  let region = SHANGHAI_REGIONS[(SHANGHAI_REGIONS.indexOf(id.slice(0, 6)) + k + 1) % SHANGHAI_REGIONS.length];
  let seq = (Number(id.slice(14, 16)) + k * 7) % 100;
  for (let tries = 0; ; tries++) {
    const first17 = region + id.slice(6, 14) + String(seq).padStart(2, '0') + id[16];
    const next = first17 + residentIdCheckChar(first17);
    if (!seen.has(next)) {
      seen.add(next);
      return next;
    }
    seq = (seq + 1) % 100;
    if (tries % 100 === 99) region = SHANGHAI_REGIONS[(SHANGHAI_REGIONS.indexOf(region) + 1) % SHANGHAI_REGIONS.length];
  }
}

function letters(col) {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Reads a stored or deflated zip (no zip64) into { name → Buffer }, in order. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (!name.endsWith('/')) out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** A zip of the entries (deflated), as Excel writes one. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = zlib.deflateRawSync(content, { level: 6 });
    const crc = zlib.crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * `source`: a workbook written by writeNominationWorkbook (summary 推荐汇总表 + details 申报信息, header in row 2,
 * nominees from row 3); `grid`: its grid (to find the columns); `nominees`: how many the result holds.
 * `residentIdCheckChar`: the core's check-character function.
 */
function repeatNominees(source, grid, nominees, residentIdCheckChar) {
  const files = unzip(source);
  const summary = grid.sheets.find((s) => s.name === '推荐汇总表');
  const details = grid.sheets.find((s) => s.name === '申报信息');
  const sHeader = summary.rows[1];
  const dHeader = details.rows[1];
  const dId = dHeader.indexOf('身份证');
  const dUnit = dHeader.indexOf('工作单位');
  const dName = dHeader.indexOf('姓名');
  const sUnit = sHeader.indexOf('所在单位名称');
  const sName = sHeader.indexOf('姓名');
  const base = details.rows.length - 2;
  const copies = Math.ceil(nominees / base);

  const seen = new Set();
  /** Per copy and nominee: [id, unit, name] (copy 0 keeps the originals; names get a copy mark: 张三 → 张三乙). */
  const values = [];
  for (let k = 0; k < copies; k++) {
    const list = [];
    for (let i = 0; i < base && k * base + i < nominees; i++) {
      const row = details.rows[2 + i];
      const id = String(row[dId]);
      const unit = String(row[dUnit]);
      if (k === 0) {
        seen.add(id);
        list.push([id, unit, String(row[dName])]);
        continue;
      }
      const next = copyId(id, k, seen, residentIdCheckChar);
      list.push([next, `${unit}第${k + 1}分公司`, String(row[dName]) + COPY_MARKS[k % COPY_MARKS.length] + (k >= COPY_MARKS.length ? COPY_MARKS[Math.floor(k / COPY_MARKS.length) % COPY_MARKS.length] : '')]);
    }
    values.push(list);
  }

  /** Replaces cell (col, row n) of a row's XML with `inner` (what follows the cell's attributes). */
  const cell = (r, col, n, inner) =>
    r.replace(new RegExp(`<c r="${letters(col)}${n}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), (_, attrs) => `<c r="${letters(col)}${n}"${attrs.replace(/ t="\w+"/, '')}${inner}`);
  const inline = (s) => ` t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
  const rowNumber = (r) => Number(/<row [^>]*?\br="(\d+)"/.exec(r)[1]);
  const renumber = (r, n) => r.replace(/(<row [^>]*?\br=")\d+"/, `$1${n}"`).replace(/(<c r="[A-Z]+)\d+"/g, `$1${n}"`);
  const total = values.reduce((t, l) => t + l.length, 0);

  /** The sheet with its nominee rows repeated; `edit(row, n, id, unit, name, serial)` changes a copy's cells. */
  const rewrite = (part, edit) => {
    const xml = files.get(part).toString('utf8');
    const open = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const close = xml.indexOf('</sheetData>');
    const rows = xml.slice(open, close).match(/<row [\s\S]*?<\/row>/g);
    const out = rows.filter((r) => rowNumber(r) <= 2);
    const body = rows.filter((r) => rowNumber(r) >= 3 && rowNumber(r) < 3 + base);
    for (let k = 0; k < values.length; k++) {
      values[k].forEach(([id, unit, name], i) => {
        const n = 3 + k * base + i;
        const r = renumber(body[i], n);
        out.push(k > 0 ? edit(r, n, id, unit, name, k * base + i + 1) : r);
      });
    }
    // Rows below the list (the summary's footer) move down.
    let last = 2 + total;
    for (const r of rows.filter((x) => rowNumber(x) >= 3 + base)) {
      last = rowNumber(r) + total - base;
      out.push(renumber(r, last));
    }
    files.set(part, Buffer.from((xml.slice(0, open) + out.join('') + xml.slice(close)).replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1:$2${last}"/>`)));
  };

  rewrite('xl/worksheets/sheet2.xml', (r, n, id, unit, name) => cell(cell(cell(r, dId, n, inline(id)), dUnit, n, inline(unit)), dName, n, inline(name)));
  rewrite('xl/worksheets/sheet1.xml', (r, n, _id, unit, name, serial) => cell(cell(cell(r, 0, n, `><v>${serial}</v></c>`), sUnit, n, inline(unit)), sName, n, inline(name)));
  return zip([...files]);
}

module.exports = { unzip, zip, letters, repeatNominees, copyId };
