/** One nominee's form as read: the value of each field and where on the sheet (or in the Word table) it is. */
import type { CellValue } from '../model/grid';

export interface FormPlace {
  row: number;
  col: number;
}

export interface FormRecord {
  /** The sheet, or the Word file, the form was read from. */
  sheet: string;
  /** The form's title line as printed, when it has one. */
  title?: string;
  /** Field key → value: a cell's own value when the value is a whole cell, else the text read. */
  values: Map<string, CellValue>;
  /** Field key → where the value is, or where it would be typed (the empty cell beside its label). */
  places: Map<string, FormPlace>;
  /** Field key → the label as printed on this form (for messages about a Word file: “身份证”). */
  labels: Map<string, string>;
  /** Where findings about the form as a whole go (its title, else its first label). */
  anchor: FormPlace;
  /** Distinct rows holding labels: a form spreads its labels over many rows, a table has one header row. */
  labelRows: number;
}
