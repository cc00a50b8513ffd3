/** The OOXML toolkit on real packages: the zip directory, relationships, content types, escaping and encodings. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { bytesToBase64, utf16le } from '../../../src/adapters/exceljs/ooxml/encoding';
import { addRelationship, parseRelationships, targetPart, worksheetPart } from '../../../src/adapters/exceljs/ooxml/rels';
import { addContentTypeOverrides } from '../../../src/adapters/exceljs/ooxml/content-types';
import { decodeXml, escapeXml } from '../../../src/adapters/exceljs/ooxml/xml';
import { dosDate, stampZipEntries, zipDirectory } from '../../../src/adapters/exceljs/ooxml/zip';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'sqc-2025-正确.xlsx');
const sample = () => new Uint8Array(fs.readFileSync(SAMPLE));

test('the zip directory lists what jszip finds, and restamping changes only the entries’ times', async () => {
  const bytes = sample();
  const zip = await JSZip.loadAsync(bytes);
  const names = zipDirectory(bytes)!
    .map((e) => e.name)
    .filter((n) => !n.endsWith('/'));
  expect(names.sort()).toEqual(Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort());
  expect(names).toContain('xl/workbook.xml');
  expect(zipDirectory(bytes.slice(0, bytes.length - 30))).toBeUndefined();

  expect(stampZipEntries(bytes, dosDate(2024, 2, 29), (13 << 11) | (30 << 5))).toBe(true);
  const again = await JSZip.loadAsync(bytes);
  for (const n of names) {
    const d = again.file(n)!.date;
    expect([n, d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([n, 2024, 2, 29, 13, 30]);
    expect(await again.file(n)!.async('string')).toBe(await zip.file(n)!.async('string'));
  }
});

test('relationships: sheet parts by name, targets resolved, a relationship and a content type added', async () => {
  const zip = await JSZip.loadAsync(sample());
  const part = await worksheetPart(zip, '推荐汇总表');
  expect(part).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  await expect(worksheetPart(zip, '没有这张表')).rejects.toThrow(/not found/);
  expect(targetPart('xl/worksheets/', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
  expect(targetPart('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');

  await addRelationship(zip, part, { id: 'rIdX', type: 'urn:t', target: '../a&b.xml' });
  await addRelationship(zip, part, { id: 'rIdY', type: 'urn:t', target: '../c.xml' });
  const rels = parseRelationships(await zip.file(part.replace(/([^/]+)$/, '_rels/$1.rels'))!.async('string'));
  expect([...rels.values()].filter((r) => r.type === 'urn:t').map((r) => [r.id, r.target])).toEqual([
    ['rIdX', '../a&b.xml'],
    ['rIdY', '../c.xml'],
  ]);
  await addContentTypeOverrides(zip, [{ part: 'xl/charts/chart1.xml', contentType: 'application/x-test' }]);
  expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/x-test"/></Types>');
});

test('escaping and decoding are inverse; characters XML cannot carry are dropped', () => {
  const s = '<张三 & "李四">\'';
  expect(decodeXml(escapeXml(s))).toBe(s);
  expect(escapeXml('a\u0001b\tc')).toBe('ab\tc');
});

test('base64 and UTF-16LE as Node encodes them', () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
  expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  expect(Buffer.from(utf16le('口令ab12'))).toEqual(Buffer.from('口令ab12', 'utf16le'));
});
