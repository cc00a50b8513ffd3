#!/usr/bin/env node
/**
 * Validates manifest.xml offline against the Office add-in XML manifest schemas (XSD, 2020 copies) with
 * xmllint-wasm. `office-addin-manifest validate` posts the manifest to an online service; this never touches
 * the network.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--schemas DIR] [--skip-missing-schemas]
 *
 * --skip-missing-schemas: when the schema folder is absent, warn and exit 0 instead of 2 (used by `npm run
 * sideload`, so a machine without the shared folder can still sideload; CI and `validate:manifest` never skip).
 * Schema folder: --schemas, else $JIANGXUAN_MANIFEST_SCHEMAS, else vendor/office-addin-manifest-schemas
 * (relative to the repository root; vendored so a fresh clone validates offline, origin in its README).
 * Exit codes: 0 valid, 1 invalid, 2 could not run (missing file or schema folder).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Absolute path of the schema folder (see the header for the order of precedence). */
function resolveSchemaDir(explicit) {
  const dir = explicit || process.env.JIANGXUAN_MANIFEST_SCHEMAS || path.join('vendor', 'office-addin-manifest-schemas');
  return path.resolve(REPO_ROOT, dir);
}

/**
 * Validates one manifest text. Every .xsd in schemaDir is preloaded into xmllint's in-memory file system under its
 * own name, so the xs:import schemaLocation="..." references of the main schema resolve without any I/O.
 * @param {string} xml manifest contents (UTF-8)
 * @param {{schemaDir?: string, fileName?: string}} [options]
 * @returns {Promise<{valid: boolean, errors: string[]}>}
 */
async function validateManifestXml(xml, options = {}) {
  const { validateXML } = require('xmllint-wasm');
  const schemaDir = options.schemaDir || resolveSchemaDir();
  const main = path.join(schemaDir, MAIN_SCHEMA);
  if (!fs.existsSync(main)) {
    const err = new Error(`schema not found: ${main}`);
    err.code = 'ENOSCHEMA';
    throw err;
  }
  const preload = fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith('.xsd') && name !== MAIN_SCHEMA)
    .sort()
    .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(schemaDir, name), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: options.fileName || 'manifest.xml', contents: xml }],
    schema: [{ fileName: MAIN_SCHEMA, contents: fs.readFileSync(main, 'utf8') }],
    preload,
  });
  const errors = result.errors.map((e) => e.rawMessage.trim()).filter(Boolean);
  // xmllint also reports "fails to validate" summaries and schema parser errors in rawOutput; keep them when the
  // parsed list is empty so a failure never comes back without a reason.
  if (!result.valid && errors.length === 0) errors.push(result.rawOutput.trim() || 'validation failed (no details)');
  return { valid: result.valid, errors };
}

async function main(argv) {
  let manifestArg = 'manifest.xml';
  let schemaArg;
  let skipMissing = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schemas') schemaArg = argv[++i];
    else if (argv[i] === '--skip-missing-schemas') skipMissing = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('用法 Usage: node scripts/validate-manifest.js [manifest.xml] [--schemas DIR] [--skip-missing-schemas]');
      return 0;
    } else manifestArg = argv[i];
  }
  const manifestPath = path.resolve(process.cwd(), manifestArg);
  const schemaDir = resolveSchemaDir(schemaArg);
  if (!fs.existsSync(manifestPath)) {
    console.error(`✗ 找不到清单文件 Manifest not found: ${manifestPath}`);
    return 2;
  }
  if (!fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    if (skipMissing) {
      console.warn(`! 未找到清单架构，跳过离线校验。 Schemas not found, manifest validation skipped: ${schemaDir}`);
      return 0;
    }
    console.error(`✗ 找不到清单架构 Schema not found: ${path.join(schemaDir, MAIN_SCHEMA)}`);
    console.error('  用 --schemas DIR 或环境变量 JIANGXUAN_MANIFEST_SCHEMAS 指定。 Use --schemas DIR or JIANGXUAN_MANIFEST_SCHEMAS.');
    return 2;
  }
  const relative = path.relative(process.cwd(), manifestPath);
  const rel = relative && !relative.startsWith('..') ? relative : manifestPath;
  const { valid, errors } = await validateManifestXml(fs.readFileSync(manifestPath, 'utf8'), {
    schemaDir,
    fileName: path.basename(manifestPath),
  });
  if (valid) {
    console.log(`✓ 清单有效：${rel} 符合 Office 加载项清单架构（离线校验）。`);
    console.log(`✓ Manifest is valid: ${rel} conforms to the Office add-in manifest schemas (checked offline).`);
    return 0;
  }
  console.error(`✗ 清单无效：${rel} 不符合架构，共 ${errors.length} 处错误。`);
  console.error(`✗ Manifest is invalid: ${rel} does not conform to the schemas (${errors.length} error(s)).`);
  for (const e of errors) console.error(`  ${e}`);
  return 1;
}

module.exports = { validateManifestXml, resolveSchemaDir };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`✗ 校验无法运行 Validation could not run: ${err && err.stack ? err.stack : err}`);
      process.exitCode = 2;
    },
  );
}
