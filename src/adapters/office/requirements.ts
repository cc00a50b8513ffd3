/// <reference types="office-js" />
/**
 * What each action needs from Excel, and the one runtime gate (`supports`) every action above the manifest's
 * minimum goes through. The manifest declares BASE_EXCEL_API for the ribbon (VersionOverrides); the task pane
 * opens on any Excel and says what this Excel cannot do (limitsOfThisExcel) instead of failing later.
 *
 * The table of API members the adapter uses, their requirement sets and the gate that guards them is generated
 * from the code by scripts/office-sim/api-usage.js (docs/office-api-usage.md); a test fails when code uses an
 * API above the version its function declares with `@requires`, or above BASE_EXCEL_API without a gate.
 */
import type { Localized } from '../../core/model/findings';

/** ExcelApi minor version the ribbon commands need (reading the open workbook: getRangeByIndexes, 1.7). */
export const BASE_EXCEL_API = 7;

export type Feature =
  | 'read'
  | 'marks'
  | 'resultsSheet'
  | 'inputRules'
  | 'printing'
  | 'live'
  | 'liveSorts'
  | 'delayForCellEdit'
  | 'merges'
  | 'sparseRead'
  | 'insertSheets'
  | 'createWorkbook'
  | 'undoKept';

export interface FeatureInfo {
  /** ExcelApi minor version: 9 = ExcelApi 1.9. */
  minor: number;
  name: Localized;
  /** The API that sets the requirement, for support staff. */
  because: string;
}

export const FEATURES: Readonly<Record<Feature, FeatureInfo>> = {
  read: { minor: 7, name: { zh: '读取工作簿并校验', en: 'reading and checking the workbook' }, because: 'Worksheet.getRangeByIndexes' },
  marks: { minor: 9, name: { zh: '在单元格上标注', en: 'marking cells' }, because: 'Worksheet.getRanges, RangeAreas.conditionalFormats' },
  resultsSheet: { minor: 9, name: { zh: '写入校验结果表', en: 'writing the results sheet' }, because: 'Worksheet.autoFilter' },
  inputRules: { minor: 8, name: { zh: '设置输入规则', en: 'setting input rules' }, because: 'Range.dataValidation' },
  printing: { minor: 9, name: { zh: '打印设置', en: 'print setup' }, because: 'Worksheet.pageLayout' },
  live: { minor: 9, name: { zh: '修改后自动复查', en: 're-checking edits automatically' }, because: 'WorksheetCollection.onChanged' },
  liveSorts: { minor: 10, name: { zh: '排序后自动复查', en: 're-checking after a sort' }, because: 'WorksheetCollection.onRowSorted' },
  delayForCellEdit: { minor: 11, name: { zh: '编辑单元格时暂缓复查', en: 'waiting while a cell is being edited' }, because: 'RunOptions.delayForCellEdit' },
  merges: { minor: 13, name: { zh: '直接读取合并单元格', en: 'reading merged cells directly' }, because: 'Range.getMergedAreasOrNullObject' },
  sparseRead: { minor: 9, name: { zh: '只读取超大工作表中有值的区域', en: 'reading only the filled areas of a huge sheet' }, because: 'Range.getSpecialCellsOrNullObject' },
  insertSheets: { minor: 13, name: { zh: '把结果工作表插入当前工作簿', en: 'inserting result sheets into this workbook' }, because: 'Workbook.insertWorksheetsFromBase64' },
  createWorkbook: { minor: 8, name: { zh: '在 Excel 中打开新工作簿', en: 'opening a new workbook in Excel' }, because: 'Excel.createWorkbook' },
  undoKept: { minor: 20, name: { zh: '写入后仍可撤销', en: 'keeping Undo after writing' }, because: 'ExcelApi 1.20 undo support' },
};

function requirements(): Office.RequirementSetSupport | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when this Excel supports ExcelApi 1.<minor>. Without Office's requirement API (unit tests, or a host that
 * does not tell) the answer is "yes": Excel itself then reports what it cannot do.
 */
export function supportsExcelApi(minor: number): boolean {
  const r = requirements();
  if (!r || typeof r.isSetSupported !== 'function') return true;
  try {
    return !!r.isSetSupported('ExcelApi', `1.${minor}`);
  } catch {
    return false;
  }
}

export function supports(feature: Feature): boolean {
  return supportsExcelApi(FEATURES[feature].minor);
}

/** The highest ExcelApi 1.x this Excel reports (undefined when it does not tell). */
export function highestExcelApi(): number | undefined {
  const r = requirements();
  if (!r || typeof r.isSetSupported !== 'function') return undefined;
  let best: number | undefined;
  for (let m = 1; m <= 30; m++) {
    try {
      if (r.isSetSupported('ExcelApi', `1.${m}`)) best = m;
      else break;
    } catch {
      break;
    }
  }
  return best;
}

