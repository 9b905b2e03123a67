// One lint gate for every TypeScript package; type-aware rules need each package's tsconfig.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './apps/web/svelte.config.js';
import { boundaries } from './eslint.boundaries.js';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/node_modules/**', '**/*.js', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  // Svelte's rules for the web app only (their rule set names no files of its own).
  ...svelte.configs.recommended.map((config) =>
    config.files || !config.rules ? config : { ...config, files: ['apps/web/**/*.svelte', 'apps/web/**/*.ts'] },
  ),
  {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        // SvelteKit keeps the service worker out of the app's tsconfig (it runs with the WebWorker lib, named in the file).
        projectService: { allowDefaultProject: ['apps/web/src/service-worker.ts'] },
        tsconfigRootDir: import.meta.dirname,
        // The same for .ts and .svelte files, so the type-aware service is not rebuilt between them.
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Svelte components: their `<script lang="ts">` is parsed by typescript-eslint, with the app's Svelte config.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, svelteConfig },
    },
  },
  // Who may import whom (docs/ARCHITECTURE.md).
  ...boundaries,
);
