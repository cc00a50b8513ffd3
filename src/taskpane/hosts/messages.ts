/** Messages both hosts use when a workbook cannot be checked (same wording as the CLI). Pure. */
import type { Localized } from '../../core/model/findings';
import type { Profile } from '../../core/profiles/schema';

export function noRecognisableTable(): Localized {
  return {
    zh: '找不到可识别的表格。需要一行表头，如推荐汇总表“序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级”，或申报信息表“姓名 | 性别 | 身份证 | …”。',
    en: 'No recognisable table. A header row is needed, such as the summary sheet’s “序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级” or the details’ “姓名 | 性别 | 身份证 | …”.',
  };
}

export function noTableOfProfile(profile: Profile): Localized {
  const tables = Object.values(profile.tables).filter((t) => t !== undefined);
  const zh = tables.map((t) => `${t.name.zh}（${t.fields.slice(0, 5).map((f) => f.label).join(' | ')} …）`).join('；或 ');
  const en = tables.map((t) => `${t.name.en} (${t.fields.slice(0, 5).map((f) => f.label).join(' | ')} …)`).join('; or ');
  return {
    zh: `没有找到“${profile.shortName.zh}”的表格，需要含以下栏目的表头：${zh}。如项目选错了，请在上方改选。`,
    en: `No table of “${profile.shortName.en}” found; a header with these columns is needed: ${en}. If the programme is wrong, pick another above.`,
  };
}

export function unknownProgramme(id: string): Localized {
  return { zh: `没有名为“${id}”的项目`, en: `There is no programme “${id}”` };
}
