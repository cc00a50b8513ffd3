/**
 * An .xlsx package read straight from its bytes: the zip directory, then any part unzipped chunk by chunk and
 * scanned as it arrives (a part is never held whole unless asked for as text). The bytes are sniffed first, so
 * unusable files get the same precise WorkbookReadError as everywhere else. Counts the unzipped XML against the
 * reading budget. Browser-safe: the inflater is native zlib in Node (inflate-node.ts) and DecompressionStream in
 * the page (inflate-web.ts).
 */
import { READ_BUDGET } from '../../core/model/read-budget';
import { WorkbookReadError } from '../exceljs/errors';
import { asBytes, type WorkbookBytes } from '../exceljs/ooxml/encoding';
import { sniffWorkbook } from '../exceljs/sniff';
import { XmlScanner, type RawDecoder, type XmlHandler } from '../exceljs/ooxml/xml-scan';
import { zipEntries, zipEntriesIntact, type ZipEntry } from '../exceljs/ooxml/zip';
import { nativeInflate } from './inflate-node';
import { nodeLatin1, type Latin1Text } from './latin1-node';
import type { Inflate } from './inflate-types';
import { inflateRaw as webInflate } from './inflate-web';

export interface PackageOptions {
  /** Another inflater (tests run the browser's in Node). */
  inflate?: Inflate;
  /** Unzipped bytes allowed for all parts together (default: the reading budget). */
  maxXmlBytes?: number;
  /** Never hand text over as Latin-1 bytes (tests compare both ways; the page has no way to anyway). */
  decodeAll?: boolean;
}

