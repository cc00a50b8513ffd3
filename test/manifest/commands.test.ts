/**
 * The ribbon function file (src/commands/commands.ts) with Office/Excel stubs: each button runs the adapter
 * through Excel.run, shows the right notice, and always completes the event exactly once.
 */
// The Office.js adapter is mocked; `virtual` only while it does not exist yet (it is written separately).
jest.mock(
  '../../src/adapters/office',
  () => ({ checkWorkbook: jest.fn(), clearMarks: jest.fn() }),
  { virtual: !require('node:fs').existsSync(require('node:path').join(__dirname, '..', '..', 'src', 'adapters', 'office', 'index.ts')) },
);

import * as adapter from '../../src/adapters/office';
import * as commands from '../../src/commands/commands';
import type { Notice } from '../../src/commands/commands';

const checkWorkbook = adapter.checkWorkbook as unknown as jest.Mock;
const clearMarks = adapter.clearMarks as unknown as jest.Mock;

type Handler = (arg: unknown) => void;

interface DialogStub {
  close: jest.Mock;
  handlers: Map<string, Handler>;
  addEventHandler: jest.Mock;
}

interface OfficeStub {
  displayLanguage: string;
  dialogSupported: boolean;
  dialogStatus: 'succeeded' | 'failed';
  dialogs: DialogStub[];
  openedUrls: string[];
  associated: Map<string, unknown>;
  readyCallbacks: Array<() => void>;
}

const FAKE_CONTEXT = { sync: jest.fn() };
let stub: OfficeStub;

function installGlobals(): void {
  stub = {
    displayLanguage: 'zh-CN',
    dialogSupported: true,
    dialogStatus: 'succeeded',
    dialogs: [],
    openedUrls: [],
    associated: new Map(),
    readyCallbacks: [],
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = { location: { href: 'https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' } };
  g.Excel = { run: jest.fn(async (batch: (ctx: unknown) => Promise<unknown>) => batch(FAKE_CONTEXT)) };
  g.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady: jest.fn((cb: () => void) => {
      stub.readyCallbacks.push(cb);
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    }),
    actions: { associate: jest.fn((name: string, fn: unknown) => stub.associated.set(name, fn)) },
    context: {
      get displayLanguage() {
        return stub.displayLanguage;
      },
      requirements: { isSetSupported: jest.fn((name: string) => name === 'DialogApi' && stub.dialogSupported) },
      ui: {
        displayDialogAsync: jest.fn((url: string, _options: unknown, cb: (r: unknown) => void) => {
          stub.openedUrls.push(url);
          if (stub.dialogStatus === 'failed') {
            cb({ status: 'failed', error: { code: 12007, message: 'A dialog is already open' } });
            return;
          }
          const handlers = new Map<string, Handler>();
          const dialog: DialogStub = {
            close: jest.fn(),
            handlers,
            addEventHandler: jest.fn((type: string, h: Handler) => handlers.set(type, h)),
          };
          stub.dialogs.push(dialog);
          cb({ status: 'succeeded', value: dialog });
        }),
        messageParent: jest.fn(),
      },
    },
  };
}

function removeGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.window;
  delete g.Excel;
  delete g.Office;
}

function fakeEvent() {
  return { completed: jest.fn(), source: { id: 'Jiangxuan.ValidateSheet' } } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

beforeEach(() => {
  installGlobals();
  checkWorkbook.mockReset();
  clearMarks.mockReset();
});
afterEach(() => {
  // close every notice still open so that no auto-close timer outlives the test
  for (const d of stub.dialogs) d.handlers.get('dialogEventReceived')?.({ error: 12006 });
  jest.useRealTimers();
  removeGlobals();
});

describe('langOf', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['de-DE', 'zh'],
    ['', 'zh'],
    [undefined, 'zh'],
  ])('%s → %s', (input, lang) => {
    expect(commands.langOf(input)).toBe(lang);
  });
});

