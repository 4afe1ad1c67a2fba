// Public API of #curriculum: the browser-safe part (browser.ts, what the web editor loads) and the rest. load-course.ts
// and course-files.ts use node:fs and node:crypto; everything else is pure.
export * from './browser.js';
export * from './option-order.js';
export * from './learner-view.js';
export * from './markdown-tree.js';
export * from './grading.js';
export * from './load-course.js';
export * from './knowledge-blueprint.js';
export * from './attitude-blueprint.js';
export * from './course-files.js';
export * from './practice-questionnaire.js';
