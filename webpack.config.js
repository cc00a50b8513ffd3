/**
 * Web bundle of 匠选: the task pane (also the standalone page) and the ribbon's function file.
 *
 *   npm run build:web    production build into dist/web/ (esbuild-loader strips types, no type-check; webpack
 *                        tree-shakes; esbuild minifies; cached in node_modules/.cache/webpack)
 *   npm run dev-server   https://localhost:3000 for sideloading into Excel (office-addin-dev-certs'
 *                        certificate when installed, else a self-signed one; never prompts)
 *
 * Where office.js comes from (docs/addin.md, "office.js"): by default it is served from this origin — the files
 * office.js loads for Excel are copied into dist/web/office-js/ — so the add-in works on networks without
 * internet access. JIANGXUAN_OFFICE_JS chooses another source:
 *   JIANGXUAN_OFFICE_JS=cdn          reference Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/
 *                                    office.js), Microsoft's recommendation where the CDN is reachable;
 *   JIANGXUAN_OFFICE_JS=<directory>  copy office.js from a directory holding a current download of the CDN's
 *                                    files (Microsoft's advice for networks that cannot reach the CDN), instead of
 *                                    the npm package @microsoft/office-js, which Microsoft no longer supports.
 * The page never loads office.js outside Office: the boot check (src/taskpane/boot/compat.js, inlined first in
 * <head>) writes its <script> only when Office opened the page, and first tells old web views (IE11, Edge Legacy)
 * what to do instead of showing a blank pane.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const { EsbuildPlugin } = require('esbuild-loader');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'web');
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const COMPAT_SCRIPT = path.join(ROOT, 'src', 'taskpane', 'boot', 'compat.js');
/** The syntax the bundle is compiled to: what the boot check tests for (tsconfig.web.json says the same). */
const WEB_SYNTAX_TARGET = 'es2022';

/** office.js: where the pages load it from, and the directory its files are copied from (none for the CDN). */
function officeJsSource(env = process.env) {
  const choice = (env.JIANGXUAN_OFFICE_JS || '').trim();
  if (choice === 'cdn') return { url: CDN_OFFICE_JS, dir: undefined };
  const dir = choice ? path.resolve(choice) : path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  if (choice && !fs.existsSync(path.join(dir, 'office.js'))) throw new Error(`JIANGXUAN_OFFICE_JS: no office.js in ${dir}`);
  return { url: 'office-js/office.js', dir };
}

/** The boot check, inlined in each page's <head> (ES5, checked by a test), with office.js's address filled in. */
function compatScript(officeJsUrl) {
  return fs
    .readFileSync(COMPAT_SCRIPT, 'utf8')
    .replace(/^\/\*[\s\S]*?\*\/\s*/, '') // its header comment stays in the source
    .replace('__OFFICE_JS_URL__', officeJsUrl)
    .replace(/<\/script/gi, '<\\/script');
}

/**
 * The office.js files the pane can ever request, and nothing else (docs/addin.md, "随加载项提供的 office.js 文件").
 * office.js loads, relative to itself, one host file named from the `_host_Info` Office puts in the address
 * (<host>-<platform>-<version>.js) and the locale strings (<ll-cc>/office_strings.js). The boot check
 * (src/taskpane/boot/compat.js) writes office.js only into pages Office opened with `_host_Info` in a modern
 * web view (WebView2, Safari 16.4+, a current browser for Excel on the web), and those hosts ask for:
 *   excel-win32-16.01.js (Microsoft 365, Excel 2019/2021/2024 for Windows; office.js maps any later version to it),
 *   excel-mac-16.00.js, excel-web-16.00.js, excel-ios-16.00.js, excel-android-16.00.js.
 * Not shipped, because no page of ours can request them:
 *   - o15apptofilemappingtable.js: office.js loads it only when the address has no `_host_Info` (Office 2013),
 *     and the boot check does not load office.js then; Office 2013 shows add-ins in Internet Explorer anyway;
 *   - excel-win32-16.00.js (Excel 2016 MSI), excel-15*.js, excelwebapp-15*.js, excelios-15.js (Office 2013 era),
 *     excel-winrt-16.00.js (Windows 10 Mobile): hosts that show add-ins in Internet Explorer or EdgeHTML, which the
 *     boot check turns away before office.js is written. These two were the only files left that carry
 *     Microsoft's logger code naming a telemetry host (telemetryservice.firstpartyapps.oaspapps.com);
 *   - telemetry/oteljs*.js, ariatelemetry/*.js: Microsoft's telemetry, posting usage data to *.aria.microsoft.com
 *     (匠选 sends nothing anywhere, README); office.js carries on without them (its request gets a 404);
 *   - the "-core" host files (requested only when a page sets OSF.ConstantNames.HostFileScriptSuffix before
 *     office.js; ours does not), es6-promise.js (never requested: office.js carries its own), debug builds,
 *     other Office applications, the SSO helpers.
 * test/e2e/web-build.test.ts checks the list and scans dist/web for telemetry scripts and hosts.
 */
