/**
 * Statutory retirement age under the gradual reform in force from 2025-01-01
 * (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定, 2024-09-13, and its 附件1 对照表):
 * - men: 60, raised by 1 month for every 4 months of birth from 1965-01, up to 63 (born 1976-09 or later);
 * - women in cadre / professional posts (原55周岁): raised 1 month per 4 months from 1970-01, up to 58 (1981-09 on);
 * - women workers (原50周岁): raised 1 month per 2 months from 1975-01, up to 55 (1984-11 on).
 */
import { Issue, issue, NO_ISSUES } from '../model/findings';
import { SimpleDate, addMonths, ageAt, compareDates, formatChineseDate, formatIsoDate } from '../model/dates';

export type FemaleCategory = 'cadre' | 'worker';

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

function ageText(r: StatutoryRetirement): { zh: string; en: string } {
  return r.ageMonths === 0
    ? { zh: `${r.ageYears} 岁`, en: `${r.ageYears} years` }
    : { zh: `${r.ageYears} 岁 ${r.ageMonths} 个月`, en: `${r.ageYears} years ${r.ageMonths} months` };
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
): Issue[] {
  const age = ageAt(birth, asOf);
  if (age < minAge) {
    return [
      issue('error', 'age.too-young',
        `按出生日期${formatChineseDate(birth)}计算，截至${formatChineseDate(asOf)}只有 ${age} 岁，不满 ${minAge} 周岁；请核对出生日期或身份证号码是否填错`,
        `Born ${formatIsoDate(birth)}, the person is only ${age} on ${formatIsoDate(asOf)}, under ${minAge}: check the birth date or the ID number.`),
    ];
  }
  const known = sex === '男' ? 'worker' : femaleCategoryFromIdentity(identityText);
  const category: FemaleCategory = known ?? 'worker';
  const r = statutoryRetirement(birth, sex, category);
  if (compareDates(asOf, r.date) < 0) return NO_ISSUES as Issue[];
  const a = ageText(r);
  let zh = `可能已到法定退休年龄（按2025年渐进式延迟退休规定为 ${a.zh}，应于${formatChineseDate(r.date)}退休）；退休职工原则上不参与申报，请核实是否仍在职`;
  let en = `May have reached the statutory retirement age (${a.en} under the 2025 gradual-retirement rules, retiring on ${formatIsoDate(r.date)}); retirees are in principle not eligible: check that the person is still employed.`;
  if (sex === '女' && known === undefined) {
    const c = statutoryRetirement(birth, sex, 'cadre');
    const ca = ageText(c);
    zh += `。“身份”未填或无法识别，暂按女职工（原50周岁）计算；如为干部或专业技术人员，退休年龄更高（${ca.zh}，${formatChineseDate(c.date)}），请填写“身份”栏`;
    en += ` The 身份 (position type) is empty or not recognised, so the women workers' schedule (formerly 50) was used; cadres and professionals retire later (${ca.en}, ${formatIsoDate(c.date)}): fill in 身份.`;
  }
  return [issue('warning', 'age.retired', zh, en)];
}
