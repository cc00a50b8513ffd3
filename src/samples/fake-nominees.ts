/**
 * Deterministic synthetic nominees (seeded PRNG, never Math.random) and a writer that lays them out the way
 * the programmes' forms do: a 推荐汇总表 sheet (title, header, rows, stamped-footer lines) and a details sheet
 * with one column per field of the profile's details table.
 *
 * Everything here is fake: names are drawn from common surnames and given-name characters, units are made-up
 * company names, resident IDs are well-formed (real region codes, real birth dates, correct check character)
 * but belong to nobody.
 */
import ExcelJS from 'exceljs';
import { residentIdCheckChar } from '../core/checks/resident-id';
import { countChars } from '../core/checks/text-length';
import { ageAt, daysInMonth, SimpleDate } from '../core/model/dates';
import { builtinProfile } from '../core/profiles/builtin-profiles';
import { FieldSpec, Profile, TableKind } from '../core/profiles/schema';
import { cellAddress } from '../core/model/grid';
import { dosDate, stampZipEntries } from '../adapters/exceljs/ooxml/zip';

// ------------------------------------------------------------------ PRNG

/** mulberry32: small, fast, good enough for test data; the same seed always gives the same sequence. */
export class Rng {
  private state: number;
  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }
  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// ------------------------------------------------------------------ reference data

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '沈', '姚', '卢', '姜', '钟', '陆', '汪', '范', '金', '顾', '倪', '施', '钱',
  '严', '龚', '邵', '孔', '汤', '戴', '欧阳', '司马',
];
const GIVEN_MALE = '伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林峰建国志军文博晨阳海东春雷立新振江亮晓';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩秀兰萍红梅莉晶璐佳悦欣怡蕾薇晓丹青雯蓉琴瑶嘉';

interface District {
  name: string;
  /** GB/T 2260 county-level code used as the first 6 digits of IDs. */
  code: string;
  postcodes: string[];
  roads: string[];
}

/** Shanghai districts with real region codes and real 200xxx / 201xxx postcodes; road names are common ones. */
export const DISTRICTS: readonly District[] = [
  { name: '黄浦区', code: '310101', postcodes: ['200001', '200011', '200021'], roads: ['西藏中路', '河南南路', '制造局路'] },
  { name: '徐汇区', code: '310104', postcodes: ['200030', '200031', '200233'], roads: ['漕溪北路', '宜山路', '龙华中路'] },
  { name: '长宁区', code: '310105', postcodes: ['200050', '200335', '200051'], roads: ['延安西路', '天山路', '仙霞路'] },
  { name: '静安区', code: '310106', postcodes: ['200040', '200072', '200070'], roads: ['共和新路', '江场路', '万荣路'] },
  { name: '普陀区', code: '310107', postcodes: ['200062', '200333', '200331'], roads: ['曹杨路', '真北路', '金沙江路'] },
  { name: '虹口区', code: '310109', postcodes: ['200080', '200081', '200434'], roads: ['四平路', '广中路', '东江湾路'] },
  { name: '杨浦区', code: '310110', postcodes: ['200082', '200433', '200093'], roads: ['军工路', '黄兴路', '国权路'] },
  { name: '闵行区', code: '310112', postcodes: ['201100', '201108', '201109'], roads: ['剑川路', '江川路', '莘庄工业区春中路'] },
  { name: '宝山区', code: '310113', postcodes: ['201900', '200940', '201999'], roads: ['富锦路', '牡丹江路', '月罗公路'] },
  { name: '嘉定区', code: '310114', postcodes: ['201800', '201805', '201821'], roads: ['安亭镇墨玉路', '叶城路', '兴贤路'] },
  { name: '浦东新区', code: '310115', postcodes: ['200120', '201203', '201210'], roads: ['张江路', '金海路', '川沙路'] },
  { name: '金山区', code: '310116', postcodes: ['201500', '201508', '201512'], roads: ['龙胜路', '亭卫公路', '金山大道'] },
  { name: '松江区', code: '310117', postcodes: ['201600', '201612', '201613'], roads: ['九亭中心路', '新飞路', '荣乐东路'] },
  { name: '青浦区', code: '310118', postcodes: ['201700', '201702', '201799'], roads: ['外青松公路', '华新镇华腾路', '崧泽大道'] },
  { name: '奉贤区', code: '310120', postcodes: ['201400', '201401', '201499'], roads: ['南桥镇环城东路', '金海公路', '望园路'] },
];

/** Region codes of other provinces, for workers who moved to Shanghai (外来务工人员). */
const MIGRANT_REGIONS: readonly { code: string; home: string; postcode: string }[] = [
  { code: '340102', home: '安徽省合肥市瑶海区长江东路', postcode: '230011' },
  { code: '320382', home: '江苏省邳州市运河镇建设路', postcode: '221300' },
  { code: '411302', home: '河南省南阳市宛城区新华东路', postcode: '473000' },
  { code: '362201', home: '江西省宜春市袁州区宜阳大道', postcode: '336000' },
];

interface Sector {
  industry: string;
  cores: string[];
  trades: string[];
  posts: string[];
  products: string[];
  groupName: string;
  natures: string[];
  /** trades[i] goes with cores[i] (a food company has food inspectors, not pattern makers). */
  tradeByCore?: boolean;
}

