/**
 * The expert panel, from a plain sheet: 姓名 | 单位 and optionally 组别 (or whatever --group-by names) and 邮箱.
 * The header may sit under a title row; the first sheet that has one is used.
 */
import type { Localized } from '../model/findings';
import { CellValue, WorkbookGrid } from '../model/grid';
import { cellText, headerKey, isBlank } from '../text/normalize';
import { listSomeLocalized, ScoringInputError } from './problems';
import { acceptPerson } from './people';

export interface Expert {
  /** E01, E02 … in the order of the sheet. */
  code: string;
  name: string;
  unit: string;
  group?: string;
  email?: string;
}

export interface ExpertList {
  experts: Expert[];
  sheet: string;
}

const NAME_LABELS = ['姓名', '专家姓名', '专家', '评审专家', '评委', '评委姓名', 'name'];
const UNIT_LABELS = ['单位', '工作单位', '所在单位', '单位名称', '所在单位名称', '工作单位名称', 'unit', 'organisation', 'organization'];
const EMAIL_LABELS = ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮件地址', 'email', 'e-mail'];
const GROUP_LABELS = ['组别', '评审组别', '专业组', '评审组'];
const SCAN_ROWS = 20;

export function expertCode(index: number, total: number): string {
  return 'E' + String(index + 1).padStart(total > 99 ? 3 : 2, '0');
}

function keysOf(labels: readonly string[]): Set<string> {
  return new Set(labels.map(headerKey));
}

export interface ExpertOptions {
  /** Header of the group column (e.g. "组别"); every expert must have a value in it. */
  groupBy?: string;
}

/** Reads the experts; throws ScoringInputError when there is no usable list. */
export function expertsFromGrid(grid: WorkbookGrid, opts: ExpertOptions = {}): ExpertList {
  const nameKeys = keysOf(NAME_LABELS);
  const unitKeys = keysOf(UNIT_LABELS);
  const emailKeys = keysOf(EMAIL_LABELS);
  const groupKeys = opts.groupBy ? keysOf([opts.groupBy]) : keysOf(GROUP_LABELS);
  for (const sheet of grid.sheets) {
    if (sheet.hidden) continue;
    for (let r = 0; r < Math.min(SCAN_ROWS, sheet.rows.length); r++) {
      const cells = sheet.rows[r] ?? [];
      const find = (keys: Set<string>) => cells.findIndex((v) => typeof v === 'string' && keys.has(headerKey(v)));
      const nameCol = find(nameKeys);
      const unitCol = find(unitKeys);
      if (nameCol < 0 || unitCol < 0) continue;
      const groupCol = find(groupKeys);
      const emailCol = find(emailKeys);
      if (opts.groupBy && groupCol < 0) {
        throw new ScoringInputError({
          zh: `专家名单（工作表“${sheet.name}”）中没有“${opts.groupBy}”列，无法按组分配；请加上这一列或去掉 --group-by`,
          en: `the expert list (sheet "${sheet.name}") has no "${opts.groupBy}" column to group by`,
        });
      }
      return readRows(sheet.name, sheet.rows, r, { nameCol, unitCol, groupCol, emailCol }, !!opts.groupBy);
    }
  }
  throw new ScoringInputError({
    zh: '专家名单中找不到表头：需要一行含“姓名”和“单位”两列（可选“组别”“邮箱”）',
    en: 'no header in the expert list: a row with 姓名 (name) and 单位 (unit) is needed (组别 and 邮箱 optional)',
  });
}

function readRows(
  sheetName: string,
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  cols: { nameCol: number; unitCol: number; groupCol: number; emailCol: number },
  needGroup: boolean,
): ExpertList {
  const text = (r: number, c: number) => (c < 0 ? '' : cellText(rows[r]?.[c] ?? null).replace(/\s+/g, ' ').trim());
  const errors: Localized[] = [];
  const found: Omit<Expert, 'code'>[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((v) => isBlank(v))) continue;
    const name = text(r, cols.nameCol);
    const unit = text(r, cols.unitCol);
    const row = r + 1;
    if (!name && !unit) continue; // a note or a footer in another column
    if (!acceptPerson(name, unit, row, seen, errors)) continue;
    const e: Omit<Expert, 'code'> = { name, unit };
    const group = text(r, cols.groupCol);
    if (group) e.group = group;
    else if (needGroup) {
      errors.push({ zh: `第 ${row} 行（${name}）没有组别`, en: `row ${row} (${name}) has no group` });
      continue;
    }
    const email = text(r, cols.emailCol);
    if (email) e.email = email;
    found.push(e);
  }
  if (errors.length) {
    const list = listSomeLocalized(errors);
    throw new ScoringInputError(
      { zh: `专家名单（工作表“${sheetName}”）有问题，请改正后再生成评分表：${list.zh}`, en: `the expert list (sheet "${sheetName}") needs fixing first: ${list.en}` },
      errors,
    );
  }
  if (!found.length) {
    throw new ScoringInputError({ zh: `专家名单（工作表“${sheetName}”）表头下面没有专家`, en: `the expert list (sheet "${sheetName}") has no rows` });
  }
  return { experts: found.map((e, i) => ({ code: expertCode(i, found.length), ...e })), sheet: sheetName };
}
