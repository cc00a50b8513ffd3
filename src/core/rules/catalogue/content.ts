/** What is typed in a nominee's cells: required items, options, numbers, texts (rules/cell-checks.ts, checks/). */
import { OddCell, q, rule } from './define';

const DOCS = 'rules.md#填写内容';

/** A cell a number check cannot read: TRUE/FALSE, a date, an error value. */
export type OddNumberCell = Exclude<OddCell, { kind: 'number' }>;

function oddNumber(c: OddNumberCell): { zh: string; en: string } {
  switch (c.kind) {
    case 'boolean':
      return { zh: `填的是 ${c.value ? 'TRUE' : 'FALSE'}`, en: `holds ${c.value ? 'TRUE' : 'FALSE'}` };
    case 'date':
      return {
        zh: '被 Excel 识别成了日期（请把单元格格式设为“常规”或“数值”后重新输入）',
        en: 'was taken by Excel as a date (set the cell format to General or Number and type it again)',
      };
    case 'error':
      return { zh: `是错误值 ${c.error}`, en: `is the error value ${c.error}` };
  }
}

/** Number checks speak of "the count"; inside a table the column is named first. */
function inColumn(field: string | undefined, m: { zh: string; en: string }): { zh: string; en: string } {
  return field === undefined ? m : { zh: `${q(field)}${m.zh}`, en: `${field}: ${m.en}` };
}

const COUNT_PROBLEMS = {
  'not-a-number': { zh: '不是数字', en: 'is not a number' },
  negative: { zh: '是负数', en: 'is negative' },
  fraction: { zh: '是小数，数量应为整数', en: 'has a fraction; counts are whole numbers' },
  vague: { zh: '不是确切的数字，不要写“若干”“多项”“以上”之类', en: 'is not an exact number; avoid words such as 若干 (several) or 以上 (or more)' },
  'not-whole': { zh: '不是整数', en: 'is not a whole number' },
} as const;

const COUNT_HINT_ZH = '请填写一个不小于 0 的整数，如 3（可以带“项”“个”“件”）';
const COUNT_HINT_EN = 'enter a whole number of 0 or more, e.g. 3 (a unit such as 项, 个 or 件 may follow)';

const YEARS_HINT_ZH = '请填写年数，如 15、15年、15.5 或 15年3个月';
const YEARS_HINT_EN = 'enter a number of years, e.g. 15, 15年, 15.5 or 15年3个月';

function yearsProblem(p: YearsFormatParams): { zh: string; en: string } {
  switch (p.variant) {
    case 'odd-cell': {
      const o = oddNumber(p.cell);
      return { zh: `工作年限栏${o.zh}`, en: `The years-of-service cell ${o.en}` };
    }
    case 'not-a-number':
      return { zh: `工作年限“${p.shown}”不是数字`, en: `The years of service "${p.shown}" are not a number` };
    case 'negative':
      return { zh: `工作年限“${p.shown}”是负数`, en: `The years of service "${p.shown}" are negative` };
    case 'months':
      return {
        zh: `工作年限“${p.shown}”中的月数 ${p.months} 应小于 12（满12个月请计为1年）`,
        en: `The years of service "${p.shown}" have ${p.months} months; months must be under 12 (12 months make a year)`,
      };
    case 'vague':
      return {
        zh: `工作年限“${p.shown}”不是确切的年数，不要写“十多年”“以上”之类`,
        en: `The years of service "${p.shown}" are not exact; avoid words such as 多 (more than) or 以上 (or more)`,
      };
    case 'unreadable':
      return { zh: `工作年限“${p.shown}”无法识别为年数`, en: `The years of service "${p.shown}" cannot be read as a number of years` };
  }
}

export type YearsFormatParams = {
  /** The column's label, when the value was read from a table. */
  field?: string;
} & (
  | { variant: 'odd-cell'; cell: OddNumberCell }
  | { variant: 'not-a-number' | 'negative' | 'vague' | 'unreadable'; shown: string }
  | { variant: 'months'; shown: string; months: number }
);

export type CountParams = {
  /** The column's label, when the value was read from a table. */
  field?: string;
} & ({ variant: 'odd-cell'; cell: OddNumberCell } | { variant: 'value'; shown: string; problem: keyof typeof COUNT_PROBLEMS });

