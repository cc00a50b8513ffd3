#!/usr/bin/env node
/**
 * Rejects JavaScript syntax above a given ECMAScript edition, by parsing with TypeScript's parser and walking the
 * tree: the WPS bundle must run in the Chromium built into older WPS builds (docs/wps.md). Syntax only: a missing
 * built-in (String.prototype.replaceAll…) is a run-time matter. Regular expression literals are checked for
 * ES2018 features (named groups, lookbehind, the s and u-property forms) and later flags (d, v).
 *
 *   node scripts/wps/syntax-level.js ES2017 dist/wps/jiangxuan_0.1.0/*.js
 *
 * Exit code 1 and one line per finding ("file:line feature (ES20xx)") when something is above the level.
 */
const fs = require('node:fs');
const ts = require('typescript');

const LEVEL = { ES5: 5, ES2015: 2015, ES2016: 2016, ES2017: 2017, ES2018: 2018, ES2019: 2019, ES2020: 2020, ES2021: 2021, ES2022: 2022 };

/** Findings in one source text: { line, feature, level }. */
function checkSource(text, max, fileName = 'bundle.js') {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  const K = ts.SyntaxKind;
  const add = (node, feature, level) => {
    if (level > max) found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, feature, level });
  };
  const hasMod = (node, kind) => !!(ts.canHaveModifiers(node) && (ts.getModifiers(node) || []).some((m) => m.kind === kind));
  const visit = (node) => {
    if (max < 2015) checkEs2015(node, add);
    switch (node.kind) {
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
      case K.CallExpression:
        if (node.questionDotToken) add(node, 'optional chaining ?.', 2020);
        break;
      case K.BinaryExpression: {
        const op = node.operatorToken.kind;
        if (op === K.QuestionQuestionToken) add(node, 'nullish coalescing ??', 2020);
        if (op === K.AsteriskAsteriskToken || op === K.AsteriskAsteriskEqualsToken) add(node, 'exponent **', 2016);
        if (op === K.QuestionQuestionEqualsToken || op === K.BarBarEqualsToken || op === K.AmpersandAmpersandEqualsToken) add(node, 'logical assignment', 2021);
        break;
      }
      case K.BigIntLiteral:
        add(node, 'BigInt literal', 2020);
        break;
      case K.NumericLiteral:
        if (node.getText(sf).includes('_')) add(node, 'numeric separator', 2021);
        break;
      case K.SpreadAssignment:
        add(node, 'object spread', 2018);
        break;
      case K.ObjectBindingPattern:
        if (node.elements.some((e) => e.dotDotDotToken)) add(node, 'object rest', 2018);
        break;
      case K.ForOfStatement:
        if (node.awaitModifier) add(node, 'for await', 2018);
        break;
      case K.CatchClause:
        if (!node.variableDeclaration) add(node, 'optional catch binding', 2019);
        break;
      case K.PropertyDeclaration:
        add(node, 'class field', 2022);
        break;
      case K.PrivateIdentifier:
        add(node, 'private name #x', 2022);
        break;
      case K.ClassStaticBlockDeclaration:
        add(node, 'class static block', 2022);
        break;
      case K.MetaProperty:
        if (node.keywordToken === K.ImportKeyword) add(node, 'import.meta', 2020);
        break;
      case K.AwaitExpression:
        if (!ts.findAncestor(node.parent, (p) => ts.isFunctionLike(p))) add(node, 'top-level await', 2022);
        break;
      case K.FunctionDeclaration:
      case K.FunctionExpression:
      case K.ArrowFunction:
      case K.MethodDeclaration:
        if (hasMod(node, K.AsyncKeyword)) add(node, node.asteriskToken ? 'async generator' : 'async function', node.asteriskToken ? 2018 : 2017);
        break;
      case K.RegularExpressionLiteral: {
        const t = node.getText(sf);
        const flags = t.slice(t.lastIndexOf('/') + 1);
        const body = t.slice(1, t.lastIndexOf('/'));
        if (/[sd]/.test(flags) || /\(\?<[=!]/.test(body) || /\(\?<[A-Za-z_$]/.test(body) || (/u/.test(flags) && /\\[pP]\{/.test(body))) add(node, 'ES2018+ regular expression', 2018);
        if (flags.includes('d')) add(node, 'regexp d flag', 2022);
        if (flags.includes('v')) add(node, 'regexp v flag', 2024);
        break;
      }
      default:
        break;
    }
    if (node.kind === K.ImportKeyword && node.parent && node.parent.kind === K.CallExpression) add(node, 'dynamic import()', 2020);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (sf.parseDiagnostics && sf.parseDiagnostics.length) found.push({ line: 0, feature: `parse error: ${ts.flattenDiagnosticMessageText(sf.parseDiagnostics[0].messageText, ' ')}`, level: 9999 });
  return found;
}

/** ES2015 syntax, for pages that must stay ES5 (publish.html). */
function checkEs2015(node, add) {
  const K = ts.SyntaxKind;
  switch (node.kind) {
    case K.ArrowFunction:
      return add(node, 'arrow function', 2015);
    case K.ClassDeclaration:
    case K.ClassExpression:
      return add(node, 'class', 2015);
    case K.TemplateExpression:
    case K.NoSubstitutionTemplateLiteral:
      return add(node, 'template literal', 2015);
    case K.ForOfStatement:
      return add(node, 'for…of', 2015);
    case K.SpreadElement:
      return add(node, 'spread', 2015);
    case K.ObjectBindingPattern:
    case K.ArrayBindingPattern:
      return add(node, 'destructuring', 2015);
    case K.VariableDeclarationList:
      if (node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) add(node, 'let/const', 2015);
      return undefined;
    case K.Parameter:
      if (node.initializer || node.dotDotDotToken) add(node, 'default/rest parameter', 2015);
      return undefined;
    case K.ShorthandPropertyAssignment:
      return add(node, 'shorthand property', 2015);
    default:
      if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.asteriskToken) add(node, 'generator', 2015);
      return undefined;
  }
}

function checkFiles(files, levelName) {
  const max = LEVEL[levelName];
  if (!max) throw new Error(`unknown level ${levelName}`);
  const out = [];
  for (const f of files) for (const x of checkSource(fs.readFileSync(f, 'utf8'), max, f)) out.push({ file: f, ...x });
  return out;
}

module.exports = { checkSource, checkFiles, LEVEL };

if (require.main === module) {
  const [levelName, ...files] = process.argv.slice(2);
  const found = checkFiles(files, levelName);
  for (const x of found.slice(0, 50)) console.error(`${x.file}:${x.line} ${x.feature} (ES${x.level})`);
  if (found.length) {
    console.error(`${found.length} constructs above ${levelName}`);
    process.exit(1);
  }
  console.log(`${files.length} files: nothing above ${levelName}`);
}
