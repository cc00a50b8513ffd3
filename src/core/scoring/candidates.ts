/**
 * The candidates of a review round, taken from a recognised nomination table (推荐汇总表 or the nominee details),
 * exactly as `validate` recognises it. Each candidate gets a code (C001, C002 … in sheet order) that stays the
 * same as long as the list does; only the name, the unit and (with --group-by) the group are kept:
 * ID numbers, phones and addresses are never copied into anything the scoring feature writes.
 */
import type { Localized } from '../model/findings';
import { WorkbookGrid } from '../model/grid';
import { Profile } from '../profiles/schema';
import { RecognizedTable, recognizeWorkbook } from '../recognition/recognize-tables';
import { cellText, headerKey, isBlank, optionKey } from '../text/normalize';
import { listSomeLocalized, ScoringInputError } from './problems';
import { acceptPerson } from './people';
import { describeTables } from '../check/failures';

export interface Candidate {
  /** C001 … in the order of the source sheet. */
  code: string;
  name: string;
  unit: string;
  /** The value of the --group-by column (e.g. 组别), as typed. */
  group?: string;
}

export interface CandidateSource {
  sheet: string;
  /** Table name in the profile (推荐汇总表 / 申报推荐表明细 …). */
  table: Localized;
  /** 1-based sheet rows of the first and last candidate. */
  firstRow: number;
  lastRow: number;
  /** Header of the group column, when grouping. */
  groupHeader?: string;
}

export interface CandidateList {
  candidates: Candidate[];
  source: CandidateSource;
}

/** "C001"; three digits at least, more when needed (C1000). */
export function candidateCode(index: number): string {
  return 'C' + String(index + 1).padStart(3, '0');
}

/**
 * Blind codes: the same candidates with their codes dealt in a random order (a Fisher–Yates shuffle driven by
 * `seed`, which the adapter derives from the batch secret: the same batch always gives the same codes), listed by
 * code. In a blind round the sheets list candidates by code, so neither the codes nor the row order follow the
 * nomination list that experts may have seen.
 */
export function shuffleCodes(candidates: readonly Candidate[], seed: Uint8Array): Candidate[] {
  const next = seededRandom(seed);
  const order = candidates.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  // order[k] is the list position that gets code k.
  const out = order.map((from, k) => ({ ...candidates[from], code: candidateCode(k) }));
  return out;
}

/** sfc32 seeded from the first 16 bytes: a small, well-mixed generator; the seed carries the randomness. */
function seededRandom(seed: Uint8Array): () => number {
  const w = (i: number) => ((seed[i] ?? 0) | ((seed[i + 1] ?? 0) << 8) | ((seed[i + 2] ?? 0) << 16) | ((seed[i + 3] ?? 0) << 24)) >>> 0;
  let a = w(0);
  let b = w(4);
  let c = w(8);
  let d = w(12);
  const step = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) step();
  return () => step() / 4294967296;
}

/** Key for comparing group values: width, script, spacing and punctuation folded ("冶金机械和电气" = "冶金、机械和电气"). */
export function groupKey(s: string): string {
  return optionKey(s).replace(/[、，,;；:：/\\|·.\-—–_ ]/g, '');
}

/** Column of the group header (--group-by 组别) in a recognised table, looking at the header row(s). */
function findGroupColumn(table: RecognizedTable, label: string): { col: number; header: string } | undefined {
  const want = headerKey(label);
  for (const b of table.columns) {
    const labels = [b.field.label, ...b.field.aliases, b.header];
    if (labels.some((l) => headerKey(l) === want)) return { col: b.col, header: b.header };
  }
  for (let r = table.headerTop; r <= table.headerRow; r++) {
    const cells = table.sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string' && headerKey(v) === want) return { col: c, header: v.trim() };
    }
  }
  return undefined;
}

/** Preference among recognised tables: one with the group column (when grouping), details, summary, others. */
function tableRank(t: RecognizedTable, hasGroup: boolean): number {
  return (hasGroup ? 0 : 10) + (t.kind === 'details' ? 0 : t.kind === 'summary' ? 1 : 2);
}

