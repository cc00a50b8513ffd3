/** Age and employment rules (checks/retirement.ts, the years-of-service check in rules/row-checks.ts). */
import { formatChineseDate, formatIsoDate, SimpleDate } from '../../model/dates';
import { rule } from './define';

const DOCS = 'rules.md#年龄与在职';

/** A statutory retirement age and the date it is reached. */
export interface RetirementAt {
  ageYears: number;
  ageMonths: number;
  date: SimpleDate;
}

function ageText(r: RetirementAt): { zh: string; en: string } {
  return r.ageMonths === 0
    ? { zh: `${r.ageYears} 岁`, en: `${r.ageYears} years` }
    : { zh: `${r.ageYears} 岁 ${r.ageMonths} 个月`, en: `${r.ageYears} years ${r.ageMonths} months` };
}

export const EMPLOYMENT_RULES = {
  'age.too-young': rule<{ birth: SimpleDate; asOf: SimpleDate; age: number; minAge: number }>({
    severity: 'error',
    name: { zh: '未满最低工作年龄', en: 'Under working age' },
    docs: DOCS,
    message: (p) => ({
      zh: `按出生日期${formatChineseDate(p.birth)}计算，截至${formatChineseDate(p.asOf)}只有 ${p.age} 岁，不满 ${p.minAge} 周岁；请核对出生日期或身份证号码是否填错`,
      en: `Born ${formatIsoDate(p.birth)}, the person is only ${p.age} on ${formatIsoDate(p.asOf)}, under ${p.minAge}: check the birth date or the ID number.`,
    }),
  }),

  'age.retired': rule<{
    retirement: RetirementAt;
    /**
     * The rules in force at the check date: the gradual reform from 2025-01-01, or before it the fixed ages
     * (男 60, 女干部 55, 女工人 50). A check dated 2018 must not quote a law of 2024.
     */
    regime?: 'gradual-2025' | 'before-2025';
    /** A woman whose 身份 says neither cadre nor worker: the workers' schedule was used; this is the cadres'. */
    ifCadre?: RetirementAt;
    /** The table has no 身份 column (the cultivation list): say so instead of asking to fill one in. */
    noIdentityColumn?: boolean;
  }>({
    severity: 'warning',
    name: { zh: '可能已到退休年龄', en: 'Possibly retired' },
    docs: DOCS,
    message(p) {
      const a = ageText(p.retirement);
      const before = p.regime === 'before-2025';
      const lawZh = before ? '按核对日期时施行的规定（2025年1月1日前：男60周岁、女干部55周岁、女工人50周岁）' : '按2025年渐进式延迟退休规定';
      const lawEn = before ? 'under the rules in force at the check date (before 2025-01-01: men 60, women cadres 55, women workers 50)' : 'under the 2025 gradual-retirement rules';
      let zh = `可能已到法定退休年龄（${lawZh}为 ${a.zh}，应于${formatChineseDate(p.retirement.date)}退休）；退休职工原则上不参与申报，请核实是否仍在职`;
      let en = `May have reached the statutory retirement age (${a.en} ${lawEn}, retiring on ${formatIsoDate(p.retirement.date)}); retirees are in principle not eligible: check that the person is still employed.`;
      if (p.ifCadre && p.noIdentityColumn) {
        const ca = ageText(p.ifCadre);
        zh += `。表中没有“身份”栏，暂按女职工（原50周岁）计算；如为干部或专业技术人员，退休年龄更高（${ca.zh}，${formatChineseDate(p.ifCadre.date)}），请按其身份核实`;
        en += ` The table has no 身份 (position type) column, so the women workers' schedule (formerly 50) was used; cadres and professionals retire later (${ca.en}, ${formatIsoDate(p.ifCadre.date)}): check against the person's position.`;
      } else if (p.ifCadre) {
        const ca = ageText(p.ifCadre);
        zh += `。“身份”未填或无法识别，暂按女职工（原50周岁）计算；如为干部或专业技术人员，退休年龄更高（${ca.zh}，${formatChineseDate(p.ifCadre.date)}），请填写“身份”栏`;
        en += ` The 身份 (position type) is empty or not recognised, so the women workers' schedule (formerly 50) was used; cadres and professionals retire later (${ca.en}, ${formatIsoDate(p.ifCadre.date)}): fill in 身份.`;
      }
      return { zh, en };
    },
  }),

  'years.exceeds-age': rule<{ years: number; age: number; minWorkingAge: number }>({
    severity: 'error',
    name: { zh: '工作年限超过年龄', en: 'Years of work exceed age' },
    docs: DOCS,
    message(p) {
      const max = Math.max(0, p.age - p.minWorkingAge);
      return {
        zh: `工作年限 ${p.years} 年，但按身份证 ${p.age} 岁、最早 ${p.minWorkingAge} 岁参加工作计，最多 ${max} 年：请核对工作年限或身份证号`,
        en: `${p.years} years of work, but at age ${p.age} (working from ${p.minWorkingAge}) at most ${max} are possible`,
      };
    },
  }),
};
