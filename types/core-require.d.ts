/**
 * For `npm run typecheck` of the core alone (tsconfig.core.json: no Node, DOM or Office types). The core loads
 * exactly one module through require — opencc-js's CommonJS build, whose ES-module typings a CommonJS build
 * cannot import (src/core/text/normalize.ts) — so only that id is declared; any other require fails to compile.
 */
declare function require(id: 'opencc-js/t2cn'): unknown;
