/**
 * The pane's WorkbookTools (hosts/workbook-tools.ts): expert scoring and cultivation as thin wrappers over the
 * same exceljs adapter the CLI uses (src/adapters/exceljs/scoring, src/adapters/exceljs/cultivation). The only
 * pane module that runs that adapter's scoring and cultivation code; it and everything it imports (exceljs,
 * jszip) is a separate chunk (tools/load.ts). Failures become HostErrors with the adapter's own wording, CLI
 * options translated into the pane's controls.
 */
import type { Localized } from '../../core/model/findings';
import type { WorkbookGrid } from '../../core/model/grid';
import type { Profile } from '../../core/profiles/schema';
import { allBuiltinProfiles } from '../../core/profiles/builtin-profiles';
import { candidatesFromGrid } from '../../core/scoring/candidates';
import { isScoringInputError } from '../../core/scoring/problems';
import { RubricError } from '../../core/scoring/rubric';
import { CultivationCapacityError, CultivationDesignError } from '../../core/cultivation/design';
import { NoTraineeTableError } from '../../core/cultivation/trainees';
import { NoTrackingTableError, planRollover } from '../../core/cultivation/rollover';
import { isWorkbookReadError, readWorkbookBytes } from '../../adapters/files/read-workbook';
import { generateScoreSheets, NamedBytes, NamedGrid, planScoreSheets } from '../../adapters/exceljs/scoring/generate';
import { consolidateScoreFiles } from '../../adapters/exceljs/scoring/consolidate-files';
import { RESULT_SHEETS, writeResultWorkbook } from '../../adapters/exceljs/scoring/result-writer';
import { FinalizeError, finalizeResultWorkbook } from '../../adapters/exceljs/scoring/finalize';
import { zipFiles } from '../../adapters/exceljs/scoring/zip';
import { createTrackingWorkbook, rolloverTrackingWorkbook } from '../../adapters/exceljs/cultivation';
import { asHostError, HostError } from '../hosts/workbook-host';
import { formTools } from './form-tools';
import type { WorkbookSource } from '../hosts/workbook-host';
import type {
  CandidateInfo,
  ConsolidatedRound,
  ConsolidateOptions,
  FinalCopy,
  NamedFile,
  RolloverResult,
  ScoreSheetsZip,
  ScoringOptions,
  ScoringPlan,
  TrackingOptions,
  TrackingWorkbook,
  WorkbookTools,
} from '../hosts/workbook-tools';

/**
 * The result workbook's sheets as inserted into an open workbook: all but the hidden metadata sheet (the hidden
 * calculation sheets go too: the figures' formulas refer to them).
 */
export const RESULT_SHEET_NAMES: readonly string[] = Object.values(RESULT_SHEETS);

/** The CLI's option names in a message, said the way the pane offers them. */
function paneWording(l: Localized): Localized {
  return {
    zh: l.zh
      .replace(/请用 --round 指定要汇总的轮次/g, '请在“轮次”中选择要汇总的轮次')
      .replace(/或去掉 --group-by/g, '或取消“按组别分配”')
      .replace(/--group-by/g, '“按组别分配”')
      .replace(/加 --no-key（结果将注明来源未核实）/g, '勾选“没有评分安排文件，仍然汇总”（结果将注明来源未核实）')
      .replace(/（--no-key）/g, ''),
    en: l.en
      .replace(/choose one with --round/g, 'choose one under “Round”')
      .replace(/--group-by/g, '“assign by group”')
      .replace(/add --no-key/g, 'tick “No key file”')
      .replace(/ \(--no-key\)/g, ''),
  };
}

/** Any failure of these workflows as the pane shows it. */
export function workflowError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (isScoringInputError(e)) return new HostError('no-table', paneWording(e.localized), { cause: e });
  if (e instanceof RubricError) return new HostError('failed', paneWording(e.localized), { cause: e });
  if (e instanceof FinalizeError) return new HostError('failed', e.localized, { cause: e });
  if (isWorkbookReadError(e)) return new HostError('unreadable', e.localized, { cause: e });
  if (e instanceof NoTraineeTableError) {
    return new HostError(
      'no-table',
      {
        zh: '找不到培育对象名单。需要一行表头，如“姓名 | 性别 | 身份证号码 | 工作单位”（推荐汇总表、申报信息表或培育对象清单均可）。',
        en: 'No nominee list found. A header row such as “姓名 | 性别 | 身份证号码 | 工作单位” is needed (a summary sheet, nominee details or a trainee list).',
      },
      { cause: e },
    );
  }
  if (e instanceof NoTrackingTableError) {
    return new HostError(
      'no-table',
      {
        zh: '这不是培育跟踪工作簿：找不到“培育对象清单”（表头“姓名 | 身份证号码 | … | 培育状态”）。请选择用匠选生成并填写过的培育跟踪工作簿。',
        en: 'This is not a tracking workbook: no 培育对象清单 (header “姓名 | 身份证号码 | … | 培育状态”). Choose a tracking workbook made with Jiangxuan and filled in.',
      },
      { cause: e },
    );
  }
  if (e instanceof CultivationDesignError || e instanceof CultivationCapacityError) {
    return new HostError('failed', { zh: e.message, en: e.message }, { cause: e });
  }
  return asHostError(e);
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw workflowError(e);
  }
}

/** Bytes read once per file (the same bytes are planned, then generated, then maybe read again). */
const grids = new WeakMap<Uint8Array, Promise<WorkbookGrid>>();

