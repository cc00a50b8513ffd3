/**
 * [Content_Types].xml: every part Jiangxuan adds by hand (a chart, its drawing) must be declared there, or
 * Excel repairs the file on opening. Part of the OOXML toolkit (this folder); browser-safe.
 */
import type JSZip from 'jszip';
import { escapeXml } from './xml';
import { readPart } from './zip';

export const CONTENT_TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
} as const;

const PART = '[Content_Types].xml';

/** Declares the parts' content types (part names without the leading "/", as jszip names them). */
export async function addContentTypeOverrides(zip: JSZip, overrides: readonly { part: string; contentType: string }[]): Promise<void> {
  const xml = await readPart(zip, PART);
  if (xml === undefined) throw new Error(`${PART} is missing`);
  const added = overrides.map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${escapeXml(o.contentType)}"/>`).join('');
  zip.file(PART, xml.replace('</Types>', added + '</Types>'));
}
