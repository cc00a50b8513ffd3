/** Contact details: mobile numbers, contact phones, postcodes, e-mail (checks/contact.ts). */
import { OddCell, rule } from './define';

const DOCS = 'rules.md#填写内容';

function odd(c: OddCell): { zh: string; en: string } {
  switch (c.kind) {
    case 'boolean':
      return { zh: `填的是 ${c.value ? 'TRUE' : 'FALSE'}`, en: `holds ${c.value ? 'TRUE' : 'FALSE'}` };
    case 'date':
      return { zh: '被 Excel 识别成了日期', en: 'was taken by Excel as a date' };
    case 'error':
      return { zh: `是错误值 ${c.error}`, en: `is the error value ${c.error}` };
    case 'number':
      return { zh: `是数字 ${c.value}`, en: `is the number ${c.value}` };
  }
}

/** Why a typed value is not an 11-digit mobile number. */
export type MobileProblem =
  | { kind: 'non-digit'; char: string }
  | { kind: 'landline' }
  | { kind: 'length'; digits: number }
  | { kind: 'first-digit' }
  | { kind: 'second-digit'; digit: string };

function mobileProblem(p: MobileProblem): { zh: string; en: string } {
  switch (p.kind) {
    case 'non-digit':
      return { zh: `含有非数字的字符“${p.char}”`, en: `contains the non-digit "${p.char}"` };
    case 'landline':
      return { zh: '像是固定电话号码，此栏需要手机号码', en: 'looks like a landline; this field needs a mobile number' };
    case 'length': {
      const diff = p.digits - 11;
      return {
        zh: `有 ${p.digits} 位数字，手机号码应为 11 位（${diff > 0 ? `多了 ${diff} 位` : `少了 ${-diff} 位`}）`,
        en: `has ${p.digits} digits; a mobile number has 11`,
      };
    }
    case 'first-digit':
      return { zh: '手机号码应以 1 开头', en: 'a mobile number starts with 1' };
    case 'second-digit':
      return { zh: `手机号码第二位应为 3 至 9，现在是 ${p.digit}`, en: `the second digit must be 3 to 9, not ${p.digit}` };
  }
}

/** Why a contact phone is neither a mobile number nor a landline. */
export type PhoneProblem =
  | { kind: 'char'; char: string }
  | { kind: 'mobile-second-digit'; digit: string }
  | { kind: 'mobile-length'; digits: number }
  | { kind: 'landline-length'; digits: number }
  | { kind: 'seven-digits' }
  | { kind: 'length'; digits: number };

function phoneProblem(p: PhoneProblem): { zh: string; en: string } {
  switch (p.kind) {
    case 'char':
      return { zh: `含有无法识别的字符“${p.char}”`, en: `contains "${p.char}", which is not part of a phone number` };
    case 'mobile-second-digit':
      return { zh: `手机号码第二位应为 3 至 9，现在是 ${p.digit}`, en: `a mobile number's second digit must be 3 to 9, not ${p.digit}` };
    case 'mobile-length':
      return { zh: `以1开头像是手机号码，但有 ${p.digits} 位数字（手机号码为 11 位）`, en: `starts with 1 like a mobile number but has ${p.digits} digits (mobile numbers have 11)` };
    case 'landline-length':
      return {
        zh: `区号加号码共 ${p.digits} 位数字，位数不对（如 021 加 8 位号码共 11 位）`,
        en: `area code plus number make ${p.digits} digits, which is not a valid length (021 plus 8 digits is 11)`,
      };
    case 'seven-digits':
      return { zh: '只有 7 位，缺少区号或少了一位（上海的固定电话为 8 位）', en: 'has only 7 digits: the area code or a digit is missing (Shanghai numbers have 8)' };
    case 'length':
      return { zh: `共 ${p.digits} 位数字，位数不对`, en: `has ${p.digits} digits, not a valid length` };
  }
}

/** What is wrong with an e-mail address, in the order the message names them. */
export type EmailProblem = 'full-width-at' | 'chinese-stop' | 'full-width' | 'spaces' | 'no-at' | 'chinese' | 'form';

