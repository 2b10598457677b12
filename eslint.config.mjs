// @ts-check
// ESLint for the whole workspace: `npm run lint` (`npm run lint:fix` applies the safe fixes).
// Formatting is Prettier's job (prettier.config.mjs); nothing here is about layout.
//
// Type information, and which TypeScript gives it:
// - The packages type-check with TypeScript 7 (`tsc`, the native compiler), which has no JavaScript
//   API. typescript-eslint needs one, so the root package.json has its own `typescript` (6.0.x):
//   @typescript-eslint/* declare `typescript` as a peer dependency, and pnpm resolves it from the
//   package that installed them, the workspace root. Each package keeps its own `typescript` 7.0.2
//   (package.json devDependencies), so `tsc` in a package and `pnpm -r typecheck` stay on 7; only
//   `tsc` run from the root directory (node_modules/.bin/tsc there) is 6.0.
// - Why 6.0 and not 5.9: 6.0 has 7.0's defaults (its `lib: ["DOM"]` includes DOM.Iterable, for
//   one), so it sees the same types as `tsc` 7; 5.9 turned e2e's `[...el.querySelectorAll()]`
//   into errors, hence `any`, hence dozens of false no-unsafe-* reports. typescript-eslint 8
//   supports TypeScript >=4.8.4 <6.1.0. If a package's tsc 7 and the linter's 6.0 ever disagree,
//   fix the code for tsc 7 (the build) and tell the linter with a disable comment that says why.
// - projectService: each file is checked with the nearest tsconfig.json (shared/, emulator/,
//   emulator/web/, extension/ via its .wxt/tsconfig.json from `wxt prepare`, e2e/, bench/). The two
//   config files that no tsconfig includes get the default project.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TEST_FILES = ['**/test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', '**/*.check.ts'];
// Preact components and hooks: the emulator's console SPA and the extension's pages.
const PREACT_FILES = ['emulator/web/**/*.{ts,tsx}', 'extension/**/*.{ts,tsx}'];

export default defineConfig([
  // Built, generated and installed files (.gitignore lists them too; ESLint does not read it).
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.output/',
    '**/.wxt/',
    '**/artifacts/',
    '**/.data/',
    'reports/',
    'bench/.work/',
  ]),

  {
    linterOptions: {
      // A disable comment that no longer disables anything is an error (`lint:fix` removes it).
      reportUnusedDisableDirectives: 'error',
    },
  },

  js.configs.recommended,
  {
    rules: {
      // The emulator and the signer check their input for control characters on purpose
      // (/[\x00-\x1f]/): the rule is for ones typed by accident.
      'no-control-regex': 'off',
      // `==` only against null (which also matches undefined); no findings today.
      eqeqeq: ['error', 'smart'],
    },
  },

  // TypeScript, with type information.
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['e2e/vitest.config.ts', 'emulator/web/vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The reasons this linter is here; both are in the recommended set, spelled out so that
      // nobody turns them off by accident. `void promise` marks one that is meant to float.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` for a parameter a signature needs (express's error handler has four) or a value
      // destructured only to leave it out of `...rest`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // An `async` method with no `await` is how this code implements a Promise-returning
      // interface synchronously (repositories, fakes); `async` also turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // Beyond the recommended set: two bug-finders that cost nothing today (no findings).
      // A `switch` over a union misses no member unless it has a `default`.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // `return promise` inside try/catch skips the catch: await it there (and only there).
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
    },
  },

  // Tests: response bodies are `any` (`await res.json()`), malformed input is cast `as any` on
  // purpose, and vitest's `expect(obj.method)` passes methods around unbound. The promise rules
  // stay on: a floating promise in a test is a test that passes without waiting.
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Preact hooks follow React's rules; the plugin matches hooks by name (use*), whatever the import.
  // Only its two classic rules: the rest of its recommended set is about the React Compiler.
  {
    files: PREACT_FILES,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // `useFakeConsole()` in a test file is a vitest helper named like a hook, not a hook.
    files: ['emulator/web/test/**/*.{ts,tsx}', 'extension/test/**/*.{ts,tsx}'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },

  // Plain JavaScript (scripts/, build.mjs, fixture generators): Node, no type information.
  {
    files: JS_FILES,
    languageOptions: { globals: globals.node },
  },
]);
