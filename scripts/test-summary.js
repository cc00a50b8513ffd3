#!/usr/bin/env node
// Prints jest's result file as the plain closing line CI reads: "<label>: N passed, N failed[, N skipped]".
const fs = require('node:fs');
const [file, label] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = r.numPendingTests + (r.numTodoTests || 0);
console.log(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(r.success ? 0 : 1);
