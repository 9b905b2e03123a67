// One lint gate for every TypeScript package; type-aware rules need each package's tsconfig.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/node_modules/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.svelte',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // SvelteKit keeps the service worker out of the app's tsconfig (it runs with the WebWorker lib, named in the file).
        projectService: { allowDefaultProject: ['apps/web/src/service-worker.ts'] },
        tsconfigRootDir: import.meta.dirname,
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
    // API layers (ARCHITECTURE.md): a module reaches another module's tables only through that module's
    // service (types may still be shared); controllers reach their own tables only through a service.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repository.js', '../modules/*/*.repository.js'],
              allowTypeImports: true,
              message: "Use the owning module's service: repositories are private to their module.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*.repository.js', '../*/*.repository.js', 'typeorm'],
              allowTypeImports: true,
              message: 'Controllers call services; queries live in repositories.',
            },
          ],
        },
      ],
    },
  },
);
