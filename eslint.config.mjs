import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The renderer and the shared contract run without Node: they may not reach into main, Node or the database. */
const processBoundary = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'Only src/main and src/preload may import electron.' },
    { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit'], message: 'The database belongs to the main process.' },
    { group: ['**/main/**', '**/src/main', '../main', '../../main'], message: 'Talk to the main process through the contract, not its code.' },
  ],
  // Exact names, not patterns: a pattern 'events' would also match our own './events'.
  paths: builtinModules.flatMap((name) => [name, `node:${name}`]).map((name) => ({
    name,
    message: 'Node built-ins are not available here.',
  })),
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'coverage/**', 'resources/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/main/**', 'src/preload/**', 'test/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/renderer/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', processBoundary] },
  },
)
