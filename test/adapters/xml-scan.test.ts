/**
 * The linear XML scanner under every reader of untrusted parts (the fast reader, the score-sheet reader, the
 * relationships and workbook parts): what it delivers, what it refuses, and — on hostile inputs of 100,000
 * elements — that its work stays a small multiple of the input however the input is cut into chunks (a token
 * cut by chunks is rescanned only each time its text has doubled: at most ~6 passes over the input). Work is
 * counted (XmlScanner.work), never timed; bench/hostile-xml-bench.js times the same inputs.
 */
import JSZip from 'jszip';
import { XmlError, XmlScanner, decodeAttribute, decodeOoxmlEscapes, decodeText, scanXml, type Tag, type XmlHandler } from '../../src/adapters/exceljs/ooxml/xml-scan';
import { parseRelationships } from '../../src/adapters/exceljs/ooxml/rels';
import { openLiteWorkbook } from '../../src/adapters/exceljs/scoring/xlsx-lite';
import { readWorkbookFast } from '../../src/adapters/xlsx-fast/read-workbook';
import { HOSTILE_XML, liteWorkbookWith } from '../../src/samples/hostile-xml';

/** Records every event as text, wanting all text. */
class Recorder implements XmlHandler {
  wantText = true;
  readonly events: string[] = [];
  open(name: string, tag: Tag): void {
    this.events.push(`<${name}${tag.all().map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}${tag.selfClosing ? '/' : ''}>`);
  }
  close(name: string): void {
    this.events.push(`</${name}>`);
  }
  text(t: string): void {
    const last = this.events.length - 1;
    // Text may arrive in pieces (CDATA next to text): join them.
    if (last >= 0 && this.events[last].startsWith('"')) this.events[last] = JSON.stringify(JSON.parse(this.events[last]) + t);
    else this.events.push(JSON.stringify(t));
  }
}

function scanChunks(xml: string, size: number, h: XmlHandler): XmlScanner {
  const s = new XmlScanner(h);
  for (let i = 0; i < xml.length; i += size) s.push(xml.slice(i, i + size));
  s.end();
  return s;
}

const TRICKY =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY a "b>c"> ]>' +
  '<!-- a comment with <tags> -->' +
  '<x:root xmlns:x="urn:x" a=\'1 &amp; 2\' b="&lt;&#x4E2D;&#25991;&gt;" c="line1\r\nline2\tx" d=">">' +
  '<x:t xml:space="preserve"> 甲&amp;乙 &xxe; &unknown; &#0; &#xD800; _x000D_ \r\n\r end </x:t>' +
  '<empty/><x:v><![CDATA[<raw & text>]]>tail</x:v>' +
  '<?pi inside?></x:root>\n';

describe('what the scanner delivers', () => {
  test('names without prefixes, attributes and text decoded as XML says, DTD entities never expanded', () => {
    const h = new Recorder();
    scanXml(TRICKY, h);
    expect(h.events).toEqual([
      '<root xmlns:x="urn:x" a="1 & 2" b="<中文>" c="line1 line2 x" d=">">',
      '<t xml:space="preserve">',
      JSON.stringify(' 甲&乙 &xxe; &unknown; &#0; &#xD800; _x000D_ \n\n end '),
      '</t>',
      '<empty/>',
      '</empty>',
      '<v>',
      JSON.stringify('<raw & text>tail'),
      '</v>',
      '</root>',
    ]);
  });

  test('the same events however the text is cut into chunks', () => {
    const whole = new Recorder();
    scanXml(TRICKY, whole);
    for (const size of [1, 2, 3, 7, 64]) {
      const h = new Recorder();
      scanChunks(TRICKY, size, h);
      expect([size, h.events]).toEqual([size, whole.events]);
    }
  });

  test('text decoding helpers', () => {
    expect(decodeText('a&amp;b&lt;&#65;&#x42;\r\nc\rd')).toBe('a&b<AB\nc\nd');
    expect(decodeAttribute('a\tb\nc&#10;d')).toBe('a b c\nd');
    expect(decodeOoxmlEscapes('_x0041__x005F_x0042__x004_ _xZZZZ_')).toBe('A_x0042__x004_ _xZZZZ_');
    expect(parseRelationships('<Relationships><Relationship Id="r1" Target="a&amp;b.xml" Type="t"/></Relationships>').get('r1')).toEqual({ id: 'r1', target: 'a&b.xml', type: 't' });
  });

  test.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>text'],
    ['"<" inside a tag', '<a b="1" <c/>'],
    ['a stray end tag', '</a>'],
    ['no root', '   '],
    ['a tag cut off', '<a><b c="1'],
  ])('refuses %s', (_what, xml) => {
    expect(() => scanXml(xml, new Recorder())).toThrow(XmlError);
  });
});

