#!/usr/bin/env node
/**
 * The Excel JavaScript API as @types/office-js declares it: every class and interface of the `Excel` namespace,
 * its members, and the requirement set each member's `[Api set: …]` tag names. The strict Office simulation
 * (test/adapters/office/sim) refuses any member that is not declared here, and any member above the simulated
 * host's ExcelApi version; the API usage table (api-usage.js) looks the add-in's calls up here.
 *
 *   node scripts/office-sim/excel-api.js            writes test/adapters/office/sim/excel-api.json
 *   node scripts/office-sim/excel-api.js --check    exits 1 when that file is not what the .d.ts gives
 *
 * Parsed with the TypeScript compiler API (syntax only: the 190,000-line file is read in about a second).
 * A tag like "[Api set: ExcelApi 1.1 for get, 1.8 for set]" gives a member two versions (read, write).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..', '..');
const DTS = path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
const OUT = path.join(ROOT, 'test', 'adapters', 'office', 'sim', 'excel-api.json');

/**
 * Members whose requirement set the .d.ts does not tag, from Microsoft's documentation (the set that introduced
 * them). Only what the add-in or the simulation uses is listed.
 */
const DOCUMENTED = {
  // learn.microsoft.com/javascript/api/excel/excel.runoptions: "delayForCellEdit … [Api set: ExcelApi 1.11]".
  RunOptions: { delayForCellEdit: 'ExcelApi 1.11' },
};

/** Members every client object has (OfficeExtension.ClientObject and the generated load/set/toJSON/track). */
const CLIENT_OBJECT_MEMBERS = ['context', 'isNullObject', 'load', 'set', 'toJSON', 'track', 'untrack'];

/** "[Api set: ExcelApi 1.1 for get, 1.8 for set]" → { get: 'ExcelApi 1.1', set: 'ExcelApi 1.8' }; plain tags → 'ExcelApi 1.9'. */
function parseApiSet(text) {
  const m = /\[Api set: ([A-Za-z]+) ([0-9]+\.[0-9]+)([^\]]*)\]/.exec(text);
  if (!m) return undefined;
  const [, set, first, rest] = m;
  const plain = `${set} ${first}`;
  const setter = /;?\s*([0-9]+\.[0-9]+) for (?:set|setting)/.exec(rest);
  if (setter && /for (?:get|reading|getting)/.test(rest)) return { get: plain, set: `${set} ${setter[1]}` };
  return plain;
}

function jsDocText(node) {
  return (node.jsDoc ?? []).map((d) => d.getFullText()).join('\n');
}

function memberName(m) {
  if (!m.name) return undefined;
  if (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) return m.name.text;
  return undefined;
}

function kindOf(m) {
  if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) return 'method';
  if (ts.isPropertyDeclaration(m) || ts.isPropertySignature(m) || ts.isGetAccessorDeclaration(m)) return 'property';
  return undefined;
}

/**
 * The Excel class a property holds ("Excel.RangeFormat" → "RangeFormat", "Excel.Worksheet[]" → "Worksheet[]"), or
 * undefined for plain values (strings, numbers, arrays of values, enums): the simulation loads plain values and
 * navigates to objects. Classes are told from enums and interfaces after the whole namespace is read.
 */
function typeName(node) {
  if (ts.isArrayTypeNode(node)) {
    const inner = typeName(node.elementType);
    return inner ? `${inner}[]` : undefined;
  }
  if (ts.isTypeReferenceNode(node)) {
    const n = node.typeName.getText();
    if (n.startsWith('OfficeExtension.EventHandlers')) return 'EventHandlers';
    return n.replace(/^Excel\./, '');
  }
  return undefined;
}

/** Lower version wins (overloads of one method may carry different tags). */
function lower(a, b) {
  if (!a) return b;
  if (!b) return a;
  if (typeof a !== 'string' || typeof b !== 'string') return a;
  const [sa, va] = a.split(' ');
  const [sb, vb] = b.split(' ');
  if (sa !== sb) return sa === 'ExcelApi' ? a : b;
  const [a1, a2] = va.split('.').map(Number);
  const [b1, b2] = vb.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2) ? a : b;
}

