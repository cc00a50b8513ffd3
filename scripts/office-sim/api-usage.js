#!/usr/bin/env node
/**
 * The requirement-set table of the add-in: every Excel API member the Office code uses, the requirement set the
 * @types/office-js declarations give it, the function that uses it, and what guards it — the function's own
 * `@requires ExcelApi 1.x (feature)` tag (its callers check that feature first), or a runtime check
 * `supports('feature')` around the use. Property paths in load('a/b,c') strings count too.
 *
 *   node scripts/office-sim/api-usage.js           writes docs/office-api-usage.md
 *   node scripts/office-sim/api-usage.js --check   exits 1 when the file is stale or a rule is broken
 *
 * Rules (test/adapters/office/api-usage.test.ts checks them): an API above the manifest's ExcelApi
 * (BASE_EXCEL_API in src/adapters/office/requirements.ts) is used only in a function that declares a requirement
 * at least as high, or under a supports() check of a feature at least that high; every declared feature exists
 * in FEATURES with that version. Whether the callers honour @requires is proven by running every action on the
 * simulated old Excels (compat-matrix.test.ts).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { parseApiSet, readExcelApi } = require('./excel-api');

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'docs', 'office-api-usage.md');
const REQUIREMENTS = path.join(ROOT, 'src', 'adapters', 'office', 'requirements.ts');
const DEFAULT_FILES = [
  ...fs
    .readdirSync(path.join(ROOT, 'src', 'adapters', 'office'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join('src', 'adapters', 'office', f)),
  path.join('src', 'commands', 'commands.ts'),
  path.join('src', 'taskpane', 'hosts', 'office-host.ts'),
  path.join('src', 'taskpane', 'download.ts'),
];

/** FEATURES and BASE_EXCEL_API from requirements.ts (read as text: this script runs without compiling). */
function readFeatures(file = REQUIREMENTS) {
  const text = fs.readFileSync(file, 'utf8');
  const base = Number(/BASE_EXCEL_API = (\d+)/.exec(text)[1]);
  const features = {};
  for (const m of text.matchAll(/^\s{2}(\w+): \{ minor: (\d+),/gm)) features[m[1]] = Number(m[2]);
  return { base, features };
}

function minorOf(tag) {
  const m = /^ExcelApi 1\.(\d+)$/.exec(tag || '');
  return m ? Number(m[1]) : tag ? Infinity : 1;
}

function inExcelNamespace(decl) {
  for (let n = decl; n; n = n.parent) if (ts.isModuleDeclaration(n) && n.name.text === 'Excel' && n.parent && ts.isSourceFile(n.parent)) return true;
  return false;
}

function ownerName(decl) {
  const p = decl.parent;
  if (p && (ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)) && p.name) return p.name.text;
  return '';
}

function tagOf(decl, mode) {
  const text = (decl.jsDoc ?? []).map((d) => d.getFullText()).join('\n');
  const set = parseApiSet(text);
  if (set && typeof set === 'object') return mode === 'set' ? set.set : set.get;
  return set ?? null;
}

/** The top-level function (or method) a node is in, and its `@requires ExcelApi 1.x (feature)` tag. */
function enclosing(node, sf) {
  let fn;
  for (let n = node.parent; n && n !== sf; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n)) fn = n;
    else if (ts.isVariableStatement(n) && n.parent === sf) fn = fn ?? n;
  }
  if (!fn) return { name: '(module)', requires: undefined };
  let name = '(function)';
  if (ts.isVariableStatement(fn)) name = fn.declarationList.declarations[0].name.getText(sf);
  else if (fn.name) name = fn.name.getText(sf);
  const cls = fn.parent && ts.isClassDeclaration(fn.parent) && fn.parent.name ? `${fn.parent.name.text}.` : '';
  const doc = (fn.jsDoc ?? []).map((d) => d.getFullText()).join('\n');
  const m = /@requires ExcelApi 1\.(\d+) \((\w+)\)/.exec(doc);
  return { name: cls + name, requires: m ? { minor: Number(m[1]), feature: m[2] } : undefined };
}

/** `supports('feature')` guarding the node: the then-branch of an if, a ternary's true side, the right of &&. */
function guardOf(node, sf) {
  for (let n = node; n.parent && n !== sf; n = n.parent) {
    const p = n.parent;
    let cond;
    if (ts.isIfStatement(p) && p.thenStatement === n) cond = p.expression;
    else if (ts.isConditionalExpression(p) && p.whenTrue === n) cond = p.condition;
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === n) cond = p.left;
    if (cond) {
      const m = /\bsupports\('(\w+)'\)/.exec(cond.getText(sf));
      if (m && !/!\s*supports/.test(cond.getText(sf))) return m[1];
    }
  }
  return undefined;
}

