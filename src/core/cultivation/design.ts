/**
 * The cultivation tracking workbook's design: which sheets, where each table's columns are (from the profile's
 * tables, in field order, headed by the fields' labels so that `validate` recognises them), the parameters,
 * and the capacity of each table (formulas and drop-downs cover that many rows). Pure: no exceljs, no I/O.
 */
import { columnLetters } from '../model/grid';
import { columnRangeRef, sheetRef } from '../model/sheet-refs';
import { SimpleDate } from '../model/dates';
import { FieldSpec, Profile, ResolvedTable } from '../profiles/schema';
import type { CultivationParams } from '../profiles/cultivation-schema';

export type { CultivationParams } from '../profiles/cultivation-schema';

/** Profile table keys of the tracking sheets, in sheet order. */
export const TRACKING_TABLES = ['details', 'plans', 'activities', 'stageAssessments', 'finalAssessments', 'exits'] as const;
export type TrackingTable = (typeof TRACKING_TABLES)[number];

/** Field keys the workbook's formulas rely on, per table. */
export const REQUIRED_KEYS: Record<TrackingTable, string[]> = {
  details: ['name', 'residentId', 'periodStart', 'periodEnd', 'cultivationStatus', 'recognisedTitle', 'youth', 'women', 'unit', 'organiser'],
  plans: ['trainee', 'dueDate', 'done'],
  activities: ['trainee', 'activityDate', 'activityType', 'hours', 'forces', 'servedEnterprise'],
  stageAssessments: ['trainee'],
  finalAssessments: ['trainee', 'overallGrade'],
  exits: ['trainee'],
};

/** Rows each table's formulas, drop-downs and date formats cover (data starts on row 3). */
export const CAPACITY: Record<TrackingTable, number> = {
  details: 500,
  plans: 2000,
  activities: 5000,
  stageAssessments: 2000,
  finalAssessments: 500,
  exits: 500,
};

export const SHEET = {
  guide: '说明',
  service: '助企行服务统计',
  dashboard: '仪表盘',
} as const;