/** { classes: { Range: { kind, extends, set, members: { address: { kind, set, readonly } } } } } */
function readExcelApi(dtsPath = DTS) {
  const text = fs.readFileSync(dtsPath, 'utf8');
  const source = ts.createSourceFile(dtsPath, text, ts.ScriptTarget.Latest, true);
  const classes = {};
  for (const stmt of source.statements) {
    if (!ts.isModuleDeclaration(stmt) || stmt.name.text !== 'Excel' || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
    for (const decl of stmt.body.statements) {
      // Excel.Interfaces holds the plain shapes of load()/set()/toJSON(): not the API itself.
      const isClass = ts.isClassDeclaration(decl);
      if (!isClass && !ts.isInterfaceDeclaration(decl)) continue;
      if (!decl.name) continue;
      const name = decl.name.text;
      const heritage = (decl.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source)));
      const entry = classes[name] ?? (classes[name] = { kind: isClass ? 'class' : 'interface', extends: heritage, members: {} });
      const own = parseApiSet(jsDocText(decl));
      if (own) entry.set = own;
      for (const m of decl.members) {
        const mname = memberName(m);
        const kind = kindOf(m);
        if (!mname || !kind) continue;
        const set = parseApiSet(jsDocText(m));
        const prev = entry.members[mname];
        const readonly = kind === 'property' && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly) !== 0;
        const type = kind === 'property' && m.type ? typeName(m.type) : undefined;
        entry.members[mname] = { kind, set: lower(prev?.set, set) ?? null, ...(kind === 'property' ? { readonly } : {}), ...(type ? { type } : {}) };
      }
      if (isClass && heritage.some((h) => h === 'OfficeExtension.ClientObject')) {
        for (const base of CLIENT_OBJECT_MEMBERS) {
          if (!entry.members[base]) entry.members[base] = { kind: base === 'context' || base === 'isNullObject' ? 'property' : 'method', set: null, ...(base === 'isNullObject' || base === 'context' ? { readonly: true } : {}) };
        }
      }
    }
  }
  // Keep only types that are client classes (navigation properties) or event handler lists.
  for (const c of Object.values(classes)) {
    for (const m of Object.values(c.members)) {
      if (!m.type) continue;
      const base = m.type.replace(/\[\]$/, '');
      if (base !== 'EventHandlers' && classes[base]?.kind !== 'class') delete m.type;
    }
  }
  for (const [cls, members] of Object.entries(DOCUMENTED)) {
    for (const [m, set] of Object.entries(members)) if (classes[cls]?.members[m] && !classes[cls].members[m].set) classes[cls].members[m].set = set;
  }
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(dtsPath), 'package.json'), 'utf8')).version;
  // Sorted keys: the checked-in file changes only when the declarations do.
  const sorted = {};
  for (const k of Object.keys(classes).sort()) {
    const c = classes[k];
    const members = {};
    for (const m of Object.keys(c.members).sort()) members[m] = c.members[m];
    sorted[k] = { ...c, members };
  }
  return { source: `@types/office-js ${version}`, classes: sorted };
}

function serialize(table) {
  // One class per line keeps diffs readable.
  const lines = Object.entries(table.classes).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "classes": {\n${lines.join(',\n')}\n  }\n}\n`;
}

module.exports = { readExcelApi, serialize, parseApiSet, OUT, DTS };

if (require.main === module) {
  const out = serialize(readExcelApi());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== out) {
      console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/office-sim/excel-api.js`);
      process.exit(1);
    }
    console.log('excel-api.json is up to date');
  } else {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, out);
    console.log(`wrote ${path.relative(ROOT, OUT)} (${Object.keys(JSON.parse(out).classes).length} classes)`);
  }
}
