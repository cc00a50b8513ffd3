/**
 * What a motivated expert or a rushed organiser can do to a round, each tried on real files, with the key file and
 * without it. With the key, every tampered file is rejected by its MAC or its protection password and the genuine
 * files still count. Without the key nothing is consolidated unless asked for (--no-key); then every output says
 * the origin was not verified, and what can be caught without cryptography still is (a candidate of the expert's
 * own unit, the visible expert line, protection removed, one expert's sheet under another's name).
 */
import ExcelJS from 'exceljs';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { consolidateScoreFiles, consolidationExitCode } from '../../src/adapters/exceljs/scoring/consolidate-files';
import type { ConsolidatedRound } from '../../src/core/scoring/consolidate-round';
import { consolidationJson, consolidationText } from '../../src/core/scoring/consolidation-report';
import { ScoringInputError } from '../../src/core/scoring/problems';
import { even, fillSheet, RowFill } from './helpers';
import { panel, Panel } from './panel';

const profile = builtinProfile('sqc-2025')!;

// 5 candidates, 5 experts; 周涛 (E03) works at 甲公司 like 林晓 (C001), so C001 is not on his sheet.
const CANDIDATES = [
  { name: '林晓', unit: '甲公司' },
  { name: '王强', unit: '乙公司' },
  { name: '陈洁', unit: '丙公司' },
  { name: '赵敏', unit: '丁公司' },
  { name: '孙丽', unit: '戊公司' },
];
const EXPERTS = [
  ['张华', '复旦大学'],
  ['李明', '同济大学'],
  ['周涛', '甲公司'],
  ['吴刚', '上海大学'],
  ['郑丽', '华东理工大学'],
];

let p: Panel;
/** The <sheetProtection> of 张华's returned sheet, as exceljs reads it (to copy onto another file). */
let zhangProtection: unknown;
beforeAll(async () => {
  p = await panel({ profile, candidates: CANDIDATES, experts: EXPERTS });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(p.returned[0].bytes) as unknown as ArrayBuffer);
  zhangProtection = (wb.getWorksheet('评分表') as unknown as { sheetProtection: unknown }).sheetProtection;
});

/** The returned sheet of expert i, tampered with (the expert opens it in Excel, edits, saves a day later). */
async function tampered(i: number, edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void, fills: Record<string, RowFill> = {}): Promise<{ name: string; bytes: Uint8Array }> {
  const bytes = await fillSheet(p.returned[i].bytes, fills, { mutate: (ws, wb) => edit(wb, ws), modified: new Date(Date.UTC(2025, 3, 5)) });
  return { name: `改过的-${p.returned[i].name}`, bytes };
}

/** Rows of the hidden metadata sheet, edited in place. */
function editMeta(wb: ExcelJS.Workbook, f: (tag: string, row: ExcelJS.Row) => void | 'delete'): void {
  const meta = wb.getWorksheet('jx_meta')!;
  const drop: number[] = [];
  meta.eachRow((row, n) => {
    if (f(String(row.getCell(1).value ?? ''), row) === 'delete') drop.push(n);
  });
  for (const n of drop.reverse()) meta.spliceRows(n, 1);
}

function unverifiedEverywhere(c: ConsolidatedRound): void {
  expect(c.verified).toBe(false);
  expect(consolidationJson(c).verification).toMatch(/^来源未核实/);
  expect(consolidationText(c)).toMatch(/^.*\n来源未核实/);
  expect(c.problems.map((x) => x.code)).toContain('result.unverified');
}

async function withKey(files: { name: string; bytes: Uint8Array }[]): Promise<ConsolidatedRound> {
  return consolidateScoreFiles({ profile, files: [...files, p.key], top: 2 });
}

async function withoutKey(files: { name: string; bytes: Uint8Array }[]): Promise<ConsolidatedRound> {
  await expect(consolidateScoreFiles({ profile, files, top: 2 })).rejects.toThrow(ScoringInputError);
  const c = await consolidateScoreFiles({ profile, files, top: 2, allowUnverified: true });
  unverifiedEverywhere(c);
  return c;
}

