/**
 * The boot check inlined first in taskpane.html and commands.html (src/taskpane/boot/compat.js): it must be ES5
 * (IE11 and Edge Legacy cannot parse anything newer), tell an old web view in Chinese what to do with the
 * standalone page's address instead of a blank pane, give the ribbon's two commands a way to say so, and load
 * office.js in <head> only inside Office.
 */
import * as vm from 'node:vm';
import * as acorn from 'acorn';

const webpackConfig = require('../../webpack.config.js');
const SCRIPT: string = webpackConfig.compatScript('office-js/office.js');

interface FakeNode {
  tag: string;
  text: string;
  children: FakeNode[];
  attrs: Record<string, string>;
  style: { cssText: string };
  value?: string;
  appendChild(n: FakeNode): FakeNode;
  removeChild(n: FakeNode): void;
  setAttribute(k: string, v: string): void;
  readonly firstChild: FakeNode | undefined;
}

function node(tag: string, text = ''): FakeNode {
  const n: FakeNode = {
    tag,
    text,
    children: [],
    attrs: {},
    style: { cssText: '' },
    appendChild(c) {
      n.children.push(c);
      return c;
    },
    removeChild(c) {
      n.children.splice(n.children.indexOf(c), 1);
    },
    setAttribute(k, v) {
      n.attrs[k] = v;
    },
    get firstChild() {
      return n.children[0];
    },
  };
  return n;
}

function allText(n: FakeNode): string {
  return n.text + (n.value ?? '') + n.children.map(allText).join('');
}

interface Env {
  href: string;
  modern?: boolean;
  missing?: string;
  userAgent?: string;
  office?: unknown;
}

function run(env: Env) {
  const url = new URL(env.href);
  const body = node('body');
  body.appendChild(node('div', '匠选正在加载…'));
  const written: string[] = [];
  const document = {
    readyState: 'complete',
    body,
    write: (s: string) => written.push(s),
    createElement: (t: string) => node(t),
    createTextNode: (t: string) => node('#text', t),
  };
  const sandbox: Record<string, unknown> = {
    document,
    location: { href: env.href, protocol: url.protocol, host: url.host, pathname: url.pathname },
    navigator: { userAgent: env.userAgent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36' },
    fetch: () => undefined,
    TextDecoder: function TextDecoder() {},
    queueMicrotask: () => undefined,
  };
  if (env.office) sandbox.Office = env.office;
  sandbox.window = sandbox;
  const ctx = vm.createContext(sandbox);
  if (env.modern === false) {
    // An engine without ES2015+ syntax: constructing a function from such source is a SyntaxError.
    vm.runInContext('Function = function () { throw new SyntaxError("Expected identifier"); };', ctx);
  }
  if (env.missing) vm.runInContext(`delete ${env.missing};`, ctx);
  vm.runInContext(SCRIPT, ctx);
  return { sandbox, body, written, text: allText(body) };
}

const TASKPANE = 'https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0';

describe('boot check (ES5 loader)', () => {
  it('is ES5: it parses as ECMAScript 5, as IE11 would', () => {
    expect(() => acorn.parse(SCRIPT, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // …and the check is not vacuous: ES2015 syntax is refused by the same parser.
    expect(() => acorn.parse('let a = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(SCRIPT).not.toMatch(/<\/script/i);
  });

  it('in IE11 inside Excel: explains in Chinese, gives the standalone page’s address, loads nothing', () => {
    const r = run({ href: TASKPANE, modern: false, userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
    expect(r.sandbox.__jiangxuanUnsupported).toBe(true);
    expect(r.written).toEqual([]);
    expect(r.text).not.toContain('匠选正在加载');
    expect(r.text).toContain('匠选无法在这里运行');
    expect(r.text).toContain('这台电脑上的 Excel 用 Internet Explorer 11 显示加载项');
    expect(r.text).toContain('https://localhost:3000/taskpane.html');
    expect(r.text).toMatch(/Excel 2021、Excel 2024 或 Microsoft 365/);
  });

  it('names Edge Legacy and old Safari, and refuses an engine missing an API the bundle calls', () => {
    expect(run({ href: TASKPANE, modern: false, userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/70.0 Safari/537.36 Edge/18.19041' }).text).toContain('旧版 Microsoft Edge（EdgeHTML）');
    const safari = run({ href: 'https://intranet.example/jx/taskpane.html', modern: false, userAgent: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/15.6 Safari/605.1.15' });
    expect(safari.text).toContain('这个浏览器（旧版 Safari）');
    expect(safari.text).toContain('https://intranet.example/jx/taskpane.html');
    expect(run({ href: TASKPANE, missing: 'TextDecoder' }).sandbox.__jiangxuanUnsupported).toBe(true);
  });

  it('in a current web view inside Excel: writes office.js into <head>, nothing else', () => {
    const r = run({ href: TASKPANE });
    expect(r.sandbox.__jiangxuanUnsupported).toBeUndefined();
    expect(r.written).toEqual(['<script src="office-js/office.js"></script>']);
    expect(r.text).toBe('匠选正在加载…');
  });

  it('on the standalone page: never loads office.js', () => {
    const r = run({ href: 'http://127.0.0.1:3000/taskpane.html?lang=zh' });
    expect(r.written).toEqual([]);
    expect(r.text).toBe('匠选正在加载…');
  });

  it('in the ribbon’s function file of an old Excel: both commands say why in a dialog and always complete', () => {
    const dialogs: string[] = [];
    let handler: ((a: unknown) => void) | undefined;
    const office = {
      context: {
        ui: {
          displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
            dialogs.push(url);
            cb({ status: 'succeeded', value: { addEventHandler: (_t: string, h: (a: unknown) => void) => (handler = h), close: () => undefined } });
          },
        },
      },
    };
    const r = run({ href: 'https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', modern: false, office });
    expect(typeof (office as { initialize?: unknown }).initialize).toBe('function');
    const completed: number[] = [];
    (r.sandbox.validateSheet as (e: unknown) => void)({ completed: () => completed.push(1) });
    expect(dialogs).toEqual(['https://localhost:3000/commands.html?notice=unsupported']);
    expect(completed).toEqual([]);
    handler!({ error: 12006 });
    expect(completed).toEqual([1]);
    // Without a dialog (it cannot open): completes at once.
    (office.context.ui as { displayDialogAsync: unknown }).displayDialogAsync = (_u: string, _o: unknown, cb: (r: unknown) => void) => cb({ status: 'failed' });
    (r.sandbox.clearMarks as (e: unknown) => void)({ completed: () => completed.push(2) });
    expect(completed).toEqual([1, 2]);
  });
});
