// Lint rules that enforce the boundaries in ARCHITECTURE.md; CI runs with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The layers of src/, lowest first (ARCHITECTURE.md): each may import only itself and those before it. */
const LAYERS = [
  ['core', 'domain'],
  ['store'],
  ['audio', 'features'],
  ['models', 'embedding'],
  ['scoring'],
  ['workbench', 'cases', 'evidence', 'letters', 'jobs', 'capture'],
  ['api'],
  ['cli'],
];
const CORE_FORBIDDEN_PATHS = [
  { name: 'electron', message: 'src/ is the headless core: it must not import electron.' },
  { name: 'react', message: 'src/ is the headless core: it must not import react.' },
  { name: 'react-dom', message: 'src/ is the headless core: it must not import react-dom.' },
  { name: 'zustand', message: 'src/ is the headless core: UI state lives in renderer/.' },
];
const CORE_FORBIDDEN_PATTERNS = [{ group: ['**/electron/**', '**/renderer/**'], message: 'src/ must not import from the shells.' }];

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'stream', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'models/**', 'release/**', 'coverage/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The headless core: no Electron, no React, no DOM, no reaching into the shells.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_PATHS,
          patterns: CORE_FORBIDDEN_PATTERNS,
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/ runs without a DOM.' },
        { name: 'document', message: 'src/ runs without a DOM.' },
        { name: 'localStorage', message: 'src/ runs without a DOM.' },
      ],
    },
  },
  // One direction of dependency (ARCHITECTURE.md "Layers"): a folder of src/ may import its own layer and
  // those below it, never one above. Each block repeats the core's restrictions because a later block's
  // `no-restricted-imports` replaces an earlier one for the same files.
  ...LAYERS.map((layer, index) => ({
    files: layer.map((folder) => `src/${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_PATHS,
          patterns: [
            ...CORE_FORBIDDEN_PATTERNS,
            ...(index < LAYERS.length - 1
              ? [
                  {
                    regex: `^(\\./|(\\.\\./)+)(${LAYERS.slice(index + 1).flat().join('|')})(/|$)`,
                    message: `Upward import: ${layer.join('/')} sits below ${LAYERS.slice(index + 1).flat().join(', ')} (ARCHITECTURE.md, Layers).`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    // The CLI is a shell like the app: it calls the handler map (src/api) and imports nothing below it but
    // the terminal formatting helper (core/bidi).
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_PATHS,
          patterns: [
            ...CORE_FORBIDDEN_PATTERNS,
            {
              regex: `^(\\.\\./)+(core/(?!bidi(\\.js)?$)|(${LAYERS.slice(0, -2).flat().filter((f) => f !== 'core').join('|')})(/|$))`,
              message: 'src/cli/ calls operations of src/api (contract, invoke, session); it imports nothing below api/ but formatting helpers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The renderer: talks only to window.seimon; sees only the API contract of the core.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...NODE_BUILTINS.map((name) => ({ name, message: 'renderer/ must not use Node modules.' })),
            { name: 'electron', message: 'renderer/ talks only to window.seimon.' },
            { name: 'better-sqlite3', message: 'renderer/ must not open the database.' },
            { name: 'onnxruntime-node', message: 'renderer/ must not run models.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'renderer/ must not import node:* modules.' },
            {
              regex: '(^|/)src/(?!api/contract(\\.js)?$)',
              message: 'renderer/ may import only src/api/contract (types and schemas) from the core; never src/store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/store/**', '**/src/api/handlers*', '**/src/api/invoke*'], message: 'The preload sees only the contract.' }] },
      ],
    },
  },
);
