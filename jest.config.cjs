// Jest runs in CommonJS mode; @swc/jest transpiles our ESM TypeScript and the ESM-only @nestjs packages.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|wouter|marked)/)'],
  moduleNameMapper: {
    '^#journey$': '<rootDir>/libs/journey/src/index.ts',
    '^#evaluation$': '<rootDir>/libs/evaluation/src/index.ts',
    '^#curriculum$': '<rootDir>/libs/curriculum/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: __dirname,
};
module.exports = {
  // Suites start a Nest app on a fresh database and walk whole journeys: allow for a busy CI machine (the 5 s default
  // is not enough there). A global option: jest ignores testTimeout inside a project.
  testTimeout: 30_000,
  // Starts a throwaway embedded PostgreSQL when DATABASE_URL is not set (shared by the api and browser projects).
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  projects: [
    { ...shared, displayName: 'libs', testEnvironment: 'node', testMatch: ['<rootDir>/libs/**/*.spec.ts'] },
    { ...shared, displayName: 'api', testEnvironment: 'node', testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts', '<rootDir>/apps/api/**/*.spec.ts'] },
    { ...shared, displayName: 'web', testEnvironment: 'jsdom', testMatch: ['<rootDir>/apps/web/**/*.spec.tsx', '<rootDir>/apps/web/**/*.spec.ts'],
      setupFiles: ['<rootDir>/test/support/jsdom-setup.cjs'],
      // The web build aliases #curriculum to the library's browser entry; the web tests do the same.
      moduleNameMapper: { ...shared.moduleNameMapper, '^#curriculum$': '<rootDir>/libs/curriculum/src/browser.ts' } },
    { ...shared, displayName: 'browser', testEnvironment: 'node', testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'] },
  ],
};