const EMAIL_PROBLEMS: Readonly<Record<EmailProblem, { zh: string; en: string }>> = {
  'full-width-at': { zh: '使用了全角的“＠”，应改为半角“@”', en: 'it uses the full-width "＠"; use "@"' },
  'chinese-stop': { zh: '使用了中文句号“。”，应改为英文句点“.”', en: 'it uses the Chinese full stop "。"; use "."' },
  'full-width': { zh: '含有全角字符，请切换到英文（半角）输入法重新输入', en: 'it contains full-width characters; retype it with the English (half-width) input' },
  spaces: { zh: '中间有空格，请删除', en: 'it contains spaces; remove them' },
  'no-at': { zh: '缺少“@”', en: 'the "@" is missing' },
  chinese: { zh: '含有汉字，邮箱地址只能用英文字母、数字和符号', en: 'it contains Chinese characters; addresses use Latin letters, digits and symbols' },
  form: { zh: '格式不正确，应为“名称@域名”的形式', en: 'it is not of the form name@domain' },
};

const POSTCODE_TEXT_FORMAT_ZH = '请把单元格格式设为“文本”后重新输入';
const POSTCODE_TEXT_FORMAT_EN = 'set the cell format to Text and type it again';

export const CONTACT_RULES = {
  'phone.mobile': rule<{ variant: 'odd-cell'; cell: OddCell } | { variant: 'wrong'; text: string; problem: MobileProblem } | { variant: 'several'; count: number }>({
    severity: 'error',
    severityOf: (p) => (p.variant === 'several' ? 'warning' : 'error'),
    name: { zh: '手机号码', en: 'Mobile number' },
    docs: DOCS,
    message(p) {
      switch (p.variant) {
        case 'odd-cell': {
          const o = odd(p.cell);
          return { zh: `手机号码栏${o.zh}；请填写11位手机号码，如 13812345678`, en: `The mobile number cell ${o.en}; enter an 11-digit mobile number such as 13812345678.` };
        }
        case 'wrong': {
          const why = mobileProblem(p.problem);
          return {
            zh: `手机号码“${p.text}”不正确：${why.zh}；请填写11位手机号码（以13至19开头），如 13812345678`,
            en: `The mobile number "${p.text}" is wrong: it ${why.en}; enter an 11-digit mobile number (starting 13 to 19), e.g. 13812345678.`,
          };
        }
        case 'several':
          return {
            zh: `手机号码栏填了 ${p.count} 个号码；此栏只需一个，请只保留最常用的手机号码`,
            en: `The mobile number cell holds ${p.count} numbers; keep only the one most used.`,
          };
      }
    },
  }),

  'phone.contact': rule<{ variant: 'odd-cell'; cell: OddCell } | { variant: 'unrecognised'; text: string; problem: PhoneProblem }>({
    severity: 'error',
    name: { zh: '联系电话', en: 'Contact phone' },
    docs: DOCS,
    message(p) {
      if (p.variant === 'odd-cell') {
        const o = odd(p.cell);
        return {
          zh: `联系电话栏${o.zh}；请填写11位手机号码，或带区号的固定电话，如 021-55885591`,
          en: `The contact phone cell ${o.en}; enter an 11-digit mobile number or a landline with area code such as 021-55885591.`,
        };
      }
      const why = phoneProblem(p.problem);
      return {
        zh: `联系电话“${p.text}”无法识别：${why.zh}；请填写11位手机号码，或带区号的固定电话，如 021-55885591（分机写作 021-55885591转4102）`,
        en: `The contact phone "${p.text}" is not recognised: it ${why.en}; enter an 11-digit mobile number or a landline with area code such as 021-55885591 (extension: 021-55885591转4102).`,
      };
    },
  }),

  'postcode.format': rule<
    | { variant: 'lost-zero'; value: number }
    | { variant: 'lost-digit'; value: number; /** 20xxx: a Shanghai code (200000–202999) short of a digit. */ shanghai: boolean }
    | { variant: 'odd-cell'; cell: OddCell }
    | { variant: 'wrong'; text: string; problem: { kind: 'char'; char: string } | { kind: 'length'; digits: number } }
  >({
    severity: 'error',
    name: { zh: '邮政编码', en: 'Postcode' },
    docs: DOCS,
    message(p) {
      switch (p.variant) {
        case 'lost-zero': {
          // Only codes of Inner Mongolia, Shanxi and Hebei start with 0: the 0 is a guess, a lost digit as likely.
          const fixed = '0' + String(p.value);
          return {
            zh: `邮政编码显示为 ${p.value}，只有 5 位：如果是内蒙古、山西、河北等以 0 开头的邮编，是 Excel 把它当作数字去掉了开头的 0（应为 ${fixed}）；否则是少输了一位数字。请核对地址对应的邮编，${POSTCODE_TEXT_FORMAT_ZH}`,
            en: `The postcode shows as ${p.value}, only 5 digits: if it is a code starting with 0 (Inner Mongolia, Shanxi, Hebei), Excel stored it as a number and dropped the leading 0 (${fixed}); otherwise a digit is missing. Check the code of the address and ${POSTCODE_TEXT_FORMAT_EN}.`,
          };
        }
        case 'lost-digit':
          return {
            zh: `邮政编码 ${p.value} 只有 5 位，少了一位数字${p.shanghai ? '（上海的邮编是 20 开头的 6 位数字，如 200080）' : '（邮政编码为 6 位数字）'}：请核对地址对应的邮编，${POSTCODE_TEXT_FORMAT_ZH}`,
            en: `The postcode ${p.value} has only 5 digits: one is missing${p.shanghai ? ' (Shanghai codes are 6 digits starting with 20, e.g. 200080)' : ''}. Check the code of the address and ${POSTCODE_TEXT_FORMAT_EN}.`,
          };
        case 'odd-cell': {
          const o = odd(p.cell);
          return { zh: `邮政编码栏${o.zh}；邮政编码应为 6 位数字，如 200080`, en: `The postcode cell ${o.en}; a postcode is 6 digits, e.g. 200080.` };
        }
        case 'wrong': {
          const b = p.problem;
          const zh = b.kind === 'char' ? `含有非数字的字符“${b.char}”` : `有 ${b.digits} 位数字`;
          const en = b.kind === 'char' ? `contains the non-digit "${b.char}"` : `has ${b.digits} digits`;
          return {
            zh: `邮政编码“${p.text}”不正确：${zh}，邮政编码应为 6 位数字（如上海市虹口区为 200080）；请核对后重新填写`,
            en: `The postcode "${p.text}" is wrong: it ${en}; a postcode is 6 digits (e.g. 200080): check and correct it.`,
          };
        }
      }
    },
  }),

  'email.format': rule<
    | { variant: 'odd-cell'; cell: OddCell }
    | { variant: 'typo'; address: string; ending: string }
    | { variant: 'several'; count: number }
    | { variant: 'wrong'; address: string; problems: EmailProblem[]; suggestion?: string }
  >({
    severity: 'error',
    name: { zh: '邮箱地址', en: 'E-mail address' },
    docs: DOCS,
    message(p) {
      switch (p.variant) {
        case 'odd-cell': {
          const o = odd(p.cell);
          return {
            zh: `邮箱栏${o.zh}，不是邮箱地址；请填写如 zhangsan@163.com 的邮箱地址`,
            en: `The e-mail cell ${o.en}, not an address; enter an address such as zhangsan@163.com.`,
          };
        }
        case 'typo': {
          const fixed = p.address.slice(0, p.address.length - p.ending.length) + '.com';
          return {
            zh: `邮箱地址“${p.address}”的结尾“${p.ending}”很可能拼错了，应为“.com”（即 ${fixed}）；请核对后改正`,
            en: `The e-mail address "${p.address}" ends in "${p.ending}", probably a typo for ".com" (${fixed}): check and correct it.`,
          };
        }
        case 'several':
          return { zh: `邮箱栏填了 ${p.count} 个邮箱地址；请只保留一个`, en: `The e-mail cell holds ${p.count} addresses; keep only one.` };
        case 'wrong': {
          const zh = p.problems.map((x) => EMAIL_PROBLEMS[x].zh).join('；');
          const en = p.problems.map((x) => EMAIL_PROBLEMS[x].en).join('; ');
          return {
            zh: `邮箱地址“${p.address}”有误：${zh}${p.suggestion ? `；改正后应为 ${p.suggestion}` : '（如 zhangsan@163.com）'}`,
            en: `The e-mail address "${p.address}" is wrong: ${en}${p.suggestion ? `; corrected it would be ${p.suggestion}` : ' (e.g. zhangsan@163.com)'}.`,
          };
        }
      }
    },
  }),
};