describe('checkNotice', () => {
  it('errors first, with the other counts', () => {
    expect(commands.checkNotice({ error: 3, warning: 2, info: 1 }, 'zh')).toEqual({
      kind: 'error',
      title: '校验完成：发现 3 个错误',
      text: expect.stringContaining('另有 2 个警告、1 条提示。'),
    });
    const en = commands.checkNotice({ error: 1, warning: 0, info: 2 }, 'en');
    expect(en.kind).toBe('error');
    expect(en.title).toBe('Check finished: 1 error');
    expect(en.text).toMatch(/^Also 0 warnings and 2 notes\./);
  });

  it('warnings only', () => {
    const n = commands.checkNotice({ error: 0, warning: 2, info: 0 }, 'zh');
    expect(n).toMatchObject({ kind: 'warn', title: '校验完成：没有错误，2 个警告' });
    expect(commands.checkNotice({ error: 0, warning: 1, info: 0 }, 'en').title).toBe('Check finished: no errors, 1 warning');
  });

  it('names the detected programme first', () => {
    expect(commands.checkNotice({ error: 0, warning: 0, info: 0 }, 'zh', '上海工匠').text).toBe('评选项目：上海工匠。推荐名单符合评选项目的要求。');
    expect(commands.checkNotice({ error: 0, warning: 0, info: 0 }, 'en', 'Shanghai Craftsman').text).toBe(
      'Programme: Shanghai Craftsman. The nomination list meets the programme rules.',
    );
  });

  it('nothing to report', () => {
    expect(commands.checkNotice({ error: 0, warning: 0, info: 0 }, 'zh')).toMatchObject({ kind: 'ok', title: '校验完成：未发现问题' });
    expect(commands.checkNotice({ error: 0, warning: 0, info: 4 }, 'en')).toMatchObject({ kind: 'ok', text: '4 notes marked for information.' });
  });
});

describe('failureNotice', () => {
  it('uses the bilingual message of an OfficeCheckError-like error', () => {
    class OfficeCheckError extends Error {
      constructor(
        readonly code: string,
        readonly localized: { zh: string; en: string },
      ) {
        super(localized.en);
      }
    }
    const err = new OfficeCheckError('no-table', { zh: '没有找到推荐表。', en: 'No nomination table found.' });
    expect(commands.failureNotice('check', err, 'zh')).toEqual({ kind: 'error', title: '无法校验本表', text: '没有找到推荐表。' });
    expect(commands.failureNotice('clear', err, 'en')).toEqual({ kind: 'error', title: 'Could not clear the marks', text: 'No nomination table found.' });
    // message itself localized ({code, message: {zh, en}})
    expect(commands.failureNotice('check', { code: 'x', message: { zh: '甲', en: 'A' } }, 'en').text).toBe('A');
  });

  it('reads the real CheckError the adapter throws', () => {
    const real = jest.requireActual('../../src/core/check/failures') as typeof import('../../src/core/check/failures');
    const err = new real.CheckError({ code: 'no-program' });
    expect(commands.failureNotice('check', err, 'zh').text).toBe(err.localized.zh);
    expect(commands.failureNotice('check', err, 'en').text).toBe(err.localized.en);
    expect(err.localized.zh).toContain('找不到可识别的表格');
  });

  it('falls back to a generic text for anything else', () => {
    expect(commands.failureNotice('check', new Error('boom'), 'zh').text).toBe('发生意外错误：boom。请打开面板后重试。');
    expect(commands.failureNotice('check', 42, 'en').text).toBe('Unexpected error. Open the pane and try again.');
  });
});