function modeOf(node) {
  const p = node.parent;
  if (p && ts.isCallExpression(p) && p.expression === node) return 'call';
  if (p && ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return 'set';
  return 'get';
}

/**
 * Every Excel API use in the files: { file, fn, api, tag, minor, requires, guard }.
 * @param {{ files?: string[], root?: string }} opts
 */
function apiUsage(opts = {}) {
  const root = opts.root ?? ROOT;
  const files = (opts.files ?? DEFAULT_FILES).map((f) => path.resolve(root, f));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['office-js'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    skipLibCheck: true,
    noEmit: true,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const api = readExcelApi().classes;
  const uses = [];
  const add = (sf, node, owner, member, mode, tag) => {
    const where = enclosing(node, sf);
    uses.push({
      file: path.relative(root, sf.fileName).split(path.sep).join('/'),
      fn: where.name,
      api: owner ? `Excel.${owner}.${member}` : `Excel.${member}`,
      mode,
      tag: tag || 'ExcelApi 1.1',
      minor: minorOf(tag || 'ExcelApi 1.1'),
      requires: where.requires,
      guard: guardOf(node, sf),
    });
  };
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        const decl = sym?.declarations?.find(inExcelNamespace);
        if (decl) {
          const mode = modeOf(node);
          add(sf, node, ownerName(decl), node.name.text, mode, tagOf(decl, mode));
        }
        // load('a/b,c') on an Excel object: the paths are API uses too.
        if (node.name.text === 'load' && ts.isCallExpression(node.parent) && node.parent.arguments.length && ts.isStringLiteralLike(node.parent.arguments[0])) {
          const recv = checker.getTypeAtLocation(node.expression);
          const cls = recv.getSymbol()?.getName();
          if (cls && api[cls]) {
            for (const p of node.parent.arguments[0].text.split(',').map((s) => s.trim()).filter(Boolean)) {
              let c = cls;
              for (const seg of p.split('/')) {
                const m = api[c]?.members[seg];
                if (!m) break;
                const tag = m.set && typeof m.set === 'object' ? m.set.get : m.set;
                if (seg !== 'items') add(sf, node.parent.arguments[0], c, seg, 'load', tag);
                if (!m.type) break;
                c = m.type.replace(/\[\]$/, '');
              }
            }
          }
        }
      }
      if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
        const ctxType = checker.getContextualType(node.parent);
        const prop = ctxType?.getProperty(node.name.getText(sf));
        const decl = prop?.declarations?.find(inExcelNamespace);
        if (decl) add(sf, node, ownerName(decl), node.name.getText(sf), 'set', tagOf(decl, 'set'));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Rule violations (empty when the code keeps to its requirement sets). */
function violations(uses, feats = readFeatures()) {
  const out = [];
  for (const u of uses) {
    const declared = u.requires ? u.requires.minor : feats.base;
    const guarded = u.guard ? feats.features[u.guard] ?? -1 : -1;
    if (u.requires && feats.features[u.requires.feature] !== u.requires.minor) {
      out.push(`${u.file} ${u.fn}: @requires ExcelApi 1.${u.requires.minor} (${u.requires.feature}) does not match FEATURES.${u.requires.feature}`);
    }
    if (u.guard && guarded < 0) out.push(`${u.file} ${u.fn}: supports('${u.guard}') is not a feature`);
    if (u.minor > Math.max(declared, guarded)) {
      out.push(`${u.file} ${u.fn}: ${u.api} needs ${u.tag}, above ${u.requires ? `its @requires ExcelApi 1.${declared}` : `the manifest's ExcelApi 1.${feats.base}`}${u.guard ? ` and supports('${u.guard}')` : ''}`);
    }
  }
  return [...new Set(out)];
}

/** docs/office-api-usage.md. */
function render(uses, feats = readFeatures()) {
  const rows = new Map();
  for (const u of uses) {
    const guard = u.guard ? `supports('${u.guard}')` : u.requires ? `@requires ${u.requires.feature}` : '';
    const key = `${u.api}\u0000${u.file}\u0000${u.fn}`;
    const prev = rows.get(key);
    if (prev) {
      if (guard && !prev.guards.includes(guard)) prev.guards.push(guard);
      if (u.minor > prev.minor) Object.assign(prev, { minor: u.minor, tag: u.tag });
      continue;
    }
    rows.set(key, { api: u.api, tag: u.tag, minor: u.minor, file: u.file, fn: u.fn, guards: guard ? [guard] : [] });
  }
  const sorted = [...rows.values()].sort((a, b) => b.minor - a.minor || (a.api < b.api ? -1 : a.api > b.api ? 1 : a.file < b.file ? -1 : a.fn < b.fn ? -1 : 1));
  const above = sorted.filter((r) => r.minor > feats.base);
  const lines = [
    '# 加载项使用的 Excel API 及其要求集',
    '',
    '> 由 `node scripts/office-sim/api-usage.js` 从代码生成，`npm test` 检查它是否最新；请勿手改。',
    '> Generated from the code by `node scripts/office-sim/api-usage.js`; `npm test` checks it is current.',
    '',
    `清单（manifest.xml）声明 ExcelApi 1.${feats.base}。高于它的 API 只在声明了更高要求（\`@requires\`，调用前先检查该功能）`,
    '或在运行时检查（`supports(…)`）之后使用；这台电脑上的 Excel 不支持时，面板和功能区用中文说明（见 addin.md 的兼容性表）。',
    '',
    `高于 ExcelApi 1.${feats.base} 的调用：${above.length} 处；全部调用：${sorted.length} 处。`,
    '',
    '| API | 要求集 | 代码位置 | 保护 |',
    '|---|---|---|---|',
    ...sorted.map((r) => `| \`${r.api}\` | ${r.tag} | ${r.file} · ${r.fn} | ${r.guards.join('，') || (r.minor <= feats.base ? '清单要求' : '**无**')} |`),
    '',
  ];
  return lines.join('\n');
}

module.exports = { apiUsage, violations, render, readFeatures, OUT };

if (require.main === module) {
  const uses = apiUsage();
  const bad = violations(uses);
  const text = render(uses);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (bad.length) console.error(bad.join('\n'));
    if (current !== text) console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/office-sim/api-usage.js`);
    process.exit(bad.length || current !== text ? 1 : 0);
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${uses.length} uses)`);
  if (bad.length) {
    console.error(bad.join('\n'));
    process.exit(1);
  }
}
