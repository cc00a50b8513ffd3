/**
 * The built page (dist/web, built by the e2e global setup with npm run build:web):
 * - ships no telemetry (issue 10): of office.js only the files a modern Excel asks for (webpack.config.js,
 *   officeJsFiles), no telemetry script, and no file names a telemetry collector;
 * - stays within the syntax the boot check tests for (ES2022), whatever compiles and minifies it;
 * - loads only what the first screen needs up front: the file readers (exceljs, SheetJS, jszip, docx) are
 *   separate chunks, fetched when a file is opened;
 * - is served compressed by scripts/serve.js (issue 15).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as http from 'node:http';
import { basename, join, relative } from 'node:path';
import * as zlib from 'node:zlib';
import { startServer, type Server } from './harness';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');

/** Hosts Office telemetry posts to: Aria/1DS collectors, the OTel sink, the legacy ULS proxy page. */
const ENDPOINTS = /pipe\.aria\.microsoft\.com|kusto\.aria\.microsoft\.com|events\.data\.microsoft\.com|vortex\.data\.microsoft\.com|telemetryservice\.firstpartyapps\.oaspapps\.com/;
/** The telemetry scripts by name. */
const SCRIPTS = /(^|\/)(ariatelemetry|telemetry)\/|oteljs|aria-web-telemetry/;

const { checkFiles } = require('../../scripts/wps/syntax-level.js') as {
  checkFiles: (files: string[], level: string) => { file: string; line: number; feature: string }[];
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Files (relative to `dir`) whose name or text is telemetry. */
function telemetryIn(dir: string): string[] {
  return files(dir)
    .filter((f) => SCRIPTS.test(relative(dir, f)) || (/\.(js|html|json|map|css|txt)$/.test(f) && ENDPOINTS.test(readFileSync(f, 'utf8'))))
    .map((f) => relative(dir, f))
    .sort();
}

test('the scan finds telemetry where it is: in the office-js package itself', () => {
  const dist = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  expect(telemetryIn(join(dist, 'telemetry'))).toContain('oteljs_agave.js');
  expect(telemetryIn(join(dist, 'ariatelemetry'))).toContain('aria-web-telemetry.js');
});

test('dist/web holds no telemetry script and names no telemetry collector', () => {
  expect(files(WEB).some((f) => f.endsWith('taskpane.html'))).toBe(true);
  expect(telemetryIn(WEB)).toEqual([]);
});

/** office.js's table of host-file versions: { excel: { win32: '16.01', … }, … }. */
function hostFileVersions(officeJs: string): Record<string, Record<string, string>> {
  const m = /HostSpecificFileVersionMap=(\{(?:[a-z]+:\{[^{}]*\},?)+\})/.exec(officeJs);
  if (!m) throw new Error('office.js has no HostSpecificFileVersionMap');
  return JSON.parse(m[1].replace(/([a-z0-9]+):/g, '"$1":')) as Record<string, Record<string, string>>;
}

test('of office.js, exactly the host files a modern Excel asks for are shipped (the Office 2013/2016 loaders are not)', () => {
  const dir = join(WEB, 'office-js');
  const shipped = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  // What office.js requests for Excel's platforms, by its own table; Windows 10 Mobile (winrt) shows add-ins in
  // EdgeHTML, which the boot check turns away before office.js is loaded.
  const versions = hostFileVersions(readFileSync(join(dir, 'office.js'), 'utf8'));
  const wanted = Object.entries(versions.excel)
    .filter(([platform]) => platform !== 'winrt')
    .map(([platform, version]) => `excel-${platform}-${version}.js`);
  // Android has no entry (the default, 16.00, applies).
  wanted.push('excel-android-16.00.js', 'office.js');
  expect(shipped).toEqual([...new Set(wanted)].sort());
  for (const gone of ['o15apptofilemappingtable.js', 'excel-win32-16.00.js', 'excel-15.js', 'es6-promise.js']) expect(shipped).not.toContain(gone);
  // The locale strings office.js loads beside them.
  expect(statSync(join(dir, 'zh-cn', 'office_strings.js')).isFile()).toBe(true);
  expect(statSync(join(dir, 'en-us', 'office_strings.js')).isFile()).toBe(true);
});

/** Our scripts in dist/web (office.js files are Microsoft's, served as they are). */
const ownScripts = () => readdirSync(WEB).filter((f) => f.endsWith('.js'));

test('every script is within ES2022, the syntax the boot check tests for', () => {
  const found = checkFiles(ownScripts().map((f) => join(WEB, f)), 'ES2022');
  expect(found.map((x) => `${basename(x.file)}:${x.line} ${x.feature}`)).toEqual([]);
  // The check is not vacuous: the bundle does use ES2020–ES2022 syntax, refused at ES2017.
  expect(checkFiles(ownScripts().filter((f) => f.startsWith('taskpane.')).map((f) => join(WEB, f)), 'ES2017').length).toBeGreaterThan(0);
});

/** Packages bundled into a script, from its source map. */
function packagesIn(script: string): Set<string> {
  const map = JSON.parse(readFileSync(join(WEB, `${script}.map`), 'utf8')) as { sources: string[] };
  return new Set(map.sources.map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1]).filter((p): p is string => !!p));
}

test('the first screen loads no file reader: exceljs, SheetJS, jszip and docx are separate chunks', () => {
  const html = readFileSync(join(WEB, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(initial).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
  const upFront = packagesIn(initial[0]);
  expect(upFront.has('react-dom')).toBe(true);
  for (const reader of ['exceljs', '@e965/xlsx', 'jszip', 'docx']) expect(upFront.has(reader)).toBe(false);
  // …and they are in the build, each in a chunk of its own (docx only once a page uses it).
  const lazy = ownScripts().filter((f) => f !== initial[0] && !f.startsWith('commands.'));
  for (const reader of ['exceljs', '@e965/xlsx', 'jszip']) {
    const holders = lazy.filter((f) => packagesIn(f).has(reader));
    expect({ reader, holders: holders.length }).toEqual({ reader, holders: 1 });
  }
});

describe('scripts/serve.js on the built page', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (p: string, acceptEncoding: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${server.origin}${p}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  test('sends the page and its bundle compressed (brotli, else gzip), the same bytes once decoded', async () => {
    const bundle = ownScripts().find((f) => f.startsWith('taskpane.'))!;
    for (const p of ['taskpane.html', bundle]) {
      const file = readFileSync(join(WEB, p));
      const br = await get(`/${p}`, 'gzip, deflate, br, zstd');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(br.body.length).toBeLessThan(file.length / 2);
      expect(zlib.brotliDecompressSync(br.body).equals(file)).toBe(true);
      const gz = await get(`/${p}`, 'gzip, deflate');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.body).equals(file)).toBe(true);
    }
  });
});
