/**
 * 定稿: a frozen, protected copy of a result workbook, with a hash of its contents, for the panel to sign.
 * - frozen: every formula is replaced by its result (what Excel, WPS or LibreOffice last computed, or what
 *   Jiangxuan wrote), so nothing changes when the copy is opened; the workbook no longer recalculates;
 * - protected: every sheet, with a random password that is not kept (a correction means a new 定稿 from the
 *   result workbook, not an edit of the copy);
 * - the hash: SHA-256 over every cell value of every sheet (numbers to 8 significant digits; the metadata sheet
 *   and the line that shows the hash left out), written in the sign-off block and the metadata; opening and saving
 *   the copy in Excel, WPS or LibreOffice does not change it, changing a value does. Anyone can recompute it (checkFinalWorkbook): it
 *   proves a file is the one whose hash is written on the signed printout, not who made it.
 * The score-spread chart, which exceljs does not keep, is drawn again from the metadata. Browser-safe.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../../core/model/grid';
import type { Localized } from '../../../core/model/findings';
import { ResultMeta, resultMetaRows, SHEETS } from '../../../core/scoring/metadata';
import { finalLine } from '../../../core/scoring/result-content';
import { cellText } from '../../../core/text/normalize';
import { isWorkbookReadError } from '../errors';
import { setSheetProtection } from '../ooxml/exceljs-patches';
import { writeWorkbookBytes } from '../write-workbook';
import { addSpreadChart } from './chart';
import { randomPassword, sha256Hex, sheetProtectionHash } from './crypto';
import { addMetaSheet, readMetaSheet } from './meta-sheet';
import { chartAnchor } from './result-writer';
import { openLiteWorkbook } from './xlsx-lite';
import { columnLetter } from '../../../core/scoring/metadata';

/** A file that cannot be made final (or checked), with the reason in both languages. */
export class FinalizeError extends Error {
  constructor(readonly localized: Localized) {
    super(`${localized.zh} / ${localized.en}`);
    this.name = 'FinalizeError';
    Object.setPrototypeOf(this, FinalizeError.prototype);
  }
}

export interface FinalWorkbook {
  bytes: Uint8Array;
  /** SHA-256 (hex) of the contents. */
  hash: string;
  /** ISO time of the freeze. */
  at: string;
}

const NOT_A_RESULT: Localized = {
  zh: '这不是匠选的评分结果工作簿（没有结果元数据），不能定稿：请选择 jiangxuan consolidate 或页面“下载结果工作簿”得到的文件',
  en: 'not a Jiangxuan result workbook (no result metadata): choose the workbook written by jiangxuan consolidate',
};

async function resultMeta(bytes: Uint8Array): Promise<ResultMeta> {
  let found;
  try {
    found = await readMetaSheet(await openLiteWorkbook(bytes));
  } catch (e) {
    throw new FinalizeError(isWorkbookReadError(e) ? e.localized : { zh: '文件已损坏，无法读取', en: 'the file is damaged and cannot be read' });
  }
  if (!found || found.parsed.kind !== 'result') throw new FinalizeError(NOT_A_RESULT);
  return found.parsed.meta;
}

/** One line per non-empty cell, sheet by sheet in workbook order: the text the content hash covers. */
function valueText(v: CellValue): string {
  if (v instanceof Date) return 'd:' + (Number.isNaN(v.getTime()) ? 'NaN' : v.toISOString());
  // 8 significant digits: far finer than any score or mean (steps of 0.5), and coarse enough that another
  // program's re-save (LibreOffice writes 15 digits, not always rounded as JavaScript does) keeps the hash.
  if (typeof v === 'number') return 'n:' + String(Number(v.toPrecision(8)));
  if (typeof v === 'boolean') return 'b:' + String(v);
  if (typeof v === 'string') return 's:' + v;
  return 'e:' + cellText(v);
}

/** SHA-256 of every cell value of every sheet but the metadata sheet, leaving out one cell (the hash's own line). */
export async function contentHash(bytes: Uint8Array, leaveOut: { sheet: string; cell: string }): Promise<string> {
  const wb = await openLiteWorkbook(bytes);
  const parts: string[] = [];
  for (const info of wb.sheets) {
    if (info.name === SHEETS.meta) continue;
    parts.push(`# ${info.name} ${info.state}`);
    const { rows } = await wb.read(info);
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v === null || v === '') return;
        const addr = `${columnLetter(c + 1)}${r + 1}`;
        if (info.name === leaveOut.sheet && addr === leaveOut.cell) return;
        parts.push(`${addr}\t${valueText(v)}`);
      }),
    );
  }
  return sha256Hex(parts.join('\n'));
}

