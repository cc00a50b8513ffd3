/**
 * The tracking workbook's formulas, as text without the leading "=". Only functions that Excel 2010+, WPS and
 * LibreOffice share (COUNTIF(S), SUMIFS, SUM, COUNTA, IF, IFERROR, EDATE, DATEDIF, DATE, MID, LEN, MOD,
 * VALUE, ISTEXT, TODAY), over fixed ranges that cover each table's capacity (no structured references, no
 * whole columns). Pure: the exceljs writer and an Office.js writer can both use them.
 */
import { DASHBOARD_AS_OF, STATUS, TableDesign, TRAINEE_EXTRA, WorkbookDesign } from './design';
import { FORCES } from '../profiles/schema';
import { columnRangeRef, quoteSheetName } from '../model/sheet-refs';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Formula columns of one trainee row (1-based row r). */
export function traineeRowFormulas(d: WorkbookDesign, r: number): { periodEnd: string; youth: string; women: string; hours: string; recent: string } {
  const t = d.tables.details;
  const a = d.tables.activities;
  const id = `$${t.col.residentId}${r}`;
  const start = `$${t.col.periodStart}${r}`;
  const name = `$${t.col.name}${r}`;
  const idOk = `AND(ISTEXT(${id}),LEN(${id})=18)`;
  const birth = `DATE(VALUE(MID(${id},7,4)),VALUE(MID(${id},11,2)),VALUE(MID(${id},13,2)))`;
  return {
    periodEnd: `IF(${start}="","",EDATE(${start},${d.ref.periodMonths}))`,
    youth: `IF(OR(${start}="",NOT(${idOk})),"",IFERROR(IF(DATEDIF(${birth},${start},"Y")<=${d.ref.youthMaxAge},"是","否"),""))`,
    women: `IF(NOT(${idOk}),"",IFERROR(IF(MOD(VALUE(MID(${id},17,1)),2)=0,"是","否"),""))`,
    hours: `IF(${name}="","",SUMIFS(${a.range('hours')},${a.range('trainee')},${name}))`,
    recent: `IF(${name}="","",COUNTIFS(${a.range('trainee')},${name},${a.range('activityDate')},">"&(${d.ref.asOf}-${d.ref.inactivityDays}),${a.range('activityDate')},"<="&${d.ref.asOf}))`,
  };
}

export type DashboardRow =
  | { kind: 'title'; label: string }
  | { kind: 'section'; label: string; headers?: string[] }
  | { kind: 'figure'; label: string; formula: string; format: 'count' | 'hours' | 'date'; note?: string }
  | { kind: 'target'; label: string; achieved: string; target: string };

function countOptions(range: string, options: readonly string[]): string {
  return options.map((o) => `COUNTIF(${range},${q(o)})`).join('+');
}

function options(t: TableDesign, key: string): string[] {
  return t.fields.find((f) => f.key === key)?.options ?? [];
}

/**
 * The dashboard, top to bottom: column A labels, column B values (formulas), C a note or the target, D the
 * ratio; an empty row before each section. Row 2 holds the statistics date (TODAY(), or a fixed date the
 * writer puts instead): every time-dependent figure uses it.
 */
