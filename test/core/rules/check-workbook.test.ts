import { allBuiltinProfiles, builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { CheckWorkbookError, checkWorkbookGrid, describeTables } from '../../../src/core/rules/check-workbook';
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
    throw new Error('expected a CheckWorkbookError');
  };
  expect(failure(() => checkWorkbookGrid(prose, { profiles, today: TODAY }))).toEqual({ code: 'no-program' });
  const qp = builtinProfile('qingpu-2018')!;
  expect(failure(() => checkWorkbookGrid(prose, { profiles, profile: qp, today: TODAY }))).toEqual({ code: 'no-table', profile: qp });
  expect(describeTables(qp)).toMatch(/^推荐汇总表（序号 \| 所在单位名称 \| 姓名 \| 所在岗位名称 \| 职务、职称\/技能等级 …）；或 /);
});