/** Which Excel versions bring a requirement set, in words an officer recognises. */
export function excelsWith(minor: number): Localized {
  if (minor <= 7) return { zh: 'Excel 2019 及以后的版本、Microsoft 365、Excel 网页版', en: 'Excel 2019 or later, Microsoft 365, Excel on the web' };
  if (minor <= 14) return { zh: 'Excel 2021 及以后的版本、Microsoft 365、Excel 网页版', en: 'Excel 2021 or later, Microsoft 365, Excel on the web' };
  if (minor <= 17) return { zh: 'Excel 2024、Microsoft 365、Excel 网页版', en: 'Excel 2024, Microsoft 365, Excel on the web' };
  return { zh: '最新的 Microsoft 365 或 Excel 网页版', en: 'an up-to-date Microsoft 365 or Excel on the web' };
}

function thisExcel(): Localized {
  const h = highestExcelApi();
  return h === undefined ? { zh: '', en: '' } : { zh: `（它只支持到 ExcelApi 1.${h}）`, en: ` (it supports up to ExcelApi 1.${h})` };
}

/** "本 Excel 不支持“在单元格上标注”：需要 ExcelApi 1.9（…）。" */
export function unavailableMessage(feature: Feature): Localized {
  const f = FEATURES[feature];
  const where = excelsWith(f.minor);
  const here = thisExcel();
  return {
    zh: `这台电脑上的 Excel 不能“${f.name.zh}”：需要 ExcelApi 1.${f.minor}，即 ${where.zh}${here.zh}。`,
    en: `This Excel cannot do ${f.name.en}: it needs ExcelApi 1.${f.minor} (${where.en})${here.en}.`,
  };
}

/** Thrown when an action needs more than this Excel has; `localized` is the message to show. */
export class FeatureUnavailableError extends Error {
  readonly localized: Localized;
  constructor(readonly feature: Feature) {
    const m = unavailableMessage(feature);
    super(m.en);
    this.name = 'FeatureUnavailableError';
    this.localized = m;
  }
}

export function requireFeature(feature: Feature): void {
  if (!supports(feature)) throw new FeatureUnavailableError(feature);
}

/** What the pane does instead, per missing feature (none: the problems are listed in the pane). */
const FALLBACK: Partial<Record<Feature, Localized>> = {
  merges: { zh: '合并单元格改为从工作簿文件中读取（稍慢）。', en: 'Merged cells are read from the workbook file instead (slower).' },
  insertSheets: { zh: '评分结果改为下载文件。', en: 'Scoring results are downloaded instead.' },
  createWorkbook: { zh: '培育跟踪工作簿改为下载文件。', en: 'Tracking workbooks are downloaded instead.' },
  liveSorts: { zh: '排序后请点“重新校验”。', en: 'After sorting, choose Check again.' },
};

/**
 * What the task pane says about this Excel before anything is done: every action it cannot do, grouped into one
 * message per requirement set, and what still works. Empty on a current Excel.
 */
export function limitsOfThisExcel(): Localized[] {
  const out: Localized[] = [];
  if (!supports('read')) {
    out.push({
      zh: `这台电脑上的 Excel 太旧，匠选加载项不能读取工作簿（需要 ExcelApi 1.${FEATURES.read.minor}，即 ${excelsWith(FEATURES.read.minor).zh}）。请改用匠选网页版：用浏览器打开本加载项的地址（…/taskpane.html），选择工作簿文件即可校验。`,
      en: `This Excel is too old for the add-in to read the workbook (it needs ExcelApi 1.${FEATURES.read.minor}: ${excelsWith(FEATURES.read.minor).en}). Use the Jiangxuan web page instead: open the add-in's address (…/taskpane.html) in a browser and choose the workbook file.`,
    });
    return out;
  }
  // Not listed: reading itself (said above), and what only changes how (undo, waiting for an edit, huge sheets' filled areas).
  const missing = (Object.keys(FEATURES) as Feature[]).filter((f) => f !== 'read' && f !== 'undoKept' && f !== 'delayForCellEdit' && f !== 'sparseRead' && !supports(f));
  const byMinor = new Map<number, Feature[]>();
  for (const f of missing) {
    const m = FEATURES[f].minor;
    byMinor.set(m, [...(byMinor.get(m) ?? []), f]);
  }
  for (const [minor, feats] of [...byMinor].sort((a, b) => a[0] - b[0])) {
    const names = feats.map((f) => FEATURES[f].name);
    const fallbacks = feats.map((f) => FALLBACK[f]).filter((x, i, all): x is Localized => !!x && all.findIndex((y) => y?.zh === x.zh) === i);
    const fallback = fallbacks.length
      ? { zh: fallbacks.map((x) => x.zh).join(''), en: fallbacks.map((x) => x.en).join(' ') }
      : { zh: '问题仍在面板中列出，点击即可定位到单元格。', en: 'Problems are still listed in the pane; click one to go to its cell.' };
    out.push({
      zh: `${names.map((n) => `“${n.zh}”`).join('、')}需要 ExcelApi 1.${minor}（${excelsWith(minor).zh}），这台电脑上的 Excel 不支持${thisExcel().zh}。${fallback.zh}`,
      en: `${names.map((n) => n.en).join(', ')}: needs ExcelApi 1.${minor} (${excelsWith(minor).en}), which this Excel lacks${thisExcel().en}. ${fallback.en}`,
    });
  }
  return out;
}
