/**
 * The sample workbooks shipped in samples/: for each selection programme a clean file (正确) and one with the
 * mistakes people typically make (有问题), each mistake on a different nominee. Built in memory so the tests
 * check exactly what make-samples writes; each sample lists the findings it should produce (rule and cell) and
 * the awkward-but-fine inputs that must produce none.
 */
import { ageAt, formatIsoDate, SimpleDate } from '../core/model/dates';
import { Severity } from '../core/model/findings';
import { builtinProfile } from '../core/profiles/builtin-profiles';
import { EligibilityRule, Profile, TableKind } from '../core/profiles/schema';
import {
  a1,
  buildNominees,
  CellOverride,
  deedsText,
  FakeNominee,
  FooterValues,
  NomineeSpec,
  nominationLayout,
  programmeKind,
  RawCell,
  Rng,
  spiritTextOfLength,
  TextContext,
  withWrongCheckChar,
  writeNominationWorkbook,
  WriteOptions,
} from './fake-nominees';

export interface SampleProgramme {
  id: string;
  /** The date to validate at (--as-of): ages and honour windows are counted here. */
  asOf: SimpleDate;
  /** Who sends the workbook: 推荐单位 (footer and details column) or, for 上海工匠, the 区局（产业）工会/社团. */
  recommender: string;
  contact: string;
  district?: string;
  /** SQC 2024's notice is a traditional-character web copy: title and some headers are written that way. */
  traditional?: boolean;
}

export const SAMPLE_PROGRAMMES: readonly SampleProgramme[] = [
  { id: 'sqc-2025', asOf: { y: 2025, m: 3, d: 1 }, recommender: '上海市浦东新区市场监督管理局', contact: '陈静' },
  { id: 'sqc-2024', asOf: { y: 2024, m: 3, d: 1 }, recommender: '上海电气集团股份有限公司', contact: '周立新', traditional: true },
  { id: 'sh-craftsman-2024', asOf: { y: 2024, m: 7, d: 1 }, recommender: '闵行区总工会', contact: '吴敏' },
  { id: 'qingpu-2018', asOf: { y: 2018, m: 9, d: 1 }, recommender: '青浦区华新镇总工会', contact: '沈佳', district: '青浦区' },
];

export type Variant = '正确' | '有问题';

/** A mistake planted in a sample, and the finding it must produce. */
export interface PlantedFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** Whose row (absent for the footer). */
  nominee?: string;
  /** What was planted, in Chinese, for the README. */
  what: string;
}

export type ToleratedKind =
  | 'mobile-full-width'
  | 'id-lower-x'
  | 'mobile-spaces-dashes'
  | 'header-line-break-note'
  | 'footer-phone-spaces-dashes'
  | 'traditional-header-unit'
  | 'traditional-header-id';

/** An input that looks odd but is fine: no finding may point at this cell. */
export interface ToleratedCell {
  kind: ToleratedKind;
  sheet: string;
  cell: string;
  what: string;
}

export interface BuiltSample {
  programme: SampleProgramme;
  profile: Profile;
  variant: Variant;
  fileName: string;
  bytes: Uint8Array;
  /** Details rows (the summary may hold one more: a nominee missing from the details). */
  nominees: FakeNominee[];
  planted: PlantedFinding[];
  tolerated: ToleratedCell[];
}

const TRADITIONAL_TITLE = '第二屆(2024年度)“上海質量工匠”培養選樹推薦匯總表';
const TRADITIONAL_DETAILS_TITLE = '第二屆(2024年度)“上海質量工匠”申報審批表信息匯總';
const TRADITIONAL_HEADERS = { summary: { unit: '所在單位名稱' }, details: { residentId: '身份證號碼' } };

function profileOf(p: SampleProgramme): Profile {
  const profile = builtinProfile(p.id);
  if (!profile) throw new Error(`unknown programme ${p.id}`);
  return profile;
}

