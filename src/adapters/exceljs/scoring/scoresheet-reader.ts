/**
 * Reads a returned file: bytes → ScoreFileContent (its sheets and their cells, the protection of each sheet, the
 * metadata sheet parsed). What the content means — ours or not, bound to its expert, which scores count — is decided
 * by the core (src/core/scoring/score-file.ts); the MACs are checked against the key by consolidate-files.ts.
 * Browser-safe. Never throws: whatever goes wrong while reading one file makes that file 'unreadable', with the
 * reason, and the other files are read as usual.
 */
import JSZip from 'jszip';
import type { Localized } from '../../../core/model/findings';
import { SHEETS } from '../../../core/scoring/metadata';
import { checkScoreFile, ReadContext, ReturnedSheet, ScoreFile, ScoreFileContent, SheetProtection } from '../../../core/scoring/score-file';
import { isWorkbookReadError, WorkbookReadError } from '../errors';
import { asBytes, type WorkbookBytes } from '../load';
import { attributes, localAttribute, startTagAttributes } from '../ooxml/xml';
import { readPart } from '../ooxml/zip';
import { detectFileFormat, type FileFormat } from '../../files/file-format';
import { sheetJsLiteWorkbook } from '../../sheetjs';
import { readMetaSheet } from './meta-sheet';
import { openLiteWorkbook, type LiteWorkbook } from './xlsx-lite';

export type { ReadContext, ScoreFile, ScoreFileContent } from '../../../core/scoring/score-file';

/** The reason given for a failure that is not one of the reader's own (a damaged part, an odd structure). */
const DAMAGED: Localized = {
  zh: '文件已损坏，无法读取其中的内容（可能在传输中被截断或被其他程序改坏），请让对方重新发送原文件',
  en: 'the file is damaged and its contents cannot be read (cut short in transit or broken by another program); ask for the file again',
};

function reasonOf(e: unknown): Localized {
  return isWorkbookReadError(e) ? e.localized : DAMAGED;
}

/**
 * .xlsx through the fast reader; a sheet an expert re-saved as .xls, .et or .ods (WPS, LibreOffice), or any other
 * format the file entry reads, through SheetJS into the same structure. Throws WorkbookReadError otherwise.
 */
async function openReturnedWorkbook(bytes: Uint8Array, format: FileFormat, file: string): Promise<LiteWorkbook> {
  if (format.reader === 'sheetjs') return sheetJsLiteWorkbook(bytes, format.format, file);
  if (format.reader === 'none') throw new WorkbookReadError(format.code, format.kind ? { kind: format.kind } : {});
  return openLiteWorkbook(bytes);
}

/** The sheet's <sheetProtection>, or null when it has none. */
function protectionOf(xml: string): SheetProtection | null {
  const text = startTagAttributes(xml, 'sheetProtection');
  if (text === undefined) return null;
  const a = attributes(text);
  const get = (n: string) => localAttribute(a, n);
  const on = get('sheet');
  const p: SheetProtection = { sheet: on === '1' || on === 'true' };
  const spin = Number(get('spinCount'));
  if (get('algorithmName')) p.algorithmName = get('algorithmName');
  if (get('hashValue')) p.hashValue = get('hashValue');
  if (get('saltValue')) p.saltValue = get('saltValue');
  if (get('spinCount') !== undefined && Number.isFinite(spin)) p.spinCount = spin;
  if (get('password')) p.password = get('password');
  return p;
}

/** The file's content as plain data. Never throws: a file that cannot be read is content of kind 'unreadable'. */
export async function readScoreFileContent(input: WorkbookBytes, file: string): Promise<ScoreFileContent> {
  try {
    const bytes = asBytes(input);
    const format = detectFileFormat(bytes, file);
    const wb = await openReturnedWorkbook(bytes, format, file);
    const sheets: ReturnedSheet[] = wb.sheets.map((s) => ({ name: s.name, state: s.state }));
    const content: ScoreFileContent = { kind: 'workbook', file, sheets };
    if (wb.modified) content.modified = wb.modified;
    const found = await readMetaSheet(wb);
    if (!found) return content;
    content.meta = { parsed: found.parsed };
    // Only a score sheet's cells are looked at (a few small sheets); keys and results are known by their metadata.
    if (found.parsed.kind === 'scoresheet') {
      // The protection is read from the .xlsx package; a sheet re-saved in another format leaves it unknown.
      const zip = format.reader === 'exceljs' ? await JSZip.loadAsync(bytes) : undefined;
      for (let i = 0; i < wb.sheets.length; i++) {
        const info = wb.sheets[i];
        if (info.name === SHEETS.meta) continue;
        sheets[i].cells = await wb.read(info);
        if (zip && (info.name === SHEETS.scores || info.state === 'visible')) {
          const xml = await readPart(zip, info.part);
          sheets[i].protection = xml === undefined ? null : protectionOf(xml);
        }
      }
    }
    return content;
  } catch (e) {
    return { kind: 'unreadable', file, reason: reasonOf(e) };
  }
}

/** Reads and checks one returned file (the core's checks on the reader's content), without a key. */
export async function readScoreFile(bytes: WorkbookBytes, file: string, ctx: ReadContext): Promise<ScoreFile> {
  return checkScoreFile(await readScoreFileContent(bytes, file), ctx);
}
