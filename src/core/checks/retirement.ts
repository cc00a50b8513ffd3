/**
 * Statutory retirement age under the gradual reform in force from 2025-01-01
 * (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定, 2024-09-13, and its 附件1 对照表):
 * - men: 60, raised by 1 month for every 4 months of birth from 1965-01, up to 63 (born 1976-09 or later);
 * - women in cadre / professional posts (原55周岁): raised 1 month per 4 months from 1970-01, up to 58 (1981-09 on);
 * - women workers (原50周岁): raised 1 month per 2 months from 1975-01, up to 55 (1984-11 on).
 */
import { Issue, NO_ISSUES } from '../model/findings';
import { SimpleDate, addMonths, ageAt, compareDates } from '../model/dates';
import { report } from '../rules/catalogue';

export type FemaleCategory = 'cadre' | 'worker';

/** The gradual reform is in force from this date. */
const REFORM_START: SimpleDate = { y: 2025, m: 1, d: 1 };

export interface StatutoryRetirement {
  ageYears: number;
  ageMonths: number;
  /** birth + ageYears + ageMonths (day clamped to the month's length). */
  date: SimpleDate;
}

interface Schedule {
  baseYears: number;
  /** First birth month (year*12 + month-1) whose retirement is delayed. */
  startIdx: number;
  /** Months of birth per month of delay. */
  step: number;
  /** Maximum delay in months. */
  cap: number;
}

const MALE: Schedule = { baseYears: 60, startIdx: 1965 * 12, step: 4, cap: 36 };
const FEMALE_CADRE: Schedule = { baseYears: 55, startIdx: 1970 * 12, step: 4, cap: 36 };
const FEMALE_WORKER: Schedule = { baseYears: 50, startIdx: 1975 * 12, step: 2, cap: 60 };

function scheduleFor(sex: '男' | '女', category: FemaleCategory): Schedule {
  if (sex === '男') return MALE;
  return category === 'cadre' ? FEMALE_CADRE : FEMALE_WORKER;
}

/** Statutory retirement age and date; category only matters for women. */
export function statutoryRetirement(birth: SimpleDate, sex: '男' | '女', category: FemaleCategory): StatutoryRetirement {
  const s = scheduleFor(sex, category);
  const k = birth.y * 12 + (birth.m - 1) - s.startIdx;
  const delay = k < 0 ? 0 : Math.min(s.cap, Math.floor(k / s.step) + 1);
  const total = s.baseYears * 12 + delay;
  return { ageYears: Math.floor(total / 12), ageMonths: total % 12, date: addMonths(birth, total) };
}

/**
 * The 身份 field → which retirement schedule applies to a woman:
 * 干部 / 专业技术人员 / 职员 (管理人员) → 'cadre', 普通工人 (工人) → 'worker', anything else (其他, empty) → undefined.
 */
export function femaleCategoryFromIdentity(identity: string | undefined): FemaleCategory | undefined {
  if (!identity) return undefined;
  const t = identity.trim();
  if (t === '') return undefined;
  if (t.includes('工人')) return 'worker';
  if (t.includes('干部') || t.includes('幹部') || t.includes('专业技术') || t.includes('專業技術') || t.includes('职员') || t.includes('職員') || t.includes('管理人员')) {
    return 'cadre';
  }
  return undefined;
}

/**
 * Plausible working age at asOf:
 * - age.too-young (error) below minAge (16, the legal minimum working age);
 * - age.retired (warning) on or after the statutory retirement date. Retirees are excluded in principle.
 *   For a woman whose 身份 does not say cadre or worker the (earlier) worker schedule is used and the message
 *   says so.
 */
export function checkWorkingAge(
  birth: SimpleDate,
  sex: '男' | '女',
  identityText: string | undefined,
  asOf: SimpleDate,
  minAge = 16,
  /** Whether the table has a 身份 column at all (advice to fill it in only makes sense then). */
  identityColumn = true,
): Issue[] {
  const age = ageAt(birth, asOf);
  if (age < minAge) return [report('age.too-young', { birth, asOf, age, minAge })];
  const known = sex === '男' ? 'worker' : femaleCategoryFromIdentity(identityText);
  const category: FemaleCategory = known ?? 'worker';
  const r = statutoryRetirement(birth, sex, category);
  if (compareDates(asOf, r.date) < 0) return NO_ISSUES as Issue[];
  // A woman whose 身份 is not known: the message also gives the (later) cadres' date.
  const ifCadre = sex === '女' && known === undefined ? statutoryRetirement(birth, sex, 'cadre') : undefined;
  // The reform's delays start with those who reach the old ages on 2025-01-01 or later, so before that date the
  // schedule gives the old ages: only the law the message quotes differs.
  const regime = compareDates(asOf, REFORM_START) < 0 ? 'before-2025' : 'gradual-2025';
  return [report('age.retired', ifCadre ? { retirement: r, ifCadre, regime, ...(identityColumn ? {} : { noIdentityColumn: true }) } : { retirement: r, regime })];
}