const problemsOf = (c: ConsolidatedRound, file: string) => c.problems.filter((x) => x.file === file).map((x) => x.code);

describe('with the key file', () => {
  test('the untouched round: every sheet bound and counted', async () => {
    const c = await withKey(p.returned);
    expect(c).toMatchObject({ verified: true, accepted: 5, rejected: 0 });
    expect(consolidationExitCode(c)).toBe(0);
  });

  test('a candidate deleted (row and hidden list): the MAC no longer matches', async () => {
    const f = await tampered(0, (wb, ws) => {
      ws.spliceRows(5, 1);
      editMeta(wb, (tag, row) => (tag === 'candidate' && row.getCell(2).value === 'C002' ? 'delete' : undefined));
    });
    const c = await withKey([f, ...p.returned.slice(1)]);
    expect(problemsOf(c, f.name)).toEqual(['sheet.mac']);
    expect(c.files[0].status).toBe('rejected');
    expect(c.result.candidates.find((x) => x.code === 'C002')!.count).toBe(4);
  });

  test('an own-unit colleague added to the list (a conflict of interest let in): the MAC no longer matches', async () => {
    // 周涛 adds 林晓 (his own unit) to his sheet, visible and hidden, and gives her full marks.
    const f = await tampered(
      2,
      (wb, ws) => {
        const last = 4 + 4;
        ws.getCell(`A${last}`).value = 'C001';
        ws.getCell(`B${last}`).value = '林晓';
        ws.getCell(`C${last}`).value = '甲公司';
        for (const col of ['E', 'F', 'G', 'H', 'I']) ws.getCell(`${col}${last}`).value = 20;
        const meta = wb.getWorksheet('jx_meta')!;
        meta.addRow(['candidate', 'C001', '林晓', '甲公司']);
      },
    );
    const c = await withKey([...p.returned.slice(0, 2), f, ...p.returned.slice(3)]);
    expect(problemsOf(c, f.name)).toEqual(['sheet.mac']);
    expect(c.result.candidates.find((x) => x.code === 'C001')!.scores.map((s) => s.expert)).not.toContain('E03');
  });

  test('the batch changed (an old sheet passed off as this round’s): rejected', async () => {
    const f = await tampered(1, (wb) => editMeta(wb, (tag, row) => void (tag === 'batch' && (row.getCell(2).value = 'ffffffffffffffff'))));
    const c = await withKey([p.returned[0], f, ...p.returned.slice(2)]);
    expect(problemsOf(c, f.name)).toEqual(['sheet.other-batch']);
    const g = await tampered(1, (wb) => editMeta(wb, (tag, row) => void (tag === 'round' && (row.getCell(2).value = '会审答辩'))));
    // Claiming another round does not set it aside: its MAC fails, and it is rejected in this round.
    const d = await withKey([p.returned[0], g, ...p.returned.slice(2)]);
    expect(problemsOf(d, g.name)).toEqual(['sheet.mac']);
    expect(d.files.find((x) => x.file === g.name)!.status).toBe('rejected');
  });

  test('posing as another expert (hidden expert and visible line edited, saved later): rejected; the real sheet still counts', async () => {
    // 张华 (E01) turns his own sheet into 李明's (E02): same candidates, his scores, 李明's name.
    const forged = await tampered(
      0,
      (wb, ws) => {
        editMeta(wb, (tag, row) => {
          if (tag === 'expert') row.values = ['expert', 'E02', '李明', '同济大学', ''];
        });
        ws.getCell('A2').value = String(ws.getCell('A2').value).replace('张华（复旦大学）', '李明（同济大学）');
      },
      { C001: { criteria: even(100), recommend: '推荐' } },
    );
    const c = await withKey([...p.returned, forged]);
    expect(problemsOf(c, forged.name)).toEqual(['sheet.mac']);
    expect(c.files.find((x) => x.file === forged.name)!.status).toBe('rejected');
    expect(c.files.find((x) => x.file === p.returned[1].name)!.status).toBe('accepted');
    expect(c.accepted).toBe(5);
  });

  test('the visible “评审专家” line edited: rejected', async () => {
    const f = await tampered(3, (_wb, ws) => {
      ws.getCell('A2').value = String(ws.getCell('A2').value).replace('吴刚', '吴钢');
    });
    const c = await withKey([...p.returned.slice(0, 3), f, p.returned[4]]);
    expect(problemsOf(c, f.name)).toEqual(['sheet.expert-line']);
  });

  test('the protection removed, or set again with another password: rejected', async () => {
    const removed = await tampered(4, (_wb, ws) => ws.unprotect());
    const c = await withKey([...p.returned.slice(0, 4), removed]);
    expect(problemsOf(c, removed.name)).toEqual(['sheet.unprotected']);
    const other = await tampered(4, (_wb, ws) => {
      ws.unprotect();
      void ws.protect('mypassword', {});
    });
    const d = await withKey([...p.returned.slice(0, 4), other]);
    expect(problemsOf(d, other.name)).toEqual(['sheet.password']);
    // Another expert's protection copied over (the sheet protection element of 张华's file): the password differs.
    const copied = await tampered(4, (_wb, ws) => {
      (ws as unknown as { sheetProtection: unknown }).sheetProtection = zhangProtection;
    });
    const e = await withKey([...p.returned.slice(0, 4), copied]);
    expect(problemsOf(e, copied.name)).toEqual(['sheet.password']);
  });

  test('a damaged or edited key file is an error that says so; without --no-key nothing is consolidated', async () => {
    const key = new ExcelJS.Workbook();
    await key.xlsx.load(Buffer.from(p.key.bytes) as unknown as ArrayBuffer);
    editMeta(key, (tag, row) => void (tag === 'assign' && row.getCell(2).value === 'E03' && (row.getCell(3).value = 'C002 C003 C004 C005 C001')));
    const edited = { name: p.key.name, bytes: new Uint8Array((await key.xlsx.writeBuffer()) as ArrayBuffer) };
    await expect(consolidateScoreFiles({ profile, files: [...p.returned, edited] })).rejects.toThrow(/评分安排文件 评分安排-书面初评（内部，勿外发）.xlsx 已损坏或被改动/);
    const cut = { name: p.key.name, bytes: p.key.bytes.slice(0, 3000) };
    await expect(consolidateScoreFiles({ profile, files: [...p.returned, cut] })).rejects.toThrow(/评分安排文件 评分安排-书面初评（内部，勿外发）.xlsx 已损坏/);
    const c = await consolidateScoreFiles({ profile, files: [...p.returned, edited], allowUnverified: true });
    expect(c.files.find((x) => x.file === p.key.name)).toMatchObject({ status: 'rejected' });
    expect(problemsOf(c, p.key.name)).toEqual(['key.damaged']);
    unverifiedEverywhere(c);
  });
});

