/**
 * Test data for the scoring tests: a candidate workbook written by the sample generator (src/samples), an expert
 * list, and "an expert filling in the sheet" with exceljs, the way Excel would save it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildNominees, writeNominationWorkbook } from '../../src/samples/fake-nominees';

export interface CandidateSpec {
  name: string;
  unit: string;
  group?: string;
}

/** A 上海质量工匠 2025 nomination workbook (summary + details, fake IDs and phones) with these names and units. */
export async function candidatesWorkbook(specs: CandidateSpec[], programme = 'sqc-2025'): Promise<Uint8Array> {
  const nominees = buildNominees({ count: specs.length, seed: 42, programme });
  specs.forEach((s, i) => {
    nominees[i].name = s.name;
    nominees[i].values.name = s.name;
    nominees[i].values.unit = s.unit;
    if (s.group) nominees[i].values.groupName = s.group;
  });
  return writeNominationWorkbook(programme, nominees);
}

export async function expertsWorkbook(rows: (string | null)[][], header = ['姓名', '单位', '邮箱']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名单');
  ws.addRow(['2025 年书面初评专家']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export interface RowFill {
  criteria?: (number | string | null)[];
  recommend?: string | null;
  comment?: string;
  /** 回避声明: a reason from the drop-down (or any text). */
  recusal?: string;
  /** A ballot's 名次. */
  position?: number | string | null;
}

/**
 * Opens an expert's score sheet with exceljs, fills the rows (found by the code in column A), optionally lets
 * the test damage it, and saves it with the given "last saved" time.
 */
export async function fillSheet(
  bytes: Uint8Array,
  fills: Record<string, RowFill>,
  opts: { modified?: Date; mutate?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void; blind?: boolean } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('评分表')!;
  const header = ws.getRow(3).values as unknown[];
  const colOf = (label: string) => header.findIndex((v) => typeof v === 'string' && v.startsWith(label));
  const firstCrit = colOf('引领力');
  const rec = colOf('是否推荐');
  const comment = colOf('评语');
  const recusal = colOf('回避声明');
  const position = colOf('名次');
  ws.eachRow((row, n) => {
    if (n < 4) return;
    const code = row.getCell(1).value;
    const f = typeof code === 'string' ? fills[code] : undefined;
    if (!f) return;
    (f.criteria ?? []).forEach((v, k) => {
      row.getCell(firstCrit + k).value = v;
    });
    if (f.recommend !== undefined) row.getCell(rec).value = f.recommend;
    if (f.comment !== undefined) row.getCell(comment).value = f.comment;
    if (f.recusal !== undefined) row.getCell(recusal).value = f.recusal;
    if (f.position !== undefined) row.getCell(position).value = f.position;
  });
  opts.mutate?.(ws, wb);
  wb.modified = opts.modified ?? new Date(Date.UTC(2025, 3, 1, 9, 0, 0));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every text part of an .xlsx (all sheets, hidden ones too, shared strings, properties), concatenated. */
export async function allXmlText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: string[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir && /\.(xml|rels)$/.test(f.name)) parts.push(await f.async('string'));
  return parts.join('\n');
}

/** A total split evenly over the five forces (totals in the tests are multiples of 2.5). */
export function even(total: number): number[] {
  return [1, 2, 3, 4, 5].map(() => total / 5);
}
