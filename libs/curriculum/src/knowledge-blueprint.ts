// The knowledge test's blueprint (assessments/knowledge-test.blueprint.yaml): which objective each item measures, in
// which module, whether it is an applied case, and which misconceptions its distractors draw on. Not part of the
// course a learner sees; the content spec checks it against the test so the two cannot drift apart.
import { z } from 'zod';
import { KeySchema, LocalizedTextSchema, SourceSchema, type Course } from './course-schema.js';
import type { Problem } from './problems.js';
import { sourceProblems } from './source-rules.js';

export const KNOWLEDGE_BLUEPRINT_FILE = 'assessments/knowledge-test.blueprint.yaml';

/** "Most items are applied mini-cases": strictly more than this share. */
export const MIN_APPLIED_SHARE = 0.5;

export const BlueprintObjectiveSchema = z.strictObject({
  key: KeySchema,
  /** The modules that teach it: an objective may span two (e.g. Ley 30364 in modules 4 and 6). */
  modules: z.array(KeySchema).min(1),
  text: LocalizedTextSchema,
  /** Legal basis of the items' keys; each one under the locator rule. */
  sources: z.array(SourceSchema).optional().default([]),
});

export const BlueprintItemSchema = z.strictObject({
  item: KeySchema,
  objective: KeySchema,
  kind: z.enum(['applied', 'recall']),
  topics: z.array(KeySchema).optional().default([]),
  /** The real misconceptions the distractors are built from. */
  misconceptions: z.array(LocalizedTextSchema).min(1),
});

export const KnowledgeBlueprintSchema = z.strictObject({
  test: KeySchema,
  /** Item keys of earlier forms, removed with their questions: never to be used again for a different question. */
  retired: z.array(KeySchema).optional().default([]),
  /** Topics the test must cover; each needs at least one item. */
  requiredTopics: z.array(KeySchema).min(1),
  objectives: z.array(BlueprintObjectiveSchema).min(1),
  items: z.array(BlueprintItemSchema).min(1),
});
export type KnowledgeBlueprint = z.infer<typeof KnowledgeBlueprintSchema>;

/** Every way the blueprint and the test disagree, plus the coverage rules. Empty when they match. */
export function checkBlueprint(blueprint: KnowledgeBlueprint, course: Pick<Course, 'knowledgeTest' | 'moduleOrder'>): Problem[] {
  const problems: Problem[] = [];
  const test = course.knowledgeTest;
  if (blueprint.test !== test.key) problems.push({ path: 'test', message: `the blueprint is for "${blueprint.test}" but the knowledge test is "${test.key}"` });

  const objectives = new Map(blueprint.objectives.map((objective) => [objective.key, objective]));
  const modules = new Set(course.moduleOrder);
  blueprint.objectives.forEach((objective, o) => {
    for (const module of objective.modules) {
      if (!modules.has(module)) problems.push({ path: `objectives[${o}].modules`, message: `module "${module}" does not exist` });
    }
  });

  const testItems = new Map(test.items.map((item) => [item.key, item]));
  const mapped = new Map<string, number>();
  blueprint.items.forEach((entry, i) => {
    const at = `items[${i}]`;
    if (mapped.has(entry.item)) problems.push({ path: `${at}.item`, message: `item "${entry.item}" is mapped twice (also items[${mapped.get(entry.item)}])` });
    mapped.set(entry.item, i);
    const item = testItems.get(entry.item);
    if (!item) problems.push({ path: `${at}.item`, message: `item "${entry.item}" is not in the knowledge test` });
    const objective = objectives.get(entry.objective);
    if (!objective) problems.push({ path: `${at}.objective`, message: `objective "${entry.objective}" is not in the blueprint` });
    if (item && objective && !objective.modules.includes(item.module)) {
      problems.push({ path: `${at}.objective`, message: `item "${entry.item}" is in module "${item.module}", which objective "${objective.key}" does not list` });
    }
  });
  const retired = new Set(blueprint.retired);
  for (const item of test.items) {
    if (retired.has(item.key)) problems.push({ path: 'items', message: `key "${item.key}" is retired; a new question needs a new key` });
    if (!mapped.has(item.key)) problems.push({ path: 'items', message: `knowledge-test item "${item.key}" is not in the blueprint` });
  }

  const used = new Set(blueprint.items.map((entry) => entry.objective));
  blueprint.objectives.forEach((objective, o) => {
    if (!used.has(objective.key)) problems.push({ path: `objectives[${o}]`, message: `objective "${objective.key}" has no item` });
  });
  const coveredModules = new Set(blueprint.items.map((entry) => testItems.get(entry.item)?.module));
  for (const module of course.moduleOrder) {
    if (!coveredModules.has(module)) problems.push({ path: 'items', message: `module "${module}" has no item in the blueprint` });
  }
  const coveredTopics = new Set(blueprint.items.flatMap((entry) => entry.topics));
  for (const topic of blueprint.requiredTopics) {
    if (!coveredTopics.has(topic)) problems.push({ path: 'requiredTopics', message: `required topic "${topic}" has no item` });
  }
  const applied = blueprint.items.filter((entry) => entry.kind === 'applied').length;
  if (blueprint.items.length > 0 && applied / blueprint.items.length <= MIN_APPLIED_SHARE) {
    problems.push({ path: 'items', message: `${applied} of ${blueprint.items.length} items are applied cases; most must be` });
  }
  blueprint.objectives.forEach((objective, o) => {
    const sources = objective.sources.map((source, s) => ({ path: `objectives[${o}].sources[${s}]`, source }));
    problems.push(...sourceProblems(sources));
  });
  return problems;
}

/** Items per objective and module: the objectives × modules table of the blueprint. */
export function blueprintMatrix(blueprint: KnowledgeBlueprint, course: Pick<Course, 'knowledgeTest' | 'moduleOrder'>): Record<string, Record<string, number>> {
  const moduleOf = new Map(course.knowledgeTest.items.map((item) => [item.key, item.module]));
  const matrix: Record<string, Record<string, number>> = {};
  for (const objective of blueprint.objectives) matrix[objective.key] = Object.fromEntries(course.moduleOrder.map((module) => [module, 0]));
  for (const entry of blueprint.items) {
    const module = moduleOf.get(entry.item);
    const row = matrix[entry.objective];
    if (module !== undefined && row && module in row) row[module] = (row[module] ?? 0) + 1;
  }
  return matrix;
}
