/**
 * End-to-end tests of the standalone page (npm run test:e2e): builds dist/web (set JIANGXUAN_E2E_REUSE=1 to
 * reuse an existing build), serves it with scripts/serve.js and drives Chromium (/usr/bin/chromium, never
 * downloaded) through playwright-core. The root jest config skips these suites unless JIANGXUAN_E2E=1.
 */
process.env.JIANGXUAN_E2E = '1';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // One build for all suites (each suite's buildAll() skips when it has run).
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  maxWorkers: 1,
  testTimeout: 180000,
};
