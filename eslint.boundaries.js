// Who may import whom (docs/ARCHITECTURE.md), enforced. Each file group below gets exactly one rule entry:
// ESLint replaces, not merges, a rule configured twice for the same file, so the groups do not overlap.
const RULE = '@typescript-eslint/no-restricted-imports';

const ours = (message) => ({ group: ['@sailcourt/*'], message });
/** The apps' sources, by package name or by a relative path into them. */
const apps = (message) => ({
  group: ['@sailcourt/api', '@sailcourt/web', '**/apps/**', '**/api/src/**', '**/api/dist/**', '**/web/src/**'],
  message,
});

/** A module's repository is its own: others ask its service (or the lock helper it exports). */
const otherModulesRepositories = {
  group: ['../*/*.repository.js', '../../*/*.repository.js'],
  allowTypeImports: true,
  message: "Another module's repository: call that module's service instead (docs/ARCHITECTURE.md, table ownership).",
};

const WEB_SERVER_CODE = [
  'apps/web/src/lib/server/**',
  'apps/web/src/hooks.server.ts',
  'apps/web/src/routes/**/+page.server.ts',
  'apps/web/src/routes/**/+layout.server.ts',
  'apps/web/src/routes/**/+server.ts',
];

export const boundaries = [
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      [RULE]: [
        'error',
        {
          patterns: [
            ours('The domain imports nothing of ours.'),
            {
              group: [
                'node:*',
                '@nestjs/*',
                'typeorm',
                'pg',
                'svelte',
                'svelte/*',
                '@sveltejs/*',
                '**/apps/**',
                '**/seeds/**',
              ],
              message: 'The domain is pure TypeScript: no framework, no database, no Node API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/api-client/src/**/*.ts'],
    rules: { [RULE]: ['error', { patterns: [ours('The API client is generated from the OpenAPI document alone.')] }] },
  },
  {
    files: ['seeds/src/**/*.ts'],
    rules: { [RULE]: ['error', { patterns: [apps('Seeds hold data and write it with SQL; they know no app.')] }] },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/modules/**'],
    rules: { [RULE]: ['error', { patterns: [apps('The API never imports the web.')] }] },
  },
  {
    files: ['apps/api/src/modules/**/*.ts'],
    ignores: ['apps/api/src/modules/**/*.controller.ts'],
    rules: { [RULE]: ['error', { patterns: [apps('The API never imports the web.'), otherModulesRepositories] }] },
  },
  {
    files: ['apps/api/src/modules/**/*.controller.ts'],
    rules: {
      [RULE]: [
        'error',
        {
          patterns: [
            apps('The API never imports the web.'),
            {
              group: ['**/*.repository.js', 'typeorm'],
              allowTypeImports: true,
              message: 'Controllers call a service; queries live behind it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.svelte'],
    ignores: WEB_SERVER_CODE,
    rules: {
      [RULE]: [
        'error',
        {
          patterns: [
            apps('The web reaches the API over HTTP, through @sailcourt/api-client.'),
            {
              group: ['@sailcourt/api-client'],
              importNames: ['createSailcourtClient'],
              message: 'Call the API from server code ($lib/server, +page.server.ts); tokens never reach the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: WEB_SERVER_CODE,
    rules: {
      [RULE]: ['error', { patterns: [apps('The web reaches the API over HTTP, through @sailcourt/api-client.')] }],
    },
  },
];