export interface CandidateOptions {
  /** Header of the column that assigns candidates to panels (e.g. "组别"). */
  groupBy?: string;
}

/**
 * Reads the candidates. Throws ScoringInputError when the workbook cannot be used: no table of the profile,
 * no unit column (conflicts of interest could not be checked), no rows, a row without a name or unit, or the
 * same person twice.
 */
export function candidatesFromGrid(grid: WorkbookGrid, profile: Profile, opts: CandidateOptions = {}): CandidateList {
  const tables = recognizeWorkbook(grid, profile).filter((t) => t.colOf.has('name') && t.dataRows.length > 0);
  if (!tables.length) {
    throw new ScoringInputError({
      zh: `候选人文件中找不到“${profile.shortName.zh}”的名单表格：需要含姓名、单位的表头，如${describeTables(profile)}`,
      en: `no candidate table of "${profile.shortName.en}" in the candidates file: a header with name and unit is needed`,
    });
  }
  const withGroup = tables.map((t) => ({ t, group: opts.groupBy ? findGroupColumn(t, opts.groupBy) : undefined }));
  withGroup.sort((a, b) => tableRank(a.t, !!a.group) - tableRank(b.t, !!b.group));
  const { t: table, group } = withGroup[0];
  const sheetName = table.sheet.name;
  if (opts.groupBy && !group) {
    throw new ScoringInputError({
      zh: `候选人表格（工作表“${sheetName}”）中没有“${opts.groupBy}”列，无法按组分配专家；请加上这一列或去掉 --group-by`,
      en: `the candidate table (sheet "${sheetName}") has no "${opts.groupBy}" column to group by`,
    });
  }
  const unitCol = table.colOf.get('unit');
  if (unitCol === undefined) {
    throw new ScoringInputError({
      zh: `候选人表格（工作表“${sheetName}”）没有单位列（如“所在单位名称”“工作单位”），无法做同单位回避`,
      en: `the candidate table (sheet "${sheetName}") has no unit column, so conflicts of interest cannot be checked`,
    });
  }
  // Several units' lists pasted one under another on the sheet: every block of the chosen table is read, each
  // with its own columns.
  const blocks = withGroup.filter((x) => x.t.kind === table.kind && x.t.sheet.name === sheetName && x.t.colOf.has('unit')).sort((a, b) => a.t.headerTop - b.t.headerTop);
  // Recognised tables already read a merged area's value on every row it covers (units merged down).
  const text = (t: RecognizedTable, r: number, c: number) => cellText(t.sheet.rows[r]?.[c] ?? null).replace(/\s+/g, ' ').trim();
  const errors: Localized[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  for (const { t, group: g } of blocks) {
    const nameCol = t.colOf.get('name')!;
    const unitOf = t.colOf.get('unit')!;
    const groupOf = g ?? group;
    for (const r of t.dataRows) {
      const name = text(t, r, nameCol);
      const unit = text(t, r, unitOf);
      const row = r + 1;
      if (!acceptPerson(name, unit, row, seen, errors)) continue;
      const c: Candidate = { code: candidateCode(candidates.length), name, unit };
      if (groupOf) {
        const v = text(t, r, groupOf.col);
        if (v && !isBlank(v)) c.group = v;
      }
      candidates.push(c);
    }
  }
  if (errors.length) {
    const list = listSomeLocalized(errors);
    throw new ScoringInputError(
      { zh: `候选人名单（工作表“${sheetName}”）有问题，请改正后再生成评分表：${list.zh}`, en: `the candidate list (sheet "${sheetName}") needs fixing first: ${list.en}` },
      errors,
    );
  }
  const source: CandidateSource = {
    sheet: sheetName,
    table: table.spec.name,
    firstRow: blocks[0].t.dataRows[0] + 1,
    lastRow: blocks[blocks.length - 1].t.dataRows[blocks[blocks.length - 1].t.dataRows.length - 1] + 1,
  };
  if (group) source.groupHeader = group.header;
  return { candidates, source };
}
