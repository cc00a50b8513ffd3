import * as path from 'node:path';
import { readWorkbookFile } from '../support/read-file';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { recognizeWorkbook } from '../../src/core/recognition/recognize-tables';
import { deadlineStatus, materialStatuses } from '../../src/taskpane/checklist';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'sqc-2025-有问题.xlsx');

describe('before-you-submit checklist', () => {
  it('counts the days to the deadline', () => {
    expect(deadlineStatus('2025-03-28', { y: 2025, m: 3, d: 1 })).toEqual({ kind: 'left', deadline: '2025-03-28', days: 27 });
    expect(deadlineStatus('2025-03-28', { y: 2025, m: 3, d: 28 })).toEqual({ kind: 'today', deadline: '2025-03-28' });
    expect(deadlineStatus('2025-03-28', { y: 2025, m: 4, d: 2 })).toEqual({ kind: 'past', deadline: '2025-03-28', daysAgo: 5 });
    expect(deadlineStatus(null, { y: 2025, m: 4, d: 2 })).toEqual({ kind: 'none' });
    expect(deadlineStatus('2025-02-30', { y: 2025, m: 4, d: 2 })).toEqual({ kind: 'none' });
  });

  it('lists the notice’s materials and reads per-nominee readiness from the details table', async () => {
    const profile = builtinProfile('sqc-2025')!;
    const grid = await readWorkbookFile(SAMPLE);
    const tables = recognizeWorkbook(grid, profile);
    const list = materialStatuses(profile, tables);
    expect(list.map((m) => m.id)).toEqual(profile.materials.map((m) => m.id));
    const form = list.find((m) => m.id === 'form')!;
    expect(form.copies).toBe(3);
    expect(form.perNominee).toBe(true);
    const details = tables.find((t) => t.kind === 'details')!;
    if (details.colOf.has('matForm')) {
      expect(form.tracked).toBeDefined();
      expect(form.tracked!.nominees).toHaveLength(details.dataRows.length);
      expect(form.tracked!.ready).toBe(form.tracked!.nominees.filter((n) => n.ready).length);
      for (const n of form.tracked!.nominees) expect(n.ready).toBe(/^(是|√|✓|已提交|已交|有|齐|y|yes)$/i.test(n.value));
    } else {
      expect(form.tracked).toBeUndefined();
    }
    // Once-per-unit materials are never tracked per nominee.
    expect(list.find((m) => m.id === 'summary')!.tracked).toBeUndefined();
  });

  it('falls back to manual ticks when the sheet has no tracking column', () => {
    const profile = builtinProfile('sqc-2025')!;
    const grid = { sheets: [{ name: 'S', merges: [], rows: [['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'], [1, '甲公司', '张三', '车工', '技师']] }] };
    const list = materialStatuses(profile, recognizeWorkbook(grid, profile));
    expect(list.every((m) => m.tracked === undefined)).toBe(true);
  });
});
