/**
 * Issue 10, safe writes: the user's input is never written (through symlinks, symlinked folders, hard links,
 * other spellings), an existing file is replaced only with --force, temp files are exclusive and unpredictable
 * and never left behind, and every write failure says its cause. Real files in temp folders; the built CLI
 * (npm test builds it) for what a user sees, src/cli/cli-files.ts directly where a failure must be injected
 * (a full disk, a locked file on Windows).
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkOutputFile,
  fileIdentity,
  sameFile,
  tempNameFor,
  writeFailureMessage,
  writeOutputFile,
  writeOutputFiles,
  writesAnInput,
} from '../../src/cli/cli-files';
import { CliFailure } from '../../src/cli/cli-failure';
import { expertsWorkbook } from '../scoring/helpers';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', 'sqc-2025-正确.xlsx');
const base = mkdtempSync(join(tmpdir(), 'jx-safe-'));
let n = 0;

/** A fresh folder holding in.xlsx (a copy of a sample workbook). */
function folder(): string {
  const d = join(base, `case-${++n}`);
  mkdirSync(d);
  copyFileSync(SAMPLE, join(d, 'in.xlsx'));
  return d;
}

function run(cwd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8', cwd, ...options });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

const fingerprint = (f: string) => ({ bytes: readFileSync(f).toString('base64'), mtime: statSync(f).mtimeMs });

function expectOneLine(err: string, text: string | RegExp): void {
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).toMatch(text);
  expect(err).not.toMatch(/\n\s+at |Error:/);
}

