/**
 * The WPS 表格 (ET) JS API object model, as far as 匠选 uses it.
 *
 * Why this file exists: the npm package wps-jsapi-declare (2.0.0 and 2.2.0, the only versions published) declares
 * WPS 文字 (namespace Wps), the shared Office objects (Kso) and the add-in root (WPS.AddonRoot: CreateTaskPane,
 * PluginStorage, ribbonUI…), but no spreadsheet model: no Worksheet, Range, Interior or Validation. These
 * declarations follow WPS's published ET JSAPI reference (Application.ApiEvent events such as SheetChange(Sh,
 * Target)) and the Excel VBA object model that ET mirrors member for member, with the JSAPI's conventions:
 * collections are read with `.Item(i)` (1-based), properties that take arguments are called (`Address(false,
 * false)`, `Cells.Item(r, c)`), values are assigned through Value2, colours are BGR numbers (red in the low byte).
 *
 * A module (import type { Et } from 'types/wps-et'), so no global leaks into other compilations.
 * test/adapters/wps builds its strict simulation of ET from this file and wps-jsapi-declare with the TypeScript
 * compiler API (scripts/wps/et-model.js): a member the adapter uses that is not declared here makes the
 * simulation throw. Add a member here only with the reference page that documents it.
 */
export declare namespace Et {
  /** A Range.Value2 cell: text, number (dates are serial numbers), boolean, empty; errors come as CVErr codes. */
  type Value2Cell = string | number | boolean | null | undefined;

  interface Application {
    readonly ActiveWorkbook: Workbook | null;
    readonly ActiveSheet: Worksheet | null;
    /** Event hub of the add-in API (ET JSAPI reference, 事件). */
    readonly ApiEvent: ApiEvent;
    ScreenUpdating: boolean;
    /** False: no confirmation dialogs (e.g. Worksheet.Delete asks otherwise). */
    DisplayAlerts: boolean;
    readonly Name: string;
    readonly Version: string;
    readonly Build: string;
  }

  /** Application.ApiEvent (ET JSAPI reference): callbacks are plain functions called synchronously by WPS. */
  interface ApiEvent {
    /** Fired when the user (or a link) changes cells of any sheet: Sh is the sheet, Target the changed range. */
    AddApiEventListener(EventName: 'SheetChange', callback: (Sh: Worksheet, Target: Range) => void): void;
    AddApiEventListener(EventName: 'SheetActivate', callback: (Sh: Worksheet) => void): void;
    AddApiEventListener(EventName: 'WorkbookActivate', callback: (Wb: Workbook) => void): void;
    RemoveApiEventListener(EventName: 'SheetChange', callback?: (Sh: Worksheet, Target: Range) => void): void;
    RemoveApiEventListener(EventName: 'SheetActivate', callback?: (Sh: Worksheet) => void): void;
    RemoveApiEventListener(EventName: 'WorkbookActivate', callback?: (Wb: Workbook) => void): void;
  }

  interface Workbook {
    readonly Name: string;
    readonly FullName: string;
    /** Worksheets only (no chart sheets), in tab order. */
    readonly Worksheets: Sheets;
    readonly Sheets: Sheets;
    readonly Saved: boolean;
  }

  interface Sheets {
    readonly Count: number;
    /** 1-based index or sheet name. */
    Item(Index: number | string): Worksheet;
    /** A new worksheet before/after the given one (VBA Sheets.Add). */
    Add(Before?: Worksheet, After?: Worksheet, Count?: number, Type?: number): Worksheet;
  }

  interface Worksheet {
    Name: string;
    readonly Index: number;
    /** xlSheetVisible = -1, xlSheetHidden = 0, xlSheetVeryHidden = 2. */
    Visible: number;
    /** True while the sheet is protected (cells cannot be formatted). */
    readonly ProtectContents: boolean;
    readonly UsedRange: Range;
    readonly Cells: Range;
    readonly Comments: Comments;
    /** "A1", "A1:C3", or two corner cells. */
    Range(Cell1: string | Range, Cell2?: string | Range): Range;
    Activate(): void;
    Delete(): void;
  }

