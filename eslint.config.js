// Layers and runtimes are folders (DESIGN.md §2); these rules keep each folder to its runtime.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'http', 'https', 'url', 'stream', 'zlib', 'module'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'electron/core/demo/caviar-data.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict([...NODE_BUILTINS, 'electron', '**/electron/**', '**/renderer/**', 'react', 'react-dom'], 'shared/ is plain TypeScript: no Node, no DOM, no electron, no other layer.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**', '../main/**', '../preload/**'], 'electron/core/ is plain Node: it never imports electron, the glue or the renderer.'),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(['**/renderer/**'], 'The Electron glue never imports the renderer.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NODE_BUILTINS, 'electron', '**/electron/**', 'better-sqlite3-multiple-ciphers'],
              message: 'renderer/ is sandboxed browser code: no Node, no electron, no core; talk to the core through window.cordon.',
            },
            // zod's JIT probes `new Function`, which the renderer's CSP refuses; the core parses inputs.
            { group: ['zod', '**/shared/gradingSchema'], message: 'The renderer does not bundle zod: the core validates every input.' },
            { group: ['**/shared/api'], allowTypeImports: true, message: 'The renderer takes only types from the contract (its values pull in zod).' },
          ],
        },
      ],
    },
  },
);
