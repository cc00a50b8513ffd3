/**
 * manifest.xml: offline schema validation (xmllint-wasm against vendor/office-addin-manifest-schemas/, the
 * same check as `npm run validate:manifest`) and the project's own rules: three ribbon buttons, zh-CN strings
 * with en-US overrides, icons that exist with the declared size, localhost-only URLs, page names and the
 * ExcelApi requirement set.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ancestor, childOf, childrenOf, descendants, parseXml, type XmlElement } from './xml';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';

const APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';

// The validator is a plain Node script (scripts/validate-manifest.js) so that CI can run it without ts-jest.
const validator = require(path.join(ROOT, 'scripts', 'validate-manifest.js')) as {
  validateManifestXml(xml: string, options?: { schemaDir?: string; fileName?: string }): Promise<{ valid: boolean; errors: string[] }>;
  resolveSchemaDir(explicit?: string): string;
};

const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');
const doc = parseXml(xml);
const overrides = childOf(doc, OV, 'VersionOverrides');
const resources = childOf(overrides, OV, 'Resources');

function xsiType(el: XmlElement): string | undefined {
  return el.attrs['xsi:type'];
}

/** Resource id → element, for one resource kind (Images, Urls, ShortStrings, LongStrings). */
function resourceMap(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, XmlElement> {
  const list = childOf(resources, BT, kind);
  const item = kind === 'Images' ? 'Image' : kind === 'Urls' ? 'Url' : 'String';
  const map = new Map<string, XmlElement>();
  for (const el of childrenOf(list, BT, item)) {
    const id = el.attrs.id;
    expect(map.has(id)).toBe(false); // ids are unique within a kind
    map.set(id, el);
  }
  return map;
}

const images = resourceMap('Images');
const urls = resourceMap('Urls');
const shortStrings = resourceMap('ShortStrings');
const longStrings = resourceMap('LongStrings');

/** Which resource kind each resid-bearing element refers to (TaskPaneAppVersionOverridesV1_0.xsd). */
function kindOfReference(el: XmlElement): 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings' {
  if (el.ns === BT && el.local === 'Image') return 'Images';
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.local)) return 'Urls';
  if (el.local === 'Description') return 'LongStrings';
  if (['Label', 'Title'].includes(el.local)) return 'ShortStrings';
  throw new Error(`unexpected resid on <${el.local}> line ${el.line}`);
}

function allWithResid(): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.attrs.resid !== undefined) out.push(c);
      walk(c);
    }
  };
  walk(childOf(overrides, OV, 'Hosts'));
  return out;
}

function urlOf(resid: string): string {
  const el = urls.get(resid);
  if (!el) throw new Error(`no bt:Url ${resid}`);
  return el.attrs.DefaultValue;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/x.png → <repo>/assets/x.png (and checks the prefix). */
function assetFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  return path.join(ROOT, 'assets', decodeURIComponent(url.slice(`${ORIGIN}/assets/`.length)));
}

const HAN = /\p{Script=Han}/u;

