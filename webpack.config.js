/**
 * Web bundle of 匠选: the task pane (also the standalone page) and the ribbon's function file.
 *
 *   npm run build:web    production build into dist/web/ (tree-shaken: ts-loader with module esnext)
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
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'web');
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const COMPAT_SCRIPT = path.join(ROOT, 'src', 'taskpane', 'boot', 'compat.js');

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
 * office.js loads, relative to itself: the host file (excel-<platform>-<version>.js), the locale strings
 * (<ll-cc>/office_strings.js), o15apptofilemappingtable.js, es6-promise.js, and — optionally — Microsoft's
 * telemetry scripts (telemetry/oteljs*.js, ariatelemetry/aria-web-telemetry*.js), which post usage data to
 * *.pipe.aria.microsoft.com. Those are not shipped: 匠选 sends nothing anywhere (README), and office.js carries on
 * without them (the request for them gets a 404 from this origin). Word, Outlook, PowerPoint, OneNote, Project
 * and Access files, debug builds and the SSO helpers are left out (~10 MB instead of 86 MB).
 * test/e2e/web-build.test.ts scans dist/web for telemetry scripts and endpoints.
 */
function officeJsPatterns(OFFICE_DIST) {
  if (!OFFICE_DIST) return [];
  const OTHER_HOSTS = /^(access|outlook|word|powerpoint|onenote|project)/;
  // Served byte for byte as Microsoft ships them (never re-minified).
  const info = { minimized: true };
  return [
    {
      from: '*.js',
      context: OFFICE_DIST,
      to: 'office-js/[name][ext]',
      globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js', '**/html2canvas.js', '**/custom-functions-runtime.js'] },
      filter: (p) => !OTHER_HOSTS.test(path.basename(p)),
      info,
    },
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
 * Terser for everything except exceljs' own pre-minified build (re-minifying its 930 KB takes most of the
 * build time and saves nothing). Falls back to webpack's default minimizer if the plugin cannot be loaded.
 */
function minimizers() {
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [
      new MinimizerPlugin({
        exclude: [/(^|\/)exceljs\./, /^office-js\//],
        minify: MinimizerPlugin.terserMinify,
        minimizerOptions: { compress: { passes: 2 } },
      }),
    ];
  } catch {
    return ['...'];
  }
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
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.join(ROOT, 'tsconfig.web.json'),
              // Type-checking is `npm run typecheck:web`; the bundle only needs ES modules for tree-shaking.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', sourceMap: true, noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
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
