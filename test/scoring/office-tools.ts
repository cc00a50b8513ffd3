/**
 * LibreOffice and poppler as a user's office would treat our files (see ../shared/TOOLCHAIN.md): recalculate every
 * formula and export each sheet as CSV, open and save a workbook again, print a workbook to PDF and read the pages
 * back as text. HOME and the LibreOffice profile live in a temp folder; every call is bounded in time.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : undefined;
}

export const soffice = which('soffice') ?? which('libreoffice');
export const poppler = !!(which('pdfinfo') && which('pdftotext'));
/** LibreOffice's Python bridge (apt python3-uno): needed to type into cells as a person does. */
export const pyuno = !!soffice && spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;

const RECALC = (mode: number) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/** Runs LibreOffice on `bytes` (named in.xlsx) with each filter; returns the output folder's files per filter. */
function convert(bytes: Uint8Array, filters: string[], opts: { recalc: boolean }): Map<string, Map<string, Buffer>> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-lo-'));
  try {
    mkdirSync(join(dir, 'lo', 'user'), { recursive: true });
    // 0: always recalculate on load (ignore the results we wrote); 1: never.
    writeFileSync(join(dir, 'lo', 'user', 'registrymodifications.xcu'), RECALC(opts.recalc ? 0 : 1));
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    const out = new Map<string, Map<string, Buffer>>();
    filters.forEach((filter, i) => {
      const to = join(dir, `out${i}`);
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', filter, '--outdir', to, join(dir, 'in.xlsx')], {
        env: { ...process.env, HOME: dir },
        stdio: 'pipe',
        timeout: 120000,
      });
      out.set(filter, new Map(readdirSync(to).map((f) => [f, readFileSync(join(to, f))])));
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Minimal CSV reader (LibreOffice quotes fields with commas, quotes or line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Every sheet, every formula recalculated by LibreOffice, as CSV rows (raw values, full precision). */
export function recalculatedSheets(bytes: Uint8Array): Map<string, string[][]> {
  const files = convert(bytes, [CSV], { recalc: true }).get(CSV)!;
  return new Map([...files].map(([f, b]) => [f.replace(/^in-/, '').replace(/\.csv$/, ''), parseCsv(b.toString('utf8'))]));
}

/** The workbook opened and saved again by LibreOffice (as an expert using LibreOffice would return it). */
export function savedByLibreOffice(bytes: Uint8Array): Uint8Array {
  const filter = 'xlsx:Calc MS Excel 2007 XML';
  return convert(bytes, [filter], { recalc: false }).get(filter)!.get('in.xlsx')!;
}

export interface PrintedPdf {
  pages: number;
  /** The text of each page (pdftotext -layout). */
  text: string[];
  /** The text of each page in reading order (pdftotext without -layout): a wrapped cell's lines stay together. */
  plain: string[];
  /** Page size in points, from pdfinfo. */
  size: string;
}

/** The workbook printed to PDF by LibreOffice (every visible sheet, with its page setup). */
export function printToPdf(bytes: Uint8Array): PrintedPdf {
  const pdf = convert(bytes, ['pdf:calc_pdf_Export'], { recalc: false }).get('pdf:calc_pdf_Export')!.get('in.pdf')!;
  const dir = mkdtempSync(join(tmpdir(), 'jx-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'in.pdf')], { encoding: 'utf8', timeout: 60000 });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const size = /Page size:\s+([^\n]+)/.exec(info)![1].trim();
    const text: string[] = [];
    const plain: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = ['-f', String(p), '-l', String(p), join(dir, 'in.pdf'), '-'];
      text.push(execFileSync('pdftotext', ['-layout', ...page], { encoding: 'utf8', timeout: 60000 }));
      plain.push(execFileSync('pdftotext', page, { encoding: 'utf8', timeout: 60000 }));
    }
    return { pages, text, plain, size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Types into the first sheet of a workbook in a running LibreOffice, the way an expert does (cell by cell, then
 * Enter; AutoInput, data validation and protection apply), and saves it as .xlsx (type-in-libreoffice.py).
 * Returns the saved bytes and each typed cell's text after Enter.
 */
export async function typeInLibreOffice(bytes: Uint8Array, cells: [string, string][]): Promise<{ bytes: Uint8Array; cells: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-uno-'));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  // A process group of its own, so that LibreOffice's helper processes end with it.
  const lo = spawn(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--invisible', '--norestore', `--accept=socket,host=127.0.0.1,port=${port};urp;`], {
    env: { ...process.env, HOME: dir },
    stdio: 'ignore',
    detached: true,
  });
  try {
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    writeFileSync(join(dir, 'cells.json'), JSON.stringify(cells));
    const out = execFileSync('/usr/bin/python3', [join(__dirname, 'type-in-libreoffice.py'), port, join(dir, 'in.xlsx'), join(dir, 'out.xlsx'), join(dir, 'cells.json')], {
      encoding: 'utf8',
      timeout: 120000,
    });
    return { bytes: readFileSync(join(dir, 'out.xlsx')), cells: JSON.parse(out.trim().split('\n').pop()!) };
  } finally {
    if (lo.pid) {
      try {
        process.kill(-lo.pid, 'SIGKILL');
      } catch {
        // already ended
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