describe('without the key file', () => {
  test('refused unless asked for; with --no-key the round says everywhere that its origin is not verified', async () => {
    const c = await withoutKey(p.returned);
    expect(c.accepted).toBe(5);
  });

  test('an own-unit colleague added: that score is left out even without the key', async () => {
    const f = await tampered(2, (wb, ws) => {
      ws.getCell('A8').value = 'C001';
      ws.getCell('B8').value = '林晓';
      ws.getCell('C8').value = '甲公司';
      for (const col of ['E', 'F', 'G', 'H', 'I']) ws.getCell(`${col}8`).value = 20;
      wb.getWorksheet('jx_meta')!.addRow(['candidate', 'C001', '林晓', '甲公司']);
    });
    const c = await withoutKey([...p.returned.slice(0, 2), f, ...p.returned.slice(3)]);
    expect(problemsOf(c, f.name)).toEqual(['score.same-unit']);
    expect(c.result.candidates.find((x) => x.code === 'C001')!.scores.map((s) => s.expert)).not.toContain('E03');
  });

  test('posing as another expert: the copied protection gives it away', async () => {
    const forged = await tampered(0, (wb, ws) => {
      editMeta(wb, (tag, row) => {
        if (tag === 'expert') row.values = ['expert', 'E02', '李明', '同济大学', ''];
      });
      ws.getCell('A2').value = String(ws.getCell('A2').value).replace('张华（复旦大学）', '李明（同济大学）');
    });
    const c = await withoutKey([...p.returned, forged]);
    expect(problemsOf(c, forged.name)).toEqual(['sheet.protection-shared']);
    expect(c.files.find((x) => x.file === forged.name)!.status).toBe('rejected');
    // 张华's own sheet (the protection's owner) and 李明's real one still count.
    expect(c.files.find((x) => x.file === p.returned[0].name)!.status).toBe('accepted');
    expect(c.files.find((x) => x.file === p.returned[1].name)!.status).toBe('accepted');
  });

  test('the visible line edited, the protection removed: rejected without the key too', async () => {
    const line = await tampered(3, (_wb, ws) => {
      ws.getCell('A2').value = '评审专家：某人';
    });
    const removed = await tampered(4, (_wb, ws) => ws.unprotect());
    const c = await withoutKey([...p.returned.slice(0, 3), line, removed]);
    expect(problemsOf(c, line.name)).toEqual(['sheet.expert-line']);
    expect(problemsOf(c, removed.name)).toEqual(['sheet.unprotected']);
  });

  test('a batch changed: the sheets come from several runs, said as a warning; a list that disagrees is rejected', async () => {
    const f = await tampered(1, (wb) => editMeta(wb, (tag, row) => void (tag === 'batch' && (row.getCell(2).value = 'ffffffffffffffff'))));
    const c = await withoutKey([p.returned[0], f, ...p.returned.slice(2)]);
    expect(c.problems.map((x) => x.code)).toContain('sheet.mixed-batches');
    const renamed = await tampered(1, (wb, ws) => {
      ws.getCell('B5').value = '王小强';
      editMeta(wb, (tag, row) => void (tag === 'candidate' && row.getCell(2).value === 'C002' && (row.getCell(3).value = '王小强')));
    });
    const d = await withoutKey([p.returned[0], renamed, ...p.returned.slice(2)]);
    expect(problemsOf(d, renamed.name)).toEqual(['sheet.list-conflict']);
  });
});

