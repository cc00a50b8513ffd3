/**
 * The e-mail package a notice asks for, decided here and written by an adapter: the printed 推荐汇总表 with its
 * stamp block, a checklist of the paper materials (一式三份, ID copies, union card, certificates — the profile's
 * `materials`) with the organiser's address and e-mail (`submission`), the e-mail's text, and the names of every
 * file and of the package itself (`forms.packName`).
 */
import type { CellValue } from '../model/grid';
import { formatChineseDate, parseIsoDate, type SimpleDate } from '../model/dates';
import type { Profile } from '../profiles/schema';
import { matchOption } from '../rules/options';
import { cellText, isBlank } from '../text/normalize';
import { fillTitle, formsSettings } from './form-layout';
import type { DocParagraph, DocRow, PrintDocument } from './document-model';
import { TICKED, UNTICKED } from './checkboxes';

export interface SummaryFooter {
  unit?: string;
  contact?: string;
  phone?: string;
  email?: string;
}

type Values = ReadonlyMap<string, CellValue>;

function text(values: Values, key: string): string {
  const v = values.get(key);
  return v === undefined || v === null || isBlank(v) ? '' : cellText(v).trim();
}

const SUMMARY_WIDTHS: Record<string, number> = { serial: 7, unit: 30, name: 12, postName: 22, titleSummary: 29 };

/** The 推荐汇总表 as printed: title, the table of nominees, the footer lines to stamp, the notice's note. */
export function summaryDocument(profile: Profile, rows: readonly Values[], footer: SummaryFooter): PrintDocument {
  const settings = formsSettings(profile);
  const fields = profile.tables.summary?.fields ?? [];
  const header: DocRow = { cells: fields.map((f) => ({ paragraphs: [{ text: f.label, align: 'center', bold: true }], label: true })), header: true };
  const body: DocRow[] = rows.map((v) => ({
    cells: fields.map((f) => ({ paragraphs: [{ text: text(v, f.key), align: f.type === 'serial' || f.key === 'name' ? 'center' : 'left' }] })),
    minHeight: 24,
  }));
  const line = (label: string, value?: string): DocParagraph => ({ text: `${label}：${value ?? ''}` });
  const below: DocParagraph[] = [
    { text: '' },
    line(profile.footer.unit, footer.unit),
    line(profile.footer.contact, footer.contact),
    line(profile.footer.phone, footer.phone),
    line(profile.footer.email, footer.email),
    { text: '（盖章）          年    月    日', align: 'right' },
  ];
  if (settings.summary?.note) below.push({ text: '' }, { text: settings.summary.note, small: true });
  return {
    title: settings.summary?.title ?? fillTitle('{name}推荐汇总表', profile),
    above: [],
    table: { columns: fields.map((f) => SUMMARY_WIDTHS[f.key] ?? 15), rows: [header, ...body] },
    below,
    attachments: [],
  };
}

/** Where and how the notice wants the materials: address, recipient, e-mail, contacts, deadline. */
export function submissionLines(profile: Profile): string[] {
  const s = profile.submission;
  const lines: string[] = [];
  const deadline = profile.deadline ? parseIsoDate(profile.deadline) : undefined;
  if (deadline) lines.push(`截止日期：${formatChineseDate(deadline)}前`);
  if (s.address || s.recipient) lines.push(`纸质材料报送：${[s.address, s.recipient].filter(Boolean).join(' ')}${s.postcode ? `（邮编 ${s.postcode}）` : ''}`);
  if (s.email) lines.push(`电子版发送至：${s.email}`);
  for (const c of s.contacts) lines.push(`${c.topic ? `${c.topic}：` : '联系人：'}${c.name} ${c.phone}`);
  return lines;
}

/** Is a tracked material marked ready in the details ("是", "√", "已提交")? */
function ready(profile: Profile, key: string, values: Values): boolean {
  const field = profile.tables.details?.fields.find((f) => f.key === key);
  const t = text(values, key);
  if (!t) return false;
  return (field && matchOption(field, t) === '是') || /^(是|已提交|已交|齐|有)$/.test(t);
}

/**
 * 报送清单: every paper material per nominee (copies, ticked where the details say it is ready), the materials
 * sent once per unit, the files of this package, and where it all goes.
 */