function baseOptions(p: SampleProgramme): WriteOptions {
  const opts: WriteOptions = {
    sheetNames: { summary: '推荐汇总表', details: '申报信息' },
    footer: { unit: p.recommender, contact: p.contact, phone: '021-62345678', email: 'zhanghua@126.com' },
  };
  if (p.traditional) {
    opts.titles = { summary: TRADITIONAL_TITLE, details: TRADITIONAL_DETAILS_TITLE };
    opts.headers = { summary: { ...TRADITIONAL_HEADERS.summary }, details: { ...TRADITIONAL_HEADERS.details } };
  }
  return opts;
}

function nominees(p: SampleProgramme, count: number, seed: string, specs?: (NomineeSpec | undefined)[]): FakeNominee[] {
  const list = buildNominees({ count, seed, programme: p.id, asOf: p.asOf, recommender: p.recommender, district: p.district, specs });
  if (programmeKind(p.id) === 'sh-craftsman') for (const n of list) n.values.unionOrSociety = p.recommender;
  return list;
}

function fileName(p: SampleProgramme, v: Variant): string {
  return `${p.id}-${v}.xlsx`;
}

function rule(profile: Profile, kind: EligibilityRule['kind']): EligibilityRule {
  const r = profile.eligibility.find((x) => x.kind === kind);
  if (!r) throw new Error(`${profile.id} has no ${kind} rule`);
  return r;
}

function textContext(n: FakeNominee, asOf: SimpleDate): TextContext {
  const v = n.values;
  const years = Number(v.workYears);
  return {
    name: n.name,
    trade: String(v.trade),
    product: '关键零部件',
    unit: String(v.unit),
    post: String(v.post),
    years,
    startYear: asOf.y - years,
    birthYear: n.birth.y,
    skill: String(v.skillLevel),
  };
}

const FULL_WIDTH_DIGITS = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The clean sample: every value right, validated at the programme's date: 0 errors, 0 warnings, 0 notes. */
export async function buildCleanSample(p: SampleProgramme): Promise<BuiltSample> {
  const profile = profileOf(p);
  const list = nominees(p, 8, `${p.id}-clean`);
  const bytes = await writeNominationWorkbook(profile, list, baseOptions(p));
  return { programme: p, profile, variant: '正确', fileName: fileName(p, '正确'), bytes, nominees: list, planted: [], tolerated: [] };
}

type Slot =
  | 'checksum'
  | 'idNumber'
  | 'sexMismatch'
  | 'mobile10'
  | 'postcode5'
  | 'excludedHonour'
  | 'spiritLong'
  | 'deedsShort'
  | 'politicsEmpty'
  | 'patent'
  | 'yearsExceed'
  | 'retired'
  | 'honourRule'
  | 'dupId';

/** Number typed into an ID cell: Excel keeps 15 significant digits, the rest become 0. */
export const ID_TYPED_AS_NUMBER = 310101198503070000;