describe('returns as they really come back', () => {
  test('a shortlist never rests on fewer scores than the round needs, and says what it rests on', async () => {
    // Three experts leave C004 out in three different ways: C004 keeps 2 scores of 5 (the round needs 3).
    const files = await Promise.all(
      p.returned.map(async (f, i) => {
        if (i === 0) return { name: f.name, bytes: await fillSheet(f.bytes, { C004: { criteria: [null, null, null, null, null], recommend: null } }) };
        if (i === 1) return { name: f.name, bytes: await fillSheet(f.bytes, { C004: { criteria: ['18分', 20, 20, 20, 20] } }) };
        if (i === 3) return { name: f.name, bytes: await fillSheet(f.bytes, { C004: { criteria: [20, 20, 20, 20, 25] } }) };
        // The two others give C004 top marks: without the rule it would head the list.
        return { name: f.name, bytes: await fillSheet(f.bytes, { C004: { criteria: even(100), recommend: '推荐' } }) };
      }),
    );
    const c = await withKey(files);
    expect(c).toMatchObject({ accepted: 5, rejected: 0 });
    const c4 = c.result.candidates.find((x) => x.code === 'C004')!;
    expect(c4).toMatchObject({ count: 2, rank: 1, eligible: false, shortlisted: false });
    expect(c.result.candidates.filter((x) => x.shortlisted).every((x) => x.count >= 3)).toBe(true);
    expect(c.problems.filter((x) => x.candidate === 'C004').map((x) => [x.code, x.scope ?? x.severity])).toEqual([
      ['score.missing', 'score'],
      ['score.not-a-number', 'score'],
      ['score.out-of-range', 'score'],
      ['result.too-few-scores', 'warning'],
    ]);
    expect(consolidationText(c)).toContain('候选人建议名单：依据 5 份有效评分表（发出 5 份）；有效评分少于 3 份的候选人不列入建议名单。');
    expect(consolidationText(c)).toMatch(/计入的评分表：\n {2}评分表-张华-书面初评.xlsx {2}张华（E01） {2}4 份评分（1 项不计）/);
  });
});