export function checklistDocument(profile: Profile, nominees: readonly Values[], opts: { unit?: string; files: readonly string[]; date?: SimpleDate }): PrintDocument {
  const perNominee = profile.materials.filter((m) => m.perNominee);
  const once = profile.materials.filter((m) => !m.perNominee);
  const copies = (n?: number) => (n ? `（${n}份）` : '');
  const header: DocRow = {
    cells: [{ paragraphs: [{ text: '序号', align: 'center', bold: true }], label: true }, { paragraphs: [{ text: '姓名', align: 'center', bold: true }], label: true }, ...perNominee.map((m) => ({ paragraphs: [{ text: `${m.label.zh}${copies(m.copies)}`, align: 'center' as const, small: true }], label: true }))],
    header: true,
  };
  const rows: DocRow[] = nominees.map((v, i) => ({
    cells: [
      { paragraphs: [{ text: String(i + 1), align: 'center' }] },
      { paragraphs: [{ text: text(v, 'name'), align: 'center' }] },
      ...perNominee.map((m) => ({ paragraphs: [{ text: m.trackedBy && ready(profile, m.trackedBy, v) ? TICKED : UNTICKED, align: 'center' as const }] })),
    ],
  }));
  const above: DocParagraph[] = [];
  if (opts.unit) above.push({ text: `推荐单位：${opts.unit}` });
  above.push({ text: `被推荐人：${nominees.length} 人。以下材料逐人备齐（□ 处在备齐后打勾；已在申报信息中登记为“是”的已打勾）：` });
  const below: DocParagraph[] = [{ text: '' }, { text: '每个单位报送一次：', bold: true }];
  for (const m of once) below.push({ text: `${UNTICKED} ${m.label.zh}${copies(m.copies)}` });
  below.push({ text: '' }, { text: '本电子邮件包中的文件：', bold: true });
  for (const f of opts.files) below.push({ text: `${UNTICKED} ${f}` });
  const where = submissionLines(profile);
  if (where.length) {
    below.push({ text: '' }, { text: '报送：', bold: true });
    for (const l of where) below.push({ text: l });
  }
  if (opts.date) below.push({ text: '' }, { text: `清单生成日期：${formatChineseDate(opts.date)}`, small: true });
  return {
    title: `${fillTitle('{programme}', profile)}报送清单`,
    above,
    table: { columns: [6, 12, ...perNominee.map(() => 82 / Math.max(1, perNominee.length))], rows: [header, ...rows] },
    below,
    attachments: [],
  };
}

/** Characters Windows and macOS do not allow in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A file or folder name from any text: unsafe characters become "_", at most 80 characters. */
export function safeFileName(s: string): string {
  const t = s.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  return (t || '未命名').slice(0, 80);
}

/** The package's name ("某某区总工会-2024年度“上海工匠”申报材料"), as the profile's `forms.packName` says. */
export function packName(profile: Profile, unit: string | undefined): string {
  const settings = formsSettings(profile);
  return safeFileName(fillTitle(settings.packName, profile).replace(/\{unit\}/g, unit || '推荐单位'));
}

/** The name of a nominee's form file: "01-林晓-申报推荐表.docx". */
export function formFileName(profile: Profile, index: number, name: string): string {
  const title = formsSettingsTitle(profile);
  return safeFileName(`${String(index + 1).padStart(2, '0')}-${name || `第${index + 1}人`}-${title}`) + '.docx';
}

function formsSettingsTitle(profile: Profile): string {
  const t = profile.forms?.application?.title ?? '申报表';
  const m = /(申报[^”"]*表)$/.exec(fillTitle(t, profile));
  return m ? m[1] : '申报表';
}

/** The e-mail to send with the package: recipient, subject, body (plain text, pasted into any mail program). */
export function emailText(profile: Profile, opts: { unit?: string; nominees: readonly string[]; files: readonly string[]; contact?: string; phone?: string }): string {
  const s = profile.submission;
  const subject = packName(profile, opts.unit);
  const lines = [`收件人：${s.email ?? '（通知未写明邮箱，请按通知要求报送）'}`, `主题：${subject}`, '', `${profile.organiser.zh}：`, ''];
  lines.push(`现报送${opts.unit ?? '我单位'}推荐的${fillTitle('{programme}', profile)}申报材料，共 ${opts.nominees.length} 人：${opts.nominees.join('、')}。纸质材料另行报送。`);
  lines.push('', '附件：');
  for (const f of opts.files) lines.push(`  ${f}`);
  if (opts.contact || opts.phone) lines.push('', `联系人：${[opts.contact, opts.phone].filter(Boolean).join(' ')}`);
  if (opts.unit) lines.push(opts.unit);
  return lines.join('\n') + '\n';
}
