import { allBuiltinProfiles, builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { checkWorkbook as checkWorkbookGrid, describeChoice } from '../../../src/core/check/check-workbook';
import { CheckError as CheckWorkbookError, checkFailureMessage, describeTables } from '../../../src/core/check/failures';
import { book, sheet } from '../../support/grid';

const HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];
const TODAY = { y: 2026, m: 11, d: 22 };
const profiles = allBuiltinProfiles();

test('detected from the title, dated at the deadline once it has passed', () => {
  const grid = book(sheet('s', [['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表'], HEADER, [1, '甲公司', '林晓', '质量部', '技师']]));
  const c = checkWorkbookGrid(grid, { profiles, today: TODAY });
  expect([c.profile.id, c.how, c.evidence, c.result.asOf]).toEqual(['sqc-2025', 'title', '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表', '2025-03-28']);
});

test('a chosen programme and date are used as given', () => {
  const grid = book(sheet('s', [HEADER, [1, '甲公司', '林晓', '质量部', '技师']]));
  const c = checkWorkbookGrid(grid, { profiles, profile: builtinProfile('qingpu-2018')!, asOf: { y: 2018, m: 9, d: 1 }, today: TODAY });
  expect([c.profile.id, c.how, c.result.asOf]).toEqual(['qingpu-2018', 'chosen', '2018-09-01']);
});

test('nothing recognisable, or not the chosen programme’s tables: a failure with its reason', () => {
  const prose = book(sheet('s', [['会议纪要']]));
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as CheckWorkbookError).failure;
    }
    throw new Error('expected a CheckError');
  };
  expect(failure(() => checkWorkbookGrid(prose, { profiles, today: TODAY }))).toEqual({ code: 'no-program' });
  const qp = builtinProfile('qingpu-2018')!;
  expect(failure(() => checkWorkbookGrid(prose, { profiles, profile: qp, today: TODAY }))).toEqual({ code: 'no-table', profile: qp });
  expect(describeTables(qp)).toMatch(/^推荐汇总表（序号 \| 所在单位名称 \| 姓名 \| 所在岗位名称 \| 职务、职称\/技能等级 …）；或 /);
});

test('an unknown programme id or an impossible date is a failure with the one wording every front end shows', () => {
  const grid = book(sheet('s', [HEADER, [1, '甲公司', '林晓', '质量部', '技师']]));
  const fail = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as CheckWorkbookError;
    }
    throw new Error('expected a CheckError');
  };
  const unknown = fail(() => checkWorkbookGrid(grid, { programId: 'sqc-2099', today: TODAY }));
  expect(unknown.failure).toMatchObject({ code: 'unknown-program', id: 'sqc-2099' });
  expect(unknown.localized.zh).toBe(`没有项目配置 “sqc-2099”；可用：${profiles.map((p) => p.id).join('、')}`);
  const date = fail(() => checkWorkbookGrid(grid, { asOf: '2025-02-30', today: TODAY }));
  expect(date.failure).toEqual({ code: 'bad-date', text: '2025-02-30' });
  expect(date.localized.en).toBe('“2025-02-30” is not a real date: write it as YYYY-MM-DD, e.g. 2025-03-28');
});

test('the programme can be named by id, and the date given as text', () => {
  const grid = book(sheet('s', [HEADER, [1, '甲公司', '林晓', '质量部', '技师']]));
  const c = checkWorkbookGrid(grid, { programId: 'sqc-2024', asOf: '2024-03-01', today: TODAY });
  expect([c.profile.id, c.how, c.result.asOf]).toEqual(['sqc-2024', 'chosen', '2024-03-01']);
  expect(describeChoice(c)).toBeUndefined();
  expect(describeChoice({ how: 'headers' })?.zh).toBe('标题中没有项目名称，按表头最接近的项目校验');
});

test('an unreadable file is worded by its reason, and by what it turned out to be', () => {
  expect(checkFailureMessage({ code: 'unreadable', reason: 'encrypted' }).zh).toMatch(/^文件设置了打开密码/);
  expect(checkFailureMessage({ code: 'unreadable', reason: 'not-a-workbook', kind: 'docx' }).zh).toMatch(/^这是 Word 文档/);
  // A kind without its own words falls back to the reason's.
  expect(checkFailureMessage({ code: 'unreadable', reason: 'not-a-workbook', kind: 'zip' })).toEqual(checkFailureMessage({ code: 'unreadable', reason: 'not-a-workbook' }));
});
