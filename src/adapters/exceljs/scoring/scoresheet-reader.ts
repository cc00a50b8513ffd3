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
import { openLiteWorkbook } from './xlsx-lite';

export type { ReadContext, ScoreFile, ScoreFileContent } from '../../../core/scoring/score-file';

/** The file's content as plain data. Never throws for bad bytes: those are content of kind 'unreadable'. */
export async function readScoreFileContent(bytes: WorkbookBytes, file: string): Promise<ScoreFileContent> {
  let wb;
  try {
    wb = await openLiteWorkbook(bytes);
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