export function dashboardRows(d: WorkbookDesign, year: number): DashboardRow[] {
  const T = d.tables;
  const asOf = DASHBOARD_AS_OF;
  const { inactivityDays: days, targets, titles } = d.params;
  const rows: DashboardRow[] = [
    { kind: 'title', label: `质量工匠培育仪表盘（${year}年度）` },
    { kind: 'figure', label: '统计日期', formula: 'TODAY()', format: 'date', note: '默认为今天（TODAY()）；可改为固定日期，逾期和无活动按此日期计算' },
    { kind: 'figure', label: '培育对象总数', formula: `COUNTA(${T.details.range('name')})`, format: 'count' },
    { kind: 'figure', label: '青年培育对象', formula: `COUNTIF(${T.details.range('youth')},"是")`, format: 'count', note: '身份证号推算：培育开始日不超过“说明”表中的青年年龄上限' },
    { kind: 'figure', label: '巾帼培育对象', formula: `COUNTIF(${T.details.range('women')},"是")`, format: 'count', note: '身份证号第17位为偶数（女）' },
    { kind: 'section', label: '按培育状态' },
  ];
  for (const s of options(T.details, 'cultivationStatus')) {
    rows.push({ kind: 'figure', label: s, formula: `COUNTIF(${T.details.range('cultivationStatus')},${q(s)})`, format: 'count' });
  }
  rows.push(
    { kind: 'section', label: '培育计划' },
    { kind: 'figure', label: '计划条目', formula: `COUNTA(${T.plans.range('trainee')})`, format: 'count' },
    { kind: 'figure', label: '已完成', formula: `COUNTIF(${T.plans.range('done')},"是")`, format: 'count' },
    {
      kind: 'figure',
      label: '逾期未完成',
      formula: `COUNTIFS(${T.plans.range('dueDate')},"<"&${asOf},${T.plans.range('done')},"<>是")`,
      format: 'count',
      note: '完成时限早于统计日期、“是否完成”不是“是”',
    },
    { kind: 'section', label: '培育档案' },
    { kind: 'figure', label: '活动记录', formula: `COUNTA(${T.activities.range('trainee')})`, format: 'count' },
    { kind: 'figure', label: '累计学时', formula: `SUM(${T.activities.range('hours')})`, format: 'hours' },
    {
      kind: 'figure',
      label: `近${days}天无活动的培育对象`,
      formula: `COUNTIFS(${T.details.range('cultivationStatus')},${q(STATUS.active)},${T.details.range('periodStart')},"<="&(${asOf}-${d.ref.inactivityDays}),${columnRangeRef(T.details.sheet, d.extraCol.recent, 3, T.details.lastRow)},0)`,
      format: 'count',
      note: `状态为“培育中”、培育已满${days}天、统计日期前${days}天内培育档案中没有活动（名单见“培育对象清单”的“${TRAINEE_EXTRA.recent}”列为 0）`,
    },
    { kind: 'section', label: '各力学时（一次活动对应几种能力时，学时分别计入）' },
  );
  for (const f of FORCES) {
    rows.push({ kind: 'figure', label: f, formula: `SUMIFS(${T.activities.range('hours')},${T.activities.range('forces')},${q(`*${f}*`)})`, format: 'hours' });
  }
  rows.push({ kind: 'section', label: '按活动类型（次数）' });
  for (const o of options(T.activities, 'activityType')) {
    rows.push({ kind: 'figure', label: o, formula: `COUNTIF(${T.activities.range('activityType')},${q(o)})`, format: 'count' });
  }
  const title = T.details.range('recognisedTitle');
  rows.push(
    { kind: 'section', label: `${targets.year}年目标进度（本单位贡献）`, headers: ['本单位已达成', `${targets.year}年目标`, '完成比例'] },
    // A 上海工匠 is chosen from the 上海质量工匠: both count towards the 上海质量工匠 target.
    { kind: 'target', label: titles.qualityCraftsman, achieved: countOptions(title, [titles.qualityCraftsman, titles.shanghaiCraftsman]), target: d.ref.targetQuality },
    { kind: 'target', label: titles.shanghaiCraftsman, achieved: countOptions(title, [titles.shanghaiCraftsman]), target: d.ref.targetShanghai },
    { kind: 'target', label: targets.talentsName, achieved: countOptions(T.finalAssessments.range('overallGrade'), d.params.talentGrades), target: d.ref.targetTalents },
  );
  return rows;
}

/** 助企行服务统计: its title, summary cells and one row per trainee-list row. */
export function serviceTitle(d: WorkbookDesign, year: number): string {
  return `${d.params.service.activity}服务统计（${year}年度）`;
}

/** Layout of the 助企行服务统计 sheet. */
export const SERVICE_LAYOUT = { headerRow: 7, firstRow: 8 } as const;
export const SERVICE_HEADERS = ['服务人员', '所属单位', '组织单位', '服务次数', '服务学时', '服务企业（家次）'] as const;

export function serviceSummary(d: WorkbookDesign): { label: string; formula: string; format: 'date' | 'count' | 'hours' }[] {
  const { firstRow } = SERVICE_LAYOUT;
  const last = firstRow + (d.tables.details.lastRow - 3);
  return [
    { label: '统计起始日期', formula: d.ref.serviceFrom, format: 'date' },
    { label: '报送截止日期', formula: d.ref.serviceDue, format: 'date' },
    { label: '参与服务人数', formula: `COUNTIF($D$${firstRow}:$D$${last},">0")`, format: 'count' },
    { label: '服务次数合计', formula: `SUM($D$${firstRow}:$D$${last})`, format: 'count' },
    { label: '服务学时合计', formula: `SUM($E$${firstRow}:$E$${last})`, format: 'hours' },
  ];
}

/** Row i (0-based) of the service roll-up mirrors row 3 + i of the trainee list. */
export function serviceRowFormulas(d: WorkbookDesign, i: number): string[] {
  const t = d.tables.details;
  const a = d.tables.activities;
  const src = 3 + i;
  const r = SERVICE_LAYOUT.firstRow + i;
  const list = quoteSheetName(t.sheet);
  const mirror = (key: string) => `IF(${list}!$${t.col.name}$${src}="","",${list}!$${t.col[key]}$${src}&"")`;
  const criteria = `${a.range('trainee')},$A${r},${a.range('activityType')},${q(d.params.service.activity)},${a.range('activityDate')},">="&$B$2,${a.range('activityDate')},"<="&$B$3`;
  return [
    mirror('name'),
    mirror('unit'),
    mirror('organiser'),
    `IF($A${r}="","",COUNTIFS(${criteria}))`,
    `IF($A${r}="","",SUMIFS(${a.range('hours')},${criteria}))`,
    `IF($A${r}="","",COUNTIFS(${criteria},${a.range('servedEnterprise')},"<>"))`,
  ];
}
