/// <reference types="office-js" />
/**
 * Payload budgets for Office.js batches, and a small helper that queues operations and syncs only when the
 * next one would overflow the current request. See index.ts for the reasoning behind the numbers.
 */

/** Excel on the web rejects a request or a response larger than 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What we allow ourselves per request: 80 % of the limit, for the error in our estimates. */
export const BATCH_BYTE_BUDGET = 4 * 1024 * 1024;
/** Cells per range read. Excel's own limit is 5,000,000; the byte budget is usually the tighter one. */
export const MAX_CELLS_PER_READ = 1_000_000;
/**
 * Estimated response bytes per cell when values, valueTypes and numberFormat are loaded: an empty cell costs
 * `"",` + `"Empty",` + `"General",` = 21 bytes; short texts and numbers a little more. Sheets with long texts
 * can exceed it: then Excel answers with a payload error and the read is split (see loadBlocks).
 */
export const READ_BYTES_PER_CELL = 24;
/*
 * Request bytes per operation, from the shape of an Office.js request: each object path is a JSON object
 * like {"Id":123,"ObjectPathType":3,"Name":"getRange","ParentObjectPathId":45,"ArgumentInfo":{"Arguments":["C12"]}}
 * (~100 bytes), each action (instantiate, set property, query, method call) ~60–110 bytes.
 */
/** A method call or property set on an object already in the request. */
export const OP_BYTES = 300;
/** getRange + format + fill + one property set (or clear). */
export const RANGE_OP_BYTES = 450;
/** comments.add(range, text) + query of the new id, before the text itself. */
export const COMMENT_ADD_BYTES = 500;
/** Response bytes of a created comment's id (a GUID) and the instantiation results. */
export const COMMENT_ADD_RESPONSE = 150;
/** comments.getItem(id).getLocation() + query of its address: request / response. */
export const LOCATION_LOAD_BYTES = 350;
export const LOCATION_LOAD_RESPONSE = 150;
/** Response bytes of one cell's fill in getCellProperties (five properties, JSON). */
export const FILL_CELL_BYTES = 160;

/** Cells one read block may hold: the per-read cell limit and the byte budget, whichever is tighter. */
export const CELLS_PER_BLOCK = Math.min(MAX_CELLS_PER_READ, Math.floor(BATCH_BYTE_BUDGET / READ_BYTES_PER_CELL));

/** UTF-8 bytes of a string as it travels in a JSON body (quotes, backslashes and line breaks escaped). */
export function jsonBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** True for the errors Excel gives when a request or its response is over the payload limit. */
export function isPayloadError(e: unknown): boolean {
  const o = e as { code?: unknown; message?: unknown } | null;
  const text = `${o?.code ?? ''} ${o?.message ?? ''}`;
  return /PayloadSizeLimitExceeded|payload size/i.test(text);
}

/**
 * Excel on the web also reports an oversized request as GeneralException. A read that fails so is split and
 * retried like a payload error (a genuine failure then recurs down to a single row and is reported).
 */
export function mayBePayloadError(e: unknown): boolean {
  return isPayloadError(e) || errorCode(e) === 'GeneralException';
}

export function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * Queues operations into as few requests as the payload budget allows: `add(request, queue, response)`
 * syncs first only when the operation's estimated request or response bytes would overflow the current
 * request's (each has its own 5 MB limit). Objects loaded in a request can be read after the `flush()` (or
 * the automatic sync) that sent it.
 */
export class Batcher {
  private request = 0;
  private response = 0;
  private queued = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = BATCH_BYTE_BUDGET,
  ) {}

  async add(request: number, queue: () => void, response = 0): Promise<void> {
    if (this.queued && (this.request + request > this.budget || this.response + response > this.budget)) await this.flush();
    queue();
    this.request += Math.max(1, request);
    this.response += response;
    this.queued = true;
  }

  /** Sends what is queued (no sync when nothing is). */
  async flush(): Promise<void> {
    if (!this.queued) return;
    this.queued = false;
    this.request = 0;
    this.response = 0;
    await this.context.sync();
  }
}