export const CONTENT_RULES = {
  'field.required': rule<{ field: string }>({
    severity: 'error',
    name: { zh: '必填项未填', en: 'Required item empty' },
    docs: DOCS,
    message: (p) => ({ zh: `${q(p.field)}未填写：申报材料不得缺项、漏项，请补填`, en: `${p.field} is empty: every item must be filled in` }),
  }),

  'field.option': rule<
    | { variant: 'single'; field: string; text: string; options: readonly string[] }
    | { variant: 'multiple'; field: string; unknown: readonly string[]; options: readonly string[] }
  >({
    severity: 'error',
    name: { zh: '不是表格的选项', en: 'Not one of the options' },
    docs: DOCS,
    message(p) {
      const list = p.options.join(' / ');
      if (p.variant === 'single') {
        return {
          zh: `${q(p.field)}填写“${p.text}”不是表格的选项；请改为以下之一：${list}`,
          en: `"${p.text}" is not an option of ${p.field}; use one of: ${list}`,
        };
      }
      return {
        zh: `${q(p.field)}中“${p.unknown.join('、')}”不是表格的选项；可选：${list}（可多选，用顿号分隔）`,
        en: `"${p.unknown.join(', ')}" is not an option of ${p.field}; choose from: ${list}`,
      };
    },
  }),

  'field.option-contradiction': rule<{ field: string }>({
    severity: 'error',
    name: { zh: '选项互相矛盾', en: 'Contradicting options' },
    docs: DOCS,
    message: (p) => ({ zh: `${q(p.field)}同时选了“否”和其他称号，请只保留一种`, en: `${p.field} ticks "否" (none) together with titles; keep one` }),
  }),

  'cell.formula-error': rule<{ field: string; error: string }>({
    severity: 'error',
    name: { zh: '公式错误值', en: 'Formula error' },
    docs: DOCS,
    message: (p) => ({
      zh: `${q(p.field)}显示错误值 ${p.error}：公式出错，请改正公式或直接填写内容`,
      en: `${p.field} shows the error value ${p.error}: fix the formula or type the value`,
    }),
  }),

  'count.not-whole': rule<CountParams>({
    severity: 'error',
    name: { zh: '数量不是整数', en: 'Count not a whole number' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'odd-cell') {
        const o = oddNumber(p.cell);
        return inColumn(p.field, { zh: `数量栏${o.zh}；${COUNT_HINT_ZH}`, en: `The count cell ${o.en}; ${COUNT_HINT_EN}.` });
      }
      const why = COUNT_PROBLEMS[p.problem];
      return inColumn(p.field, { zh: `数量“${p.shown}”${why.zh}；${COUNT_HINT_ZH}`, en: `The count "${p.shown}" ${why.en}; ${COUNT_HINT_EN}.` });
    },
  }),

  'years.format': rule<YearsFormatParams>({
    severity: 'error',
    name: { zh: '工作年限格式', en: 'Years of service format' },
    docs: DOCS,
    message(p) {
      const why = yearsProblem(p);
      return inColumn(p.field, { zh: `${why.zh}；${YEARS_HINT_ZH}`, en: `${why.en}; ${YEARS_HINT_EN}.` });
    },
  }),

  'money.format': rule<{ field: string; text: string }>({
    severity: 'error',
    name: { zh: '金额格式', en: 'Amount format' },
    docs: DOCS,
    message: (p) => ({
      zh: `${q(p.field)}“${p.text}”不是金额，请只填数字（单位：元/月），如 8500`,
      en: `${p.field} "${p.text}" is not an amount; type a number of yuan per month`,
    }),
  }),

  'name.format': rule<{ field: string; text: string }>({
    severity: 'warning',
    name: { zh: '姓名可能填错', en: 'Name looks wrong' },
    docs: DOCS,
    message: (p) => ({ zh: `${q(p.field)}“${p.text}”不像姓名（含数字或过长），请核对是否填错栏`, en: `${p.field} "${p.text}" does not look like a name` }),
  }),

  'text.too-long': rule<{ field: string; count: number; max: number }>({
    severity: 'error',
    name: { zh: '超过字数上限', en: 'Text too long' },
    docs: DOCS,
    message(p) {
      const cut = p.count - p.max;
      return {
        zh: `“${p.field}”共 ${p.count} 字，超过了 ${p.max} 字的限制，请删减至少 ${cut} 字（空格和换行不计字数）`,
        en: `"${p.field}" has ${p.count} characters, over the limit of ${p.max}: cut at least ${cut} (spaces and line breaks are not counted).`,
      };
    },
  }),

  'text.length-off': rule<{ variant: 'short' | 'long'; field: string; target: number; count: number; want: number }>({
    severity: 'warning',
    name: { zh: '字数与要求相差较多', en: 'Text length far off' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'short') {
        return {
          zh: `“${p.field}”要求约 ${p.target} 字，现在只有 ${p.count} 字，明显偏少；建议补充到 ${p.want} 字以上`,
          en: `"${p.field}" should be about ${p.target} characters but has only ${p.count}; consider expanding it to at least ${p.want}.`,
        };
      }
      return {
        zh: `“${p.field}”要求约 ${p.target} 字，现在有 ${p.count} 字，明显偏多；建议精简到 ${p.want} 字以内（需删减约 ${p.count - p.want} 字）`,
        en: `"${p.field}" should be about ${p.target} characters but has ${p.count}; consider shortening it to ${p.want} or fewer (about ${p.count - p.want} fewer).`,
      };
    },
  }),

  'patent.contradiction': rule<{ variant: 'no-but-counted'; total: number } | { variant: 'yes-but-none' }>({
    severity: 'error',
    name: { zh: '专利填写矛盾', en: 'Patent answers disagree' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'no-but-counted') {
        return {
          zh: `“是否获得专利”填“否”，但专利数合计 ${p.total} 项：请改为“是”或更正专利数`,
          en: `"has patents" is 否 but the patent counts add up to ${p.total}`,
        };
      }
      return { zh: '“是否获得专利”填“是”，但发明、实用新型、外观设计专利数都是 0：请填写专利数或改为“否”', en: '"has patents" is 是 but every patent count is 0' };
    },
  }),

  'forces.none-claimed': rule<{ force: string; indicators: readonly string[] }>({
    severity: 'warning',
    name: { zh: '五力指标未填', en: 'No indicator of a force' },
    docs: DOCS,
    message: (p) => ({
      zh: `“${p.force}”的指标（${p.indicators.join('、')}）都没有填写：至少说明一项，并附基层单位盖章的证明材料`,
      en: `no indicator of ${p.force} is filled in: describe at least one, with stamped evidence`,
    }),
  }),
};
