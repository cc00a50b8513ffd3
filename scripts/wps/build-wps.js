#!/usr/bin/env node
/**
 * npm run build:wps — the WPS 表格 add-in, offline, from a fresh clone (no wpsjs, no network):
 *
 *   dist/wps/jiangxuan_<version>/     the add-in folder (webpack.wps.config.js), checked for syntax above ES2017
 *   dist/wps/publish/                 publish mode: copy this folder to an intranet web server, users open
 *     publish.html                      publish.html there and click 安装 (WPS writes its publish.xml)
 *     jiangxuan/                        the add-in (publish.html points WPS at this folder)
 *   dist/wps/offline/                 jsplugins.xml mode (offline networks, docs/wps.md)
 *     jiangxuan.7z                      the folder jiangxuan_<version>/ packed with 7-Zip, as WPS unpacks it
 *     jiangxuan_<version>/              the same folder unpacked (to copy straight into jsaddons)
 *     jsplugins.xml                     a sample list pointing at jiangxuan.7z (edit the path)
 *
 * The .7z needs a 7-Zip program: `7z`, `7za` or `7zr` on PATH (Debian: p7zip-full), or SEVEN_ZIP=<path>.
 * Without one the step is skipped with a message (set JIANGXUAN_REQUIRE_7Z=1 to make that an error).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const PKG = require(path.join(ROOT, 'package.json'));
const config = require(path.join(ROOT, 'webpack.wps.config.js'));
const { checkFiles } = require('./syntax-level');

const NAME = config.ADDIN_NAME;
const FOLDER = config.FOLDER;
const DIST = path.join(ROOT, 'dist', 'wps');
const ADDIN = path.join(DIST, FOLDER);

function log(msg) {
  process.stdout.write(`[build:wps] ${msg}\n`);
}

function runWebpack() {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    webpack(config({}), (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

function listJs(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));
}

function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/** 7-Zip on this machine: SEVEN_ZIP, then 7z / 7za / 7zr on PATH, then the npm package 7zip-bin if installed. */
function findSevenZip() {
  const candidates = [process.env.SEVEN_ZIP, '7z', '7za', '7zr'].filter(Boolean);
  for (const c of candidates) {
    const r = spawnSync(c, ['i'], { stdio: 'ignore' });
    if (!r.error && r.status === 0) return c;
  }
  try {
    const p = require('7zip-bin').path7za;
    if (p && fs.existsSync(p)) return p;
  } catch {
    // not installed
  }
  return undefined;
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A jsplugins.xml list with our add-in; `url` is where WPS finds jiangxuan.7z. */
function jspluginsXml(url) {
  return `<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${escapeXml(url)}" version="${PKG.version}" enable="true"/>\n</jsplugins>\n`;
}

function publishHtml() {
  const tpl = fs.readFileSync(path.join(ROOT, 'src', 'wps-addin', 'publish.html'), 'utf8');
  return tpl.replace(/__ADDIN_NAME__/g, NAME).replace(/__ADDIN_VERSION__/g, PKG.version);
}

async function main() {
  // --package-only: repackage an existing add-in folder (publish and offline folders, the .7z) without webpack.
  if (!process.argv.includes('--package-only')) {
    log(`building ${FOLDER} (syntax level ${config.WPS_SYNTAX_TARGET})…`);
    await runWebpack();
  }
  for (const f of ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'taskpane.html']) {
    if (!fs.existsSync(path.join(ADDIN, f))) throw new Error(`the add-in folder lacks ${f}`);
  }
  const ribbon = fs.readFileSync(path.join(ADDIN, 'ribbon.xml'), 'utf8');
  if (!ribbon.startsWith('<customUI')) throw new Error('ribbon.xml must start with <customUI (the publish validator rejects an XML declaration)');
  const found = checkFiles(listJs(ADDIN), config.WPS_SYNTAX_TARGET);
  if (found.length) {
    for (const x of found.slice(0, 20)) console.error(`${path.relative(ROOT, x.file)}:${x.line} ${x.feature} (ES${x.level})`);
    throw new Error(`${found.length} constructs above ${config.WPS_SYNTAX_TARGET} in the WPS bundle`);
  }
  log(`syntax checked: nothing above ${config.WPS_SYNTAX_TARGET} in ${listJs(ADDIN).length} scripts`);

  // Publish mode.
  const publish = path.join(DIST, 'publish');
  fs.rmSync(publish, { recursive: true, force: true });
  copyDir(ADDIN, path.join(publish, NAME));
  fs.writeFileSync(path.join(publish, 'publish.html'), publishHtml());
  log(`publish mode: ${path.relative(ROOT, publish)}/ (publish.html + ${NAME}/)`);

  // jsplugins.xml mode.
  const offline = path.join(DIST, 'offline');
  fs.rmSync(offline, { recursive: true, force: true });
  fs.mkdirSync(offline, { recursive: true });
  copyDir(ADDIN, path.join(offline, FOLDER));
  fs.writeFileSync(path.join(offline, 'jsplugins.xml'), jspluginsXml(`file:///C:/jiangxuan/${NAME}.7z`));
  const seven = findSevenZip();
  if (!seven) {
    const msg = `no 7-Zip program found (7z / 7za / 7zr on PATH, SEVEN_ZIP, or the npm package 7zip-bin): ${NAME}.7z was NOT made. Install p7zip-full (apt) or 7-Zip, then run npm run build:wps again; the unpacked folder ${FOLDER}/ can be copied into jsaddons meanwhile.`;
    if (process.env.JIANGXUAN_REQUIRE_7Z === '1') throw new Error(msg);
    console.warn(`[build:wps] WARNING: ${msg}`);
  } else {
    const archive = path.join(offline, `${NAME}.7z`);
    const r = spawnSync(seven, ['a', '-t7z', '-mx=9', '-bd', '-y', archive, FOLDER], { cwd: offline, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`7-Zip failed: ${r.stderr || r.stdout}`);
    log(`jsplugins.xml mode: ${path.relative(ROOT, archive)} (${Math.round(fs.statSync(archive).size / 1024)} KB, made with ${seven})`);
  }
  log('done');
}

main().catch((e) => {
  console.error(`[build:wps] ${e.message || e}`);
  process.exit(1);
});
