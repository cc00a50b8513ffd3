/**
 * The WPS add-in package as `npm run build:wps` leaves it (built here when dist/wps is missing): the ribbon and
 * list files WPS reads, the syntax level of every script, the real built main.js driving the simulated WPS
 * (its ribbon callbacks are synchronous and use only declared members), the publish page, the .7z layout and
 * what the build does on a machine without 7-Zip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { parseXml, type XmlElement } from '../../manifest/xml';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { readWorkbookFile } from '../../support/read-file';
import { bgr, FakeWorkbook } from './fake-et';
import { snapshot } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const FOLDER = `jiangxuan_${PKG.version}`;
const DIST = join(ROOT, 'dist', 'wps');
const ADDIN = join(DIST, FOLDER);
const { checkSource, checkFiles } = require('../../../scripts/wps/syntax-level.js') as {
  checkSource: (text: string, max: number) => { feature: string; level: number }[];
  checkFiles: (files: string[], level: string) => { file: string; feature: string }[];
};

function all(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.local === local) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** WPS's files use no namespace on their root (jsplugins, JsPlugin); the reader wants one. */
function parseLoose(text: string): XmlElement {
  return parseXml(/^<\w+[^>]*\bxmlns=/.test(text) ? text : text.replace(/^<(\w+)/, '<$1 xmlns="urn:none"'));
}

function build(args: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'wps', 'build-wps.js'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 900_000 });
}

beforeAll(() => {
  if (existsSync(join(ADDIN, 'main.js')) && existsSync(join(DIST, 'offline', 'jsplugins.xml'))) return;
  const r = build();
  if (r.status !== 0) throw new Error(`npm run build:wps failed: ${r.stderr}`);
}, 900_000);

describe('the syntax-level check', () => {
  it('finds syntax above the target and passes what is within it', () => {
    expect(checkSource('a?.b; x ?? y; ({ ...o }); class C { f = 1; #p = 2 }; try {} catch {}', 2017).map((x) => x.feature)).toEqual([
      'optional chaining ?.',
      'nullish coalescing ??',
      'object spread',
      'class field',
      'class field',
      'private name #x',
      'optional catch binding',
    ]);
    expect(checkSource('async function f() { await g(); } const h = (a, ...b) => [...b];', 2017)).toEqual([]);
    expect(checkSource('/(?<year>\\d{4})/.test(s); /a.b/s;', 2017).map((x) => x.level)).toEqual([2018, 2018]);
  });
});

