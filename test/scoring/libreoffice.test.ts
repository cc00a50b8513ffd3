/**
 * The result workbook recalculated by a real spreadsheet program: LibreOffice headless converts every sheet to
 * CSV with all formulas recomputed (not the cached results we wrote), and the figures must equal ours, with no
 * error values anywhere. Skipped when LibreOffice is not installed
 * (apt-get install -y --no-install-recommends libreoffice-calc; see ../shared/TOOLCHAIN.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { generateScoreSheets } from '../../src/adapters/exceljs/scoring/generate';
import { consolidateScoreFiles } from '../../src/adapters/exceljs/scoring/consolidate-files';
import { writeResultWorkbook } from '../../src/adapters/exceljs/scoring/result-writer';
import { Rng } from '../../src/samples/fake-nominees';
import { candidatesWorkbook, expertsWorkbook, fillSheet } from './helpers';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const maybe = soffice ? test : test.skip;

/** Minimal CSV reader (LibreOffice quotes fields with commas, quotes or line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

maybe(
  'LibreOffice recomputes every formula of the result workbook to our figures, without error values',
  async () => {
    const profile = builtinProfile('sqc-2025')!;
    const cands = Array.from({ length: 12 }, (_, i) => ({ name: `候选${i + 1}`, unit: `上海第${i + 1}精密机械有限公司` }));
    const experts = Array.from({ length: 7 }, (_, i) => [`专家${i + 1}`, i === 0 ? '上海第3精密机械有限公司' : `大学${i + 1}`, null]);
    const g = await generateScoreSheets({
      profile,
      candidates: { name: 'c.xlsx', bytes: await candidatesWorkbook(cands) },
      experts: { name: 'e.xlsx', bytes: await expertsWorkbook(experts) },
    });
    const rng = new Rng(7);
    const files = await Promise.all(
      g.sheets.map(async (s) => {
        const fills = Object.fromEntries(
          (g.assignment.byExpert.get(s.expert.code) ?? []).map((code) => [code, { criteria: [0, 1, 2, 3, 4].map(() => rng.int(20, 40) / 2), recommend: rng.chance(0.7) ? '推荐' : '不推荐' }]),
        );
        return { name: s.name, bytes: await fillSheet(s.bytes, fills) };
      }),
    );
    const c = await consolidateScoreFiles({ profile, files: [...files, g.key], top: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'jx-lo-'));
    const profileDir = join(dir, 'lo');
    mkdirSync(join(profileDir, 'user'), { recursive: true });
    // Recalculate on load instead of keeping the cached results we wrote.
    writeFileSync(
      join(profileDir, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    writeFileSync(join(dir, 'result.xlsx'), await writeResultWorkbook(c));
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), join(dir, 'result.xlsx')],
      { encoding: 'utf8', env: { ...process.env, HOME: dir }, timeout: 90000 },
    );
    expect(r.status).toBe(0);
    const csv = Object.fromEntries(readdirSync(join(dir, 'csv')).map((f) => [f.replace(/^result-|\.csv$/g, ''), parseCsv(readFileSync(join(dir, 'csv', f), 'utf8'))]));
    expect(Object.keys(csv).sort()).toEqual(['jx_meta', '专家分析', '分数分布', '总分矩阵', '文件清单', '结果汇总', '评分明细', '进度', '问题清单'].sort());
    for (const [name, rows] of Object.entries(csv)) {
      for (const row of rows) for (const cell of row) expect([name, cell]).not.toEqual([name, expect.stringMatching(/^(#[A-Z/0!?]+|Err:\d+)/)]);
    }
    const summary = csv['结果汇总'];
    const h = summary[3];
    const by = new Map(c.result.candidates.map((x) => [x.code, x]));
    let checked = 0;
    for (const row of summary.slice(4)) {
      const x = by.get(row[h.indexOf('编号')]);
      if (!x) continue;
      checked++;
      expect(Number(row[h.indexOf('排名')])).toBe(x.rank);
      expect(Number(row[h.indexOf('评分份数')])).toBe(x.count);
      expect(Number(row[h.indexOf('去极值平均分')])).toBeCloseTo(x.trimmedMean!, 9);
      expect(Number(row[h.indexOf('平均分')])).toBeCloseTo(x.mean!, 9);
      expect(Number(row[h.indexOf('标准差')])).toBeCloseTo(x.sd!, 9);
      expect(Number(row[h.indexOf('引领力均分')])).toBeCloseTo(x.criteria[0]!, 9);
      expect(Number(row[h.indexOf('推荐票')])).toBe(x.recommend.yes);
    }
    expect(checked).toBe(12);
    const experts2 = csv['专家分析'];
    const e1 = c.result.experts[0];
    expect(Number(experts2[3][5])).toBeCloseTo(e1.mean!, 9);
  },
  120000,
);