const OFFICE_JS_FALLBACK = ['office.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'excel-web-16.00.js', 'excel-ios-16.00.js', 'excel-android-16.00.js'];

/**
 * The files above, read from office.js's own table of host-file versions (HostSpecificFileVersionMap), so that a
 * newer office.js (JIANGXUAN_OFFICE_JS=<directory>) that moves Windows to another version still gets its file.
 */
function officeJsFiles(OFFICE_DIST) {
  const m = /HostSpecificFileVersionMap\s*=\s*(\{(?:\s*"?[a-z]+"?\s*:\s*\{[^{}]*\}\s*,?)+\s*\})/.exec(fs.readFileSync(path.join(OFFICE_DIST, 'office.js'), 'utf8'));
  if (!m) return new Set(OFFICE_JS_FALLBACK);
  const table = JSON.parse(m[1].replace(/([{,]\s*)([a-z0-9]+)\s*:/g, '$1"$2":'));
  // Windows 10 Mobile (winrt) shows add-ins in EdgeHTML; Android has no entry (office.js's default, 16.00, applies).
  const excel = { android: '16.00', ...(table.excel || {}) };
  delete excel.winrt;
  return new Set(['office.js', ...Object.entries(excel).map(([platform, version]) => `excel-${platform}-${version}.js`)]);
}

function officeJsPatterns(OFFICE_DIST) {
  if (!OFFICE_DIST) return [];
  const wanted = officeJsFiles(OFFICE_DIST);
  // Served byte for byte as Microsoft ships them (never re-minified).
  const info = { minimized: true };
  return [
    { from: '*.js', context: OFFICE_DIST, to: 'office-js/[name][ext]', filter: (p) => wanted.has(path.basename(p)), info },
    { from: '*/office_strings.js', context: OFFICE_DIST, to: 'office-js/[path][name][ext]', info },
  ];
}

/** office-addin-dev-certs' files (`npx office-addin-dev-certs install` writes them); undefined when absent. */
function devCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) return undefined;
    out[k] = fs.readFileSync(p);
  }
  return out;
}

/**
 * esbuild minifies (several times faster than terser, a few per cent larger), at the bundle's syntax level:
 * nothing above ES2022, which the boot check (src/taskpane/boot/compat.js) tests for — test/e2e/web-build.test.ts
 * checks it. exceljs' own pre-minified build and Microsoft's office.js files are served as they are.
 */