describe('the WPS add-in folder', () => {
  it('holds the files WPS reads, and no script above ES2017', () => {
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'taskpane.html']) expect(existsSync(join(ADDIN, f))).toBe(true);
    const scripts = readdirSync(ADDIN).filter((f) => f.endsWith('.js')).map((f) => join(ADDIN, f));
    expect(scripts.length).toBeGreaterThan(3);
    expect(checkFiles(scripts, 'ES2017')).toEqual([]);
    // No page of the add-in loads anything from the network.
    for (const f of ['index.html', 'taskpane.html']) expect(readFileSync(join(ADDIN, f), 'utf8')).not.toMatch(/https?:\/\//);
    expect(readFileSync(join(ADDIN, 'taskpane.html'), 'utf8')).not.toContain('office.js');
  });

  it('the pages’ inline scripts are ES5: the pane’s boot check, the ribbon page’s stand-in callbacks', () => {
    const inline = (f: string) => [...readFileSync(join(ADDIN, f), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const pane = inline('taskpane.html');
    expect(pane).toHaveLength(1);
    expect(pane[0]).toContain('__jiangxuanUnsupported');
    const ribbonPage = inline('index.html');
    expect(ribbonPage.join('')).toContain('function OnAction');
    for (const code of [...pane, ...ribbonPage]) expect(checkSource(code, 5)).toEqual([]);
  });

  it('the boot check replaces the pane with an explanation where a built-in the bundle calls is missing', () => {
    const code = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(ADDIN, 'taskpane.html'), 'utf8'))![1];
    const page = (withMicrotask: boolean) => {
      const made: { tag: string; text: string }[] = [];
      const el = (tag: string) => ({ tag, style: {}, children: [] as unknown[], setAttribute() {}, appendChild(c: unknown) { this.children.push(c); return c; } });
      const body = { firstChild: null, appendChild: (x: unknown) => made.push(x as { tag: string; text: string }), removeChild() {} };
      const document = {
        readyState: 'complete',
        body,
        createElement: el,
        createTextNode: (t: string) => ({ tag: '#text', text: t }),
        addEventListener() {},
      };
      const window: Record<string, unknown> = { Promise, Map, WeakMap, Symbol, TextDecoder, document };
      if (withMicrotask) window.queueMicrotask = queueMicrotask;
      vm.runInNewContext(code, { window, document, Object, Array, Function });
      return { unsupported: window.__jiangxuanUnsupported === true, shown: made.length };
    };
    expect(page(true)).toEqual({ unsupported: false, shown: 0 });
    expect(page(false)).toEqual({ unsupported: true, shown: 1 });
  });

  it('ribbon.xml: no XML declaration, a 匠选 group with 打开面板, 校验本表, 清除标注 wired to the callbacks main.js defines', () => {
    const text = readFileSync(join(ADDIN, 'ribbon.xml'), 'utf8');
    expect(text.startsWith('<customUI')).toBe(true);
    const ui = parseXml(text);
    expect(ui.attrs.onLoad).toBe('OnAddinLoad');
    const group = all(ui, 'group')[0];
    expect(group.attrs.label).toBe('匠选');
    const buttons = all(group, 'button');
    expect(buttons.map((b) => b.attrs.label)).toEqual(['打开面板', '校验本表', '清除标注']);
    expect(new Set(buttons.map((b) => b.attrs.onAction))).toEqual(new Set(['OnAction']));
    const manifest = parseLoose(readFileSync(join(ADDIN, 'manifest.xml'), 'utf8'));
    expect(all(manifest, 'Name')[0].text).toBe('jiangxuan');
  });

  it('the built main.js runs the ribbon over the simulated WPS: synchronous callbacks, declared members only', async () => {
    const wb = FakeWorkbook.fromGrid(await readWorkbookFile(join(ROOT, 'samples', 'sqc-2025-有问题.xlsx')));
    const before = snapshot(wb);
    const root = wb.app();
    const alerts: string[] = [];
    const context = vm.createContext({
      wps: root,
      Application: root,
      alert: (m: string) => alerts.push(m),
      location: { href: `file:///C:/Users/officer/AppData/Roaming/kingsoft/wps/jsaddons/${FOLDER}/index.html` },
      navigator: { language: 'zh-CN' },
      console,
      setTimeout,
      clearTimeout,
    });
    context.self = context;
    context.window = context;
    vm.runInContext(readFileSync(join(ADDIN, 'main.js'), 'utf8'), context, { filename: 'main.js' });
    const { OnAddinLoad, OnAction, GetImage } = context as unknown as Record<string, (x?: unknown) => unknown>;
    expect(OnAddinLoad({})).toBe(true);

    const checked = OnAction({ Id: 'btnCheck' });
    expect(checked).toBe(true); // a plain value, not a Promise: the work is done when the callback returns
    expect(alerts.pop()).toMatch(/^匠选：按“.+”校验，错误 \d+ 处，警告 \d+ 处，提示 \d+ 处。/);
    const marked = wb.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.fill?.color === bgr(SEVERITY_FILL_HEX.error)));
    expect(marked.length).toBeGreaterThan(0);

    OnAction({ Id: 'btnOpenPane' });
    expect(alerts).toEqual([]);
    expect(wb.taskPanes).toEqual([{ id: 1, url: `file:///C:/Users/officer/AppData/Roaming/kingsoft/wps/jsaddons/${FOLDER}/taskpane.html`, visible: true, dock: 2 }]);
    expect(wb.pluginStorage.get('jiangxuan_taskpane_et')).toBe('1');
    OnAction({ Id: 'btnOpenPane' });
    expect(wb.taskPanes[0].visible).toBe(false);

    expect(OnAction({ Id: 'btnClear' })).toBe(true);
    expect(alerts.pop()).toMatch(/^匠选：已清除标注/);
    expect(snapshot(wb)).toEqual(before);

    for (const id of ['btnOpenPane', 'btnCheck', 'btnClear']) expect(existsSync(join(ADDIN, String(GetImage({ Id: id }))))).toBe(true);

    // Without an open workbook the user is told so, nothing throws into WPS.
    const empty = new FakeWorkbook();
    const ctx2 = vm.createContext({ wps: empty.app(), Application: empty.app(), alert: (m: string) => alerts.push(m), location: { href: 'file:///x/index.html' }, navigator: { language: 'zh-CN' } });
    ctx2.self = ctx2;
    ctx2.window = ctx2;
    vm.runInContext(readFileSync(join(ADDIN, 'main.js'), 'utf8'), ctx2);
    expect((ctx2 as unknown as Record<string, (x: unknown) => unknown>).OnAction({ Id: 'btnCheck' })).toBe(true);
    expect(alerts.pop()).toBe('请先在 WPS 表格中打开要校验的工作簿。');
  });
});

