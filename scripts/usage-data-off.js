#!/usr/bin/env node
/**
 * Switches usage data (telemetry) of Microsoft's office-addin-* CLI tools off, non-interactively.
 *
 * How those tools decide (checked against the sources):
 *  - office-addin-usage-data 3.x (installed here, and the one office-addin-debugging@7, office-addin-manifest@3 and
 *    office-addin-dev-certs@3 depend on) has had usage-data reporting removed: every report method is a no-op and
 *    `office-addin-usage-data off` only prints "Usage data has been turned off." without writing anything.
 *  - office-addin-usage-data 1.x/2.x (older tools a user may still have globally, e.g. via `yo office`) read
 *    ~/office-addin-usage-data.json, {"usageDataInstances": {"office-addin-usage-data": {"usageDataLevel": "off"|"on"}}}.
 *    The CLI tools never prompt (raisePrompt: false) and send only when that file says "on". There is no
 *    environment variable.
 * So this script (1) runs the installed `office-addin-usage-data off` and (2) records "off" in
 * ~/office-addin-usage-data.json, merging with what is already there, so older copies stay silent as well.
 *
 *   node scripts/usage-data-off.js [--quiet]
 * Never fails the calling script: problems are reported as warnings (exit code 0).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const GROUP = 'office-addin-usage-data';

function settingsPath() {
  return path.join(os.homedir(), 'office-addin-usage-data.json');
}

/**
 * Returns the settings object with usageDataLevel "off" for every group, keeping every other key.
 * @param {unknown} existing parsed JSON of the current file, or undefined
 */
function withUsageDataOff(existing) {
  const base = existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...existing } : {};
  const instances =
    base.usageDataInstances && typeof base.usageDataInstances === 'object' ? { ...base.usageDataInstances } : {};
  // The CLI tools share the group "office-addin-usage-data"; any other group found (other tools) is switched off too.
  for (const name of new Set([GROUP, ...Object.keys(instances)])) {
    const group = instances[name] && typeof instances[name] === 'object' ? { ...instances[name] } : {};
    group.usageDataLevel = 'off';
    instances[name] = group;
  }
  base.usageDataInstances = instances;
  return base;
}

/** Writes the "off" level into the settings file; returns a short status for the log. */
function writeSettingsFile(file = settingsPath()) {
  let existing;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (text && text !== 'undefined') {
      try {
        existing = JSON.parse(text);
      } catch {
        return { ok: false, message: `${file} is not valid JSON; left unchanged` };
      }
    }
    const next = withUsageDataOff(existing);
    if (JSON.stringify(next) === JSON.stringify(existing)) return { ok: true, message: `${file} already says "off"` };
  }
  fs.writeFileSync(file, JSON.stringify(withUsageDataOff(existing), null, 2));
  return { ok: true, message: `${file} now says "off"` };
}

/** Runs the installed CLI through node (its bin file may lack the executable bit). */
function runInstalledCli() {
  let cli;
  try {
    cli = require.resolve('office-addin-usage-data/cli.js', { paths: [path.resolve(__dirname, '..')] });
  } catch {
    return { ok: false, message: 'office-addin-usage-data is not installed' };
  }
  const r = spawnSync(process.execPath, [cli, 'off'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  return { ok: r.status === 0, message: out || `exit ${r.status}` };
}

function main(argv) {
  const quiet = argv.includes('--quiet');
  const cli = runInstalledCli();
  let file;
  try {
    file = writeSettingsFile();
  } catch (err) {
    file = { ok: false, message: `could not write ${settingsPath()}: ${err && err.message ? err.message : err}` };
  }
  const log = (ok, text) => (ok ? (quiet ? null : console.log(text)) : console.warn(text));
  log(cli.ok, `${cli.ok ? '✓' : '!'} office-addin-usage-data off: ${cli.message}`);
  log(file.ok, `${file.ok ? '✓' : '!'} ${file.message}`);
  if (!quiet || !cli.ok || !file.ok) {
    console.log(
      cli.ok && file.ok
        ? '✓ 已关闭 Office 加载项工具的使用数据收集。 Usage data of the office-addin tools is off.'
        : '! 使用数据设置未能全部写入，见上方提示。 Usage data settings were not fully written; see above.',
    );
  }
  return 0;
}

module.exports = { withUsageDataOff, writeSettingsFile, settingsPath };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
