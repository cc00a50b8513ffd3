/** Rules about a table as a whole: headers, duplicates, 序号, the summary's footer, summary ⇄ details (rules/validate-workbook.ts). */
import type { Localized } from '../../model/findings';
import { q, rule } from './define';

const DOCS = 'rules.md#表格整体';

/** The first other place the same person is listed (another file), and how many more places there are. */
interface AcrossFiles {
  file: string;
  /** 推荐单位 of that file, from its footer. */
  unit?: string;
  /** 1-based sheet row. */
  row: number;
  nominee: string;
  /** Further places beyond that one. */
  more: number;
  withUnit?: boolean;
}

function otherZh(p: AcrossFiles): string {
  const unit = p.unit ? `，推荐单位：${p.unit}` : '';
  return `文件“${p.file}”第 ${p.row} 行（${p.nominee}${unit}）${p.more ? `等 ${p.more + 1} 处` : ''}`;
}

function otherEn(p: AcrossFiles): string {
  const unit = p.unit ? `, nominated by ${p.unit}` : '';
  return `row ${p.row} of "${p.file}" (${p.nominee}${unit})${p.more ? ` and ${p.more} more` : ''}`;
}

export const TABLE_RULES = {
  'table.missing-column': rule<{ table: Localized; missing: readonly { label: string; count: number }[] }>({
    severity: 'warning',
    name: { zh: '表头缺少栏目', en: 'Missing column' },
    docs: DOCS,
    message(p) {
      // Two columns may share a label (家庭住址 and 单位地址 each have a 邮编): "「邮编」×2" once.
      const zh = p.missing.map(({ label, count }) => `「${label}」${count > 1 ? `×${count}` : ''}`).join('、');
      const en = p.missing.map(({ label, count }) => (count > 1 ? `${label} ×${count}` : label)).join(', ');
      return { zh: `${p.table.zh}的表头缺少以下栏目：${zh}；请补上这些列（申报表不得缺项）`, en: `the ${p.table.en} lacks these columns: ${en}` };
    },
  }),

  'table.empty': rule<{ table: Localized }>({
    severity: 'warning',
    name: { zh: '表格没有内容', en: 'Empty table' },
    docs: DOCS,
    message: (p) => ({ zh: `${p.table.zh}中没有填写任何被推荐人`, en: `the ${p.table.en} lists no nominee` }),
  }),

  'table.hidden-sheet': rule<{ sheet: string; table: Localized }>({
    severity: 'info',
    name: { zh: '工作表被隐藏', en: 'Hidden sheet' },
    docs: DOCS,
    message: (p) => ({ zh: `工作表“${p.sheet}”被隐藏，但其中的${p.table.zh}也已校验`, en: `sheet "${p.sheet}" is hidden; its table was checked too` }),
  }),

  'duplicate.id': rule<{ firstRow: number; firstNominee: string }>({
    severity: 'error',
    name: { zh: '身份证号重复', en: 'Duplicate ID' },
    docs: DOCS,
    message: (p) => ({
      zh: `身份证号与第 ${p.firstRow} 行（${p.firstNominee}）重复：同一人不能推荐两次，请删除重复的一行`,
      en: `same ID as row ${p.firstRow} (${p.firstNominee}): remove the duplicate`,
    }),
  }),

  'duplicate.name': rule<{ firstRow: number; withUnit: boolean }>({
    severity: 'warning',
    name: { zh: '姓名重复', en: 'Duplicate name' },
    docs: DOCS,
    message: (p) => ({
      zh: `姓名${p.withUnit ? '和单位' : ''}与第 ${p.firstRow} 行相同：如是同一人请删除重复行`,
      en: `same name${p.withUnit ? ' and unit' : ''} as row ${p.firstRow}`,
    }),
  }),

  // Across files (check/combine-files.ts): one workbook per recommending unit, checked in one run.
  'duplicate.id-other-file': rule<AcrossFiles>({
    severity: 'error',
    name: { zh: '与其他文件身份证号重复', en: 'Same ID in another file' },
    docs: DOCS,
    message: (p) => ({
      zh: `身份证号与${otherZh(p)}相同：同一人只能由一个单位推荐，请与对方单位核实`,
      en: `same ID as ${otherEn(p)}: a person can be nominated by one unit only; check with the other unit`,
    }),
  }),

  'duplicate.name-other-file': rule<AcrossFiles>({
    severity: 'warning',
    name: { zh: '与其他文件姓名重复', en: 'Same name in another file' },
    docs: DOCS,
    message: (p) => ({
      zh: `姓名${p.withUnit ? '和单位' : ''}与${otherZh(p)}相同（缺少身份证号，无法确认）：如是同一人，只能由一个单位推荐`,
      en: `same name${p.withUnit ? ' and unit' : ''} as ${otherEn(p)} (no ID to tell): if it is the same person, only one unit may nominate them`,
    }),
  }),

  'serial.format': rule<{ field: string; text: string }>({
    severity: 'warning',
    name: { zh: '序号不是正整数', en: 'Number not a whole number' },
    docs: DOCS,
    message: (p) => ({ zh: `${q(p.field)}“${p.text}”不是正整数，请按 1、2、3… 编号`, en: `${p.field} "${p.text}" is not a positive whole number` }),
  }),

  'serial.sequence': rule<{ expected: number; found: number }>({
    severity: 'warning',
    name: { zh: '序号不连续', en: 'Numbers out of sequence' },
    docs: DOCS,
    message: (p) => ({
      zh: `序号应从 1 起连续编号，此处应为 ${p.expected}，实为 ${p.found}`,
      en: `numbers should run 1, 2, 3…; expected ${p.expected} here, found ${p.found}`,
    }),
  }),

  'serial.duplicate': rule<{ number: number; firstRow: number }>({
    severity: 'warning',
    name: { zh: '序号重复', en: 'Duplicate number' },
    docs: DOCS,
    message: (p) => ({ zh: `序号 ${p.number} 与第 ${p.firstRow} 行重复，请重新编号`, en: `number ${p.number} repeats row ${p.firstRow}` }),
  }),

  'serial.rank-duplicate': rule<{ rank: number; firstRow: number }>({
    severity: 'error',
    name: { zh: '名次重复', en: 'Duplicate rank' },
    docs: DOCS,
    message: (p) => ({
      zh: `排序 ${p.rank} 与第 ${p.firstRow} 行重复：推荐汇总表须排序，每个名次只能用一次`,
      en: `rank ${p.rank} repeats row ${p.firstRow}: each rank may be used once`,
    }),
  }),

  'footer.missing': rule<{ label: string }>({
    severity: 'error',
    name: { zh: '缺少落款栏', en: 'Missing footer line' },
    docs: DOCS,
    message: (p) => ({ zh: `汇总表下方缺少“${p.label}”一栏：请按通知附件格式补上并填写`, en: `the summary lacks the "${p.label}" line below the table` }),
  }),

  'footer.empty': rule<{ label: string; /** The 推荐单位 line: it is stamped after printing. */ unit: boolean }>({
    severity: 'error',
    name: { zh: '落款栏未填', en: 'Footer line empty' },
    docs: DOCS,
    message: (p) => ({
      zh: p.unit ? `“${p.label}”未填写：请填写推荐单位全称，打印后加盖公章` : `“${p.label}”未填写，请补填`,
      en: `"${p.label}" is empty`,
    }),
  }),

  'cross.missing-details': rule<{ nominee: string; detailsSheet: string }>({
    severity: 'error',
    name: { zh: '明细表中没有此人', en: 'Not in the details' },
    docs: DOCS,
    message: (p) => ({
      zh: `汇总表中的“${p.nominee}”在明细表（工作表“${p.detailsSheet}”）中没有对应的行：请补上其申报信息，或从汇总表删除`,
      en: `"${p.nominee}" is on the summary but not in the details sheet "${p.detailsSheet}"`,
    }),
  }),

  'cross.missing-summary': rule<{ nominee: string; summarySheet: string }>({
    severity: 'error',
    name: { zh: '汇总表中没有此人', en: 'Not on the summary' },
    docs: DOCS,
    message: (p) => ({
      zh: `“${p.nominee}”有申报信息，但不在推荐汇总表（工作表“${p.summarySheet}”）中：请补进汇总表，或删除此行`,
      en: `"${p.nominee}" has details but is not on the summary sheet "${p.summarySheet}"`,
    }),
  }),

  'cross.unit-mismatch': rule<{ summaryUnit: string; detailsUnit: string; detailsSheet: string; detailsRow: number }>({
    severity: 'warning',
    name: { zh: '单位与明细表不一致', en: 'Unit differs from the details' },
    docs: DOCS,
    message: (p) => ({
      zh: `单位与明细表不一致：汇总表为“${p.summaryUnit}”，明细表（${p.detailsSheet}!第 ${p.detailsRow} 行）为“${p.detailsUnit}”，请统一为单位全称`,
      en: `unit differs from the details: "${p.summaryUnit}" here, "${p.detailsUnit}" in the details`,
    }),
  }),

  'cross.title-mismatch': rule<{ claims: readonly string[] }>({
    severity: 'warning',
    name: { zh: '职务职称与明细表不一致', en: 'Title differs from the details' },
    docs: DOCS,
    message: (p) => ({
      zh: `“职务、职称/技能等级”与明细表不一致：明细表为“${p.claims.join('、')}”，请核对`,
      en: `title differs from the details ("${p.claims.join(', ')}")`,
    }),
  }),
};
