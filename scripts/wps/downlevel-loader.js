/**
 * webpack loader for the WPS bundle: every module — ours (TypeScript/TSX) and every package's JavaScript — is
 * compiled by TypeScript down to the syntax level the WPS add-in's built-in Chromium runs (the `target` option,
 * see webpack.wps.config.js). TypeScript lowers optional chaining, `??`, object spread/rest, class fields,
 * private names, async generators, optional catch bindings and numeric separators; ES module syntax is kept for
 * webpack. Types are not checked here (npm run typecheck:web does that).
 */
const ts = require('typescript');

module.exports = function downlevel(source, map) {
  const { target = 'ES2017' } = this.getOptions ? this.getOptions() : {};
  const file = this.resourcePath;
  const jsx = /\.tsx$/.test(file) ? ts.JsxEmit.ReactJSX : ts.JsxEmit.Preserve;
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: false,
    compilerOptions: {
      target: ts.ScriptTarget[target],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx,
      allowJs: true,
      esModuleInterop: true,
      isolatedModules: true,
      importHelpers: false,
      sourceMap: !!this.sourceMap,
      inlineSources: !!this.sourceMap,
      removeComments: false,
      // Keep "use strict" decisions and module shape to webpack.
      alwaysStrict: false,
      verbatimModuleSyntax: false,
      useDefineForClassFields: true,
    },
  });
  this.callback(null, out.outputText, out.sourceMapText ? JSON.parse(out.sourceMapText) : map);
};
