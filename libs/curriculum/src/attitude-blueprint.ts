// The attitude instrument's blueprint (assessments/attitude-instrument.blueprint.yaml): what each item measures and
// which v1 keys are retired. The content spec checks it against the instrument so the documentation cannot drift.
import { z } from 'zod';
import { KeySchema, NonEmptyTextSchema, type AttitudeInstrument } from './course-schema.js';
import type { Problem } from './problems.js';

export const ATTITUDE_BLUEPRINT_FILE = 'assessments/attitude-instrument.blueprint.yaml';

/** Items per subscale (α needs a few) and the share of them reverse-keyed, per subscale. */
export const SUBSCALE_ITEMS = { min: 4, max: 8 } as const;
export const SUBSCALE_REVERSE_SHARE = { min: 0.25, max: 0.5 } as const;

export const AttitudeBlueprintSchema = z.strictObject({
  instrument: KeySchema,
  /** Keys of earlier versions' items that were removed: never to be used again for a different statement. */
  retired: z.array(KeySchema).optional().default([]),
  subscales: z.array(z.strictObject({ key: KeySchema, modelledOn: NonEmptyTextSchema })).min(1),
  items: z.array(z.strictObject({ item: KeySchema, subscale: KeySchema, reverse: z.boolean(), facet: NonEmptyTextSchema })).min(1),
});
export type AttitudeBlueprint = z.infer<typeof AttitudeBlueprintSchema>;

export function checkAttitudeBlueprint(blueprint: AttitudeBlueprint, instrument: AttitudeInstrument): Problem[] {
  const problems: Problem[] = [];
  if (blueprint.instrument !== instrument.key) problems.push({ path: 'instrument', message: `the blueprint is for "${blueprint.instrument}" but the instrument is "${instrument.key}"` });
  const documented = new Map(blueprint.items.map((entry) => [entry.item, entry]));
  const retired = new Set(blueprint.retired);
  instrument.items.forEach((item, i) => {
    const entry = documented.get(item.key);
    if (!entry) problems.push({ path: `items[${i}]`, message: `item "${item.key}" is not in the blueprint` });
    else if (entry.subscale !== item.subscale || entry.reverse !== item.reverse) {
      problems.push({ path: `items[${i}]`, message: `item "${item.key}" is ${item.subscale}/${item.reverse ? 'reverse' : 'forward'} in the instrument but ${entry.subscale}/${entry.reverse ? 'reverse' : 'forward'} in the blueprint` });
    }
    if (retired.has(item.key)) problems.push({ path: `items[${i}]`, message: `key "${item.key}" is retired; a changed statement needs a new key` });
  });
  const inInstrument = new Set(instrument.items.map((item) => item.key));
  for (const entry of blueprint.items) {
    if (!inInstrument.has(entry.item)) problems.push({ path: 'items', message: `blueprint item "${entry.item}" is not in the instrument` });
  }
  const documentedSubscales = new Set(blueprint.subscales.map((subscale) => subscale.key));
  for (const subscale of instrument.subscales) {
    if (!documentedSubscales.has(subscale.key)) problems.push({ path: 'subscales', message: `subscale "${subscale.key}" is not in the blueprint` });
    const own = instrument.items.filter((item) => item.subscale === subscale.key);
    const reverse = own.filter((item) => item.reverse).length;
    if (own.length < SUBSCALE_ITEMS.min || own.length > SUBSCALE_ITEMS.max) {
      problems.push({ path: 'subscales', message: `subscale "${subscale.key}" has ${own.length} items; ${SUBSCALE_ITEMS.min}–${SUBSCALE_ITEMS.max} are needed` });
    }
    const share = own.length === 0 ? 0 : reverse / own.length;
    if (share < SUBSCALE_REVERSE_SHARE.min || share > SUBSCALE_REVERSE_SHARE.max) {
      problems.push({ path: 'subscales', message: `subscale "${subscale.key}" has ${reverse} of ${own.length} items reverse-keyed; a quarter to a half are needed` });
    }
  }
  return problems;
}
