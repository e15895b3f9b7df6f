// Lint enforces the architecture, not just style: the dependency rule of docs/architecture.md
// (domain ← db ← services ← server | cli; web → domain only) and no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const layer = (name) => `./src/${name}`;
const zone = (target, from, message) => ({ target: layer(target), from: from.map(layer), message });

export default tseslint.config(
  {
    // src/web/lib/api-contract.gen.ts is generated (npm run api:types) and checked by its own test.
    ignores: [
      'dist/**',
      'data/**',
      '.tmp/**',
      'coverage/**',
      'node_modules/**',
      'src/web/lib/api-contract.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              'domain',
              ['db', 'services', 'server', 'cli', 'web'],
              'domain is pure: it imports no other layer.',
            ),
            zone('db', ['services', 'server', 'cli', 'web'], 'db sits below services, server, cli and web.'),
            zone('services', ['server', 'cli', 'web'], 'services never know how they are called.'),
            zone('server', ['cli', 'web'], 'server and cli never import each other; nothing imports web.'),
            zone('cli', ['server', 'web'], 'server and cli never import each other; nothing imports web.'),
            zone(
              'web',
              ['db', 'services', 'server', 'cli'],
              'web talks to the server over HTTP; it imports domain only.',
            ),
          ],
        },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules that catch real bugs (issue 11): a promise nobody awaits or handles, a switch that
    // forgets a case of a union. They need the type checker, so they cost ~1 min of lint on this machine.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'domain is isomorphic: no node: modules.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'web code runs in the browser: no node: modules.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'src/{db,services,server,cli}/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.test.ts', '**/testing.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
