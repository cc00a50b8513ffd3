/**
 * A filled tracking workbook for the tests: synthetic trainees (fake IDs with valid check characters), plans,
 * activities, assessments and an exit, all derived from a seeded PRNG, plus the figures the dashboard must show,
 * computed here from the rows (not from the workbook's formulas).
 */
import { ageAt, compareDates, daysBetween, SimpleDate } from '../../src/core/model/dates';
import { FORCES } from '../../src/core/profiles/schema';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { Row, TrackingInput } from '../../src/core/cultivation/model';
import { buildNominees, FakeNominee, Rng } from '../../src/samples/fake-nominees';

export const PROFILE = builtinProfile('sqc-cultivation-2026')!;
export const YEAR = 2026;
export const AS_OF: SimpleDate = { y: 2026, m: 9, d: 30 };
export const STATUSES = ['培育中', '期满待考评', '推荐认定', '已认定', '继续培育', '退出'];
export const TYPES = PROFILE.tables.activities!.fields.find((f) => f.key === 'activityType')!.options!;

export const U = (d: SimpleDate) => new Date(Date.UTC(d.y, d.m - 1, d.d));
const sd = (y: number, m: number, d: number): SimpleDate => ({ y, m, d });
const addDays = (d: SimpleDate, n: number): SimpleDate => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

export interface TraineeFact {
  nominee: FakeNominee;
  start: SimpleDate;
  status: string;
  title: string | null;
}
export interface ActivityFact {
  trainee: string;
  date: SimpleDate;
  type: string;
  hours: number;
  forces: string[];
  enterprise: string | null;
}
export interface PlanFact {
  trainee: string;
  due: SimpleDate;
  done: '是' | '否' | null;
}

export interface Scenario {
  input: TrackingInput;
  trainees: TraineeFact[];
  activities: ActivityFact[];
  plans: PlanFact[];
  finalGrades: string[];
}

/** 14 trainees: every status, two 青年 edge cases around the 36th birthday, starts in January, April and August. */
export function buildScenario(): Scenario {
  const rng = new Rng('cultivation-scenario');
  const specs = [
    { birth: sd(1990, 1, 1), sex: '男' as const }, // 36 on 2026-01-01: not 青年
    { birth: sd(1990, 1, 2), sex: '女' as const }, // 35 on 2026-01-01: 青年
  ];
  const nominees = buildNominees({ count: 14, seed: 'cultivation-trainees', asOf: sd(2026, 1, 1), specs });
  const starts = [sd(2026, 1, 1), sd(2026, 1, 1), sd(2026, 4, 1), sd(2026, 1, 1), sd(2026, 8, 15), sd(2026, 1, 1), sd(2026, 4, 1)];
  const trainees: TraineeFact[] = nominees.map((n, i) => ({
    nominee: n,
    start: starts[i % starts.length],
    status: STATUSES[i % STATUSES.length],
    title: i === 3 ? '上海质量工匠' : i === 9 ? '上海工匠' : null,
  }));
  const activities: ActivityFact[] = [];
  trainees.forEach((t, i) => {
    // Trainee 0 has no activity at all; trainees 6 and 12 only long ago (inactive for 90 days).
    const count = i === 0 ? 0 : 1 + rng.int(0, 4);
    for (let k = 0; k < count; k++) {
      const old = i === 6 || i === 12;
      const date = old ? addDays(t.start, rng.int(0, 20)) : addDays(AS_OF, -rng.int(0, 200));
      if (compareDates(date, t.start) < 0) continue;
      const type = TYPES[(i + k) % TYPES.length];
      const forces = rng.shuffle([...FORCES]).slice(0, 1 + rng.int(0, 2));
      const service = type === '质量工匠助企行';
      activities.push({
        trainee: t.nominee.name,
        date,
        type,
        hours: rng.pick([1, 1.5, 2, 4, 8]),
        forces,
        enterprise: service && k % 3 !== 2 ? `上海某${k + 1}号企业` : null,
      });
    }
  });
  // Service activities on both sides of the roll-up window (1 Jan – 25 Aug).
  activities.push(
    { trainee: trainees[1].nominee.name, date: sd(2026, 8, 25), type: '质量工匠助企行', hours: 3, forces: ['传承力'], enterprise: '上海边界日企业' },
    { trainee: trainees[1].nominee.name, date: sd(2026, 8, 26), type: '质量工匠助企行', hours: 5, forces: ['传承力'], enterprise: '上海窗口外企业' },
  );
  const plans: PlanFact[] = [];
  trainees.forEach((t, i) => {
    plans.push({ trainee: t.nominee.name, due: sd(2026, 6, 30), done: i % 3 === 0 ? '是' : i % 3 === 1 ? '否' : null });
    plans.push({ trainee: t.nominee.name, due: sd(2026, 12, 31), done: '否' });
  });
  const finalGrades = ['优秀', '良好', '合格', '不合格', '良好'];
  const finalAssessments: Row[] = finalGrades.map((g, i) => ({ trainee: trainees[i + 1].nominee.name, finalDate: U(sd(2026, 9, 1 + i)), overallGrade: g, recommend: g === '优秀' ? '是' : '否' }));
  const input: TrackingInput = {
    profile: PROFILE,
    year: YEAR,
    asOf: AS_OF,
    trainees: trainees.map((t) => ({
      name: t.nominee.name,
      sex: t.nominee.sex,
      residentId: t.nominee.residentId,
      mobile: t.nominee.values.mobile,
      unit: t.nominee.values.unit,
      industry: t.nominee.values.industry,
      organiserType: '区',
      organiser: '浦东新区',
      mentor: '张导师',
      lecturer: '李讲师',
      periodStart: U(t.start),
      cultivationStatus: t.status,
      recognisedTitle: t.title,
    })),
    plans: plans.map((p) => ({ trainee: p.trainee, force: '实践力', goal: '掌握统计过程控制', measures: '工匠学院培训', dueDate: U(p.due), done: p.done })),
    activities: activities.map((a) => ({
      trainee: a.trainee,
      activityDate: U(a.date),
      activityType: a.type,
      content: `${a.type}活动`,
      hours: a.hours,
      forces: a.forces.join('、'),
      trainingLevel: '组织单位',
      servedEnterprise: a.enterprise,
      evidence: '签到表',
    })),
    stageAssessments: [{ trainee: trainees[2].nominee.name, stageDate: U(sd(2026, 6, 30)), stage: '半年', gradeLead: '良好', gradePractice: '优秀', gradeInnovation: '合格', gradeTackle: '良好', gradeLegacy: '良好', overallGrade: '良好' }],
    finalAssessments,
    exits: [{ trainee: trainees[5].nominee.name, exitDate: U(sd(2026, 7, 1)), exitReason: '长期工作离岗', exitDetail: '离岗超过半年', approval: '组织单位审核同意' }],
  };
  return { input, trainees, activities, plans, finalGrades };
}