/** Hidden temp files a write could have left. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.'));

describe('an output is never one of the inputs, whatever path leads to it', () => {
  test('validate: a symlink to the input, a symlinked folder, a hard link', () => {
    const d = folder();
    const before = fingerprint(join(d, 'in.xlsx'));
    symlinkSync('in.xlsx', join(d, 'link.xlsx'));
    symlinkSync(d, join(d, 'same-folder'));
    linkSync(join(d, 'in.xlsx'), join(d, 'hard.xlsx'));
    for (const [input, out] of [
      ['link.xlsx', 'in.xlsx'],
      ['in.xlsx', 'link.xlsx'],
      ['in.xlsx', 'same-folder/in.xlsx'],
      ['same-folder/in.xlsx', './in.xlsx'],
      ['hard.xlsx', 'in.xlsx'],
    ]) {
      // --force does not make it allowed.
      const r = run(d, ['validate', input, '--out', out, '--force']);
      expect(r.code).toBe(2);
      expectOneLine(r.err, '不能是输入文件本身');
    }
    expect(fingerprint(join(d, 'in.xlsx'))).toEqual(before);
    expect(leftovers(d)).toEqual([]);
  });

  test('cultivation and rollover: the trainee list or tracking workbook through a link', () => {
    const d = folder();
    symlinkSync(d, join(d, 'again'));
    const before = fingerprint(join(d, 'in.xlsx'));
    let r = run(d, ['cultivation', '--trainees', 'again/in.xlsx', '--out', 'in.xlsx', '--force']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '不能是输入文件本身');
    r = run(d, ['cultivation', 'rollover', 'in.xlsx', '--year', '2027', '--out', 'again/in.xlsx', '--force']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '不能是输入文件本身');
    expect(fingerprint(join(d, 'in.xlsx'))).toEqual(before);
  });

  test('consolidate: --out a link to a returned file in the folder read is refused even with --force', () => {
    const d = folder();
    mkdirSync(join(d, 'returned'));
    copyFileSync(join(d, 'in.xlsx'), join(d, 'returned', 'sheet.xlsx'));
    symlinkSync(join(d, 'returned', 'sheet.xlsx'), join(d, 'result.xlsx'));
    const before = fingerprint(join(d, 'returned', 'sheet.xlsx'));
    const r = run(d, ['consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result.xlsx', '--force']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /不是匠选的汇总结果|不能是输入文件本身/);
    expect(fingerprint(join(d, 'returned', 'sheet.xlsx'))).toEqual(before);
  });

  test('scoresheets: an output name in --out that links to the candidates file', async () => {
    const d = folder();
    const keyDir = join(d, 'sheets', '评分安排（内部，勿外发）');
    mkdirSync(keyDir, { recursive: true });
    // The key file's name is fixed: a link by that name to the candidates file must not be written through.
    symlinkSync(join(d, 'in.xlsx'), join(keyDir, '评分安排-书面初评（内部，勿外发）.xlsx'));
    writeFileSync(join(d, 'experts.xlsx'), await expertsWorkbook([['张华', '复旦大学', null]]));
    const before = fingerprint(join(d, 'in.xlsx'));
    const r = run(d, ['scoresheets', '--program', 'sqc-2025', '--candidates', 'in.xlsx', '--experts', 'experts.xlsx', '--out', 'sheets', '--force']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '就是输入文件');
    expect(fingerprint(join(d, 'in.xlsx'))).toEqual(before);
    expect(readdirSync(keyDir)).toEqual(['评分安排-书面初评（内部，勿外发）.xlsx']);
    expect(readdirSync(join(d, 'sheets'))).not.toContain('评分表');
  });

  test('on case-insensitive disks (macOS, Windows) the same path in other letters is the same file', async () => {
    const a = { dev: 1n, ino: 0n, real: '/Users/lin/推荐表/In.xlsx' };
    const b = { dev: 1n, ino: 0n, real: '/users/LIN/推荐表/in.XLSX' };
    expect(sameFile(a, b, 'darwin')).toBe(true);
    expect(sameFile(a, b, 'win32')).toBe(true);
    expect(sameFile(a, b, 'linux')).toBe(false);
    // Same device and inode is the same file whatever the names (what a case-insensitive disk reports).
    expect(sameFile({ dev: 5n, ino: 42n, real: '/a/X.xlsx' }, { dev: 5n, ino: 42n, real: '/b/y.xlsx' }, 'linux')).toBe(true);
    // A file system without inode numbers: only the path decides.
    expect(sameFile({ dev: 5n, ino: 0n, real: '/a/x.xlsx' }, { dev: 5n, ino: 0n, real: '/a/y.xlsx' }, 'linux')).toBe(false);
    const d = folder();
    expect(await writesAnInput(join(d, 'IN.xlsx'), [join(d, 'in.xlsx')], 'darwin')).toBe(true);
    expect(await writesAnInput(join(d, 'IN.xlsx'), [join(d, 'in.xlsx')], 'linux')).toBe(false);
    expect((await fileIdentity(join(d, 'in.xlsx')))!.ino).toBe(BigInt(statSync(join(d, 'in.xlsx')).ino));
  });
});

describe('an existing file is replaced only with --force, in every command', () => {
  test.each([
    ['validate', (out: string) => ['validate', 'in.xlsx', '--out', out]],
    ['consolidate', (out: string) => ['consolidate', 'in.xlsx', '--program', 'sqc-2025', '--out', out]],
    ['cultivation', (out: string) => ['cultivation', '--out', out]],
  ])('%s', (_cmd, args) => {
    const d = folder();
    writeFileSync(join(d, 'unrelated.xlsx'), 'a file the user keeps');
    const r = run(d, args('unrelated.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err, 'unrelated.xlsx 已存在：匠选不会覆盖已有的文件，请换一个文件名（确需覆盖请加 --force）');
    expect(readFileSync(join(d, 'unrelated.xlsx'), 'utf8')).toBe('a file the user keeps');
    expect(leftovers(d)).toEqual([]);
  });

  test('with --force the file is replaced; a symlink at --out is replaced itself, never the file it points to', () => {
    const d = folder();
    writeFileSync(join(d, 'elsewhere.txt'), 'not to be touched');
    symlinkSync(join(d, 'elsewhere.txt'), join(d, 'out.xlsx'));
    const r = run(d, ['validate', 'in.xlsx', '--out', 'out.xlsx', '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'elsewhere.txt'), 'utf8')).toBe('not to be touched');
    expect(statSync(join(d, 'out.xlsx')).isFile()).toBe(true);
    expect(readFileSync(join(d, 'out.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(leftovers(d)).toEqual([]);
  });

  test('a folder as --out is a clear error and leaves nothing (validate --out .)', () => {
    const d = folder();
    for (const out of ['.', 'sub', 'sub/']) {
      mkdirSync(join(d, 'sub'), { recursive: true });
      const r = run(d, ['validate', 'in.xlsx', '--out', out]);
      expect(r.code).toBe(2);
      expectOneLine(r.err, /是文件夹：请写出文件名/);
    }
    expect(readdirSync(d).sort()).toEqual(['in.xlsx', 'sub']);
    expect(readdirSync(join(d, 'sub'))).toEqual([]);
  });

  test('a missing folder is named before any work is done', () => {
    const d = folder();
    const r = run(d, ['validate', 'in.xlsx', '--out', 'no-such-folder/out.xlsx']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '--out no-such-folder/out.xlsx 的文件夹 no-such-folder 不存在');
  });
});

describe('temp files: exclusive, unpredictable, never left behind', () => {
  test('the temp name is random (cannot be planted in advance) and stays beside the target', () => {
    const names = new Set(Array.from({ length: 50 }, () => tempNameFor('/data/结果.xlsx')));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^\/data\/\.结果\.xlsx\.[0-9a-f]{18}\.jx-tmp$/);
  });

  test('links planted at the old predictable temp name and at the temp name itself are never followed', async () => {
    const d = folder();
    const victim = join(d, 'victim.txt');
    writeFileSync(victim, 'precious');
    // The scheme before issue 10: .<name>.<pid>.tmp, for every plausible pid.
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) symlinkSync(victim, join(d, `.out.xlsx.${pid}.tmp`));
    await writeOutputFile(join(d, 'out.xlsx'), new Uint8Array([1, 2, 3]));
    expect(readFileSync(join(d, 'out.xlsx'))).toEqual(Buffer.from([1, 2, 3]));
    // Even a link at the very name chosen is refused by the exclusive open (O_EXCL), not written through.
    const planted = join(d, '.planted.jx-tmp');
    symlinkSync(victim, planted);
    const e = await writeOutputFile(join(d, 'out2.xlsx'), new Uint8Array([4]), { ops: { tempName: () => planted } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliFailure);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(join(d, 'out2.xlsx'))).toBe(false);
  });

  test('a full disk: the partial temp file is removed, the message says so, the old file is kept', async () => {
    const d = folder();
    const target = join(d, 'out.xlsx');
    writeFileSync(target, 'previous result');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const e = (await writeOutputFile(target, new Uint8Array(100_000), {
      force: true,
      ops: {
        async writeBytes(handle, bytes) {
          await handle.write(bytes.subarray(0, 4096)); // part of it reached the disk, with nominee data
          throw full;
        },
      },
    }).catch((x: unknown) => x)) as CliFailure;
    expect(e).toBeInstanceOf(CliFailure);
    expect(e.message).toBe(`无法保存 ${target}：磁盘已满（或超出空间配额），请清理磁盘空间或换一个位置保存；没有留下不完整的文件`);
    expect(leftovers(d)).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('previous result');
  });

  test('several files: when the second cannot be written, none is (and no temp file is left)', async () => {
    const d = folder();
    let calls = 0;
    const e = await writeOutputFiles(
      [
        { path: join(d, 'a.xlsx'), bytes: new Uint8Array([1]) },
        { path: join(d, 'b.xlsx'), bytes: new Uint8Array([2]) },
      ],
      {
        ops: {
          async writeBytes(handle, bytes) {
            if (++calls === 2) throw Object.assign(new Error('EIO'), { code: 'EIO' });
            await handle.writeFile(bytes);
          },
        },
      },
    ).catch((x: unknown) => x);
    expect((e as Error).message).toContain('磁盘写入出错');
    expect(readdirSync(d)).toEqual(['in.xlsx']);
  });

  test('a file open in Excel on Windows (EPERM/EBUSY on replace) is told as such; the temp file is removed', async () => {
    const d = folder();
    const target = join(d, 'out.xlsx');
    writeFileSync(target, 'open in Excel');
    const locked = (code: string) => async () => {
      throw Object.assign(new Error(code), { code });
    };
    for (const [code, platform] of [
      ['EPERM', 'win32'],
      ['EACCES', 'win32'],
      ['EBUSY', 'linux'],
    ] as const) {
      const e = (await writeOutputFile(target, new Uint8Array([1]), { force: true, ops: { rename: locked(code), platform } }).catch((x: unknown) => x)) as Error;
      expect(e.message).toMatch(/正在 Excel（或其他程序）中打开/);
      expect(leftovers(d)).toEqual([]);
    }
    expect(readFileSync(target, 'utf8')).toBe('open in Excel');
  });

  test('each cause has its own words', () => {
    const msg = (code: string, step: 'create' | 'replace' = 'create', platform: NodeJS.Platform = 'linux') =>
      writeFailureMessage(Object.assign(new Error(code), { code }), '报告/out.xlsx', step, platform, true);
    expect(msg('ENOSPC')).toContain('磁盘已满');
    expect(msg('EROFS')).toContain('只读');
    expect(msg('EACCES')).toContain('没有在文件夹 报告 中写文件的权限');
    expect(msg('EPERM')).toContain('没有在文件夹 报告 中写文件的权限');
    expect(msg('EPERM', 'replace', 'win32')).toContain('正在 Excel');
    expect(msg('EBUSY')).toContain('正在 Excel');
    expect(msg('ENOENT')).toContain('文件夹 报告 不存在');
    expect(msg('ENAMETOOLONG')).toContain('太长');
    const all = ['ENOSPC', 'EROFS', 'EACCES', 'ENOENT', 'ENAMETOOLONG', 'EIO'].map((c) => msg(c));
    for (const m of all) expect(m).not.toContain('文件是否正在 Excel 中打开');
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('a folder the user may not write to (a real permission check, run as an unprivileged user)', () => {
  // Root ignores file permissions: the CLI then runs as "nobody" (uid 65534), as a normal user would.
  const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  test('validate --out into a read-only folder: the cause, nothing left, the input untouched', () => {
    const d = folder();
    chmodSync(base, 0o755);
    chmodSync(d, 0o755);
    mkdirSync(join(d, 'locked'));
    chmodSync(join(d, 'locked'), 0o555);
    const before = fingerprint(join(d, 'in.xlsx'));
    const r = run(d, ['validate', 'in.xlsx', '--out', 'locked/out.xlsx'], asUser);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '无法保存 locked/out.xlsx：没有在文件夹 locked 中写文件的权限');
    expect(readdirSync(join(d, 'locked'))).toEqual([]);
    expect(fingerprint(join(d, 'in.xlsx'))).toEqual(before);
  });

  test('an input the user may not read says so', () => {
    const d = folder();
    chmodSync(base, 0o755);
    chmodSync(d, 0o755);
    chmodSync(join(d, 'in.xlsx'), 0o000);
    const r = run(d, ['validate', 'in.xlsx'], asUser);
    expect(r.code).toBe(2);
    expectOneLine(r.err, '无法读取文件 in.xlsx：没有读取这个文件的权限');
  });
});

test('checkOutputFile refuses before any work: nothing is created', async () => {
  const d = folder();
  await expect(checkOutputFile(join(d, 'in.xlsx'), { inputs: [join(d, 'in.xlsx')], force: true })).rejects.toThrow('不能是输入文件本身');
  await expect(checkOutputFile(join(d, 'new.xlsx'), { inputs: [join(d, 'in.xlsx')] })).resolves.toBeUndefined();
  expect(readdirSync(d)).toEqual(['in.xlsx']);
});
