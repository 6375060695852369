// ESLint 9 flat config: typescript-eslint's recommended rules, the React hooks rules, and the
// project's import style. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.sandbox-data/**', '.swc/**']
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Chinese text uses the ideographic space (U+3000) in strings and templates
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }]
    }
  },
  // Code that runs in a browser or the mini-program (bench/ and e2e/ also evaluate code in
  // pages; sandbox/ is where the in-process sandbox is moving): browser globals, and the
  // build-time constants of config/index.ts (defineConstants)
  {
    files: ['src/**', 'sandbox/**', 'bench/**', '__tests__/ui/**', '__tests__/setup/**', 'e2e/**'],
    languageOptions: {
      globals: { ...globals.browser, INKSEAL_BACKEND: 'readonly', INKSEAL_API_BASE: 'readonly', INKSEAL_LINK_HOSTS: 'readonly', INKSEAL_DEV_TOOLS: 'readonly' }
    }
  },
  {
    files: ['__tests__/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.jest } }
  },
  // No React in the node-project tests, the builds' config or the server: a `use…` name there
  // (e.g. the store tests' useHttpTransport(), which registers beforeAll/afterAll) is no hook.
  {
    files: ['__tests__/{domain,services,stores,http}/**', 'config/**', 'server/**', 'scripts/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' }
  },
  // CommonJS files (scripts, bench, jest and babel configs, test setup files)
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  // One import style inside src/: leaving the current folder goes through the `@/` alias;
  // `./x` (same folder or below) stays relative.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['../*', '..'], message: "Inside src/, import from another folder with '@/…' (same-folder './x' is fine)." }],
          paths: [{ name: 'mobx-react-lite', message: "Use 'mobx-react' (observer, Observer, useLocalObservable…)." }]
        }
      ]
    }
  }
)
