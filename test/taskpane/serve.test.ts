/** scripts/serve.js: the standalone page's static server. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

const { createServer, resolveInside, chooseEncoding } = require('../../scripts/serve.js') as {
  createServer(root: string): http.Server;
  resolveInside(root: string, p: string): string | undefined;
  chooseEncoding(header: string | undefined): string | undefined;
};

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the given Accept-Encoding; the body as it came over the wire. */
function fetchRaw(port: number, p: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port, path: p, method, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

/** The body decoded as a browser would, by its Content-Encoding. */
function decoded(r: Raw): Buffer {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(r.body);
  if (enc === 'gzip') return zlib.gunzipSync(r.body);
  if (enc === undefined) return r.body;
  throw new Error(`unexpected Content-Encoding ${enc}`);
}

function get(port: number, p: string): Promise<{ status: number; type?: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location }));
      })
      .on('error', reject);
  });
}

describe('scripts/serve.js', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-serve-'));
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    fs.writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>x</title>');
    fs.mkdirSync(path.join(root, 'samples'));
    fs.writeFileSync(path.join(root, 'samples', '示例.xlsx'), 'PK');
    // A script and an image big enough to be worth compressing.
    fs.writeFileSync(path.join(root, 'taskpane.0123abcd.js'), Array.from({ length: 3000 }, (_, i) => `var 匠${i} = "选${i % 7}";`).join('\n'));
    fs.writeFileSync(path.join(root, 'icon.png'), Buffer.alloc(4096, 7));
    server = createServer(root);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves files with their types, Chinese names included', async () => {
    const page = await get(port, '/taskpane.html?lang=en');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    const sample = await get(port, `/samples/${encodeURIComponent('示例.xlsx')}`);
    expect(sample.status).toBe(200);
    expect(sample.type).toMatch(/spreadsheetml/);
    expect((await get(port, '/')).location).toBe('/taskpane.html');
    expect((await get(port, '/missing.js')).status).toBe(404);
  });

  it('never serves outside its folder', async () => {
    expect(resolveInside(root, '/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/%E0%A4%A')).toBeUndefined();
    expect((await get(port, '/..%2f..%2fetc/passwd')).status).toBe(404);
  });

  it('sends text compressed when the browser accepts it: brotli first, else gzip, the same bytes once decoded', async () => {
    const file = fs.readFileSync(path.join(root, 'taskpane.0123abcd.js'));
    const br = await fetchRaw(port, '/taskpane.0123abcd.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(file.length / 4);
    expect(decoded(br).equals(file)).toBe(true);

    const gz = await fetchRaw(port, '/taskpane.0123abcd.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(file)).toBe(true);
    // br;q=0 refuses brotli.
    expect((await fetchRaw(port, '/taskpane.0123abcd.js', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');

    // No Accept-Encoding, or identity only: the file as it is, still marked as varying.
    for (const ae of [undefined, 'identity']) {
      const plain = await fetchRaw(port, '/taskpane.0123abcd.js', ae);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.equals(file)).toBe(true);
    }
  });

  it('answers HEAD with the compressed length and no body', async () => {
    const get = await fetchRaw(port, '/taskpane.0123abcd.js', 'br');
    const head = await fetchRaw(port, '/taskpane.0123abcd.js', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.body.length).toBe(0);
  });

  it('never compresses images or workbooks (already compressed formats)', async () => {
    const png = await fetchRaw(port, '/icon.png', 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(fs.readFileSync(path.join(root, 'icon.png')))).toBe(true);
    const xlsx = await fetchRaw(port, `/samples/${encodeURIComponent('示例.xlsx')}`, 'br, gzip');
    expect(xlsx.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a file again once it has changed', async () => {
    const file = path.join(root, 'changing.js');
    fs.writeFileSync(file, 'a'.repeat(5000));
    expect(decoded(await fetchRaw(port, '/changing.js', 'br')).toString()).toBe('a'.repeat(5000));
    fs.writeFileSync(file, 'b'.repeat(6000));
    expect(decoded(await fetchRaw(port, '/changing.js', 'br')).toString()).toBe('b'.repeat(6000));
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
