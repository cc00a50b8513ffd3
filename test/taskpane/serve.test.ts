/** scripts/serve.js: the standalone page's static server. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const { createServer, resolveInside } = require('../../scripts/serve.js') as {
  createServer(root: string): http.Server;
  resolveInside(root: string, p: string): string | undefined;
};

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
});
