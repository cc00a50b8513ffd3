/**
 * The WPS 表格 add-in (npm run build:wps → scripts/wps/build-wps.js): the same task pane as the Excel add-in and
 * the standalone page (src/taskpane/index.tsx detects WPS at start-up) and the ribbon's main.js
 * (src/wps-addin/main.ts), built into one add-in folder, dist/wps/jiangxuan_<version>/:
 *
 *   index.html  main.js  ribbon.xml  manifest.xml  taskpane.html  taskpane.<hash>.js  <chunks>  assets/
 *
 * Everything — our code and every package — is compiled down to WPS_SYNTAX_TARGET by TypeScript
 * (scripts/wps/downlevel-loader.js), webpack's own runtime and terser's output are held to the same level, and
 * scripts/wps/syntax-level.js checks the result (the build and a test fail on anything above it). Why ES2017:
 * docs/wps.md, "支持的 WPS 版本". Nothing is loaded from the network: office.js is not part of this build.
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const BOOT_SCRIPT = path.join(ROOT, 'src', 'wps-addin', 'boot.js');
const PKG = require('./package.json');
/** ECMAScript edition of the WPS bundle. */
const WPS_SYNTAX_TARGET = 'ES2017';
const ADDIN_NAME = 'jiangxuan';
const FOLDER = `${ADDIN_NAME}_${PKG.version}`;
const OUT = path.join(ROOT, 'dist', 'wps', FOLDER);

/** The WPS boot check, inlined first in taskpane.html (ES5, checked by test/adapters/wps/package.test.ts). */
function bootScript() {
  return fs
    .readFileSync(BOOT_SCRIPT, 'utf8')
    .replace(/^\/\*[\s\S]*?\*\/\s*/, '')
    .replace(/<\/script/gi, '<\\/script');
}

function minimizers() {
  const ecma = Number(WPS_SYNTAX_TARGET.slice(2));
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [
      new MinimizerPlugin({
        minify: MinimizerPlugin.terserMinify,
        minimizerOptions: { ecma, compress: { ecma, passes: 2 }, format: { ecma } },
      }),
    ];
  } catch {
    return [];
  }
}

module.exports = (env = {}) => ({
  mode: 'production',
  context: ROOT,
  entry: {
    taskpane: './src/taskpane/index.tsx',
    main: './src/wps-addin/main.ts',
  },
  // webpack's runtime code at the same level as ours.
  target: ['web', WPS_SYNTAX_TARGET.toLowerCase()],
  devtool: false,
  output: {
    path: env.out ? path.resolve(env.out) : OUT,
    // main.js keeps its name: index.html and WPS refer to it.
    filename: (data) => (data.chunk && data.chunk.name === 'main' ? 'main.js' : '[name].[contenthash:8].js'),
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: 'auto',
    clean: true,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.js', '.json'],
    alias: {
      exceljs$: path.join(ROOT, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js'),
    },
  },
  module: {
    rules: [
      {
        test: /\.(tsx?|m?js|cjs)$/,
        use: { loader: path.join(ROOT, 'scripts', 'wps', 'downlevel-loader.js'), options: { target: WPS_SYNTAX_TARGET } },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { compatScript: bootScript() },
      favicon: fs.existsSync(path.join(ROOT, 'assets', 'icon-32.png')) ? './assets/icon-32.png' : undefined,
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/wps-addin/index.html', to: 'index.html' },
        { from: 'src/wps-addin/ribbon.xml', to: 'ribbon.xml' },
        { from: 'src/wps-addin/manifest.xml', to: 'manifest.xml' },
        { from: 'assets/*.png', to: 'assets/[name][ext]' },
      ],
    }),
  ],
  optimization: {
    minimizer: minimizers(),
    splitChunks: {
      chunks: 'async',
      cacheGroups: {
        exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
      },
    },
  },
  performance: { hints: false },
  stats: 'errors-warnings',
});

module.exports.WPS_SYNTAX_TARGET = WPS_SYNTAX_TARGET;
module.exports.ADDIN_NAME = ADDIN_NAME;
module.exports.FOLDER = FOLDER;
