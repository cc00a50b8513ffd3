/**
 * Which reader gets a file's bytes: exceljs for .xlsx; SheetJS (loaded on demand) for the formats offices also
 * send — Excel 97-2003 and WPS .et (OLE2/BIFF8), OpenDocument spreadsheets, .xlsb, HTML tables and Excel 2003 XML
 * that web platforms export under an .xls name, and CSV/TXT; or no reader, with the reason. Decided from the
 * bytes; the name only matters for plain text, which has no signature. Pure and browser-safe.
 */
import type { ForeignKind, ReadFailureCode } from '../../core/check/failures';
import { sniffWorkbook, indexOfBytes } from '../exceljs/sniff';
import { utf16le } from '../exceljs/ooxml/encoding';
import { u16, u32, zipDirectory, ZIP_SIGNATURE } from '../exceljs/ooxml/zip';
import { oleIsComplete } from '../sheetjs/ole';

/** What SheetJS is asked to read. */
export type SheetJsFormat = 'xls' | 'ods' | 'xlsb' | 'html' | 'xml' | 'text';

export type FileFormat =
  | { reader: 'exceljs' }
  | { reader: 'sheetjs'; format: SheetJsFormat }
  | { reader: 'none'; code: ReadFailureCode; kind?: ForeignKind };

/**
 * Names under which a text file is read as a table: CSV and TXT as saved by Excel, WPS and LibreOffice, and the
 * tab-separated text some web platforms export as ".xls".
 */
const TABLE_TEXT_NAME = /\.(csv|tsv|txt|xls|et)$/i;

const WORD_STREAM = utf16le('WordDocument');
const POWERPOINT_STREAM = utf16le('PowerPoint Document');

/** The "mimetype" entry an OpenDocument package stores first and uncompressed; undefined when unreadable. */
function openDocumentMimetype(b: Uint8Array): string | undefined {
  const entry = zipDirectory(b)?.find((e) => e.name === 'mimetype');
  if (!entry) return undefined;
  const at = entry.local;
  if (at + 30 > b.length || u32(b, at) !== ZIP_SIGNATURE.local || u16(b, at + 8) !== 0) return undefined;
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  let s = '';
  for (let i = start; i < Math.min(b.length, start + 100); i++) {
    const c = b[i];
    if (c < 0x21 || c > 0x7e) break;
    s += String.fromCharCode(c);
  }
  return s || undefined;
}

export function detectFileFormat(bytes: Uint8Array, name?: string): FileFormat {
  const sniffed = sniffWorkbook(bytes);
  if (sniffed.ok) return { reader: 'exceljs' };
  const none = (code: ReadFailureCode, kind?: ForeignKind): FileFormat => (kind ? { reader: 'none', code, kind } : { reader: 'none', code });
  if (sniffed.code === 'legacy-xls') {
    // An OLE2 container that is not an encrypted .xlsx: .xls and .et keep their workbook in it, .doc and .ppt too.
    if (indexOfBytes(bytes, WORD_STREAM) >= 0) return none('not-a-workbook', 'docx');
    if (indexOfBytes(bytes, POWERPOINT_STREAM) >= 0) return none('not-a-workbook', 'pptx');
    if (!oleIsComplete(bytes)) return none('truncated');
    return { reader: 'sheetjs', format: 'xls' };
  }
  if (sniffed.code !== 'not-a-workbook') return none(sniffed.code, sniffed.kind);
  switch (sniffed.kind) {
    case 'opendocument': {
      const mime = openDocumentMimetype(bytes);
      // A text document or presentation (.odt, .odp) is not a table; an unreadable mimetype is left to SheetJS.
      if (mime && !mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return none('not-a-workbook', 'opendocument');
      return { reader: 'sheetjs', format: 'ods' };
    }
    case 'xlsb':
      return { reader: 'sheetjs', format: 'xlsb' };
    case 'html':
      return { reader: 'sheetjs', format: 'html' };
    case 'xml':
      return { reader: 'sheetjs', format: 'xml' };
    case 'text':
      return name === undefined || TABLE_TEXT_NAME.test(name) ? { reader: 'sheetjs', format: 'text' } : none('not-a-workbook', 'text');
    default:
      return none('not-a-workbook', sniffed.kind);
  }
}