const SECTORS: readonly Sector[] = [
  { industry: '集成电路', cores: ['微电子', '半导体', '芯源电子'], trades: ['半导体芯片制造工', '集成电路工程技术人员', '电子设备装接工'], posts: ['工艺工程师', '质量工程师', '设备主管'], products: ['12英寸晶圆', '功率器件', '芯片封装'], groupName: '计算机通信', natures: ['民营企业', '外资企业', '国有企业'] },
  { industry: '生物医药', cores: ['生物医药', '制药', '生物技术'], trades: ['化学检验员', '药物制剂工', '生化药品制造工'], posts: ['质量主管', 'QC组长', '车间副主任'], products: ['无菌制剂', '原料药', '疫苗'], groupName: '医药', natures: ['国有企业', '民营企业', '中外合资企业'] },
  { industry: '汽车', cores: ['汽车零部件', '汽车制造', '汽车电子'], trades: ['装配钳工', '汽车装调工', '焊工'], posts: ['班组长', '质量工程师', '工段长'], products: ['新能源汽车电驱系统', '车身焊装总成', '制动系统'], groupName: '冶金、机械和电气', natures: ['中外合资企业', '国有企业', '民营企业'] },
  { industry: '高端装备', cores: ['精密机械', '智能装备', '重型机械'], trades: ['数控车工', '加工中心操作工', '钳工'], posts: ['班组长', '首席技师', '技术主管'], products: ['大型齿轮箱', '精密主轴', '核电设备部件'], groupName: '冶金、机械和电气', natures: ['国有企业', '民营企业'] },
  { industry: '电子信息', cores: ['电子科技', '通信设备', '仪表'], trades: ['电子设备装接工', '仪器仪表维修工', '无线电调试工'], posts: ['质量主管', '班组长', '测试工程师'], products: ['通信基站模块', '智能电表', '工业传感器'], groupName: '仪电', natures: ['国有企业', '民营企业', '外资企业'] },
  { industry: '先进材料', cores: ['新材料', '特种钢材', '复合材料'], trades: ['化学检验员', '炉外精炼工', '材料成型工'], posts: ['检验组长', '工艺工程师', '车间副主任'], products: ['高强度汽车板', '碳纤维复合材料', '特种合金'], groupName: '冶金、机械和电气', natures: ['国有企业', '民营企业'] },
  { industry: '建筑业', cores: ['建设工程', '建工', '市政工程'], trades: ['测量员', '钢筋工', '混凝土工'], posts: ['项目质量经理', '施工员', '技术主管'], products: ['超高层建筑', '地下综合管廊', '装配式构件'], groupName: '土木建筑', natures: ['国有企业', '民营企业'] },
  { industry: '交通运输', cores: ['轨道交通', '城市交通', '港务'], trades: ['城轨车辆检修工', '汽车维修工', '起重装卸机械操作工'], posts: ['班组长', '技术主管', '检修工程师'], products: ['地铁车辆转向架', '港口起重机', '公交车辆'], groupName: '交通运输', natures: ['国有企业'] },
  { industry: '时尚消费品', cores: ['食品', '日化', '服饰'], trades: ['食品检验员', '化妆品配方师', '服装制版师'], posts: ['质量主管', '研发主管', '班组长'], products: ['乳制品', '洗护用品', '功能性面料'], groupName: '工艺设计', natures: ['民营企业', '国有企业', '外资企业'], tradeByCore: true },
  { industry: '电力', cores: ['电力', '供电', '能源'], trades: ['变电运维工', '电工', '继电保护员'], posts: ['班组长', '运维主管', '技术主管'], products: ['220千伏变电站', '配电网', '储能电站'], groupName: '冶金、机械和电气', natures: ['国有企业'] },
];

const UNIT_PREFIXES = ['申', '沪', '浦江', '东海', '华申', '申联', '新沪', '金桥', '漕河泾', '临港', '江南', '申达', '海湾', '宏申', '中沪', '远东'];
const UNIT_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司'];
const POLITICS = ['中共党员', '中共党员', '中共党员', '群众', '群众', '共青团员', '中共预备党员', '民盟盟员', '九三学社社员'];
const EDUCATION_WORKER = ['中专', '技校', '高中', '大专', '大专', '本科'];
const EDUCATION_PRO = ['本科', '本科', '硕士研究生', '大专'];
const UNIONS = ['浦东新区总工会', '闵行区总工会', '上海电气集团工会', '上海华谊集团工会', '宝武集团中国宝武工会', '上海市建设交通工作党委工会', '上海仪电集团工会', '上海医药集团工会', '上海市质量协会'];

/** The date ages are counted at when nothing else is said: SQC 2025's reference date. */
export const DEFAULT_AGE_REFERENCE: SimpleDate = { y: 2025, m: 3, d: 1 };

// ------------------------------------------------------------------ nominees

/** A raw cell value as written to the workbook (numbers stay numbers: IDs typed as numbers are a mistake). */
export type RawCell = string | number | boolean | null;

export interface FakeNominee {
  name: string;
  sex: '男' | '女';
  birth: SimpleDate;
  /** 18 characters, correct check character, upper-case X. */
  residentId: string;
  /** Field key (fields.json) → the value written under that field's column. */
  values: Record<string, RawCell>;
}

/** Per-nominee wishes (the n-th spec applies to the n-th nominee). */
export interface NomineeSpec {
  sex?: '男' | '女';
  birth?: SimpleDate;
  /** 6-digit region code for the ID. */
  region?: string;
  /** An ID whose check character is X. */
  wantX?: boolean;
  /** A worker from another province (外来务工人员): ID and home address outside Shanghai. */
  migrant?: boolean;
  /** Qingpu: 'patent' (是获得专利), 'award' (district-level innovation award in the honours), or 'none'. */
  innovation?: 'patent' | 'award' | 'none';
}

export interface BuildNomineesOptions {
  count: number;
  seed?: number | string;
  /**
   * The programme the nominees are written for (profile id): shapes honours (SQC: recent quality honours, no
   * district craftsman title; 上海工匠: a local craftsman title; 青浦: a patent or district-level innovation award)
   * and enumerations (options come from the profile's fields).
   */
  programme?: string;
  /** Ages (28–55; women up to 48, so nobody is near retirement) and honour years are counted at this date. */
  asOf?: SimpleDate;
  /** Recommending unit written in the 推荐单位 column. */
  recommender?: string;
  /** Restrict units and home addresses to one district (e.g. 青浦区 for the Qingpu programme). */
  district?: string;
  specs?: (NomineeSpec | undefined)[];
}

