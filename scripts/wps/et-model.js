#!/usr/bin/env node
/**
 * The member list of the WPS object model, read from the declarations with the TypeScript compiler API: the ET
 * spreadsheet model (types/wps-et.d.ts, namespace Et) and the add-in root of the npm package wps-jsapi-declare
 * (namespace WPS: CreateTaskPane, PluginStorage, ribbonUI…). test/adapters/wps/fake-et.ts builds its strict
 * simulation from it: reading, writing or calling a member that is not declared throws, so the adapter and the
 * ribbon can only use what the declarations promise.
 *
 *   node scripts/wps/et-model.js            prints the model as JSON
 *
 * Model: { [interface]: { [member]: { kind: 'property' | 'method', readonly: boolean } } }, interfaces
 * qualified by namespace ("Et.Range", "WPS.AddonRoot"); `extends` clauses are flattened.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = [
  { file: path.join(ROOT, 'types', 'wps-et.d.ts'), namespace: 'Et' },
  { file: path.join(ROOT, 'node_modules', 'wps-jsapi-declare', 'index.d.ts'), namespace: 'WPS' },
];

function memberName(m) {
  const n = m.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

function isReadonly(m) {
  return !!(m.modifiers && m.modifiers.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword));
}

/** Interfaces of one namespace of one declaration file: { name: { members, extends } }. */
function readNamespace(file, namespace) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out = {};
  const visit = (node) => {
    if (ts.isModuleDeclaration(node) && node.name.text === namespace && node.body && ts.isModuleBlock(node.body)) {
      for (const st of node.body.statements) {
        if (!ts.isInterfaceDeclaration(st)) continue;
        const name = st.name.text;
        const entry = out[name] || (out[name] = { members: {}, extends: [] });
        for (const h of st.heritageClauses || []) for (const t of h.types) entry.extends.push(t.expression.getText(sf));
        for (const m of st.members) {
          const key = memberName(m);
          if (key === undefined) continue;
          if (ts.isMethodSignature(m)) entry.members[key] = { kind: 'method', readonly: true };
          else if (ts.isPropertySignature(m)) {
            const fnType = m.type && (ts.isFunctionTypeNode(m.type) || ts.isConstructorTypeNode(m.type));
            entry.members[key] = fnType ? { kind: 'method', readonly: true } : { kind: 'property', readonly: isReadonly(m) };
          } else if (ts.isGetAccessor(m)) entry.members[key] = { kind: 'property', readonly: true };
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The whole model, with `extends` flattened inside each namespace. */
function readEtModel() {
  const model = {};
  for (const { file, namespace } of SOURCES) {
    const ifaces = readNamespace(file, namespace);
    const flatten = (name, seen = new Set()) => {
      const e = ifaces[name];
      if (!e || seen.has(name)) return {};
      seen.add(name);
      let members = {};
      for (const base of e.extends) members = { ...members, ...flatten(base.replace(`${namespace}.`, ''), seen) };
      return { ...members, ...e.members };
    };
    for (const name of Object.keys(ifaces)) model[`${namespace}.${name}`] = flatten(name);
  }
  return model;
}

module.exports = { readEtModel, SOURCES };

if (require.main === module) process.stdout.write(JSON.stringify(readEtModel(), null, 2) + '\n');
