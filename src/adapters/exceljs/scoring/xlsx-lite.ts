/**
 * A small, fast reader for the workbooks Jiangxuan itself sends out (score sheets, the organiser's key), used when
 * consolidating: it reads the sheet list with each sheet's visibility, the cell values and formulas of the sheets
 * asked for, and the document's last-saved time — nothing else. exceljs takes ~40 ms per returned file (styles,
 * validations, protection, every cell's model); this takes a few, which is what keeps 50 experts' files under the
 * 3-second target. Returned files come from outside, so nothing here uses a regular expression over their XML: the
 * parts go through the fast reader's streaming unzip and linear scanner (../../xlsx-fast, ../ooxml/xml-scan.ts),
 * and what is read is bounded by the reading budget like any workbook. The bytes are sniffed first, so unusable
 * files get the same precise WorkbookReadError messages as everywhere else; arbitrary user workbooks (candidate
 * and expert lists) go through readWorkbookBytes (src/adapters/files/read-workbook.ts).
 *
 * Browser-safe.
 */
import type { CellValue } from '../../../core/model/grid';
import type { WorkbookBytes } from '../ooxml/encoding';
import type { WorkbookSheetPart } from '../ooxml/rels';
import type { Tag, XmlHandler } from '../ooxml/xml-scan';
import { GridSink, newTally, type Tally } from '../../xlsx-fast/grid-sink';
import { XlsxPackage } from '../../xlsx-fast/package';
import { readSharedStrings, readWorkbookParts } from '../../xlsx-fast/parts';
import { SheetCellsHandler, type SheetContext } from '../../xlsx-fast/sheet-cells';

export type { SheetState } from '../ooxml/rels';

/** A sheet of the workbook: name, visibility and part. */
export type LiteSheetInfo = WorkbookSheetPart;

export interface LiteSheet {
  /**
   * 0-based rows and columns, like the core's grid (cell A1 is rows[0][0]), bounded the same way: a row without
   * values is a hole, a row ends at its last value. Formula cells give their cached result; numbers stay numbers
   * (no date formats are applied); an empty text result of a formula is "".
   */
  rows: CellValue[][];
  /** Formula text (without "=") by 0-based row * 16384 + col. */
  formulas: Map<number, string>;
}

export interface LiteWorkbook {
  sheets: LiteSheetInfo[];
  /** docProps/core.xml dcterms:modified: when the file was last saved (Excel, WPS and LibreOffice set it). */
  modified?: Date;
  read(sheet: LiteSheetInfo): Promise<LiteSheet>;
}

/** The text of docProps/core.xml's <dcterms:modified>. */
class ModifiedHandler implements XmlHandler {
  wantText = false;
  value = '';
  open(name: string, _tag: Tag): void {
    if (name === 'modified') this.wantText = true;
  }
  close(name: string): void {
    if (name === 'modified') this.wantText = false;
  }
  text(t: string): void {
    this.value += t;
  }
}

/** Opens workbook bytes; throws WorkbookReadError (only) when they are not a usable .xlsx. */
export async function openLiteWorkbook(input: WorkbookBytes): Promise<LiteWorkbook> {
  const pkg = XlsxPackage.open(input);
  const parts = await readWorkbookParts(pkg);
  // All sheets with a part, whatever their kind (a chart sheet renamed over the scores is the core's to judge).
  const sheets: LiteSheetInfo[] = parts.sheets.map((s) => ({ name: s.name, state: s.state, part: s.part }));
  let modified: Date | undefined;
  try {
    const h = new ModifiedHandler();
    if (await pkg.scan('docProps/core.xml', h)) {
      const d = new Date(h.value.trim());
      if (h.value.trim() && !Number.isNaN(d.getTime())) modified = d;
    }
  } catch {
    // A missing or odd core.xml only loses the save time.
  }
  let ctx: SheetContext | undefined;
  // One budget for everything read from this file, however many sheets are asked for.
  const tally: Tally = newTally();
  const wb: LiteWorkbook = {
    sheets,
    read: async (sheet) => {
      ctx ??= { shared: await readSharedStrings(pkg, parts.sharedStrings), dateStyles: [], date1904: parts.date1904 };
      const sink = new GridSink(sheet.name, tally);
      const formulas = new Map<number, string>();
      const cells = {
        cell: (row: number, col: number, value: CellValue, formula: string | undefined) => {
          sink.cell(row, col, value);
          if (formula !== undefined) formulas.set(row * 16384 + col, formula);
        },
        emptyFormula: (row: number, col: number, formula: string) => {
          formulas.set(row * 16384 + col, formula);
        },
      };
      if (!(await pkg.scan(sheet.part, new SheetCellsHandler(ctx, cells, { formulas: true, keepEmptyText: true }), sheet.name))) {
        return { rows: [], formulas };
      }
      return { rows: sink.grid(false).rows, formulas };
    },
  };
  if (modified) wb.modified = modified;
  return wb;
}