/** Prefix of the sheets holding earlier years' rows of carried trainees (rollover). */
export const HISTORY_PREFIX = '历史·';
/** Prefix of those sheets' headers: keeps them from being recognised as this year's tables. */
export const HISTORY_HEADER_PREFIX = '往期·';
export const HISTORY_YEAR_HEADER = '培育年度';
export const HISTORY_TABLES = ['plans', 'activities', 'stageAssessments', 'finalAssessments'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

/** 1-based rows of every table sheet: title, header, first data row. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;

/** The workbook's status words the formulas and the rollover count; options of the trainee list's 培育状态. */
export const STATUS = { active: '培育中', carried: '继续培育', exited: '退出' } as const;

/** The programme's figures (the profile's `cultivation` section): a profile without them cannot make the workbook. */
export function cultivationParams(profile: Profile): CultivationParams {
  if (!profile.cultivation) throw new CultivationDesignError(['缺少 cultivation 一节（培育期、目标、认定称号、活动类型）']);
  return profile.cultivation;
}

/** The profile lacks what the workbook needs (a user profile that dropped a table or field). */
export class CultivationDesignError extends Error {
  constructor(readonly problems: string[]) {
    super(`项目配置不能用于培育跟踪工作簿：${problems.join('；')}`);
    this.name = 'CultivationDesignError';
  }
}

/** More rows than a table's capacity (formulas and drop-downs would not cover them). */
export class CultivationCapacityError extends Error {
  constructor(
    readonly sheet: string,
    readonly capacity: number,
    readonly rows: number,
  ) {
    super(`${sheet}最多 ${capacity} 行，现有 ${rows} 行：请分成几本工作簿（如按组织单位）`);
    this.name = 'CultivationCapacityError';
  }
}

export interface TableDesign {
  key: TrackingTable;
  spec: ResolvedTable;
  sheet: string;
  fields: FieldSpec[];
  /** Field key → column letter. */
  col: Record<string, string>;
  /** Last row formulas and drop-downs cover (1-based). */
  lastRow: number;
  /** Absolute range of a column's data rows on its sheet, for formulas on other sheets: '培育档案'!$E$3:$E$5002. */
  range(key: string): string;
}

/** Extra formula columns after the trainee list's fields. */
export const TRAINEE_EXTRA = { hours: '累计学时', recent: '近期活动次数' } as const;

export interface WorkbookDesign {
  tables: Record<TrackingTable, TableDesign>;
  /** Trainee list: letters of the extra columns. */
  extraCol: { hours: string; recent: string };
  params: CultivationParams;
  /** Absolute references of the parameter cells on the 说明 sheet, and the dashboard's statistics date. */
  ref: {
    year: string;
    periodMonths: string;
    youthMaxAge: string;
    inactivityDays: string;
    targetQuality: string;
    targetShanghai: string;
    targetTalents: string;
    serviceFrom: string;
    serviceDue: string;
    asOf: string;
  };
}

/** Parameter rows of the 说明 sheet (label in column D, value in E, note in F), in order from row 3 (guide.ts fills them). */
export const PARAM_KEYS = ['year', 'periodMonths', 'youthMaxAge', 'inactivityDays', 'targetQuality', 'targetShanghai', 'targetTalents', 'serviceFrom', 'serviceDue'] as const;
export type ParamKey = (typeof PARAM_KEYS)[number];
/** The label of the 培育年度 parameter: the rollover reads an old workbook's year next to it. */
export const YEAR_PARAM_LABEL = '培育年度';
export const PARAM_FIRST_ROW = 3;
export const PARAM_LABEL_COL = 'D';
export const PARAM_VALUE_COL = 'E';
export const DASHBOARD_AS_OF = '$B$2';

export function designWorkbook(profile: Profile): WorkbookDesign {
  const params = cultivationParams(profile);
  const problems: string[] = [];
  const tables = {} as Record<TrackingTable, TableDesign>;
  for (const key of TRACKING_TABLES) {
    const spec = profile.tables[key];
    if (!spec) {
      problems.push(`缺少表格 tables.${key}`);
      continue;
    }
    const col: Record<string, string> = {};
    spec.fields.forEach((f, i) => (col[f.key] = columnLetters(i)));
    for (const k of REQUIRED_KEYS[key]) if (!col[k]) problems.push(`tables.${key} 缺少字段 ${k}`);
    const sheet = spec.name.zh;
    const lastRow = FIRST_ROW + CAPACITY[key] - 1;
    tables[key] = {
      key,
      spec,
      sheet,
      fields: spec.fields,
      col,
      lastRow,
      range: (k: string) => columnRangeRef(sheet, col[k], FIRST_ROW, lastRow),
    };
  }
  if (problems.length) throw new CultivationDesignError(problems);
  const n = tables.details.fields.length;
  const paramRef = (k: ParamKey) => sheetRef(SHEET.guide, `$${PARAM_VALUE_COL}$${PARAM_FIRST_ROW + PARAM_KEYS.indexOf(k)}`);
  return {
    tables,
    extraCol: { hours: columnLetters(n), recent: columnLetters(n + 1) },
    params,
    ref: {
      year: paramRef('year'),
      periodMonths: paramRef('periodMonths'),
      youthMaxAge: paramRef('youthMaxAge'),
      inactivityDays: paramRef('inactivityDays'),
      targetQuality: paramRef('targetQuality'),
      targetShanghai: paramRef('targetShanghai'),
      targetTalents: paramRef('targetTalents'),
      serviceFrom: paramRef('serviceFrom'),
      serviceDue: paramRef('serviceDue'),
      asOf: sheetRef(SHEET.dashboard, DASHBOARD_AS_OF),
    },
  };
}

/** A date as the workbook stores it: a Date at UTC midnight (what the adapters read back). */
export function utcDate(d: SimpleDate): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}
