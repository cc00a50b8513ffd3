/**
 * An OpenDocument sheet is hidden by its table style (<style:table-properties table:display="false"/>), which
 * SheetJS does not read. Pure string scanning of content.xml; browser-safe.
 */
import { decodeXml } from '../exceljs/ooxml/xml';

const TABLE_STYLE = /<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g;
const TABLE = /<table:table\b([^>]*)>/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** Names of the tables (sheets) whose style hides them. */
export function hiddenOdsTables(contentXml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const m of contentXml.matchAll(TABLE_STYLE)) {
    if (attr(m[1], 'style:family') !== 'table') continue;
    if (/table:display\s*=\s*["']false["']/.test(m[2])) {
      const name = attr(m[1], 'style:name');
      if (name) hiddenStyles.add(name);
    }
  }
  const out = new Set<string>();
  if (!hiddenStyles.size) return out;
  for (const m of contentXml.matchAll(TABLE)) {
    const style = attr(m[1], 'table:style-name');
    const name = attr(m[1], 'table:name');
    if (style && name && hiddenStyles.has(style)) out.add(name);
  }
  return out;
}
