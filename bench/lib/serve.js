/** scripts/serve.js on a free port for the browser benchmarks: dist/web, or another folder (`root`). */
'use strict';
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');

function serve(root) {
  return new Promise((resolve, reject) => {
    const args = [path.join(ROOT, 'scripts', 'serve.js'), ...(root ? ['--root', root] : [])];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/taskpane\.html/.exec(out);
      if (m) resolve({ origin: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`serve.js exited (${code}): ${out}`)));
  });
}

module.exports = { serve };