function gridOf(source: WorkbookSource): Promise<WorkbookGrid> {
  if (source.grid) return Promise.resolve(source.grid);
  const bytes = source.bytes;
  if (!bytes) return Promise.reject(new HostError('failed', { zh: '没有打开的工作簿', en: 'No workbook is open' }));
  let g = grids.get(bytes);
  if (!g) {
    g = readWorkbookBytes(bytes, { name: source.name });
    grids.set(bytes, g);
    g.catch(() => grids.delete(bytes));
  }
  return g;
}

/** The source as the scoring adapter takes it: a grid when there is one (Excel, or already read), else bytes. */
async function named(source: WorkbookSource): Promise<NamedBytes | NamedGrid> {
  return { name: source.name, grid: await gridOf(source) };
}

// ---------------------------------------------------------------- expert scoring

/** The header the pane groups by (按组别分配). */
export const GROUP_HEADER = '组别';

/** Who the candidates of the open workbook are, before any expert list is picked. */
export function candidateInfo(profile: Profile, source: WorkbookSource): Promise<CandidateInfo> {
  return guard(async () => {
    const grid = await gridOf(source);
    try {
      const list = candidatesFromGrid(grid, profile, { groupBy: GROUP_HEADER });
      return { count: list.candidates.length, source: list.source, hasGroups: true };
    } catch {
      const list = candidatesFromGrid(grid, profile);
      return { count: list.candidates.length, source: list.source, hasGroups: false };
    }
  });
}

function scoringInput(o: ScoringOptions, candidates: NamedBytes | NamedGrid) {
  return { profile: o.profile, candidates, experts: o.experts, round: o.round, blind: o.blind, groupBy: o.groupBy ? GROUP_HEADER : undefined, ballot: o.ballot };
}

/** The assignment (who scores whom, conflicts of interest, problems) without writing anything. */
export function planScoring(o: ScoringOptions): Promise<ScoringPlan> {
  return guard(async () => planScoreSheets(scoringInput(o, await named(o.source))));
}

/** Every expert's workbook (folder 评分表) and the organiser's key (its own folder) in one .zip, written by the CLI's code. */
export function scoreSheetsZip(o: ScoringOptions & { onProgress?: (done: number, total: number) => void }): Promise<ScoreSheetsZip> {
  return guard(async () => {
    const g = await generateScoreSheets({ ...scoringInput(o, await named(o.source)), onProgress: o.onProgress });
    const zip = await zipFiles([...g.sheets, g.key]);
    return {
      zip,
      round: g.round,
      sheets: g.sheets.map((s) => ({ name: s.name, folder: s.folder, expert: s.expert.name, candidates: s.candidates })),
      keyName: g.key.name,
      keyFolder: g.key.folder,
    };
  });
}

/** Reads and checks every returned file and ranks the candidates (jiangxuan consolidate). */
export function consolidate(o: ConsolidateOptions): Promise<ConsolidatedRound> {
  return guard(() => consolidateScoreFiles({ profile: o.profile, files: o.files, round: o.round, top: o.top, allowUnverified: o.allowUnverified, onProgress: o.onProgress }));
}

/** The result workbook (jiangxuan consolidate --out); `chart: false` for Excel on the web, which cannot insert charts. */
export function resultWorkbook(round: ConsolidatedRound, opts: { chart?: boolean } = {}): Promise<Uint8Array> {
  return guard(() => writeResultWorkbook(round, opts));
}

/** The 定稿 copy of the round's result workbook (jiangxuan finalize). */
export function finalCopy(round: ConsolidatedRound): Promise<FinalCopy> {
  return guard(async () => {
    const r = await finalizeResultWorkbook(await writeResultWorkbook(round));
    return { bytes: r.bytes, hash: r.hash };
  });
}

// ---------------------------------------------------------------- cultivation

/** The built-in cultivation programme (质量工匠培育 2026). */
export function cultivationProfile(): Profile {
  const p = allBuiltinProfiles().find((x) => x.kind === 'cultivation');
  if (!p) throw new HostError('failed', { zh: '没有内置的培育项目配置', en: 'There is no built-in cultivation programme' });
  return p;
}

/** A tracking workbook for the nominees of the open workbook (jiangxuan cultivation --trainees). */
export function trackingWorkbook(o: TrackingOptions): Promise<TrackingWorkbook> {
  return guard(async () => {
    const profile = cultivationProfile();
    const r = await createTrackingWorkbook({ profile, year: o.year, periodStart: o.start, nominees: await gridOf(o.source) });
    return { ...r, profile };
  });
}

/**
 * Next year's workbook from a filled one (jiangxuan cultivation rollover). Without a year: the year after the
 * workbook's own 培育年度 (or after the programme's). A year not after the workbook's is refused, as the CLI does.
 */
export function rollover(o: { file: NamedFile; year?: number }): Promise<RolloverResult> {
  return guard(async () => {
    const profile = cultivationProfile();
    const grid = await gridOf(o.file);
    const fromYear = planRollover(grid, profile, profile.year + 1).report.fromYear;
    const year = o.year ?? (fromYear ?? profile.year) + 1;
    if (fromYear !== undefined && year <= fromYear) {
      throw new HostError('failed', {
        zh: `新年度 ${year} 应晚于原工作簿的培育年度 ${fromYear}，如 ${fromYear + 1}`,
        en: `The new year ${year} must come after the workbook’s ${fromYear}, e.g. ${fromYear + 1}`,
      });
    }
    const r = await rolloverTrackingWorkbook(grid, { profile, year });
    return { bytes: r.bytes, report: r.report, year };
  });
}

/** The implementation the pane's sections use (through tools/load.ts). */
export const workbookTools: WorkbookTools = {
  forms: formTools,
  candidateInfo,
  planScoring,
  scoreSheetsZip,
  consolidate,
  resultWorkbook,
  resultSheetNames: RESULT_SHEET_NAMES,
  finalCopy,
  trackingWorkbook,
  rollover,
};
