/**
 * Reads a returned file: bytes → ScoreFileContent (its sheets and their cells, the metadata sheet parsed, whether
 * the metadata still matches its hash). What the content means — ours or not, tampered, which scores count — is
 * decided by the core (src/core/scoring/score-file.ts). Browser-safe.
 */
import { hashInput, SHEETS } from '../../../core/scoring/metadata';
import { checkScoreFile, ReadContext, ReturnedSheet, ScoreFile, ScoreFileContent } from '../../../core/scoring/score-file';
import { isWorkbookReadError } from '../errors';
import type { WorkbookBytes } from '../load';
import { sha256Hex } from './crypto';
import { readMetaSheet } from './meta-sheet';
import { openLiteWorkbook, type LiteWorkbook } from './xlsx-lite';
import { asBytes } from '../load';
import { WorkbookReadError } from '../errors';
import { detectFileFormat } from '../../files/file-format';
import { sheetJsLiteWorkbook } from '../../sheetjs';

export type { ReadContext, ScoreFile, ScoreFileContent } from '../../../core/scoring/score-file';

/**
 * .xlsx through the fast reader; a sheet an expert re-saved as .xls, .et or .ods (WPS, LibreOffice), or any other
 * format the file entry reads, through SheetJS into the same structure. Throws WorkbookReadError otherwise.
 */
async function openReturnedWorkbook(input: WorkbookBytes, file: string): Promise<LiteWorkbook> {
  const bytes = asBytes(input);
  const format = detectFileFormat(bytes, file);
  if (format.reader === 'sheetjs') return sheetJsLiteWorkbook(bytes, format.format, file);
  if (format.reader === 'none') throw new WorkbookReadError(format.code, format.kind ? { kind: format.kind } : {});
  return openLiteWorkbook(bytes);
}

/** The file's content as plain data. Never throws for bad bytes: those are content of kind 'unreadable'. */
export async function readScoreFileContent(bytes: WorkbookBytes, file: string): Promise<ScoreFileContent> {
  let wb;
  try {
    wb = await openReturnedWorkbook(bytes, file);
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    return { kind: 'unreadable', file, reason: e.localized };
  }
  const sheets: ReturnedSheet[] = wb.sheets.map((s) => ({ name: s.name, state: s.state }));
  const content: ScoreFileContent = { kind: 'workbook', file, sheets };
  if (wb.modified) content.modified = wb.modified;
  const found = await readMetaSheet(wb);
  if (!found) return content;
  const parsed = found.parsed;
  const hashOk = parsed.kind === 'scoresheet' || parsed.kind === 'key' ? (await sha256Hex(hashInput(parsed.meta))) === parsed.meta.hash : false;
  content.meta = { parsed, hashOk };
  // Only a score sheet's cells are looked at (a few small sheets); keys and results are known by their metadata.
  if (parsed.kind === 'scoresheet') {
    for (let i = 0; i < wb.sheets.length; i++) if (wb.sheets[i].name !== SHEETS.meta) sheets[i].cells = await wb.read(wb.sheets[i]);
  }
  return content;
}

/** Reads and checks one returned file (the core's checks on the reader's content). */
export async function readScoreFile(bytes: WorkbookBytes, file: string, ctx: ReadContext): Promise<ScoreFile> {
  return checkScoreFile(await readScoreFileContent(bytes, file), ctx);
}