/** The sample with planted mistakes: 12 nominees in the details, each with one mistake, plus tolerated inputs. */
export async function buildProblemSample(p: SampleProgramme): Promise<BuiltSample> {
  const profile = profileOf(p);
  const details = profile.tables.details!;
  const has = (k: string) => details.fields.some((f) => f.key === k);
  const kind = programmeKind(p.id);
  const hasSummary = !!profile.tables.summary;

  const slots: Slot[] = [
    'checksum',
    'idNumber',
    'sexMismatch',
    'mobile10',
    has('homePostcode') ? 'postcode5' : 'excludedHonour',
    has('spirit') ? 'spiritLong' : 'deedsShort',
    'politicsEmpty',
    'patent',
    'yearsExceed',
    'retired',
    'honourRule',
    'dupId',
  ];
  const at = (s: Slot) => slots.indexOf(s);
  const specs: NomineeSpec[] = slots.map(() => ({}));
  specs[at('idNumber')] = { birth: { y: 1985, m: 3, d: 7 }, region: '310101' };
  specs[at('sexMismatch')] = { sex: '男' };
  specs[at('mobile10')] = { wantX: true };
  if (at('postcode5') >= 0) specs[at('postcode5')] = { migrant: true, region: '150102' };
  if (at('excludedHonour') >= 0) specs[at('excludedHonour')] = { innovation: 'patent' };
  specs[at('politicsEmpty')] = { sex: '男' };
  specs[at('dupId')] = { sex: '男' };
  specs[at('retired')] = { sex: '男', birth: { y: p.asOf.y - 63, m: 5, d: 12 } };
  if (kind === 'qingpu') specs[at('honourRule')] = { innovation: 'none' };

  const list = nominees(p, slots.length, `${p.id}-problems`, specs);
  const opts = baseOptions(p);
  const layout0 = nominationLayout(profile, list.length, { ...opts, summaryNominees: hasSummary ? new Array(list.length + 1) : undefined });
  const d = layout0.details!;
  const planted: PlantedFinding[] = [];
  const tolerated: ToleratedCell[] = [];
  const cells: CellOverride[] = [];
  const rng = new Rng(`${p.id}-mistakes`);
  const set = (table: TableKind, index: number, field: string, value: RawCell) => cells.push({ table, index, field, value });
  const cellOf = (index: number, field: string) => a1(d.firstRow + index, d.col[field]);
  const plant = (slot: Slot, ruleId: string, severity: Severity, field: string, what: string) => {
    const i = at(slot);
    planted.push({ rule: ruleId, severity, sheet: d.sheet, cell: cellOf(i, field), nominee: list[i].name, what });
  };
  const tolerate = (kind: ToleratedKind, index: number, field: string, what: string) => tolerated.push({ kind, sheet: d.sheet, cell: cellOf(index, field), what });

  // 1. Check character mistyped.
  {
    const i = at('checksum');
    const wrong = withWrongCheckChar(list[i].residentId);
    set('details', i, 'residentId', wrong);
    plant('checksum', 'id.checksum', 'error', 'residentId', `身份证号码最后一位（校验码）输错：${wrong}（应为 ${list[i].residentId.slice(-1)}）`);
    // Tolerated on the same row: a mobile number typed with full-width digits.
    set('details', i, 'mobile', FULL_WIDTH_DIGITS(String(list[i].values.mobile)));
    tolerate('mobile-full-width', i, 'mobile', `手机号码用全角数字输入：${FULL_WIDTH_DIGITS(String(list[i].values.mobile))}（可以接受）`);
  }
  // 2. ID typed into a General cell: stored as a number, last digits lost.
  set('details', at('idNumber'), 'residentId', ID_TYPED_AS_NUMBER);
  plant('idNumber', 'id.stored-as-number', 'error', 'residentId', `身份证号码被当作数字保存（${ID_TYPED_AS_NUMBER}，单元格显示为 3.10101E+17），后三位已丢失`);
  // 3. 性别 disagrees with the ID's 17th digit.
  set('details', at('sexMismatch'), 'sex', '女');
  plant('sexMismatch', 'id.sex-mismatch', 'error', 'sex', '性别填“女”，但身份证号码第17位是奇数（男）');
  // 4. A digit missing from the mobile number.
  {
    const i = at('mobile10');
    const m = String(list[i].values.mobile).slice(0, 10);
    set('details', i, 'mobile', m);
    plant('mobile10', 'phone.mobile', 'error', 'mobile', `手机号码只有10位：${m}`);
    const lower = list[i].residentId.toLowerCase();
    set('details', i, 'residentId', lower);
    tolerate('id-lower-x', i, 'residentId', `身份证号码末位小写 x：${lower}（可以接受）`);
  }
  // 5a. Postcode typed as a number: the leading 0 of 010010 (呼和浩特) is gone.
  if (at('postcode5') >= 0) {
    const i = at('postcode5');
    list[i].values.homeAddress = '内蒙古自治区呼和浩特市新城区新华大街88号';
    set('details', i, 'homePostcode', 10010);
    plant('postcode5', 'postcode.format', 'error', 'homePostcode', '家庭住址邮编 010010 被当作数字保存成 5 位的 10010');
  }
  // 5b. 青浦: a title that bars the nominee.
  if (at('excludedHonour') >= 0) {
    const i = at('excludedHonour');
    const r = rule(profile, 'honourExcluded');
    list[i].values.honours = `${list[i].values.honours}\n${p.asOf.y - 2}年 上海市总工会 上海市职工技术创新能手`;
    plant('excludedHonour', r.id, r.severity, 'honours', '荣誉中有“上海市职工技术创新能手”（已获此称号者不再参评）');
  }
  // 6a. 工匠精神 over 100 字.
  if (at('spiritLong') >= 0) {
    const i = at('spiritLong');
    set('details', i, 'spirit', spiritTextOfLength(rng, textContext(list[i], p.asOf), 120));
    plant('spiritLong', 'text.too-long', 'error', 'spirit', '对“工匠精神”的理解写了 120 字（限 100 字）');
  }
  // 6b. 青浦: 详细事迹材料 far too short.
  if (at('deedsShort') >= 0) {
    const i = at('deedsShort');
    const text = deedsText(rng, textContext(list[i], p.asOf)).slice(0, 300);
    set('details', i, 'deeds', text);
    plant('deedsShort', 'text.length-off', 'warning', 'deeds', '详细事迹材料只写了约 300 字（要求 1000 字左右）');
  }
  // 7. A required item left empty.
  set('details', at('politicsEmpty'), 'politics', null);
  plant('politicsEmpty', 'field.required', 'error', 'politics', '政治面貌未填写');
  // 8. 是否获得专利 = 否, but 2 invention patents.
  {
    const i = at('patent');
    set('details', i, 'hasPatent', '否');
    set('details', i, 'inventionPatents', 2);
    set('details', i, 'utilityPatents', 0);
    set('details', i, 'designPatents', 0);
    plant('patent', 'patent.contradiction', 'error', 'hasPatent', '“是否获得专利”填“否”，发明专利数却填 2');
    const m = String(list[i].values.mobile);
    const spaced = `${m.slice(0, 3)} ${m.slice(3, 7)}-${m.slice(7)}`;
    set('details', i, 'mobile', spaced);
    tolerate('mobile-spaces-dashes', i, 'mobile', `手机号码中有空格和短横线：${spaced}（可以接受）`);
  }
  // 9. 工作年限: the age typed instead of the years of service.
  {
    const i = at('yearsExceed');
    const age = ageAt(list[i].birth, p.asOf);
    set('details', i, 'workYears', age);
    plant('yearsExceed', 'years.exceeds-age', 'error', 'workYears', `工作年限填了 ${age}（即本人年龄），超过按年龄可能的最大年限 ${age - profile.minWorkingAge}`);
  }
  // 10. A man past retirement age.
  {
    const b = list[at('retired')].birth;
    plant('retired', 'age.retired', 'warning', 'residentId', `男，${b.y}年${b.m}月出生，已过法定退休年龄（60 岁）`);
  }
  // 11. The programme's own honour rule.
  {
    const i = at('honourRule');
    const n = list[i];
    if (kind === 'sqc') {
      const r = rule(profile, 'honourExcluded');
      n.values.honours = `${n.values.honours}\n${p.asOf.y - 3}年 浦东新区总工会 浦东工匠`;
      plant('honourRule', r.id, r.severity, 'honours', '荣誉中有“浦东工匠”（已获评区工匠的原则上不参与申报）');
    } else if (kind === 'sh-craftsman') {
      const r = rule(profile, 'honourRequired');
      n.values.honours = `${p.asOf.y - 2}年 上海市总工会 上海市五一劳动奖章\n${p.asOf.y - 4}年 上海市人力资源和社会保障局 上海市技术能手`;
      plant('honourRule', r.id, r.severity, 'honours', '荣誉中没有任何地区、系统或行业的工匠称号');
    } else if (kind === 'qingpu') {
      const r = rule(profile, 'patentOrAward');
      const award = r.kind === 'patentOrAward' ? r.awardPatterns.map((x) => new RegExp(x, 'i')) : [];
      const matches = (t: string) => award.some((re) => re.test(t.replace(/\s+/g, '')));
      n.values.honours = `${p.asOf.y - 3}年 青浦区总工会 青浦区五一劳动奖章\n${p.asOf.y - 5}年 青浦区华新镇 优秀共产党员`;
      if (matches(String(n.values.honours))) throw new Error('qingpu sample: the honours of the no-award nominee match an award pattern');
      n.values.hasPatent = '否';
      n.values.inventionPatents = 0;
      n.values.utilityPatents = 0;
      n.values.designPatents = 0;
      n.values.deeds = deedsText(new Rng(`${p.id}-deeds`), textContext(n, p.asOf), (t) => matches(String(n.values.honours) + t));
      plant('honourRule', r.id, r.severity, 'hasPatent', '没有专利，荣誉和事迹中也没有区级以上科技创新获奖');
    }
  }
  // 12. The ID of another nominee pasted into this row.
  {
    const i = at('dupId');
    const from = at('politicsEmpty');
    set('details', i, 'residentId', list[from].residentId);
    const maxYears = ageAt(list[from].birth, p.asOf) - 18;
    if (Number(list[i].values.workYears) > maxYears) list[i].values.workYears = maxYears;
    plant('dupId', 'duplicate.id', 'error', 'residentId', `身份证号码与${list[from].name}（第 ${d.firstRow + from + 1} 行）相同（复制粘贴时串行）`);
  }
  // Header with a line break and a note in brackets: still recognised.
  {
    const key = has('spirit') ? 'spirit' : 'deeds';
    const label = details.fields.find((f) => f.key === key)!.label;
    const text = key === 'spirit' ? `${label}\n（100字以内）` : `${label}\n（1000字左右）`;
    opts.headers = { ...opts.headers, details: { ...opts.headers?.details, [key]: text } };
    tolerated.push({ kind: 'header-line-break-note', sheet: d.sheet, cell: a1(d.headerRow, d.col[key]), what: `表头单元格内换行并带说明：“${text.replace('\n', '↵')}”（可以接受）` });
  }

  // Summary: a nominee missing from the details, 序号 1, 2, 4 …, full-width ＠ in the e-mail, a phone with spaces.
  if (hasSummary) {
    const extra = nominees(p, slots.length + 1, `${p.id}-problems`, specs)[slots.length];
    if (list.some((x) => x.name === extra.name)) extra.name = extra.values.name = `${extra.name}明`;
    const summaryNominees = [...list, extra];
    opts.summaryNominees = summaryNominees;
    opts.serials = summaryNominees.map((_, i) => (i < 2 ? i + 1 : i + 2));
    const footer: Partial<FooterValues> = { ...opts.footer, email: 'zhanghua＠126.com', phone: '021-6234 5678' };
    opts.footer = footer;
    const layout = nominationLayout(profile, list.length, opts);
    const s = layout.summary!;
    planted.push({
      rule: 'cross.missing-details',
      severity: 'error',
      sheet: s.sheet,
      cell: a1(s.firstRow + list.length, s.col.name),
      nominee: extra.name,
      what: `汇总表最后一行的“${extra.name}”在申报信息表中没有对应的行`,
    });
    planted.push({
      rule: 'serial.sequence',
      severity: 'warning',
      sheet: s.sheet,
      cell: a1(s.firstRow + 2, s.col.serial),
      nominee: list[2].name,
      what: '序号不连续：1、2、4 ……（漏了 3）',
    });
    planted.push({ rule: 'email.format', severity: 'error', sheet: s.sheet, cell: a1(s.footerRow.email, 0), what: '汇总表下方邮箱用了全角“＠”：zhanghua＠126.com' });
    tolerated.push({ kind: 'footer-phone-spaces-dashes', sheet: s.sheet, cell: a1(s.footerRow.phone, 0), what: '联系电话写成“021-6234 5678”（带短横线和空格，可以接受）' });
    if (p.traditional) tolerated.push({ kind: 'traditional-header-unit', sheet: s.sheet, cell: a1(s.headerRow, s.col.unit), what: '繁体表头“所在單位名稱”（可以接受）' });
  }
  if (p.traditional) tolerated.push({ kind: 'traditional-header-id', sheet: d.sheet, cell: a1(d.headerRow, d.col.residentId), what: '繁体表头“身份證號碼”（可以接受）' });

  opts.cells = cells;
  const bytes = await writeNominationWorkbook(profile, list, opts);
  return { programme: p, profile, variant: '有问题', fileName: fileName(p, '有问题'), bytes, nominees: list, planted, tolerated };
}