describe('publish and offline packages', () => {
  it('publish mode: publish.html (ES5) beside the add-in folder it installs', () => {
    const html = readFileSync(join(DIST, 'publish', 'publish.html'), 'utf8');
    expect(html).not.toContain('__ADDIN_');
    expect(html).toContain(`'jiangxuan'`);
    expect(html).toContain('127.0.0.1:58890/deployaddons/runParams');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(checkSource(script, 5)).toEqual([]);
    expect(existsSync(join(DIST, 'publish', 'jiangxuan', 'ribbon.xml'))).toBe(true);
  });

  it('jsplugins.xml mode: a sample list naming jiangxuan.7z, type et, this version', () => {
    const list = parseLoose(readFileSync(join(DIST, 'offline', 'jsplugins.xml'), 'utf8'));
    expect(list.local).toBe('jsplugins');
    const p = all(list, 'jsplugin')[0];
    expect(p.attrs).toMatchObject({ name: 'jiangxuan', type: 'et', version: PKG.version, enable: 'true' });
    expect(p.attrs.url).toMatch(/^file:\/\/\/.+\/jiangxuan\.7z$/);
    expect(existsSync(join(DIST, 'offline', FOLDER, 'main.js'))).toBe(true);
  });

  const sevenZip = ['7z', '7za', '7zr'].find((c) => !spawnSync(c, ['i'], { stdio: 'ignore' }).error);
  (sevenZip ? it : it.skip)('the .7z holds the folder jiangxuan_<version>/ as WPS unpacks it into jsaddons', () => {
    const r = spawnSync(sevenZip!, ['l', '-slt', join(DIST, 'offline', 'jiangxuan.7z')], { encoding: 'utf8' });
    const paths = [...r.stdout.matchAll(/^Path = (.+)$/gm)].map((m) => m[1].replace(/\\/g, '/')).slice(1);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.every((p) => p === FOLDER || p.startsWith(`${FOLDER}/`))).toBe(true);
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html']) expect(paths).toContain(`${FOLDER}/${f}`);
  });

  it('without 7-Zip the .7z step is skipped with a message (and fails when it is required)', () => {
    const env = { ...process.env, PATH: mkdtempSync(join(tmpdir(), 'no7z-')), SEVEN_ZIP: '' };
    const r = build(['--package-only'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no 7-Zip program found .*jiangxuan\.7z was NOT made/);
    expect(existsSync(join(DIST, 'offline', 'jiangxuan.7z'))).toBe(false);
    expect(existsSync(join(DIST, 'offline', FOLDER, 'ribbon.xml'))).toBe(true);
    const strict = build(['--package-only'], { ...env, JIANGXUAN_REQUIRE_7Z: '1' });
    expect(strict.status).toBe(1);
    // Put the package back as the build leaves it.
    const again = build(['--package-only']);
    expect(again.status).toBe(0);
  }, 120_000);
});
