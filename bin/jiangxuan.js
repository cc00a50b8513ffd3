#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run automatically by `npm install`).
require('../dist/cli/main.js');
