#!/usr/bin/env node
/**
 * npm start: builds the page (webpack.config.js, production) and serves it (scripts/serve.js) on
 * http://127.0.0.1:3000 (PORT=… for another port, 0 for a free one).
 *
 * Why not `npm run build:web && node scripts/serve.js`: webpack saves its cache (node_modules/.cache/webpack)
 * after the build, which takes several seconds more on the first run. Here the page is served as soon as it is
 * built, and the cache is saved while it is already being served.
 */
'use strict';
const path = require('node:path');
const webpack = require('webpack');
const { parseArgs, portFromEnv, serve } = require('./serve.js');

const ROOT = path.join(__dirname, '..');

function main() {
  const { host } = parseArgs(process.argv.slice(2));
  const port = portFromEnv();
  const started = Date.now();
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  const compiler = webpack(config);
  compiler.run((err, stats) => {
    if (err || stats.hasErrors()) {
      console.error(err ? err.stack || String(err) : stats.toString({ all: false, errors: true, colors: false }));
      console.error('构建失败：网页没有启动。');
      compiler.close(() => process.exit(1));
      return;
    }
    if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true, colors: false }));
    console.log(`[start] 网页已构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    serve({ root: config.output.path, host, port });
    compiler.close((closeErr) => {
      if (closeErr) console.warn(`[start] 构建缓存未能保存：${closeErr.message}`);
      else if (config.cache) console.log(`[start] 构建缓存已保存（${((Date.now() - started) / 1000).toFixed(1)} 秒），下次启动更快`);
    });
  });
}

main();
