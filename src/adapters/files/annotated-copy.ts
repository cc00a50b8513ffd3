/**
 * The annotated copy of any file readWorkbookBytes reads, for every front end (CLI `validate --out`, the page's
 * 下载标注版). It is always an .xlsx workbook: an .xlsx is annotated as it is; any other format is first written as
 * .xlsx from the same parse (cells in the same places, text kept as text), then annotated by the same exceljs
 * annotator. The user's file is never written. Browser-safe.
 */
import type { Finding } from '../../core/model/findings';
import { annotateWorkbook, type AnnotateOptions } from '../exceljs/annotate';
import { asBytes, type WorkbookBytes } from '../exceljs/load';
import { WorkbookReadError } from '../exceljs/errors';
import { sheetJsWorkbookAsXlsx } from '../sheetjs';
import { detectFileFormat } from './file-format';

export interface AnnotatedCopy {
  /** The .xlsx bytes. */
  bytes: Uint8Array;
  /** True when the input was not .xlsx and was converted (front ends say so). */
  converted: boolean;
}

export async function annotatedCopy(input: WorkbookBytes, findings: readonly Finding[], opts: AnnotateOptions & { name?: string }): Promise<AnnotatedCopy> {
  const bytes = asBytes(input);
  const format = detectFileFormat(bytes, opts.name);
  const { name, ...annotate } = opts;
  switch (format.reader) {
    case 'exceljs':
      return { bytes: await annotateWorkbook(bytes, findings as Finding[], annotate), converted: false };
    case 'sheetjs': {
      const xlsx = await sheetJsWorkbookAsXlsx(bytes, format.format, name);
      return { bytes: await annotateWorkbook(xlsx, findings as Finding[], annotate), converted: true };
    }
    case 'none':
      throw new WorkbookReadError(format.code, format.kind ? { kind: format.kind } : {});
  }
}

