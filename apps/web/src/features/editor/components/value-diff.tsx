import { diffWords } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from '../../../lib/i18n';

type Leaf = string | number | boolean | null;

/** Every leaf of an item (texts, keys, points, flags…) by a path of keys: `options.b.feedback.es`, `sources.2.url`. */
export function leaves(value: unknown, path: string[] = [], into = new Map<string, Leaf>()): Map<string, Leaf> {
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      const key = entry && typeof entry === 'object' && typeof (entry as { key?: unknown }).key === 'string' ? (entry as { key: string }).key : String(index);
      leaves(entry, [...path, key], into);
    });
  } else if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) leaves(inner, [...path, name], into);
  } else if (value !== undefined) {
    into.set(path.join('.'), value as Leaf);
  }
  return into;
}

export interface LeafChange { path: string; before: Leaf | undefined; after: Leaf | undefined }

/** The leaves that differ between two values of an item, in the order of the newer one (removed ones last). */
export function changedLeaves(before: unknown, after: unknown): LeafChange[] {
  const old = leaves(before);
  const now = leaves(after);
  const changes: LeafChange[] = [];
  for (const [path, value] of now) if (old.get(path) !== value) changes.push({ path, before: old.get(path), after: value });
  for (const [path, value] of old) if (!now.has(path)) changes.push({ path, before: value, after: undefined });
  return changes;
}

function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <p className="text-diff">
      {parts.map((part, i) => (part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>))}
    </p>
  );
}

/** A text-level diff of two values of one item: each changed field, words removed struck through, words added underlined. */
export function ValueDiff({ before, after, beforeLabel, afterLabel }: { before: unknown; after: unknown; beforeLabel?: string; afterLabel?: string }) {
  const { t } = useTranslation();
  const changes = useMemo(() => changedLeaves(before, after), [before, after]);
  if (changes.length === 0) return <p className="stat-note">{t('editor.diff.none')}</p>;
  return (
    <>
      {(beforeLabel || afterLabel) && <p className="stat-note">{t('editor.diff.legend', { before: beforeLabel, after: afterLabel })}</p>}
      <dl className="value-diff">
      {changes.map((change) => (
        <div key={change.path} className="value-diff__entry">
          <dt><code>{change.path}</code></dt>
          <dd>
            {typeof change.before === 'string' && typeof change.after === 'string'
              ? <TextDiff before={change.before} after={change.after} />
              : <p><del>{change.before === undefined ? t('editor.diff.absent') : String(change.before)}</del> → <ins>{change.after === undefined ? t('editor.diff.absent') : String(change.after)}</ins></p>}
          </dd>
        </div>
      ))}
      </dl>
    </>
  );
}