export class XlsxPackage {
  private xmlBytes = 0;
  private readonly maxXmlBytes: number;
  private readonly inflate: Inflate;
  private readonly latin1: Latin1Text | null;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    opts: PackageOptions,
  ) {
    this.inflate = opts.inflate ?? nativeInflate() ?? webInflate;
    this.maxXmlBytes = opts.maxXmlBytes ?? READ_BUDGET.xmlMegabytes * 1024 * 1024;
    this.latin1 = opts.decodeAll ? null : nodeLatin1();
  }

  /** Sniffs and opens the bytes; throws WorkbookReadError when they are not a usable .xlsx. */
  static open(input: WorkbookBytes, opts: PackageOptions = {}): XlsxPackage {
    const bytes = asBytes(input);
    const sniffed = sniffWorkbook(bytes);
    if (!sniffed.ok) throw new WorkbookReadError(sniffed.code, { kind: sniffed.kind });
    const entries = zipEntries(bytes);
    if (!entries) throw new WorkbookReadError('truncated');
    return new XlsxPackage(bytes, entries, opts);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** Unzipped bytes read so far. */
  get unzippedBytes(): number {
    return this.xmlBytes;
  }

  /**
   * Streams a part's text through `onText`, decoded from UTF-8 (or UTF-16 with a byte-order mark). Returns false
   * when the package has no such part. Throws WorkbookReadError for damaged data or a part over the budget;
   * whatever `onText` throws passes through. `asBytes` is called once the first bytes show how the part is
   * encoded: given a decoder, it means the text will come as Latin-1 bytes (UTF-8 parts in Node, when the caller
   * offers to take them so) and must be turned back with it.
   */
  async stream(part: string, onText: (text: string, atBoundary: boolean) => void, sheet?: string, asBytes?: (utf8: RawDecoder) => void): Promise<boolean> {
    const e = this.entries.get(part);
    if (!e) return false;
    if (e.flags & 1 || (e.method !== 0 && e.method !== 8)) throw new WorkbookReadError('truncated');
    const data = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    let utf8 = false;
    let bytesText = null as Latin1Text | null;
    /** UTF-8 bytes from the last "<" of the previous chunk on (a "<" byte is always a whole character). */
    let carry: Uint8Array | undefined;
    /** The part's first bytes while there are fewer than the three that tell its encoding (a chunk may be shorter). */
    let head: Uint8Array | undefined;
    const onChunk = (chunk: Uint8Array) => {
      this.xmlBytes += chunk.length;
      if (this.xmlBytes > this.maxXmlBytes) {
        throw new WorkbookReadError('too-large', { tooLarge: { reason: 'size', limit: Math.round(this.maxXmlBytes / 1048576), ...(sheet === undefined ? {} : { sheet }) } });
      }
      if (!decoder) {
        const first = head ? joinBytes(head, chunk) : chunk;
        if (first.length < 3) {
          head = first;
          return;
        }
        head = undefined;
        take(first);
      } else {
        take(chunk);
      }
    };
    const take = (chunk: Uint8Array) => {
      if (!decoder) {
        const label = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
        utf8 = label === 'utf-8';
        decoder = new TextDecoder(label);
        if (utf8 && asBytes && this.latin1) {
          bytesText = this.latin1;
          asBytes(bytesText.utf8);
          // TextDecoder drops a UTF-8 byte-order mark; as bytes it would read as three characters before the root.
          if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        }
      }
      if (!utf8) return onText(decoder.decode(chunk, { stream: true }), false);
      // Cut before the chunk's last "<": the text handed over then ends where a tag starts, so the scanner does
      // not have to join it to the next chunk (the few bytes after the cut go with the next one).
      let bytes = chunk;
      if (carry) {
        bytes = joinBytes(carry, chunk);
        carry = undefined;
      }
      const lt = bytes.lastIndexOf(0x3c);
      if (bytesText) {
        // One byte, one character: no decoder state to carry, only the cut.
        if (lt > 0) {
          carry = bytes.slice(lt);
          onText(bytesText.text(bytes, lt), true);
        } else {
          onText(bytesText.text(bytes, bytes.length), false);
        }
      } else if (lt > 0) {
        carry = bytes.slice(lt);
        onText(decoder.decode(bytes.subarray(0, lt), { stream: true }), true);
      } else {
        onText(decoder.decode(bytes, { stream: true }), false);
      }
    };
    try {
      if (e.method === 0) onChunk(data);
      else await this.inflate(data, onChunk);
      // A part of one or two bytes (damaged, most likely): read as it is.
      if (head) take(head);
      if (bytesText) {
        if (carry?.length) onText(bytesText.text(carry, carry.length), false);
      } else if (decoder) {
        const tail = decoder.decode(carry ?? new Uint8Array(0));
        if (tail) onText(tail, false);
      }
    } catch (cause) {
      throw await this.failure(cause);
    }
    return true;
  }

  /**
   * Why a part could not be read, for the user: damaged bytes ('truncated': get the file again) unless every entry
   * of the archive still inflates to the size and CRC-32 its writer recorded, in which case the XML itself is as
   * another program wrote it ('malformed': re-save it in Excel). Errors already classified pass through.
   */
  async failure(cause: unknown): Promise<WorkbookReadError> {
    if (isPassThrough(cause)) return cause as WorkbookReadError;
    return new WorkbookReadError((await zipEntriesIntact(this.bytes)) === true ? 'malformed' : 'truncated', { cause });
  }

  /** Scans a part's XML with the handler; false when the part is missing. Malformed XML: see failure(). */
  async scan(part: string, handler: XmlHandler, sheet?: string): Promise<boolean> {
    const scanner = new XmlScanner(handler);
    const asBytes = handler.bytesText ? (utf8: RawDecoder) => (handler.latin1 = utf8) : undefined;
    const found = await this.stream(part, (t, atBoundary) => scanner.push(t, atBoundary), sheet, asBytes);
    if (!found) return false;
    try {
      scanner.end();
    } catch (cause) {
      throw await this.failure(cause);
    }
    return true;
  }

  /** A part's whole text (small parts only: workbook, relationships, properties); undefined when missing. */
  async text(part: string): Promise<string | undefined> {
    const pieces: string[] = [];
    const found = await this.stream(part, (t) => pieces.push(t));
    return found ? pieces.join('') : undefined;
  }
}

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Errors a reader means to give the user as they are (the budget, a damaged part already classified). */
function isPassThrough(e: unknown): boolean {
  return e instanceof WorkbookReadError;
}
