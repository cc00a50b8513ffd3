/**
 * Kinds of eligibility rule (rules/eligibility.ts). A programme's profile lists its rules, each with its own id,
 * severity, reason (the notice's words, which end every message) and name; the kind gives the wording.
 */
import type { Localized } from '../../model/findings';
import type { EligibilityRule } from '../../profiles/schema';
import { kind, KindSpec } from './define';

const DOCS = 'rules.md#各项目的申报条件来自通知原文写在项目配置里';

/** A text matched a pattern the notice excludes (a title, a post, 退休). */
const mentions = (p: { match: string; reason: Localized }) => ({ zh: `填有“${p.match}”：${p.reason.zh}`, en: `mentions "${p.match}": ${p.reason.en}` });

export const ELIGIBILITY_KINDS = {
  honourExcluded: kind({
    name: { zh: '已获不得参评的荣誉', en: 'Excluded honour' },
    docs: DOCS,
    message: mentions,
  }),
  honourRequired: kind<{ reason: Localized }>({
    name: { zh: '未见要求的荣誉', en: 'Required honour missing' },
    docs: DOCS,
    message: (p) => ({ zh: `荣誉中未见地区、系统或行业的工匠称号：${p.reason.zh}`, en: `no local craftsman title found in the honours: ${p.reason.en}` }),
  }),
  recentHonours: kind<{ since: number; reason: Localized }>({
    name: { zh: '近年未见质量荣誉', en: 'No recent quality honour' },
    docs: DOCS,
    message: (p) => ({
      zh: `荣誉中未见 ${p.since} 年以来的质量类荣誉（请写明年份和颁发单位）。${p.reason.zh}`,
      en: `no quality honour since ${p.since} found in the honours (give the year and the issuer). ${p.reason.en}`,
    }),
  }),
  patentOrAward: kind<{ reason: Localized }>({
    name: { zh: '无专利也无创新获奖', en: 'No patent or innovation award' },
    docs: DOCS,
    message: (p) => ({ zh: `未填专利，荣誉和事迹中也未见区级以上科技创新获奖：${p.reason.zh}`, en: `no patent and no district-level innovation award found: ${p.reason.en}` }),
  }),
  leaderPost: kind({
    name: { zh: '职务可能不符合条件', en: 'Leading post' },
    docs: DOCS,
    message: mentions,
  }),
  retiree: kind({
    name: { zh: '可能已退休', en: 'Possibly retired' },
    docs: DOCS,
    message: mentions,
  }),
} satisfies { [K in EligibilityRule['kind']]: KindSpec<never> };