describe('validateSheet button', () => {
  it('checks through Excel.run without a results sheet, shows the counts, completes after the notice closes', async () => {
    checkWorkbook.mockResolvedValue({
      result: { counts: { error: 2, warning: 1, info: 0 } },
      profile: { shortName: { zh: '上海工匠', en: 'Shanghai Craftsman' } },
    });
    const event = fakeEvent();
    await commands.validateSheet(event);

    expect(checkWorkbook).toHaveBeenCalledTimes(1);
    expect(checkWorkbook).toHaveBeenCalledWith(FAKE_CONTEXT, { lang: 'zh', mark: true, resultsSheet: false });
    expect(stub.openedUrls).toHaveLength(1);
    const url = new URL(stub.openedUrls[0]);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/commands.html');
    expect(url.searchParams.get('notice')).toBe('1');
    expect(url.searchParams.get('_host_Info')).toBeNull();
    expect(url.searchParams.get('kind')).toBe('error');
    expect(url.searchParams.get('title')).toBe('校验完成：发现 2 个错误');
    expect(url.searchParams.get('text')).toMatch(/^评选项目：上海工匠。另有 1 个警告、0 条提示。/);
    expect(event.completed).not.toHaveBeenCalled(); // the dialog is still open

    // the user clicks 关闭: the page messages the parent
    stub.dialogs[0].handlers.get('dialogMessageReceived')!({ message: 'close' });
    expect(stub.dialogs[0].close).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    // a late "closed" event does not complete twice
    stub.dialogs[0].handlers.get('dialogEventReceived')!({ error: 12006 });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('uses English when Office runs in English', async () => {
    stub.displayLanguage = 'en-US';
    checkWorkbook.mockResolvedValue({ result: { counts: { error: 0, warning: 0, info: 0 } }, profile: {} });
    const event = fakeEvent();
    await commands.validateSheet(event);
    expect(checkWorkbook).toHaveBeenCalledWith(FAKE_CONTEXT, { lang: 'en', mark: true, resultsSheet: false });
    expect(new URL(stub.openedUrls[0]).searchParams.get('title')).toBe('Check finished: no problems found');
    expect(new URL(stub.openedUrls[0]).searchParams.get('lang')).toBe('en');
  });

  it('closes the notice by itself after a while', async () => {
    jest.useFakeTimers();
    checkWorkbook.mockResolvedValue({ result: { counts: { error: 0, warning: 0, info: 0 } }, profile: {} });
    const event = fakeEvent();
    await commands.validateSheet(event);
    expect(event.completed).not.toHaveBeenCalled();
    jest.advanceTimersByTime(commands.NOTICE_TIMEOUT_MS.ok);
    expect(stub.dialogs[0].close).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('shows the adapter error and completes', async () => {
    const err = Object.assign(new Error('No nomination table.'), {
      code: 'no-table',
      localized: { zh: '本工作簿中没有可识别的推荐表。', en: 'No nomination table.' },
    });
    checkWorkbook.mockRejectedValue(err);
    const event = fakeEvent();
    await commands.validateSheet(event);
    const url = new URL(stub.openedUrls[0]);
    expect(url.searchParams.get('title')).toBe('无法校验本表');
    expect(url.searchParams.get('text')).toBe('本工作簿中没有可识别的推荐表。');
    stub.dialogs[0].handlers.get('dialogEventReceived')!({ error: 12006 }); // closed with ×
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes at once when Excel.run itself fails and no dialog can be shown', async () => {
    (globalThis as unknown as { Excel: { run: jest.Mock } }).Excel.run.mockRejectedValue(new Error('RichApi.Error'));
    stub.dialogSupported = false;
    const event = fakeEvent();
    await commands.validateSheet(event);
    expect(stub.openedUrls).toEqual([]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes at once when the dialog cannot open (another one is open)', async () => {
    stub.dialogStatus = 'failed';
    checkWorkbook.mockResolvedValue({ result: { counts: { error: 1, warning: 0, info: 0 } }, profile: {} });
    const event = fakeEvent();
    await commands.validateSheet(event);
    expect(stub.openedUrls).toHaveLength(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when the notice code throws', async () => {
    checkWorkbook.mockResolvedValue({ result: { counts: { error: 1, warning: 0, info: 0 } }, profile: {} });
    const handler = commands.commandHandler(commands.runValidateSheet, () => {
      throw new Error('notify failed');
    });
    const event = fakeEvent();
    await handler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('clearMarks button', () => {
  it('clears silently and completes', async () => {
    clearMarks.mockResolvedValue({ restored: 5 });
    const event = fakeEvent();
    await commands.clearMarksCommand(event);
    expect(clearMarks).toHaveBeenCalledWith(FAKE_CONTEXT);
    expect(stub.openedUrls).toEqual([]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('shows a failure', async () => {
    clearMarks.mockRejectedValue(new Error('locked'));
    const event = fakeEvent();
    await commands.clearMarksCommand(event);
    expect(new URL(stub.openedUrls[0]).searchParams.get('title')).toBe('无法清除标注');
    stub.dialogs[0].handlers.get('dialogMessageReceived')!({ message: 'close' });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('notice URL', () => {
  it('round-trips the notice and is recognised as the notice page', () => {
    const notice: Notice = { kind: 'warn', title: '校验完成：没有错误，1 个警告', text: 'A & B <c> "d" #e ?f' };
    const url = commands.noticeUrl('https://localhost:3000/commands.html?_host_Info=x#frag', notice, 'zh');
    expect(commands.isNoticePage(url)).toBe(true);
    expect(commands.isNoticePage('https://localhost:3000/commands.html?_host_Info=x')).toBe(false);
    const q = new URL(url).searchParams;
    expect({ kind: q.get('kind'), title: q.get('title'), text: q.get('text'), lang: q.get('lang') }).toEqual({ ...notice, lang: 'zh' });
    expect(url.length).toBeLessThan(2048);
  });
});

describe('registration', () => {
  it('associates validateSheet and clearMarks once Office is ready', () => {
    jest.isolateModules(() => {
      const fresh = require('../../src/commands/commands') as typeof commands;
      expect(stub.readyCallbacks).toHaveLength(1);
      expect(stub.associated.size).toBe(0);
      stub.readyCallbacks[0]();
      expect([...stub.associated.keys()].sort()).toEqual(['clearMarks', 'validateSheet']);
      expect(stub.associated.get('validateSheet')).toBe(fresh.validateSheet);
      expect(stub.associated.get('clearMarks')).toBe(fresh.clearMarksCommand);
    });
  });

  it('does nothing at import time outside Office', () => {
    removeGlobals();
    expect(() => jest.isolateModules(() => require('../../src/commands/commands'))).not.toThrow();
  });
});

describe('notice page (dialog mode of commands.html)', () => {
  interface FakeNode {
    tag: string;
    textContent: string;
    type?: string;
    children: FakeNode[];
    listeners: Map<string, () => void>;
    focused: boolean;
    appendChild(n: FakeNode): void;
    replaceChildren(...n: FakeNode[]): void;
    addEventListener(type: string, fn: () => void): void;
    focus(): void;
  }
  function node(tag: string): FakeNode {
    const n: FakeNode = {
      tag,
      textContent: '',
      children: [],
      listeners: new Map(),
      focused: false,
      appendChild: (c) => void n.children.push(c),
      replaceChildren: (...c) => void (n.children = c),
      addEventListener: (t, fn) => void n.listeners.set(t, fn),
      focus: () => void (n.focused = true),
    };
    return n;
  }

  it('renders title and text as plain text and closes through messageParent', () => {
    const doc = { documentElement: { lang: '' }, title: '', head: node('head'), body: node('body'), createElement: node };
    const url = commands.noticeUrl(
      'https://localhost:3000/commands.html',
      { kind: 'error', title: '<b>无法校验本表</b>', text: '<img src=x onerror=alert(1)>' },
      'zh',
    );
    commands.renderNoticePage(doc as unknown as Document, url);
    expect(doc.documentElement.lang).toBe('zh-CN');
    const [h1, p, button] = doc.body.children;
    expect(h1).toMatchObject({ tag: 'h1', textContent: '<b>无法校验本表</b>' });
    expect(p).toMatchObject({ tag: 'p', textContent: '<img src=x onerror=alert(1)>' });
    expect(button).toMatchObject({ tag: 'button', textContent: '关闭', focused: true });
    button.listeners.get('click')!();
    const ui = (globalThis as unknown as { Office: { context: { ui: { messageParent: jest.Mock } } } }).Office.context.ui;
    expect(ui.messageParent).toHaveBeenCalledWith('close');
  });
});
