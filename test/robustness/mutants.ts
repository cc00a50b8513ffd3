/**
 * Deterministic mutants of .xlsx files for the fuzz test: byte flips, truncation, zip entries deleted or
 * duplicated, XML elements deleted or duplicated, attributes corrupted, huge numbers and addresses. A seeded
 * generator makes every run produce the same mutants; each mutant says what was done to it (its recipe).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/** mulberry32: small, fast, good enough to pick mutations; the same seed gives the same sequence. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)];

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export async function unzip(bytes: Uint8Array): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: ZipEntry[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}

/** A zip of these entries in this order (duplicates allowed), deflated, with a fixed date: same input, same bytes. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12); // 2025-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(0x5a21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(c, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

// ------------------------------------------------------------------ XML surgery (on text, deliberately naive)

interface Element {
  start: number;
  end: number;
  name: string;
}

/** Start tags in the text (not closing tags, declarations or comments). */
function startTags(xml: string): { at: number; name: string; selfClosing: boolean; tagEnd: number }[] {
  const out: { at: number; name: string; selfClosing: boolean; tagEnd: number }[] = [];
  const re = /<([A-Za-z_][\w.:-]*)\b[^>]*?(\/?)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ at: m.index, name: m[1], selfClosing: m[2] === '/', tagEnd: m.index + m[0].length });
  return out;
}

/** The whole element starting at a start tag: to its matching end tag (same-name nesting counted). */
function elementAt(xml: string, tag: { at: number; name: string; selfClosing: boolean; tagEnd: number }): Element | undefined {
  if (tag.selfClosing) return { start: tag.at, end: tag.tagEnd, name: tag.name };
  const open = new RegExp(`<${tag.name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*?(/?)>|</${tag.name.replace(/[.:]/g, '\\$&')}\\s*>`, 'g');
  open.lastIndex = tag.tagEnd;
  let depth = 1;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[0].startsWith('</')) depth--;
    else if (m[1] !== '/') depth++;
    if (depth === 0) return { start: tag.at, end: m.index + m[0].length, name: tag.name };
  }
  return undefined;
}

function randomElement(r: Random, xml: string, notRoot = true): Element | undefined {
  const tags = startTags(xml);
  const usable = notRoot ? tags.slice(1) : tags;
  for (let tries = 0; tries < 10 && usable.length; tries++) {
    const el = elementAt(xml, pick(r, usable));
    if (el) return el;
  }
  return undefined;
}

/** Values an attribute is corrupted to: empty, negative, huge, not a number, odd characters, very long. */
const ATTRIBUTE_VALUES = [
  '',
  '-1',
  '0',
  '1e308',
  '-1e308',
  'NaN',
  '99999999999999999999',
  '4294967296',
  'ZZZ',
  '&amp;&lt;',
  '&#x202e;&#x9b;31m',
  'A'.repeat(10_000),
  '中文',
  ' ',
  '1:2:3',
];

/** Huge or odd numbers put into a cell value: beyond double range, denormal, not numbers. */
const NUMBER_VALUES = ['1e308', '-1e308', '1e309', '4e-400', 'NaN', 'Infinity', '99999999999999999999999999', '-0', '0x1F', '1,000', ''];

/**
 * Addresses out of Excel's grid that a reader must reject quickly (never expand). Addresses *inside* the grid
 * but far away (XFD1048576) are kept out of the default set: see SLOW_ADDRESS_RECIPES in the test.
 */
const BAD_ADDRESSES = ['XFE1', 'A1048577', 'A0', 'A-1', '$A$1', 'AAAAAA1', '1A', '', 'A99999999999', 'ZZZZZZZZ99999999'];

/**
 * Sheet names other programs write and Excel's rename box would refuse: long, reserved, with forbidden or
 * terminal-control characters, a duplicate, empty.
 */
const SHEET_NAMES = [
  '申报信息（2025年度第三届上海质量工匠培养选树推荐对象明细表）',
  '申报/信息[1]',
  'History',
  '申报&#x9b;31m信息&#x202e;xslx.exe',
  '申报&#x2066;信息&#x2069;&#x85;',
  "'引号'",
  '',
];

export interface Mutant {
  id: string;
  recipe: string;
  bytes: Buffer;
}

const XML_PART = /\.(xml|rels)$/;