describe('manifest.xml against the Office add-in manifest schemas (offline)', () => {
  const schemaDir = validator.resolveSchemaDir();

  it('finds the schema folder vendored in the repository', () => {
    expect(path.relative(path.join(__dirname, '..', '..'), schemaDir)).toBe(path.join('vendor', 'office-addin-manifest-schemas'));
    expect(fs.existsSync(path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'))).toBe(true);
  });

  // Where the steering folder sits beside the clone (CI), the vendored copy must be the same bytes.
  const upstream = path.join(__dirname, '..', '..', '..', 'shared', 'schemas', 'office-addin-manifest');
  (fs.existsSync(upstream) ? it : it.skip)('the vendored schemas are identical to their origin in ../shared', () => {
    const xsds = fs.readdirSync(upstream).filter((f) => f.endsWith('.xsd')).sort();
    expect(fs.readdirSync(schemaDir).filter((f) => f.endsWith('.xsd')).sort()).toEqual(xsds);
    for (const f of xsds) expect(fs.readFileSync(path.join(schemaDir, f)).equals(fs.readFileSync(path.join(upstream, f)))).toBe(true);
  });

  it('is valid', async () => {
    const result = await validator.validateManifestXml(xml, { schemaDir });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('rejects the same manifest with an unknown element injected (base manifest)', async () => {
    const bad = xml.replace('<Permissions>', '<Unexpected>x</Unexpected>\n  <Permissions>');
    expect(bad).not.toBe(xml);
    const result = await validator.validateManifestXml(bad, { schemaDir });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Unexpected.*not expected/);
  });

  it('rejects an unknown element inside the ribbon group (VersionOverrides)', async () => {
    const bad = xml.replace('<Control xsi:type="Button" id="Jiangxuan.ClearMarks">', '<Gadget/>\n<Control xsi:type="Button" id="Jiangxuan.ClearMarks">');
    expect(bad).not.toBe(xml);
    const result = await validator.validateManifestXml(bad, { schemaDir });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Gadget/);
  });

  it('still refuses <Runtimes> (shared runtime), which is why the manifest has none (docs/addin.md)', async () => {
    // If the shared schemas are ever updated and accept it, this test fails: then a shared runtime (and
    // Office.addin.showAsTaskpane from the ribbon commands) becomes possible.
    const withRuntime = xml.replace(
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Workbook">\n<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>',
    );
    const result = await validator.validateManifestXml(withRuntime, { schemaDir });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Runtimes/);
  });

  it('validate:manifest script prints OK and exits 0; exits 1 on an invalid manifest', () => {
    const script = path.join(ROOT, 'scripts', 'validate-manifest.js');
    const ok = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/清单有效/);
    expect(ok.stdout).toMatch(/Manifest is valid/);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-manifest-'));
    try {
      const badPath = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(badPath, xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
      const bad = spawnSync(process.execPath, [script, badPath], { cwd: ROOT, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/清单无效/);
      expect(bad.stderr).toMatch(/Permissions/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('manifest.xml content', () => {
  it('is an Excel task-pane add-in with a fixed id, zh-CN default and ReadWriteDocument', () => {
    expect(doc.ns).toBe(APP);
    expect(doc.local).toBe('OfficeApp');
    expect(xsiType(doc)).toBe('TaskPaneApp');
    expect(childOf(doc, APP, 'Id').text).toBe('a23c911d-2a4b-4c88-aca4-fa9e230a291f');
    expect(childOf(doc, APP, 'ProviderName').text).toBe('匠选 Jiangxuan');
    expect(childOf(doc, APP, 'DefaultLocale').text).toBe('zh-CN');
    expect(childOf(doc, APP, 'Permissions').text).toBe('ReadWriteDocument');
    const hosts = childrenOf(childOf(doc, APP, 'Hosts'), APP, 'Host').map((h) => h.attrs.Name);
    expect(hosts).toEqual(['Workbook']);
    const ovHosts = childrenOf(childOf(overrides, OV, 'Hosts'), OV, 'Host').map(xsiType);
    expect(ovHosts).toEqual(['Workbook']);
    expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
  });

  it('has Chinese DisplayName/Description with en-US overrides', () => {
    for (const name of ['DisplayName', 'Description']) {
      const el = childOf(doc, APP, name);
      expect(el.attrs.DefaultValue).toMatch(HAN);
      const en = childrenOf(el, APP, 'Override').filter((o) => o.attrs.Locale === 'en-US');
      expect(en).toHaveLength(1);
      expect(en[0].attrs.Value).not.toMatch(HAN);
      expect(en[0].attrs.Value.length).toBeGreaterThan(0);
    }
  });

  it('loads the task pane from taskpane.html and the function file from commands.html on localhost:3000', () => {
    const source = childOf(childOf(doc, APP, 'DefaultSettings'), APP, 'SourceLocation');
    expect(source.attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    const functionFiles = descendants(overrides, OV, 'FunctionFile');
    expect(functionFiles).toHaveLength(1);
    expect(urlOf(functionFiles[0].attrs.resid)).toBe(`${ORIGIN}/commands.html`);
  });

  it('has a 匠选 group on the Home tab with exactly the three buttons and their actions', () => {
    const tabs = descendants(overrides, OV, 'OfficeTab');
    expect(tabs.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const surface = ancestor(tabs[0], 'ExtensionPoint');
    expect(surface && xsiType(surface)).toBe('PrimaryCommandSurface');
    const groups = childrenOf(tabs[0], OV, 'Group');
    expect(groups).toHaveLength(1);
    expect(shortStrings.get(childOf(groups[0], OV, 'Label').attrs.resid)?.attrs.DefaultValue).toBe('匠选');

    const controls = childrenOf(groups[0], OV, 'Control');
    const summary = controls.map((c) => {
      const action = childOf(c, OV, 'Action');
      const label = shortStrings.get(childOf(c, OV, 'Label').attrs.resid)?.attrs.DefaultValue;
      const type = xsiType(action);
      const target =
        type === 'ShowTaskpane'
          ? urlOf(childOf(action, OV, 'SourceLocation').attrs.resid)
          : childOf(action, OV, 'FunctionName').text;
      return { control: xsiType(c), label, type, target };
    });
    expect(summary).toEqual([
      { control: 'Button', label: '打开面板', type: 'ShowTaskpane', target: `${ORIGIN}/taskpane.html` },
      { control: 'Button', label: '校验本表', type: 'ExecuteFunction', target: 'validateSheet' },
      { control: 'Button', label: '清除标注', type: 'ExecuteFunction', target: 'clearMarks' },
    ]);

    // every button has a supertip (title + description) and unique ids
    for (const c of controls) {
      const tip = childOf(c, OV, 'Supertip');
      expect(childOf(tip, OV, 'Title').attrs.resid).toBeTruthy();
      expect(childOf(tip, OV, 'Description').attrs.resid).toBeTruthy();
    }
    const ids = [groups[0], ...controls].map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('associates exactly the manifest function names in src/commands/commands.ts', () => {
    const names = descendants(overrides, OV, 'FunctionName').map((f) => f.text).sort();
    const source = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    const associated = [...source.matchAll(/Office\.actions\.associate\(\s*'([^']+)'/g)].map((m) => m[1]).sort();
    expect(associated).toEqual(names);
  });

  it('resolves every resid to a resource of the right kind, and every resource is used', () => {
    const maps = { Images: images, Urls: urls, ShortStrings: shortStrings, LongStrings: longStrings };
    const used = new Set<string>();
    for (const el of allWithResid()) {
      const kind = kindOfReference(el);
      const id = el.attrs.resid;
      expect({ line: el.line, kind, id, found: maps[kind].has(id) }).toEqual({ line: el.line, kind, id, found: true });
      used.add(`${kind}:${id}`);
    }
    for (const [kind, map] of Object.entries(maps)) {
      for (const id of map.keys()) expect(used.has(`${kind}:${id}`) ? id : `unused ${kind} ${id}`).toBe(id);
    }
  });

  it('has a Chinese default and an English en-US override for every ribbon string', () => {
    for (const [id, el] of [...shortStrings, ...longStrings]) {
      expect({ id, zh: HAN.test(el.attrs.DefaultValue) }).toEqual({ id, zh: true });
      const en = childrenOf(el, BT, 'Override').filter((o) => o.attrs.Locale === 'en-US');
      expect({ id, overrides: en.length }).toEqual({ id, overrides: 1 });
      expect({ id, english: !HAN.test(en[0].attrs.Value) && en[0].attrs.Value.trim().length > 0 }).toEqual({ id, english: true });
    }
    // short strings must fit the ribbon (ShortString allows 125, labels should stay short)
    for (const [id, el] of shortStrings) {
      if (id.endsWith('.Label')) expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(8);
    }
  });

  it('points every icon at an existing PNG in assets/ of the declared size', () => {
    const icon = childOf(doc, APP, 'IconUrl').attrs.DefaultValue;
    const hiRes = childOf(doc, APP, 'HighResolutionIconUrl').attrs.DefaultValue;
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(hiRes))).toEqual({ width: 64, height: 64 });

    const sizesUsed = new Set<number>();
    for (const ref of descendants(childOf(overrides, OV, 'Hosts'), BT, 'Image')) {
      const size = Number(ref.attrs.size);
      sizesUsed.add(size);
      const url = images.get(ref.attrs.resid)?.attrs.DefaultValue ?? '';
      const file = assetFile(url);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect([...sizesUsed].sort((a, b) => a - b)).toEqual([16, 32, 80]);
  });

  it('uses no origin other than https://localhost:3000', () => {
    const found = [...xml.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    // namespace URIs are identifiers, not requests
    const requests = found.filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(requests.length).toBeGreaterThan(0);
    for (const u of requests) expect(new URL(u).origin).toBe(ORIGIN);
    const domains = descendants(doc, APP, 'AppDomain').map((d) => d.text);
    expect(domains.every((d) => new URL(d).hostname === 'localhost')).toBe(true);
  });

  it('declares the ExcelApi the ribbon needs in VersionOverrides, and none in the base manifest', () => {
    const sets = descendants(childOf(overrides, OV, 'Requirements'), BT, 'Set');
    const excel = sets.filter((s) => s.attrs.Name === 'ExcelApi');
    expect(excel).toHaveLength(1);
    // The adapter's BASE_EXCEL_API: reading the workbook. Every API above it is checked at run time and explained
    // in words (test/adapters/office/api-usage.test.ts checks the code, compat-matrix.test.ts every action).
    const { BASE_EXCEL_API } = require('../../src/adapters/office/requirements');
    expect(excel[0].attrs.MinVersion).toBe(`1.${BASE_EXCEL_API}`);
    // No requirement in the base manifest: the task pane opens on any Excel and says what to do there
    // (an old web view gets the boot check's page) instead of Office hiding the add-in without a word.
    expect(childrenOf(doc, APP, 'Requirements')).toEqual([]);
  });

  it('is read the same way by office-addin-manifest info (offline)', () => {
    const cli = require.resolve('office-addin-manifest/cli.js', { paths: [ROOT] });
    const r = spawnSync(process.execPath, [cli, 'info', MANIFEST_PATH], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Id: a23c911d-2a4b-4c88-aca4-fa9e230a291f/);
    expect(r.stdout).toMatch(/Type: TaskPaneApp/);
    expect(r.stdout).toMatch(/Hosts: Workbook/);
    expect(r.stdout).toMatch(/Permissions: ReadWriteDocument/);
    expect(r.stdout).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane\.html/);
  });
});
