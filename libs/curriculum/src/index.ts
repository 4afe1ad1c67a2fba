// Public API of #curriculum. load-course.ts uses node:fs and node:crypto; everything else is pure (browser.ts is the
// subset the web editor loads).
export * from './course-schema.js';
export * from './course-rules.js';
export * from './problems.js';
export * from './text-checks.js';
export * from './scenario-graph.js';
export * from './scenario-endings.js';
export * from './option-order.js';
export * from './learner-view.js';
export * from './grading.js';
export * from './load-course.js';
export * from './content-lint.js';
export * from './source-rules.js';
export * from './knowledge-blueprint.js';
export * from './attitude-blueprint.js';
export * from './canonical-json.js';
export * from './course-files.js';
export * from './draft-items.js';
export * from './draft-check.js';
export * from './localized-texts.js';
export * from './publication-rules.js';
export * from './lesson-stats.js';
export * from './version-changes.js';
export * from './practice-questionnaire.js';