/** One mutant of `base` (a valid .xlsx); `entries` are its unzipped parts. */
export function mutate(r: Random, base: Buffer, entries: readonly ZipEntry[]): { recipe: string; bytes: Buffer } {
  const kind = pick(r, ['flip', 'truncate', 'zip-delete', 'zip-duplicate', 'xml-delete', 'xml-duplicate', 'xml-attribute', 'xml-number', 'xml-address', 'sheet-name'] as const);
  switch (kind) {
    case 'flip': {
      const b = Buffer.from(base);
      const n = 1 + int(r, 8);
      const at: number[] = [];
      for (let k = 0; k < n; k++) {
        const i = int(r, b.length);
        b[i] ^= 1 << int(r, 8);
        at.push(i);
      }
      return { recipe: `flip bits at ${at.join(',')}`, bytes: b };
    }
    case 'truncate': {
      const len = int(r, base.length);
      return { recipe: `truncate to ${len} of ${base.length} bytes`, bytes: base.subarray(0, len) };
    }
    case 'zip-delete': {
      const i = int(r, entries.length);
      return { recipe: `delete entry ${entries[i].name}`, bytes: zip(entries.filter((_, k) => k !== i)) };
    }
    case 'zip-duplicate': {
      const i = int(r, entries.length);
      const copy = [...entries];
      // The duplicate is either the same part or an empty one of the same name, first or last.
      const dup = { name: entries[i].name, data: r() < 0.5 ? entries[i].data : Buffer.alloc(0) };
      if (r() < 0.5) copy.push(dup);
      else copy.unshift(dup);
      return { recipe: `duplicate entry ${entries[i].name}${dup.data.length ? '' : ' (empty)'}`, bytes: zip(copy) };
    }
    case 'sheet-name': {
      const k = entries.findIndex((e) => e.name === 'xl/workbook.xml');
      const xml = entries[k].data.toString('utf8');
      const names = [...xml.matchAll(/<sheet\b[^>]*?\sname="([^"]*)"/g)];
      if (!names.length) return mutate(r, base, entries);
      const m = pick(r, names);
      // A duplicate of another sheet's name, or one of the odd names.
      const other = names.find((x) => x !== m);
      const name = other && r() < 0.15 ? other[1] : pick(r, SHEET_NAMES);
      const at = m.index! + m[0].length - m[1].length - 1;
      const copy = [...entries];
      copy[k] = { name: entries[k].name, data: Buffer.from(xml.slice(0, at) + name + xml.slice(at + m[1].length), 'utf8') };
      return { recipe: `sheet name "${m[1]}" → "${name}"`, bytes: zip(copy) };
    }
    default: {
      const xmlEntries = entries.map((e, k) => ({ e, k })).filter(({ e }) => XML_PART.test(e.name));
      const { e, k } = pick(r, xmlEntries);
      let xml = e.data.toString('utf8');
      let recipe: string;
      if (kind === 'xml-delete' || kind === 'xml-duplicate') {
        const el = randomElement(r, xml);
        if (!el) return mutate(r, base, entries);
        const text = xml.slice(el.start, el.end);
        xml = kind === 'xml-delete' ? xml.slice(0, el.start) + xml.slice(el.end) : xml.slice(0, el.end) + text + xml.slice(el.end);
        recipe = `${kind === 'xml-delete' ? 'delete' : 'duplicate'} <${el.name}> at ${el.start} in ${e.name}`;
      } else if (kind === 'xml-attribute') {
        const attrs = [...xml.matchAll(/\s([\w:.-]+)="([^"]*)"/g)].filter((m) => !m[1].startsWith('xmlns'));
        if (!attrs.length) return mutate(r, base, entries);
        const m = pick(r, attrs);
        const value = pick(r, ATTRIBUTE_VALUES);
        xml = xml.slice(0, m.index) + ` ${m[1]}="${value}"` + xml.slice(m.index! + m[0].length);
        recipe = `attribute ${m[1]}="${value.length > 20 ? value.slice(0, 20) + '…' : value}" at ${m.index} in ${e.name}`;
      } else if (kind === 'xml-number') {
        const vs = [...xml.matchAll(/<v>([^<]*)<\/v>/g)];
        if (!vs.length) return mutate(r, base, entries);
        const m = pick(r, vs);
        const value = pick(r, NUMBER_VALUES);
        xml = xml.slice(0, m.index) + `<v>${value}</v>` + xml.slice(m.index! + m[0].length);
        recipe = `value ${value} at ${m.index} in ${e.name}`;
      } else {
        const refs = [...xml.matchAll(/\s(r|ref|sqref)="([^"]*)"/g)];
        if (!refs.length) return mutate(r, base, entries);
        const m = pick(r, refs);
        const value = pick(r, BAD_ADDRESSES);
        xml = xml.slice(0, m.index) + ` ${m[1]}="${value}"` + xml.slice(m.index! + m[0].length);
        recipe = `address ${m[1]}="${value}" at ${m.index} in ${e.name}`;
      }
      const copy = [...entries];
      copy[k] = { name: e.name, data: Buffer.from(xml, 'utf8') };
      return { recipe, bytes: zip(copy) };
    }
  }
}
