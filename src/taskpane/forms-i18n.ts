/** The texts of the 申报表 section, Simplified Chinese (default) and English. */
import type { Lang } from '../core/model/findings';

export interface FormStrings {
  readTitle: string;
  readHint: string;
  pickForms: string;
  reading: string;
  readSummary: (forms: number, nominees: readonly string[], programme: string) => string;
  notRead: string;
  downloadWorkbook: string;
  openInCheck: string;
  insertIntoWorkbook: string;
  openAsNew: string;
  inserted: (sheets: readonly string[]) => string;
  opened: string;
  noFindings: string;
  moreFindings: (n: number) => string;
  printTitle: string;
  printHint: (copies: number) => string;
  printButton: string;
  printed: (n: number) => string;
  printedWithErrors: (n: number) => string;
  packTitle: string;
  packHint: (email?: string) => string;
  packForce: string;
  packButton: string;
  packRefused: (n: number) => string;
  packDone: (name: string, n: number) => string;
  packForced: (n: number) => string;
  noWorkbook: string;
}

const COPIES = ['', '一', '二', '三', '四', '五'];

const zh: FormStrings = {
  readTitle: '读取 Word 申报表',
  readHint:
    '选择被推荐人发来的 Word 申报表（.docx，可多选；按申报表样式填写的工作簿也可以）。匠选逐份读取，生成推荐汇总表和申报信息表，用同一套规则校验，每个问题标明是哪个文件的哪一栏。文件只在本机读取。',
  pickForms: '选择申报表…',
  reading: '正在读取申报表…',
  readSummary: (f, n, p) => `已读取 ${f} 份申报表（${p}），共 ${n.length} 人：${n.join('、')}`,
  notRead: '无法读取',
  downloadWorkbook: '下载申报信息工作簿',
  openInCheck: '在“校验”中打开',
  insertIntoWorkbook: '插入当前工作簿',
  openAsNew: '在新工作簿中打开',
  inserted: (s) => `已插入工作表：${s.join('、')}。`,
  opened: 'Excel 已在新窗口中打开申报信息工作簿，请保存到本单位电脑。',
  noFindings: '没有发现问题。',
  moreFindings: (n) => `还有 ${n} 条，请下载工作簿后在“校验”中查看。`,
  printTitle: '打印申报表',
  printHint: (c) => `从当前工作簿的申报信息生成每人一份 Word 申报表（通知附件的样式：勾选框 ☑/□，基层单位和推荐单位的盖章栏），以及推荐汇总表、统计表，打包下载。每份申报表打印一式${COPIES[c] ?? c}份。`,
  printButton: '生成申报表（Word）',
  printed: (n) => `已生成 ${n} 个文件。`,
  printedWithErrors: (n) => `注意：申报信息中还有 ${n} 个错误，打印前请先改正。`,
  packTitle: '打包报送材料',
  packHint: (e) => `生成通知要求的电子版报送包：推荐汇总表及申报信息、全部申报表、统计表、报送清单（纸质材料、份数、报送地址）和邮件正文${e ? `，发送至 ${e}` : ''}。仍有错误时不打包。`,
  packForce: '仍有错误也打包（不建议）',
  packButton: '打包报送材料',
  packRefused: (n) => `没有打包：还有 ${n} 个错误，请先改正（或勾选“仍有错误也打包”）。`,
  packDone: (name, n) => `已生成报送包“${name}”（${n} 个文件），请作为邮件附件发送。`,
  packForced: (n) => `警告：仍有 ${n} 个错误，已照样打包；问题清单在包中的“校验问题（尚未改正）.xlsx”。`,
  noWorkbook: '先打开申报信息工作簿（或先在上面读取 Word 申报表）。',
};

const en: FormStrings = {
  readTitle: 'Read Word application forms',
  readHint:
    'Choose the Word forms (.docx, several at once; workbooks laid out like the form work too). Jiangxuan reads each one, makes the summary and details sheets and checks them with the same rules; every problem names the file and the item. Files are read on this computer only.',
  pickForms: 'Choose forms…',
  reading: 'Reading the forms…',
  readSummary: (f, n, p) => `${f} forms read (${p}), ${n.length} nominees: ${n.join(', ')}`,
  notRead: 'Not read',
  downloadWorkbook: 'Download the details workbook',
  openInCheck: 'Open in Check',
  insertIntoWorkbook: 'Insert into this workbook',
  openAsNew: 'Open as a new workbook',
  inserted: (s) => `Sheets inserted: ${s.join(', ')}.`,
  opened: 'Excel opened the details workbook in a new window: save it on your computer.',
  noFindings: 'No problems found.',
  moreFindings: (n) => `${n} more: download the workbook and open it in Check.`,
  printTitle: 'Print the forms',
  printHint: (c) => `Makes each nominee's Word form from the open workbook's details (the notice's layout: ☑/□ boxes, stamp blocks), the summary sheet and the statistics table, as one download. Print each form ${c} times.`,
  printButton: 'Make the forms (Word)',
  printed: (n) => `${n} files made.`,
  printedWithErrors: (n) => `Note: ${n} errors remain in the details: correct them before printing.`,
  packTitle: 'Pack the submission',
  packHint: (e) => `Makes the e-mail package the notice asks for: the summary and details workbook, every form, the statistics table, a checklist (paper materials, copies, address) and the e-mail text${e ? `, to ${e}` : ''}. Not made while errors remain.`,
  packForce: 'Pack even with errors (not advised)',
  packButton: 'Pack the submission',
  packRefused: (n) => `Not packed: ${n} errors remain. Correct them (or tick "Pack even with errors").`,
  packDone: (name, n) => `Package "${name}" made (${n} files): attach it to the e-mail.`,
  packForced: (n) => `Warning: ${n} errors remain; packed anyway, see the annotated workbook in the package.`,
  noWorkbook: 'Open the details workbook first (or read the Word forms above).',
};

export function formStrings(lang: Lang): FormStrings {
  return lang === 'en' ? en : zh;
}
