/**
 * Relationships of an .xlsx package: which part a workbook's sheet is (xl/workbook.xml + its .rels), where a
 * relationship's target points, and adding a relationship to a part. Part of the OOXML toolkit (this folder);
 * browser-safe.
 */
import type JSZip from 'jszip';
import { escapeXml } from './xml';
import { scanXml, type Tag, type XmlHandler } from './xml-scan';
import { readPart } from './zip';

export const NS_PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Collects the elements of one local name (with their attributes) from a scanned part. */
class ElementCollector implements XmlHandler {
  wantText = false;
  constructor(private readonly pick: (name: string, tag: Tag) => void) {}
  open(name: string, tag: Tag): void {
    this.pick(name, tag);
  }
  close(): void {}
  text(): void {}
}

/** The relationships of a .rels part, by id (a linear scan: the part comes from the file). */
export function parseRelationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  scanXml(
    xml,
    new ElementCollector((name, tag) => {
      if (name !== 'Relationship') return;
      const id = tag.attr('Id');
      if (id) out.set(id, { id, target: tag.attr('Target') ?? '', type: tag.attr('Type') ?? '' });
    }),
  );
  return out;
}

/** A relationship target as a part name: relative to the source part's folder ("xl/"), or absolute ("/xl/…"). */
export function targetPart(sourceFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = [];
  for (const p of (sourceFolder + target).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The .rels part that holds a part's relationships: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationshipElement(r: Relationship): string {
  return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`;
}

/** A whole .rels part. */
export function relationshipsXml(rels: readonly Relationship[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">${rels.map(relationshipElement).join('')}</Relationships>`;
}

/** Adds a relationship to a part's .rels (creating it when the part has none). */
export async function addRelationship(zip: JSZip, part: string, rel: Relationship): Promise<void> {
  const relsPart = relationshipsPart(part);
  const existing = await readPart(zip, relsPart);
  if (existing === undefined) {
    zip.file(relsPart, relationshipsXml([rel]));
    return;
  }
  zip.file(relsPart, existing.replace('</Relationships>', relationshipElement(rel) + '</Relationships>'));
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheetPart {
  name: string;
  state: SheetState;
  /** Part name inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

/** The relationships of xl/workbook.xml (sheets, shared strings, styles …), by id. */
export async function workbookRelationships(zip: JSZip): Promise<Map<string, Relationship>> {
  return parseRelationships((await readPart(zip, 'xl/_rels/workbook.xml.rels')) ?? '');
}

export interface WorkbookSheetEntry {
  name: string;
  state: SheetState;
  /** The relationship id of its part. */
  rid: string;
}

/** What xl/workbook.xml says about the sheets (tab order) and dates (the 1904 date system). */
export function parseWorkbookXml(workbookXml: string): { sheets: WorkbookSheetEntry[]; date1904: boolean } {
  const sheets: WorkbookSheetEntry[] = [];
  let date1904 = false;
  scanXml(
    workbookXml,
    new ElementCollector((name, tag) => {
      if (name === 'sheet') {
        const state = tag.attr('state');
        sheets.push({ name: tag.attr('name') ?? '', state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', rid: tag.attr('id') ?? '' });
      } else if (name === 'workbookPr') {
        const d = tag.attr('date1904');
        date1904 = d === '1' || d === 'true';
      }
    }),
  );
  return { sheets, date1904 };
}

/** The workbook's sheets in tab order, each with its visibility and its part. */
export function workbookSheetParts(workbookXml: string, rels: ReadonlyMap<string, Relationship>): WorkbookSheetPart[] {
  const sheets: WorkbookSheetPart[] = [];
  for (const s of parseWorkbookXml(workbookXml).sheets) {
    const rel = s.rid ? rels.get(s.rid) : undefined;
    if (!rel) continue;
    sheets.push({ name: s.name, state: s.state, part: targetPart('xl/', rel.target) });
  }
  return sheets;
}

/** The part of a sheet, by the sheet's name. Throws when the package has no such sheet. */
export async function worksheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = (await readPart(zip, 'xl/workbook.xml')) ?? '';
  const sheet = workbookSheetParts(workbook, await workbookRelationships(zip)).find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`sheet ${sheetName} not found`);
  return sheet.part;
}
