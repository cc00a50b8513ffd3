/**
 * Many files, one run: the Shanghai Quality Association receives one workbook per recommending unit and checks
 * the whole inbox at once. Pure: each file is checked on its own (checkWorkbook), then combined here.
 *
 *   combineFiles(files: FileToCombine[]): CombinedFiles
 *
 *   - files:      in the caller's order, each `{ name, result }` (a checkWorkbook outcome's `result`) or
 *                 `{ name, failure }` (why it could not be read or checked, already worded: CheckError's
 *                 `localized`, or the reader's reason). Names should tell files apart (a relative path).
 *   - returns     per file: its 推荐单位 (footer), its findings PLUS the cross-file duplicates placed on its
 *                 rows (what its report, annotated copy and exit code use), counts, nominees;
 *                 per unit: files, nominees, counts; the people listed in several files; totals; and
 *                 `worst` ('ok' | 'errors' | 'unusable') for an exit code.
 *
 * The same person across files is decided with the keys of the in-file duplicate rule (ValidationResult.people:
 * the normalised resident ID; else name + unit, only where one of the two rows has no readable ID, since two
 * different IDs are two people). Rows of the same file are not compared again: the in-file rule reports them.
 */
import { countFindings, Finding, FindingCounts, Localized } from '../model/findings';
import { cellAddress } from '../model/grid';
import { compareKey } from '../text/normalize';
import { report } from '../rules/catalogue';
import type { NomineeKeys, ValidationResult } from '../rules/validate-workbook';

export type FileToCombine = { name: string; result: ValidationResult; failure?: undefined } | { name: string; failure: Localized; result?: undefined };

export interface CombinedFile {
  name: string;
  /** 推荐单位 as typed in the summary's footer; absent when the file has none (or could not be read). */
  unit?: string;
  /** Why the file could not be checked; then findings are empty. */
  failure?: Localized;
  result?: ValidationResult;
  /** The file's findings and the cross-file duplicates on its rows, in sheet order. */
  findings: Finding[];
  counts: FindingCounts;
  nominees: number;
}

export interface UnitTotals {
  /** As typed in the first file naming it; undefined = files whose footer names no unit. */
  unit?: string;
  /** Indexes into CombinedFiles.files. */
  files: number[];
  nominees: number;
  counts: FindingCounts;
}

export interface PersonPlace {
  /** Index into CombinedFiles.files. */
  file: number;
  sheet: string;
  cell: string;
  nominee: string;
}

/** One person listed in several files. */
export interface CrossFileDuplicate {
  /** 'id': the same resident ID; 'name': the same name and unit, one of them without an ID. */
  by: 'id' | 'name';
  places: PersonPlace[];
}

export interface CombinedFiles {
  files: CombinedFile[];
  units: UnitTotals[];
  duplicates: CrossFileDuplicate[];
  totals: { files: number; checked: number; unusable: number; nominees: number; counts: FindingCounts; duplicates: number };
  /** 'unusable' when any file could not be checked, else 'errors' when any has an error, else 'ok'. */
  worst: 'ok' | 'errors' | 'unusable';
}

interface Place {
  file: number;
  person: NomineeKeys;
}

/** 推荐单位 from the summary table's footer ("推荐单位（加盖公章）：某某局"). */
export function recommendingUnit(result: ValidationResult): string | undefined {
  for (const t of result.recognized) {
    const v = t.footer?.unit?.value.trim();
    if (v) return v;
  }
  return undefined;
}

