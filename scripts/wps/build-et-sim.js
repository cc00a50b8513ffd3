/**
 * Builds the strict ET simulation for the browser (test/adapters/wps/fake-et.ts behind test/e2e/wps-sim-entry.ts,
 * with the declaration model of et-model.js computed here: no TypeScript in the page) into `outDir`/wps-sim.js.
 * Used by the WPS e2e test and the pane benchmark (bench/pane-bench.js); resolves to the script's path.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..', '..');

function buildEtSimulation(outDir) {
  const modelFile = path.join(outDir, 'et-model.js');
  const { readEtModel } = require('./et-model.js');
  fs.writeFileSync(modelFile, `module.exports = { readEtModel: () => (${JSON.stringify(readEtModel())}) };`);
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: path.join(ROOT, 'test', 'e2e', 'wps-sim-entry.ts'),
    output: { path: outDir, filename: 'wps-sim.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, use: { loader: path.join(__dirname, 'downlevel-loader.js'), options: { target: 'ES2020' } } }] },
    plugins: [new webpack.NormalModuleReplacementPlugin(/scripts[\\/]wps[\\/]et-model\.js$/, modelFile)],
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
      else resolve(path.join(outDir, 'wps-sim.js'));
    }),
  );
}

module.exports = { buildEtSimulation };
