/**
 * Seeded mutants of returned files (score sheets, the organiser's key): the damage a mail client, a half-finished
 * download, a careless edit of the XML or another program's save can do. Each mutant is reproducible from its
 * seed and says what was done to it. Mutations keep cell coordinates in range (digits are swapped, never added),
 * so a mutant tests how a damaged file is isolated, not how a sheet the size of Excel's grid is bounded (that is
 * the reader's own budget, tested with the reader).
 */
import JSZip from 'jszip';
import { Rng } from '../../src/samples/fake-nominees';

export interface Mutant {
  /** What was done, e.g. "xl/worksheets/sheet3.xml: span deleted at 812". */
  what: string;
  bytes: Uint8Array;
}

/** Fragments that readers stumble over: unclosed items, odd types, broken entities, shared-string indexes out of range. */
const GARBAGE = [
  '<si>',
  '</si>',
  '<c r="A1" t="s"><v>99999</v></c>',
  '<c t="e"><v>#REF!</v></c>',
  '<row>',
  '</row>',
  '<c r="B2" t="inlineStr"><is><t>回避</t></is></c>',
  '&amp;#0;',
  '&bogus;',
  '<![CDATA[x',
  '<x:c',
  '"',
  '>',
  '<sheetProtection sheet="0"/>',
  '<v>NaN</v>',
  '<f>1/0</f>',
  '\u0000',
  '<c r="K4" t="s"><v>-1</v></c>',
];

function mutateText(text: string, rng: Rng): { text: string; how: string } {
  const at = rng.int(0, Math.max(0, text.length - 1));
  switch (rng.int(0, 5)) {
    case 0: {
      const len = rng.int(1, Math.min(400, Math.max(1, text.length - at)));
      return { text: text.slice(0, at) + text.slice(at + len), how: `${len} characters deleted at ${at}` };
    }
    case 1: {
      const len = rng.int(1, Math.min(300, Math.max(1, text.length - at)));
      return { text: text.slice(0, at + len) + text.slice(at, at + len) + text.slice(at + len), how: `${len} characters repeated at ${at}` };
    }
    case 2: {
      const g = rng.pick(GARBAGE);
      return { text: text.slice(0, at) + g + text.slice(at), how: `"${g}" inserted at ${at}` };
    }
    case 3: {
      // A digit changed in place: values, indexes and row numbers shift without growing.
      const digits = [...text.matchAll(/\d/g)].map((m) => m.index!);
      if (!digits.length) return { text: text.slice(0, at), how: `cut at ${at}` };
      const i = rng.pick(digits);
      const d = String(rng.int(0, 9));
      return { text: text.slice(0, i) + d + text.slice(i + 1), how: `digit at ${i} set to ${d}` };
    }
    case 4:
      return { text: text.slice(0, at), how: `cut at ${at}` };
    default: {
      // An attribute value emptied or a quote removed.
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index!);
      if (!quotes.length) return { text: text + '<', how: 'a "<" appended' };
      const i = rng.pick(quotes);
      return { text: text.slice(0, i) + text.slice(i + 1), how: `quote at ${i} removed` };
    }
  }
}

/** `count` mutants of one .xlsx, seeded. */
export async function mutants(bytes: Uint8Array, count: number, seed: number): Promise<Mutant[]> {
  const rng = new Rng(seed);
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const texts = new Map<string, string>();
  for (const p of parts) if (/\.(xml|rels)$/.test(p)) texts.set(p, await zip.file(p)!.async('string'));
  const out: Mutant[] = [];
  for (let k = 0; k < count; k++) {
    const kind = rng.int(0, 9);
    if (kind <= 1) {
      // Bytes of the package: flipped, or the file cut short (an interrupted download).
      const b = Uint8Array.from(bytes);
      if (kind === 0) {
        const n = rng.int(1, 12);
        for (let i = 0; i < n; i++) b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
        out.push({ what: `${n} bits flipped`, bytes: b });
      } else {
        const at = rng.int(0, b.length - 1);
        out.push({ what: `cut at byte ${at}`, bytes: b.slice(0, at) });
      }
      continue;
    }
    const copy = new JSZip();
    const part = rng.pick([...texts.keys()]);
    let what: string;
    if (kind === 2) {
      what = `${part} removed`;
      for (const p of parts) if (p !== part) copy.file(p, texts.get(p) ?? (await zip.file(p)!.async('uint8array')));
    } else {
      const m = mutateText(texts.get(part)!, rng);
      what = `${part}: ${m.how}`;
      for (const p of parts) copy.file(p, p === part ? m.text : (texts.get(p) ?? (await zip.file(p)!.async('uint8array'))));
    }
    out.push({ what, bytes: await copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) });
  }
  return out;
}
