// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The rooms of src/ and what each may import (DESIGN.md, "Architecture, in
// rooms"); the CLI may import everything, so it has no entry.
const MAY_IMPORT = {
  domain: [],
  store: ['domain'],
  ingest: ['domain', 'store'],
  engine: ['domain', 'store'],
  jobs: ['domain', 'store', 'ingest', 'engine'],
  web: ['domain'],
  reports: ['domain', 'web'],
  server: ['domain', 'store', 'ingest', 'web', 'reports', 'engine', 'jobs'],
};
const ROOMS = [...Object.keys(MAY_IMPORT), 'cli'];

/**
 * The pattern that keeps a file of `room`, `depth` folders below src/<room>/,
 * to the rooms it may import: from src/<room>/a/b.ts only a path that climbs
 * exactly two folders reaches src/, so a room's own subfolder that shares a
 * room's name (web/templates/reports) is never mistaken for it. The domain
 * has no IO, so src/config.ts is barred to it too.
 */
function roomPattern(room, depth) {
  const allowed = MAY_IMPORT[room];
  const barred = ROOMS.filter((other) => other !== room && !allowed.includes(other));
  if (room === 'domain') barred.push('config\\.ts$');
  const message = `src/${room} may import ${allowed.length ? allowed.join(', ') : 'nothing outside itself'} (DESIGN.md, "Architecture, in rooms").`;
  return { regex: `^(\\.\\./){${depth + 1}}(${barred.join('|')})(/|$)`, message };
}

/** One block per room and folder depth. */
function roomRules() {
  return Object.keys(MAY_IMPORT).flatMap((room) =>
    [0, 1, 2, 3, 4].map((depth) => ({
      files: [`src/${room}/${'*/'.repeat(depth)}*.{ts,js}`],
      rules: { 'no-restricted-imports': ['error', { patterns: [roomPattern(room, depth)] }] },
    })),
  );
}

/**
 * Inside the server, each feature (src/server/features/<name>/) imports the
 * platform and the rooms below, never another feature; the platform imports
 * no feature. What two features share moves down into the platform. These
 * blocks come after the rooms' and repeat their pattern, since a later block
 * replaces an earlier one's options for the same rule.
 */
function serverRules() {
  const features = [0, 1, 2].map((depth) => ({
    files: [`src/server/features/*/${'*/'.repeat(depth)}*.{ts,js}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            roomPattern('server', depth + 2),
            {
              regex: `^((\\.\\./){${depth + 1}}[^./]|(\\.\\./){${depth + 2}}features/)`,
              message: 'A feature does not import another feature: move what they share into src/server/platform/ (DESIGN.md).',
            },
          ],
        },
      ],
    },
  }));
  const platform = [0, 1, 2].map((depth) => ({
    files: [`src/server/platform/${'*/'.repeat(depth)}*.{ts,js}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            roomPattern('server', depth + 1),
            {
              regex: `^(\\.\\./){${depth + 1}}features/`,
              message: 'The platform lies beneath the features and imports none of them (DESIGN.md).',
            },
          ],
        },
      ],
    },
  }));
  return [...features, ...platform];
}

// SQL is written in the store alone (tests, benchmarks and scripts may set up
// and inspect a database as they need): postgres.js tagged templates and its
// unsafe() are what SQL looks like anywhere else.
const SQL_TAGS = '/^(sql|tx|db|owner)$/';
const SQL_OUTSIDE_STORE = 'SQL belongs in src/store/: call a repository function named for what it does.';

export default tseslint.config(
  { ignores: ['node_modules/', 'lantern-data/', 'test-output/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', performance: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules, on the TypeScript files tsconfig.json covers.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe and it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
        },
      ],
    },
  },
  ...roomRules(),
  ...serverRules(),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `TaggedTemplateExpression[tag.type='Identifier'][tag.name=${SQL_TAGS}]`, message: SQL_OUTSIDE_STORE },
        { selector: `TaggedTemplateExpression[tag.type='MemberExpression'][tag.property.name=${SQL_TAGS}]`, message: SQL_OUTSIDE_STORE },
        { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='unsafe']", message: SQL_OUTSIDE_STORE },
      ],
    },
  },
  {
    // The pages' enhancing script runs in the browser.
    files: ['src/web/scripts/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', history: 'readonly', fetch: 'readonly', DOMParser: 'readonly', FormData: 'readonly', URLSearchParams: 'readonly' } },
  },
);
