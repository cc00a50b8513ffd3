/** Files for the forms tests: form sheets typed the way officers type them, Word forms, LibreOffice. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/model/grid';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { applicationForm, formsSettings } from '../../src/core/forms/form-layout';
import { isChoiceField } from '../../src/core/forms/checkboxes';
import { matchOptions } from '../../src/core/rules/options';
import { parseIsoDate } from '../../src/core/model/dates';
import { formDocument } from '../../src/core/forms/form-document';
import { writeDocx } from '../../src/adapters/docx/write-docx';
import { buildNominees, type FakeNominee } from '../../src/samples/fake-nominees';
import { validId } from '../support/grid';

export type Row = (string | number | null)[];

export interface SheetSpec {
  name: string;
  rows: Row[];
  /** "A1:F1" ranges. */
  merges?: string[];
}

/** An .xlsx with the sheets as given (merged ranges applied the way Excel stores them). */
export async function workbookOf(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const ID_LIN = validId('31011019850307123'); // a man born 1985-03-07
export const ID_WANG = validId('31010419900512002'); // a woman born 1990-05-12

/**
 * 林晓's SQC 2025 form as an officer copies it into Excel: merged label cells and value areas, ticks written
 * √ after an option, ■ before one, options spread over cells, the five forces one indicator per row under a
 * force label merged down, the long texts under their labels.
 */
export function officerFormLin(overrides: { id?: string; sex?: string; tackle?: [string, string, string] } = {}): SheetSpec {
  const tackle = overrides.tackle ?? ['■担当重任：牵头攻关', '□协同配合', '□直面难题'];
  const rows: Row[] = [
    ['第三届（2025年度）“上海质量工匠”申报推荐表'],
    ['推荐单位：上海市某某区质量技术监督协会'],
    ['姓名', '林晓', '性别', overrides.sex ?? '男', '手机号码', '13912345678'],
    ['政治面貌', '中共党员', '学历', '大专', '职务', '班组长'],
    ['身份证', overrides.id ?? ID_LIN, null, '是否曾获劳模称号', '全国劳模  上海市劳模√  部劳模  全国五一  否', null],
    ['户籍属性', '□农业户口', '☑非农业户口', '是否外来务工人员', '是  否✓', null],
    ['家庭住址', '上海市杨浦区某某路100弄5号', null, '邮编', '200082', null],
    ['工作单位', '上海某某精密机械有限公司', null, '单位性质', '民营企业', null],
    ['所属行业', '制造业', '工种', '钳工', '工作年限', 18],
    ['单位地址', '上海市宝山区某某路88号', null, '邮编', '201900', null],
    ['身份', '干部  专业技术人员  普通工人✓  职员  其他'],
    ['技能等级', '■高级技师 □技师 □高级工 □中级工 □初级工 □无'],
    ['职称', '□高级职称 □中级职称 □初级职称 ■无'],
    ['引领力', '■勇挑重担：承担大飞机部件装配攻关', null, '实践力', '■技能精湛：全国技能大赛二等奖', null],
    [null, '□追求卓越', null, null, '□巧解疑难', null],
    [null, '■示范带动：带徒12名', null, null, '■持续学习：完成本科学历', null],
    ['创新力', '■业务洞察：提出工艺改进30项', null, '攻关力', tackle[0], null],
    [null, '是否获得专利：■是 □否', null, null, tackle[1], null],
    [null, '发明专利数：1', null, null, tackle[2], null],
    [null, '实用新型专利数：4', null, null, null, null],
    [null, '外观设计专利数：0', null, null, null, null],
    [null, '□价值创造', null, null, null, null],
    ['传承力', '■总结继承：编写“林晓操作法”', null, null, null, null],
    [null, '■培养人才：带教徒弟5名', null, null, null, null],
    [null, '□应用智能', null, null, null, null],
    ['对“工匠精神”的理解（100字以内）'],
    ['精益求精，追求卓越，把每一个零件做到极致。'],
    ['个人自述（500字左右，包括技术特长、社会贡献等）'],
    ['本人从事钳工工作十八年，擅长精密装配。'.repeat(20)],
    ['主要成绩与突出贡献（5000字以内，可附页）'],
    ['主导完成装配工艺攻关，合格率由95%提升到99.6%。'],
    ['曾经获得的荣誉/成果（区级以上）'],
    ['2023年 上海市质量协会 QC小组成果一等奖'],
    ['基层单位意见', '同意推荐。', null, null, null, null],
    ['推荐单位意见', '经审核，同意推荐。', null, null, null, null],
  ];
  const merges = ['A1:F1', 'A2:F2', 'B5:C5', 'E5:F5', 'E6:F6', 'B7:C7', 'E7:F7', 'B8:C8', 'E8:F8', 'B10:C10', 'E10:F10', 'B11:F11', 'B12:F12', 'B13:F13', 'A14:A16', 'D14:D16', 'A17:A22', 'D17:D19', 'A23:A25', 'A26:F26', 'A27:F27', 'A28:F28', 'A29:F29', 'A30:F30', 'A31:F31', 'A32:F32', 'A33:F33', 'B34:F34', 'B35:F35'];
  for (let r = 14; r <= 25; r++) merges.push(`B${r}:C${r}`);
  for (let r = 14; r <= 19; r++) merges.push(`E${r}:F${r}`);
  return { name: '林晓', rows, merges };
}

/** A second officer's style: labels above their values in pairs of rows, ticks written 是 after an option. */
export function officerFormWang(): SheetSpec {
  const rows: Row[] = [
    ['第三届（2025年度）“上海质量工匠”申报推荐表'],
    ['推荐单位', '上海市某某区质量技术监督协会'],
    ['姓名', '性别', '手机号码', '政治面貌', '学历', '职务'],
    ['王芳', '女', '13812345678', '群众', '本科', '质量主管'],
    ['身份证', '是否曾获劳模称号', '户籍属性', '是否外来务工人员', '邮编', '工作年限'],
    [ID_WANG, '否', '非农业户口 是', '否', '200433', 12],
    ['家庭住址', '上海市杨浦区某某路9号', '单位地址', '上海市杨浦区某某路1号', '邮编', '200433'],
    ['工作单位', '上海某某检测有限公司', '单位性质', '国有企业', '所属行业', '检验检测'],
    ['工种', '质量检验员', '身份', '专业技术人员', '技能等级', '技师'],
    ['职称', '中级职称'],
    ['勇挑重担', '负责进口设备国产化验证'],
    ['追求卓越', '以零缺陷为目标'],
    ['技能精湛', '省级技能竞赛一等奖'],
    ['业务洞察', '识别潜在质量风险'],
    ['是否获得专利', '否'],
    ['担当重任', '参与重点工程'],
    ['培养人才', '带教徒弟3名'],
    ['对“工匠精神”的理解（100字以内）', '严谨细致，一丝不苟。'],
    ['个人自述', '本人从事质量检验工作十二年。'.repeat(30)],
    ['主要成绩与突出贡献', '建立检验标准作业指导书。'],
    ['曾经获得的荣誉/成果', '2024年 上海市市场监督管理局 质量提升优秀案例'],
    ['基层单位意见', '同意推荐。'],
    ['推荐单位意见', '同意推荐。'],
  ];
  return { name: '王芳', rows, merges: ['A1:F1'] };
}

/** One nominee's filled form as a Word document, printed by Jiangxuan in the programme's layout. */
export async function wordForm(programme: string, nominee: FakeNominee | Map<string, CellValue>): Promise<Uint8Array> {
  const profile = builtinProfile(programme)!;
  const values = nominee instanceof Map ? nominee : new Map(Object.entries(nominee.values));
  const name = String(values.get('name') ?? '');
  return writeDocx(formDocument(applicationForm(profile), values, { attachAbove: formsSettings(profile).attachAbove, nominee: name }).document);
}

/** Fake nominees of a programme, their ages counted at its deadline (when the forms are checked). */
export function nomineesOf(programme: string, count: number, seed = 'forms'): FakeNominee[] {
  const deadline = builtinProfile(programme)!.deadline;
  return buildNominees({ count, programme, seed, asOf: deadline ? parseIsoDate(deadline) : undefined });
}

/**
 * The values a details row of the nominee holds for the programme's form (what a form can carry). A choice
 * typed another way (上海市劳模 where the notice prints 上海劳模) is printed, and so read back, as the notice's option.
 */
export function formValues(programme: string, n: FakeNominee): Map<string, string | null> {
  const layout = applicationForm(builtinProfile(programme)!);
  const out = new Map<string, string | null>();
  for (const i of layout.items) {
    const v = n.values[i.field.key];
    const text = v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();
    const choice = text !== null && isChoiceField(i.field) ? matchOptions(i.field, text) : undefined;
    out.set(i.field.key, choice && choice.unknown.length === 0 ? choice.values.join('、') : text);
  }
  return out;
}

export function findSoffice(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : undefined;
}

export interface RenderedPdf {
  pages: number;
  /** Page size in points, e.g. "595.32 x 841.92". */
  size: string;
  /** Each page's text. */
  text: string[];
}

/** Renders .docx files to PDF with LibreOffice headless and reads them back with poppler (pdfinfo, pdftotext). */
export function renderPdfs(soffice: string, docs: readonly { name: string; bytes: Uint8Array }[]): Map<string, RenderedPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-forms-pdf-'));
  try {
    mkdirSync(join(dir, 'in'));
    for (const d of docs) writeFileSync(join(dir, 'in', d.name), d.bytes);
    const env = { ...process.env, HOME: dir };
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...docs.map((d) => join(dir, 'in', d.name))], { env, stdio: 'pipe', timeout: 300000 });
    const out = new Map<string, RenderedPdf>();
    for (const d of docs) {
      const pdf = join(dir, 'out', d.name.replace(/\.docx$/, '.pdf'));
      if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${d.name}: is LibreOffice Writer installed (apt-get install libreoffice-writer)?`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      const size = /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)![1];
      const text: string[] = [];
      for (let p = 1; p <= pages; p++) text.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
      out.set(d.name, { pages, size, text });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