  interface Range {
    /** The cell values without currency/date conversion: a scalar for one cell, rows × columns for several. */
    Value2: Value2Cell | Value2Cell[][];
    /** The number format: a string when every cell has the same, null when they differ. */
    NumberFormat: string | null;
    NumberFormatLocal: string | null;
    /** The displayed text of the first cell (errors show as "#DIV/0!"). */
    readonly Text: string | null;
    /** 1-based row and column of the first cell. */
    readonly Row: number;
    readonly Column: number;
    readonly Rows: Range;
    readonly Columns: Range;
    readonly Count: number;
    readonly Areas: Areas;
    readonly Worksheet: Worksheet;
    /** True when every cell is in a merged area, false when none is, null when some are. */
    readonly MergeCells: boolean | null;
    /** The merged area holding the first cell (the cell itself when it is not merged). */
    readonly MergeArea: Range;
    /**
     * Of a range of whole rows (or columns), as VBA's Range.Hidden: true when all are hidden, false when none is,
     * null when some are; any other range fails.
     */
    Hidden: boolean | null;
    readonly Interior: Interior;
    /** The cell's comment (批注), null when it has none. */
    readonly Comment: Comment | null;
    readonly Validation: Validation;
    Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
    /** Cell (RowIndex, ColumnIndex) relative to this range, 1-based. */
    Item(RowIndex: number, ColumnIndex?: number): Range;
    Resize(RowSize?: number, ColumnSize?: number): Range;
    Offset(RowOffset?: number, ColumnOffset?: number): Range;
    /** A legacy comment on the first cell; fails when the cell already has one. */
    AddComment(Text?: string): Comment;
    ClearComments(): void;
    /**
     * The last cell matching What (VBA Range.Find: LookIn xlFormulas = -4123, LookAt xlPart = 2, SearchOrder
     * xlByRows = 1 / xlByColumns = 2, SearchDirection xlPrevious = 2); null when nothing matches.
     */
    Find(What: string, After?: Range, LookIn?: number, LookAt?: number, SearchOrder?: number, SearchDirection?: number): Range | null;
    Select(): void;
    Activate(): void;
  }

  interface Areas {
    readonly Count: number;
    Item(Index: number): Range;
  }

  /** The fill of cells. Values are null for a range whose cells differ. */
  interface Interior {
    /** BGR: red + green × 256 + blue × 65536. */
    Color: number | null;
    /** Palette index; xlColorIndexNone = -4142 when the cell has no fill. */
    ColorIndex: number | null;
    /** xlPatternNone = -4142, xlSolid = 1, xlGray50 = -4125… */
    Pattern: number | null;
    PatternColor: number | null;
    TintAndShade: number | null;
  }

  /** A legacy cell comment (批注): one per cell, no id. */
  interface Comment {
    /** Text() reads; Text(text) replaces the text and returns it. */
    Text(Text?: string, Start?: number, Overwrite?: boolean): string;
    readonly Author: string;
    readonly Parent: Range;
    Delete(): void;
  }

  interface Comments {
    readonly Count: number;
    Item(Index: number): Comment;
  }

  /** Data validation of a range (VBA Validation). */
  interface Validation {
    /**
     * Type: xlValidateWholeNumber = 1, xlValidateList = 3, xlValidateTextLength = 6. AlertStyle: xlValidAlertStop
     * = 1, xlValidAlertWarning = 2. Operator: xlGreaterEqual = 7, xlLessEqual = 8. Formula1: the list ("男,女") or
     * the bound.
     */
    Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string | number, Formula2?: string | number): void;
    Delete(): void;
    readonly Type: number;
    IgnoreBlank: boolean;
    InCellDropdown: boolean;
    ShowInput: boolean;
    ShowError: boolean;
    InputTitle: string;
    InputMessage: string;
    ErrorTitle: string;
    ErrorMessage: string;
    readonly Formula1: string;
  }
}