function minimizers() {
  return [new EsbuildPlugin({ target: WEB_SYNTAX_TARGET, exclude: [/(^|\/)exceljs\./, /^office-js\//], legalComments: 'eof' })];
}

/**
 * webpack's persistent cache (a rebuild with unchanged sources takes seconds): in node_modules/.cache/webpack
 * (git-ignored), one cache per checkout and mode — worktrees sharing one node_modules do not overwrite each other.
 * JIANGXUAN_WEBPACK_CACHE=0 builds without it.
 */
function buildCache(mode) {
  if (process.env.JIANGXUAN_WEBPACK_CACHE === '0') return false;
  const checkout = crypto.createHash('sha256').update(ROOT).digest('hex').slice(0, 8);
  return {
    type: 'filesystem',
    cacheDirectory: path.join(ROOT, 'node_modules', '.cache', 'webpack'),
    name: `web-${mode}-${checkout}`,
    buildDependencies: { config: [__filename, path.join(ROOT, 'tsconfig.web.json'), path.join(ROOT, 'tsconfig.json')] },
  };
}

/**
 * A line when webpack enters a stage (building, sealing, emitting, storing the cache), and every few seconds
 * within one (modules built, the step it is on), with seconds since start: a slow machine never looks stuck.
 */
function progress() {
  const started = Date.now();
  let lastStage = '';
  let lastAt = 0;
  return new webpack.ProgressPlugin((fraction, message, ...details) => {
    const now = Date.now();
    const stage = fraction >= 1 ? 'done' : message;
    if (!stage || (stage === lastStage && now - lastAt < 3000)) return;
    const what = [stage, ...details.filter(Boolean)].join(' ');
    process.stderr.write(`[build:web] ${String(Math.round(fraction * 100)).padStart(3)}% ${what} (${((now - started) / 1000).toFixed(1)} s)\n`);
    lastStage = stage;
    lastAt = now;
  });
}

const COMMANDS_ENTRY = path.join(ROOT, 'src', 'commands', 'commands.ts');

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const hasCommands = fs.existsSync(COMMANDS_ENTRY);
  const officeJs = officeJsSource();
  const compat = compatScript(officeJs.url);
  const entry = { taskpane: './src/taskpane/index.tsx' };
  if (hasCommands) entry.commands = COMMANDS_ENTRY;

  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { compatScript: compat },
      favicon: fs.existsSync(path.join(ROOT, 'assets', 'icon-32.png')) ? './assets/icon-32.png' : undefined,
    }),
  ];
  if (hasCommands) {
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        chunks: ['commands'],
        // The function file runs only inside Office: it always loads office.js, then the boot check (which gives
        // old web views ES5 stand-ins for the two commands).
        templateContent: `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<title>匠选</title>
<script src="${officeJs.url}"></script>
<script>${compat}</script>
</head>
<body></body>
</html>`,
      }),
    );
  }

  return {
    mode: dev ? 'development' : 'production',
    context: ROOT,
    entry,
    target: 'web',
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    output: {
      path: OUT,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.json'],
      // exceljs' package.json "browser" field points at this build already; the alias makes it explicit
      // (its Node entry pulls fs, stream, zlib…).
      alias: {
        exceljs$: path.join(ROOT, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js'),
      },
    },
    module: {
      // A self-contained UMD bundle: nothing for webpack to resolve inside it.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // esbuild strips the types file by file, fast; type-checking is `npm run typecheck:web` (npm test, CI).
          // ES modules stay for webpack's tree-shaking.
          loader: 'esbuild-loader',
          options: { tsconfig: path.join(ROOT, 'tsconfig.web.json'), target: WEB_SYNTAX_TARGET, jsx: 'automatic' },
        },
      ],
    },
    cache: buildCache(dev ? 'development' : 'production'),
    plugins: [
      progress(),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          ...officeJsPatterns(officeJs.dir),
          { from: 'samples/*.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
        ],
      }),
    ],
    optimization: {
      minimizer: minimizers(),
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // The standalone page's file reader, loaded only outside Office.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
          // The page's tools and the tools worker (hosts/tools-worker.ts) share one copy of each.
          jszip: { test: /[\\/]node_modules[\\/]jszip[\\/]/, name: 'jszip', chunks: 'async', enforce: true },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: 'async', enforce: true },
        },
      },
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    devServer: {
      port: Number(process.env.PORT) || 3000,
      host: 'localhost',
      server: (() => {
        const certs = devCerts();
        return certs ? { type: 'https', options: certs } : { type: 'https' };
      })(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      open: false,
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    },
  };
};

// For the tests (test/taskpane/compat-loader.test.ts): the boot check exactly as it is inlined.
module.exports.compatScript = compatScript;
module.exports.officeJsSource = officeJsSource;
module.exports.officeJsFiles = officeJsFiles;