/** A resident ID with a correct check character; the 17th digit is odd for men. */
export function makeResidentId(region: string, birth: SimpleDate, sex: '男' | '女', rng: Rng, wantX = false): string {
  for (let attempt = 0; attempt < 400; attempt++) {
    const seq2 = rng.digits(2);
    const sexDigit = sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
    const first17 = region + ymd(birth) + seq2 + String(sexDigit);
    const check = residentIdCheckChar(first17);
    if (!wantX || check === 'X') return first17 + check;
  }
  throw new Error('could not make an ID with check character X');
}

/** The same ID with a different, wrong check character (a mistyped last digit). */
export function withWrongCheckChar(id: string): string {
  const right = id[17];
  const wrong = right === '9' ? '3' : right === 'X' ? '7' : String((Number(right) + 3) % 10);
  return id.slice(0, 17) + wrong;
}

function ymd(d: SimpleDate): string {
  return `${d.y}${String(d.m).padStart(2, '0')}${String(d.d).padStart(2, '0')}`;
}

function randomBirth(rng: Rng, asOf: SimpleDate, minAge: number, maxAge: number): SimpleDate {
  for (;;) {
    const y = asOf.y - rng.int(minAge, maxAge + 1);
    const m = rng.int(1, 12);
    const d = rng.int(1, daysInMonth(y, m));
    const b = { y, m, d };
    const age = ageAt(b, asOf);
    if (age >= minAge && age <= maxAge) return b;
  }
}

