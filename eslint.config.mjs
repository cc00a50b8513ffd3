// ESLint (flat config): typescript-eslint's recommended rules, React hooks rules for the pane, and the import
// boundaries of the architecture (README, "Architecture"): the core imports nothing of adapters, UI, Node, DOM
// or exceljs; pane components never import adapters (they talk to a host). `npm run lint`, run by `npm test`.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'zlib', 'stream', 'buffer', 'util', 'url', 'http', 'https', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test-output/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/core does no I/O: pass data in from an adapter.' })),
          patterns: [
            { group: ['node:*'], message: 'src/core does no I/O: pass data in from an adapter.' },
            { group: ['**/adapters/**', '**/taskpane/**', '**/cli/**', '**/commands/**', '**/samples/**'], message: 'src/core depends on nothing of the project outside src/core.' },
            { group: ['exceljs', 'exceljs/*', 'jszip', '@e965/*', 'xlsx', 'docx', 'react', 'react-dom', 'react/*', '@fluentui/*', 'office-*', '@microsoft/*', 'wps-*'], message: 'src/core is pure: no workbook libraries, UI or host APIs.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'XMLHttpRequest', 'localStorage', 'Office', 'Excel', 'wps', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/taskpane/components/**/*.{ts,tsx}', 'src/taskpane/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**'], message: 'Components talk to a host (src/taskpane/hosts), never to an adapter.' }] }],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The pane's effects start reads of the host (Excel, a file) and show "reading…" at once: React's documented
      // pattern for external systems, which this rule flags. Derived state is computed during render instead.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests build odd inputs on purpose and reach into fakes.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
