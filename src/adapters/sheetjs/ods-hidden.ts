/**
 * An OpenDocument sheet is hidden by its table style (<style:table-properties table:display="false"/>), a row by
 * its table:visibility ("collapse" by hand, "filter" by a filter); SheetJS reads neither. Pure string scanning of
 * content.xml; browser-safe.
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

/** A table's start or end, or a row (not a row group: the lookahead keeps <table:table-row-group> out). */
const TABLE_OR_ROW = /<table:table(?=[\s>])([^>]*)>|<\/table:table>|<table:table-row(?=[\s/>])([^>]*)>/g;

/**
 * Hidden rows of each table (sheet), 0-based, ascending, only below `limit` (a repeated run of hidden empty rows
 * to the sheet's end would otherwise list a million rows). A table inside a cell (rare) is not followed.
 */
export function hiddenOdsRows(contentXml: string, limit: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let name: string | undefined;
  let row = 0;
  let depth = 0;
  for (const m of contentXml.matchAll(TABLE_OR_ROW)) {
    if (m[0].startsWith('</')) {
      if (--depth === 0) name = undefined;
    } else if (m[2] === undefined) {
      if (depth++ === 0) {
        name = attr(m[1], 'table:name');
        row = 0;
      }
    } else if (depth === 1 && name !== undefined) {
      const repeat = Math.max(1, Number(attr(m[2], 'table:number-rows-repeated') ?? 1) || 1);
      const visibility = attr(m[2], 'table:visibility');
      if (visibility === 'collapse' || visibility === 'filter') {
        let list = out.get(name);
        if (!list) out.set(name, (list = []));
        for (let r = row; r < Math.min(row + repeat, limit); r++) list.push(r);
      }
      row += repeat;
    }
  }
  return out;
}