type FormulaLike = { formula?: string; sharedFormula?: string; result?: unknown };

/**
 * Replaces every formula of the sheet by its result. A formula without a stored result is empty (exceljs reads an
 * empty text result as none; Jiangxuan, Excel, WPS and LibreOffice always store results).
 */
function freezeSheet(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as FormulaLike | null;
      if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return;
      const r = v.result;
      cell.value = r === undefined || r === null ? null : typeof r === 'object' && r && 'error' in r ? String((r as { error: string }).error) : (r as ExcelJS.CellValue);
    }),
  );
}

/**
 * The 定稿 copy of a result workbook. Throws FinalizeError when the bytes are not a result workbook or are already
 * a 定稿 copy.
 */
export async function finalizeResultWorkbook(bytes: Uint8Array, opts: { now?: Date } = {}): Promise<FinalWorkbook> {
  const meta = await resultMeta(bytes);
  if (meta.final) {
    throw new FinalizeError({ zh: `这已经是定稿（${meta.final.at.replace('T', ' ').slice(0, 16)}），不需要再定稿`, en: 'this is already a final copy' });
  }
  const at = (opts.now ?? new Date()).toISOString();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const metaSheet = wb.getWorksheet(SHEETS.meta);
  if (metaSheet) wb.removeWorksheet(metaSheet.id);
  for (const ws of wb.worksheets) freezeSheet(ws);
  wb.calcProperties = { fullCalcOnLoad: false };
  const line = meta.finalLine ?? { sheet: wb.worksheets[0]?.name ?? '', cell: 'A1' };
  const lineCell = wb.getWorksheet(line.sheet)?.getCell(line.cell);
  if (lineCell) lineCell.value = finalLine(at, '');
  const protection = await sheetProtectionHash(randomPassword(16));
  for (const ws of wb.worksheets) setSheetProtection(ws, { sheet: true, ...protection, formatColumns: true, formatRows: true });

  // The hash covers the frozen values as they are written, then the line and the metadata say it.
  const hash = await contentHash(await writeWorkbookBytes(wb), line);
  if (lineCell) lineCell.value = finalLine(at, hash);
  const metaWs = addMetaSheet(wb, resultMetaRows({ ...meta, final: { at, hash, sheet: line.sheet, cell: line.cell } }));
  setSheetProtection(metaWs, { sheet: true, ...protection });
  let out = await writeWorkbookBytes(wb);
  if (meta.chart) out = await redrawChart(out, meta.chart);
  return { bytes: out, hash, at };
}

/** The spread chart again, from the frozen 分数分布 table (exceljs drops charts when it loads a workbook). */
async function redrawChart(bytes: Uint8Array, c: NonNullable<ResultMeta['chart']>): Promise<Uint8Array> {
  const lite = await openLiteWorkbook(bytes);
  const info = lite.sheets.find((s) => s.name === c.dataSheet);
  if (!info || !lite.sheets.some((s) => s.name === c.sheet)) return bytes;
  const { rows } = await lite.read(info);
  const slice = rows.slice(c.firstRow - 1, c.lastRow);
  const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : undefined);
  const zip = await JSZip.loadAsync(bytes);
  await addSpreadChart(zip, {
    sheet: c.sheet,
    dataSheet: c.dataSheet,
    firstRow: c.firstRow,
    lastRow: c.lastRow,
    categoryCol: 'B',
    categories: slice.map((r) => cellText(r[1] ?? null)),
    low: { name: '最低分', col: 'D', values: slice.map((r) => num(r[3])) },
    range: { name: '最低分至最高分', col: 'G', values: slice.map((r) => num(r[6])) },
    mark: { name: c.mark, col: 'E', values: slice.map((r) => num(r[4])) },
    title: c.title,
    max: c.max,
    at: chartAnchor(slice.length),
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}

export interface FinalCheck {
  /** The hash written in the copy, and the one its contents give now. */
  recorded: string;
  actual: string;
  ok: boolean;
  at: string;
}

/** Recomputes a 定稿 copy's content hash. Throws FinalizeError when the file is not a 定稿 copy. */
export async function checkFinalWorkbook(bytes: Uint8Array): Promise<FinalCheck> {
  const meta = await resultMeta(bytes);
  if (!meta.final) throw new FinalizeError({ zh: '这不是定稿副本（没有定稿记录）', en: 'not a final copy (no record of finalisation)' });
  const actual = await contentHash(bytes, { sheet: meta.final.sheet, cell: meta.final.cell });
  return { recorded: meta.final.hash, actual, ok: actual === meta.final.hash, at: meta.final.at };
}
