// Lint: the house's boundaries first (what may import what), then typescript-eslint's recommended rules.
// Boundaries (ARCHITECTURE.md): libs never import apps; the API and the web never import each other (their contract is
// the OpenAPI document); a web feature never imports another feature (shared code lives in components/ and lib/).
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

const FEATURES = 'apps/web/src/features';
const features = readdirSync(FEATURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const zones = [
  { target: './libs', from: './apps', message: 'libs/ never import apps/: move the shared rule into a lib.' },
  { target: './apps/web', from: './apps/api', message: 'The web app talks to the API through the generated OpenAPI client only.' },
  { target: './apps/api', from: './apps/web', message: 'The API never imports the web app.' },
  ...features.map((feature) => ({
    target: `./${FEATURES}/${feature}`,
    from: `./${FEATURES}`,
    except: [`./${feature}`],
    message: 'Web features do not import each other: move what both need into components/ or lib/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'data/**', 'apps/web/src/lib/api/schema.d.ts', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'apps/web/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      // Decorator-heavy Nest code and test doubles use these on purpose; the compiler's strict mode covers the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The scripts that find Chromium and R are CommonJS so that the .mjs runners and jest can both load them.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/scripts/[a-z-]+\\.cjs$'] }],
    },
  },
);
