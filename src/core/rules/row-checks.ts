/** Rules that compare cells of one nominee's row: ID ⇄ 性别, age, 工作年限, patents, the five forces. */
import { Issue } from '../model/findings';
import { SimpleDate } from '../model/dates';
import { FieldSpec, Force, FORCES, Profile } from '../profiles/schema';
import { checkWorkingAge } from '../checks/retirement';
import { RowFacts } from './cell-checks';
import { report } from './catalogue';

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
  /** The table has a 身份 column (the retirement advice asks to fill it in only then). */
  identityColumn: boolean;
}

/** The patent-count fields (发明, 实用新型, 外观设计), which 是否获得专利 answers for. */
export const PATENT_COUNT_KEYS: readonly string[] = ['inventionPatents', 'utilityPatents', 'designPatents'];

export function planRows(fields: readonly FieldSpec[]): RowPlan {
  const forces = FORCES.map((force) => ({ force, indicators: fields.filter((f) => f.force === force && f.type === 'indicator') })).filter(
    (g) => g.indicators.length > 0,
  );
  const keys = new Set(fields.map((f) => f.key));
  return { forces, patentCountKeys: PATENT_COUNT_KEYS.filter((k) => keys.has(k)), identityColumn: keys.has('identity') };
}

const NO_HITS: RowHit[] = [];

/** Runs on every row: written without closures or intermediate arrays, which at 100,000 rows were garbage by the MB. */
export function checkRow(profile: Profile, plan: RowPlan, filled: (key: string) => boolean, facts: RowFacts, identityText: string | undefined, asOf: SimpleDate): RowHit[] {
  let hits = NO_HITS;
  const push = (h: RowHit) => (hits === NO_HITS ? (hits = [h]) : hits.push(h));
  const id = facts.id;
  const typedSex = facts.options.get('sex') as '男' | '女' | undefined;
  if (id?.sex && typedSex && id.sex !== typedSex) {
    push({ fieldKey: 'sex', issue: report('id.sex-mismatch', { typed: typedSex, fromId: id.sex }) });
  }
  const sex = id?.sex ?? typedSex;
  if (id?.birth && sex) {
    for (const i of checkWorkingAge(id.birth, sex, identityText, asOf, profile.minWorkingAge, plan.identityColumn)) push({ fieldKey: 'residentId', issue: i });
  }
  const years = facts.numbers.get('workYears');
  if (years !== undefined && id?.age !== undefined) {
    if (years > id.age - profile.minWorkingAge) {
      push({ fieldKey: 'workYears', issue: report('years.exceeds-age', { years, age: id.age, minWorkingAge: profile.minWorkingAge }) });
    }
  }
  const flag = facts.options.get('hasPatent');
  const countKeys = plan.patentCountKeys;
  let known = 0;
  let total = 0;
  for (let i = 0; i < countKeys.length; i++) {
    const n = facts.numbers.get(countKeys[i]);
    if (n === undefined) continue;
    known++;
    total += n;
  }
  if (flag === '否' && total > 0) {
    push({ fieldKey: 'hasPatent', issue: report('patent.contradiction', { variant: 'no-but-counted', total }) });
  } else if (flag === '是' && countKeys.length > 0 && known === countKeys.length && total === 0) {
    push({ fieldKey: 'hasPatent', issue: report('patent.contradiction', { variant: 'yes-but-none' }) });
  }
  for (const { force, indicators } of plan.forces) {
    if (anyFilled(indicators, filled)) continue;
    push({ fieldKey: indicators[0].key, issue: report('forces.none-claimed', { force, indicators: indicators.map((f) => f.label) }) });
  }
  return hits;
}

function anyFilled(fields: readonly FieldSpec[], filled: (key: string) => boolean): boolean {
  for (let i = 0; i < fields.length; i++) if (filled(fields[i].key)) return true;
  return false;
}
