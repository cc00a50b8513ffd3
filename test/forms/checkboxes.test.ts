/** Tick boxes as people fill them in, read into the value a details table holds; and printed back. */
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { readChoices, renderChoices } from '../../src/core/forms/checkboxes';

const details = builtinProfile('sqc-2025')!.tables.details!.fields;
const field = (key: string) => details.find((f) => f.key === key)!;

describe('reading ticked boxes', () => {
  const cases: [string, string, string | undefined][] = [
    ['skillLevel', '☑高级技师 □技师 □高级工 □中级工 □初级工 □无', '高级技师'],
    ['skillLevel', '□高级技师 ■技师 □高级工', '技师'],
    ['skillLevel', '高级技师 技师√ 高级工 中级工', '技师'],
    ['skillLevel', '□高级技师 □技师 ✓高级工', '高级工'],
    ['skillLevel', '高级技师  技师  高级工✔  中级工', '高级工'],
    ['skillLevel', '□高级技师 □技师 □高级工', ''],
    ['skillLevel', '高级技师', undefined],
    ['proTitle', '□高级职称 ☒中级职称 □初级职称 □无', '中级职称'],
    ['hukou', '□农业户口 ☑非农业户口', '非农业户口'],
    ['hukou', '农业户口（是） 非农业户口', '农业户口'],
    ['hukou', '非农业户口 是', '非农业户口'],
    ['migrant', '☑是 □否', '是'],
    ['migrant', '是□ 否■', '否'],
    ['migrant', '是', undefined],
    ['modelWorker', '☑全国劳模 □上海市劳模 ☑部劳模 □全国五一 □否', '全国劳模、部劳模'],
    ['modelWorker', '全国劳模  上海劳模√  部劳模', '上海市劳模'],
    ['identity', '□干部 □专业技术人员 □普通工人 □职员 ☑其它', '其他'],
    ['skillLevel', '□高级技师 □技师 ☑大专', '大专'],
  ];
  test.each(cases)('%s: %s → %s', (key, text, value) => {
    expect(readChoices(field(key), text)).toBe(value);
  });
});

test('printing: every option, the value ticked; an answer that is not an option is not lost', () => {
  expect(renderChoices(field('hukou'), '非农业户口')).toBe('□农业户口  ☑非农业户口');
  expect(renderChoices(field('modelWorker'), '全国劳模、部劳模')).toBe('☑全国劳模  □上海市劳模  ☑部劳模  □全国五一  □否');
  expect(renderChoices(field('migrant'), '')).toBe('□是  □否');
  for (const [key, value] of [
    ['skillLevel', '技师'],
    ['modelWorker', '上海市劳模、全国五一'],
    ['migrant', '否'],
    ['identity', '专业技术人员'],
  ]) {
    expect(readChoices(field(key), renderChoices(field(key), value))).toBe(value);
  }
});
