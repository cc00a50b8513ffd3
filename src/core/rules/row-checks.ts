/** Rules that compare cells of one nominee's row: ID ⇄ 性别, age, 工作年限, patents, the five forces. */
import { Issue, issue } from '../model/findings';
import { SimpleDate } from '../model/dates';
import { FieldSpec, Force, FORCES, Profile } from '../profiles/schema';
import { checkWorkingAge } from '../checks/retirement';
import { RowFacts } from './cell-checks';

export interface RowHit {
  issue: Issue;
  fieldKey: string;
}

/** What the row rules need to know about a table's columns, worked out once per table. */
export interface RowPlan {
  /** Forces with at least one indicator column, and those columns. */
  forces: { force: Force; indicators: FieldSpec[] }[];
  /** Patent-count columns the table has. */
  patentCountKeys: string[];
}

const PATENT_COUNT_KEYS = ['inventionPatents', 'utilityPatents', 'designPatents'];

export function planRows(fields: readonly FieldSpec[]): RowPlan {
  const forces = FORCES.map((force) => ({ force, indicators: fields.filter((f) => f.force === force && f.type === 'indicator') })).filter(
    (g) => g.indicators.length > 0,
  );
  const keys = new Set(fields.map((f) => f.key));
  return { forces, patentCountKeys: PATENT_COUNT_KEYS.filter((k) => keys.has(k)) };
}

const NO_HITS: RowHit[] = [];

export function checkRow(profile: Profile, plan: RowPlan, filled: (key: string) => boolean, facts: RowFacts, identityText: string | undefined, asOf: SimpleDate): RowHit[] {
  let hits = NO_HITS;
  const push = (h: RowHit) => (hits === NO_HITS ? (hits = [h]) : hits.push(h));
  const id = facts.id;
  const typedSex = facts.options.get('sex') as '男' | '女' | undefined;
  if (id?.sex && typedSex && id.sex !== typedSex) {
    push({
      fieldKey: 'sex',
      issue: issue('error', 'id.sex-mismatch', `性别填“${typedSex}”，但身份证号第17位表示“${id.sex}”：请核对性别或身份证号`, `sex is "${typedSex}" but the ID's 17th digit says "${id.sex}"`),
    });
  }
  const sex = id?.sex ?? typedSex;
  if (id?.birth && sex) {
    for (const i of checkWorkingAge(id.birth, sex, identityText, asOf, profile.minWorkingAge)) push({ fieldKey: 'residentId', issue: i });
  }
  const years = facts.numbers.get('workYears');
  if (years !== undefined && id?.age !== undefined) {
    const max = id.age - profile.minWorkingAge;
    if (years > max) {
      push({
        fieldKey: 'workYears',
        issue: issue(
          'error',
          'years.exceeds-age',
          `工作年限 ${years} 年，但按身份证 ${id.age} 岁、最早 ${profile.minWorkingAge} 岁参加工作计，最多 ${Math.max(0, max)} 年：请核对工作年限或身份证号`,
          `${years} years of work, but at age ${id.age} (working from ${profile.minWorkingAge}) at most ${Math.max(0, max)} are possible`,
        ),
      });
    }
  }
  const flag = facts.options.get('hasPatent');
  const countKeys = plan.patentCountKeys;
  const known = countKeys.filter((k) => facts.numbers.has(k));
  const total = known.reduce((n, k) => n + facts.numbers.get(k)!, 0);
  if (flag === '否' && total > 0) {
    push({
      fieldKey: 'hasPatent',
      issue: issue('error', 'patent.contradiction', `“是否获得专利”填“否”，但专利数合计 ${total} 项：请改为“是”或更正专利数`, `"has patents" is 否 but the patent counts add up to ${total}`),
    });
  } else if (flag === '是' && countKeys.length > 0 && known.length === countKeys.length && total === 0) {
    push({
      fieldKey: 'hasPatent',
      issue: issue('error', 'patent.contradiction', '“是否获得专利”填“是”，但发明、实用新型、外观设计专利数都是 0：请填写专利数或改为“否”', '"has patents" is 是 but every patent count is 0'),
    });
  }
  for (const { force, indicators } of plan.forces) {
    if (indicators.some((f) => filled(f.key))) continue;
    push({
      fieldKey: indicators[0].key,
      issue: issue(
        'warning',
        'forces.none-claimed',
        `“${force}”的指标（${indicators.map((f) => f.label).join('、')}）都没有填写：至少说明一项，并附基层单位盖章的证明材料`,
        `no indicator of ${force} is filled in: describe at least one, with stamped evidence`,
      ),
    });
  }
  return hits;
}