describe('hostile parts: work in proportion to the input (100,000 elements)', () => {
  test.each(Object.keys(HOSTILE_XML))('%s', (name) => {
    const xml = HOSTILE_XML[name](100_000);
    expect(xml.length).toBeGreaterThan(100_000);
    for (const size of [1_000, 65_536, xml.length]) {
      // A handler that wants all text (so text must be held until it is complete) and does nothing with it.
      const h: XmlHandler = { wantText: true, open() {}, close() {}, text() {} };
      let scanner: XmlScanner | undefined;
      try {
        scanner = new XmlScanner(h);
        for (let i = 0; i < xml.length; i += size) scanner.push(xml.slice(i, i + size));
        scanner.end();
      } catch (e) {
        expect(e).toBeInstanceOf(XmlError);
      }
      expect([name, size, scanner!.work <= 8 * xml.length + 65_536]).toEqual([name, size, true]);
    }
  });

  test('one character at a time: a long token is not rescanned for every character', () => {
    const xml = `<a b="${'x'.repeat(200_000)}">${'y'.repeat(200_000)}</a>`;
    const h = new Recorder();
    const s = scanChunks(xml, 1, h);
    expect(s.work).toBeLessThan(8 * xml.length + 65_536);
    expect(h.events[1]).toBe(JSON.stringify('y'.repeat(200_000)));
  });
});

describe('the score-sheet reader and the fast reader on hostile packages', () => {
  // The package itself is intact (every CRC matches), so XML that cannot be read is 'malformed' (re-save it in
  // Excel), not 'truncated' (download it again): main's distinction (issue #10, messages by real cause).
  test.each(Object.keys(HOSTILE_XML))('%s as the shared strings: rejected as written wrongly or read, never hanging', async (name) => {
    const bytes = await liteWorkbookWith({ sharedStrings: HOSTILE_XML[name](100_000) });
    for (const read of [async () => (await openLiteWorkbook(bytes)).read({ name: 'S', state: 'visible', part: 'xl/worksheets/sheet1.xml' }), () => readWorkbookFast(bytes)]) {
      const out = await read().then(
        () => 'read',
        (e) => (e as { code?: string }).code,
      );
      expect(['read', 'malformed']).toContain(out);
    }
  });

  test('the reported case: 40,000 unclosed <si> in a 12 KB file', async () => {
    const bytes = await liteWorkbookWith({ sharedStrings: '<sst xmlns="x">' + '<si>'.repeat(40_000) });
    expect(bytes.length).toBeLessThan(16_000);
    const wb = await openLiteWorkbook(bytes);
    await expect(wb.read(wb.sheets[0])).rejects.toMatchObject({ code: 'malformed' });
  });

  test('a package that is fine reads', async () => {
    const bytes = await liteWorkbookWith({});
    const wb = await openLiteWorkbook(bytes);
    expect((await wb.read(wb.sheets[0])).rows).toEqual([['编号', 1]]);
    expect(await JSZip.loadAsync(bytes).then((z) => Object.keys(z.files).length)).toBeGreaterThan(3);
  });
});