function makeName(rng: Rng, sex: '男' | '女', taken: Set<string>): string {
  const pool = sex === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  for (;;) {
    const surname = rng.pick(SURNAMES);
    const given = rng.chance(surname.length > 1 ? 0.3 : 0.72) ? rng.pick([...pool]) + rng.pick([...pool]) : rng.pick([...pool]);
    const name = surname + given;
    if (given.length === 2 && given[0] === given[1] && rng.chance(0.7)) continue;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function makeMobile(rng: Rng): string {
  return '1' + rng.pick(['3', '3', '5', '5', '7', '8', '8', '9']) + rng.digits(9);
}

function unitName(rng: Rng, sector: Sector, taken: Set<string>): { name: string; core: number } {
  for (let i = 0; ; i++) {
    const core = rng.int(0, sector.cores.length - 1);
    const name = `上海${rng.pick(UNIT_PREFIXES)}${sector.cores[core]}${rng.pick(UNIT_SUFFIXES)}`;
    if (!taken.has(name) || i > 20) {
      taken.add(name);
      return { name, core };
    }
  }
}

function address(rng: Rng, d: District): string {
  const road = rng.pick(d.roads);
  return rng.chance(0.5) ? `上海市${d.name}${road}${rng.int(1, 1999)}号` : `上海市${d.name}${road}${rng.int(1, 999)}弄${rng.int(1, 120)}号${rng.int(1, 6)}0${rng.int(1, 4)}室`;
}

function optionsOf(profile: Profile | undefined, key: string, fallback: string[]): string[] {
  const f = profile && (Object.values(profile.tables).flatMap((t) => t!.fields) as FieldSpec[]).find((x) => x.key === key);
  return f?.options ?? fallback;
}

/** Honour lines "2023年 上海市质量协会 QC小组成果一等奖" shaped by the programme's eligibility rules. */
export function makeHonours(rng: Rng, kind: ProgrammeKind, asOf: SimpleDate, ctx: { district: string; sector: Sector; innovation?: 'patent' | 'award' | 'none' }): string {
  const recent = () => asOf.y - rng.int(1, 2);
  const older = () => asOf.y - rng.int(3, 8);
  const lines: string[] = [];
  const qualityHonours = [
    (y: number) => `${y}年 上海市质量协会 QC小组成果一等奖`,
    (y: number) => `${y}年 上海市质量协会 上海市质量管理小组活动优秀成果`,
    (y: number) => `${y}年 中国质量协会 全国优秀质量管理小组`,
    (y: number) => `${y}年 上海市市场监督管理局 上海市质量创新成果二等奖`,
    (y: number) => `${y}年 中国${ctx.sector.industry === '建筑业' ? '施工企业管理协会' : '机械工业质量管理协会'} 质量信得过班组`,
  ];
  const district = ctx.district.replace(/新区$|区$/, '');
  const others = [
    (y: number) => `${y}年 上海市总工会 上海市五一劳动奖章`,
    (y: number) => `${y}年 ${ctx.district}总工会 ${ctx.district}职工技术创新能手`,
    (y: number) => `${y}年 上海市人力资源和社会保障局 上海市技术能手`,
    (y: number) => `${y}年 ${ctx.district}人民政府 ${ctx.district}先进工作者`,
    (y: number) => `${y}年 上海市总工会 上海市职工合理化建议优秀成果奖`,
  ];
  if (kind === 'sqc') {
    lines.push(rng.pick(qualityHonours)(recent()));
    if (rng.chance(0.6)) lines.push(rng.pick(qualityHonours)(older()));
    lines.push(rng.pick(others)(older()));
  } else if (kind === 'sh-craftsman') {
    const titles = [`${district}工匠`, `${ctx.district}工匠`, '上海质量工匠', `${ctx.sector.industry}行业工匠`, '上海电气工匠', '上海建工工匠'];
    lines.push(`${asOf.y - rng.int(1, 3)}年 ${rng.pick(titles)}`);
    lines.push(rng.pick(others)(older()));
    if (rng.chance(0.5)) lines.push(rng.pick(qualityHonours)(recent()));
  } else if (kind === 'qingpu') {
    if (ctx.innovation !== 'none') {
      const awards = [
        (y: number) => `${y}年 青浦区职工技术创新成果评选 一等奖`,
        (y: number) => `${y}年 青浦区科技进步奖 三等奖`,
        (y: number) => `${y}年 上海市职工技术创新成果 优秀奖`,
        (y: number) => `${y}年 上海市优秀发明选拔赛 金奖`,
      ];
      if (ctx.innovation === 'award' || rng.chance(0.5)) lines.push(rng.pick(awards)(asOf.y - rng.int(1, 4)));
    }
    lines.push(`${asOf.y - rng.int(1, 6)}年 ${ctx.district}总工会 ${ctx.district}五一劳动奖章`);
    if (rng.chance(0.5)) lines.push(`${asOf.y - rng.int(2, 8)}年 上海市人力资源和社会保障局 上海市技术能手`);
  } else {
    lines.push(rng.pick(others)(older()));
  }
  return lines.join('\n');
}

export type ProgrammeKind = 'sqc' | 'sh-craftsman' | 'qingpu' | 'other';

export function programmeKind(id: string | undefined): ProgrammeKind {
  if (!id) return 'other';
  if (id.startsWith('sqc-') && !id.includes('cultivation')) return 'sqc';
  if (id.startsWith('sh-craftsman')) return 'sh-craftsman';
  if (id.startsWith('qingpu')) return 'qingpu';
  return 'other';
}

// ------------------------------------------------------------------ texts

function fill(template: string, v: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
}

const SPIRIT = [
  '工匠精神就是把每一道工序做到极致，对质量零容忍，对细节不放过。',
  '在我看来，工匠精神是执着专注、精益求精、一丝不苟、追求卓越。',
  '干一行、爱一行、钻一行，用{years}年的坚守把{trade}这门手艺做精做细。',
  '质量是企业的生命，工匠精神就是守住质量底线、不断突破技术上限。',
  '它既是对产品负责，也是对用户负责，更是把经验传给下一代的责任。',
  '工匠精神不是墨守成规，而是在传承中创新，用数据和标准说话。',
  '每一个零件都关系到整机的可靠，每一次检测都关系到用户的安全。',
];

const SPECIALTY = [
  '本人长期扎根{trade}岗位，熟练掌握{product}生产全过程的关键工艺，能够独立处理各类复杂质量问题。',
  '在{product}关键尺寸控制方面积累了丰富经验，总结的“三查两比一记录”检验法在车间全面推广。',
  '擅长运用QC七大手法、六西格玛和统计过程控制等质量工具，主导完成质量改进课题{n}项。',
  '熟悉国家和行业标准，参与编制企业标准和作业指导书{n}份，使岗位操作有章可循。',
  '能够熟练使用三坐标测量仪、光谱分析仪等精密检测设备，对异常数据具有敏锐的判断力。',
  '坚持每天记录工作日志，把遇到的每一个问题和解决办法整理成案例，形成了个人的技术笔记。',
  '近年来积极学习数字化技能，将大数据分析应用于设备点检和质量预警，提前发现隐患。',
];
const CONTRIBUTION = [
  '所在班组连续{y}年实现零质量事故，被评为公司优秀班组，本人发挥了骨干作用。',
  '先后带教徒弟{n}名，其中多人取得技师、高级工职业资格，成为生产一线的骨干力量。',
  '积极参加“高师带徒”和职工技能竞赛活动，多次担任公司技能比武裁判和培训讲师。',
  '利用业余时间参加志愿服务，走进中小企业开展质量诊断，帮助解决现场工艺难题。',
  '主动承担急难险重任务，在设备突发故障时连续奋战，保障了重点订单按期交付。',
  '注重把个人经验转化为团队能力，组织编写岗位培训教材，受训职工累计{m}人次。',
];
const ACH_LEAD = ['牵头', '作为技术骨干参与', '带领班组完成', '主持', '负责组织'];
const ACH_PROJECT = [
  '{product}关键工序质量攻关',
  '{product}生产线工艺优化',
  '“降低{product}不良率”QC课题',
  '新一代{product}试制和量产爬坡',
  '进口检测设备国产化替代',
  '{product}数字化质量追溯系统建设',
  '关键设备预防性维护体系建设',
];
const ACH_METHOD = [
  '运用鱼骨图和正交试验找出影响质量的主要因素',
  '采用统计过程控制对关键参数实时监控',
  '借助数字化检测手段建立质量数据库',
  '编制标准作业指导书并组织全员培训',
  '联合设计、工艺和供应商开展跨部门协同攻关',
  '通过失效模式分析提前识别风险点',
];
const ACH_RESULT = [
  '使一次交检合格率由{p1}%提升到{p2}%',
  '年节约成本约{n}万元',
  '生产周期缩短{q}%',
  '客户投诉同比下降{q}%',
  '设备综合效率提高{q}个百分点',
  '形成企业标准{k}项并在集团内推广',
];
const ACH_TAIL = [
  '该成果获得公司质量改进成果一等奖，并在同行业企业中交流推广。',
  '相关经验被总结为班组标准化作业案例，纳入公司培训课程。',
  '项目成果通过了用户现场审核，为企业赢得了后续订单。',
  '这一做法后来被推广到其他车间，取得了良好的经济效益和社会效益。',
];

const INDICATOR_TEXTS: Record<string, string[]> = {
  lead1: ['牵头承担{product}关键质量攻关任务', '主动承担急难险重的抢修和试制任务', '担任{project}项目现场负责人'],
  lead2: ['产品一次合格率连续{y}年保持在99%以上', '对标国际先进水平持续改进工艺', '以零缺陷为目标开展质量改进'],
  lead3: ['带领班组获评公司优秀班组', '在公司技能竞赛中获第一名并带动全组参赛', '个人操作法在车间全面推广'],
  prac1: ['熟练掌握{trade}全部操作技能，具备{skill}水平', '能独立完成{product}高精度加工与检测', '精通{product}质量检测和数据分析'],
  prac2: ['解决{product}表面缺陷难题', '攻克设备振动导致的尺寸超差问题', '破解困扰多年的批次性质量波动难题'],
  pracResults: ['近三年完成生产任务均超计划{q}%', '负责的产品线交付准时率100%', '主导的改进项目年创效{n}万元'],
  prac3: ['持续学习数字化质量工具并取得相关证书', '参加质量工程师继续教育并结业', '自学统计分析软件应用于日常工作'],
  innov1: ['发现工艺瓶颈并提出改进方案{k}项', '从客户投诉中识别潜在质量风险', '提出合理化建议{n}条，采纳{k}条'],
  innov2: ['改进成果年节约成本{n}万元', '创新项目提高生产效率{q}%', '技改成果降低能耗{q}%'],
  tack1: ['承担{product}国产化攻关中的关键工序', '参与重点工程关键部件制造', '担任质量攻关小组组长'],
  tack2: ['与设计、工艺、供应商协同解决质量问题', '跨部门组建攻关团队完成技术难题', '配合研发部门完成新品试制'],
  tack3: ['直面{product}长期存在的质量难题并彻底解决', '在设备突发故障时带队抢修', '主动认领高难度攻关课题'],
  pass1: ['总结提炼“{surname}师傅操作法”', '编写岗位作业指导书{k}份', '整理典型质量问题案例集'],
  pass2: ['带教徒弟{k}名，其中{k2}人成为技师', '担任公司内训讲师，累计授课{n}学时', '指导青年职工获得技能竞赛奖项'],
  pass3: ['将大数据分析应用于质量预警', '推动检测数据自动采集和在线判定', '参与建设数字化质量追溯平台'],
};

/** What identifies a sentence's template: its opening words (achievement sentences open with a year, so more). */
function sentenceKey(s: string): string {
  return /^\d/.test(s) ? s.slice(0, 14) : s.slice(0, 6);
}

/**
 * Sentences until the text has at least min 字 without exceeding max (whitespace does not count). A sentence
 * already used is skipped at first; only when the pool runs dry may one repeat.
 */
function compose(rng: Rng, parts: () => string, min: number, max: number, prefix = ''): string {
  let text = prefix;
  for (let guard = 0; guard < 800 && countChars(text) < min; guard++) {
    const s = parts();
    if (countChars(text + s) > max) continue;
    if (guard < 500 && text.includes(sentenceKey(s))) continue;
    text += s;
  }
  return text.slice(prefix.length);
}

export interface TextContext {
  name: string;
  trade: string;
  product: string;
  unit: string;
  post: string;
  years: number;
  startYear: number;
  birthYear: number;
  skill: string;
}

function textVars(rng: Rng, c: TextContext): Record<string, string | number> {
  const p1 = rng.int(85, 95) + rng.int(0, 9) / 10;
  return {
    ...c,
    n: rng.int(3, 60),
    y: rng.int(2, Math.max(2, Math.min(c.years, 10))),
    m: rng.int(200, 2000),
    k: rng.int(2, 9),
    k2: rng.int(1, 3),
    q: rng.int(8, 35),
    p1,
    p2: Math.min(99.9, Math.round((p1 + rng.int(3, 9)) * 10) / 10),
    surname: c.name.slice(0, 1),
    project: rng.pick(ACH_PROJECT).replace('{product}', c.product),
  };
}

/** 对“工匠精神”的理解: 40–100 字. */
export function spiritText(rng: Rng, c: TextContext): string {
  const t = compose(rng, () => fill(rng.pick(SPIRIT), textVars(rng, c)), 60, 100);
  return t || fill(SPIRIT[0], textVars(rng, c));
}

/** A 工匠精神 text of exactly n 字 (for the "too long" mistake). */
export function spiritTextOfLength(rng: Rng, c: TextContext, n: number): string {
  let t = '';
  while (countChars(t) < n + 10) t += fill(rng.pick(SPIRIT), textVars(rng, c));
  return [...t].slice(0, n - 1).join('') + '。';
}

/** 个人自述: about 500 字 (470–560). */
export function selfStatementText(rng: Rng, c: TextContext): string {
  const intro = `本人${c.name}，${c.birthYear}年出生，${c.startYear}年参加工作，现在${c.unit}从事${c.trade}工作，担任${c.post}。`;
  return intro + compose(rng, () => fill(rng.pick(rng.chance(0.5) ? SPECIALTY : CONTRIBUTION), textVars(rng, c)), 470, 560, intro);
}

function achievementSentence(rng: Rng, c: TextContext): string {
  const v = textVars(rng, c);
  const year = c.startYear + rng.int(Math.max(1, Math.floor(c.years / 3)), Math.max(1, c.years));
  const [r1, r2] = rng.shuffle(ACH_RESULT);
  const s = `${year}年，${rng.pick(ACH_LEAD)}${fill(rng.pick(ACH_PROJECT), v)}，${rng.pick(ACH_METHOD)}，${fill(r1, v)}，${fill(r2, v)}。`;
  return rng.chance(0.35) ? s + rng.pick(ACH_TAIL) : s;
}

/** 主要成绩与突出贡献: about 1500 字 (≤ 5000). */
export function achievementsText(rng: Rng, c: TextContext, target = 1500): string {
  const heads = ['一、立足岗位，攻坚克难', '二、创新驱动，提质增效', '三、传承技艺，培育人才'];
  const per = Math.round(target / heads.length);
  return heads
    .map((h, i) => {
      const body = compose(rng, () => (i === 2 && rng.chance(0.5) ? fill(rng.pick(CONTRIBUTION), textVars(rng, c)) : achievementSentence(rng, c)), per - 40, per + 80);
      return `${h}\n${body}`;
    })
    .join('\n');
}

/** 详细事迹材料 (青浦): about 1000 字 (900–1150); sentences for which `avoid` is true are left out. */
export function deedsText(rng: Rng, c: TextContext, avoid?: (text: string) => boolean): string {
  const intro = `${c.name}同志${c.startYear}年参加工作，现为${c.unit}${c.post}。`;
  let text = intro;
  for (let guard = 0; guard < 600 && countChars(text) < 900; guard++) {
    const s = rng.chance(0.6) ? achievementSentence(rng, c) : fill(rng.pick(rng.chance(0.5) ? SPECIALTY : CONTRIBUTION), textVars(rng, c));
    const next = text + s;
    if (countChars(next) > 1150) continue;
    if (avoid && avoid(next)) continue;
    if (guard < 400 && text.includes(sentenceKey(s))) continue;
    text = next;
  }
  return text;
}

function indicatorText(rng: Rng, key: string, c: TextContext): string {
  return fill(rng.pick(INDICATOR_TEXTS[key] ?? ['有相关证明材料']), textVars(rng, c));
}

/**
 * Builds `count` nominees. The same options always give the same nominees. Every value is valid for the
 * programme, so a workbook of these nominees validates with no errors and no warnings.
 */
export function buildNominees(opts: BuildNomineesOptions): FakeNominee[] {
  const rng = new Rng(opts.seed ?? 'jiangxuan');
  const asOf = opts.asOf ?? DEFAULT_AGE_REFERENCE;
  const profile = opts.programme ? builtinProfile(opts.programme) : undefined;
  const kind = programmeKind(opts.programme);
  const names = new Set<string>();
  const units = new Set<string>();
  const ids = new Set<string>();
  const out: FakeNominee[] = [];
  const districts = opts.district ? DISTRICTS.filter((d) => d.name === opts.district) : DISTRICTS;
  if (districts.length === 0) throw new Error(`unknown district ${opts.district}`);
  const identityOpts = optionsOf(profile, 'identity', ['干部', '专业技术人员', '普通工人', '职员', '其他']);
  const groupOpts = optionsOf(profile, 'groupName', []);
  const incomeLevels = optionsOf(profile, 'incomeLevel', ['高', '较高', '中', '较低', '低']);
  const incomeRanks = optionsOf(profile, 'incomeRank', ['低于普通', '普通', '中层', '高层']);
  const envOpts = optionsOf(profile, 'envSatisfaction', ['高', '中', '低']);
  const recommender = opts.recommender ?? '上海市质量协会会员单位联络处';

  for (let i = 0; i < opts.count; i++) {
    const spec = opts.specs?.[i] ?? {};
    const sex = spec.sex ?? (rng.chance(0.68) ? '男' : '女');
    // Women at most 48 so that no one is near the earliest statutory retirement age (女职工 50).
    const birth = spec.birth ?? randomBirth(rng, asOf, 28, sex === '男' ? 55 : 48);
    const age = ageAt(birth, asOf);
    const home = rng.pick(districts);
    const workDistrict = rng.pick(districts);
    const migrant = spec.migrant ?? rng.chance(0.12);
    const origin = migrant ? rng.pick(MIGRANT_REGIONS) : undefined;
    const region = spec.region ?? origin?.code ?? (rng.chance(0.85) ? home.code : rng.pick(DISTRICTS).code);
    let residentId = makeResidentId(region, birth, sex, rng, spec.wantX);
    while (ids.has(residentId)) residentId = makeResidentId(region, birth, sex, rng, spec.wantX);
    ids.add(residentId);
    const name = makeName(rng, sex, names);
    const sector = rng.pick(SECTORS);
    const { name: unit, core } = unitName(rng, sector, units);
    const identity = rng.chance(0.55) ? '普通工人' : rng.pick(identityOpts.filter((o) => o !== '普通工人'));
    const worker = identity === '普通工人';
    const skillLevel = worker ? rng.pick(['高级技师', '高级技师', '技师', '技师', '高级工']) : rng.pick(['技师', '高级技师', '无', '无']);
    const proTitle = worker ? rng.pick(['无', '无', '初级职称', '中级职称']) : rng.pick(['中级职称', '高级职称', '中级职称', '初级职称']);
    const post = rng.pick(sector.posts);
    const trade = sector.tradeByCore ? sector.trades[core] : rng.pick(sector.trades);
    const product = sector.tradeByCore ? sector.products[core] : rng.pick(sector.products);
    const years = rng.int(Math.max(3, age - 30), age - 18);
    const startYear = asOf.y - years;
    const ctx: TextContext = { name, trade, product, unit, post, years, startYear, birthYear: birth.y, skill: skillLevel === '无' ? '技师' : skillLevel };
    const innovation = spec.innovation ?? (kind === 'qingpu' ? (rng.chance(0.5) ? 'patent' : 'award') : rng.chance(0.6) ? 'patent' : 'none');
    const patent = innovation === 'patent';
    const inv = patent ? rng.int(0, 3) : 0;
    const util = patent ? rng.int(inv === 0 ? 1 : 0, 8) : 0;
    const design = patent ? rng.int(0, 2) : 0;
    const monthly = rng.int(80, 250) * 100;
    const titleParts = [post, proTitle !== '无' ? proTitle : '', skillLevel !== '无' ? skillLevel : ''].filter(Boolean);
    const values: Record<string, RawCell> = {
      recommender,
      serial: i + 1,
      unit,
      name,
      postName: `${trade.replace(/工程技术人员$/, '')}岗位`,
      titleSummary: titleParts.length > 1 ? `${titleParts[0]}、${titleParts.slice(1).join('/')}` : titleParts[0],
      sex,
      mobile: makeMobile(rng),
      politics: rng.pick(POLITICS),
      education: rng.pick(worker ? EDUCATION_WORKER : EDUCATION_PRO),
      post,
      residentId,
      modelWorker: rng.chance(0.08) ? '上海市劳模' : '否',
      hukou: migrant ? '农业户口' : rng.chance(0.15) ? '农业户口' : '非农业户口',
      migrant: migrant ? '是' : '否',
      homeAddress: origin ? `${origin.home}${rng.int(1, 300)}号` : address(rng, home),
      homePostcode: origin ? origin.postcode : rng.pick(home.postcodes),
      unitNature: rng.pick(sector.natures),
      industry: sector.industry,
      trade,
      workYears: years,
      unitAddress: address(rng, workDistrict).replace(/\d+弄.*$/, `${rng.int(1, 2000)}号`),
      unitPostcode: rng.pick(workDistrict.postcodes),
      identity,
      skillLevel,
      proTitle,
      hasPatent: patent ? '是' : '否',
      inventionPatents: inv,
      utilityPatents: util,
      designPatents: design,
      spirit: spiritText(rng, ctx),
      selfStatement: selfStatementText(rng, ctx),
      achievements: achievementsText(rng, ctx),
      honours: makeHonours(rng, kind, asOf, { district: (opts.district ?? workDistrict.name), sector, innovation }),
      deeds: kind === 'qingpu' ? deedsText(rng, ctx) : null,
      unitOpinion: `该同志政治素质好，业务能力强，情况属实，同意推荐。（盖章）${asOf.y}年${asOf.m}月${Math.max(1, asOf.d - 5 + rng.int(0, 3))}日`,
      recommenderOpinion: `经审核，申报材料真实完整，符合申报条件，同意推荐。（盖章）${asOf.y}年${asOf.m}月${Math.max(1, asOf.d)}日`,
      unionOrSociety: rng.pick(UNIONS),
      groupName: groupOpts.includes(sector.groupName) ? sector.groupName : groupOpts[0] ?? null,
      incomeMonthly: monthly,
      incomeLevel: rng.pick(incomeLevels),
      incomeRank: rng.pick(incomeRanks),
      incomeExpected: Math.round((monthly * (1.1 + rng.int(0, 4) / 10)) / 100) * 100,
      innovPromotion: rng.pick(['是', '否']),
      innovReward: rng.pick(['是', '是', '否']),
      innovIncome: rng.pick(['是', '否']),
      envSatisfaction: rng.pick(envOpts),
      willingService: '是',
      matForm: '是',
      matIdCopy: '是',
      matUnionCard: '是',
      matCertificates: '是',
    };
    for (const key of Object.keys(INDICATOR_TEXTS)) values[key] = indicatorText(rng, key, ctx);
    out.push({ name, sex, birth, residentId, values });
  }
  return out;
}

// ------------------------------------------------------------------ workbook writer

/** A raw value put into one cell, replacing what the nominee data would give (to plant a mistake). */
export interface CellOverride {
  table: TableKind;
  /** 0-based index of the row within the table's rows (summary rows, or details rows). */
  index: number;
  field: string;
  value: RawCell;
}

export interface FooterValues {
  unit: string;
  contact: string;
  phone: string;
  email: string;
}

export interface WriteOptions {
  sheetNames?: Partial<Record<TableKind, string>>;
  titles?: Partial<Record<TableKind, string>>;
  /** Header text by field key (traditional characters, a line break and a note ...); default the field's label. */
  headers?: Partial<Record<TableKind, Record<string, string>>>;
  /** Rows of the summary (default: the nominees). */
  summaryNominees?: FakeNominee[];
  /** 序号 of the summary rows (default 1, 2, 3 ...). */
  serials?: number[];
  footer?: Partial<FooterValues>;
  cells?: CellOverride[];
  /** Write only the details sheet even when the profile has a summary table. */
  omitSummary?: boolean;
}

export interface TableLayout {
  sheet: string;
  /** 0-based row of the header (the title row is above it). */
  headerRow: number;
  /** 0-based row of the first nominee. */
  firstRow: number;
  rows: number;
  /** Field key → 0-based column. */
  col: Record<string, number>;
  fields: FieldSpec[];
}

export interface WorkbookLayout {
  summary?: TableLayout & { footerRow: Record<keyof FooterValues, number> };
  details?: TableLayout;
}

/** A1 address of a 0-based cell (the core's cellAddress, under the name the samples and tests use). */
export const a1 = cellAddress;

function resolveProfileArg(p: string | Profile): Profile {
  if (typeof p !== 'string') return p;
  const profile = builtinProfile(p);
  if (!profile) throw new Error(`unknown programme ${p}`);
  return profile;
}

/** Default title lines of the programmes' forms. */
export function defaultTitle(profile: Profile, kind: TableKind): string {
  if (kind === 'summary') {
    if (profile.id === 'qingpu-2018') return `${profile.year}年度“青浦工匠”推荐汇总表`;
    return `${profile.name.zh}推荐汇总表`;
  }
  const form = profile.id.startsWith('sqc-2025') ? '申报推荐表' : '申报审批表';
  const base = profile.id === 'qingpu-2018' ? `${profile.year}年度“青浦工匠”` : profile.name.zh.replace(/培养选树$/, '');
  return `${base}${form}信息汇总`;
}

/** Where everything goes; the writer and the tests both use it. */
export function nominationLayout(profileArg: string | Profile, detailRows: number, opts: WriteOptions = {}): WorkbookLayout {
  const profile = resolveProfileArg(profileArg);
  const out: WorkbookLayout = {};
  const summarySpec = profile.tables.summary;
  if (summarySpec && !opts.omitSummary) {
    const rows = opts.summaryNominees?.length ?? detailRows;
    const col: Record<string, number> = {};
    summarySpec.fields.forEach((f, i) => (col[f.key] = i));
    const first = 2;
    const footerStart = first + rows + 1;
    out.summary = {
      sheet: opts.sheetNames?.summary ?? '推荐汇总表',
      headerRow: 1,
      firstRow: first,
      rows,
      col,
      fields: summarySpec.fields,
      footerRow: { unit: footerStart, contact: footerStart + 1, phone: footerStart + 2, email: footerStart + 3 },
    };
  }
  const detailsSpec = profile.tables.details;
  if (detailsSpec) {
    const col: Record<string, number> = {};
    detailsSpec.fields.forEach((f, i) => (col[f.key] = i));
    out.details = { sheet: opts.sheetNames?.details ?? '申报信息', headerRow: 1, firstRow: 2, rows: detailRows, col, fields: detailsSpec.fields };
  }
  return out;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const TEXT_KEYS = new Set(['residentId', 'mobile', 'homePostcode', 'unitPostcode']);

function columnWidth(f: FieldSpec): number {
  if (f.type === 'longText') return 40;
  if (f.type === 'residentId') return 21;
  if (f.type === 'indicator') return 24;
  if (f.key === 'unit' || f.key === 'recommender' || f.key.endsWith('Address') || f.key === 'unionOrSociety') return 28;
  if (f.type === 'mobile') return 14;
  return Math.max(8, Math.min(18, f.label.length * 2 + 2));
}

function writeTable(ws: ExcelJS.Worksheet, layout: TableLayout, title: string, headers: Record<string, string>, rows: Record<string, RawCell>[], kind: TableKind, overrides: CellOverride[]): void {
  const n = layout.fields.length;
  ws.mergeCells(1, 1, 1, n);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.getRow(layout.headerRow + 1);
  layout.fields.forEach((f, i) => {
    const c = header.getCell(i + 1);
    c.value = headers[f.key] ?? f.label;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    ws.getColumn(i + 1).width = columnWidth(f);
    if (TEXT_KEYS.has(f.key)) ws.getColumn(i + 1).numFmt = '@';
  });
  header.height = 36;
  const byCell = new Map<string, RawCell>();
  for (const o of overrides) if (o.table === kind) byCell.set(`${o.index}|${o.field}`, o.value);
  rows.forEach((values, r) => {
    const row = ws.getRow(layout.firstRow + r + 1);
    layout.fields.forEach((f, i) => {
      const key = `${r}|${f.key}`;
      const v = byCell.has(key) ? byCell.get(key)! : values[f.key] ?? null;
      const c = row.getCell(i + 1);
      if (v !== null && v !== undefined) c.value = v;
      c.border = THIN;
      c.alignment = { vertical: 'top', wrapText: f.type === 'longText' || f.type === 'indicator' };
      if (typeof v === 'number' && f.type === 'residentId') c.numFmt = 'General';
    });
  });
}

/**
 * Writes a nomination workbook in the programme's layout: a 推荐汇总表 sheet when the profile has a summary
 * table (merged title row, header 序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级, one row per
 * nominee, footer lines 推荐单位（加盖公章）/ 联系人 / 联系电话 / 邮箱) and a details sheet (title row, one column per
 * field of the details table headed by its label; IDs, mobiles and postcodes as text).
 */
export async function writeNominationWorkbook(profileArg: string | Profile, nominees: FakeNominee[], opts: WriteOptions = {}): Promise<Uint8Array> {
  const profile = resolveProfileArg(profileArg);
  const layout = nominationLayout(profile, nominees.length, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 sample generator';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = new Date(Date.UTC(2025, 0, 1));
  const overrides = opts.cells ?? [];
  if (layout.summary) {
    const s = layout.summary;
    const ws = wb.addWorksheet(s.sheet, { pageSetup: { orientation: 'landscape', paperSize: 9 } });
    const summaryNominees = opts.summaryNominees ?? nominees;
    const rows = summaryNominees.map((nm, i) => ({ ...nm.values, serial: opts.serials?.[i] ?? i + 1 }));
    writeTable(ws, s, opts.titles?.summary ?? defaultTitle(profile, 'summary'), opts.headers?.summary ?? {}, rows, 'summary', overrides);
    const contact = nominees[0]?.values;
    const footer: FooterValues = {
      unit: opts.footer?.unit ?? String(contact?.recommender ?? '上海市某推荐单位'),
      contact: opts.footer?.contact ?? '张华',
      phone: opts.footer?.phone ?? '021-62345678',
      email: opts.footer?.email ?? 'zhanghua@126.com',
    };
    const labels: FooterValues = { unit: profile.footer.unit, contact: profile.footer.contact, phone: profile.footer.phone, email: profile.footer.email };
    for (const k of ['unit', 'contact', 'phone', 'email'] as const) {
      ws.getCell(s.footerRow[k] + 1, 1).value = `${labels[k]}：${footer[k]}`;
    }
  }
  if (layout.details) {
    const d = layout.details;
    const ws = wb.addWorksheet(d.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: d.firstRow }] });
    writeTable(ws, d, opts.titles?.details ?? defaultTitle(profile, 'details'), opts.headers?.details ?? {}, nominees.map((n) => n.values), 'details', overrides);
  }
  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}

/**
 * exceljs stamps every zip entry with the current time; for files that are committed, the same data should give
 * the same bytes. Sets each entry's DOS date and time (local header and central directory) to 2025-01-01 00:00.
 */
export function fixZipTimestamps(bytes: Uint8Array): Uint8Array {
  stampZipEntries(bytes, dosDate(2025, 1, 1));
  return bytes;
}