/** Whole years at the start of the period ≤ 35 → 青年. */
export const isYouth = (t: TraineeFact) => ageAt(t.nominee.birth, t.start) <= 35;

/** The dashboard's figures by label, computed from the scenario's rows. */
export function expectedDashboard(s: Scenario): Record<string, number> {
  const asOf = AS_OF;
  const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;
  const out: Record<string, number> = {
    培育对象总数: s.trainees.length,
    青年培育对象: count(s.trainees, isYouth),
    巾帼培育对象: count(s.trainees, (t) => t.nominee.sex === '女'),
    计划条目: s.plans.length,
    已完成: count(s.plans, (p) => p.done === '是'),
    逾期未完成: count(s.plans, (p) => compareDates(p.due, asOf) < 0 && p.done !== '是'),
    活动记录: s.activities.length,
    累计学时: s.activities.reduce((n, a) => n + a.hours, 0),
    近90天无活动的培育对象: count(
      s.trainees,
      (t) =>
        t.status === '培育中' &&
        daysBetween(t.start, asOf) >= 90 &&
        !s.activities.some((a) => a.trainee === t.nominee.name && daysBetween(a.date, asOf) < 90 && daysBetween(a.date, asOf) >= 0),
    ),
  };
  for (const st of STATUSES) out[st] = count(s.trainees, (t) => t.status === st);
  for (const f of FORCES) out[f] = s.activities.filter((a) => a.forces.includes(f)).reduce((n, a) => n + a.hours, 0);
  for (const ty of TYPES) out[ty] = count(s.activities, (a) => a.type === ty);
  return out;
}

export function expectedTargets(s: Scenario): Record<string, number> {
  return {
    上海质量工匠: s.trainees.filter((t) => t.title === '上海质量工匠' || t.title === '上海工匠').length,
    上海工匠: s.trainees.filter((t) => t.title === '上海工匠').length,
    高水平质量技能型人才: s.finalGrades.filter((g) => g !== '不合格').length,
  };
}

/** 助企行服务统计 per trainee: services, hours and enterprises between 1 January and 25 August. */
export function expectedService(s: Scenario): Map<string, { count: number; hours: number; enterprises: number }> {
  const from = sd(YEAR, 1, 1);
  const due = sd(YEAR, 8, 25);
  const out = new Map<string, { count: number; hours: number; enterprises: number }>();
  for (const t of s.trainees) out.set(t.nominee.name, { count: 0, hours: 0, enterprises: 0 });
  for (const a of s.activities) {
    if (a.type !== '质量工匠助企行' || compareDates(a.date, from) < 0 || compareDates(a.date, due) > 0) continue;
    const e = out.get(a.trainee)!;
    e.count++;
    e.hours += a.hours;
    if (a.enterprise) e.enterprises++;
  }
  return out;
}
