// Lint enforces the architecture, not just style: the dependency rule of docs/architecture.md
// (domain ← db ← services ← server | cli; web → domain only) and no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const layer = (name) => `./src/${name}`;
const zone = (target, from, message) => ({ target: layer(target), from: from.map(layer), message });

// Web lint zones (issue 11): a feature (src/web/features/<x>) imports its own files, the shared web code
// (components/, lib/, geometry/) and domain — never another feature nor app/. What several features share moves
// to components/ (UI) or lib/ (non-UI); where a page needs two features, app/pages composes them (a record view
// takes the tabs other features own as props). Shared code and the public catalogue import no feature.
const FEATURES = readdirSync(new URL('./src/web/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// The imports still crossing features (decision 0027 named 17; none is left). Paths are relative to
// src/web/features. Keep it empty: what several features share moves to components/ or lib/.
const CROSS_FEATURE_EXCEPTIONS = {};
const featureZones = FEATURES.map((feature) => ({
  target: layer(`web/features/${feature}`),
  from: layer('web/features'),
  except: [`./${feature}`, ...(CROSS_FEATURE_EXCEPTIONS[feature] ?? [])],
  message:
    'a feature imports no other feature: move the shared piece to web/components or web/lib, or compose both in web/app.',
}));

export default tseslint.config(
  {
    // src/domain/contract/api-contract.gen.ts is generated (npm run api:types) and checked by its own test.
    ignores: [
      'dist/**',
      'data/**',
      '.tmp/**',
      'coverage/**',
      'node_modules/**',
      'src/domain/contract/api-contract.gen.ts',
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
            ...featureZones,
            zone(
              'web/features',
              ['web/app'],
              'features never import the shell or its pages: app/ composes features.',
            ),
            zone(
              'web/components',
              ['web/features', 'web/app'],
              'shared components import no feature and not the shell: pass data in as props.',
            ),
            zone(
              'web/lib',
              ['web/features', 'web/app', 'web/components'],
              'lib is below components and features.',
            ),
            zone(
              'web/geometry',
              ['web/features', 'web/app', 'web/components'],
              'geometry is pure: it imports no feature, component or page.',
            ),
            zone(
              'web/catalogue',
              ['web/features', 'web/app'],
              'the public catalogue is its own app: it imports none of the staff app.',
            ),
            {
              target: [
                'web/app',
                'web/features',
                'web/components',
                'web/lib',
                'web/geometry',
                'web/main.tsx',
              ].map(layer),
              from: layer('web/catalogue'),
              message: 'the staff app does not import the public catalogue (a separate entry).',
            },
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
