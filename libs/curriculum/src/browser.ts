// The part of #curriculum the web app's content editor runs in the browser: the schema, the rules an author sees as
// they type (content lint, locator rule, scenario graph, publication rules) and the draft helpers. No file system,
// no hashing and no YAML here: the web aliases #curriculum to this file.
export * from './course-schema.js';
export * from './course-rules.js';
export * from './problems.js';
export * from './text-checks.js';
export * from './scenario-graph.js';
export * from './scenario-endings.js';
export * from './content-lint.js';
export * from './source-rules.js';
export * from './canonical-json.js';
export * from './draft-items.js';
export * from './draft-check.js';
export * from './localized-texts.js';
export * from './publication-rules.js';
export * from './lesson-stats.js';
export * from './version-changes.js';