function groupBy(places: readonly Place[], key: (p: Place) => string | undefined): Map<string, Place[]> {
  const out = new Map<string, Place[]>();
  for (const p of places) {
    const k = key(p);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

export function combineFiles(files: readonly FileToCombine[]): CombinedFiles {
  const units = files.map((f) => (f.result ? recommendingUnit(f.result) : undefined));
  const places: Place[] = [];
  files.forEach((f, file) => {
    for (const person of f.result?.people ?? []) places.push({ file, person });
  });
  const extra: Finding[][] = files.map(() => []);
  const duplicates: CrossFileDuplicate[] = [];

  const place = (p: Place): PersonPlace => ({ file: p.file, sheet: p.person.sheet, cell: cellAddress(p.person.row, p.person.col), nominee: p.person.nominee });
  const addFinding = (by: 'id' | 'name', at: Place, others: Place[]) => {
    const first = others[0];
    const withUnit = (at.person.nameKey ?? '').split('|')[1] !== '';
    const params = { file: files[first.file].name, row: first.person.row + 1, nominee: first.person.nominee, more: others.length - 1, withUnit, ...(units[first.file] ? { unit: units[first.file] } : {}) };
    const issue = by === 'id' ? report('duplicate.id-other-file', params) : report('duplicate.name-other-file', params);
    extra[at.file].push({ ...issue, sheet: at.person.sheet, row: at.person.row, col: at.person.col, cell: cellAddress(at.person.row, at.person.col), nominee: at.person.nominee });
  };
  // Pairs across files only; `pairs` says whether two rows of a key are the same person.
  const findAcross = (by: 'id' | 'name', groups: Map<string, Place[]>, pairs: (a: Place, b: Place) => boolean) => {
    for (const group of groups.values()) {
      if (group.length < 2 || group.every((p) => p.file === group[0].file)) continue;
      const involved = new Set<Place>();
      for (const at of group) {
        const others = group.filter((o) => o.file !== at.file && pairs(at, o));
        if (!others.length) continue;
        involved.add(at);
        addFinding(by, at, others);
      }
      if (involved.size) duplicates.push({ by, places: group.filter((p) => involved.has(p)).map(place) });
    }
  };
  findAcross('id', groupBy(places, (p) => p.person.id), () => true);
  findAcross('name', groupBy(places, (p) => p.person.nameKey), (a, b) => a.person.id === undefined || b.person.id === undefined);

  const combined: CombinedFile[] = files.map((f, i) => {
    if (!f.result) return { name: f.name, failure: f.failure, findings: [], counts: countFindings([]), nominees: 0 };
    const findings = extra[i].length ? inSheetOrder(f.result, [...f.result.findings, ...extra[i]]) : f.result.findings;
    const c: CombinedFile = { name: f.name, result: f.result, findings, counts: countFindings(findings), nominees: f.result.nominees };
    if (units[i] !== undefined) c.unit = units[i];
    return c;
  });

  const unitTotals = new Map<string, UnitTotals>();
  combined.forEach((f, i) => {
    if (f.failure) return;
    const key = f.unit === undefined ? '' : compareKey(f.unit);
    let u = unitTotals.get(key);
    if (!u) {
      u = { files: [], nominees: 0, counts: countFindings([]) };
      if (f.unit !== undefined) u.unit = f.unit;
      unitTotals.set(key, u);
    }
    u.files.push(i);
    u.nominees += f.nominees;
    for (const s of ['error', 'warning', 'info'] as const) u.counts[s] += f.counts[s];
  });
  // Named units in order of first appearance; files without a unit last.
  const unitList = [...unitTotals.values()].sort((a, b) => (a.unit === undefined ? 1 : 0) - (b.unit === undefined ? 1 : 0));

  const counts = countFindings([]);
  for (const f of combined) for (const s of ['error', 'warning', 'info'] as const) counts[s] += f.counts[s];
  const unusable = combined.filter((f) => f.failure).length;
  return {
    files: combined,
    units: unitList,
    duplicates,
    totals: { files: files.length, checked: files.length - unusable, unusable, nominees: combined.reduce((n, f) => n + f.nominees, 0), counts, duplicates: duplicates.length },
    worst: unusable ? 'unusable' : counts.error ? 'errors' : 'ok',
  };
}

/** Findings ordered like the engine orders them: by sheet (as the file's findings and tables first show them), row, column. */
function inSheetOrder(result: ValidationResult, findings: Finding[]): Finding[] {
  const order = new Map<string, number>();
  for (const s of [...result.findings.map((f) => f.sheet), ...result.tables.map((t) => t.sheet)]) if (!order.has(s)) order.set(s, order.size);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (order.get(a.f.sheet) ?? 0) - (order.get(b.f.sheet) ?? 0) || a.f.row - b.f.row || a.f.col - b.f.col || a.i - b.i)
    .map((x) => x.f);
}