export async function buildAllSamples(): Promise<BuiltSample[]> {
  const out: BuiltSample[] = [];
  for (const p of SAMPLE_PROGRAMMES) {
    out.push(await buildCleanSample(p));
    out.push(await buildProblemSample(p));
  }
  return out;
}

/** samples/README.md: what each file is and, for the 有问题 files, what was planted where. */
export function samplesReadme(samples: readonly BuiltSample[]): string {
  const lines: string[] = [];
  lines.push('# 示例工作簿');
  lines.push('');
  lines.push('由 `npm run samples` 生成（`src/samples/make-samples.ts`），人名、单位、身份证号码等均为虚构（身份证号码格式和校验位正确，但不对应任何真实人员）。');
  lines.push('每个项目两份：`正确` 版按下列日期校验应为 0 个错误、0 个警告；`有问题` 版每位被推荐人各埋了一种常见错误，另有几处“看着不规范但可以接受”的写法，不应报错。');
  lines.push('');
  lines.push('```');
  for (const s of samples) {
    if (s.variant !== '正确') continue;
    lines.push(`node bin/jiangxuan.js validate samples/${s.fileName} --as-of ${formatIsoDate(s.programme.asOf)}`);
  }
  lines.push('```');
  lines.push('');
  lines.push('| 文件 | 项目 | 校验日期 | 内容 |');
  lines.push('|---|---|---|---|');
  for (const s of samples) {
    const sheets = [s.profile.tables.summary ? '推荐汇总表' : '', '申报信息'].filter(Boolean).join(' + ');
    const what = s.variant === '正确' ? `${s.nominees.length} 人，全部正确（${sheets}）` : `${s.nominees.length} 人，埋入 ${s.planted.length} 处错误（${sheets}）`;
    lines.push(`| \`${s.fileName}\` | ${s.profile.shortName.zh} | ${formatIsoDate(s.programme.asOf)} | ${what} |`);
  }
  for (const s of samples) {
    if (s.variant !== '有问题') continue;
    lines.push('');
    lines.push(`## ${s.fileName}`);
    lines.push('');
    if (!s.profile.tables.summary) lines.push('该项目没有推荐汇总表，只有申报信息表。');
    if (s.programme.traditional) lines.push('标题和部分表头为繁体字（来自通知的繁体网页版），应能照常识别。');
    if (!s.profile.tables.summary || s.programme.traditional) lines.push('');
    lines.push('| 位置 | 被推荐人 | 埋入的错误 | 应报规则 |');
    lines.push('|---|---|---|---|');
    for (const f of s.planted) lines.push(`| ${f.sheet}!${f.cell} | ${f.nominee ?? '—'} | ${f.what} | \`${f.rule}\`（${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}） |`);
    lines.push('');
    lines.push('可以接受、不应报错的写法：');
    lines.push('');
    for (const t of s.tolerated) lines.push(`- ${t.sheet}!${t.cell}：${t.what}`);
  }
  lines.push('');
  return lines.join('\n');
}
